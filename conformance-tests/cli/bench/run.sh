#!/usr/bin/env bash
# The conformance engine's benchmark (never part of `mvn verify`). From the repository root:
#   bash conformance-tests/cli/bench/run.sh
# 1. JMH: parse-and-validate of the reference example vs Jackson parsing it alone (goal <= 1.5).
# 2. Wall time of the CLI on N recordings (default 10,000) vs ajv-cli on an equivalent JSON
#    Schema, best of RUNS runs each, with several JVM start-up settings.
# Environment: N (recordings), RUNS (default 5), JMH_ARGS (extra JMH options), SKIP_JMH=1.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
OUT=$ROOT/conformance-tests/cli/target/bench
N=${N:-10000}
RUNS=${RUNS:-5}
JAR=$ROOT/conformance-tests/cli/target/raycluster-conformance.jar
mkdir -p "$OUT"

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== building (jar and JMH benchmarks)"
mvn -B -q -Pbenchmark -DskipTests -pl conformance-tests/cli -am package

if [ "${SKIP_JMH:-0}" != 1 ]; then
  echo "== JMH: parse-and-validate vs Jackson parse (reference example)"
  mvn -B -q -Pbenchmark -DskipTests -pl conformance-tests/engine -am test-compile exec:exec \
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

echo "== preparing $N recordings and the ajv schema"
(cd "$ROOT/conformance-tests/cli/bench" && npm ci --no-audit --no-fund --silent --prefix "$ROOT/conformance-tests/cli/bench")
node "$ROOT/conformance-tests/cli/bench/prepare.mjs" "$ROOT/spec/src/main/resources/openapi/getraycluster.yaml" "$OUT" "$N"
REC=$OUT/recordings

best() { # best wall time (seconds) of RUNS runs of "$@", output discarded; fails if a run fails
  local best=999999 t0 t1 t
  for _ in $(seq "$RUNS"); do
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || { echo "FAILED: $*" >&2; return 1; }
    t1=$(date +%s%N)
    t=$(( (t1 - t0) / 1000000 ))
    (( t < best )) && best=$t
  done
  printf '%d.%03d' $((best / 1000)) $((best % 1000))
}

AJV=$ROOT/conformance-tests/cli/bench/node_modules/.bin/ajv
echo "== CLI wall time on $N recordings, best of $RUNS (lower is better); load now $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-58s %s s\n' "ajv-cli 5.0.0 (node $(node --version))" \
  "$(best "$AJV" validate --spec=draft7 --strict=false -s "$OUT/raycluster.schema.json" -d "$REC/*.json")"
printf '%-58s %s s\n' "raycluster-conformance, java -jar (Java 17)" "$(best java -jar "$JAR" validate "$REC")"

# Class-data sharing: one training run writes the archive of the classes the tool loads.
java -XX:ArchiveClassesAtExit="$OUT/app.jsa" -jar "$JAR" validate "$REC" >/dev/null 2>&1 || true
printf '%-58s %s s\n' "  + AppCDS archive" \
  "$(best java -XX:SharedArchiveFile="$OUT/app.jsa" -jar "$JAR" validate "$REC")"
printf '%-58s %s s\n' "  + AppCDS + C1 only (-XX:TieredStopAtLevel=1)" \
  "$(best java -XX:SharedArchiveFile="$OUT/app.jsa" -XX:TieredStopAtLevel=1 -jar "$JAR" validate "$REC")"
printf '%-58s %s s\n' "  + AppCDS + C1 only + Serial GC" \
  "$(best java -XX:SharedArchiveFile="$OUT/app.jsa" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$JAR" validate "$REC")"

# A JDK 25 for the AOT-cache rows: JAVA25_HOME, else none (the rows are skipped).
J25=${JAVA25_HOME:+$JAVA25_HOME/bin/java}
if [ -n "$J25" ] && [ -x "$J25" ]; then
  # JDK 25 ahead-of-time cache (JEP 483/514): classes loaded and linked, plus method profiles.
  "$J25" -XX:AOTCacheOutput="$OUT/app.aot" -jar "$JAR" validate "$REC" >/dev/null 2>&1 || true
  printf '%-58s %s s\n' "raycluster-conformance, Java 25 + AOT cache" \
    "$(best "$J25" -XX:AOTCache="$OUT/app.aot" -jar "$JAR" validate "$REC")"
  printf '%-58s %s s\n' "  + C1 only" \
    "$(best "$J25" -XX:AOTCache="$OUT/app.aot" -XX:TieredStopAtLevel=1 -jar "$JAR" validate "$REC")"
  printf '%-58s %s s\n' "  + C1 only + Serial GC" \
    "$(best "$J25" -XX:AOTCache="$OUT/app.aot" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$JAR" validate "$REC")"
fi
