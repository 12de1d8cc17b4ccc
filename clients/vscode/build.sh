#!/usr/bin/env bash
# Builds greenlight-<version>.vsix beside this script, with the server jar inside:
#
#   clients/vscode/build.sh [JAR]     (default: server/target/greenlight.jar; `mvn package` makes it)
#
# Installs the build tools with `npm ci` from package-lock.json when node_modules is missing or
# older than the lock file. Prints the .vsix's path on its last line.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=${1:-$here/../../server/target/greenlight.jar}
[ -f "$jar" ] || { echo "build.sh: $jar not found: build the server first (mvn package -DskipTests)" >&2; exit 2; }
command -v npm >/dev/null || { echo "build.sh: npm is needed (apt-get install nodejs npm)" >&2; exit 2; }
cd "$here"

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci (clients/vscode)" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
mkdir -p server
cp "$jar" server/greenlight.jar
version=$(node -p "require('./package.json').version")
rm -f "greenlight-$version.vsix"
npm run --silent package >&2
echo "$here/greenlight-$version.vsix"
