#!/usr/bin/env bash
# Installs the benchmarks' npm packages (package.json / package-lock.json here: Ruff's
# WebAssembly build and pyright, pinned) with `npm ci`, once, into
# ${GREENLIGHT_CACHE:-~/.cache/greenlight}/bench-<hash of the lock file>, and prints that folder.
# npm takes its registry from the machine's own npm configuration.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache_root=${GREENLIGHT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/greenlight}
hash=$(cat "$here/package.json" "$here/package-lock.json" | sha256sum | cut -c1-16)
dir=$cache_root/bench-$hash
if [ ! -f "$dir/.installed" ]; then
  mkdir -p "$cache_root"
  staging=$(mktemp -d "$cache_root/.bench.XXXXXX")
  cp "$here/package.json" "$here/package-lock.json" "$staging/"
  (cd "$staging" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
  touch "$staging/.installed"
  rm -rf "$dir"
  mv "$staging" "$dir"
fi
echo "$dir"
