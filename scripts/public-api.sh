#!/usr/bin/env bash
# The public API of the core crate as text, kept in the repository: crates/microcred/public-api.txt.
#
#   scripts/public-api.sh          writes the snapshot (run it after an intended API change and
#                                  commit the file with the change)
#   scripts/public-api.sh --check  fails, showing the diff, when the API differs from the snapshot
#
# cargo-public-api reads the JSON that nightly rustdoc writes; that format changes between
# nightlies, and each release of the tool reads one format. 0.52.0 reads format 57, which is what
# nightly 2026-05-19 (rustc 1.97.0-nightly) writes. When the nightly moves on, pick the release
# that reads its format (`cargo info cargo-public-api`; the format of a nightly is the
# `format_version` of any `cargo +nightly rustdoc -- -Z unstable-options --output-format json`)
# and change VERSION below.
#
# All features are on, so the snapshot covers `openssl` and `test-pki` too. Blanket impls
# (`impl<T> From<T> for T` and the like) are left out; auto traits (Send, Sync) stay, since the
# bindings rely on them.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=0.52.0
SNAPSHOT=crates/microcred/public-api.txt

check=false
case "${1:-}" in
  --check) check=true ;;
  "") ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

if ! rustup toolchain list | grep -q '^nightly' \
  && ! rustup toolchain install nightly --profile minimal; then
  # The machines this project runs on carry a nightly; say so loudly where one does not.
  echo "skipped: no nightly toolchain here and none could be installed (rustdoc JSON needs one)" >&2
  exit 0
fi

# Installs the tool once, and again only when VERSION changes.
if ! cargo public-api --version 2>/dev/null | grep -qx "cargo-public-api $VERSION"; then
  # A debug build of the tool installs in about a minute (a release build took 14 here) and runs
  # fast enough for one crate.
  cargo install --locked --debug "cargo-public-api@$VERSION"
fi

current=$(mktemp)
trap 'rm -f "$current"' EXIT
cargo public-api --package microcred --all-features --simplified --color never >"$current"

if ! $check; then
  cp "$current" "$SNAPSHOT"
  echo "wrote $SNAPSHOT ($(wc -l <"$SNAPSHOT") lines)"
  exit 0
fi

if ! diff -u --label "$SNAPSHOT (committed)" --label "public API now" "$SNAPSHOT" "$current"; then
  echo >&2
  echo "The public API of microcred differs from $SNAPSHOT (diff above: - committed, + now)." >&2
  echo "If the change is intended, run scripts/public-api.sh and commit $SNAPSHOT with it." >&2
  exit 1
fi
echo "public API unchanged ($SNAPSHOT)"
