# Shared by the side-by-side benchmark scripts (foundation.sh, windows.sh); sourced, not run.
# Every run is one fresh JVM with the same flags for every engine; each script turns the
# RESULT line its main prints into a CSV row and summarises the CSV with AWK_MEDIAN.

# Exit status of a benchmark main whose engine is not available (RunnerLoader.ENGINE_UNAVAILABLE).
ENGINE_UNAVAILABLE=3

# The options every script takes, with their defaults; a script's own options come first.
runs=5
engines=weir,flink
parallelism=2
heap=4g
build=1
COMMON_USAGE='  --runs N                 runs per engine and pipeline or workload (default 5)
  --engines LIST           comma-separated, in run order of the first round (default weir,flink)
  --parallelism P          parallelism of both engines (default 2)
  --heap SIZE              -Xms/-Xmx of every benchmark JVM (default 4g)
  --no-build               skip the Maven build (use the existing weir-bench/target)
  -h, --help               this text
environment:
  JAVA        java launcher (default: java on PATH)
  JAVA_OPTS   extra JVM flags, given to every run of every engine
  MVN_ARGS    extra Maven flags for the build, e.g. -o'

# parse_options SPEC ARGS... : sets a variable for each option in ARGS. SPEC lists the script's
# own options as "--flag=variable ..."; the common options above are always understood, and
# -h/--help calls the script's usage function.
parse_options() {
  local spec=" $1 --runs=runs --engines=engines --parallelism=parallelism --heap=heap " var
  shift
  while [[ $# -gt 0 ]]; do
    case "$1" in
      -h|--help) usage; exit 0 ;;
      --no-build) build=0; shift; continue ;;
    esac
    if [[ "$spec" != *" $1="* ]]; then
      echo "unknown option: $1" >&2
      usage >&2
      exit 64
    fi
    [[ $# -ge 2 ]] || { echo "$1 needs a value" >&2; exit 64; }
    var=${spec#* "$1="}
    printf -v "${var%% *}" '%s' "$2"
    shift 2
  done
}

# positive_ints N... : exits with a usage error unless every argument is a positive integer.
positive_ints() {
  local n
  for n in "$@"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "not a positive integer: $n" >&2; exit 64; }
  done
}

# split_list ARRAY LIST ALLOWED... : splits the comma-separated LIST into the array variable
# ARRAY; exits with a usage error unless every element is one of ALLOWED.
split_list() {
  local name=$1 list=$2 item allowed items
  shift 2
  IFS=, read -r -a "$name" <<<"$list"
  IFS=, read -r -a items <<<"$list"
  for item in "${items[@]}"; do
    for allowed in "$@"; do [[ "$item" == "$allowed" ]] && continue 2; done
    echo "unknown value: $item (expected one of: $*)" >&2
    exit 64
  done
}

# bench_prepare NAME BUILD HEAP : cds to the repository root, builds weir-bench unless BUILD is 0,
# and sets classpath, java_cmd, jvm_flags, stamp, csv and log (bench/results/NAME-<stamp>.*).
bench_prepare() {
  local name=$1 build=$2 heap=$3 jar
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
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
  # Same flags for every engine: fixed heap, touched at start-up (outside the measured span) so
  # that the first pass over it does not charge page faults to whichever run allocates first;
  # otherwise JVM defaults (default GC).
  # shellcheck disable=SC2206
  jvm_flags=(-Xms"$heap" -Xmx"$heap" -XX:+AlwaysPreTouch ${JAVA_OPTS:-})
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  mkdir -p bench/results
  csv="bench/results/$name-$stamp.csv"
  log="bench/results/$name-$stamp.log"
  echo "# $("$java_cmd" -version 2>&1 | head -n 1); $(nproc) cores; heap $heap; JAVA_OPTS='${JAVA_OPTS:-}'" >"$log"
}

# run_jvm LABEL MAIN ARGS... : runs MAIN in a fresh JVM, appends its output to the log and sets
# result_line to its RESULT line without the prefix. Returns ENGINE_UNAVAILABLE if the main exits
# with it; any other failure stops the script.
run_jvm() {
  local label=$1 out rc=0
  shift
  echo "== $label" >>"$log"
  out=$("$java_cmd" "${jvm_flags[@]}" -cp "$classpath" "$@" 2>&1) || rc=$?
  printf '%s\n' "$out" >>"$log"
  if [[ $rc -eq $ENGINE_UNAVAILABLE ]]; then
    unavailable_reason=$(printf '%s\n' "$out" | tail -n 1)
    return "$ENGINE_UNAVAILABLE"
  fi
  if [[ $rc -ne 0 ]]; then
    printf '%s\n' "$out" | tail -n 20 >&2
    echo "FAILED: $label (full output in $log)" >&2
    exit 1
  fi
  result_line=$(printf '%s\n' "$out" | grep '^RESULT ' | tail -n 1 || true)
  [[ -n "$result_line" ]] || { echo "FAILED: no RESULT line from $label (see $log)" >&2; exit 1; }
  result_line=${result_line#RESULT }
}

# result_fields LINE KEY... : the values of the KEY=value fields of LINE, comma-separated, in order.
result_fields() {
  local line=$1
  shift
  printf '%s\n' "$line" | awk -v keys="$*" '
    { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
    END { n = split(keys, k, " "); for (i = 1; i <= n; i++) printf "%s%s", (i > 1 ? "," : ""), v[k[i]]; print "" }'
}

# interleaved RUN ENGINE... : sets order to the engines as given for odd runs and reversed for even
# ones (A B, B A, A B, ...), so that drift on a noisy machine hits every engine alike.
interleaved() {
  local run=$1 k
  shift
  local engines=("$@")
  order=()
  if ((run % 2 == 1)); then
    order=("${engines[@]}")
  else
    for ((k = ${#engines[@]} - 1; k >= 0; k--)); do order+=("${engines[k]}"); done
  fi
}

# AWK helpers for the summaries: add(key, x) collects values, median(key) is their median or "",
# fmt(x, f) formats a value or prints "–" for none.
# shellcheck disable=SC2016
AWK_MEDIAN='
  function median(key,    n, i, j, t, a) {
    n = cnt[key]
    if (n == 0) return ""
    for (i = 1; i <= n; i++) a[i] = val[key, i]
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function add(key, x) { cnt[key]++; val[key, cnt[key]] = x + 0 }
  function fmt(x, f) { return x == "" ? "–" : sprintf(f, x) }
'
