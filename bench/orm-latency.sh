#!/usr/bin/env bash
# The language server on a large module of ORM routes: examples/app/routers/catalog.py repeated
# COPIES times (default 60, about 3,900 lines) in a copy of examples/, its safe and unsafe fixes
# applied (what is left are the findings without a fix), then the shared closed-loop client
# `lsp_latency.js` (PERF_TOOLS, default ../shared/tools/perf) times didChange -> diagnostics on
# one-character edits inside one route, through the launcher.
#
#   bash bench/orm-latency.sh [EDITS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="${PERF_TOOLS:-$root/../shared/tools/perf}"
copies="${COPIES:-60}"
edits="${1:-200}"
launcher="$root/server/target/greenlight"
[ -x "$launcher" ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$root/examples" "$work/project"
routes="$work/project/app/routers/many_routes.py"
COPIES="$copies" python3 - "$work/project/app/routers/catalog.py" "$routes" <<'PY'
import os, re, sys
source, target = sys.argv[1], sys.argv[2]
head, body = open(source).read().split("router = APIRouter(", 1)
declaration, body = body.split("\n", 1)
parts = [head, "router = APIRouter(" + declaration + "\n"]
for i in range(int(os.environ["COPIES"])):
    copy = re.sub(r"async def (\w+)\(", lambda m: f"async def {m.group(1)}_{i}(", body)
    parts.append(copy.replace('"/', f'"/v{i}/'))
open(target, "w").write("".join(parts))
PY
"$launcher" check --fix --unsafe-fixes --exit-zero "$routes" >/dev/null
# The edit site: the name assigned in the middle copy's rename route.
site=$(grep -n "author.name = name" "$routes" | sed -n "$((copies / 2))p" | cut -d: -f1)
echo "{\"loadavg\": \"$(cut -d' ' -f1-3 /proc/loadavg)\", \"lines\": $(wc -l <"$routes")}"
node "$tools/lsp_latency.js" --file "$routes" --line "$((site - 1))" --column 12 --edits "$edits" \
    --label greenlight-orm-routes -- "$launcher" server
