#!/usr/bin/env bash
# Peer comparison: ours vs DuckDB (org.duckdb:duckdb_jdbc, in process) on an amplified GH Archive
# stream built from the real hours in ../shared/data/gharchive (never copied into the repository).
# First the equivalence check (identical numbers for every repository, four metrics), then the
# timings.
#
#   metrics-benchmarks/run-peer-comparison.sh [--quick] [hour|day|week|EVENTS[/DAYS]] [seed]
#
# Needs the shared data at $COMMUNITYMETRICS_DATA (default /work/shared/data). Builds the modules
# in one reactor run and runs from their target/classes (nothing is installed into ~/.m2).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${COMMUNITYMETRICS_DATA:-/work/shared/data}"
./mvnw -q -B -pl metrics-benchmarks -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/peer-classpath.txt -Dmdep.includeScope=runtime
CP="metrics-benchmarks/target/classes:$(cat metrics-benchmarks/target/peer-classpath.txt)"
JAVA=(java -Xmx3g -Dcommunitymetrics.data="$DATA" -cp "$CP")
SMALL="$(mktemp --suffix=.json.gz)"
trap 'rm -f "$SMALL"' EXIT
"${JAVA[@]}" io.github.communitymetrics.benchmarks.peer.GhArchiveAmplifier "$SMALL" 47000/40 7 3 "$DATA"
"${JAVA[@]}" io.github.communitymetrics.benchmarks.peer.EquivalenceCheck "$SMALL" 2024-02-05T00:00:00Z
"${JAVA[@]}" io.github.communitymetrics.benchmarks.peer.PeerComparison "$@"
