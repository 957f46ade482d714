#!/usr/bin/env bash
# End to end on GH Archive-shaped hours (issue 24): `community-metrics score` against DuckDB
# (read_ndjson_objects plus SQL of the same metrics) on the same files and the same cores, each in
# cold processes of its own, with `gzip -dc` of the files as the floor.
#
#   metrics-benchmarks/run-end-to-end.sh [--quick] [--no-build] [--phases] [hours] [seed]
#
# hours (default 4) of GH Archive-shaped files from GhArchiveShapedHours (seed default 1), made
# once into $E2E_CACHE (default metrics-benchmarks/target/e2e, outside any source directory).
# Cells, run in turn in every round (alternating), 3 rounds (1 with --quick), medians reported:
#   gzip -dc            taskset -c 0 gzip -dc FILES > /dev/null
#   ours (java) 1/2     taskset -c 0[,1] java -jar metrics-cli/target/community-metrics.jar score ...
#   ours (launcher) 1/2 the same through metrics-cli/target/bin/community-metrics (its JVM flags)
#   DuckDB 1/2          taskset -c 0[,1] java -cp benchmarks.jar ...DuckDbScore GLOB 1|2 (SET threads)
# `score` runs with --metric contributor-confidence,lottery-factor,responsiveness --window 30d
# --as-of END --out FILE.jsonl: every repository, the three metrics DuckDB's SQL computes with the
# same definitions (EquivalenceCheck). Wall time and peak RSS by /usr/bin/time -f '%e %M'.
# After round 1 the outputs are compared (EndToEndCheck) and ours on 1 and 2 cores must be equal.
# --phases then times the phases of ours in one JVM (EndToEndPhases: parse only, read into the
# builder, build, people, scoring; wall and CPU each) on 1 core.
# Maven flags for the build (e.g. -Dmaven.repo.local=...) come from $MVN_FLAGS.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ROUNDS=3
BUILD=1
PHASES=0
while [[ $# -gt 0 && $1 == --* ]]; do
  case $1 in
    --quick) ROUNDS=1 ;;
    --no-build) BUILD=0 ;;
    --phases) PHASES=1 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
HOURS=${1:-4}
SEED=${2:-1}
START=2024-03-04
METRICS=contributor-confidence,lottery-factor,responsiveness
# shellcheck disable=SC2086
[[ $BUILD == 1 ]] && ./mvnw -B -q package -DskipTests -pl metrics-cli,metrics-benchmarks -am ${MVN_FLAGS-}
CLI_JAR=$ROOT/metrics-cli/target/community-metrics.jar
LAUNCHER=$ROOT/metrics-cli/target/bin/community-metrics
BENCH_JAR=$ROOT/metrics-benchmarks/target/benchmarks.jar
CACHE=${E2E_CACHE:-$ROOT/metrics-benchmarks/target/e2e}
DATA=$CACHE/h$HOURS-s$SEED
OUT=$CACHE/out-h$HOURS-s$SEED
mkdir -p "$OUT"
if [[ ! -f $DATA/.complete ]]; then
  rm -rf "$DATA"
  java -cp "$BENCH_JAR" io.github.communitymetrics.benchmarks.peer.GhArchiveShapedHours "$DATA" \
    --hours "$HOURS" --seed "$SEED" --start "$START" | tee "$DATA.txt"
  touch "$DATA/.complete"
else
  tail -n 1 "$DATA.txt"
fi
AS_OF=$(date -u -d "$START 00:00 UTC + $HOURS hours" +%Y-%m-%dT%H:%M:%SZ)
FILES=("$DATA"/*.json.gz)
echo "input: ${#FILES[@]} files, $(du -cb "${FILES[@]}" | tail -n 1 | cut -f1) bytes of gzip, as-of $AS_OF"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"

SCORE=(score --gharchive "$DATA" --metric "$METRICS" --window 30d --as-of "$AS_OF" --quiet)
cell() { # name: runs it once, appends "name wall_s peak_kb cpu_s" to $OUT/times (cpu: user + system)
  local name=$1 cores out
  case $name in *-2) cores=0,1 ;; *) cores=0 ;; esac
  out=$OUT/$name
  case $name in
    gzip) cmd=(taskset -c 0 sh -c 'gzip -dc "$@" > /dev/null' gzip "${FILES[@]}") ;;
    ours-java-*) cmd=(taskset -c "$cores" java -jar "$CLI_JAR" "${SCORE[@]}" --out "$out.jsonl") ;;
    ours-launcher-*) cmd=(taskset -c "$cores" "$LAUNCHER" "${SCORE[@]}" --out "$out.jsonl") ;;
    duckdb-*) cmd=(taskset -c "$cores" java -cp "$BENCH_JAR" io.github.communitymetrics.benchmarks.peer.DuckDbScore
      "$DATA/*.json.gz" "${name#duckdb-}" "$AS_OF" "$out.tsv") ;;
  esac
  /usr/bin/time -f '%e %M %U %S' -o "$out.time" "${cmd[@]}" > "$out.stdout" 2> "$out.stderr" \
    || { echo "$name failed:"; cat "$out.stderr"; exit 1; }
  local line
  line=$(awk '{ printf "%s %s %.2f", $1, $2, $3 + $4 }' "$out.time")
  echo "$name $line" >> "$OUT/times"
  printf '  %-18s %8s s %9s KB %8s s CPU   (load %s)\n' "$name" $line "$(cut -d' ' -f1-3 /proc/loadavg)"
}
# The launcher's cells run in the first round only (its flags are compared, not timed closely);
# $E2E_CELLS (names separated by blanks) replaces the list.
read -r -a CELLS <<< "${E2E_CELLS:-gzip ours-java-1 duckdb-1 ours-java-2 duckdb-2}"
FIRST=("${CELLS[@]}")
[[ -z ${E2E_CELLS-} ]] && FIRST+=(ours-launcher-1 ours-launcher-2)
: > "$OUT/times"
: > "$OUT/load"
for ((round = 1; round <= ROUNDS; round++)); do
  echo "round $round of $ROUNDS, $(date -u +%H:%M:%S) UTC, $(uptime | sed 's/.*load/load/')"
  cut -d' ' -f1-3 /proc/loadavg >> "$OUT/load"
  if [[ $round == 1 ]]; then run=("${FIRST[@]}"); else run=("${CELLS[@]}"); fi
  for c in "${run[@]}"; do cell "$c"; done
  if [[ $round == 1 ]]; then
    echo "results (round 1): ours (java, 1 core) against DuckDB (1 thread)"
    java -cp "$BENCH_JAR" io.github.communitymetrics.benchmarks.peer.EndToEndCheck \
      "$OUT/ours-java-1.jsonl" "$OUT/duckdb-1.tsv" || echo "  (results differ: see above)"
    for o in ours-java-2 ours-launcher-1 ours-launcher-2; do
      [[ -f $OUT/$o.jsonl && " ${FIRST[*]} " == *" $o "* ]] || continue
      cmp -s "$OUT/ours-java-1.jsonl" "$OUT/$o.jsonl" && echo "  $o: the same output as ours-java-1" \
        || echo "  $o: OUTPUT DIFFERS from ours-java-1"
    done
    [[ " ${FIRST[*]} " == *" duckdb-2 "* ]] && { cmp -s <(sort "$OUT/duckdb-1.tsv") <(sort "$OUT/duckdb-2.tsv") && echo "  duckdb-2: the same rows as duckdb-1" \
      || echo "  duckdb-2: ROWS DIFFER from duckdb-1"; }
  fi
done
cut -d' ' -f1-3 /proc/loadavg >> "$OUT/load"
EVENTS=$(sed -n 's/.*: \([0-9,]*\) events,.*/\1/p' "$DATA.txt")
LOAD=$(awk '{for (i = 1; i <= 3; i++) { if (min == "" || $i < min) min = $i; if ($i > max) max = $i }} END { print min " to " max }' "$OUT/load")
echo
echo "medians of $ROUNDS rounds (the launcher's cells: 1 run), wall s and peak MB; load average $LOAD"
median() { # cell field -> median (field 2 wall, 3 peak KB, 4 CPU s)
  awk -v c="$1" -v f="$2" '$1 == c { print $f }' "$OUT/times" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
range() { awk -v c="$1" '$1 == c { print $2 }' "$OUT/times" | sort -g | awk 'NR == 1 { a = $1 } { b = $1 } END { print a "-" b }'; }
show() { # "wall s, peak MB" of a cell, or a dash when it did not run
  local w
  w=$(median "$1" 2)
  if [[ -z $w ]]; then printf -- '–'; else printf '%s s, %s MB' "$w" "$(( $(median "$1" 3) / 1024 ))"; fi
}
echo
echo "| workload | ours 1 core | DuckDB 1 thread | ours 2 cores | DuckDB 2 threads | \`gzip -dc\` |"
echo "|---|---|---|---|---|---|"
echo "| $HOURS hours, $EVENTS events (\`java -jar\`) | $(show ours-java-1) | $(show duckdb-1) | $(show ours-java-2) | $(show duckdb-2) | $(median gzip 2) s |"
[[ " ${FIRST[*]} " == *" ours-launcher-1 "* ]] && echo "| the same, through the launcher | $(show ours-launcher-1) | | $(show ours-launcher-2) | | |"
echo
echo "| cell | runs | wall s, median | range | CPU s (user + system), median | peak MB, median | ours / DuckDB wall (same cores) | ours / DuckDB CPU |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for c in "${FIRST[@]}"; do
  ratio=""
  cpu=""
  case $c in
    ours-*-1 | ours-*-2)
      d=duckdb-${c##*-}
      if [[ -n $(median "$d" 2) ]]; then
        ratio=$(awk -v a="$(median "$c" 2)" -v b="$(median "$d" 2)" 'BEGIN { printf "%.2f", a / b }')
        cpu=$(awk -v a="$(median "$c" 4)" -v b="$(median "$d" 4)" 'BEGIN { printf "%.2f", a / b }')
      fi ;;
  esac
  echo "| $c | $(awk -v c="$c" '$1 == c' "$OUT/times" | wc -l) | $(median "$c" 2) | $(range "$c") | $(median "$c" 4) | $(( $(median "$c" 3) / 1024 )) | $ratio | $cpu |"
done
if [[ $PHASES == 1 ]]; then
  echo
  echo "phases of ours, one JVM, 1 core (java -jar flags: JVM defaults):"
  taskset -c 0 java -cp "$BENCH_JAR" io.github.communitymetrics.benchmarks.peer.EndToEndPhases "$DATA" "$AS_OF" "$METRICS" 2
fi
