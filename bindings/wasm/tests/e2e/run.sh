#!/usr/bin/env bash
# The verifier page's end-to-end test (e2e.mjs) in headless Chromium. Installs once, pinned, into
# target/tools: playwright-core (drives the browser; no browser download: Debian's chromium) and
# axe-core. Builds the package (dev profile) when bindings/wasm/www/pkg is missing.
# Screenshots go to target/test-output/www/. `run.sh --install-only` installs the npm tools and
# stops (scripts/bench-wasm.sh uses it).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
export TOOLS=${TOOLS:-${CARGO_TARGET_DIR:-$ROOT/target}/tools}
PLAYWRIGHT_VERSION=1.65.1
AXE_VERSION=4.14.1
version_of() { node -p "require('$TOOLS/node_modules/$1/package.json').version" 2>/dev/null || true; }
if [ "$(version_of playwright-core)" != "$PLAYWRIGHT_VERSION" ] || [ "$(version_of axe-core)" != "$AXE_VERSION" ]; then
  echo "e2e: installing playwright-core@$PLAYWRIGHT_VERSION and axe-core@$AXE_VERSION (npm) into $TOOLS" >&2
  mkdir -p "$TOOLS"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS" \
    "playwright-core@$PLAYWRIGHT_VERSION" "axe-core@$AXE_VERSION" >&2
fi
[ "${1:-}" = --install-only ] && exit 0
[ -f "$ROOT/bindings/wasm/www/pkg/web/microcred.js" ] || "$ROOT/bindings/wasm/build.sh" --dev
node "$HERE/e2e.mjs"
