#!/usr/bin/env bash
# Measures start-up: wall time from launching Inkling with no arguments until its window
# ("Inkling...", or the title pattern in WINDOW_NAME) is mapped, and until its first frame is
# painted into it (ci/x11-first-frame.py: JavaFX maps the window before the first frame, which
# does the scene's CSS, skins and layout, so a mapped window is black for a while), with the CPU
# time the process had used at each moment. Then closes it as a window manager would
# (WM_DELETE_WINDOW) and checks it exits 0. Needs DISPLAY (e.g. under Xvfb) and python3.
#   packaging/measure-startup.sh LAUNCHER [RUNS]     e.g. target/dist/Inkling/bin/Inkling 5
# Prints one line per run and the medians in milliseconds. The probe polls every ~5 ms.
set -euo pipefail
launcher="$1"; runs="${2:-5}"
here="$(cd "$(dirname "$0")" && pwd)"
[ -n "${DISPLAY:-}" ] || { echo "measure-startup: DISPLAY is not set; run under Xvfb" >&2; exit 2; }
name="${WINDOW_NAME:-^Inkling}"
times=(); cpus=(); mapped=()
for ((i = 1; i <= runs; i++)); do
  log="$(mktemp)"
  t0=$(date +%s%N)
  "$launcher" >"$log" 2>&1 &
  pid=$!
  if ! seen="$(python3 "$here/ci/x11-first-frame.py" "$name" "$t0" "$pid" 60)"; then
    echo "measure-startup: no painted window:" >&2; cat "$log" >&2
    kill "$pid" 2>/dev/null || true; exit 1
  fi
  # "mapped MS cpu MS painted MS cpu MS window ID"
  read -r _ map_ms _ map_cpu _ ms _ cpu _ w <<<"$seen"
  python3 "$here/ci/x11-close.py" "$w"
  rc=0; wait "$pid" || rc=$?
  [ "$rc" -eq 0 ] || { echo "measure-startup: the app exited with $rc after the close request:" >&2; cat "$log" >&2; exit 1; }
  rm -f "$log"
  echo "run $i: first frame after $ms ms (cpu $cpu ms); window mapped after $map_ms ms (cpu $map_cpu ms)"
  times+=("$ms"); cpus+=("$cpu"); mapped+=("$map_ms")
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median first frame $(printf '%s\n' "${times[@]}" | median) ms (cpu $(printf '%s\n' "${cpus[@]}" | median) ms), mapped $(printf '%s\n' "${mapped[@]}" | median) ms, over $runs runs"
