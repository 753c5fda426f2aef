#!/usr/bin/env bash
# Issue 12's timings of the WebAssembly binding, in one run, as one table (and
# target/bench-wasm/results.json):
#   - the release module's size, raw and gzip -9 (every .wasm in bindings/wasm/pkg);
#   - Node (bindings/wasm/bench/node.mjs, the npm package as built): `Verifier.verify` (one
#     Verifier per input, made before timing) of the EC's signed micro-credential (../shared),
#     also through the one-shot `verify(bytes, options)`, and of the test-PKI vectors
#     sealed-rs256 and sealed-es256, median and p90;
#   - Data Integrity in Node, microcred (the npm package's `Verifier.verify`, the whole report) and
#     Digital Bazaar's vc-js (interop/vc-js/di.mjs's `verify`, the proof) on the same signed files
#     (the W3C vc-di-eddsa credential and the EC micro-credential sample, signed here with
#     di_interop; the demo credential when ../shared is absent), both in one Node process in
#     alternating blocks (bindings/wasm/bench/di-paired.mjs: this machine's speed drifts, so each
#     round compares timings made in the same minutes), ROUNDS times; the ratio, the median of the
#     rounds' ratios (issue 12's target: at least 5x);
#   - Chromium (bindings/wasm/bench/page.mjs, Debian's chromium, playwright-core): `verify` in the
#     verifier page, and page load to first result over LOADS fresh page loads.
#
#   scripts/bench-wasm.sh [--no-build] [--profile] [N=50] [ROUNDS=5] [LOADS=7]
#
# Builds the release package first (bindings/wasm/build.sh --release, a few minutes);
# --no-build reuses bindings/wasm/pkg and www/pkg as they are (say so when quoting the numbers).
# --profile adds where `verify` spends its time in Node (bindings/wasm/bench/profile.mjs: a V8
# CPU profile of the release module with its function names), per input, after the table;
# the .cpuprofile files stay in target/bench-wasm/profile/.
# Installs what it needs once: the vc-js packages (interop/vc-js/install.sh), playwright-core
# (bindings/wasm/tests/e2e/run.sh --install-only), chromium (apt-get) when missing. Not part of
# scripts/test.sh: nothing here asserts a time. The machine's load is recorded with the numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
note() { printf 'bench-wasm: %s\n' "$*" >&2; }

build=1
profile=0
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0; shift ;;
    --profile) profile=1; shift ;;
    *) break ;;
  esac
done
N=${1:-50}
ROUNDS=${2:-5}
LOADS=${3:-7}
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
TOOLS=${TOOLS:-$TARGET_DIR/tools}
OUT=$TARGET_DIR/bench-wasm
BENCH=$ROOT/bindings/wasm/bench
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# --- what it needs (idempotent) -------------------------------------------------------------
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
if ! command -v chromium >/dev/null; then
  note "installing chromium (apt-get)"
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
"$ROOT/interop/vc-js/install.sh"
"$ROOT/bindings/wasm/tests/e2e/run.sh" --install-only

# --- the release package --------------------------------------------------------------------
if [ "$build" = 1 ]; then
  "$ROOT/bindings/wasm/build.sh" --release
else
  note "--no-build: using bindings/wasm/pkg as it is"
fi
[ -f "$ROOT/bindings/wasm/pkg/node/microcred.mjs" ] && [ -f "$ROOT/bindings/wasm/www/pkg/web/microcred.js" ] ||
  { note "no package in bindings/wasm/pkg: run without --no-build"; exit 1; }

rm -rf "$OUT"
mkdir -p "$OUT/inputs"
for wasm in "$ROOT"/bindings/wasm/pkg/*.wasm; do
  printf '%s\t%s\t%s\n' "$(basename "$wasm")" "$(stat -c %s "$wasm")" "$(gzip -9 -c "$wasm" | wc -c)"
done > "$OUT/sizes.tsv"

# --- the Data Integrity inputs: signed once, verified by both ---------------------------------
note "building the di_interop example (signs the Data Integrity inputs)"
cargo build -q --locked -p microcred --example di_interop
RS=$TARGET_DIR/debug/examples/di_interop
# vc-js gets every context npm has no package for (di_interop contexts: the EDC application
# profile's and the VC examples v2); microcred bundles the EDC one and gets the others only (given
# again, a context replaces the bundled copy and is processed on every call: the W3C credential's
# verify was about 6 times slower so in a first run).
"$RS" contexts > "$OUT/inputs/contexts.json"
node -e 'const c = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  delete c["http://data.europa.eu/snb/model/context/edc-ap"];
  console.log(JSON.stringify(c));' "$OUT/inputs/contexts.json" > "$OUT/inputs/contexts-microcred.json"
# The key and time of scripts/interop.sh (a fixed test key: it signs test data only).
SEED=9f3c1d2e4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0
CREATED=2025-01-01T00:00:00Z
SHARED=${MICROCRED_SHARED:-$ROOT/../shared}
if [ -d "$SHARED" ]; then
  cp "$SHARED/conformance/vc-di-eddsa/unsigned.json" "$OUT/inputs/w3c-alumni.json"
  cp "$SHARED/upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-unsigned.jsonld" "$OUT/inputs/ec-mc.json"
  names=(w3c-alumni ec-mc)
else
  note "../shared is absent: no EC credentials; Data Integrity on the demo credential only"
  "$RS" demo > "$OUT/inputs/demo.json"
  names=(demo)
fi
signed=()
for name in "${names[@]}"; do
  "$RS" sign "$SEED" "$CREATED" "$OUT/inputs/$name.json" "$OUT/inputs/$name.signed.json"
  signed+=("$OUT/inputs/$name.signed.json")
done

# --- Node: microcred; Data Integrity, microcred and vc-js paired in one process ----------------
for round in $(seq "$ROUNDS"); do
  note "round $round/$ROUNDS: microcred (Node)"
  node "$BENCH/node.mjs" "$N" "$OUT/inputs/contexts-microcred.json" > "$OUT/node-$round.json"
  note "round $round/$ROUNDS: Data Integrity, microcred and vc-js (Node, one process)"
  node --expose-gc "$BENCH/di-paired.mjs" "$N" "$OUT/inputs/contexts-microcred.json" "$OUT/inputs/contexts.json" \
    "${signed[@]}" > "$OUT/pair-$round.json"
done

# --- Chromium ---------------------------------------------------------------------------------
note "Chromium: $LOADS page loads, $N runs of verify in the page"
node "$BENCH/page.mjs" "$N" "$LOADS" > "$OUT/page.json"

# --- the table --------------------------------------------------------------------------------
commit=$(git rev-parse --short HEAD)
git diff --quiet HEAD -- . 2>/dev/null || commit="$commit+changes"
node -e 'console.log(JSON.stringify({
  date: new Date().toISOString(), commit: process.argv[1], built: process.argv[2] === "1",
  n: +process.argv[3], rounds: +process.argv[4], pageLoads: +process.argv[5],
  cores: require("os").cpus().length, loadBefore: process.argv[6], loadAfter: process.argv[7],
}))' "$commit" "$build" "$N" "$ROUNDS" "$LOADS" "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)" > "$OUT/machine.json"
node "$BENCH/report.mjs" "$OUT"

# --- where the time goes (--profile) ----------------------------------------------------------
if [ "$profile" = 1 ]; then
  # The release modules as cargo built them, before wasm-opt (which drops the function names).
  PROF=$OUT/profile
  mkdir -p "$PROF/module"
  for name in microcred microcred_jsonld; do
    module=$TARGET_DIR/wasm32-unknown-unknown/wasm-release/${name/microcred/microcred_wasm}.wasm
    if [ -f "$module" ]; then
      "$TOOLS/bin/wasm-bindgen" --target experimental-nodejs-module --out-dir "$PROF/module" \
        --out-name "$name" "$module"
    elif [ "$name" = microcred ]; then
      note "--profile: no $module (run without --no-build)"; exit 1
    fi
  done
  echo '{"type": "module"}' > "$PROF/module/package.json"
  cases=()
  [ -f "$SHARED/upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-signed.jsonld" ] &&
    cases+=("ec-signed=$SHARED/upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-signed.jsonld")
  for file in "${signed[@]}"; do
    cases+=("di-$(basename "$file" .signed.json)=$file:$OUT/inputs/contexts-microcred.json")
  done
  note "profiling verify in Node (the release modules with their names, in $PROF/module)"
  node "$BENCH/profile.mjs" "$PROF/module/microcred.js" "$PROF" 200 "${cases[@]}"
fi