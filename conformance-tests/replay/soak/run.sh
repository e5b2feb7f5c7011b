#!/usr/bin/env bash
# The replay server's soak run (not part of `mvn verify`): starts `raycluster-conformance replay`
# on a free loopback port over samples/recordings/ plus one generated 2 MiB recording, then holds
# SLOW slow sockets against it (three quarters trickle a request head at one byte a second, a
# quarter pipeline signed requests for the 2 MiB answer and never read), probes it with a fresh
# connection every 200 ms for 20 s, then runs CLIENTS well-behaved clients making CALLS signed
# calls each, every answer checked byte for byte against the recording. Prints counts, latencies
# (p50/p90/p99/max), the probes and the server's peak memory; exits 0 only if every call got the
# recorded body and, with the slow sockets alone, every probe was answered with p99 under 1 s.
#
#   bash conformance-tests/replay/soak/run.sh [SLOW [CLIENTS [CALLS]]]      (defaults 1000 64 1000)
#
# Environment: MVN_FLAGS (e.g. -o) for the build; JAR=path to test another build of the tool
# (the build is skipped); SERVER_JAVA_OPTS (default -Xmx256m) for the server's JVM; CHECK_BODY=
# (empty) checks only the status, for builds that do not replay bodies byte for byte; MAX_S (default
# 600) bounds the run in seconds.
# Loopback only; bounded: the run stops after 10 minutes whatever happens.
set -euo pipefail
cd "$(dirname "$0")/../../.."

CHECK_BODY=${CHECK_BODY-yes}
slow=${1:-1000}
clients=${2:-64}
calls=${3:-1000}
jar=${JAR:-conformance-tests/cli/target/raycluster-conformance.jar}
classes=conformance-tests/replay/target/test-classes

if [ -z "${JAR:-}" ]; then
  echo "=== building the tool and the soak driver (mvn package -DskipTests) ==="
  mvn -B -q ${MVN_FLAGS:-} -DskipTests package -pl conformance-tests/cli -am
fi
[ -f "$jar" ] || { echo "soak: no $jar" >&2; exit 2; }
[ -f "$classes/io/raycluster/contract/conformance/replay/soak/Soak.class" ] \
  || { echo "soak: the driver is not compiled; run without JAR= once" >&2; exit 2; }

# Both processes need a descriptor per socket: raise the soft limit when the hard one allows.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((slow + clients + 512)) ]; then
  echo "soak: 'ulimit -n' is $(ulimit -n); $((slow + clients + 512)) descriptors are needed" >&2
  exit 2
fi

work=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill "$server" 2>/dev/null || true
    # A server that does not stop within 10 s (out of memory, say) is killed outright.
    for _ in $(seq 1 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# A key pair made up for this run only.
key="soak-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
secret="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
(umask 077; printf '{"%s": "%s"}\n' "$key" "$secret" > "$work/credentials.json")
# A large answer for the clients that never read: 2 MiB is more than the socket buffers hold.
mkdir "$work/big"
{ printf '{"requestId": "soak-big", "clusterId": "ray-soak-big", "pad": "'; head -c 2097152 /dev/zero | tr '\0' a; printf '"}\n'; } \
  > "$work/big/big.json"

# shellcheck disable=SC2086
java ${SERVER_JAVA_OPTS:--Xmx256m} -jar "$jar" replay --credentials "$work/credentials.json" samples/recordings/ "$work/big/" \
  > "$work/server.out" 2> "$work/server.log" &
server=$!
for _ in $(seq 1 150); do
  [ -s "$work/server.out" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 2; }
  sleep 0.2
done
url=$(head -1 "$work/server.out")
echo "=== replay server pid $server at $url ==="

status=0
timeout 660 java -Xmx512m -cp "$classes" io.raycluster.contract.conformance.replay.soak.Soak \
  --url "$url" --key "$key" --secret "$secret" \
  ${CHECK_BODY:+--expect-body samples/recordings/get-ray-cluster-running.json} \
  --no-read-path /api/v1/workspaces/w-soak/rayCluster/ray-soak-big \
  --slow "$slow" --clients "$clients" --calls "$calls" --max-s "${MAX_S:-600}" --pid "$server" || status=$?

# One line per request, nothing else after the start-up lines.
request_line='^[0-9]{4}-[0-9T:.Z-]+ [^ ]+ [^ ]+ [0-9]{3} [^ ]+ [0-9]+ms$'
echo "soak: server log: $(grep -c -E "$request_line" "$work/server.log" || true) request lines," \
  "$(grep -c ' 200 - ' "$work/server.log" || true) of them 200"
other=$(grep -v -E "$request_line" "$work/server.log" | grep -v -E '^(Serving |Accepting requests )' || true)
if [ -n "$other" ]; then
  echo "soak: FAIL: the server log has lines that are not request lines:"
  printf '%s\n' "$other" | head -5
  status=1
fi
exit "$status"
