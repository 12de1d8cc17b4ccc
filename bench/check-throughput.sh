#!/usr/bin/env bash
# `greenlight check` throughput over a tree of Python files (default: this machine's CPython
# standard library), whole process, beside Ruff's on the same files (its WebAssembly build, warm).
#
#   bash bench/check-throughput.sh [DIR]
#
# The files: every *.py under DIR outside site-packages and __pycache__. greenlight is timed with
# /usr/bin/time (wall, CPU, peak RSS; RUNS runs, default 3, the median reported), once through the
# launcher (server/target/greenlight) and once as `java -jar`, on that list (an @-file, the same
# files Ruff gets), and once on DIR itself (folder walking included). Ruff lints the list in one
# Node process: one untimed pass, then timed passes (bench/ruff-throughput.js). One JSON line per
# measurement, on standard output. Needs the jar built (mvn package), node/npm, and /usr/bin/time.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
dir=${1:-$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')}
runs=${RUNS:-3}
jar=$repo/server/target/greenlight.jar
launcher=$repo/server/target/greenlight
[ -f "$jar" ] || { echo "build the jar first: mvn -q package -DskipTests" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
find "$dir" \( -name site-packages -o -name __pycache__ \) -prune -o -name '*.py' -type f -print | LC_ALL=C sort >"$work/files.txt"
sed 's/.*/"&"/' "$work/files.txt" >"$work/files.args"
files=$(wc -l <"$work/files.txt")
lines=$(tr '\n' '\0' <"$work/files.txt" | xargs -0 cat | wc -l)
echo "# $files files, $lines lines under $dir; load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores" >&2

# measure LABEL COMMAND...: RUNS runs of a whole greenlight process, median wall time.
measure() {
  local label=$1; shift
  : >"$work/times"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || true
    cat "$work/time" >>"$work/times"
  done
  LABEL=$label FILES=$files LINES=$lines python3 - "$work/times" <<'PY'
import json, os, statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
wall = statistics.median(r[0] for r in rows)
files, lines = int(os.environ["FILES"]), int(os.environ["LINES"])
print(json.dumps({"tool": "greenlight", "mode": os.environ["LABEL"], "runs": len(rows), "files": files, "lines": lines,
                  "wall_s": {"median": wall, "min": min(r[0] for r in rows), "max": max(r[0] for r in rows)},
                  "cpu_s_median": statistics.median(r[1] + r[2] for r in rows),
                  "files_per_s": round(files / wall), "lines_per_s": round(lines / wall),
                  "peak_rss_mb": round(max(r[3] for r in rows) / 1024, 1)}))
PY
}

measure "launcher, file list" "$launcher" check --exit-zero --statistics "@$work/files.args"
measure "java -jar, file list" java -jar "$jar" check --exit-zero --statistics "@$work/files.args"
# The folder walk skips hidden folders, virtual environments and what .gitignore names: its file
# count may differ a little from the list's (files and lines above are the list's).
measure "launcher, folder" "$launcher" check --exit-zero --statistics "$dir"

node_dir=$("$here/install.sh")
NODE_PATH=$node_dir/node_modules node "$here/ruff-throughput.js" --list "$work/files.txt" --passes "${RUFF_PASSES:-3}"
