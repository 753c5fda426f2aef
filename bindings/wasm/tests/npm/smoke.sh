#!/usr/bin/env bash
# The npm package as a user installs it: `npm install <bindings/wasm/pkg>` into a fresh folder,
# then the package from CommonJS (require) and from ESM (import), each running every case of
# vectors/manifest.json and vectors/verify.json (vectors.cjs, shared: both modules as shipped,
# the second loaded by Node on first need), and its browser build driven from Node (init with
# the module's bytes; before and after loadFullProcessor with the second module's bytes); and
# the same from the tarball `npm pack` makes (what a registry would serve: the package's
# `files`). Needs a built package (bindings/wasm/build.sh).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
PKG=$ROOT/bindings/wasm/pkg
[ -f "$PKG/package.json" ] || { echo "no package in $PKG: run bindings/wasm/build.sh first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run_in() { # folder, how the package was installed
  cp "$HERE"/check.cjs "$HERE"/check.mjs "$HERE"/check-web.mjs "$HERE"/vectors.cjs "$1/"
  (cd "$1" && VECTORS="$ROOT/vectors" node check.cjs && VECTORS="$ROOT/vectors" node check.mjs \
    && VECTORS="$ROOT/vectors" node check-web.mjs) | sed "s|^|npm ($2): |"
}

mkdir "$work/dir"
(cd "$work/dir" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund "$PKG")
run_in "$work/dir" "npm install bindings/wasm/pkg"

# The declarations, strictly, as a TypeScript user compiles against them (typescript from npm,
# pinned, installed once beside the other tools).
TOOLS=${TOOLS:-${CARGO_TARGET_DIR:-$ROOT/target}/tools}
TYPESCRIPT_VERSION=5.9.3
if [ "$(node -p "require('$TOOLS/node_modules/typescript/package.json').version" 2>/dev/null || true)" != "$TYPESCRIPT_VERSION" ]; then
  npm install --silent --no-audit --no-fund --prefix "$TOOLS" "typescript@$TYPESCRIPT_VERSION"
fi
cp "$HERE/check.mts" "$work/dir/"
(cd "$work/dir" && "$TOOLS/node_modules/.bin/tsc" --noEmit --strict --target es2022 --module nodenext \
  --moduleResolution nodenext --lib es2022,dom check.mts)
echo "npm (npm install bindings/wasm/pkg): check.mts compiles against the declarations (tsc $TYPESCRIPT_VERSION --strict)"

tarball=$(cd "$work" && npm pack --silent "$PKG")
mkdir "$work/tar"
(cd "$work/tar" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund "$work/$tarball")
run_in "$work/tar" "npm install $tarball"
