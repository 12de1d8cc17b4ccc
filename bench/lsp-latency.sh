#!/usr/bin/env bash
# Language server latency, greenlight beside pyright, with the project's shared closed-loop LSP
# client (lsp_latency.js: one-character edits, didChange -> publishDiagnostics of that version,
# spawn -> initialize response, peak RSS of the server's process tree).
#
#   bash bench/lsp-latency.sh [EDITS]            # EDITS per file, default 200
#
# pyright takes seconds per edit on big.py: it gets PYRIGHT_EDITS edits (default 20).
#
# PERF_TOOLS: the folder with lsp_latency.js and make_corpus.py (default: ../shared/tools/perf
# beside the repository). The files: big.py (about 20,000 lines of standard-library modules) and
# mid.py (argparse.py, about 2,600 lines), built by make_corpus.py into $PERF_WORK (default: a
# temporary folder). Servers: greenlight through its launcher (server/target/greenlight server),
# greenlight as `java -jar`, and pyright-langserver (npm, pinned in bench/package.json; skip with
# PYRIGHT=0). INIT_RUNS (default 5) extra runs measure only spawn -> initialize. One JSON line per
# run on standard output (lsp_latency.js's own fields).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
edits=${1:-200}
tools=${PERF_TOOLS:-$repo/../shared/tools/perf}
[ -f "$tools/lsp_latency.js" ] || { echo "lsp_latency.js not found in $tools (set PERF_TOOLS)" >&2; exit 2; }
[ -x "$repo/server/target/greenlight" ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 2; }
corpus=${PERF_WORK:-}
if [ -z "$corpus" ]; then
  corpus=$(mktemp -d)
  trap 'rm -rf "$corpus"' EXIT
fi
[ -f "$corpus/big.json" ] || python3 "$tools/make_corpus.py" --out "$corpus" >&2

servers=("greenlight-launcher|$repo/server/target/greenlight server"
         "greenlight-java-jar|java -jar $repo/server/target/greenlight.jar server")
if [ "${PYRIGHT:-1}" != 0 ]; then
  node_dir=$("$here/install.sh")
  servers+=("pyright|$node_dir/node_modules/.bin/pyright-langserver --stdio")
fi
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores" >&2
for entry in "${servers[@]}"; do
  label=${entry%%|*}
  read -r -a command <<<"${entry#*|}"
  for _ in $(seq "${INIT_RUNS:-5}"); do
    node "$tools/lsp_latency.js" --info "$corpus/big.json" --init-only --label "$label" -- "${command[@]}"
  done
  n=$edits
  [ "$label" = pyright ] && n=${PYRIGHT_EDITS:-20}
  for info in big mid; do
    node "$tools/lsp_latency.js" --info "$corpus/$info.json" --edits "$n" --timeout-ms 60000 --label "$label" -- "${command[@]}"
  done
done
