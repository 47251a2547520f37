#!/usr/bin/env bash
# Fuzzes every parser with Jazzer's own driver (JDK 25, 1 GB heap like the launcher). Each target
# (src/test/java/**/*Fuzz.java) demands a clean error or a sane result; a crash, a hang (2 minutes on
# one input: the first ones also pay for instrumenting the classes), an OutOfMemoryError or a messy
# message is a finding, kept in target/fuzz/findings/<target>/ and failing the run.
#
#   fuzz/run.sh --one-jvm --seconds 3       # the short run mvn verify makes (after `mvn test-compile`)
#   nice -n 19 fuzz/run.sh --runs 1000000   # the long run: a million inputs per target
#   fuzz/run.sh --runs 100000 StrokeFileFuzz IdxFuzz   # some targets only
#   --timeout 600                           # seconds one input may take (default 120); at nice 19 on a
#                                           # busy machine the first inputs, which instrument, can take longer
#
# Each target runs in a JVM of its own, its corpus growing in target/fuzz/corpus/<target>/ (kept
# between runs) from fuzz/seeds/<target>/. With --one-jvm all the targets share one JVM
# (org.inkling.AllFuzz: an input's first byte picks the target), each with --seconds of its own to
# spend, so Java starts and the classes are instrumented once; its corpus is target/fuzz/corpus/AllFuzz.
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

runs=0; seconds=0; cp=""; targets=(); one_jvm=0; timeout=120
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --classpath) cp="$2"; shift 2 ;;
    --one-jvm) one_jvm=1; shift ;;
    --timeout) timeout="$2"; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) [ -n "${CLASS[$1]:-}" ] || { echo "fuzz: unknown target $1 (known: ${ALL[*]})" >&2; exit 2; }; targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=("${ALL[@]}")
[ "$runs" != 0 ] || [ "$seconds" != 0 ] || seconds=10
[ $one_jvm = 0 ] || [ "$runs" = 0 ] || { echo "fuzz: --one-jvm shares out time: give --seconds, not --runs" >&2; exit 2; }

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
harness="$(IFS=:; echo "${CLASS[*]}"):org.inkling.AllFuzz:org.inkling.base.Fuzzing:org.inkling.base.FuzzBytes:org.inkling.models.ModelFuzzing"

# Temporary files (the targets' inputs, the readers' own) in memory when /dev/shm is there: on ext4,
# rewriting the same file a million times waits on its write-back (a third of KerasZipFuzz's time).
tmp_root=/dev/shm; [ -d "$tmp_root" ] && [ -w "$tmp_root" ] || tmp_root="${TMPDIR:-/tmp}"

mkdir -p target/fuzz

# jazzer NAME CLASS INCLUDES LOG [JVM and Jazzer options...] -- CORPUS SEEDS...: runs Jazzer, returns its exit code.
jazzer() {
  local name="$1" class="$2" includes="$3" log="$4"; shift 4
  local opts=(); while [ "$1" != -- ]; do opts+=("$1"); shift; done; shift
  local findings="target/fuzz/findings/$name" tmp rc
  mkdir -p "$findings"
  tmp="$(mktemp -d "$tmp_root/inkling-fuzz-$name-XXXXXX")"
  set +e
  "$java" --add-modules jdk.incubator.vector -Xmx1g -Xss1m -Djava.awt.headless=true -Djava.io.tmpdir="$tmp" -cp "$cp" \
    "${opts[@]}" com.code_intelligence.jazzer.Jazzer --target_class="$class" \
    --instrumentation_includes="$includes" --instrumentation_excludes="$harness" --custom_hook_excludes="$harness" --reproducer_path="$findings" \
    "${limits[@]}" -timeout="$timeout" -rss_limit_mb=4096 -artifact_prefix="$findings/" -print_final_stats=1 \
    "$@" >"$log" 2>&1
  rc=$?
  set -e
  rm -rf "$tmp"
  return $rc
}

finding() {  # finding NAME INPUTS EXIT LOG
  printf 'fuzz: %-15s FINDING after %s inputs (exit %d): see %s and %s\n' "$1" "${2:-?}" "$3" "$4" "target/fuzz/findings/$1" >&2
  grep -m 5 -E '^fuzz: the finding is|^== Java Exception|Exception|Error' "$4" >&2 || true
}

failed=0
if [ $one_jvm = 1 ]; then
  # Every target's seeds behind its index byte, in the order AllFuzz is given the classes.
  seeds=target/fuzz/seeds-AllFuzz; corpus=target/fuzz/corpus/AllFuzz; log=target/fuzz/AllFuzz.log
  rm -rf "$seeds"; mkdir -p "$seeds" "$corpus"
  classes=(); includes='org.inkling.**'; i=0
  for t in "${targets[@]}"; do
    classes+=("${CLASS[$t]}")
    [ -z "${MORE_CODE[$t]:-}" ] || [[ "$includes" == *"${MORE_CODE[$t]}"* ]] || includes+="${MORE_CODE[$t]}"
    for d in "fuzz/seeds/$t" ${MORE_SEEDS[$t]:-}; do
      [ -d "$d" ] || continue
      while IFS= read -r -d '' f; do
        { printf "\\$(printf '%03o' $i)"; cat "$f"; } >"$seeds/$t-$(basename "$f")"
      done < <(find "$d" -maxdepth 1 -type f -print0)
    done
    i=$((i + 1))
  done
  # AllFuzz ends the run once every target has had its seconds; this is only a ceiling.
  limits=("-max_total_time=$(( seconds * ${#targets[@]} * 3 + 300 ))")
  start=$(date +%s)
  rc=0
  jazzer AllFuzz org.inkling.AllFuzz "$includes" "$log" \
    -Dinkling.fuzz.targets="$(IFS=,; echo "${classes[*]}")" -Dinkling.fuzz.budget.seconds="$seconds" -- "$corpus" "$seeds" || rc=$?
  if [ $rc -ne 0 ] && grep -q '^fuzz: every target has spent' "$log" && grep -q 'ERROR: libFuzzer: fuzz target exited' "$log" \
      && ! grep -q '^== Java Exception' "$log"; then
    # AllFuzz ended the run once every target had its time; libFuzzer calls any exit a finding, it is not one.
    unit="$(sed -n 's/.*Test unit written to \(.*crash-[0-9a-f]*\)$/\1/p' "$log" | tail -n 1)"
    [ -z "$unit" ] || rm -f "$unit"
    rc=0
  fi
  while read -r _ name n secs; do
    printf 'fuzz: %-15s %10s inputs in %5s s of its own\n' "$name" "$n" "$secs"
  done < <(grep '^fuzz-target ' "$log" || true)
  if [ $rc -eq 0 ]; then
    printf 'fuzz: %d targets in one JVM, %d s in all, no finding\n' ${#targets[@]} $(( $(date +%s) - start ))
  else
    failed=1
    finding AllFuzz "$(grep -o 'Done [0-9]* runs' "$log" | grep -o '[0-9]*' || true)" $rc "$log"
  fi
  exit $failed
fi

for t in "${targets[@]}"; do
  corpus="target/fuzz/corpus/$t"; log="target/fuzz/$t.log"
  mkdir -p "$corpus"
  seeds=(); [ -d "fuzz/seeds/$t" ] && seeds=("fuzz/seeds/$t")
  [ -n "${MORE_SEEDS[$t]:-}" ] && seeds+=("${MORE_SEEDS[$t]}")
  limits=(); [ "$runs" != 0 ] && limits+=("-runs=$runs"); [ "$seconds" != 0 ] && limits+=("-max_total_time=$seconds")
  start=$(date +%s)
  rc=0
  jazzer "$t" "${CLASS[$t]}" "org.inkling.**${MORE_CODE[$t]:-}" "$log" -- "$corpus" "${seeds[@]}" || rc=$?
  done_runs="$(grep -o 'Done [0-9]* runs' "$log" | tail -n 1 | grep -o '[0-9]*' || true)"
  [ -n "$done_runs" ] || done_runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
  if [ $rc -eq 0 ]; then
    printf 'fuzz: %-15s %10s inputs in %4d s, no finding\n' "$t" "${done_runs:-?}" $(( $(date +%s) - start ))
  else
    failed=1
    finding "$t" "$done_runs" $rc "$log"
  fi
done
exit $failed
