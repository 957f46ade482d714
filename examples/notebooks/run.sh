#!/usr/bin/env bash
# Runs a notebook: examples/notebooks/run.sh 01-first-look.jsh   (or no argument: an interactive
# jshell with the library on the class path). Builds the modules and the class path on first use,
# the same way as examples/run.sh (REBUILD=1 to rebuild).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cp_file="$root/examples/target/classpath.txt"
if [ ! -s "$cp_file" ] || [ -n "${REBUILD:-}" ]; then
  (cd "$root" && ./mvnw -q -B -pl examples -am package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime) >&2
fi
cp="$root/examples/target/classes:$(cat "$cp_file")"
if [ $# -eq 0 ]; then
  exec jshell --class-path "$cp"
fi
notebook="$1"
[ -f "$notebook" ] || notebook="$here/$notebook"
exec jshell --class-path "$cp" "$notebook"
