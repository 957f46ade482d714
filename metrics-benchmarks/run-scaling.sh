#!/usr/bin/env bash
# Scaling suite (issue 9): time and memory against input size for ingestion and each metric of
# the peer comparison, with the chart docs/scaling.svg and the numbers docs/scaling.csv.
#
#   metrics-benchmarks/run-scaling.sh [--quick] [SIZE...]
#
# Full: 10^5, 10^6 and 10^7 simulated events (10^7 needs an 18 GB heap: 10 GB ran out; and a quiet machine).
# --quick: 10^5 and 10^6 with fewer rounds, under five minutes. Builds the modules in one reactor
# run and runs from their target/classes (nothing is installed into ~/.m2).
set -euo pipefail
cd "$(dirname "$0")/.."
HEAP="${SCALING_HEAP:-}"
if [[ -z "$HEAP" ]]; then
  if [[ " $* " == *" --quick "* ]]; then HEAP=3g; else HEAP=18g; fi
fi
./mvnw -q -B -pl metrics-benchmarks -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/scaling-classpath.txt -Dmdep.includeScope=runtime
CP="metrics-benchmarks/target/classes:$(cat metrics-benchmarks/target/scaling-classpath.txt)"
java -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseParallelGC -Djava.awt.headless=true -cp "$CP" \
  io.github.communitymetrics.benchmarks.scaling.ScalingSuite --out docs "$@"
