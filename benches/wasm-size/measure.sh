#!/usr/bin/env bash
# Measures the browser module of the core (BENCHMARKS.md, "WASM size"): builds the size probe
# for wasm32 with the `wasm-size` profile (opt-level "z", fat LTO, one codegen unit,
# panic = abort), optimises it with wasm-opt -Oz (npm binaryen: Debian's wasm-opt is broken), and
# prints the size of the module (custom sections dropped) and gzipped (-9).
#
#   benches/wasm-size/measure.sh [--no-default-features] [--features ...] [--twiggy N]
#
# Tools: wasm-opt from `npm install binaryen@132` in $BINARYEN_DIR (default target/wasm-size-tools);
# twiggy (`cargo install twiggy`) for --twiggy. Output: target/wasm-size/<name>.wasm.
set -euo pipefail
cd "$(dirname "$0")/../.."

tools=${BINARYEN_DIR:-target/wasm-size-tools}
if [ ! -x "$tools/node_modules/.bin/wasm-opt" ]; then
    mkdir -p "$tools"
    (cd "$tools" && npm install --no-save --silent binaryen@132)
fi
wasm_opt="$tools/node_modules/.bin/wasm-opt"

cargo_args=()
top=0
name=full
while [ $# -gt 0 ]; do
    case "$1" in
        --twiggy) top=$2; shift 2 ;;
        --name) name=$2; shift 2 ;;
        *) cargo_args+=("$1"); shift ;;
    esac
done

cargo build -q -p microcred-wasm-size --target wasm32-unknown-unknown --profile wasm-size "${cargo_args[@]}"
raw=target/wasm32-unknown-unknown/wasm-size/microcred_wasm_size.wasm
mkdir -p target/wasm-size
out=target/wasm-size/$name.wasm
"$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --strip-debug --strip-producers "$raw" -o "$out"
"$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals -g "$raw" -o "target/wasm-size/$name.names.wasm"
bytes=$(stat -c %s "$out")
gz=$(gzip -9 -c "$out" | wc -c)
printf '%s: %d bytes (%.2f MB), gzip -9 %d bytes (%.0f KB)\n' "$name" "$bytes" \
    "$(echo "$bytes / 1000000" | bc -l)" "$gz" "$(echo "$gz / 1000" | bc -l)"
if [ "$top" -gt 0 ]; then
    twiggy top -n "$top" "target/wasm-size/$name.names.wasm"
fi
