#!/usr/bin/env bash
# Times a training step layer by layer (forward, backward, loss, optimiser) on real MNIST batches
# and scales it to an epoch: where the time of `inkling bench --arch ARCH` goes.
#   bench/profile-layers.sh [ARCH] [STEPS] [ROUNDS]      e.g. bench/profile-layers.sh cnn 40 5
# JAVA_OPTS passes JVM options, e.g. JAVA_OPTS=-Dinkling.threads=1.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -q -B -Pbench -DskipTests test-compile >&2
deps="$(mktemp)"; trap 'rm -f "$deps"' EXIT
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$deps" >&2
cp="$root/target/classes:$root/target/test-classes:$(cat "$deps")"
java="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
# shellcheck disable=SC2086
"$java" --add-modules jdk.incubator.vector ${JAVA_OPTS:-} -cp "$cp" org.inkling.nn.LayerProfile "${1:-cnn}" "${2:-40}" "${3:-5}" "${MNIST:-$root/../shared/data/mnist}" 2>&1 | grep -v "^WARNING: Using incubator"
