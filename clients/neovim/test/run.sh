#!/usr/bin/env bash
# End-to-end test of the Neovim plugin with Debian's Neovim (0.7.2 on Debian 12), headless:
#
#   bash clients/neovim/test/run.sh server/target/greenlight.jar
#
# Copies examples/ into a temporary folder, opens two of its routers through
# require("greenlight").setup{}, checks the diagnostics Neovim shows, applies the preferred quick
# fix of one and checks the text and the re-published diagnostics (test/e2e.lua says what exactly).
# Installs the `neovim` package when nvim is missing (as root; otherwise says what to install).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
plugin=$(cd "$here/.." && pwd)
repo=$(cd "$plugin/../.." && pwd)
timeout_s=60

jar=${1:-}
[ -n "$jar" ] || { echo "usage: run.sh path/to/greenlight.jar" >&2; exit 2; }
[ -f "$jar" ] || { echo "run.sh: $jar not found: build it first (mvn -B -q package -DskipTests)" >&2; exit 2; }
jar=$(cd "$(dirname "$jar")" && pwd -P)/$(basename "$jar")

if ! command -v nvim >/dev/null; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "== installing neovim (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
  else
    echo "run.sh: nvim is missing: install Neovim 0.7.2 or newer (apt-get install neovim), then run again" >&2
    exit 2
  fi
fi
command -v java >/dev/null || [ -x "${JAVA_HOME:-}/bin/java" ] \
  || { echo "run.sh: java is missing: install Java 17 (apt-get install openjdk-17-jdk-headless)" >&2; exit 2; }
echo "== $(nvim --version | head -1), headless, with the plugin in clients/neovim"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$repo/examples" "$work/project"

export GREENLIGHT_E2E_PLUGIN=$plugin GREENLIGHT_E2E_JAR=$jar
export GREENLIGHT_E2E_PROJECT=$(cd "$work/project" && pwd -P)
export GREENLIGHT_E2E_TIMEOUT_MS=$((timeout_s * 1000))
# The test sets where the plugin finds the server; a jar named in the environment would interfere.
unset GREENLIGHT_JAR
# Neovim's state (LSP log, swap files) stays in the temporary folder.
export XDG_STATE_HOME=$work/state XDG_CACHE_HOME=$work/cache XDG_DATA_HOME=$work/data

# Each wait in e2e.lua is bounded by $timeout_s; the whole run by a few of them.
set +e
timeout --kill-after=5 $((timeout_s * 3)) nvim --headless -u NONE -i NONE -n -c "luafile $here/e2e.lua"
status=$?
set -e
if [ "$status" -eq 0 ]; then
  echo "== Neovim end-to-end test passed"
  exit 0
fi
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
  echo "run.sh: Neovim did not finish within $((timeout_s * 3)) s" >&2
else
  echo "run.sh: the Neovim end-to-end test failed (exit $status)" >&2
fi
# Neovim 0.7 writes the LSP log (the server's stderr among it) under the cache folder, later ones under state.
for log in "$work"/cache/nvim/lsp.log "$work"/state/nvim/lsp.log; do
  if [ -s "$log" ]; then echo "--- $log" >&2; cat "$log" >&2; fi
done
exit "$status"
