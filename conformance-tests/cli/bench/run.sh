#!/usr/bin/env bash
# The CLI's benchmark (never part of `mvn verify`). From the repository root:
#   bash conformance-tests/cli/bench/run.sh
# 1. JMH: parse-and-validate of the reference example vs Jackson parsing it alone (goal <= 1.5).
# 2. The distribution's launcher as shipped (bin/raycluster-conformance, no JVM option added)
#    against ajv-cli 5.0.0 on the same inputs: start-up, 1,000 / 10,000 / 100,000 recordings
#    (`validate --format json`) and one HAR of 20,000 entries (ajv, which knows no HAR, gets the
#    same 20,000 bodies as one JSON array). Goal: ratio <= 1.0 at 1,000 and 10,000.
# 3. 100,000 recordings on one core (taskset -c 0) against `cat` of the same files (goal: within
#    2x), and on two cores against one (goal: >= 1.9x faster). Peak RSS of every row.
# Every command runs RUNS times, the tools interleaved in each round (a busy machine slows both);
# the best time is printed.
# Environment: RUNS (default 5), SIZES (default "1000 10000 100000"), HAR_ENTRIES (default 20000),
# SKIP_JMH=1, JMH_ARGS (extra JMH options), MVN_FLAGS (e.g. -o).
# Needs: Java 17, Maven, Node.js 20+ and npm (ajv-cli from the npm registry), taskset (util-linux),
# GNU time (installed from Debian when missing and root).
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
OUT=$ROOT/conformance-tests/cli/target/bench
RUNS=${RUNS:-5}
SIZES=${SIZES:-1000 10000 100000}
HAR_ENTRIES=${HAR_ENTRIES:-20000}
mkdir -p "$OUT"
# shellcheck source=conformance-tests/cli/bench/lib.sh
. "$ROOT/conformance-tests/cli/bench/lib.sh"

need java "Java 17 (the JDK the tool is built and run with)"
need mvn "Maven 3.8+"
need node "Node.js 20+ (ajv-cli and the input generator)"
need npm "npm (installs ajv-cli 5.0.0 from bench/package-lock.json)"
need taskset "taskset (Debian package util-linux), for the one-core rows"
need_gnu_time
machine
build_distribution

if [ "${SKIP_JMH:-0}" != 1 ]; then
  echo "== JMH: parse-and-validate vs Jackson parse (reference example)"
  # shellcheck disable=SC2086
  mvn -B -q ${MVN_FLAGS:-} -Pbenchmark -DskipTests -pl conformance-tests/engine -am test-compile exec:exec \
    -Dexec.executable=java -Dexec.classpathScope=test \
    -Dexec.args="-cp %classpath org.openjdk.jmh.Main -rf json -rff $OUT/jmh.json ${JMH_ARGS:-} ParseValidateBenchmark"
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const s = Object.fromEntries(r.map(b => [b.benchmark.split(".").pop(), b.primaryMetric]));
    const base = s.jacksonParse.score;
    for (const [n, m] of Object.entries(s)) {
      console.log(`${n.padEnd(16)} ${m.score.toFixed(2).padStart(8)} us/op  (+-${m.scoreError.toFixed(2)})  ratio to Jackson parse ${(m.score / base).toFixed(2)}`);
    }' "$OUT/jmh.json"
fi

echo "== preparing the inputs (once; kept in ${OUT#"$ROOT"/}/inputs)"
npm_tools
max=0
for n in $SIZES; do (( n > max )) && max=$n; done
prepare recordings "$max"
prepare har "$HAR_ENTRIES" 1
IN=$OUT/inputs
# Smaller sets are hard links to the first files of the largest (regular files, no copies).
for n in $SIZES 1; do
  [ "$n" = "$max" ] && continue
  if [ "$(find "$IN/n$n" -name '*.json' 2>/dev/null | wc -l)" != "$n" ]; then
    rm -rf "$IN/n$n"
    mkdir -p "$IN/n$n"
    (cd "$IN/n$max" && seq -f 'r%06g.json' 0 $((n - 1)) | xargs ln -t "$IN/n$n")
  fi
done

declare -A BEST RSS
# measure NAME COMMAND...: one run; keeps the best wall time and the highest peak RSS of NAME.
measure() {
  local name=$1 t0 t1 ms rss
  shift
  t0=$(date +%s%N)
  if ! /usr/bin/time -f %M -o "$OUT/rss" "$@" >/dev/null 2>"$OUT/stderr"; then
    echo "bench: FAILED: $*" >&2
    tail -5 "$OUT/stderr" >&2
    exit 1
  fi
  t1=$(date +%s%N)
  ms=$(( (t1 - t0) / 1000000 ))
  rss=$(tail -1 "$OUT/rss")
  if [ -z "${BEST[$name]:-}" ] || (( ms < BEST[$name] )); then BEST[$name]=$ms; fi
  if [ -z "${RSS[$name]:-}" ] || (( rss > RSS[$name] )); then RSS[$name]=$rss; fi
}
sec() { printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)); }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f MiB", k / 1024 }'; }

cat_files() { find "$1" -name '*.json' -print0 | xargs -0 cat; }
export -f cat_files

cores=$(nproc)
echo "== timing: $RUNS rounds, tools interleaved; load now $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$RUNS"); do
  measure version "$LAUNCHER" --version
  measure l_1 "$LAUNCHER" validate --format json "$IN/n1"
  measure a_1 "$AJV" validate --spec=draft7 --strict=false -s "$IN/raycluster.schema.json" -d "$IN/n1/*.json"
  for n in $SIZES; do
    measure "l_$n" "$LAUNCHER" validate --format json "$IN/n$n"
    measure "a_$n" "$AJV" validate --spec=draft7 --strict=false -s "$IN/raycluster.schema.json" -d "$IN/n$n/*.json"
  done
  measure l_har "$LAUNCHER" validate --format json "$IN/har/session0.har"
  measure a_har "$AJV" validate --spec=draft7 --strict=false -s "$IN/raycluster-array.schema.json" -d "$IN/har-bodies/session0.json"
  measure one_core taskset -c 0 "$LAUNCHER" validate --format json "$IN/n$max"
  measure cat_one_core taskset -c 0 bash -c 'cat_files "$1"' _ "$IN/n$max"
  if (( cores >= 2 )); then
    measure two_cores taskset -c 0,1 "$LAUNCHER" validate --format json "$IN/n$max"
  fi
  echo "   round $r done; load $(cut -d' ' -f1-3 /proc/loadavg)"
done

echo
echo "== start-up (best of $RUNS)"
printf '%-44s %8s s  %9s\n' "launcher --version" "$(sec "${BEST[version]}")" "$(mib "${RSS[version]}")"
printf '%-44s %8s s  %9s\n' "launcher validate, 1 recording" "$(sec "${BEST[l_1]}")" "$(mib "${RSS[l_1]}")"
printf '%-44s %8s s  %9s\n' "ajv-cli validate, 1 recording" "$(sec "${BEST[a_1]}")" "$(mib "${RSS[a_1]}")"
echo
echo "== launcher validate --format json vs ajv-cli $(node -p 'require("./conformance-tests/cli/bench/node_modules/ajv-cli/package.json").version') (node $(node --version)), best of $RUNS; ratio = launcher / ajv (goal <= 1.0 at 1,000 and 10,000)"
printf '%-22s %10s %10s %7s %12s %12s\n' input launcher ajv-cli ratio "launcher RSS" "ajv RSS"
row() {
  printf '%-22s %8s s %8s s %7s %12s %12s\n' "$1" "$(sec "${BEST[$2]}")" "$(sec "${BEST[$3]}")" \
    "$(ratio "${BEST[$2]}" "${BEST[$3]}")" "$(mib "${RSS[$2]}")" "$(mib "${RSS[$3]}")"
}
for n in $SIZES; do row "$n recordings" "l_$n" "a_$n"; done
row "HAR, $HAR_ENTRIES entries" l_har a_har
echo
echo "== $max recordings: one core vs cat, two cores vs one (best of $RUNS)"
printf '%-44s %8s s  %9s\n' "launcher, taskset -c 0" "$(sec "${BEST[one_core]}")" "$(mib "${RSS[one_core]}")"
printf '%-44s %8s s  %9s\n' "cat of the same files (xargs), taskset -c 0" "$(sec "${BEST[cat_one_core]}")" "$(mib "${RSS[cat_one_core]}")"
echo "one core: launcher / cat = $(ratio "${BEST[one_core]}" "${BEST[cat_one_core]}") (goal <= 2.0)"
if (( cores >= 2 )); then
  printf '%-44s %8s s  %9s\n' "launcher, taskset -c 0,1" "$(sec "${BEST[two_cores]}")" "$(mib "${RSS[two_cores]}")"
  echo "two cores: speed-up over one = $(ratio "${BEST[one_core]}" "${BEST[two_cores]}")x (goal >= 1.9)"
else
  echo "two cores: skipped, this machine has one"
fi
