"""Developer check, not run by the build: loads each fixture with real Keras 3 and compares its
predictions with expected.json (the numpy forward pass).

    KERAS_BACKEND=jax python verify_with_keras.py src/test/resources/keras [MNIST_DIR]

Needs keras 3 with a backend (checked with keras 3.15.1 + jax 0.10.2). Keras 3 refuses the
list-form config of Keras 2.0-2.2 files (mlp-keras2-list.h5); Keras 2 itself wrote and read it.
"""
import os, sys, json, gzip; os.environ['KERAS_BACKEND']='jax'
import keras, numpy as np
D = sys.argv[1]
exp = json.load(open(os.path.join(D, "expected.json")))["probabilities"]
with gzip.open(os.path.join(sys.argv[2] if len(sys.argv) > 2 else "../shared/data/mnist", "t10k-images-idx3-ubyte.gz")) as f: px = np.frombuffer(f.read(), np.uint8, offset=16)[:20*784].reshape(20,784)
x = px.astype(np.float32)/np.float32(255)
for name, want in exp.items():
    try:
        m = keras.saving.load_model(os.path.join(D, name), compile=False)
    except Exception as e:
        print(name, "KERAS FAILED TO LOAD:", type(e).__name__, str(e)[:300]); continue
    shape = m.inputs[0].shape[1:] if m.inputs else None
    inp = x * 255 if name.startswith("logits") else x
    y = np.asarray(m.predict(inp.reshape((20,)+tuple(shape)), verbose=0))
    if name.startswith("logits"): y = np.asarray(keras.ops.softmax(y))
    print(name, "max |keras - numpy| =", np.abs(y - np.array(want)).max())
