#!/usr/bin/env python3
"""Writes the Keras fixtures of KerasImportTest with h5py and numpy only (Debian: python3-h5py).

    /usr/bin/python3 src/test/resources/keras/make_fixtures.py [MNIST_DIR]

Every file follows the layout Keras itself writes (see LAYOUTS.md beside this script for where each
detail comes from); the weights are random but seeded, and expected.json holds the probabilities
a plain numpy forward pass computes with them on the first 20 MNIST test images, which Inkling
must reproduce. The files are committed, so the build does not need h5py.
"""
import gzip, io, json, os, sys, zipfile
import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
MNIST = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "../../../../../shared/data/mnist")
COUNT = 20
rng = np.random.default_rng(16)


def mnist_test(n):
    with gzip.open(os.path.join(MNIST, "t10k-images-idx3-ubyte.gz")) as f:
        data = f.read()
    pixels = np.frombuffer(data, np.uint8, offset=16)[: n * 784]
    return pixels.reshape(n, 784)


def glorot(*shape):
    fan_in = int(np.prod(shape[:-1]))
    fan_out = shape[-1] if len(shape) == 2 else int(np.prod(shape[:2])) * shape[-1]
    lim = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-lim, lim, shape).astype(np.float32)


def bias(n):
    return rng.normal(0, 0.1, n).astype(np.float32)


# ---- the numpy forward pass (float32 all through, as Keras computes) ----
def relu(x): return np.maximum(x, 0)
def softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)
ACT = {"relu": relu, "softmax": softmax, "linear": lambda x: x, "tanh": np.tanh,
       "sigmoid": lambda x: (1 / (1 + np.exp(-x))).astype(np.float32)}


def conv2d(x, k, b, padding):
    kh, kw, cin, cout = k.shape
    if padding == "same":   # TensorFlow: (k - 1) // 2 before, the rest after
        t, l = (kh - 1) // 2, (kw - 1) // 2
        x = np.pad(x, ((0, 0), (t, kh - 1 - t), (l, kw - 1 - l), (0, 0)))
    n, h, w, _ = x.shape
    oh, ow = h - kh + 1, w - kw + 1
    out = np.zeros((n, oh, ow, cout), np.float32)
    for i in range(kh):
        for j in range(kw):
            out += np.tensordot(x[:, i:i + oh, j:j + ow, :], k[i, j], axes=([3], [0]))
    return out + b


def maxpool(x, p):
    n, h, w, c = x.shape
    x = x[:, : h // p * p, : w // p * p, :]
    return x.reshape(n, h // p, p, w // p, p, c).max(axis=(2, 4))


def forward(layers, weights, x):
    """layers: Keras layer dicts (class_name, config); weights: {layer name: [kernel, bias]}."""
    for layer in layers:
        cls, c = layer["class_name"], layer["config"]
        if cls == "InputLayer" or cls == "Dropout":
            continue
        if cls == "Rescaling":
            x = x * np.float32(c["scale"]) + np.float32(c["offset"])
        elif cls == "Reshape":
            x = x.reshape((x.shape[0],) + tuple(c["target_shape"]))
        elif cls == "Flatten":
            x = x.reshape(x.shape[0], -1)
        elif cls == "Dense":
            k, b = weights[c["name"]]
            x = ACT[c["activation"]](x @ k + b)
        elif cls == "Conv2D":
            k, b = weights[c["name"]]
            x = ACT[c["activation"]](conv2d(x, k, b, c["padding"]))
        elif cls == "MaxPooling2D":
            x = maxpool(x, c["pool_size"][0])
        elif cls == "Activation":
            x = ACT[c["activation"]](x)
        else:
            raise ValueError(cls)
    return x.astype(np.float32)


def softmax_if_logits(layers, probs):
    last = [l for l in layers if l["class_name"] in ("Dense", "Activation")][-1]
    return softmax(probs) if last["config"]["activation"] == "linear" else probs


# ---- Keras 2 legacy HDF5 (keras/engine/saving.py save_model, later tf.keras hdf5_format.py) ----
def fixed(s):
    """Keras 2 stores string attributes as numpy bytes: HDF5 fixed-length strings."""
    return np.bytes_(s.encode("utf8"))


def write_h5(path, model_config, layer_weights, layer_names, keras_version, weight_name, with_optimizer=True):
    """layer_weights: {layer name: [(short weight name, array), ...]} for layers with weights."""
    with h5py.File(path, "w") as f:
        f.attrs["keras_version"] = fixed(keras_version)
        f.attrs["backend"] = fixed("tensorflow")
        f.attrs["model_config"] = fixed(json.dumps(model_config))
        f.attrs["training_config"] = fixed(json.dumps({
            "loss": "sparse_categorical_crossentropy", "metrics": ["accuracy"],
            "optimizer_config": {"class_name": "RMSprop", "config": {"lr": 0.001, "rho": 0.9}}}))
        g = f.create_group("model_weights")
        g.attrs["keras_version"] = fixed(keras_version)
        g.attrs["backend"] = fixed("tensorflow")
        # np.array of bytes: an array of fixed-length strings, as save_attributes_to_hdf5_group writes it
        g.attrs["layer_names"] = np.array([n.encode("utf8") for n in layer_names])
        for name in layer_names:
            lg = g.create_group(name)
            ws = layer_weights.get(name, [])
            names = [weight_name(name, w) for w, _ in ws]
            lg.attrs["weight_names"] = np.array([n.encode("utf8") for n in names])
            for n, (_, v) in zip(names, ws):
                ds = lg.create_dataset(n, v.shape, dtype=v.dtype)
                ds[...] = v
        if with_optimizer:   # optimiser state beside the model, as model.save(include_optimizer=True) writes it
            og = f.create_group("optimizer_weights")
            onames = []
            for name in layer_names:
                for w, v in layer_weights.get(name, []):
                    n = "training/RMSprop/" + name + "/" + w + "/rms:0"
                    og.create_dataset(n, data=np.zeros_like(v))
                    onames.append(n.encode("utf8"))
            og.attrs["weight_names"] = np.array(onames)


def layer(cls, **config):
    return {"class_name": cls, "config": config}


def dense(name, units, activation, **extra):
    return layer("Dense", name=name, trainable=True, units=units, activation=activation, use_bias=True,
                 kernel_initializer={"class_name": "VarianceScaling", "config": {"scale": 1.0, "mode": "fan_avg", "distribution": "uniform", "seed": None}},
                 bias_initializer={"class_name": "Zeros", "config": {}}, kernel_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, kernel_constraint=None, bias_constraint=None, **extra)


def conv(name, filters, k, activation, padding, **extra):
    return layer("Conv2D", name=name, trainable=True, filters=filters, kernel_size=[k, k], strides=[1, 1], padding=padding,
                 data_format="channels_last", dilation_rate=[1, 1], activation=activation, use_bias=True, **extra)


expected = {}
x01 = (mnist_test(COUNT).astype(np.float32) / np.float32(255))


def record(fname, layers, weights, x):
    probs = softmax_if_logits(layers, forward(layers, weights, x))
    expected[fname] = [[float(p) for p in row] for row in probs]


# 1. Keras 2.0-2.2 (standalone keras, mnist_mlp.py): config is a plain list, the first layer carries
#    batch_input_shape, layer names count from _1, weight names end in ':0'.
layers = [dense("dense_1", 24, "relu", batch_input_shape=[None, 784], dtype="float32"),
          layer("Dropout", name="dropout_1", trainable=True, rate=0.2, noise_shape=None, seed=None),
          dense("dense_2", 10, "softmax")]
w = {"dense_1": [glorot(784, 24), bias(24)], "dense_2": [glorot(24, 10) * 3, bias(10)]}
write_h5(os.path.join(HERE, "mlp-keras2-list.h5"), {"class_name": "Sequential", "config": layers},
         {n: list(zip(["kernel", "bias"], v)) for n, v in w.items()}, ["dense_1", "dropout_1", "dense_2"],
         "2.1.6", lambda layer_name, w: layer_name + "/" + w + ":0")
record("mlp-keras2-list.h5", layers, w, x01)

# 2. tf.keras 2.4+ : config is {"name", "layers"} with an InputLayer first (batch_input_shape), a CNN
#    with valid and same convolutions; model_weights lists the layers after the input only.
layers = [layer("InputLayer", batch_input_shape=[None, 28, 28, 1], dtype="float32", sparse=False, ragged=False, name="conv_input"),
          conv("conv2d", 4, 3, "relu", "valid"),
          layer("MaxPooling2D", name="max_pooling2d", trainable=True, pool_size=[2, 2], padding="valid", strides=[2, 2], data_format="channels_last"),
          conv("conv2d_1", 6, 3, "tanh", "same"),
          layer("Flatten", name="flatten", trainable=True, data_format="channels_last"),
          dense("dense", 10, "softmax")]
w = {"conv2d": [glorot(3, 3, 1, 4), bias(4)], "conv2d_1": [glorot(3, 3, 4, 6), bias(6)], "dense": [glorot(13 * 13 * 6, 10) * 8, bias(10)]}
write_h5(os.path.join(HERE, "cnn-keras2-object.h5"), {"class_name": "Sequential", "config": {"name": "sequential", "layers": layers}},
         {n: list(zip(["kernel", "bias"], v)) for n, v in w.items()}, ["conv2d", "max_pooling2d", "conv2d_1", "flatten", "dense"],
         "2.9.0", lambda layer_name, w: layer_name + "/" + w + ":0")
record("cnn-keras2-object.h5", layers, w, x01.reshape(-1, 28, 28, 1))

# 3. tf.keras 2.x, the "beginner" tutorial shape: (28, 28) input, Rescaling(1/255) of raw pixels,
#    Flatten, and logits out (from_logits=True): Inkling folds the scaling and adds the softmax.
layers = [layer("InputLayer", batch_input_shape=[None, 28, 28], dtype="float32", sparse=False, ragged=False, name="input_1"),
          layer("Rescaling", name="rescaling", trainable=True, dtype="float32", scale=1 / 255.0, offset=0.0),
          layer("Flatten", name="flatten", trainable=True, data_format="channels_last"),
          dense("dense", 16, "relu"),
          dense("dense_1", 10, "linear")]
w = {"dense": [glorot(784, 16), bias(16)], "dense_1": [glorot(16, 10) * 3, bias(10)]}
write_h5(os.path.join(HERE, "logits-rescaling.h5"), {"class_name": "Sequential", "config": {"name": "sequential", "layers": layers}},
         {n: list(zip(["kernel", "bias"], v)) for n, v in w.items()}, ["rescaling", "flatten", "dense", "dense_1"],
         "2.12.0", lambda layer_name, w: layer_name + "/" + w + ":0", with_optimizer=False)
record("logits-rescaling.h5", layers, w, (x01 * np.float32(255)).reshape(-1, 28, 28))


# ---- Keras 3 .keras (keras/src/saving/saving_lib.py) ----
def k3(cls, **config):
    return {"module": "keras.layers", "class_name": cls, "config": config, "registered_name": None}


def write_keras(path, layers, var_lists, with_weights=True):
    """var_lists: one list of arrays per layer after the InputLayer, in order (empty for no weights)."""
    config = {"module": "keras", "class_name": "Sequential",
              "config": {"name": "sequential", "trainable": True, "dtype": "float32", "layers": layers},
              "registered_name": None, "build_config": {"input_shape": layers[0]["config"]["batch_shape"]},
              "compile_config": {"optimizer": {"module": "keras.optimizers", "class_name": "Adam", "config": {"learning_rate": 0.001}},
                                 "loss": "sparse_categorical_crossentropy", "metrics": ["accuracy"]}}
    buf = io.BytesIO()
    with h5py.File(buf, "w") as f:
        f.create_group("vars").attrs["name"] = "sequential"          # the model's own (none)
        used = {}
        for l, vs in zip(layers[1:], var_lists):
            name = snake(l["class_name"])
            if name in used:
                used[name] += 1
                name = f"{name}_{used[name]}"
            else:
                used[name] = 0
            g = f.create_group("layers/" + name + "/vars")
            g.attrs["name"] = l["config"]["name"]
            for i, v in enumerate(vs):
                g.create_dataset(str(i), data=v)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("metadata.json", json.dumps({"keras_version": "3.3.3", "date_saved": "2024-05-01@12:00:00"}))
        z.writestr("config.json", json.dumps(config))
        if with_weights:
            z.writestr("model.weights.h5", buf.getvalue())


def snake(name):
    import re
    name = re.sub(r"\W+", "", re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name))
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


# 4. A CNN in Keras 3 with layer names of its own (the weights file names groups by class, not name),
#    same padding, Dropout, and an Activation layer after a linear Dense.
layers = [k3("InputLayer", batch_shape=[None, 28, 28, 1], dtype="float32", sparse=False, name="pixels"),
          k3("Conv2D", name="features", filters=4, kernel_size=[3, 3], strides=[1, 1], padding="same", data_format="channels_last",
             dilation_rate=[1, 1], groups=1, activation="relu", use_bias=True),
          k3("MaxPooling2D", name="pool", pool_size=[2, 2], padding="valid", strides=[2, 2], data_format="channels_last"),
          k3("Flatten", name="flat", data_format="channels_last"),
          k3("Dropout", name="drop", rate=0.5, seed=None, noise_shape=None),
          k3("Dense", name="hidden", units=12, activation="linear", use_bias=True),
          k3("Activation", name="hidden_relu", activation="relu"),
          k3("Dense", name="digits", units=10, activation="softmax", use_bias=True)]
w = {"features": [glorot(3, 3, 1, 4), bias(4)], "hidden": [glorot(14 * 14 * 4, 12), bias(12)], "digits": [glorot(12, 10) * 3, bias(10)]}
vars_ = [w["features"], [], [], [], w["hidden"], [], w["digits"]]
write_keras(os.path.join(HERE, "cnn-named.keras"), layers, vars_)
record("cnn-named.keras", layers, w, x01.reshape(-1, 28, 28, 1))

# 5. Keras 3, (784,) input reshaped to an image inside the model.
layers = [k3("InputLayer", batch_shape=[None, 784], dtype="float32", sparse=False, name="input_layer"),
          k3("Reshape", name="reshape", target_shape=[28, 28, 1]),
          k3("Conv2D", name="conv2d", filters=3, kernel_size=[5, 5], strides=[1, 1], padding="valid", data_format="channels_last",
             dilation_rate=[1, 1], groups=1, activation="relu", use_bias=True),
          k3("MaxPooling2D", name="max_pooling2d", pool_size=[2, 2], padding="valid", strides=None, data_format="channels_last"),
          k3("Flatten", name="flatten", data_format="channels_last"),
          k3("Dense", name="dense", units=10, activation="softmax", use_bias=True)]
w = {"conv2d": [glorot(5, 5, 1, 3), bias(3)], "dense": [glorot(12 * 12 * 3, 10) * 3, bias(10)]}
write_keras(os.path.join(HERE, "reshape-conv.keras"), layers, [[], w["conv2d"], [], [], w["dense"]])
record("reshape-conv.keras", layers, w, x01)

# ---- damaged, foreign, unsupported ----
with h5py.File(os.path.join(HERE, "not-a-model.h5"), "w") as f:      # an HDF5 file of something else
    f.create_dataset("measurements", data=np.arange(12, dtype=np.float64).reshape(3, 4))
    f.attrs["instrument"] = fixed("thermometer")
write_keras(os.path.join(HERE, "no-weights.keras"), layers, [[], w["conv2d"], [], [], w["dense"]], with_weights=False)
bad = [dense("dense_1", 24, "relu", batch_input_shape=[None, 784]),
       layer("BatchNormalization", name="batch_normalization_1", axis=-1, momentum=0.99, epsilon=0.001),
       dense("dense_2", 10, "softmax")]
bw = {"dense_1": [("kernel", glorot(784, 24)), ("bias", bias(24))],
      "batch_normalization_1": [(n, np.ones(24, np.float32)) for n in ("gamma", "beta", "moving_mean", "moving_variance")],
      "dense_2": [("kernel", glorot(24, 10)), ("bias", bias(10))]}
write_h5(os.path.join(HERE, "unknown-layer.h5"), {"class_name": "Sequential", "config": bad}, bw,
         ["dense_1", "batch_normalization_1", "dense_2"], "2.2.4", lambda l, w: l + "/" + w + ":0", with_optimizer=False)
mism = [dense("dense_1", 32, "relu", batch_input_shape=[None, 784]), dense("dense_2", 10, "softmax")]
mw = {"dense_1": [("kernel", glorot(784, 24)), ("bias", bias(24))], "dense_2": [("kernel", glorot(24, 10)), ("bias", bias(10))]}
write_h5(os.path.join(HERE, "shape-mismatch.h5"), {"class_name": "Sequential", "config": mism}, mw,
         ["dense_1", "dense_2"], "2.2.4", lambda l, w: l + "/" + w + ":0", with_optimizer=False)

with open(os.path.join(HERE, "expected.json"), "w") as f:
    json.dump({"images": "the first %d MNIST test images, pixels / 255" % COUNT, "probabilities": expected}, f, indent=1)
print("wrote", sorted(expected))
