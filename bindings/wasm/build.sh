#!/usr/bin/env bash
# Builds the npm package `microcred` into bindings/wasm/pkg/:
#   bindings/wasm/build.sh [--dev|--release]     (default: --release)
#
#   1. cargo build of bindings/wasm for wasm32-unknown-unknown: --dev in the dev profile (shares
#      the test build), --release in the `wasm-release` profile (Cargo.toml: opt-level "z", fat
#      LTO, one codegen unit, panic = abort, stripped);
#   2. the wasm-bindgen CLI, at the version bindings/wasm/Cargo.toml pins, twice over the one
#      module: `--target web` (browsers and bundlers: ESM with an `init` that takes a URL, bytes or
#      a Response) and `--target nodejs` / `experimental-nodejs-module` (Node: require and import,
#      no init needed). The three glue files share one microcred_bg.wasm;
#   3. --release: wasm-opt -Oz from npm `binaryen` (Debian's wasm-opt breaks modules), then the
#      size of the .wasm, raw and gzipped;
#   4. the verifier page's copy of the web build: www/pkg/{web/microcred.js,microcred_bg.wasm}
#      (ignored by git), so that bindings/wasm/www/ is the whole site for any static server.
# Tools are installed once into target/tools (TOOLS=... to move it): the wasm-bindgen CLI by
# `cargo install`, binaryen by npm. A second run finds them and installs nothing.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
TOOLS=${TOOLS:-$TARGET_DIR/tools}
BINARYEN_VERSION=132.0.0
note() { printf 'wasm: %s\n' "$*" >&2; }

mode=release
case "${1:-}" in
  --dev) mode=dev ;;
  --release | "") mode=release ;;
  --tools-only) mode=tools ;;
  *) echo "usage: $0 [--dev|--release]" >&2; exit 2 ;;
esac

# --- tools (idempotent) ---------------------------------------------------------------------
wb_version=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' "$HERE/Cargo.toml")
[ -n "$wb_version" ] || { echo "no pinned wasm-bindgen version in $HERE/Cargo.toml" >&2; exit 1; }
if [ "$("$TOOLS/bin/wasm-bindgen" --version 2>/dev/null || true)" != "wasm-bindgen $wb_version" ]; then
  note "installing wasm-bindgen-cli $wb_version into $TOOLS (once; a few minutes)"
  # Not --locked: the CLI's own lock file pins crates that no longer build (DESIGN.md §6).
  cargo install -q wasm-bindgen-cli --version "=$wb_version" --root "$TOOLS" --force
else
  note "wasm-bindgen-cli $wb_version present"
fi
WASM_OPT=$TOOLS/node_modules/.bin/wasm-opt
if [ "$(node -p "require('$TOOLS/node_modules/binaryen/package.json').version" 2>/dev/null || true)" != "$BINARYEN_VERSION" ]; then
  note "installing binaryen@$BINARYEN_VERSION (npm) into $TOOLS"
  mkdir -p "$TOOLS"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS" "binaryen@$BINARYEN_VERSION" >&2
else
  note "binaryen $BINARYEN_VERSION present"
fi
[ "$mode" = tools ] && exit 0
export PATH="$TOOLS/bin:$PATH"

# --- the modules ----------------------------------------------------------------------------
# Two modules, built one at a time (built together, Cargo would give both the core's features):
#   microcred_bg.wasm         bindings/wasm: the whole API, without the generic JSON-LD processor;
#   microcred_jsonld_bg.wasm  bindings/wasm/jsonld: that processor (json-ld 0.15), which the first
#                             module calls for documents its fast path declines (loadFullProcessor).
if [ "$mode" = dev ]; then profile=dev; profile_dir=debug; else profile=wasm-release; profile_dir=wasm-release; fi
for crate in microcred-wasm microcred-wasm-jsonld; do
  note "cargo build $crate ($profile profile)"
  (cd "$ROOT" && cargo build -q -p "$crate" --lib --target wasm32-unknown-unknown --profile "$profile")
done
module_dir=$TARGET_DIR/wasm32-unknown-unknown/$profile_dir

# --- the package ----------------------------------------------------------------------------
PKG=$HERE/pkg
rm -rf "$PKG"
mkdir -p "$PKG/web" "$PKG/node"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for name in microcred microcred_jsonld; do
  module=$module_dir/${name/microcred/microcred_wasm}.wasm
  for target in web nodejs experimental-nodejs-module; do
    wasm-bindgen --target "$target" --out-dir "$work/$name/$target" --out-name "$name" "$module"
  done
  # The three outputs of one module are one module: keep one copy, at the package's root.
  for target in nodejs experimental-nodejs-module; do
    cmp -s "$work/$name/web/${name}_bg.wasm" "$work/$name/$target/${name}_bg.wasm" \
      || { echo "wasm-bindgen made different $name modules for web and $target" >&2; exit 1; }
  done
  cp "$work/$name/web/${name}_bg.wasm" "$PKG/${name}_bg.wasm"
done

# Each glue file names the module beside itself; point it one folder up, and fail if the line
# a wasm-bindgen upgrade would change is not there.
rewrite() { # file, from, to
  grep -qF "$2" "$1" || { echo "$1: no '$2' to rewrite (wasm-bindgen output changed?)" >&2; exit 1; }
  local text; text=$(<"$1"); printf '%s\n' "${text//"$2"/"$3"}" > "$1"
}
w=$work/microcred
cp "$w/web/microcred.js" "$w/web/microcred.d.ts" "$PKG/web/"
rewrite "$PKG/web/microcred.js" "new URL('microcred_bg.wasm', import.meta.url)" "new URL('../microcred_bg.wasm', import.meta.url)"
cp "$w/nodejs/microcred.js" "$PKG/node/microcred.cjs"
rewrite "$PKG/node/microcred.cjs" '`${__dirname}/microcred_bg.wasm`' '`${__dirname}/../microcred_bg.wasm`'
cp "$w/experimental-nodejs-module/microcred.js" "$PKG/node/microcred.mjs"
rewrite "$PKG/node/microcred.mjs" "new URL('microcred_bg.wasm', import.meta.url)" "new URL('../microcred_bg.wasm', import.meta.url)"
# The second module's glue: ESM for browsers, CommonJS for Node (loaded on first need).
w=$work/microcred_jsonld
cp "$w/web/microcred_jsonld.js" "$PKG/web/"
rewrite "$PKG/web/microcred_jsonld.js" "new URL('microcred_jsonld_bg.wasm', import.meta.url)" "new URL('../microcred_jsonld_bg.wasm', import.meta.url)"
cp "$w/nodejs/microcred_jsonld.js" "$PKG/node/microcred_jsonld.cjs"
rewrite "$PKG/node/microcred_jsonld.cjs" '`${__dirname}/microcred_jsonld_bg.wasm`' '`${__dirname}/../microcred_jsonld_bg.wasm`'

# Browsers: the second module is fetched by loadFullProcessor() (once; after a failure it can be
# tried again). Until then a document outside the fast path gets `rdf.needs_full_processor`.
cat >> "$PKG/web/microcred.js" <<'JS'

let fullProcessor;
/**
 * Loads the package's second module, the full JSON-LD processor (only documents outside the fast
 * JSON-LD path need it: every EDC credential takes the fast path). Until it is loaded, such a
 * document gets the code `rdf.needs_full_processor` (an indeterminate check, or a thrown error).
 * Later calls return the first call's promise.
 * @param {RequestInfo | URL | Response | BufferSource | WebAssembly.Module} [module_or_path]
 *   where to get `microcred_jsonld_bg.wasm` (default: beside `microcred_bg.wasm`)
 * @returns {Promise<void>}
 */
export function loadFullProcessor(module_or_path) {
  fullProcessor ??= import('./microcred_jsonld.js')
    .then(async (jsonld) => {
      await jsonld.default({
        module_or_path: module_or_path ?? new URL('../microcred_jsonld_bg.wasm', import.meta.url),
      });
      useFullProcessor(jsonld.serve);
    })
    .catch((error) => {
      fullProcessor = undefined;
      throw error;
    });
  return fullProcessor;
}
JS
cat >> "$PKG/web/microcred.d.ts" <<'TS'

/**
 * Loads the package's second module, the full JSON-LD processor (only documents outside the fast
 * JSON-LD path need it: every EDC credential takes the fast path). Until it is loaded, such a
 * document gets the code `rdf.needs_full_processor`. Later calls return the first call's promise.
 */
export function loadFullProcessor(
  module_or_path?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module,
): Promise<void>;
TS
# Node: the second module is read from disk the first time a document needs it, so nothing
# changes for the caller; loadFullProcessor() is there for code shared with browsers.
cat >> "$PKG/node/microcred.cjs" <<'JS'

exports.useFullProcessor((request) => require('./microcred_jsonld.cjs').serve(request));
/** Nothing to do in Node (the second module is loaded on first need); for code shared with browsers. */
exports.loadFullProcessor = async function loadFullProcessor() {};
JS
# In Node the module is ready on import; `init` is there too so that code written for both
# (`await init()` first) runs unchanged.
cat >> "$PKG/node/microcred.mjs" <<'JS'

import { createRequire } from 'node:module';
const requireBeside = createRequire(import.meta.url);
useFullProcessor((request) => requireBeside('./microcred_jsonld.cjs').serve(request));
/** Nothing to do in Node (the module is instantiated on import); for code shared with browsers. */
export default async function init() {}
/** Nothing to do in Node; for code shared with browsers. */
export function initSync() {}
/** Nothing to do in Node (the second module is loaded on first need); for code shared with browsers. */
export async function loadFullProcessor() {}
JS
cp "$work/microcred/nodejs/microcred.d.ts" "$PKG/node/microcred.d.ts"
cat >> "$PKG/node/microcred.d.ts" <<'TS'

/** Nothing to do in Node (the module is instantiated on load); for code shared with browsers. */
export default function init(): Promise<void>;
/** Nothing to do in Node; for code shared with browsers. */
export function initSync(): void;
/** Nothing to do in Node (the second module is loaded on first need); for code shared with browsers. */
export function loadFullProcessor(): Promise<void>;
TS
cp "$work/microcred/nodejs/microcred.d.ts" "$PKG/node/microcred.d.cts"
cat >> "$PKG/node/microcred.d.cts" <<'TS'

/** Nothing to do in Node (the second module is loaded on first need); for code shared with browsers. */
export function loadFullProcessor(): Promise<void>;
TS
# wasm-bindgen declares `[Symbol.dispose](): void` on every class (the `Verifier`), a name only
# TypeScript's lib `esnext.disposable` knows: with the default lib of a target such as es2022 the
# declarations would not compile. The line is left out of them; the JavaScript keeps the method
# wherever the runtime has `Symbol.dispose` (Node 20+, current browsers), and `free()` is declared.
for dts in "$PKG/web/microcred.d.ts" "$PKG/node/microcred.d.ts" "$PKG/node/microcred.d.cts"; do
  grep -qE '^ *\[Symbol\.dispose\]\(\): void;$' "$dts" \
    || { echo "$dts: no [Symbol.dispose] to leave out (wasm-bindgen output changed?)" >&2; exit 1; }
  sed -i -E '/^ *\[Symbol\.dispose\]\(\): void;$/d' "$dts"
done

version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/Cargo.toml" | head -1)
cat > "$PKG/package.json" <<JSON
{
  "name": "microcred",
  "version": "$version",
  "description": "European Learning Model (ELM 3) micro-credentials in the browser and Node: verify EDC seals (JAdES) and Data Integrity proofs, read, check and convert credentials (Rust, WebAssembly)",
  "license": "EUPL-1.2",
  "type": "module",
  "exports": {
    ".": {
      "node": {
        "import": { "types": "./node/microcred.d.ts", "default": "./node/microcred.mjs" },
        "require": { "types": "./node/microcred.d.cts", "default": "./node/microcred.cjs" }
      },
      "default": { "types": "./web/microcred.d.ts", "default": "./web/microcred.js" }
    },
    "./web": { "types": "./web/microcred.d.ts", "default": "./web/microcred.js" },
    "./microcred_bg.wasm": "./microcred_bg.wasm",
    "./microcred_jsonld_bg.wasm": "./microcred_jsonld_bg.wasm",
    "./package.json": "./package.json"
  },
  "main": "./node/microcred.cjs",
  "module": "./web/microcred.js",
  "types": "./web/microcred.d.ts",
  "files": ["microcred_bg.wasm", "microcred_jsonld_bg.wasm", "web/", "node/", "README.md"],
  "sideEffects": ["./node/*"],
  "engines": { "node": ">=18" },
  "keywords": ["europass", "edc", "elm", "micro-credentials", "verifiable-credentials", "jades", "eseal", "wasm"]
}
JSON
cp "$HERE/README.md" "$PKG/README.md" 2>/dev/null || true

if [ "$mode" = release ]; then
  note "wasm-opt -Oz (binaryen $BINARYEN_VERSION)"
  for name in microcred microcred_jsonld; do
    # The features rustc enables by default for wasm32-unknown-unknown.
    "$WASM_OPT" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$PKG/${name}_bg.wasm" -o "$PKG/${name}_bg.wasm"
  done
fi
rm -rf "$HERE/www/pkg"
mkdir -p "$HERE/www/pkg/web"
cp "$PKG/web/microcred.js" "$PKG/web/microcred_jsonld.js" "$HERE/www/pkg/web/"
cp "$PKG/microcred_bg.wasm" "$PKG/microcred_jsonld_bg.wasm" "$HERE/www/pkg/"
note "$mode package in ${PKG#"$ROOT"/}"
for name in microcred microcred_jsonld; do
  raw=$(stat -c %s "$PKG/${name}_bg.wasm")
  gz=$(gzip -9 -c "$PKG/${name}_bg.wasm" | wc -c)
  awk -v name="$name" -v raw="$raw" -v gz="$gz" 'BEGIN {
    printf "wasm: %s_bg.wasm %d bytes (%.2f MB), gzip -9 %d bytes (%.0f KB)\n", name, raw, raw / 1e6, gz, gz / 1e3 }'
done
