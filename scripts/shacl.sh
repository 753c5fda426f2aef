#!/usr/bin/env bash
# Every credential the test suite seals passes EDC's SHACL shapes (EDC-generic-full.ttl), checked
# by pySHACL, a validator independent of microcred:
#   1. the seal_corpus example seals the demo credential, the README's course example and the
#      EC's unsigned samples and upload forms with each algorithm (RS256, PS256, ES256, EdDSA)
#      into target/shacl/sealed/;
#   2. scripts/shacl.py validates their payloads, and the sealed vectors in vectors/sealed/, in
#      one process, offline (contexts from ../shared/contexts), after a baseline on the EC's own
#      sealed samples.
# Installs pySHACL (scripts/shacl-requirements.txt) into target/shacl-venv once, again only when
# the requirements change. Skips, saying so, when ../shared (the shapes and contexts) is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SHARED=${MICROCRED_SHARED:-$ROOT/../shared}
note() { printf '%s\n' "$*" >&2; }

if [ ! -d "$SHARED/upstream/elm-repo/shacl-edc" ] || [ ! -f "$SHARED/contexts/index.json" ]; then
  echo "skipped: ../shared is absent (the EDC shapes and contexts live there; set MICROCRED_SHARED)"
  exit 0
fi

VENV=$ROOT/target/shacl-venv
REQ=$ROOT/scripts/shacl-requirements.txt
req_sum=$(sha256sum "$REQ" | cut -d' ' -f1)
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$VENV/.microcred-req-sha256" 2>/dev/null)" != "$req_sum" ]; then
  note "pySHACL: installing into target/shacl-venv"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check -r "$REQ" >&2
  printf '%s' "$req_sum" > "$VENV/.microcred-req-sha256"
else
  note "pySHACL: target/shacl-venv current"
fi

OUT=target/shacl/sealed
rm -rf "$OUT"
cargo run -q --locked -p microcred --features test-pki,openssl --example seal_corpus -- \
  "$OUT" "$SHARED/upstream/elm-repo/json-ld-v3" > /dev/null
"$VENV/bin/python" "$ROOT/scripts/shacl.py" "$SHARED" "$OUT" vectors/sealed
