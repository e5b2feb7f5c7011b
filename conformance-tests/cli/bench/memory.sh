#!/usr/bin/env bash
# The memory benchmark of `validate` (never part of `mvn verify`). From the repository root:
#   bash conformance-tests/cli/bench/memory.sh
# Runs the distribution's launcher with JAVA_OPTS=-Xmx256m on FILES HAR files (default 8) of
# ENTRIES entries each (default 20,000, ~58 MiB a file), and passes only when every entry was
# checked and valid, none unreadable, exit 0. Prints the wall time and the peak RSS.
# Environment: FILES, ENTRIES, HEAP (default 256m), MVN_FLAGS (e.g. -o).
# Needs: Java 17, Maven, Node.js 20+ and npm (the input generator), GNU time (installed from
# Debian when missing and root).
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
OUT=$ROOT/conformance-tests/cli/target/bench
FILES=${FILES:-8}
ENTRIES=${ENTRIES:-20000}
HEAP=${HEAP:-256m}
mkdir -p "$OUT"
# shellcheck source=conformance-tests/cli/bench/lib.sh
. "$ROOT/conformance-tests/cli/bench/lib.sh"

need java "Java 17"
need mvn "Maven 3.8+"
need node "Node.js 20+ (the input generator)"
need npm "npm (the generator's YAML reader, from bench/package-lock.json)"
need_gnu_time
machine
build_distribution
npm_tools
echo "== preparing $FILES HAR files of $ENTRIES entries (once)"
prepare har "$ENTRIES" "$FILES"
du -sh "$OUT/inputs/har" | sed 's/^/   /'

echo "== launcher validate --format json, JAVA_OPTS=-Xmx$HEAP"
t0=$(date +%s%N)
code=0
JAVA_OPTS=-Xmx$HEAP /usr/bin/time -f %M -o "$OUT/rss" "$LAUNCHER" validate --format json "$OUT/inputs/har" \
  > "$OUT/memory-report.json" 2> "$OUT/memory-stderr.txt" || code=$?
t1=$(date +%s%N)
summary=$(node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(JSON.stringify(r.summary))' "$OUT/memory-report.json")
echo "exit $code; summary $summary; $(( (t1 - t0) / 1000000 )) ms; peak RSS $(awk '{printf "%.0f MiB", $1 / 1024}' <(tail -1 "$OUT/rss"))"
expected="{\"valid\":$((FILES * ENTRIES)),\"invalid\":0,\"unreadable\":0,\"skipped\":0}"
if [ "$code" = 0 ] && [ "$summary" = "$expected" ]; then
  echo "memory: PASS (every one of $((FILES * ENTRIES)) entries checked and valid under -Xmx$HEAP)"
else
  echo "memory: FAIL (expected exit 0 and $expected)"
  head -5 "$OUT/memory-stderr.txt"
  exit 1
fi
