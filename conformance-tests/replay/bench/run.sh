#!/usr/bin/env bash
# The replay server's benchmark (never part of `mvn verify`). From the repository root:
#   bash conformance-tests/replay/bench/run.sh
# Throughput and p50/p99 latency with 1, 16 and 64 concurrent keep-alive clients sending signed
# GetRayCluster requests (soak.Load: plain JDK sockets, a fresh date and nonce per request), against
#  - `raycluster-conformance replay` (signature, date and nonce checked on every request), and
#  - WireMock (org.wiremock:wiremock-standalone, pinned in the root pom) serving the same body with
#    no check at all, request journal off (its setting for load tests), bodies sent with a
#    Content-Length as the replay server sends them (--use-chunked-encoding never).
# Both are separate JVMs with the same heap (-Xmx256m), started fresh each round, their logs
# discarded; the two servers alternate within each round. Best throughput of RUNS rounds, with
# the p50/p99 of that round. Goal: replay / WireMock >= 1.0 at every concurrency.
# Environment: RUNS (default 3), MEASURE_SECONDS (measured, default 5; not bash's own SECONDS), WARMUP (default 3), CLIENTS
# (default "1 16 64"), MVN_FLAGS (e.g. -o).
# Needs: Java 17, Maven (WireMock comes from Maven Central), node (writes WireMock's mapping).
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
OUT=$ROOT/conformance-tests/replay/target/bench
RUNS=${RUNS:-3}
SECONDS_MEASURED=${MEASURE_SECONDS:-5}
WARMUP=${WARMUP:-3}
CLIENTS=${CLIENTS:-1 16 64}
for tool in java mvn node; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench: missing '$tool'" >&2; exit 2; }
done
mkdir -p "$OUT"
echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== building the tool, the driver and WireMock's classpath (mvn -Pbenchmark package -DskipTests)"
# shellcheck disable=SC2086
mvn -B -q ${MVN_FLAGS:-} -Pbenchmark -DskipTests -pl conformance-tests/cli -am package
# shellcheck disable=SC2086
WIREMOCK=$(mvn -B -q ${MVN_FLAGS:-} -Pbenchmark -DskipTests -pl conformance-tests/replay -am test-compile exec:exec \
  -Dexec.executable=echo -Dexec.classpathScope=test -Dexec.args=%classpath | tr ':' '\n' | grep -m1 'wiremock-standalone-.*\.jar$' || true)
[ -f "$WIREMOCK" ] || { echo "bench: WireMock's jar was not resolved (Maven Central reachable? see above)" >&2; exit 2; }
JAR=$ROOT/conformance-tests/cli/target/raycluster-conformance.jar
DRIVER=$ROOT/conformance-tests/replay/target/test-classes
BODY=$ROOT/samples/recordings/get-ray-cluster-running.json
REQ_PATH=/api/v1/workspaces/w-bench/rayCluster/ray-k7nm8ahl5te4tg91

work=$(mktemp -d)
server=
stop_server() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill "$server" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$server" 2>/dev/null || true
  fi
  server=
}
trap 'stop_server; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM HUP

# A key pair made up for this run; WireMock gets the same signed requests and ignores the signature.
key="bench-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
secret="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
(umask 077; printf '{"%s": "%s"}\n' "$key" "$secret" > "$work/credentials.json")
mkdir -p "$work/recordings" "$work/wiremock/mappings"
cp "$BODY" "$work/recordings/"
node -e '
  const fs = require("fs");
  fs.writeFileSync(process.argv[2], JSON.stringify({
    request: { method: "GET", urlPathPattern: "/api/v1/workspaces/[^/]+/rayCluster/[^/]+" },
    response: { status: 200, headers: { "Content-Type": "application/json;charset=utf-8" },
      body: fs.readFileSync(process.argv[1], "utf8") } }));' "$BODY" "$work/wiremock/mappings/get-ray-cluster.json"

wait_for() { # wait_for FILE PATTERN: the first line of FILE matching PATTERN, once there
  for _ in $(seq 1 300); do
    if grep -q -m1 "$2" "$1" 2>/dev/null; then grep -m1 "$2" "$1"; return 0; fi
    kill -0 "$server" 2>/dev/null || { echo "bench: the server stopped:" >&2; tail -5 "$1" >&2; exit 2; }
    sleep 0.1
  done
  echo "bench: the server did not start in 30 s" >&2; exit 2
}

start_replay() {
  java -Xmx256m -jar "$JAR" replay --credentials "$work/credentials.json" "$work/recordings" \
    > "$work/server.out" 2>/dev/null &
  server=$!
  URL=$(wait_for "$work/server.out" '^http')
}
start_wiremock() {
  java -Xmx256m -jar "$WIREMOCK" --port 0 --bind-address 127.0.0.1 --root-dir "$work/wiremock" \
    --no-request-journal --use-chunked-encoding never > "$work/server.out" 2>&1 &
  server=$!
  URL="http://127.0.0.1:$(wait_for "$work/server.out" '^port:' | awk '{print $2}')"
}

declare -A TPUT P50 P99 FAIL
echo "== $RUNS rounds; per server and concurrency: ${WARMUP} s warm-up, ${SECONDS_MEASURED} s measured"
for r in $(seq "$RUNS"); do
  for s in replay wiremock; do
    "start_$s"
    for c in $CLIENTS; do
      line=$(java -Xmx512m -cp "$DRIVER" io.raycluster.contract.conformance.replay.soak.Load \
        "$URL" "$REQ_PATH" "$key" "$secret" "$c" "$SECONDS_MEASURED" "$WARMUP")
      read -r _ _ tput p50 p99 _ failed _ <<<"$line"
      echo "   round $r $s $c clients: $tput calls/s, p50 $p50 ms, p99 $p99 ms, $failed failed"
      if [ "$failed" != 0 ]; then echo "bench: FAILED calls: $line" >&2; exit 1; fi
      if [ -z "${TPUT[$s$c]:-}" ] || (( tput > TPUT[$s$c] )); then
        TPUT[$s$c]=$tput; P50[$s$c]=$p50; P99[$s$c]=$p99
      fi
    done
    stop_server
  done
done

echo
echo "== best of $RUNS: throughput (calls/s) and latency (ms) of that round; ratio = replay / WireMock (goal >= 1.0)"
printf '%-8s %14s %8s %8s %14s %8s %8s %7s\n' clients "replay c/s" p50 p99 "WireMock c/s" p50 p99 ratio
for c in $CLIENTS; do
  printf '%-8s %14s %8s %8s %14s %8s %8s %7s\n' "$c" "${TPUT[replay$c]}" "${P50[replay$c]}" "${P99[replay$c]}" \
    "${TPUT[wiremock$c]}" "${P50[wiremock$c]}" "${P99[wiremock$c]}" \
    "$(awk -v a="${TPUT[replay$c]}" -v b="${TPUT[wiremock$c]}" 'BEGIN { printf "%.2f", a / b }')"
done
