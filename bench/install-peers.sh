#!/usr/bin/env bash
# Installs what bench/peers.py needs, from Debian: numpy on OpenBLAS (without libopenblas0 numpy
# falls back to the reference BLAS, about 30 times slower), PyTorch for the CPU, threadpoolctl.
set -euo pipefail
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-numpy python3-torch python3-threadpoolctl libopenblas0-pthread
