#!/usr/bin/env bash
# Inkling's start-up against the toolkit's own, side by side in one run: launch to the first frame
# painted in the window (and to the window mapped, which comes earlier; measure-startup.sh) for the app-image (target/dist/Inkling) and for a bare JavaFX window (startup/BareWindow.java: one
# Stage with a Label) started by a copy of the same app-image, so the launcher, runtime, JavaFX,
# java options and display are the same. The bare window gets its own CDS archive too (made on its
# first, discarded run), as Inkling has one: what is left is the app's own work.
# Runs alternate (bare, app, bare, app, ...) so that drift on a shared machine hits both alike.
#   packaging/startup-vs-bare.sh [RUNS]        (default 7; needs mvn -Pdist package first)
# Needs python3 and a DISPLAY, or Xvfb (started here if DISPLAY is unset).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"
image=target/dist/Inkling
[ -x "$image/bin/Inkling" ] || { echo "startup-vs-bare: build the app-image first (mvn -Pdist -DskipTests package)" >&2; exit 1; }
jdk="$(sed -n "s/^ *java\.home = //p" target/inkling/lib/jdk.properties 2>/dev/null | head -n 1 || true)"
[ -x "${jdk:-}/bin/javac" ] || jdk="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
xvfb_pid=""
work="$(mktemp -d)"
trap 'rm -rf "$work"; [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true' EXIT
if [ -z "${DISPLAY:-}" ]; then
  displayfile="$work/display"
  Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp 3>"$displayfile" >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 100); do [ -s "$displayfile" ] && break; sleep 0.1; done
  export DISPLAY=":$(head -n 1 "$displayfile")"
fi

# The bare app-image: Inkling's, hard-linked, with its own class path, main class and CDS archive.
cp -al "$image" "$work/Bare"
cfg="$work/Bare/lib/app/Inkling.cfg"
rm "$cfg"
fx="$(ls target/inkling/javafx/javafx-{base,graphics,controls}-*-linux.jar | paste -sd:)"
mkdir "$work/classes"
"$jdk/bin/javac" -d "$work/classes" --module-path "$fx" --add-modules javafx.controls packaging/startup/BareWindow.java
"$jdk/bin/jar" --create --file "$work/Bare/lib/app/bare.jar" -C "$work/classes" .
{
  echo "[Application]"
  echo 'app.classpath=$APPDIR/bare.jar'
  echo "app.mainclass=BareWindow"
  echo
  echo "[JavaOptions]"
  sed -n '/^\[JavaOptions\]/,$p' "$image/lib/app/Inkling.cfg" | grep '^java-options=' \
    | grep -v 'SharedArchiveFile\|inkling\.' || true
  echo 'java-options=-XX:+AutoCreateSharedArchive'
  echo 'java-options=-XX:SharedArchiveFile=$APPDIR/bare.jsa'
} >"$cfg"

one() {  # one run of a launcher; prints "FRAME CPU MAPPED" in ms (CPU: user + system time of the process at the first frame)
  WINDOW_NAME="$2" bash packaging/measure-startup.sh "$1" 1 \
    | sed -n 's/^run 1: first frame after \([0-9]*\) ms (cpu \([0-9-]*\) ms); window mapped after \([0-9]*\) ms.*/\1 \2 \3/p'
}
echo "warm-up (discarded; makes the bare window's CDS archive): bare $(one "$work/Bare/bin/Inkling" '^Bare JavaFX'), app $(one "$image/bin/Inkling" '^Inkling') (first frame, cpu, mapped; ms)"
bare=(); app=(); barecpu=(); appcpu=(); baremap=(); appmap=()
for ((i = 1; i <= runs; i++)); do
  read -r b bc bm <<<"$(one "$work/Bare/bin/Inkling" '^Bare JavaFX')"
  read -r a ac am <<<"$(one "$image/bin/Inkling" '^Inkling')"
  echo "run $i: first frame: bare JavaFX window $b ms (cpu $bc ms, mapped $bm ms), Inkling $a ms (cpu $ac ms, mapped $am ms)"
  bare+=("$b"); app+=("$a"); barecpu+=("$bc"); appcpu+=("$ac"); baremap+=("$bm"); appmap+=("$am")
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
m() { printf '%s\n' "$@" | median; }
mb="$(m "${bare[@]}")"; ma="$(m "${app[@]}")"; mbc="$(m "${barecpu[@]}")"; mac="$(m "${appcpu[@]}")"
mbm="$(m "${baremap[@]}")"; mam="$(m "${appmap[@]}")"
echo "median over $runs runs: bare JavaFX window $mb ms (cpu $mbc ms, mapped $mbm ms), Inkling $ma ms (cpu $mac ms, mapped $mam ms)"
echo "ratio Inkling / bare: first frame $(ratio "$ma" "$mb"), cpu $(ratio "$mac" "$mbc"), mapped $(ratio "$mam" "$mbm") (load average $(cut -d' ' -f1-3 /proc/loadavg))"
