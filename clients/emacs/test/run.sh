#!/usr/bin/env bash
# The Emacs client against Debian's real Emacs, Eglot and lsp-mode, in batch mode:
#   eglot-test.el    greenlight.el's Eglot setup: diagnostics through Flymake, a quick fix applied
#                    through Eglot's code actions;
#   flymake-test.el  greenlight.el's Flymake backend alone (the command line, no language server);
#   lsp-mode-test.el greenlight as an lsp-mode add-on server: diagnostics, the same quick fix.
# Each checks a fresh copy of examples/app/routers/authors.py (examples/ itself is never touched).
#
# usage: clients/emacs/test/run.sh JAR
# Installs emacs-nox, elpa-eglot and elpa-lsp-mode with apt-get when they are missing (needs root).
set -euo pipefail

jar="${1:?usage: run.sh path/to/greenlight.jar}"
if [ ! -f "$jar" ]; then
  echo "run.sh: no such jar: $jar (build it: mvn -B -q package -DskipTests)" >&2
  exit 2
fi
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"

# Debian's Emacs 28 has no Eglot of its own: elpa-eglot brings 1.9 (with project and xref);
# elpa-lsp-mode brings lsp-mode 8.0.0.
missing=()
command -v emacs >/dev/null || missing+=(emacs-nox)
for package in eglot lsp-mode; do
  compgen -G "/usr/share/emacs/site-lisp/elpa/$package-[0-9]*" >/dev/null \
    || missing+=("elpa-$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "== apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "run.sh: missing ${missing[*]}: run as root, or apt-get install ${missing[*]}" >&2
    exit 2
  fi
fi

# A fresh copy of the whole example application: GL004 in authors.py needs app/database.py to
# know what get_session yields, and the example's pyproject.toml selects every rule.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

status=0
for test in eglot-test flymake-test lsp-mode-test; do
  echo "== emacs --batch: $test"
  rm -rf "$work/examples"
  cp -r "$repo/examples" "$work/examples"
  if ! GREENLIGHT_TEST_JAR="$jar" GREENLIGHT_TEST_FILE="$work/examples/app/routers/authors.py" \
      GREENLIGHT_TEST_RESULTS="$work/eglot-findings.eld" \
      timeout --kill-after=5 120 \
        emacs --batch -Q -L "$here/.." -l "$here/helpers.el" -l "$here/$test.el"; then
    echo "FAILED: $test" >&2
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "emacs client: all tests passed"
exit "$status"
