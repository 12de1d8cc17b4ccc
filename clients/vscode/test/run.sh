#!/usr/bin/env bash
# The VS Code extension in a real VS Code extension host:
#
#   clients/vscode/test/run.sh [--screenshots DIR] [JAR]     (JAR default: server/target/greenlight.jar)
#
# 1. builds greenlight-<version>.vsix from JAR (../build.sh) and runs the unit tests of its Java
#    discovery (java.test.ts);
# 2. installs, once, what a headless VS Code needs (toolchain.sh): Node 24 and code-server from
#    npm, built against Node 24's headers, under $HOME/.cache/greenlight/vscode; Debian's chromium,
#    libkrb5-dev, g++ and make with apt-get when missing;
# 3. starts code-server on 127.0.0.1 (no auth, fresh user data and extensions folders), installs
#    our .vsix and the self-test extension (selftest/), opens a copy of examples/ and lets a
#    headless Chromium load the workbench, which starts the extension host;
# 4. inside it, the self-test extension opens app/routers/authors.py and records greenlight's
#    diagnostics; has the hover and the quick-fix menu of the GL003 one photographed; applies its
#    quick fix; runs greenlight.restart and undoes the fix; applies "Fix all"; opens an untitled
#    copy; and writes what it saw after each step to a JSON report;
# 5. check_report.py compares that report with what `java -jar JAR check` says about the same file.
#
# The user settings ignore GL005 and show GL004 as a warning, so the test also shows that settings
# reach the server. --screenshots DIR keeps the two screenshots (hover.png, quickfix.png).
# Exit status: 0 passed, 1 a check failed, 2 setup failed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
screenshots=""
if [ "${1:-}" = --screenshots ]; then
  screenshots=$(mkdir -p "$2" && cd "$2" && pwd)
  shift 2
fi
jar=${1:-$repo/server/target/greenlight.jar}
[ -f "$jar" ] || { echo "run.sh: $jar not found: build it first (mvn package -DskipTests)" >&2; exit 2; }
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
cache=${GREENLIGHT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/greenlight}/vscode
example=app/routers/authors.py
fix_code=GL003
ignore=GL005
warning=GL004
report_timeout=120

work=$(mktemp -d)
pids=()
cleanup() {
  local pid
  # Each was started as a process group leader (setsid): this ends its children too (the
  # extension host, the language server, Chromium's helpers).
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# code-server and Chromium write their configuration under XDG_CONFIG_HOME: keep it in $work.
export XDG_CONFIG_HOME=$work/config

echo "== build the extension"
vsix=$("$here/../build.sh" "$jar" 2>"$work/build.log" | tail -1) \
  || { cat "$work/build.log" >&2; echo "run.sh: the extension did not build" >&2; exit 2; }
echo "$vsix"

echo "== unit tests: finding Java"
(cd "$here/.." && npm test --silent) || { echo "run.sh: the unit tests failed" >&2; exit 1; }

echo "== toolchain"
# shellcheck source=toolchain.sh
. "$here/toolchain.sh"
echo "node $("$node24" --version), code-server $("$code_server" --version 2>/dev/null | grep -m1 "with Code")"

echo "== package the self-test extension"
cp -r "$here/selftest" "$work/selftest"
(cd "$work/selftest" && "$here/../node_modules/.bin/vsce" package --skip-license --allow-missing-repository \
  --no-dependencies --out "$work/selftest.vsix" >/dev/null)

echo "== what the command line says about examples/$example"
workspace=$work/workspace
cp -r "$repo/examples" "$workspace"
status=0
(cd "$workspace" && java -jar "$jar" check --output-format json --ignore "$ignore" "$example" >"$work/expected.json") || status=$?
[ "$status" -eq 1 ] || { echo "run.sh: greenlight check exited with $status, expected 1 (findings)" >&2; exit 2; }
# --fix with - writes the fixed module to standard output.
fixed() { (cd "$workspace" && java -jar "$jar" check "$@" --fix --stdin-filename "$example" - <"$example" 2>/dev/null) || true; }
fixed --select "$fix_code" >"$work/expected-fixed.py"
fixed --ignore "$ignore" >"$work/expected-fix-all.py"
cp "$workspace/$example" "$work/original.py"
python3 - "$work/expected.json" <<'PY'
import json, sys
print(", ".join("{} at {}:{}".format(d["code"], d["location"]["row"], d["location"]["column"]) for d in json.load(open(sys.argv[1]))))
PY

echo "== start code-server and the browser"
data=$work/user-data extensions=$work/extensions
mkdir -p "$data/User" "$work/shots"
for extension in "$vsix" "$work/selftest.vsix"; do
  "$code_server" --user-data-dir "$data" --extensions-dir "$extensions" --install-extension "$extension" >/dev/null
done
python3 - "$data/User/settings.json" "$ignore" "$warning" <<'PY'
import json, sys
settings = {
    # What the test is about.
    "greenlight.ignore": [sys.argv[2]],
    "greenlight.severity": {sys.argv[3]: "warning"},
    # A quiet workbench: nothing to trust, welcome or update, no AI panels over the editor.
    "security.workspace.trust.enabled": False,
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": False,
    "workbench.enableExperiments": False,
    "workbench.secondarySideBar.defaultVisibility": "hidden",
    "chat.disableAIFeatures": True,
    "telemetry.telemetryLevel": "off",
    "extensions.autoUpdate": False,
    "extensions.autoCheckUpdates": False,
    "update.mode": "none",
}
json.dump(settings, open(sys.argv[1], "w"), indent=2)
PY
python3 - "$work/plan.json" "$workspace/$example" "$fix_code" "$work/report.json" "$work/shots" <<'PY'
import json, sys
plan = dict(file=sys.argv[2], fixCode=sys.argv[3], report=sys.argv[4], shots=sys.argv[5], timeoutMs=60000)
json.dump(plan, open(sys.argv[1], "w"), indent=2)
PY

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
GREENLIGHT_SELFTEST_PLAN=$work/plan.json setsid "$code_server" --bind-addr "127.0.0.1:$port" --auth none \
  --disable-telemetry --disable-update-check --disable-workspace-trust \
  --user-data-dir "$data" --extensions-dir "$extensions" "$workspace" >"$work/code-server.log" 2>&1 &
pids+=($!)
healthy() { python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' \
  "http://127.0.0.1:$port/healthz" 2>/dev/null; }
for _ in $(seq 1 150); do
  healthy && break
  sleep 0.2
done
healthy || { echo "run.sh: code-server did not answer in 30 s:" >&2; cat "$work/code-server.log" >&2; exit 2; }
devtools_port=$(free_port)
setsid chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --disable-quic --window-size=1280,800 --force-device-scale-factor=1 \
  --remote-debugging-port="$devtools_port" --user-data-dir="$work/chromium" \
  "http://127.0.0.1:$port/?folder=$workspace" >"$work/chromium.log" 2>&1 &
pids+=($!)

echo "== wait for the self-test's report (at most $report_timeout s)"
deadline=$((SECONDS + report_timeout))
while [ ! -f "$work/report.json" ] && [ $SECONDS -lt $deadline ]; do
  for ready in "$work"/shots/*.ready; do
    [ -f "$ready" ] || continue
    name=$(basename "$ready" .ready)
    "$node24" "$here/screenshot.mjs" "$devtools_port" "$work/shots/$name.png" \
      || echo "run.sh: the $name screenshot failed" >&2
    mv "$ready" "$work/shots/$name.done"
  done
  sleep 0.2
done
show_logs() {
  echo "-- code-server.log" >&2; tail -30 "$work/code-server.log" >&2
  local log
  for log in $(find "$data/logs" -name 'exthost.log' -o -name '*greenlight*.log' 2>/dev/null); do
    echo "-- ${log#"$data/"}" >&2; tail -40 "$log" >&2
  done
}
if [ ! -f "$work/report.json" ]; then
  echo "run.sh: no report from the self-test extension within $report_timeout s" >&2
  show_logs
  exit 1
fi

echo "== check the report"
status=0
python3 "$here/check_report.py" "$work/report.json" "$work" "$fix_code" "$ignore" "$warning" "$(node -p "require('$here/../package.json').version")" || status=$?
for name in hover quickfix; do
  if [ -s "$work/shots/$name.png" ]; then
    [ -z "$screenshots" ] || cp "$work/shots/$name.png" "$screenshots/$name.png"
  else
    echo "FAIL: no $name screenshot" >&2
    status=1
  fi
done
# The output channel's log says each time a server starts: the restart must have started a second.
channel_log=$(find "$data/logs" -path '*greenlight.greenlight*' -name 'greenlight.log' | head -1)
starts=$(grep -c '\] server: ' "$channel_log" 2>/dev/null || true)
if [ "$starts" = 2 ]; then
  echo "ok    greenlight.restart started a second server (the output channel logs 2 starts)"
else
  echo "FAIL  greenlight.restart started a second server: the output channel logs ${starts:-no} starts" >&2
  status=1
fi
if [ "$status" -ne 0 ]; then
  show_logs
  exit 1
fi
[ -z "$screenshots" ] || echo "screenshots: $screenshots/hover.png, $screenshots/quickfix.png"
echo "VS Code extension test passed"
