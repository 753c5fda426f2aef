#!/usr/bin/env bash
# The WebAssembly binding (bindings/wasm), built and tested as users get it:
#   1. what it needs, installed once (idempotent): the wasm32 target, Debian's chromium and
#      chromium-driver (apt-get), the wasm-bindgen CLI at the pinned version and npm binaryen
#      (bindings/wasm/build.sh --tools-only, into target/tools);
#   2. the wasm-bindgen-test suites (bindings/wasm/tests: the shared vectors, bad input) in Node,
#      then in headless Chromium, in the dev profile and the workspace's target/;
#   3. the npm package, built by bindings/wasm/build.sh --dev, installed with
#      `npm install bindings/wasm/pkg` (and from `npm pack`) into a temp folder and used from
#      require, import and the browser build (bindings/wasm/tests/npm/smoke.sh);
#   4. the verifier page (bindings/wasm/www) end to end in headless Chromium
#      (bindings/wasm/tests/e2e/run.sh: playwright-core and axe-core from npm, pinned).
# `--release` adds the release build (wasm-opt -Oz) and prints its size, raw and gzipped.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
note() { printf 'wasm: %s\n' "$*" >&2; }

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  note "installing chromium and chromium-driver (apt-get)"
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
fi
bindings/wasm/build.sh --tools-only
TOOLS=${TOOLS:-${CARGO_TARGET_DIR:-$ROOT/target}/tools}
export PATH="$TOOLS/bin:$PATH"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner

start=$(date +%s)
note "wasm-bindgen-test in Node"
cargo test -p microcred-wasm --target wasm32-unknown-unknown
note "wasm-bindgen-test in headless Chromium ($(chromium --version 2>/dev/null | head -1))"
WASM_BINDGEN_USE_BROWSER=1 cargo test -p microcred-wasm --target wasm32-unknown-unknown
note "test suites ran in $(( $(date +%s) - start )) s"

bindings/wasm/build.sh --dev
bindings/wasm/tests/npm/smoke.sh
bindings/wasm/tests/e2e/run.sh
if [ "${1:-}" = --release ]; then
  bindings/wasm/build.sh --release
fi
