#!/usr/bin/env bash
# The whole performance suite of issue 9 in one command: the scaling suite (ingestion and the four
# peer-comparison metrics from 10^5 to 10^7 events, memory per event, docs/scaling.svg) and the
# peer comparison with DuckDB (equivalence first, then timings) on an amplified GH Archive stream.
#
#   metrics-benchmarks/run-suite.sh [--quick]
#
# --quick: 10^5 and 10^6 events and the small peer stream, 3 rounds (about 1.5 minutes on a quiet
# two-core machine). Without it: 10^5 to 10^7 events (10 GB heap) and the hour-sized peer stream,
# 7 rounds. Needs the shared data for the peer comparison ($COMMUNITYMETRICS_DATA, default
# /work/shared/data). JMH benchmarks of single metrics: see docs/performance.md ("Reproduce").
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
if [[ "${1:-}" == "--quick" ]]; then
  metrics-benchmarks/run-scaling.sh --quick
  metrics-benchmarks/run-peer-comparison.sh --quick
else
  metrics-benchmarks/run-scaling.sh
  metrics-benchmarks/run-peer-comparison.sh hour
fi
echo "suite wall time: $(( $(date +%s) - start )) s"
