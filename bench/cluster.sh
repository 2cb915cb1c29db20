#!/usr/bin/env bash
# Cluster benchmark: the keyed running sum at parallelism P across P TaskManagers of one slot
# each, so that the keyBy exchange crosses the network: Weir as separate JobManager and
# TaskManager processes, Apache Flink on a MiniCluster with P TaskManagers. One fresh run per
# engine, engines interleaved A B B A ... See bench/README.md.
set -euo pipefail
# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() {
  cat <<USAGE
usage: bench/cluster.sh [options]
  --records N              records per run (default 10000000)
  --checkpoint-interval MS a checkpoint every MS milliseconds on both engines (default 0: none)
$COMMON_USAGE
Weir's TaskManagers run with the heap flags (and JAVA_OPTS) of every benchmark JVM, its JobManager
with -Xmx512m; the JVM that starts them and submits the job with -Xmx512m.
USAGE
}

records=10000000
checkpoint_interval=0

parse_options "--records=records --checkpoint-interval=checkpoint_interval" "$@"

positive_ints "$runs" "$records" "$parallelism"
[[ "$checkpoint_interval" =~ ^[0-9]+$ ]] || { echo "not a number: $checkpoint_interval" >&2; exit 64; }
split_list engine_list "$engines" weir flink

bench_prepare cluster "$build" "$heap"
cluster_jar=$(ls weir-cluster/target/weir-cluster-*.jar 2>/dev/null | grep -v -e '-sources' -e '-tests' | head -n 1 || true)
[[ -n "$cluster_jar" && -f weir-cluster/target/classpath.txt ]] \
  || { echo "weir-cluster is not built (no jar or target/classpath.txt); run without --no-build" >&2; exit 1; }
cluster_classpath="$cluster_jar:$(cat weir-cluster/target/classpath.txt)"
checkpoint_flags=()
if ((checkpoint_interval > 0)); then checkpoint_flags=(--checkpoint-interval "$checkpoint_interval"); fi

echo "timestamp,engine,run,records,parallelism,checkpointIntervalMs,seconds,recordsPerSec,startupMs,sinkCount,networkBytes,bytesPerRecord,jobSeconds,wallMs" >"$csv"
bench_flags=("${jvm_flags[@]}")
for ((run = 1; run <= runs; run++)); do
  interleaved "$run" "${engine_list[@]}"
  declare -A rate=()
  for engine in "${order[@]}"; do
    label="run $run/$runs: $engine ($records records)"
    if [[ $engine == weir ]]; then
      # The job runs in the TaskManagers, which get the benchmark's flags; this JVM only drives them.
      jvm_flags=(-Xmx512m)
      run_jvm "$label" weir.bench.cluster.ClusterBenchMain --engine weir --records "$records" \
        --parallelism "$parallelism" "${checkpoint_flags[@]}" --cluster-classpath "$cluster_classpath" \
        --taskmanager-jvm-flags "${bench_flags[*]}"
      jvm_flags=("${bench_flags[@]}")
    else
      run_jvm "$label" weir.bench.cluster.ClusterBenchMain --engine flink --records "$records" \
        --parallelism "$parallelism" "${checkpoint_flags[@]}"
    fi
    echo "$stamp,$engine,$run,$records,$parallelism,$checkpoint_interval,$(result_fields "$result_line" \
      seconds recordsPerSec startupMs sinkCount networkBytes bytesPerRecord jobSeconds wallMs)" >>"$csv"
    rate[$engine]=$(result_fields "$result_line" recordsPerSec)
    printf '%-5s run %d: %s\n' "$engine" "$run" "$result_line" >&2
  done
  if [[ -n "${rate[weir]:-}" && -n "${rate[flink]:-}" ]]; then
    awk -v r="$run" -v w="${rate[weir]}" -v f="${rate[flink]}" \
      'BEGIN { printf "RATIO run=%d weirOverFlink=%.2f\n", r, w / f }' | tee -a "$log" >&2
  fi
done

# Markdown summary: medians per engine, from the CSV.
echo
awk -F, "$AWK_MEDIAN"'
  NR > 1 {
    recs = $4
    add($2 SUBSEP "rps", $8)
    add($2 SUBSEP "start", $9)
    add($2 SUBSEP "bpr", $12)
    add($2 SUBSEP "job", $13)
  }
  END {
    w = median("weir" SUBSEP "rps"); f = median("flink" SUBSEP "rps")
    ratio = (w != "" && f != "" && f > 0) ? sprintf("%.2f", w / f) : "–"
    print "| records | Weir median rec/s | Flink median rec/s | Weir/Flink | Weir net bytes/record | Flink net bytes/record | Weir start-up ms | Flink start-up ms | Weir RUNNING→FINISHED s |"
    print "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf "| %d | %s | %s | %s | %s | %s | %s | %s | %s |\n", recs, fmt(w, "%.0f"), fmt(f, "%.0f"), ratio,
      fmt(median("weir" SUBSEP "bpr"), "%.2f"), fmt(median("flink" SUBSEP "bpr"), "%.2f"),
      fmt(median("weir" SUBSEP "start"), "%.0f"), fmt(median("flink" SUBSEP "start"), "%.0f"),
      fmt(median("weir" SUBSEP "job"), "%.2f")
    if (w != "" && f != "" && f > 0) printf "RESULT medians weirRecordsPerSec=%.0f flinkRecordsPerSec=%.0f ratio=%.2f\n", w, f, w / f
  }' "$csv"
echo
echo "runs per engine: $runs; parallelism $parallelism over $parallelism TaskManagers; heap $heap; CSV: $csv; JVM output: $log"
