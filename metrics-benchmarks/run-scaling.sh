#!/usr/bin/env bash
# Scaling suite (issues 9 and 24): time and memory against input size for ingestion, people
# resolution and every registered metric scored for every repository, with the chart
# docs/scaling.svg and the numbers docs/scaling.csv.
#
#   metrics-benchmarks/run-scaling.sh [--quick] [SIZE...]
#
# Full: 10^5, 10^6 and 10^7 simulated events in one JVM (SCALING_HEAP, default 6g), then 10^8
# zipf events (--zipf: one GH Archive-shaped day streamed into the store; the simulator's 10^8
# would need about twice the memory) in a second JVM (SCALING_HEAP_LARGE, default 18g: the store
# is about 4.5 GB, ingestion peaks near 4 times it; a 17g heap ran out in the first metric, after
# people, see docs/performance.md), merged into the same files. SCALING_DEADLINE (an instant, e.g. 2026-12-07T07:05:00Z) stops
# starting tasks after it; SCALING_BUDGET (seconds, default 900, 20 with --quick) skips a metric whose time at the
# previous size, scaled linearly, exceeds it. Skipped tasks get a row saying why.
# --quick: 10^5 and 10^6 with fewer rounds, under five minutes. SIZE...: only those sizes, merged
# into the existing files. Builds the modules in one reactor run and runs from their
# target/classes (nothing is installed into ~/.m2).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl metrics-benchmarks -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/scaling-classpath.txt -Dmdep.includeScope=runtime
CP="metrics-benchmarks/target/classes:$(cat metrics-benchmarks/target/scaling-classpath.txt)"
EXTRA=() # the suite's defaults: budget 900 s, 20 s with --quick
if [[ -n "${SCALING_BUDGET:-}" ]]; then EXTRA+=(--budget "$SCALING_BUDGET"); fi
if [[ -n "${SCALING_DEADLINE:-}" ]]; then EXTRA+=(--deadline "$SCALING_DEADLINE"); fi
suite() {
  local heap="$1"; shift
  # At 10^8 a small young generation leaves the old one the room the store's build needs.
  local young=(); [[ "$heap" == "${SCALING_HEAP_LARGE:-18g}" ]] && young=(-Xmn512m)
  java -Xmx"$heap" "${young[@]}" -XX:+UseParallelGC -Djava.awt.headless=true -cp "$CP" \
    io.github.communitymetrics.benchmarks.scaling.ScalingSuite --out docs "${EXTRA[@]}" "$@"
}
sizes=()
for a in "$@"; do [[ "$a" != --* ]] && sizes+=("$a"); done
if [[ " $* " == *" --quick "* ]]; then
  suite "${SCALING_HEAP:-3g}" "$@"
elif (( ${#sizes[@]} > 0 )); then
  heap="${SCALING_HEAP:-6g}"
  for s in "${sizes[@]}"; do (( ${s//_/} >= 100000000 )) && heap="${SCALING_HEAP_LARGE:-18g}"; done
  suite "$heap" --merge "$@"
else
  suite "${SCALING_HEAP:-6g}" "$@"
  suite "${SCALING_HEAP_LARGE:-18g}" --merge --zipf "$@" 100000000
fi
