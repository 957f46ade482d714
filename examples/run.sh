#!/usr/bin/env bash
# Runs one example: examples/run.sh CLASS [--events FILE.jsonl | --gharchive FILE... | --github OWNER/NAME | --gitlab GROUP/PROJECT | --git PATH | --git-log FILE] [--repo OWNER/NAME] [--as-of INSTANT]
# CLASS is StargazersContribute, BusFactor, NewcomersStaying, NewcomersWelcome, ResponseTimes, LadderClimb, MaintainerEmployers,
# ApprovalDiversity,
# HardForks (the simulated fork scenario only: it takes no source),
# DidOurConferenceWork (which also takes --event-file FILE and --event NAME)
# or CommunityReport (which takes OUT.html first).
# Builds the modules the examples need (quietly) and their class path the first time.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cp_file="$root/examples/target/classpath.txt"
if [ ! -s "$cp_file" ] || [ -n "${REBUILD:-}" ]; then
  # One reactor build (nothing installed into ~/.m2): each module writes target/classpath.txt,
  # in which the reactor's own modules are their freshly built jars.
  (cd "$root" && ./mvnw -q -B -pl examples -am package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime) >&2
fi
class="$1"; shift
exec java -cp "$root/examples/target/classes:$(cat "$cp_file")" "io.github.communitymetrics.examples.$class" "$@"
