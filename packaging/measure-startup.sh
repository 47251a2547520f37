#!/usr/bin/env bash
# Measures start-up: wall time from launching Inkling with no arguments until its window
# ("Inkling...", or the title pattern in WINDOW_NAME) is mapped and visible on the X display, then closes it as a window manager would
# (WM_DELETE_WINDOW) and checks it exits 0. Needs DISPLAY (e.g. under Xvfb) and xdotool.
#   packaging/measure-startup.sh LAUNCHER [RUNS]     e.g. target/dist/Inkling/bin/Inkling 5
# Prints one line per run and the medians in milliseconds (wall, and CPU time used by then).
# The window poll is every ~10 ms.
set -euo pipefail
launcher="$1"; runs="${2:-5}"
here="$(cd "$(dirname "$0")" && pwd)"
[ -n "${DISPLAY:-}" ] || { echo "measure-startup: DISPLAY is not set; run under Xvfb" >&2; exit 2; }
name="${WINDOW_NAME:-^Inkling}"
times=(); cpus=()
for ((i = 1; i <= runs; i++)); do
  log="$(mktemp)"
  t0=$(date +%s%N)
  "$launcher" >"$log" 2>&1 &
  pid=$!
  w=""
  while [ -z "$w" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "measure-startup: the app exited before showing a window:" >&2; cat "$log" >&2; exit 1; fi
    if [ $(( ($(date +%s%N) - t0) / 1000000 )) -gt 60000 ]; then echo "measure-startup: no window after 60 s" >&2; kill "$pid"; exit 1; fi
    w="$(xdotool search --onlyvisible --name "$name" 2>/dev/null | head -n 1 || true)"
    [ -n "$w" ] || sleep 0.01
  done
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  # CPU time (user + system, all threads) the process had used by then: less disturbed by other
  # load on the machine than the wall time.
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$pid/stat" 2>/dev/null || echo "?")
  python3 "$here/ci/x11-close.py" "$w"
  rc=0; wait "$pid" || rc=$?
  [ "$rc" -eq 0 ] || { echo "measure-startup: the app exited with $rc after the close request:" >&2; cat "$log" >&2; exit 1; }
  rm -f "$log"
  echo "run $i: window after $ms ms (cpu $cpu ms)"
  times+=("$ms"); cpus+=("$cpu")
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median $(printf '%s\n' "${times[@]}" | median) ms (cpu $(printf '%s\n' "${cpus[@]}" | median) ms) over $runs runs"
