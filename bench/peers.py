#!/usr/bin/python3
"""Trains the same MLP as `inkling bench` in the two peers a user would pick instead, on the same
data and settings, and measures their matrix products.

  (a) PyTorch on the CPU (Debian python3-torch), plain loop: tensors indexed directly, no DataLoader,
      in its fastest thread setting among --torch-threads;
  (b) the same network written by hand on numpy + OpenBLAS (Debian python3-numpy).

Network: 784-<arch>-10, relu hidden layers, softmax + sparse categorical cross-entropy, Glorot-uniform
weights and zero biases (Keras defaults), RMSprop(lr=0.001, rho=0.9, eps=1e-7) as Keras defines it,
batch 128, reshuffled every epoch. `--arch cnn` is Inkling's convolutional network
(conv32, pool, conv64, pool, 128: 3x3 kernels, relu, 2x2 max pooling), in PyTorch only (in its own
NCHW layout and default initialisation; numpy has no convolution a user would pick). Reports the
median epoch time after the first epoch, test accuracy, the sgemm GFLOP/s numpy reaches on the hot
shapes of training and prediction, and the processor's measured float32 peak: numpy's sgemm on
2048x2048 matrices (its best call), which the GFLOP/s figures are compared against.

Run with Debian's python3 (/usr/bin/python3): `bench/peers.py --epochs 3 --json`.
"""
import argparse
import gzip
import json
import os
import platform
import statistics
import struct
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "data", "mnist"))

LR, RHO, EPS, BATCH = 0.001, 0.9, 1e-7, 128

# (name, m, n, k, op): C is m x n, inner dimension k. mult: A.B, transA: A^T.B, transB: A.B^T.
GEMM_SHAPES = [
    ("mult_128x512x784", 128, 512, 784, "mult"),        # X.W1 forward
    ("mult_128x10x512", 128, 10, 512, "mult"),          # H.W2 forward
    ("mult_128x512x512", 128, 512, 512, "mult"),        # H1.W2 of the deeper net
    ("transA_784x512x128", 784, 512, 128, "transA"),    # X^T.dZ weight gradient
    ("transB_128x784x512", 128, 784, 512, "transB"),    # dZ.W^T input gradient
    ("mult_1x512x784", 1, 512, 784, "mult"),            # one drawing
    ("mult_10000x512x784", 10000, 512, 784, "mult"),    # the test set at once
]


def read_idx(path):
    try:
        with gzip.open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        sys.exit(f"peers.py: cannot read {path}: {e}")
    magic = struct.unpack(">I", data[:4])[0]
    ndim = magic & 0xFF
    if magic >> 8 != 0x08:
        sys.exit(f"peers.py: {path} is not an unsigned-byte IDX file (magic {magic:#x})")
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    arr = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim)
    if arr.size != int(np.prod(dims)):
        sys.exit(f"peers.py: {path} holds {arr.size} values, its header says {dims}")
    return arr.reshape(dims)


def load_mnist(d):
    def part(prefix):
        x = read_idx(os.path.join(d, f"{prefix}-images-idx3-ubyte.gz"))
        y = read_idx(os.path.join(d, f"{prefix}-labels-idx1-ubyte.gz"))
        return (x.reshape(len(x), -1).astype(np.float32) / 255.0), y.astype(np.int64)
    return part("train") + part("t10k")


def glorot(rng, fan_in, fan_out):
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=(fan_in, fan_out)).astype(np.float32)


def init_params(sizes, seed):
    rng = np.random.default_rng(seed)
    return [(glorot(rng, a, b), np.zeros(b, np.float32)) for a, b in zip(sizes[:-1], sizes[1:])]


# ---------------------------------------------------------------- numpy by hand

def train_numpy(data, sizes, epochs, seed):
    xtr, ytr, xte, yte = data
    params = init_params(sizes, seed)
    flat = [p for wb in params for p in wb]
    sq = [np.zeros_like(p) for p in flat]
    rng = np.random.default_rng(seed + 1)
    n = len(xtr)
    times = []
    for _ in range(epochs):
        order = rng.permutation(n)
        t0 = time.perf_counter()
        for s in range(0, n, BATCH):
            idx = order[s:s + BATCH]
            xb, yb = xtr[idx], ytr[idx]
            acts = [xb]
            for li, (w, b) in enumerate(params):
                z = acts[-1] @ w
                z += b
                if li < len(params) - 1:
                    np.maximum(z, 0, out=z)
                acts.append(z)
            logits = acts[-1]
            logits -= logits.max(axis=1, keepdims=True)
            np.exp(logits, out=logits)
            logits /= logits.sum(axis=1, keepdims=True)
            d = logits
            d[np.arange(len(yb)), yb] -= 1.0
            d /= np.float32(len(yb))
            grads = []
            for li in range(len(params) - 1, -1, -1):
                w, _ = params[li]
                gw = acts[li].T @ d
                gb = d.sum(axis=0)
                grads.append((gw, gb))
                if li > 0:
                    d = d @ w.T
                    d *= acts[li] > 0
            grads.reverse()
            for p, v, g in zip(flat, sq, [g for gg in grads for g in gg]):
                v *= RHO
                v += (1 - RHO) * g * g
                p -= LR * g / (np.sqrt(v) + EPS)
        times.append(time.perf_counter() - t0)
    def predict(x):
        h = x
        for li, (w, b) in enumerate(params):
            h = h @ w + b
            if li < len(params) - 1:
                h = np.maximum(h, 0)
        h = np.exp(h - h.max(axis=1, keepdims=True))
        return h / h.sum(axis=1, keepdims=True)

    acc = float((predict(xte).argmax(axis=1) == yte).mean())
    return times, acc, latency(predict, xte)


# ---------------------------------------------------------------- PyTorch

def torch_cnn(torch):
    """Inkling's `cnn`: conv32, pool, conv64, pool, 128, softmax (3x3 valid convolutions, relu)."""
    nn = torch.nn
    return nn.Sequential(nn.Unflatten(1, (1, 28, 28)),
                         nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Linear(64 * 5 * 5, 128), nn.ReLU(), nn.Linear(128, 10))


def train_torch(data, sizes, epochs, seed, threads):
    import torch
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    xtr, ytr, xte, yte = (torch.from_numpy(a) for a in data)
    if sizes == "cnn":
        model = torch_cnn(torch)
    else:
        layers = []
        for li, (w, b) in enumerate(init_params(sizes, seed)):
            lin = torch.nn.Linear(w.shape[0], w.shape[1])
            with torch.no_grad():
                lin.weight.copy_(torch.from_numpy(w.T.copy()))
                lin.bias.copy_(torch.from_numpy(b))
            layers.append(lin)
            if li < len(sizes) - 2:
                layers.append(torch.nn.ReLU())
        model = torch.nn.Sequential(*layers)
    opt = torch.optim.RMSprop(model.parameters(), lr=LR, alpha=RHO, eps=EPS)
    loss_fn = torch.nn.CrossEntropyLoss()
    g = torch.Generator().manual_seed(seed + 1)
    n = len(xtr)
    times = []
    for _ in range(epochs):
        order = torch.randperm(n, generator=g)
        t0 = time.perf_counter()
        for s in range(0, n, BATCH):
            idx = order[s:s + BATCH]
            xb, yb = xtr[idx], ytr[idx]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
        times.append(time.perf_counter() - t0)
    def predict(x):
        with torch.no_grad():
            return torch.softmax(model(x), dim=1)

    acc = float((predict(xte).argmax(dim=1) == yte).float().mean())
    return times, acc, latency(predict, xte)


def latency(predict, xte):
    """Median time of predicting one image (microseconds) and the 10,000 test images (milliseconds)."""
    one = xte[:1]

    def median_time(fn, reps, min_seconds):
        for _ in range(min(reps, 20)):
            fn()
        samples = []
        start = time.perf_counter()
        while len(samples) < reps or time.perf_counter() - start < min_seconds:
            t0 = time.perf_counter()
            fn()
            samples.append(time.perf_counter() - t0)
        return statistics.median(samples)

    return {"predict_one_microseconds": median_time(lambda: predict(one), 2000, 0.5) * 1e6,
            "predict_batch10000_milliseconds": median_time(lambda: predict(xte), 5, 1.0) * 1e3}


def peak_memory_mb():
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


# ---------------------------------------------------------------- sgemm

def gemm_gflops(name, m, n, k, op, min_seconds=0.5):
    rng = np.random.default_rng(0)
    a = rng.standard_normal((k, m) if op == "transA" else (m, k), dtype=np.float32)
    b = rng.standard_normal((n, k) if op == "transB" else (k, n), dtype=np.float32)
    c = np.empty((m, n), np.float32)
    aa = a.T if op == "transA" else a
    bb = b.T if op == "transB" else b

    def run():
        np.matmul(aa, bb, out=c)

    for _ in range(3):
        run()
    samples = []
    start = time.perf_counter()
    while time.perf_counter() - start < min_seconds or len(samples) < 5:
        t0 = time.perf_counter()
        run()
        samples.append(time.perf_counter() - t0)
    # Best of many calls: other work on a shared machine only ever makes a call slower.
    best, med = min(samples), statistics.median(samples)
    flop = 2.0 * m * n * k
    return {"microseconds": best * 1e6, "gflops": flop / best / 1e9,
            "microseconds_median": med * 1e6, "gflops_median": flop / med / 1e9}


def blas_info():
    try:
        from threadpoolctl import threadpool_info
        return [{k: v for k, v in i.items() if k in ("internal_api", "version", "num_threads", "architecture", "threading_layer", "filepath")}
                for i in threadpool_info()]
    except ImportError:
        return "threadpoolctl not installed"


def limit_blas(threads):
    try:
        from threadpoolctl import threadpool_limits
        return threadpool_limits(threads)
    except ImportError:
        return None


def median_after_first(times):
    return statistics.median(times[1:]) if len(times) > 1 else times[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DEFAULT_DATA, help="directory with the gzipped MNIST IDX files")
    ap.add_argument("--arch", default="512", help="hidden layer sizes, e.g. 512 or 512,512, or cnn")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--peers", default="torch,numpy", help="which peers to train (torch, numpy, none)")
    ap.add_argument("--torch-threads", default="1", help="thread counts to try for PyTorch, e.g. 1,2; the fastest is reported")
    ap.add_argument("--no-gemm", action="store_true", help="skip the sgemm measurements")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    args = ap.parse_args()

    cnn = args.arch.strip().lower() == "cnn"
    sizes = "cnn" if cnn else [784] + [int(h) for h in args.arch.split(",") if h] + [10]
    peers = [p for p in args.peers.split(",") if p and p != "none"]
    result = {
        "arch": "784-26x26x32-13x13x32-11x11x64-5x5x64-1600-128-10" if cnn else "-".join(map(str, sizes)),
        "epochs": args.epochs, "batch": BATCH,
        "machine": {"cpu": platform.processor() or platform.machine(), "cores": os.cpu_count(),
                    "OPENBLAS_CORETYPE": os.environ.get("OPENBLAS_CORETYPE"),
                    "OPENBLAS_L2_SIZE": os.environ.get("OPENBLAS_L2_SIZE")},
        "numpy_version": np.__version__, "blas": blas_info(), "peers": {}, "gemm_numpy": {},
    }
    log = (lambda *a: print(*a, file=sys.stderr)) if args.json else print
    if peers:
        data = load_mnist(args.data)
        if "numpy" in peers and cnn:
            log("numpy: no convolutional network by hand; only the sgemm figures and the peak")
        elif "numpy" in peers:
            times, acc, lat = train_numpy(data, sizes, args.epochs, args.seed)
            e = median_after_first(times)
            result["peers"]["numpy"] = {"epoch_seconds": e, "epochs_seconds": times, "test_accuracy": acc,
                                        "samples_per_second": 60000 / e, **lat}
            log(f"numpy  {result['arch']}: epoch {e:.3f} s (median after the first; all {[round(t, 3) for t in times]}), "
                f"test accuracy {acc:.4f}, predict one {lat['predict_one_microseconds']:.1f} us, "
                f"10000 {lat['predict_batch10000_milliseconds']:.1f} ms")
        if "torch" in peers:
            import torch
            best = None
            for t in [int(x) for x in args.torch_threads.split(",")]:
                times, acc, lat = train_torch(data, sizes, args.epochs, args.seed, t)
                e = median_after_first(times)
                log(f"torch {torch.__version__} {t} thread(s) {result['arch']}: epoch {e:.3f} s (all {[round(x, 3) for x in times]}), "
                    f"test accuracy {acc:.4f}, predict one {lat['predict_one_microseconds']:.1f} us, "
                    f"10000 {lat['predict_batch10000_milliseconds']:.1f} ms")
                run = {"threads": t, "epoch_seconds": e, "epochs_seconds": times, "test_accuracy": acc,
                       "samples_per_second": 60000 / e, "version": torch.__version__, **lat}
                if best is None or e < best["epoch_seconds"]:
                    best = run
            result["peers"]["torch"] = best
    if not args.no_gemm:
        peak = gemm_gflops("mult_2048x2048x2048", 2048, 2048, 2048, "mult", min_seconds=2.0)
        result["peak_gflops"] = peak["gflops"]
        log(f"numpy sgemm 2048x2048x2048 (the processor's float32 peak here): {peak['gflops']:.1f} GFLOP/s best")
        for name, m, n, k, op in GEMM_SHAPES:
            row = gemm_gflops(name, m, n, k, op)
            with_one = limit_blas(1)
            if with_one is not None:
                with with_one:
                    one = gemm_gflops(name, m, n, k, op)
                row["gflops_1thread"] = one["gflops"]
                row["microseconds_1thread"] = one["microseconds"]
            result["gemm_numpy"][name] = row
            log(f"numpy sgemm {name:22s} {row['gflops']:7.1f} GFLOP/s best ({row['microseconds']:9.1f} us, median {row['gflops_median']:.1f})"
                + (f", 1 thread {row['gflops_1thread']:6.1f}" if "gflops_1thread" in row else ""))
    # Peak resident memory of this process: meaningful per peer when one peer runs per process.
    result["peak_memory_mb"] = peak_memory_mb()
    if args.json:
        print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
