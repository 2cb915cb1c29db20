#!/usr/bin/env bash
# Foundation benchmark: Weir vs Apache Flink on two pipelines (stateless map/filter, keyed
# running sum), one fresh JVM per run, engines interleaved A B B A ... See bench/README.md.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: bench/foundation.sh [options]
  --runs N                 runs per engine and pipeline (default 5)
  --records-stateless N    records of the stateless pipeline (default 100000000)
  --records-keyed N        records of the keyed pipeline (default 50000000)
  --engines LIST           comma-separated, in run order of the first round (default weir,flink)
  --pipelines LIST         comma-separated (default stateless,keyed)
  --parallelism P          parallelism of both engines (default 2)
  --heap SIZE              -Xms/-Xmx of every benchmark JVM (default 4g)
  --no-build               skip the Maven build (use the existing weir-bench/target)
  -h, --help               this text
environment:
  JAVA        java launcher (default: java on PATH)
  JAVA_OPTS   extra JVM flags, given to every run of every engine
  MVN_ARGS    extra Maven flags for the build, e.g. -o
USAGE
}

runs=5
records_stateless=100000000
records_keyed=50000000
engines=weir,flink
pipelines=stateless,keyed
parallelism=2
heap=4g
build=1

while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --records-stateless) records_stateless="$2"; shift 2 ;;
    --records-keyed) records_keyed="$2"; shift 2 ;;
    --engines) engines="$2"; shift 2 ;;
    --pipelines) pipelines="$2"; shift 2 ;;
    --parallelism) parallelism="$2"; shift 2 ;;
    --heap) heap="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 64 ;;
  esac
done

for n in "$runs" "$records_stateless" "$records_keyed" "$parallelism"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "not a positive integer: $n" >&2; exit 64; }
done
IFS=, read -r -a engine_list <<<"$engines"
IFS=, read -r -a pipeline_list <<<"$pipelines"
for e in "${engine_list[@]}"; do
  [[ "$e" == weir || "$e" == flink ]] || { echo "unknown engine: $e" >&2; exit 64; }
done
for p in "${pipeline_list[@]}"; do
  [[ "$p" == stateless || "$p" == keyed ]] || { echo "unknown pipeline: $p" >&2; exit 64; }
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [[ $build -eq 1 ]]; then
  echo "building weir-bench ..." >&2
  # shellcheck disable=SC2086
  mvn -B -q ${MVN_ARGS:-} -pl weir-bench -am package -DskipTests
fi
jar=$(ls weir-bench/target/weir-bench-*.jar 2>/dev/null | grep -v -e '-sources' -e '-tests' | head -n 1 || true)
[[ -n "$jar" && -f weir-bench/target/classpath.txt ]] \
  || { echo "weir-bench is not built (no jar or target/classpath.txt); run without --no-build" >&2; exit 1; }
classpath="$jar:$(cat weir-bench/target/classpath.txt)"
java_cmd="${JAVA:-java}"
# Same flags for every engine: fixed heap, otherwise JVM defaults (default GC included).
# shellcheck disable=SC2206
jvm_flags=(-Xms"$heap" -Xmx"$heap" ${JAVA_OPTS:-})

stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p bench/results
csv="bench/results/foundation-$stamp.csv"
log="bench/results/foundation-$stamp.log"
echo "timestamp,pipeline,engine,run,records,parallelism,seconds,recordsPerSec,startupMs,sinkCount,wallMs" >"$csv"
echo "# $("$java_cmd" -version 2>&1 | head -n 1); $(nproc) cores; heap $heap; JAVA_OPTS='${JAVA_OPTS:-}'" >"$log"

# One run = one fresh JVM. Appends a CSV row; aborts the whole script if the run fails.
run_one() {
  local engine=$1 pipeline=$2 records=$3 run=$4 out line
  echo "== $pipeline run $run/$runs: $engine ($records records)" >>"$log"
  if ! out=$("$java_cmd" "${jvm_flags[@]}" -cp "$classpath" weir.bench.foundation.BenchMain \
      --engine "$engine" --pipeline "$pipeline" --records "$records" --parallelism "$parallelism" 2>&1); then
    printf '%s\n' "$out" >>"$log"
    printf '%s\n' "$out" | tail -n 20 >&2
    echo "FAILED: $engine $pipeline run $run (full output in $log)" >&2
    exit 1
  fi
  printf '%s\n' "$out" >>"$log"
  line=$(printf '%s\n' "$out" | grep '^RESULT ' | tail -n 1 || true)
  [[ -n "$line" ]] || { echo "FAILED: no RESULT line from $engine $pipeline run $run (see $log)" >&2; exit 1; }
  printf '%s\n' "$line" | awk -v ts="$stamp" -v run="$run" '
    { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
    END {
      printf "%s,%s,%s,%d,%s,%s,%s,%s,%s,%s,%s\n", ts, v["pipeline"], v["engine"], run, v["records"],
        "'"$parallelism"'", v["seconds"], v["recordsPerSec"], v["startupMs"], v["sinkCount"], v["wallMs"]
    }' >>"$csv"
  printf '%-9s %-5s run %d: %s\n' "$pipeline" "$engine" "$run" "${line#RESULT }" >&2
}

for pipeline in "${pipeline_list[@]}"; do
  if [[ $pipeline == stateless ]]; then records=$records_stateless; else records=$records_keyed; fi
  for ((run = 1; run <= runs; run++)); do
    # Interleave A B, B A, A B ... so drift on a noisy machine hits both engines alike.
    if ((run % 2 == 1)); then
      order=("${engine_list[@]}")
    else
      order=()
      for ((k = ${#engine_list[@]} - 1; k >= 0; k--)); do order+=("${engine_list[k]}"); done
    fi
    for engine in "${order[@]}"; do
      run_one "$engine" "$pipeline" "$records" "$run"
    done
  done
done

# Markdown summary: medians per pipeline and engine, from the CSV.
echo
awk -F, '
  function median(key,    n, i, j, t, a) {
    n = cnt[key]
    if (n == 0) return ""
    for (i = 1; i <= n; i++) a[i] = val[key, i]
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function add(key, x) { cnt[key]++; val[key, cnt[key]] = x + 0 }
  function fmt(x, f) { return x == "" ? "–" : sprintf(f, x) }
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
