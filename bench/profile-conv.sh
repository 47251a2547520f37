#!/usr/bin/env bash
# Times the second convolution of the MNIST network product by product, in place and on an
# explicit im2col matrix: see ConvProductsProfile. One thread by default (JAVA_OPTS overrides).
#   bench/profile-conv.sh [REPS]
# JAVA_OPTS passes JVM options.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -q -B -Pbench -DskipTests test-compile >&2
deps="$(mktemp)"; trap 'rm -f "$deps"' EXIT
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$deps" >&2
cp="$root/target/classes:$root/target/test-classes:$(cat "$deps")"
java="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
# shellcheck disable=SC2086
"$java" --add-modules jdk.incubator.vector ${JAVA_OPTS:--Dinkling.threads=1} -cp "$cp" org.inkling.nn.ConvProductsProfile "${1:-30}" 2>&1 | grep -v "^WARNING: Using incubator"
