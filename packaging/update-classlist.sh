#!/usr/bin/env bash
# Records the classes a real start of the desktop app (and a `predict` run) loads into
# packaging/cds/inkling.classlist, from which `mvn -Pdist package` dumps the app-image's CDS
# archive (lib/app/inkling.jsa).
# Run it when the app's start-up changes (new views, libraries), then rebuild and commit the list:
#   mvn -Pdist -Dinkling.dist.installer.skip=true -DskipTests package && bash packaging/update-classlist.sh
# Needs target/dist/Inkling, xdotool, and a DISPLAY or Xvfb. Stale entries only cost a warning.
set -euo pipefail
cd "$(dirname "$0")/.."
launcher=target/dist/Inkling/bin/Inkling
out=packaging/cds/inkling.classlist
[ -x "$launcher" ] || { echo "update-classlist: build the app-image first (mvn -Pdist package)" >&2; exit 1; }
xvfb_pid=""
trap '[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true' EXIT
if [ -z "${DISPLAY:-}" ]; then
  displayfile="$(mktemp)"
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$displayfile" >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 100); do [ -s "$displayfile" ] && break; sleep 0.1; done
  export DISPLAY=":$(head -n 1 "$displayfile")"
fi
tmp="$(mktemp)"
# -Xshare:off so that the list holds every class, not only those missing from today's archive.
JAVA_TOOL_OPTIONS="-Xshare:off -XX:DumpLoadedClassList=$tmp" "$launcher" >/dev/null 2>&1 &
pid=$!
w=""
for _ in $(seq 600); do
  w="$(xdotool search --onlyvisible --name '^Inkling' 2>/dev/null | head -n 1 || true)"
  [ -n "$w" ] && break
  sleep 0.1
done
[ -n "$w" ] || { kill "$pid"; echo "update-classlist: no Inkling window after 60 s" >&2; exit 1; }
sleep 3   # let the first frames render: their classes belong in the list too
python3 packaging/ci/x11-close.py "$w"
wait "$pid"
# The command line's classes too (picocli, the predict path): their plain class names are appended;
# the @-lines (lambda forms, constant pools) of the app's list stay as they are.
cli="$(mktemp)"
strokes=resources/strokes/hershey-digits.jsonl
if [ -f "$strokes" ]; then cli_args=(predict --strokes "$strokes"); else cli_args=(--help); fi
JAVA_TOOL_OPTIONS="-Xshare:off -XX:DumpLoadedClassList=$cli" "$launcher" "${cli_args[@]}" >/dev/null 2>&1 || true
awk 'NR == FNR { seen[$1] = 1; next } !/^[#@]/ && !($1 in seen) { print $1 }' "$tmp" "$cli" >>"$tmp"
rm -f "$cli"
mv "$tmp" "$out"
echo "update-classlist: $(grep -vc '^[#@]' "$out") classes in $out"
