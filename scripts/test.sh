#!/usr/bin/env bash
# Every test of the project, from a fresh machine: installs what it needs (idempotently), then runs
# the Rust tests, the wasm32 build of the core, clippy on both targets, the vector check, and the
# EDC shapes check of every sealed output (pySHACL).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s ==\n' "$*"; }

step "toolchain"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
rustup component list --installed | grep -q '^clippy' || rustup component add clippy
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt

if [ ! -d ../shared ] && [ -z "${MICROCRED_SHARED:-}" ]; then
  echo "note: ../shared is absent; tests that read the EC samples and W3C suites will say they skip"
fi

step "format"
cargo fmt --all --check

step "clippy (native)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "clippy (wasm32: the core must stay free of OS dependencies)"
cargo clippy -p microcred --target wasm32-unknown-unknown --locked -- -D warnings
cargo clippy -p microcred-wasm --target wasm32-unknown-unknown --all-targets --locked -- -D warnings
# The npm package's two modules as shipped: the first without the generic JSON-LD processor
# (the test suites above link it in), the second with it alone.
cargo clippy -p microcred-wasm --lib --target wasm32-unknown-unknown --locked -- -D warnings
cargo clippy -p microcred-wasm-jsonld --target wasm32-unknown-unknown --locked -- -D warnings
cargo clippy -p microcred --no-default-features --lib --locked -- -D warnings
# The size probe (BENCHMARKS.md, "WASM size") in both its forms: the full module and the
# verification path only.
cargo clippy -p microcred-wasm-size --target wasm32-unknown-unknown --locked -- -D warnings
cargo clippy -p microcred-wasm-size --no-default-features --all-targets --locked -- -D warnings

step "tests"
cargo test --workspace --locked
# The core as the browser module has it: without the generic JSON-LD processor.
cargo test -p microcred --no-default-features --lib --locked

step "Python bindings (pip install ./bindings/python in target/python-venv, dev profile; pytest)"
scripts/python.sh

step "WASM binding (wasm-bindgen-test in Node and headless Chromium; npm package built, installed and type-checked)"
scripts/wasm.sh

step "public API of microcred unchanged (crates/microcred/public-api.txt; installs cargo-public-api once)"
# Fails with a diff when the API changed without the snapshot: run scripts/public-api.sh and
# commit crates/microcred/public-api.txt with the change.
scripts/public-api.sh --check

step "vectors are reproducible"
cargo run -q --locked -p microcred-vectors -- --check

step "sealed credentials pass the EDC shapes (pySHACL, installs it once)"
scripts/shacl.sh

step "benchmarks compile"
# The dev profile reuses the test build; an optimised build here would add minutes and test
# nothing more (benchmarks are run by hand: BENCHMARKS.md has the commands).
cargo build --workspace --benches --locked

# --- Data Integrity interop with Digital Bazaar's vc-js (installs its npm packages) ---
step "Data Integrity interop (vc-js)"
scripts/interop.sh
# --- end of the Data Integrity interop block ---

echo
echo "all tests passed"
