#!/usr/bin/env bash
# Data Integrity (eddsa-rdfc-2022) interop between microcred and Digital Bazaar's vc-js, both
# directions, on the W3C test credential, the EC micro-credential sample (both from ../shared,
# skipped with a note when it is absent) and the built-in demo credential:
#   microcred signs -> vc-js verifies; vc-js signs -> microcred verifies; both sign the same bytes;
#   a tampered value and an added (undefined) term are rejected by both.
# Installs the Node packages from interop/vc-js/package-lock.json (interop/vc-js/install.sh: npm
# ci, skipped while node_modules matches the lock file). Exits non-zero on any failure. See
# interop/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VCJS=$ROOT/interop/vc-js

note() { printf '%s\n' "$*" >&2; }

# --- Node and the vc-js packages ------------------------------------------------------------
"$VCJS/install.sh"

# --- The Rust side -------------------------------------------------------------------------
note "building the di_interop example"
cargo build -q --locked -p microcred --example di_interop
TARGET_DIR=$(cargo metadata -q --format-version 1 --no-deps --locked |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
RS=$TARGET_DIR/debug/examples/di_interop
JS=(node "$VCJS/di.mjs")

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$RS" contexts > "$WORK/contexts.json"

# A fixed test key (not a secret: it signs test data only) and a fixed creation time.
SEED=9f3c1d2e4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0
CREATED=2025-01-01T00:00:00Z

SHARED=${MICROCRED_SHARED:-$ROOT/../shared}
inputs=()
if [ -d "$SHARED" ]; then
  cp "$SHARED/conformance/vc-di-eddsa/unsigned.json" "$WORK/w3c-alumni.json"
  cp "$SHARED/upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-unsigned.jsonld" "$WORK/ec-mc.json"
  inputs+=(w3c-alumni ec-mc)
else
  note "note: ../shared is absent: the W3C and EC credentials are skipped (set MICROCRED_SHARED)"
fi
"$RS" demo > "$WORK/demo.json"
inputs+=(demo)

passed=0
failed=0
check() { # description, expected exit status (0 or 1), command...
  local what=$1 want=$2; shift 2
  local out status=0
  out=$("$@" 2>&1) || status=$?
  if [ "$status" = "$want" ]; then
    passed=$((passed + 1)); printf 'ok    %s\n' "$what"
  else
    failed=$((failed + 1)); printf 'FAIL  %s (exit %s, wanted %s)\n%s\n' "$what" "$status" "$want" "$out"
  fi
}
same_json() { # a b: equal as JSON values (member order aside)
  node -e '
    const fs = require("fs");
    const sort = v => Array.isArray(v) ? v.map(sort) : v && typeof v === "object"
      ? Object.fromEntries(Object.keys(v).sort().map(k => [k, sort(v[k])])) : v;
    const [a, b] = process.argv.slice(1).map(f => JSON.stringify(sort(JSON.parse(fs.readFileSync(f)))));
    process.exit(a === b ? 0 : 1);' "$1" "$2"
}

for name in "${inputs[@]}"; do
  in=$WORK/$name.json rs=$WORK/$name.rs.json js=$WORK/$name.js.json
  echo "== $name"
  check "$name: microcred signs" 0 "$RS" sign "$SEED" "$CREATED" "$in" "$rs"
  check "$name: vc-js verifies microcred's proof" 0 "${JS[@]}" verify "$WORK/contexts.json" "$rs"
  check "$name: vc-js signs" 0 "${JS[@]}" sign "$SEED" "$CREATED" "$WORK/contexts.json" "$in" "$js"
  check "$name: microcred verifies vc-js's proof" 0 "$RS" verify "$js"
  check "$name: both sign the same document and proof" 0 same_json "$rs" "$js"
  for signer in rs js; do
    for how in value term; do
      bad=$WORK/$name.$signer.$how.json
      "$RS" tamper "$how" "$WORK/$name.$signer.json" "$bad"
      check "$name: $how tampered after $signer signed: vc-js rejects" 1 \
        "${JS[@]}" verify "$WORK/contexts.json" "$bad"
      check "$name: $how tampered after $signer signed: microcred rejects" 1 "$RS" verify "$bad"
    done
  done
done

echo
echo "interop: $passed passed, $failed failed"
[ "$failed" = 0 ]
