#!/usr/bin/env bash
# Validates `greenlight check --output-format sarif` with Microsoft's SARIF multitool, applying
# the SARIF specification's rules and GitHub code scanning's ingestion rules
# (`validate --rule-kind "Sarif;Gh"`). Run after the jar is built (`.ci/run` runs it after
# `mvn verify`):
#
#   bash server/src/test/sarif/validate.sh [JAR]
#
# The multitool (npm package @microsoft/sarif-multitool, pinned in package.json and
# package-lock.json beside this script) is installed once with `npm ci` into
# ${GREENLIGHT_CACHE:-~/.cache/greenlight}/sarif-multitool-<hash of the lock file>; later runs
# reuse it. npm takes its registry from the machine's own npm configuration.
#
# Logs checked: the fixture tree tree/ (findings: syntax errors, fixes, non-ASCII columns, a path
# with a space), clean/ (no findings) and the repository's examples/. Errors fail the run, and so
# do warnings except those findings.js allows with a reason; notes are only counted. A self-test
# first shows that the GitHub rules really run: a log breaking them must be reported.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../.." && pwd)
jar=${1:-$repo/server/target/greenlight.jar}
[ -f "$jar" ] || { echo "validate.sh: $jar not found: build it first (mvn package)" >&2; exit 2; }
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar") # the checks run in other folders
command -v npm >/dev/null && command -v node >/dev/null \
  || { echo "validate.sh: node and npm are needed (apt-get install nodejs npm)" >&2; exit 2; }

cache_root=${GREENLIGHT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/greenlight}
lock_hash=$(cat "$here/package.json" "$here/package-lock.json" | sha256sum | cut -c1-16)
tool_dir=$cache_root/sarif-multitool-$lock_hash
if [ ! -f "$tool_dir/.installed" ]; then
  echo "== installing the SARIF multitool (npm ci) into $tool_dir"
  mkdir -p "$cache_root"
  staging=$(mktemp -d "$cache_root/.sarif-multitool.XXXXXX")
  cp "$here/package.json" "$here/package-lock.json" "$staging/"
  # --ignore-scripts: the platform package's only script is `chmod u+x` of its binary, done below.
  (cd "$staging" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  touch "$staging/.installed"
  rm -rf "$tool_dir"
  mv "$staging" "$tool_dir"
fi
platform_pkg=$(cd "$tool_dir" && node -p "require('path').dirname(require.resolve('@microsoft/sarif-multitool-' + process.platform + '/package.json'))")
multitool=$platform_pkg/Sarif.Multitool
[ -f "$multitool" ] || { echo "validate.sh: no multitool binary for this platform at $multitool" >&2; exit 2; }
chmod u+x "$multitool"
# The multitool is a self-contained .NET program; without libicu it needs invariant globalization,
# which changes nothing for validation.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
"$multitool" --version >/dev/null 2>&1 || { echo "validate.sh: the multitool does not run here:" >&2; "$multitool" --version >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# validate LOG OUT: the multitool's findings about LOG, written as SARIF to OUT.
validate() {
  rm -f "$2"
  "$multitool" validate --rule-kind "Sarif;Gh" --level "Error;Warning;Note" -o "$2" "$1" >"$2.console" 2>&1 || {
    echo "the multitool failed on $1:" >&2; cat "$2.console" >&2; exit 1; }
  [ -f "$2" ] || { echo "the multitool wrote no result for $1:" >&2; cat "$2.console" >&2; exit 1; }
}

echo "== SARIF validator self-test (a log without locations or help breaks GitHub's rules)"
validate "$here/github-violation.sarif" "$work/self-test.sarif"
node "$here/findings.js" "$work/self-test.sarif" --expect GH1015

status=0
# check_tree NAME DIR EXPECTED_EXIT: greenlight's SARIF for DIR (run inside it, as in CI), validated.
check_tree() {
  local name=$1 dir=$2 expected=$3 code=0
  echo "== greenlight check --output-format sarif on $name"
  (cd "$dir" && java -jar "$jar" check --output-format sarif .) >"$work/$name.sarif" 2>"$work/$name.err" || code=$?
  if [ "$code" -ne "$expected" ]; then
    echo "  FAIL: exit code $code, expected $expected"; cat "$work/$name.err"; status=1; return
  fi
  if ! node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$work/$name.sarif" 2>/dev/null; then
    echo "  FAIL: greenlight's output is not JSON:"; head -c 2000 "$work/$name.sarif"; cat "$work/$name.err"; status=1; return
  fi
  local results
  results=$(node -e 'const l=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));console.log(l.runs[0].results.length)' "$work/$name.sarif")
  echo "  $results results"
  validate "$work/$name.sarif" "$work/$name.validation.sarif"
  node "$here/findings.js" "$work/$name.validation.sarif" || status=1
}
check_tree fixtures "$here/tree" 1
check_tree clean "$here/clean" 0
check_tree examples "$repo/examples" 1

if [ "$status" -ne 0 ]; then
  echo "SARIF validation: FAILED" >&2
  exit 1
fi
echo "SARIF validation: passed (SARIF 2.1.0 and GitHub ingestion rules)"
