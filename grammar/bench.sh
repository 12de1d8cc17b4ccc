#!/usr/bin/env bash
# Parsing benchmark: greenlight's parser over the standard library of the python3 on PATH,
# single-threaded, cold and warm, compared with CPython's ast.parse in the same run.
#
#   grammar/bench.sh [--passes N] [--dir DIR] [--no-cpython]
#
# Environment: MVN_ARGS (extra Maven arguments, e.g. -o), JAVA_OPTS (default -Xss16m -Xmx2g).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
classpath_file="$root/grammar/target/bench-classpath.txt"

# Compile main and test classes, and write the test class path (dependencies) to a file.
mkdir -p "$root/grammar/target"
build_log="$root/grammar/target/bench-build.log"
if ! mvn -q -B ${MVN_ARGS:-} -pl grammar test-compile dependency:build-classpath \
    -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test >"$build_log" 2>&1; then
    cat "$build_log" >&2
    exit 1
fi

exec java ${JAVA_OPTS:--Xss16m -Xmx2g} \
    -cp "$root/grammar/target/test-classes:$root/grammar/target/classes:$(cat "$classpath_file")" \
    dev.greenlight.python.bench.ParseBenchmark "$@"
