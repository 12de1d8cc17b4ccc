#!/usr/bin/env bash
# The execution check: prepares SQLAlchemy 2.0 (setup_sqlalchemy.sh), then runs every runnable
# fixture under server/src/test/resources/fixtures with it (run_fixtures.py).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
pythonpath="$(bash "$here/setup_sqlalchemy.sh" | tail -n 1)"
python=/usr/bin/python3
[ -x "$python" ] || python="$(command -v python3)"
PYTHONPATH="$pythonpath" "$python" "$here/run_fixtures.py" "$root/server/src/test/resources/fixtures"
