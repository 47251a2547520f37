#!/usr/bin/env bash
# Builds Inkling, runs `inkling bench` (as shipped, with zero-skipping off: the dense engine, and
# on one thread)
# and the two peers (bench/peers.py: PyTorch and numpy) on the same data and settings, one after
# the other on this machine, and prints a table with the ratios
# Inkling / fastest peer. Optionally (--kernels) also the JMH kernel benchmarks beside numpy's sgemm.
#
#   bench/compare.sh [--data DIR] [--arch 512|512,512|cnn] [--epochs 3] [--torch-threads 1,2]
#                    [--rounds 1] [--skip-build] [--kernels] [--out DIR]
#   bench/compare.sh --startup [RUNS] [--skip-build]
#
# --startup is the start-up row instead: the app-image's first frame against a bare JavaFX window's
# (one Stage, one Label) from a copy of the same image, RUNS alternated pairs (default 5), medians
# and ratios of wall and CPU time: packaging/startup-vs-bare.sh, after mvn -Pdist (app-image only).
# Needs Xvfb and python3, or a DISPLAY.
#
# --arch cnn is the convolutional network (conv32, pool, conv64, pool, 128), against PyTorch only;
# numpy then measures only its sgemm and the processor's peak (2048x2048), which every GFLOP/s
# figure is also given as a share of.
# --rounds N runs everything N times, interleaved, and keeps each program's best of the N (this
# machine's speed drifts by a third from one minute to the next; interference only slows a run).
#
# Needs Debian's python3-numpy, python3-torch, python3-threadpoolctl and an optimised BLAS
# (libopenblas0-pthread): bench/install-peers.sh installs them. Close other work first: the peers
# and Inkling share the same two cores, and any other load makes every number worse.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$root/../shared/data/mnist"
arch=512
epochs=3
torch_threads=1,2
rounds=1
build=1
kernels=0
out=""
startup=""
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data="$2"; shift 2 ;;
    --arch) arch="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    --torch-threads) torch_threads="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --skip-build) build=0; shift ;;
    --kernels) kernels=1; shift ;;
    --out) out="$2"; shift 2 ;;
    --startup) startup=5; shift; if [[ "${1:-}" =~ ^[1-9][0-9]*$ ]]; then startup="$1"; shift; fi ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "compare.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [ -n "$startup" ]; then
  if [ "$build" = 1 ]; then
    echo "== building the app-image (mvn -q -B -Pdist -DskipTests -Dinkling.dist.installer.skip=true package)" >&2
    (cd "$root" && mvn -q -B -Pdist -DskipTests -Dinkling.dist.installer.skip=true package) >&2
  fi
  exec bash "$root/packaging/startup-vs-bare.sh" "$startup"
fi

py="${PYTHON:-/usr/bin/python3}"
if ! "$py" -c "import numpy, torch" 2>/dev/null; then
  echo "compare.sh: $py cannot import numpy and torch; run bench/install-peers.sh (Debian packages)" >&2
  exit 1
fi
[ -d "$data" ] || { echo "compare.sh: no MNIST directory at $data (use --data DIR)" >&2; exit 1; }
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "compare.sh: --rounds takes a positive number, got '$rounds'" >&2; exit 2; }
out="${out:-$(mktemp -d /tmp/inkling-compare.XXXXXX)}"
mkdir -p "$out"

if [ "$build" = 1 ]; then
  echo "== building Inkling (mvn -q -B -DskipTests package)" >&2
  (cd "$root" && mvn -q -B -DskipTests package) >&2
fi

# OpenBLAS must pick its kernel for this CPU by itself: drop the environment's overrides for the peers only.
peer() {
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$py" "$root/bench/peers.py" --json --data "$data" --arch "$arch" --epochs "$epochs" "$@"
}

# Each round runs all five one after the other; with several rounds the table keeps each one's
# best, since interference from other work on the machine only ever slows a run down.
ink=(); dense=(); one=(); nump=(); torch=()
for round in $(seq 1 "$rounds"); do
  tag=""; [ "$rounds" -gt 1 ] && tag="-$round"
  echo "== round $round of $rounds: inkling bench --arch $arch --epochs $epochs" >&2
  if ! "$root/target/inkling/bin/inkling" bench --json --data "$data" --arch "$arch" --epochs "$epochs" > "$out/inkling$tag.json"; then
    echo "compare.sh: inkling bench failed; the table will show the peers only" >&2
    echo '{}' > "$out/inkling$tag.json"
  fi
  echo "== inkling bench, dense engine (-Dinkling.gemm.skipZeros=false)" >&2
  if ! INKLING_JAVA_OPTS="${INKLING_JAVA_OPTS:-} -Dinkling.gemm.skipZeros=false" \
      "$root/target/inkling/bin/inkling" bench --json --data "$data" --arch "$arch" --epochs "$epochs" > "$out/inkling-dense$tag.json"; then
    echo '{}' > "$out/inkling-dense$tag.json"
  fi
  # One thread, beside PyTorch's one: the comparison per core, which a second core shared with
  # other work (as on a cloud machine) cannot blur.
  echo "== inkling bench, one thread (-Dinkling.threads=1)" >&2
  if ! INKLING_JAVA_OPTS="${INKLING_JAVA_OPTS:-} -Dinkling.threads=1" \
      "$root/target/inkling/bin/inkling" bench --json --data "$data" --arch "$arch" --epochs "$epochs" > "$out/inkling-1t$tag.json"; then
    echo '{}' > "$out/inkling-1t$tag.json"
  fi
  echo "== numpy (hand-written, OpenBLAS)" >&2
  peer --peers numpy > "$out/numpy$tag.json"
  echo "== PyTorch (threads $torch_threads)" >&2
  peer --peers torch --torch-threads "$torch_threads" --no-gemm > "$out/torch$tag.json"
  ink+=(--inkling "$out/inkling$tag.json"); dense+=(--inkling-dense "$out/inkling-dense$tag.json")
  one+=(--inkling-1t "$out/inkling-1t$tag.json")
  nump+=(--numpy "$out/numpy$tag.json"); torch+=(--torch "$out/torch$tag.json")
done

jmh=()
if [ "$kernels" = 1 ]; then
  echo "== JMH kernel benchmarks (Inkling on 1 and 2 threads)" >&2
  (cd "$root" && mvn -Pbench -q -B -DskipTests test-compile exec:exec \
      -Djmh.args="GemmBenchmark -p impl=inkling -rf json -rff $out/jmh.json") >&2
  jmh=(--jmh "$out/jmh.json")
fi

"$py" "$root/bench/table.py" "${ink[@]}" "${dense[@]}" "${one[@]}" "${nump[@]}" "${torch[@]}" "${jmh[@]}"
echo "(raw results in $out)" >&2
