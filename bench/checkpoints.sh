#!/usr/bin/env bash
# Checkpoint benchmark: Weir vs Apache Flink on the keyed running sum of the foundation benchmark.
# Part "overhead": throughput without checkpoints and with a checkpoint every second, per engine.
# Part "recovery": time from an injected failure to the first record after the restore.
# One fresh JVM per run, runs interleaved A B B A ... See bench/README.md.
set -euo pipefail
# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() {
  cat <<USAGE
usage: bench/checkpoints.sh [options]
  --records N              records of each throughput run (default 50000000)
  --interval MS            checkpoint interval in milliseconds (default 1000)
  --recovery-runs N        recovery runs per engine (default 10)
  --recovery-records N     records of each recovery run (default 10000000)
  --fail-after N           records through the failing map before the failure (default: half
                           of --recovery-records)
  --parts LIST             comma-separated (default overhead,recovery)
$COMMON_USAGE
USAGE
}

records=50000000
interval=1000
recovery_runs=10
recovery_records=10000000
fail_after=
parts=overhead,recovery

parse_options "--records=records --interval=interval --recovery-runs=recovery_runs \
  --recovery-records=recovery_records --fail-after=fail_after --parts=parts" "$@"

fail_after=${fail_after:-$((recovery_records / 2))}
positive_ints "$runs" "$records" "$interval" "$recovery_runs" "$recovery_records" "$fail_after" "$parallelism"
split_list engine_list "$engines" weir flink
split_list part_list "$parts" overhead recovery

bench_prepare checkpoints "$build" "$heap"
recovery_csv="${csv%.csv}-recovery.csv"

has_part() {
  local p
  for p in "${part_list[@]}"; do [[ "$p" == "$1" ]] && return 0; done
  return 1
}

if has_part overhead; then
  echo "timestamp,engine,checkpointIntervalMs,run,records,parallelism,seconds,recordsPerSec,startupMs,sinkCount,checkpoints,checkpointsTotal,wallMs" >"$csv"
  # Each engine without and with checkpoints: four configurations, interleaved like the engines
  # of the other scripts (A B C D, D C B A, ...).
  configs=()
  for engine in "${engine_list[@]}"; do configs+=("$engine:0" "$engine:$interval"); done
  for ((run = 1; run <= runs; run++)); do
    interleaved "$run" "${configs[@]}"
    for config in "${order[@]}"; do
      engine=${config%%:*}
      every=${config#*:}
      flags=()
      if ((every > 0)); then flags=(--checkpoint-interval "$every"); fi
      run_jvm "overhead run $run/$runs: $engine, checkpoint interval ${every} ms ($records records)" \
        weir.bench.foundation.BenchMain --engine "$engine" --pipeline keyed --records "$records" \
        --parallelism "$parallelism" ${flags[@]+"${flags[@]}"} \
        || { echo "FAILED: $unavailable_reason" >&2; exit 1; }
      echo "$stamp,$engine,$every,$run,$records,$parallelism,$(result_fields "$result_line" \
        seconds recordsPerSec startupMs sinkCount checkpoints checkpointsTotal wallMs)" >>"$csv"
      printf 'overhead %-5s %5s ms run %d: %s\n' "$engine" "$every" "$run" "$result_line" >&2
    done
  done

  # Markdown summary: per engine the median throughput without and with checkpoints, the
  # overhead (how much lower the median with checkpoints is), and the checkpoints completed while
  # the records flowed (median, min and max over the runs).
  echo
  awk -F, "$AWK_MEDIAN"'
    NR > 1 {
      e = $2; on = ($3 > 0) ? "on" : "off"
      if (!(e in seen)) { seen[e] = 1; order[++ne] = e }
      add(e SUBSEP on, $8)
      if (on == "on") {
        add(e SUBSEP "cp", $11)
        if (!(e in lo) || $11 < lo[e]) lo[e] = $11
        if (!(e in hi) || $11 > hi[e]) hi[e] = $11
      }
    }
    END {
      print "| engine | median rec/s, no checkpoints | median rec/s, checkpoints every '"$interval"' ms | overhead | checkpoints per run (median, min–max) |"
      print "|---|---:|---:|---:|---:|"
      for (i = 1; i <= ne; i++) {
        e = order[i]
        off = median(e SUBSEP "off"); on = median(e SUBSEP "on")
        ovh = (off != "" && on != "" && off > 0) ? sprintf("%.1f%%", (off - on) / off * 100) : "–"
        cp = median(e SUBSEP "cp")
        printf "| %s | %s | %s | %s | %s |\n", e, fmt(off, "%.0f"), fmt(on, "%.0f"), ovh,
          (cp == "" ? "–" : sprintf("%.0f (%d–%d)", cp, lo[e], hi[e]))
      }
    }' "$csv"
  echo
  echo "overhead: $runs runs per engine and setting, $records records, parallelism $parallelism; CSV: $csv"
fi

if has_part recovery; then
  echo "timestamp,engine,run,records,failAfter,checkpointIntervalMs,parallelism,recoveryMs,failedAtMs,checkpointsBeforeFailure,sinkCount,wallMs" >"$recovery_csv"
  for ((run = 1; run <= recovery_runs; run++)); do
    interleaved "$run" "${engine_list[@]}"
    for engine in "${order[@]}"; do
      run_jvm "recovery run $run/$recovery_runs: $engine ($recovery_records records, failure after $fail_after)" \
        weir.bench.checkpoints.RecoveryBenchMain --engine "$engine" --records "$recovery_records" \
        --fail-after "$fail_after" --parallelism "$parallelism" --checkpoint-interval "$interval" \
        || { echo "FAILED: $unavailable_reason" >&2; exit 1; }
      echo "$stamp,$engine,$run,$recovery_records,$fail_after,$interval,$parallelism,$(result_fields "$result_line" \
        recoveryMs failedAtMs checkpointsBeforeFailure sinkCount wallMs)" >>"$recovery_csv"
      printf 'recovery %-5s run %d: %s\n' "$engine" "$run" "$result_line" >&2
    done
  done

  # Markdown summary: median, min and max recovery time per engine, and Weir's median over
  # Flink's. Every run was checked by RecoveryBenchMain (exactly-once sums), or the script stopped.
  echo
  awk -F, "$AWK_MEDIAN"'
    NR > 1 {
      e = $2
      if (!(e in seen)) { seen[e] = 1; order[++ne] = e }
      add(e, $8)
      add(e SUBSEP "cp", $10)
      if (!(e in lo) || $8 + 0 < lo[e]) lo[e] = $8 + 0
      if (!(e in hi) || $8 + 0 > hi[e]) hi[e] = $8 + 0
    }
    END {
      print "| engine | runs | median ms from failure to first record after restore | min ms | max ms | checkpoints before the failure (median) |"
      print "|---|---:|---:|---:|---:|---:|"
      for (i = 1; i <= ne; i++) {
        e = order[i]
        printf "| %s | %d | %s | %.1f | %.1f | %s |\n", e, cnt[e], fmt(median(e), "%.1f"), lo[e], hi[e],
          fmt(median(e SUBSEP "cp"), "%.0f")
      }
      w = median("weir"); f = median("flink")
      if (w != "" && f != "" && f > 0) printf "\nWeir/Flink recovery time (medians): %.3f\n", w / f
    }' "$recovery_csv"
  echo
  echo "recovery: $recovery_runs runs per engine, $recovery_records records, failure after $fail_after;" \
    "checkpoint interval $interval ms; parallelism $parallelism; CSV: $recovery_csv"
fi
echo "heap $heap; JVM output: $log"
