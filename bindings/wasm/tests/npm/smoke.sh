#!/usr/bin/env bash
# The npm package as a user installs it: `npm install <bindings/wasm/pkg>` into a fresh folder,
# then the package from CommonJS (require), from ESM (import) and its browser build driven from
# Node (init with the module's bytes), each verifying a sealed vector and throwing a coded
# error; and the same from the tarball `npm pack` makes (what a registry would serve: the
# package's `files`). Needs a built package (bindings/wasm/build.sh).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
PKG=$ROOT/bindings/wasm/pkg
[ -f "$PKG/package.json" ] || { echo "no package in $PKG: run bindings/wasm/build.sh first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run_in() { # folder, how the package was installed
  cp "$HERE"/check.cjs "$HERE"/check.mjs "$HERE"/check-web.mjs "$1/"
  (cd "$1" && VECTORS="$ROOT/vectors" node check.cjs && VECTORS="$ROOT/vectors" node check.mjs \
    && VECTORS="$ROOT/vectors" node check-web.mjs) | sed "s|^|npm ($2): |"
}

mkdir "$work/dir"
(cd "$work/dir" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund "$PKG")
run_in "$work/dir" "npm install bindings/wasm/pkg"

tarball=$(cd "$work" && npm pack --silent "$PKG")
mkdir "$work/tar"
(cd "$work/tar" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund "$work/$tarball")
run_in "$work/tar" "npm install $tarball"
