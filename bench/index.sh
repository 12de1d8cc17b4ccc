#!/usr/bin/env bash
# The workspace index: indexing ~100,000 lines of copies of examples/ (cold and warm), and the
# re-check of an open routes module after an edit of the models module. See IndexBenchmark.
#
#   bash bench/index.sh [LINES] [EDITS]
#
# Environment: MVN_ARGS (extra Maven arguments, e.g. -o), JAVA_OPTS.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
log="$root/server/target/bench-build.log"
mkdir -p "$root/server/target"
if ! { mvn -q -B ${MVN_ARGS:-} install -DskipTests && mvn -q -B ${MVN_ARGS:-} -pl server test-compile; } >"$log" 2>&1; then
    cat "$log" >&2
    exit 1
fi
echo "{\"loadavg\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}"
exec java ${JAVA_OPTS:--Xss16m -Xmx2g} -cp "$root/server/target/greenlight.jar:$root/server/target/test-classes" \
    dev.greenlight.bench.IndexBenchmark "$root/examples" "$@"
