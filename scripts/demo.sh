#!/usr/bin/env bash
# Sets Tally up and runs it: installs what is missing, builds the extension and
# opens Chromium on the bundled demo page. Without a display it runs headless,
# saves screenshots of the demo page and the popup, and prints their paths.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! node -e "import('./tests/support/find-chromium.mjs').then(async m => process.exit((await m.findChromium()) ? 0 : 1)).catch(() => process.exit(1))" 2>/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "› installing Chromium (apt-get install chromium)"
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  fi
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "› installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi
echo "› building the extension"
npx wxt build
node scripts/demo.mjs "$@"
