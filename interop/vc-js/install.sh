#!/usr/bin/env bash
# Installs interop/vc-js's npm packages from package-lock.json (npm ci), once: skipped while
# node_modules matches the lock file. Offline-tolerant: a failed npm ci with packages already
# installed only warns. Installs Node.js with apt-get when it is missing and we are root.
set -euo pipefail
cd "$(dirname "$0")"

note() { printf '%s\n' "$*" >&2; }

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    note "installing Node.js (apt-get)"
    apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
  else
    note "Node.js 18+ and npm are needed"; exit 1
  fi
fi
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 18 ]; then
  note "Node.js $(node --version) is too old (18+ needed)"; exit 1
fi

lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.microcred-lock-sha256
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_sum" ]; then
  note "vc-js packages: current"
elif npm ci --no-audit --no-fund --loglevel=error >&2; then
  printf '%s' "$lock_sum" > "$stamp"
  note "vc-js packages: installed (npm ci)"
elif [ -d node_modules/@digitalbazaar/vc ]; then
  # Offline: go on with what is installed; a real mismatch shows up as a failing check.
  note "warning: npm ci failed (offline?); using the installed node_modules"
else
  note "npm ci failed and nothing is installed"; exit 1
fi
