// Reading and writing TensorFlow.js Layers models on disk with tfjs' own code, offline: tfjs'
// file:// handler lives in @tensorflow/tfjs-node (native), so model.json and its shards are read
// into tf.io.fromMemory and written from tf.io.withSaveHandler, in the layout tfjs-node writes.
import fs from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';

/** Loads model.json and the shards its weightsManifest lists (paths relative to it, groups in order). */
export async function loadModel(modelJsonPath) {
  const json = JSON.parse(fs.readFileSync(modelJsonPath, 'utf8'));
  const dir = path.dirname(modelJsonPath);
  const specs = [];
  const buffers = [];
  for (const group of json.weightsManifest) {
    specs.push(...group.weights);
    for (const p of group.paths) buffers.push(fs.readFileSync(path.join(dir, p)));
  }
  const all = Buffer.concat(buffers);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
  return tf.loadLayersModel(tf.io.fromMemory({
    modelTopology: json.modelTopology, weightSpecs: specs, weightData, userDefinedMetadata: json.userDefinedMetadata,
  }));
}

/** Saves as tfjs-node's file:// handler does: model.json + weights.bin. */
export async function saveModel(model, dir) {
  fs.mkdirSync(dir, { recursive: true });
  await model.save(tf.io.withSaveHandler(async (artifacts) => {
    fs.writeFileSync(path.join(dir, 'weights.bin'), Buffer.from(artifacts.weightData));
    // the fields tfjs-node's NodeFileSystem.save writes
    const json = {
      modelTopology: artifacts.modelTopology,
      format: artifacts.format,
      generatedBy: artifacts.generatedBy,
      convertedBy: artifacts.convertedBy,
      weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
    };
    if (artifacts.trainingConfig != null) json.trainingConfig = artifacts.trainingConfig;
    if (artifacts.userDefinedMetadata != null) json.userDefinedMetadata = artifacts.userDefinedMetadata;
    fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify(json));
    return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
  }));
}

/** Float32 little-endian rows of 784 pixels (0..1) written by the Java test, shaped for the model's input. */
export function readImages(file, model) {
  const bytes = fs.readFileSync(file);
  const values = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const n = values.length / 784;
  const inputShape = model.inputs[0].shape.slice(1);
  return tf.tensor(values, [n, ...inputShape]);
}

export { tf };
