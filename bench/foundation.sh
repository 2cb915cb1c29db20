#!/usr/bin/env bash
# Foundation benchmark: Weir vs Apache Flink on two pipelines (stateless map/filter, keyed
# running sum), one fresh JVM per run, engines interleaved A B B A ... See bench/README.md.
set -euo pipefail
# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() {
  cat <<USAGE
usage: bench/foundation.sh [options]
  --records-stateless N    records of the stateless pipeline (default 100000000)
  --records-keyed N        records of the keyed pipeline (default 50000000)
  --pipelines LIST         comma-separated (default stateless,keyed)
$COMMON_USAGE
USAGE
}

records_stateless=100000000
records_keyed=50000000
pipelines=stateless,keyed

parse_options "--records-stateless=records_stateless --records-keyed=records_keyed --pipelines=pipelines" "$@"

positive_ints "$runs" "$records_stateless" "$records_keyed" "$parallelism"
split_list engine_list "$engines" weir flink
split_list pipeline_list "$pipelines" stateless keyed

bench_prepare foundation "$build" "$heap"
echo "timestamp,pipeline,engine,run,records,parallelism,seconds,recordsPerSec,startupMs,sinkCount,wallMs" >"$csv"

for pipeline in "${pipeline_list[@]}"; do
  if [[ $pipeline == stateless ]]; then records=$records_stateless; else records=$records_keyed; fi
  for ((run = 1; run <= runs; run++)); do
    interleaved "$run" "${engine_list[@]}"
    for engine in "${order[@]}"; do
      # An engine that is not available stops the script, like any failed run.
      run_jvm "$pipeline run $run/$runs: $engine ($records records)" weir.bench.foundation.BenchMain \
        --engine "$engine" --pipeline "$pipeline" --records "$records" --parallelism "$parallelism" \
        || { echo "FAILED: $unavailable_reason" >&2; exit 1; }
      echo "$stamp,$pipeline,$engine,$run,$records,$parallelism,$(result_fields "$result_line" \
        seconds recordsPerSec startupMs sinkCount wallMs)" >>"$csv"
      printf '%-9s %-5s run %d: %s\n' "$pipeline" "$engine" "$run" "$result_line" >&2
    done
  done
done

# Markdown summary: medians per pipeline and engine, from the CSV.
echo
awk -F, "$AWK_MEDIAN"'
  NR > 1 {
    if (!($2 in seen)) { seen[$2] = 1; order[++np] = $2 }
    recs[$2] = $5
    add($2 SUBSEP $3 SUBSEP "rps", $8)
    add($2 SUBSEP $3 SUBSEP "start", $9)
  }
  END {
    print "| pipeline | records | Weir median rec/s | Flink median rec/s | Weir/Flink | Weir start-up ms (median) | Flink start-up ms (median) |"
    print "|---|---:|---:|---:|---:|---:|---:|"
    for (i = 1; i <= np; i++) {
      p = order[i]
      w = median(p SUBSEP "weir" SUBSEP "rps"); f = median(p SUBSEP "flink" SUBSEP "rps")
      ws = median(p SUBSEP "weir" SUBSEP "start"); fs = median(p SUBSEP "flink" SUBSEP "start")
      ratio = (w != "" && f != "" && f > 0) ? sprintf("%.2f", w / f) : "–"
      printf "| %s | %d | %s | %s | %s | %s | %s |\n", p, recs[p], fmt(w, "%.0f"), fmt(f, "%.0f"), ratio, fmt(ws, "%.0f"), fmt(fs, "%.0f")
    }
  }' "$csv"
echo
echo "runs per engine: $runs; parallelism $parallelism; heap $heap; CSV: $csv; JVM output: $log"
