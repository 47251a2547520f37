#!/usr/bin/env bash
# Fuzzes every parser with Jazzer's own driver, one JVM per target (JDK 25, 1 GB heap like the
# launcher). Each target (src/test/java/**/*Fuzz.java) demands a clean error or a sane result; a
# crash, a hang (2 minutes on one input: the first ones also pay for instrumenting the classes), an OutOfMemoryError or a messy message is a finding, kept in
# target/fuzz/findings/<target>/ and failing the run.
#
#   fuzz/run.sh --seconds 3                 # the short run mvn verify makes (after `mvn test-compile`)
#   nice -n 19 fuzz/run.sh --runs 1000000   # the long run: a million inputs per target
#   fuzz/run.sh --runs 100000 StrokeFileFuzz IdxFuzz   # some targets only
#
# Corpora grow in target/fuzz/corpus/<target>/ (kept between runs), starting from fuzz/seeds/<target>/.
# Prints one line per target: inputs run, seconds, result. Needs the classes compiled (mvn test-compile);
# without --classpath it asks Maven for the test class path.
set -euo pipefail
cd "$(dirname "$0")/.."

ALL=(JsonFuzz StrokeFileFuzz ModelFileFuzz ModelJsonFuzz NpyFuzz IdxFuzz PictureFuzz ArgumentsFuzz KerasH5Fuzz KerasZipFuzz TfjsFuzz)
declare -A CLASS=([JsonFuzz]=org.inkling.json.JsonFuzz [StrokeFileFuzz]=org.inkling.ink.StrokeFileFuzz
  [ModelFileFuzz]=org.inkling.nn.ModelFileFuzz [ModelJsonFuzz]=org.inkling.nn.ModelJsonFuzz [NpyFuzz]=org.inkling.nn.NpyFuzz
  [IdxFuzz]=org.inkling.data.IdxFuzz [PictureFuzz]=org.inkling.cli.PictureFuzz [ArgumentsFuzz]=org.inkling.cli.ArgumentsFuzz
  [KerasH5Fuzz]=org.inkling.models.KerasH5Fuzz [KerasZipFuzz]=org.inkling.models.KerasZipFuzz [TfjsFuzz]=org.inkling.models.TfjsFuzz)
# Code to instrument (coverage guides the fuzzer) beyond Inkling's: the HDF5 library the Keras readers hand bytes to.
declare -A MORE_CODE=([KerasH5Fuzz]=':io.jhdf.**' [KerasZipFuzz]=':io.jhdf.**')
# Seeds beyond fuzz/seeds/<target>: the Keras test fixtures (read only; new inputs go to the corpus).
declare -A MORE_SEEDS=([KerasH5Fuzz]=src/test/resources/keras)

runs=0; seconds=0; cp=""; targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --classpath) cp="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) [ -n "${CLASS[$1]:-}" ] || { echo "fuzz: unknown target $1 (known: ${ALL[*]})" >&2; exit 2; }; targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=("${ALL[@]}")
[ "$runs" != 0 ] || [ "$seconds" != 0 ] || seconds=10

# The JDK Maven built with (recorded at package time), else JAVA_HOME, else the usual place.
java=""
if [ -f target/inkling/lib/jdk.properties ]; then
  home="$(sed -n 's/^ *java\.home = //p' target/inkling/lib/jdk.properties | head -n 1)"
  [ -x "$home/bin/java" ] && java="$home/bin/java"
fi
if [ -z "$java" ]; then
  for d in "${JAVA_HOME:-}" /usr/lib/jvm/*25*; do
    if [ -n "$d" ] && grep -q '^JAVA_VERSION="2[5-9]' "$d/release" 2>/dev/null; then java="$d/bin/java"; break; fi
  done
fi
[ -n "$java" ] || { echo "fuzz: no JDK 25 found (build with mvn first or set JAVA_HOME)" >&2; exit 1; }
if [ -z "$cp" ]; then
  mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz/classpath.txt >/dev/null
  cp="target/test-classes:target/classes:$(cat target/fuzz/classpath.txt)"
fi

# The targets and their helpers judge the code under test: instrumenting them would steer the
# fuzzer towards inputs that fool the judge (text that looks like a stack trace) instead of the code.
harness="$(IFS=:; echo "${CLASS[*]}"):org.inkling.base.Fuzzing:org.inkling.base.FuzzBytes:org.inkling.models.ModelFuzzing"

# Temporary files (the targets' inputs, the readers' own) in memory when /dev/shm is there: on ext4,
# rewriting the same file a million times waits on its write-back (a third of KerasZipFuzz's time).
tmp_root=/dev/shm; [ -d "$tmp_root" ] && [ -w "$tmp_root" ] || tmp_root="${TMPDIR:-/tmp}"

mkdir -p target/fuzz
failed=0
for t in "${targets[@]}"; do
  corpus="target/fuzz/corpus/$t"; findings="target/fuzz/findings/$t"; log="target/fuzz/$t.log"
  mkdir -p "$corpus" "$findings"
  seeds=(); [ -d "fuzz/seeds/$t" ] && seeds=("fuzz/seeds/$t")
  [ -n "${MORE_SEEDS[$t]:-}" ] && seeds+=("${MORE_SEEDS[$t]}")
  limits=(); [ "$runs" != 0 ] && limits+=("-runs=$runs"); [ "$seconds" != 0 ] && limits+=("-max_total_time=$seconds")
  start=$(date +%s)
  tmp="$(mktemp -d "$tmp_root/inkling-fuzz-$t-XXXXXX")"
  set +e
  "$java" --add-modules jdk.incubator.vector -Xmx1g -Xss1m -Djava.awt.headless=true -Djava.io.tmpdir="$tmp" -cp "$cp" \
    com.code_intelligence.jazzer.Jazzer --target_class="${CLASS[$t]}" \
    --instrumentation_includes="org.inkling.**${MORE_CODE[$t]:-}" --instrumentation_excludes="$harness" --custom_hook_excludes="$harness" --reproducer_path="$findings" \
    "${limits[@]}" -timeout=120 -rss_limit_mb=4096 -artifact_prefix="$findings/" -print_final_stats=1 \
    "$corpus" "${seeds[@]}" >"$log" 2>&1
  rc=$?
  set -e
  rm -rf "$tmp"
  done_runs="$(grep -o 'Done [0-9]* runs' "$log" | tail -n 1 | grep -o '[0-9]*' || true)"
  [ -n "$done_runs" ] || done_runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
  if [ $rc -eq 0 ]; then
    printf 'fuzz: %-15s %10s inputs in %4d s, no finding\n' "$t" "${done_runs:-?}" $(( $(date +%s) - start ))
  else
    failed=1
    printf 'fuzz: %-15s FINDING after %s inputs (exit %d): see %s and %s\n' "$t" "${done_runs:-?}" $rc "$log" "$findings" >&2
    grep -m 5 -E '^== Java Exception|Exception|Error' "$log" >&2 || true
  fi
done
exit $failed
