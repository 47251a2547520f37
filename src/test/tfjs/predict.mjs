// node predict.mjs MODEL_JSON IMAGES_F32 OUT_JSON: tfjs' probabilities for each image, as JSON rows.
import fs from 'node:fs';
import { loadModel, readImages, tf } from './models.mjs';

const [modelJson, images, out] = process.argv.slice(2);
await tf.setBackend('cpu');
const model = await loadModel(modelJson);
const x = readImages(images, model);
const probabilities = await model.predict(x).array();
// what tfjs hands its users as the model's metadata (Inkling's exports put class names and the verdict rule there)
const metadata = model.getUserDefinedMetadata() ?? null;
fs.writeFileSync(out, JSON.stringify({ backend: tf.getBackend(), tfjs: tf.version.tfjs, probabilities, metadata }));
