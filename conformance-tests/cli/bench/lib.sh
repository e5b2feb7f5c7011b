# Shared by run.sh and memory.sh (sourced, not run): checks what the benchmarks need, builds and
# unpacks the distribution, prepares inputs. Expects ROOT (the repository) and OUT (a folder under
# target/) to be set.

# need COMMAND WHAT: stops with a clear message when COMMAND is missing.
need() {
  command -v "$1" >/dev/null 2>&1 || { echo "bench: missing '$1': $2" >&2; exit 2; }
}

# GNU time (for peak RSS): installed from Debian's 'time' package when missing and we are root.
need_gnu_time() {
  if ! /usr/bin/time -f %M true >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "== installing GNU time (Debian package 'time') for peak RSS"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null 2>&1; } || true
    fi
    /usr/bin/time -f %M true >/dev/null 2>&1 \
      || { echo "bench: missing GNU time (/usr/bin/time, Debian package 'time'): needed for peak RSS" >&2; exit 2; }
  fi
}

machine() {
  echo "== machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Builds the distribution and unpacks it into $OUT/dist; sets LAUNCHER. The launcher's CDS archive
# goes to $OUT/cds and is made by one untimed run, as a user's first run would.
build_distribution() {
  echo "== building the distribution (mvn package -DskipTests)"
  # shellcheck disable=SC2086
  mvn -B -q ${MVN_FLAGS:-} -DskipTests -pl conformance-tests/cli -am package
  rm -rf "$OUT/dist" "$OUT/cds"
  mkdir -p "$OUT/dist"
  tar -xzf "$ROOT"/conformance-tests/cli/target/raycluster-conformance-*.tar.gz -C "$OUT/dist"
  LAUNCHER=$(echo "$OUT"/dist/raycluster-conformance-*/bin/raycluster-conformance)
  export RAYCLUSTER_CONFORMANCE_CDS_DIR=$OUT/cds
  "$LAUNCHER" --version >/dev/null
  echo "== launcher: ${LAUNCHER#"$ROOT"/} (CDS archive: $(ls "$OUT"/cds/*.jsa 2>/dev/null | wc -l) made before timing)"
}

# ajv-cli and the inputs' generator, from the pinned package-lock.json.
npm_tools() {
  (cd "$ROOT/conformance-tests/cli/bench" && npm ci --no-audit --no-fund --silent)
  AJV=$ROOT/conformance-tests/cli/bench/node_modules/.bin/ajv
}

prepare() { # prepare KIND COUNT [FILES]: made once per KIND/COUNT/FILES (a stamp file says what is there)
  local stamp="$OUT/inputs-$1.stamp" want="$2 ${3:-1} $(cksum < "$ROOT/conformance-tests/cli/bench/prepare.mjs")"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    node "$ROOT/conformance-tests/cli/bench/prepare.mjs" "$ROOT/spec/src/main/resources/openapi/getraycluster.yaml" \
      "$OUT/inputs" "$1" "$2" "${3:-1}"
    echo "$want" > "$stamp"
  fi
}
