#!/usr/bin/env bash
# The day's `score` under several collector settings and DuckDB's SQL of the same metrics, one
# process at a time in the order given, each with its wall time, CPU time (user + system), peak
# RSS, the load average before and after, and (for ours) the collector's pauses from -Xlog:gc.
# docs/performance.md, "The parallel collector on two cores".
#
# usage: day.sh DAY_DIR AS_OF OUT_DIR CELL...   CELL = name:cpus:variant
#   cpus: a taskset list (0 for one core, 0,1 for two); variant: one of the cases below.
# JAR (the CLI's jar) and BENCH (benchmarks.jar) default to the build tree's.
set -u
DATA=$1; ASOF=$2; OUT=$3; shift 3
JAR=${JAR:-metrics-cli/target/community-metrics.jar}
BENCH=${BENCH:-metrics-benchmarks/target/benchmarks.jar}
mkdir -p "$OUT"
for cell in "$@"; do
  IFS=: read -r name cpus variant <<< "$cell"
  case $variant in
    serial) flags="-XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:MaxNewSize=128m" ;;
    parallel256) flags="-XX:+UseParallelGC -XX:MaxNewSize=256m" ;;
    parallel) flags="-XX:+UseParallelGC" ;;
    serial256) flags="-XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:MaxNewSize=256m" ;;
    g1) flags="-XX:+UseG1GC" ;;
    duckdb) flags="" ;;
    *) echo "unknown variant $variant" >&2; exit 2 ;;
  esac
  if [ "$variant" = duckdb ]; then
    threads=$(awk -F, '{print NF}' <<< "$cpus")
    cmd=(taskset -c "$cpus" java -cp "$BENCH" io.github.communitymetrics.benchmarks.peer.DuckDbScore
      "$DATA/*.json.gz" "$threads" "$ASOF" "$OUT/$name.tsv")
  else
    # shellcheck disable=SC2086 # $flags is a list of options
    cmd=(taskset -c "$cpus" java $flags -Xms32m -Djava.awt.headless=true -Xlog:gc:file="$OUT/$name.gc"
      -jar "$JAR" score --gharchive "$DATA" --metric contributor-confidence,lottery-factor,responsiveness
      --window 30d --as-of "$ASOF" --quiet --out "$OUT/$name.jsonl")
  fi
  load0=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f '%e %M %U %S' -o "$OUT/$name.time" "${cmd[@]}" > "$OUT/$name.stdout" 2> "$OUT/$name.stderr" \
    || { echo "$name failed" >&2; tail -5 "$OUT/$name.stderr" >&2; }
  pauses=""
  if [ -f "$OUT/$name.gc" ]; then
    sum() { grep "$1" "$OUT/$name.gc" | grep -o '[0-9.]*ms$' | tr -d ms | awk '{s += $1} END {printf "%d/%.1f s", NR, s / 1000}'; }
    pauses="young $(sum 'Pause Young') full $(sum 'Pause Full')"
  fi
  awk -v n="$name" -v l0="$load0" -v l1="$(cut -d' ' -f1 /proc/loadavg)" -v p="$pauses" \
    '{printf "%-8s wall %6.1f s cpu %6.1f s peak %5d MiB load %s->%s %s\n", n, $1, $3 + $4, $2 / 1024, l0, l1, p}' \
    "$OUT/$name.time" | tee -a "$OUT/summary"
done
