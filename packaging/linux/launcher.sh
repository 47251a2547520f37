#!/bin/bash
# Inkling's launcher on Linux: the build puts it in the app-image as bin/Inkling, over jpackage's.
#
# jpackage's native launcher asks the package managers which package owns it before it starts Java
# (`rpm -qf`, then `dpkg -S` twice), for nothing Inkling uses; `dpkg -S` reads every installed
# package's file list, 0.2 s each with a thousand packages and more on a full desktop, at every
# start of the window and of every command. This starts the same Java the same way: the runtime's
# own `bin/java` with the class path, main class and options of lib/app/Inkling.cfg, which
# jpackage writes and this reads as its launcher does ($APPDIR, $ROOTDIR, $BINDIR expanded).
# Arguments and standard streams pass through, and the exit status is Java's (exec).
# Unlike jpackage's, it can tell the window from a command, so the app's JIT options (pom.xml's
# inkling.app.jitOptions, put here by the build) go to the window only, as in the checkout launcher.
self="$(readlink -f -- "${BASH_SOURCE[0]}")"
bindir="${self%/*}"
root="${bindir%/*}"
app="$root/lib/app"
java="$root/lib/runtime/bin/java"
cfg="$app/Inkling.cfg"
if [ ! -r "$cfg" ] || [ ! -x "$java" ]; then
  echo "Inkling: this installation is incomplete: $( [ -r "$cfg" ] && echo "$java is missing" || echo "$cfg cannot be read")" >&2
  exit 1
fi
options=()
classpath=""
main=""
while IFS= read -r line || [ -n "$line" ]; do
  line="${line//\$APPDIR/$app}"
  line="${line//\$ROOTDIR/$root}"
  line="${line//\$BINDIR/$bindir}"
  case "$line" in
    java-options=*) options+=("${line#java-options=}") ;;
    app.classpath=*) classpath="${classpath:+$classpath:}${line#app.classpath=}" ;;
    app.mainclass=*) main="${line#app.mainclass=}" ;;
  esac
done <"$cfg"
if [ -z "$main" ]; then
  echo "Inkling: $cfg names no main class (app.mainclass)" >&2
  exit 1
fi
# The desktop app: no arguments, or a model file to open (the desktop's "open with").
app_jit=()
if [ $# -eq 0 ] || { [ $# -eq 1 ] && [ -f "$1" ]; }; then
  app_jit=(@APP_JIT_OPTIONS@)
fi
exec "$java" "-Djpackage.app-path=$self" "${options[@]}" "${app_jit[@]}" -cp "$classpath" "$main" "$@"
