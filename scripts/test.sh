#!/usr/bin/env bash
# Runs every check: format, typecheck, lint, unit tests, both builds, the
# Firefox lint, end-to-end tests in Chromium and the short benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "› installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi

CHROMIUM=$(node -e "import('./tests/support/find-chromium.mjs').then(async m => { const p = await m.findChromium(); if (!p) { console.error(m.HOW_TO_GET_CHROMIUM); process.exit(1); } console.log(p); })")
export CHROMIUM_PATH="$CHROMIUM"
echo "› using Chromium at $CHROMIUM_PATH"

step() { echo; echo "› $*"; }
step "format";        npx prettier --check . --log-level warn
# wxt prepare regenerates .wxt types (message keys from _locales) so they match the sources.
step "typecheck";     npx wxt prepare >/dev/null && npx tsc --noEmit
step "lint";          npx eslint . --max-warnings 0
step "unit tests";    npx vitest run
step "build chrome";  npx wxt build
step "build firefox"; npx wxt build -b firefox --mv3
step "web-ext lint";  npx web-ext lint --source-dir .output/firefox-mv3 --self-hosted --warnings-as-errors=false --output text
step "end-to-end";    npx playwright test
step "benchmark (short)"; node bench/run.mjs --short
step "overhead suite (short)"; node bench/suite.mjs --short
