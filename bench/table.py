#!/usr/bin/python3
"""Prints Inkling's `bench --json` summary beside the peers' (bench/peers.py --json) with the ratio
Inkling / fastest peer, and, given JMH results (GemmBenchmark), kernel GFLOP/s beside numpy's sgemm."""
import argparse
import json
import re


def load(path):
    if not path:
        return {}
    with open(path) as f:
        text = f.read().strip()
    return json.loads(text) if text else {}


def load_inkling(path):
    """`inkling bench --json` prints JSON lines (one per epoch) and then {"summary": {...}}."""
    if not path:
        return {}
    found = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("{"):
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if "summary" in obj or "epoch_seconds" in obj:
                    found = obj
    if not found:
        try:
            found = load(path)
        except json.JSONDecodeError:
            found = {}
    return found


def summary(inkling):
    """The summary object: under "summary" or at top level."""
    if "epoch_seconds" in inkling:
        return inkling
    for key in ("summary", "result", "bench"):
        if isinstance(inkling.get(key), dict):
            return inkling[key]
    return inkling


# (label, key, lower is better)
ROWS = [
    ("epoch seconds", "epoch_seconds", True),
    ("samples per second", "samples_per_second", False),
    ("test accuracy", "test_accuracy", False),
    ("train accuracy, last epoch", "final_train_accuracy", False),
    ("predict one image (us)", "predict_one_microseconds", True),
    ("predict 10000 images (ms)", "predict_batch10000_milliseconds", True),
    ("peak memory (MB)", "peak_memory_mb", True),
    ("training GFLOP/s", "gflops", False),
]


LOWER_IS_BETTER = {key for _, key, lower in ROWS if lower}


def best_of(runs):
    """Merges several runs' summaries, keeping each metric's best value (times: the least)."""
    runs = [r for r in runs if r]
    if not runs:
        return {}
    merged = dict(runs[0])
    for r in runs[1:]:
        for key, v in r.items():
            old = merged.get(key)
            if isinstance(v, (int, float)) and not isinstance(v, bool) and isinstance(old, (int, float)):
                if key in LOWER_IS_BETTER:
                    merged[key] = min(old, v)
                elif key in ("samples_per_second", "gflops"):
                    merged[key] = max(old, v)
    return merged


def best_peer(runs, name):
    """The same for peers.py outputs: the named peer's entry, and the process's peak memory."""
    runs = [r for r in runs if r and name in r.get("peers", {})]
    if not runs:
        return {}
    merged = dict(runs[0])
    entries = [dict(r["peers"][name], peak_memory_mb=r.get("peak_memory_mb")) for r in runs]
    best = best_of(entries)
    merged["peers"] = dict(merged["peers"], **{name: best})
    merged["peak_memory_mb"] = best.get("peak_memory_mb")
    return merged


def round_ratios(a):
    """Inkling's epoch over the fastest peer's in the same round, for each round given in full."""
    out = []
    for i, path in enumerate(a.inkling):
        iv = summary(load_inkling(path)).get("epoch_seconds")
        peers = []
        for paths, name in ((a.numpy, "numpy"), (a.torch, "torch")):
            if i < len(paths):
                v = load(paths[i]).get("peers", {}).get(name, {}).get("epoch_seconds")
                if isinstance(v, (int, float)):
                    peers.append(v)
        if isinstance(iv, (int, float)) and peers:
            out.append(f"{iv / min(peers):.2f}")
    return out


def fmt(v, key=None):
    if v is None:
        return "-"
    if key in ("test_accuracy", "final_train_accuracy"):
        return f"{v:.4f}"
    if isinstance(v, (int, float)):
        return f"{v:.3f}" if abs(v) < 10 else f"{v:.1f}" if abs(v) < 1000 else f"{v:.0f}"
    return str(v)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--inkling", action="append", default=[], help="inkling bench --json output; repeat for several rounds")
    ap.add_argument("--inkling-dense", action="append", default=[], help="the same with -Dinkling.gemm.skipZeros=false")
    ap.add_argument("--inkling-1t", action="append", default=[], help="the same with -Dinkling.threads=1")
    ap.add_argument("--numpy", action="append", default=[], help="peers.py --peers numpy --json output; repeatable")
    ap.add_argument("--torch", action="append", default=[], help="peers.py --peers torch --json output; repeatable")
    ap.add_argument("--jmh")
    a = ap.parse_args()
    rounds = max(len(a.inkling), len(a.numpy), len(a.torch), 1)
    ink = best_of([summary(load_inkling(p)) for p in a.inkling])
    dense = best_of([summary(load_inkling(p)) for p in a.inkling_dense])
    one = best_of([summary(load_inkling(p)) for p in a.inkling_1t])
    numpy_runs = [load(p) for p in a.numpy]
    torch_runs = [load(p) for p in a.torch]
    raw = numpy_runs + torch_runs
    nump = best_peer(numpy_runs, "numpy")
    torch = best_peer(torch_runs, "torch")
    # numpy has no convolutional network, but its runs still measure the peak (and the epochs asked for)
    peaks = [r["peak_gflops"] for r in raw if isinstance(r.get("peak_gflops"), (int, float))]
    epochs = next((r["epochs"] for r in raw if r.get("epochs")), "?")
    peers = {}
    if "numpy" in nump.get("peers", {}):
        peers["numpy"] = dict(nump["peers"]["numpy"], peak_memory_mb=nump.get("peak_memory_mb"))
    if "torch" in torch.get("peers", {}):
        peers["torch"] = dict(torch["peers"]["torch"], peak_memory_mb=torch.get("peak_memory_mb"))
    arch = nump.get("arch") or torch.get("arch") or "?"
    tlabel = f"torch({peers['torch']['threads']}t)" if "torch" in peers else "torch"
    rounds_note = f"; best of {rounds} interleaved rounds" if rounds > 1 else ""
    print(f"\nNetwork {arch}, batch 128, RMSprop; epochs {epochs} (times: median of the epochs after the first{rounds_note})")
    print(f"{'metric':28s} {'inkling':>10s} {'dense':>10s} {'inkling 1t':>10s} {tlabel:>10s} {'numpy':>10s}"
          f" {'inkling/fastest':>16s} {'dense/fastest':>14s} {'1t/fastest':>11s}")
    for label, key, lower in ROWS:
        iv, dv, ov = ink.get(key), dense.get(key), one.get(key)
        pv = {name: p.get(key) for name, p in peers.items()}
        known = [v for v in pv.values() if isinstance(v, (int, float))]
        ratios = ["-", "-", "-"]
        if known and "accuracy" not in key:
            best = min(known) if lower else max(known)
            for n, v in enumerate((iv, dv, ov)):
                if best and isinstance(v, (int, float)):
                    ratios[n] = f"{v / best:.2f}"
        print(f"{label:28s} {fmt(iv, key):>10s} {fmt(dv, key):>10s} {fmt(ov, key):>10s} {fmt(pv.get('torch'), key):>10s}"
              f" {fmt(pv.get('numpy'), key):>10s} {ratios[0]:>16s} {ratios[1]:>14s} {ratios[2]:>11s}")
    per_round = round_ratios(a)
    if len(per_round) > 1:
        print(f"{'epoch ratio, round by round':28s} " + " ".join(per_round)
              + "   (inkling / that round's fastest peer: the best-of figures above may pair different minutes)")
    peak = max(peaks) if peaks else None
    if peak:
        shares = [f"{v / peak:.2f}" if isinstance(v, (int, float)) else "-"
                  for v in (ink.get("gflops"), dense.get("gflops"), one.get("gflops"))]
        print(f"{'GFLOP/s as share of peak':28s} {shares[0]:>10s} {shares[1]:>10s} {shares[2]:>10s}"
              f"   (peak: numpy sgemm 2048x2048, {peak:.0f} GFLOP/s on this machine)")
    print("(inkling skips the steps where a product's left operand is zero, such as blank pixels; 'dense' is the same"
          " engine with that off, -Dinkling.gemm.skipZeros=false; 'inkling 1t' is the engine on one thread, -Dinkling.threads=1,"
          " its share of peak against the two-core peak. Ratios: lower is better for times and memory,"
          " higher for throughput; GFLOP/s count the dense arithmetic.)")

    gemm = nump.get("gemm_numpy", {})
    if gemm:
        blas = nump.get("blas")
        if isinstance(blas, list) and blas:
            b = blas[0]
            print(f"\nnumpy BLAS: {b.get('internal_api')} {b.get('version')} kernel {b.get('architecture')}, {b.get('num_threads')} threads")
    if a.jmh:
        inkl = {}
        for r in load(a.jmh):
            p = r.get("params", {})
            if not r["benchmark"].endswith("GemmBenchmark.product") or p.get("impl") != "inkling":
                continue
            m = re.match(r"\w+_(\d+)x(\d+)x(\d+)", p["shape"])
            mm, nn, kk = map(int, m.groups())
            pm = r["primaryMetric"]
            # Sample mode: the best call (p0), as numpy's side reports its best call too.
            us = pm.get("scorePercentiles", {}).get("0.0") if r.get("mode") == "sample" else pm["score"]
            if pm.get("scoreUnit", "us/op") == "ms/op":
                us *= 1000
            inkl.setdefault(p["shape"], {})[p["threads"]] = 2.0 * mm * nn * kk / (us * 1e-6) / 1e9
        print(f"\n{'product (C m x n, inner k)':28s} {'inkling 1t':>10s} {'inkling 2t':>10s} {'numpy 1t':>10s} {'numpy':>10s} {'inkling/numpy':>14s} {'best/peak':>10s}")
        for shape in sorted(set(inkl) | set(gemm)):
            i1 = inkl.get(shape, {}).get("1")
            i2 = inkl.get(shape, {}).get("2")
            g = gemm.get(shape, {})
            n1, n2 = g.get("gflops_1thread"), g.get("gflops")
            best_i = max([v for v in (i1, i2) if v] or [0])
            best_n = max([v for v in (n1, n2) if v] or [0])
            ratio = f"{best_i / best_n:.2f}" if best_i and best_n else "-"
            share = f"{best_i / peak:.2f}" if best_i and peak else "-"
            print(f"{shape:28s} {fmt(i1):>10s} {fmt(i2):>10s} {fmt(n1):>10s} {fmt(n2):>10s} {ratio:>14s} {share:>10s}")
        print("(GFLOP/s of the best call; ratio = best Inkling setting / best numpy setting; best/peak = Inkling's best / the measured peak)")


if __name__ == "__main__":
    main()
