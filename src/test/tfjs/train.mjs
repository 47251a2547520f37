// node train.mjs IMAGES_F32 LABELS_U8 TEST_F32 OUT_DIR: trains a small CNN with tfjs (the tfjs MNIST
// example's layers, fewer and smaller: tfjs' pure-JS CPU backend is slow), saves it into OUT_DIR (model.json + weights.bin) and writes tfjs'
// probabilities on the test images to OUT_DIR/predictions.json.
import fs from 'node:fs';
import path from 'node:path';
import { saveModel, tf } from './models.mjs';

const [imagesFile, labelsFile, testFile, outDir] = process.argv.slice(2);
await tf.setBackend('cpu');
tf.util.seedrandom?.('16');
const pixels = fs.readFileSync(imagesFile);
const labels = fs.readFileSync(labelsFile);
const n = labels.length;
const xs = tf.tensor4d(new Float32Array(pixels.buffer.slice(pixels.byteOffset, pixels.byteOffset + pixels.byteLength)), [n, 28, 28, 1]);
const ys = tf.oneHot(tf.tensor1d(Array.from(labels), 'int32'), 10);

const model = tf.sequential();
model.add(tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 4, kernelSize: 3, activation: 'relu', padding: 'same' }));
model.add(tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }));
model.add(tf.layers.flatten());
model.add(tf.layers.dropout({ rate: 0.25 }));
model.add(tf.layers.dense({ units: 12, activation: 'relu' }));
model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
const h = await model.fit(xs, ys, { epochs: 3, batchSize: 64, verbose: 0 });
await saveModel(model, outDir);

const test = fs.readFileSync(testFile);
const tx = tf.tensor4d(new Float32Array(test.buffer.slice(test.byteOffset, test.byteOffset + test.byteLength)), [test.length / 4 / 784, 28, 28, 1]);
const probabilities = await model.predict(tx).array();
fs.writeFileSync(path.join(outDir, 'predictions.json'), JSON.stringify({
  tfjs: tf.version.tfjs, train_accuracy: h.history.acc ? h.history.acc.at(-1) : h.history.accuracy.at(-1), probabilities }));
