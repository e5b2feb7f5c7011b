#!/usr/bin/env bash
# Lints spec/ with the two OpenAPI linters the project holds itself to, with zero errors and
# zero warnings: Redocly (recommended rules) and Spectral (spectral:oas). Installs the pinned
# linters from package-lock.json on first use.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
spec="$here/../../spec/src/main/resources/openapi/getraycluster.yaml"
cd "$here"
if [ ! -x node_modules/.bin/redocly ] || [ ! -x node_modules/.bin/spectral ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "== redocly lint (recommended) =="
NO_UPDATE_NOTIFIER=1 REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  node_modules/.bin/redocly lint --config redocly.yaml --max-problems 50 "$spec" 2>&1 \
  | grep -v -E '^\s*[║╔╚]' || { echo "redocly lint failed"; exit 1; }
echo "== spectral lint (spectral:oas) =="
node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity=warn "$spec"
