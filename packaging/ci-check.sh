#!/usr/bin/env bash
# Checks the installers as a user would meet them (issue 6). Run from .ci/run after the tests:
#   bash packaging/ci-check.sh
# 1. installs the tools it needs (Xvfb, xdotool, GTK/GL for JavaFX, fakeroot for dpkg-deb),
# 2. builds `mvn -Pdist -DskipTests package` (app-image + .deb) and times it,
# 3. checks the runtime holds every JDK module the jars need (jdeps),
# 4. app-image: `--version` prints the version, the CDS archive maps (-Xshare:on), the launcher
#    does not ask rpm or dpkg who owns it,
#    `predict --strokes resources/strokes/hershey-digits.jsonl` runs with the shipped model
#    (skipped with a message while the command, the file or the model is missing),
# 5. the app opens a window titled "Inkling..." under Xvfb, is closed like a window manager
#    closes it (WM_DELETE_WINDOW) and exits 0; start-up times are printed,
# 6. installs the .deb with apt-get (which pulls its Depends), runs /usr/bin/inkling and the
#    installed app, then removes the package and checks it is gone.
# Idempotent; needs root for apt-get (as CI is); no standard input. Two runs at once share the
# machine's one `inkling` package: apt waits for the dpkg lock, but the runs may undo each other.
# Set INKLING_CHECK_SKIP_BUILD=1 to check an existing target/dist without rebuilding.
set -euo pipefail
cd "$(dirname "$0")/.."
exec </dev/null
export DEBIAN_FRONTEND=noninteractive

passed=0; failed=0; skipped=0
say() { echo "ci-check: $*"; }
pass() { passed=$((passed + 1)); say "PASS $*"; }
skip() { skipped=$((skipped + 1)); say "SKIP $*"; }
fail() { failed=$((failed + 1)); say "FAIL $*" >&2; }
summary() { echo "packaging: $passed passed, $failed failed, $skipped skipped"; }

# ---------------------------------------------------------------- 1. tools
need=()
for p in xvfb xdotool python3 fakeroot binutils libgtk-3-0 libgl1 libxtst6 libxxf86vm1 xdg-utils; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ "${#need[@]}" -gt 0 ]; then
  # jpackage finds the .deb's dependencies with ldd + dpkg -S, so GTK and GL must be installed
  # on the build machine for the package to depend on them.
  say "installing ${need[*]}"
  apt-get update -qq
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq "${need[@]}" >/dev/null
fi
jdk=/usr/lib/jvm/temurin-25-jdk-amd64
[ -x "$jdk/bin/jdeps" ] || jdk="$(ls -d /usr/lib/jvm/*25* | head -n 1)"

# ---------------------------------------------------------------- 2. build
img=target/dist/Inkling
mkdir -p target
if [ "${INKLING_CHECK_SKIP_BUILD:-}" != 1 ]; then
  start=$(date +%s)
  if mvn -B -q -Pdist -DskipTests package >target/dist-build.log 2>&1; then
    pass "mvn -Pdist -DskipTests package built target/dist in $(( $(date +%s) - start )) s"
  else
    tail -n 40 target/dist-build.log >&2
    fail "mvn -Pdist -DskipTests package (log: target/dist-build.log)"
    summary; exit 1
  fi
fi
deb="$(ls target/dist/inkling_*.deb 2>/dev/null | head -n 1 || true)"
say "app-image $(du -sh "$img" | cut -f1), .deb $( [ -n "$deb" ] && du -h "$deb" | cut -f1 || echo missing)"
version="$(sed -n 's/^java-options=-Djpackage.app-version=//p' "$img/lib/app/Inkling.cfg")"

# ---------------------------------------------------------------- 3. runtime modules
# jdeps over the checkout build's jars (JavaFX on the module path, as in the launcher).
if needed="$("$jdk/bin/jdeps" -q --multi-release 25 --ignore-missing-deps --print-module-deps \
      --module-path target/inkling/javafx:target/inkling/lib target/inkling/lib/*.jar 2>/dev/null | tail -n 1)"; then
  have=" $(sed -n 's/^MODULES="\(.*\)"/\1/p' "$img/lib/runtime/release") "
  missing=""
  for m in ${needed//,/ }; do [[ "$have" == *" $m "* ]] || missing+=" $m"; done
  if [ -z "$missing" ]; then pass "runtime has every module the jars need ($needed)"
  else fail "runtime lacks modules:$missing (add them to inkling.dist.modules in pom.xml)"; fi
else
  fail "jdeps could not analyse target/inkling/lib"
fi

# ---------------------------------------------------------------- 4. app-image command line
check_version() { # $1 = launcher, $2 = what it is
  local out
  if out="$(timeout 60 "$1" --version 2>/dev/null)" && [ "$(printf '%s\n' "$out" | head -n 1)" = "Inkling $version" ]; then
    pass "$2 --version prints '$out'"
  else
    fail "$2 --version printed '${out:-nothing}', expected 'Inkling $version'"
  fi
  # -Xshare:on turns an archive that does not map (wrong class path, other JDK) into an error.
  if JAVA_TOOL_OPTIONS=-Xshare:on timeout 60 "$1" --version >/dev/null 2>&1; then
    pass "$2 maps its CDS archive"
  else
    fail "$2 cannot map its CDS archive (JAVA_TOOL_OPTIONS=-Xshare:on $1 --version)"
  fi
}
# jpackage's own launcher asked rpm and dpkg which package owns it at every start (0.4 s here):
# ours (packaging/linux/launcher.sh) must not. Stand-ins on the PATH record any call.
check_no_package_query() { # $1 = launcher, $2 = what it is
  local fake; fake="$(mktemp -d)"
  for tool in rpm dpkg dpkg-query; do
    printf '#!/bin/sh\necho "%s $*" >>"%s/called"\n' "$tool" "$fake" >"$fake/$tool"
    chmod +x "$fake/$tool"
  done
  if PATH="$fake:$PATH" timeout 60 "$1" --version >/dev/null 2>&1 && [ ! -e "$fake/called" ]; then
    pass "$2 starts Java without asking the package managers"
  else
    fail "$2 ran: $(cat "$fake/called" 2>/dev/null | paste -sd';' || echo 'nothing, but --version failed')"
  fi
  rm -rf "$fake"
}
check_version "$img/bin/Inkling" "app-image launcher"
check_no_package_query "$img/bin/Inkling" "app-image launcher"

strokes=resources/strokes/hershey-digits.jsonl
if [ ! -f "$strokes" ]; then
  skip "predict: $strokes is not in the tree yet"
elif ! timeout 60 "$img/bin/Inkling" predict --help >/dev/null 2>&1; then
  skip "predict: the launcher has no 'predict' command yet"
elif ! unzip -l "$img/lib/app/inkling.jar" models/inkling-default.inkling >/dev/null 2>&1; then
  skip "predict: the shipped model /models/inkling-default.inkling is not in inkling.jar yet"
else
  if out="$(timeout 300 "$img/bin/Inkling" predict --strokes "$strokes" 2>target/dist-predict.err)" && [ -n "$out" ]; then
    pass "predict --strokes $strokes with the shipped model ($(echo "$out" | wc -l) lines; last: $(echo "$out" | tail -n 1))"
  else
    cat target/dist-predict.err >&2
    fail "predict --strokes $strokes"
  fi
fi

# ---------------------------------------------------------------- 5. the app under Xvfb
xvfb_pid=""
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true; }
trap cleanup EXIT
displayfile="$(mktemp)"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$displayfile" >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$displayfile" ] && break; sleep 0.1; done
export DISPLAY=":$(head -n 1 "$displayfile")"
rm -f "$displayfile"
gui_check() { # $1 = launcher, $2 = what it is, $3 = runs
  local log; log="$(mktemp)"
  if timeout 300 packaging/measure-startup.sh "$1" "$3" >"$log" 2>&1; then
    pass "$2 opened its window and closed cleanly; start-up $(tail -n 1 "$log")"
    sed 's/^/ci-check:   /' "$log"
  else
    cat "$log" >&2
    fail "$2 did not open a window titled 'Inkling...' and close cleanly under Xvfb"
  fi
  rm -f "$log"
}
gui_check "$img/bin/Inkling" "app-image" 3

# ---------------------------------------------------------------- 6. the .deb
if [ -z "$deb" ]; then
  fail "no target/dist/inkling_*.deb was built"
else
  depends="$(dpkg-deb -f "$deb" Depends)"
  if [[ "$depends" == *libgtk-3-0* && "$depends" == *libgl1* && "$depends" == *libxtst6* ]]; then
    pass ".deb depends on GTK 3, libGL and libXtst"
  else
    fail ".deb Depends lacks GTK/GL/XTest: $depends"
  fi
  if dpkg -s inkling >/dev/null 2>&1; then
    if ! apt-get -o DPkg::Lock::Timeout=300 remove -y -qq inkling >/dev/null 2>&1; then
      # An older package whose prerm fails: unpacking ours over it runs our prerm instead.
      say "could not remove the installed inkling; replacing it with dpkg -i first"
      dpkg -i "$deb" >/dev/null 2>&1 || true
      apt-get -o DPkg::Lock::Timeout=300 remove -y -qq inkling >/dev/null 2>&1 || true
    fi
  fi
  if apt-get -o DPkg::Lock::Timeout=300 install -y -qq "./$deb" >target/dist-install.log 2>&1; then
    pass "apt-get install ./$deb"
    check_version /usr/bin/inkling "installed /usr/bin/inkling"
    check_no_package_query /usr/bin/inkling "installed /usr/bin/inkling"
    if [ -f /opt/inkling/lib/inkling-Inkling.desktop ] && grep -q '^Categories=Education;Science;' /opt/inkling/lib/inkling-Inkling.desktop \
       && grep -rqs 'application/x-inkling-model' /usr/share/mime/packages/ \
       && grep -qs 'application/x-keras-model' /opt/inkling/lib/inkling-Inkling.desktop; then
      pass "desktop entry (Education;Science;), the .inkling MIME type and the Keras associations are installed"
    else
      fail "desktop entry or MIME type missing after install"
    fi
    gui_check /usr/bin/inkling "installed app" 1
    if apt-get -o DPkg::Lock::Timeout=300 purge -y -qq inkling >/dev/null 2>&1 && [ ! -e /usr/bin/inkling ] && [ ! -e /opt/inkling ]; then
      pass "apt-get purge inkling removed /opt/inkling and /usr/bin/inkling"
    else
      fail "apt-get purge inkling left files behind: $(ls -d /opt/inkling /usr/bin/inkling 2>/dev/null)"
    fi
  else
    cat target/dist-install.log >&2
    fail "apt-get install ./$deb"
  fi
fi

summary
[ "$failed" -eq 0 ]
