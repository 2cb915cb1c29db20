#!/usr/bin/env bash
# Nexmark benchmark: Weir vs Apache Flink on the Nexmark queries, one fresh JVM per run, engines
# interleaved A B B A ... on the same events. See bench/README.md and docs/benchmarks.md.
set -euo pipefail
# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ALL_QUERIES=q0,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11,q12,q13,q14,q15,q16,q17,q18,q19,q20,q21,q22

usage() {
  cat <<USAGE
usage: bench/nexmark.sh [options]
  --events N               events per run (default 10M; K and M suffixes allowed)
  --queries LIST           comma-separated (default all: q0 .. q22)
  --event-rate R           events per second of event time (default 100000)
  --checkpoint-interval D  exactly-once checkpoints on both engines every D, 0 for none (default 10s)
  --latency                latency mode instead: for each query (default q5,q7), the source paced
                           at 50% and 80% of Flink's sustainable rate on it, event-time latency
                           percentiles for both engines
  --flink-rate R           latency mode: Flink's sustainable rate in events/s (default: measured
                           first, the median of --runs unpaced Flink runs of the query)
  --latency-seconds S      latency mode: seconds each paced run lasts (default 30)
  --latency-warmup S       latency mode: rows due in the first S seconds of a run are not measured
                           (default 5)
$COMMON_USAGE
USAGE
}

events=10M
queries=
event_rate=100000
checkpoint_interval=10s
latency=0
flink_rate=
latency_seconds=30
latency_warmup=5
runs=3

args=()
for a in "$@"; do
  if [[ "$a" == --latency ]]; then latency=1; else args+=("$a"); fi
done
parse_options "--events=events --queries=queries --event-rate=event_rate --checkpoint-interval=checkpoint_interval \
  --flink-rate=flink_rate --latency-seconds=latency_seconds --latency-warmup=latency_warmup" "${args[@]+"${args[@]}"}"

# 10M -> 10000000, 500K -> 500000
expand() {
  local n=$1
  case "$n" in
    *M) echo $((${n%M} * 1000000)) ;;
    *K|*k) echo $((${n%[Kk]} * 1000)) ;;
    *) echo "$n" ;;
  esac
}
events=$(expand "$events")
[[ -n "$flink_rate" ]] && flink_rate=$(expand "$flink_rate")
positive_ints "$runs" "$events" "$event_rate" "$parallelism" "$latency_seconds" ${flink_rate:+"$flink_rate"}
[[ "$latency_warmup" =~ ^[0-9]+$ && "$latency_warmup" -lt "$latency_seconds" ]] \
  || { echo "--latency-warmup must be a whole number of seconds below --latency-seconds, got '$latency_warmup'" >&2; exit 64; }
if [[ -z "$queries" ]]; then
  if ((latency)); then queries=q5,q7; else queries=$ALL_QUERIES; fi
fi
# shellcheck disable=SC2046
split_list query_list "$queries" $(tr , ' ' <<<"$ALL_QUERIES")
split_list engine_list "$engines" weir flink

bench_prepare "nexmark$( ((latency)) && echo -latency)" "$build" "$heap"
md="${csv%.csv}.md"
main=weir.bench.nexmark.NexmarkBenchMain

if ((latency)); then
  # ---------------------------------------------------------------- latency mode
  echo "timestamp,query,engine,load,pace,run,events,p50Us,p99Us,p999Us,rows,digest,eventsPerSec" >"$csv"
  for query in "${query_list[@]}"; do
    rate=$flink_rate
    if [[ -z "$rate" ]]; then
      rates=()
      for ((run = 1; run <= runs; run++)); do
        run_jvm "$query sustainable rate, flink run $run/$runs" $main --engine flink --query "$query" \
          --events "$events" --parallelism "$parallelism" --checkpoint-interval "$checkpoint_interval"
        rates+=("$(result_fields "$result_line" eventsPerSec)")
      done
      rate=$(printf '%s\n' "${rates[@]}" | sort -n | awk '{ a[NR] = $1 } END { print int(NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }')
      echo "$query: Flink's sustainable rate (median of $runs runs): $rate events/s" >&2
    fi
    for load in 50 80; do
      pace=$((rate * load / 100))
      paced_events=$((pace * latency_seconds))
      for ((run = 1; run <= runs; run++)); do
        interleaved "$run" "${engine_list[@]}"
        for engine in "${order[@]}"; do
          run_jvm "$query latency at $load% ($pace events/s) run $run/$runs: $engine" $main --engine "$engine" \
            --query "$query" --events "$paced_events" --parallelism "$parallelism" --pace "$pace" \
            --latency-warmup "${latency_warmup}s" --checkpoint-interval "$checkpoint_interval"
          echo "$stamp,$query,$engine,$load,$pace,$run,$paced_events,$(result_fields "$result_line" \
            p50Us p99Us p999Us rows digest eventsPerSec)" >>"$csv"
          printf '%-4s %-5s %d%% run %d: %s\n' "$query" "$engine" "$load" "$run" "$result_line" >&2
        done
      done
    done
  done
  echo
  status=0
  awk -F, "$AWK_MEDIAN"'
    NR > 1 {
      k = $2 SUBSEP $4
      if (!(k in seen)) { seen[k] = 1; order[++n] = k; pace[k] = $5 }
      add(k SUBSEP $3 SUBSEP "p50", $8); add(k SUBSEP $3 SUBSEP "p99", $9); add(k SUBSEP $3 SUBSEP "p999", $10)
      if (!(k in digest)) digest[k] = $12
      else if (digest[k] != $12) differs[k] = 1
    }
    END {
      print "| query | load | events/s | Weir p50 ms | Weir p99 ms | Weir p99.9 ms | Flink p50 ms | Flink p99 ms | Flink p99.9 ms | results |"
      print "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
      bad = 0
      for (i = 1; i <= n; i++) {
        k = order[i]; split(k, qk, SUBSEP)
        out = (k in differs) ? "DIFFER (see CSV)" : "equal"
        if (k in differs) bad = 1
        printf "| %s | %d%% | %d | %s | %s | %s | %s | %s | %s | %s |\n", qk[1], qk[2], pace[k],
          fmt(median(k SUBSEP "weir" SUBSEP "p50") / 1000, "%.1f"), fmt(median(k SUBSEP "weir" SUBSEP "p99") / 1000, "%.1f"),
          fmt(median(k SUBSEP "weir" SUBSEP "p999") / 1000, "%.1f"), fmt(median(k SUBSEP "flink" SUBSEP "p50") / 1000, "%.1f"),
          fmt(median(k SUBSEP "flink" SUBSEP "p99") / 1000, "%.1f"), fmt(median(k SUBSEP "flink" SUBSEP "p999") / 1000, "%.1f"), out
      }
      exit bad
    }' "$csv" | tee "$md" || status=$?
  echo
  echo "medians of $runs runs per engine and load; $latency_seconds s per run, the first $latency_warmup s not measured; parallelism $parallelism; checkpoints every $checkpoint_interval; heap $heap; CSV: $csv; JVM output: $log"
  ((status == 0)) || echo "FAILED: the engines' results differ for at least one query and load" >&2
  exit "$status"
fi

# ------------------------------------------------------------------- throughput mode
echo "timestamp,query,engine,run,events,parallelism,seconds,eventsPerSec,cpuSeconds,eventsPerCpuSec,peakRssMb,startupMs,rows,digest,checkpoints,wallMs" >"$csv"
for query in "${query_list[@]}"; do
  for ((run = 1; run <= runs; run++)); do
    interleaved "$run" "${engine_list[@]}"
    for engine in "${order[@]}"; do
      run_jvm "$query run $run/$runs: $engine ($events events)" $main --engine "$engine" --query "$query" \
        --events "$events" --parallelism "$parallelism" --event-rate "$event_rate" \
        --checkpoint-interval "$checkpoint_interval"
      echo "$stamp,$query,$engine,$run,$events,$parallelism,$(result_fields "$result_line" \
        seconds eventsPerSec cpuSeconds eventsPerCpuSec peakRssMb startupMs rows digest checkpoints wallMs)" >>"$csv"
      printf '%-4s %-5s run %d: %s\n' "$query" "$engine" "$run" "$result_line" >&2
    done
  done
done

# Markdown summary: medians per query and engine, from the CSV. Every run of a query, on either
# engine, must have produced the same digest (q12 has none: it depends on processing time); where
# they differ the table says so instead of giving a ratio, the query is left out of the geometric
# mean, and the script exits with status 1.
echo
status=0
awk -F, "$AWK_MEDIAN"'
  NR > 1 {
    q = $2; e = $3
    if (!(q in seen)) { seen[q] = 1; order[++nq] = q }
    add(q SUBSEP e SUBSEP "eps", $8); add(q SUBSEP e SUBSEP "cpu", $10); add(q SUBSEP e SUBSEP "rss", $11)
    if (!(q in digest)) digest[q] = $14
    else if (digest[q] != $14) differs[q] = 1
  }
  END {
    print "| query | Weir ev/s | Flink ev/s | Weir/Flink | Weir ev/CPU-s | Flink ev/CPU-s | CPU-normalized ratio | Weir peak RSS MB | Flink peak RSS MB | results |"
    print "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    bad = 0; logsum = 0; nr = 0; min = ""
    for (i = 1; i <= nq; i++) {
      q = order[i]
      we = median(q SUBSEP "weir" SUBSEP "eps"); fl = median(q SUBSEP "flink" SUBSEP "eps")
      wc = median(q SUBSEP "weir" SUBSEP "cpu"); fc = median(q SUBSEP "flink" SUBSEP "cpu")
      if (q in differs) { ratio = "results differ"; cratio = "–"; out = "DIFFER (see CSV)"; bad = 1 }
      else {
        out = (digest[q] == "-") ? "not compared (processing time)" : "equal"
        if (we != "" && fl != "" && fl > 0) {
          r = we / fl; ratio = sprintf("**%.2f**", r); logsum += log(r); nr++
          if (min == "" || r < min) { min = r; minq = q }
        } else ratio = "–"
        cratio = (wc != "" && fc != "" && fc > 0) ? sprintf("%.2f", wc / fc) : "–"
      }
      printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", q, fmt(we, "%.0f"), fmt(fl, "%.0f"), ratio,
        fmt(wc, "%.0f"), fmt(fc, "%.0f"), cratio, fmt(median(q SUBSEP "weir" SUBSEP "rss"), "%.0f"),
        fmt(median(q SUBSEP "flink" SUBSEP "rss"), "%.0f"), out
    }
    print ""
    if (nr > 0) printf "geometric mean of the ratios: **%.2f** over %d queries; minimum: **%.2f** (%s)\n", exp(logsum / nr), nr, min, minq
    exit bad
  }' "$csv" | tee "$md" || status=$?
echo
echo "medians of $runs runs per engine; $events events at $event_rate events/s of event time; parallelism $parallelism; checkpoints every $checkpoint_interval; heap $heap; CSV: $csv; table: $md; JVM output: $log"
((status == 0)) || echo "FAILED: the engines' results differ for at least one query; no ratio reported for it" >&2
exit "$status"
