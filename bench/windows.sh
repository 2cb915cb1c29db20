#!/usr/bin/env bash
# Window benchmark: Weir vs Apache Flink counting per key over event-time sliding and session
# windows, one fresh JVM per run, engines interleaved A B B A ... See bench/README.md.
set -euo pipefail
# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() {
  cat <<USAGE
usage: bench/windows.sh [options]
  --records N              events per run (default 50000000)
  --keys K                 distinct keys (default 100000)
  --events-per-second R    events per second of event time (default 1000000)
  --workloads LIST         comma-separated (default sliding,session)
$COMMON_USAGE
USAGE
}

records=50000000
keys=100000
events_per_second=1000000
workloads=sliding,session

parse_options "--records=records --keys=keys --events-per-second=events_per_second --workloads=workloads" "$@"

positive_ints "$runs" "$records" "$keys" "$events_per_second" "$parallelism"
split_list engine_list "$engines" weir flink
split_list workload_list "$workloads" sliding session

bench_prepare windows "$build" "$heap"
echo "timestamp,workload,engine,run,records,keys,parallelism,seconds,recordsPerSec,startupMs,results,checksum,wallMs" >"$csv"

# An engine whose side is not written yet is skipped from its first attempt on: no rows, no
# figures, and no ratio for it.
skipped=()
is_skipped() {
  local s
  for s in "${skipped[@]+"${skipped[@]}"}"; do [[ "$s" == "$1" ]] && return 0; done
  return 1
}

for workload in "${workload_list[@]}"; do
  for ((run = 1; run <= runs; run++)); do
    interleaved "$run" "${engine_list[@]}"
    for engine in "${order[@]}"; do
      is_skipped "$engine" && continue
      if ! run_jvm "$workload run $run/$runs: $engine ($records events)" weir.bench.windows.WindowBenchMain \
          --engine "$engine" --workload "$workload" --records "$records" --keys "$keys" \
          --events-per-second "$events_per_second" --parallelism "$parallelism"; then
        echo "SKIPPED: engine $engine is not available yet, so it is left out of every workload: $unavailable_reason" >&2
        skipped+=("$engine")
        continue
      fi
      echo "$stamp,$workload,$engine,$run,$records,$keys,$parallelism,$(result_fields "$result_line" \
        seconds recordsPerSec startupMs results checksum wallMs)" >>"$csv"
      printf '%-8s %-5s run %d: %s\n' "$workload" "$engine" "$run" "$result_line" >&2
    done
  done
done

# Markdown summary: medians per workload and engine, from the CSV. Every run of a workload, on
# any engine, must have produced the same results and checksum; where they differ the table
# says so instead of giving a ratio, and the script exits with status 1.
echo
status=0
awk -F, "$AWK_MEDIAN"'
  NR > 1 {
    w = $2; e = $3
    if (!(w in seen)) { seen[w] = 1; order[++nw] = w }
    recs[w] = $5
    add(w SUBSEP e SUBSEP "rps", $9)
    add(w SUBSEP e SUBSEP "s", $8)
    add(w SUBSEP e SUBSEP "start", $10)
    out = $11 " / " $12
    if (!(w in result)) result[w] = out
    else if (result[w] != out) differs[w] = 1
  }
  END {
    print "| workload | events | Weir median rec/s | Flink median rec/s | Weir/Flink | Weir median s | Flink median s | Weir start-up ms | Flink start-up ms | results / checksum |"
    print "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    bad = 0
    for (i = 1; i <= nw; i++) {
      w = order[i]
      we = median(w SUBSEP "weir" SUBSEP "rps"); fl = median(w SUBSEP "flink" SUBSEP "rps")
      if (w in differs) { ratio = "results differ"; out = "DIFFER (see CSV)"; bad = 1 }
      else {
        ratio = (we != "" && fl != "" && fl > 0) ? sprintf("%.2f", we / fl) : "–"
        out = result[w]
      }
      printf "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s |\n", w, recs[w], fmt(we, "%.0f"), fmt(fl, "%.0f"), ratio,
        fmt(median(w SUBSEP "weir" SUBSEP "s"), "%.2f"), fmt(median(w SUBSEP "flink" SUBSEP "s"), "%.2f"),
        fmt(median(w SUBSEP "weir" SUBSEP "start"), "%.0f"), fmt(median(w SUBSEP "flink" SUBSEP "start"), "%.0f"), out
    }
    exit bad
  }' "$csv" || status=$?
echo
if ((${#skipped[@]} > 0)); then
  echo "not run (engine not available yet): ${skipped[*]}"
fi
echo "runs per engine: $runs; parallelism $parallelism; keys $keys; $events_per_second events/s of event time; heap $heap; CSV: $csv; JVM output: $log"
if ((status != 0)); then
  echo "FAILED: the engines' results differ for at least one workload; no ratio reported for it" >&2
fi
exit "$status"
