#!/usr/bin/env bash
# The Python bindings (bindings/python), built and tested as a user installs them:
#   1. a virtual environment in target/python-venv with maturin and pytest
#      (scripts/python-requirements.txt), made once, again only when the requirements change;
#   2. `pip install ./bindings/python`, maturin's PEP 517 build, in the dev profile and the shared
#      target/ directory (MATURIN_PEP517_ARGS), so that it reuses the Rust test build;
#   3. pytest over bindings/python/tests (the shared vectors, the EC samples in ../shared when
#      present, bad input, pickling, the README examples) and the package's doctests;
#   4. mypy's stubtest: python/microcred/__init__.pyi against the installed module.
# Extra arguments go to pytest (`scripts/python.sh -k pickle`).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
note() { printf '%s\n' "$*" >&2; }

VENV=$ROOT/target/python-venv
REQ=$ROOT/scripts/python-requirements.txt
req_sum=$(sha256sum "$REQ" | cut -d' ' -f1)
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$VENV/.microcred-req-sha256" 2>/dev/null)" != "$req_sum" ]; then
  note "python: making target/python-venv"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check -r "$REQ" >&2
  printf '%s' "$req_sum" > "$VENV/.microcred-req-sha256"
else
  note "python: target/python-venv current"
fi

note "python: pip install ./bindings/python (dev profile)"
start=$(date +%s)
# --no-build-isolation: the build uses the pinned maturin of the venv (no download per run).
PATH="$VENV/bin:$PATH" MATURIN_PEP517_ARGS="--profile dev" "$VENV/bin/pip" install -q --disable-pip-version-check \
  --no-build-isolation --no-deps --force-reinstall ./bindings/python >&2
note "python: built and installed in $(( $(date +%s) - start )) s"

# Run from the tests folder so that `import microcred` is the installed package, not the source.
cd bindings/python/tests
start=$(date +%s)
"$VENV/bin/python" -m pytest -q -rs --doctest-modules --pyargs microcred . "$@"
note "python: pytest ran in $(( $(date +%s) - start )) s"
"$VENV/bin/python" -m mypy.stubtest microcred
