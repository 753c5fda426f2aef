#!/usr/bin/env bash
# Side-by-side benchmark of Data Integrity eddsa-rdfc-2022 sign and verify, in one run, on the
# same inputs with the same key and creation time:
#   microcred (release build of the di_interop example; also with glibc malloc tuned, on a row of
#   its own), Digital Bazaar vc-js (Node), and pyld + PyNaCl (Python).
# Inputs: the W3C vc-di-eddsa test credential and the EC micro-credential sample from ../shared
# (else the built-in demo credential). Each tool takes the median of N timed runs after a
# warm-up; the tools run in turn, ROUNDS times, and the table shows the median of each tool's
# per-round medians (the machine is shared: interleaving spreads the noise over all tools).
# Also prints where microcred's time goes on the largest input.
#
#   interop/peers/run.sh [N=50] [ROUNDS=3]
#
# Installs what it needs: the vc-js npm packages (interop/vc-js/install.sh) and a Python venv
# with pyld and PyNaCl in interop/.venv (pip, once). Not part of scripts/test.sh: it takes
# minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
N=${1:-50}
ROUNDS=${2:-3}
note() { printf '%s\n' "$*" >&2; }

"$ROOT/interop/vc-js/install.sh"

VENV=$ROOT/interop/.venv
REQ=$ROOT/interop/peers/requirements.txt
req_sum=$(sha256sum "$REQ" | cut -d' ' -f1)
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$VENV/.microcred-req-sha256" 2>/dev/null)" != "$req_sum" ]; then
  note "Python peer: creating interop/.venv (pyld, PyNaCl)"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check -r "$REQ" >&2
  printf '%s' "$req_sum" > "$VENV/.microcred-req-sha256"
else
  note "Python peer: interop/.venv current"
fi

note "building the di_interop example (release)"
cargo build -q --locked --release -p microcred --example di_interop
TARGET_DIR=$(cargo metadata -q --format-version 1 --no-deps --locked |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
RS=$TARGET_DIR/release/examples/di_interop

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$RS" contexts > "$WORK/contexts.json"
"$RS" contexts --all > "$WORK/contexts-all.json"
SEED=9f3c1d2e4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0
TUNED=glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=134217728

SHARED=${MICROCRED_SHARED:-$ROOT/../shared}
inputs=()
if [ -d "$SHARED" ]; then
  cp "$SHARED/conformance/vc-di-eddsa/unsigned.json" "$WORK/w3c-alumni.json"
  cp "$SHARED/upstream/elm-repo/json-ld-v3/Sample-MC-Annex1-unsigned.jsonld" "$WORK/ec-mc.json"
  inputs=("$WORK/w3c-alumni.json" "$WORK/ec-mc.json")
else
  note "note: ../shared is absent: benchmarking the demo credential only"
  "$RS" demo > "$WORK/demo.json"
  inputs=("$WORK/demo.json")
fi

results=$WORK/results.tsv
: > "$results"
for round in $(seq "$ROUNDS"); do
  note "round $round/$ROUNDS: microcred"
  "$RS" bench "$SEED" "$N" "${inputs[@]}" | sed 's/^/microcred\t/' >> "$results"
  # The same binary with glibc malloc told to keep freed memory (see BENCHMARKS.md: under the
  # default settings the heap is trimmed and regrown for every credential, and the page faults
  # cost about a third of the time). A deployment choice, shown on a row of its own.
  note "round $round/$ROUNDS: microcred, tuned malloc"
  GLIBC_TUNABLES=$TUNED "$RS" bench "$SEED" "$N" "${inputs[@]}" |
    sed 's/^/microcred, tuned malloc\t/' >> "$results"
  note "round $round/$ROUNDS: vc-js"
  node "$ROOT/interop/vc-js/di.mjs" bench "$SEED" "$N" "$WORK/contexts.json" "${inputs[@]}" |
    sed 's/^/vc-js\t/' >> "$results"
  note "round $round/$ROUNDS: pyld"
  "$VENV/bin/python" "$ROOT/interop/peers/pyld_di.py" bench "$SEED" "$N" \
    "$WORK/contexts-all.json" "${inputs[@]}" | sed 's/^/pyld\t/' >> "$results"
done

echo
echo "Data Integrity eddsa-rdfc-2022, medians in ms ($N runs x $ROUNDS rounds per tool and input)"
echo "node $(node --version), $("$VENV/bin/python" --version), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
python3 - "$results" <<'PY'
import collections, statistics, sys
rows = collections.defaultdict(list)
values = {}
for line in open(sys.argv[1], encoding="utf-8"):
    tool, name, sign, verify, proof_value = line.rstrip("\n").split("\t")
    rows[(name, tool)].append((float(sign), float(verify)))
    values[(name, tool)] = proof_value
names = list(dict.fromkeys(name for name, _ in rows))
print("| input | implementation | sign | verify | sign + verify | vs vc-js | same proofValue as microcred |")
print("|---|---|---|---|---|---|---|")
for name in names:
    def med(tool):
        runs = rows[(name, tool)]
        return statistics.median(s for s, _ in runs), statistics.median(v for _, v in runs)
    base = sum(med("vc-js"))
    for tool in ("microcred", "microcred, tuned malloc", "vc-js", "pyld"):
        sign, verify = med(tool)
        same = "—" if tool == "microcred" else ("yes" if values[(name, tool)] == values[(name, "microcred")] else "NO")
        print(f"| {name} | {tool} | {sign:.2f} | {verify:.2f} | {sign + verify:.2f} | "
              f"{base / (sign + verify):.1f}x | {same} |")
PY

largest=${inputs[${#inputs[@]}-1]}
echo
echo "Where microcred's time goes, signing $(basename "$largest") (medians, ms):"
"$RS" breakdown "$N" "$largest" | sed 's/^/  /'
echo
echo "The same with GLIBC_TUNABLES=$TUNED:"
GLIBC_TUNABLES=$TUNED "$RS" breakdown "$N" "$largest" | sed 's/^/  /'
