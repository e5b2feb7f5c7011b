#!/usr/bin/env bash
# The client's overhead benchmark (never part of `mvn verify`). From the repository root:
#   bash generated-client/bench/run.sh
# JMH, with the GC profiler: RayClusterClient.getRayCluster (signing, interceptors, typed errors,
# the generated model) against a plain OkHttp GET plus Jackson binding of the same body into the
# same model, from one local MockWebServer. Prints us/call, bytes allocated per call and the
# ratio client / plain (goal <= 1.2).
# Environment: JMH_ARGS (extra JMH options, e.g. "-f 1 -wi 3 -i 3"), MVN_FLAGS (e.g. -o).
# Needs: Java 17, Maven, Node.js (to print the table from JMH's JSON).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
OUT=$ROOT/generated-client/target/bench
mkdir -p "$OUT"
for tool in java mvn node; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench: missing '$tool'" >&2; exit 2; }
done
echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== JMH: client vs plain OkHttp + Jackson (with -prof gc)"
# shellcheck disable=SC2086
mvn -B -q ${MVN_FLAGS:-} -Pbenchmark -DskipTests -pl generated-client -am test-compile exec:exec \
  -Dexec.executable=java -Dexec.classpathScope=test \
  -Dexec.args="-cp %classpath org.openjdk.jmh.Main -prof gc -rf json -rff $OUT/jmh.json ${JMH_ARGS:-} ClientOverheadBenchmark"
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const s = {};
  for (const b of r) {
    const alloc = b.secondaryMetrics["gc.alloc.rate.norm"];
    s[b.benchmark.split(".").pop()] = { us: b.primaryMetric.score, err: b.primaryMetric.scoreError, alloc: alloc ? alloc.score : NaN };
  }
  const base = s.plainOkHttpJackson;
  for (const [n, m] of Object.entries(s)) {
    console.log(`${n.padEnd(20)} ${m.us.toFixed(1).padStart(8)} us/call (+-${m.err.toFixed(1)})  ${Math.round(m.alloc).toString().padStart(7)} B/call  ratio to plain ${(m.us / base.us).toFixed(2)}`);
  }
  console.log(`client / plain = ${(s.client.us / base.us).toFixed(2)} (goal <= 1.2); allocation client / plain = ${(s.client.alloc / base.alloc).toFixed(2)}`);' "$OUT/jmh.json"
