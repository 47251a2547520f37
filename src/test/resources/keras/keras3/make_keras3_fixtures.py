#!/usr/bin/env python3
"""Models trained and saved by real Keras 3, for Keras3FilesTest. Run once by a developer:

    KERAS_BACKEND=jax python make_keras3_fixtures.py [MNIST_DIR] [--tutorial OUT.h5]

(checked with keras 3.15.1, jax 0.10.2, h5py 3.16, numpy 2.4). Follows the Keras MNIST tutorials:
pixels / 255, sparse categorical cross-entropy, RMSprop or Adam. Small networks keep the committed
files small. keras-expected.json holds Keras' own predict() on the first 100 test images and its
evaluate() accuracy on the 10,000 test images, for each file. With --tutorial it also trains the
textbook 784-512-10 (RMSprop, batch 128, 5 epochs) and saves it as OUT.h5 (not committed: 4.6 MB).
"""
import gzip, json, os, sys
os.environ.setdefault("KERAS_BACKEND", "jax")
import keras
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
args = [a for a in sys.argv[1:] if not a.startswith("--")]
MNIST = args[0] if args else os.path.join(HERE, "../../../../../../shared/data/mnist")


def idx(name, offset):
    with gzip.open(os.path.join(MNIST, name)) as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset)


x_train = idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 784).astype("float32") / 255
y_train = idx("train-labels-idx1-ubyte.gz", 8).astype("int32")
x_test = idx("t10k-images-idx3-ubyte.gz", 16).reshape(-1, 784).astype("float32") / 255
y_test = idx("t10k-labels-idx1-ubyte.gz", 8).astype("int32")
keras.utils.set_random_seed(16)
expected = {}


def record(path, model, x):
    loaded = keras.saving.load_model(path, compile=False)   # what the file holds, as Keras reads it back
    probs = np.asarray(loaded.predict(x[:100], verbose=0))
    all_probs = np.asarray(loaded.predict(x, verbose=0))
    correct = int((all_probs.argmax(axis=1) == y_test).sum())
    expected[os.path.basename(path)] = {"probabilities": probs.tolist(), "test_correct": correct,
                                        "keras_version": keras.__version__}
    print(path, "test accuracy", correct / len(y_test))


# The textbook MLP, narrower: 784-32-10, RMSprop, 2 epochs; saved both ways.
mlp = keras.Sequential([keras.Input((784,)), keras.layers.Dense(32, activation="relu"), keras.layers.Dense(10, activation="softmax")])
mlp.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
mlp.fit(x_train, y_train, epochs=2, batch_size=128, verbose=2)
mlp.save(os.path.join(HERE, "mlp.h5"))
record(os.path.join(HERE, "mlp.h5"), mlp, x_test)
mlp.save(os.path.join(HERE, "mlp.keras"))
record(os.path.join(HERE, "mlp.keras"), mlp, x_test)

# The Keras "simple MNIST convnet" example, smaller: (28, 28, 1), conv-pool-conv(same)-pool, dropout, softmax.
xi_train, xi_test = x_train.reshape(-1, 28, 28, 1), x_test.reshape(-1, 28, 28, 1)
cnn = keras.Sequential([keras.Input((28, 28, 1)),
                        keras.layers.Conv2D(8, (3, 3), activation="relu"), keras.layers.MaxPooling2D((2, 2)),
                        keras.layers.Conv2D(8, (3, 3), padding="same", activation="relu"), keras.layers.MaxPooling2D((2, 2)),
                        keras.layers.Flatten(), keras.layers.Dropout(0.5), keras.layers.Dense(10, activation="softmax")])
cnn.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
cnn.fit(xi_train, y_train, epochs=1, batch_size=128, verbose=2)
cnn.save(os.path.join(HERE, "cnn.keras"))
record(os.path.join(HERE, "cnn.keras"), cnn, xi_test)

with open(os.path.join(HERE, "keras-expected.json"), "w") as f:
    json.dump(expected, f)

if "--tutorial" in sys.argv:
    out = sys.argv[sys.argv.index("--tutorial") + 1]
    t = keras.Sequential([keras.Input((784,)), keras.layers.Dense(512, activation="relu"), keras.layers.Dense(10, activation="softmax")])
    t.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    t.fit(x_train, y_train, epochs=5, batch_size=128, verbose=2)
    loss, acc = t.evaluate(x_test, y_test, verbose=0)
    t.save(out)
    print("tutorial model", out, "keras evaluate: loss %.6f accuracy %.4f" % (loss, acc))
