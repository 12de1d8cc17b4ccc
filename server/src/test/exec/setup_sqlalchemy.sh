#!/usr/bin/env bash
# Prepares real SQLAlchemy 2.0 for the execution check of the fixtures (run_fixtures.py).
#
# This Debian release ships SQLAlchemy 1.4 only. The next release's packages of SQLAlchemy 2.0,
# aiosqlite, typing-extensions and FastAPI with its pure-Python dependencies are architecture
# independent, so they are fetched with `apt-get download` through a private apt configuration
# (its own sources list, lists and cache in the cache folder; the system's sources are never
# touched) and unpacked with `dpkg -x`. The archive's address is read from this machine's own apt
# configuration at run time. greenlet and pydantic (compiled) come from this machine's own
# release with `apt-get install`.
#
# Prints the PYTHONPATH to use on its last line. Idempotent: a second run only checks.
set -euo pipefail

CACHE="${GREENLIGHT_CACHE:-$HOME/.cache/greenlight}/sqlalchemy-2.0"
SITE="$CACHE/site"
APT_DIR="$CACHE/apt"

# Packages of the next release, unpacked into $SITE (the names are Debian's).
NEXT_PACKAGES=(python3-sqlalchemy python3-typing-extensions python3-aiosqlite
  python3-fastapi python3-starlette python3-anyio python3-sniffio)
# Packages of this machine's release, installed the ordinary way.
OWN_PACKAGES=(python3-greenlet python3-pydantic python3-idna)

log() { echo "setup_sqlalchemy: $*" >&2; }

codename() {
  # shellcheck disable=SC1091
  . /etc/os-release
  echo "${VERSION_CODENAME:-}"
}

next_codename() {
  case "$1" in
    bullseye) echo bookworm ;;
    bookworm) echo trixie ;;
    trixie) echo forky ;;
    *) echo "" ;;
  esac
}

# The URI of the machine's main Debian archive (the one serving its own codename, not security).
archive_uri() {
  local own="$1" file
  for file in /etc/apt/sources.list.d/*.sources; do
    [ -f "$file" ] || continue
    # deb822 stanzas: print the URIs of each stanza whose Suites include the own codename.
    awk -v own="$own" '
      BEGIN { RS=""; FS="\n" }
      {
        uris=""; suites=""
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^URIs:/) { uris = $i; sub(/^URIs:[ \t]*/, "", uris) }
          if ($i ~ /^Suites:/) { suites = " " $i " "; sub(/^ Suites:/, "", suites) }
        }
        if (uris != "" && index(suites, " " own " ") > 0) { split(uris, u, /[ \t]+/); print u[1] }
      }' "$file"
  done
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$file" ] || continue
    awk -v own="$own" '
      $1 == "deb" {
        n = 2; if ($2 ~ /^\[/) { while (n <= NF && $n !~ /\]$/) n++; n++ }
        if ($(n + 1) == own) print $n
      }' "$file"
  done
}

python_for_check() {
  # The interpreter the runner uses: the machine's Debian python3 sees dist-packages.
  if [ -x /usr/bin/python3 ]; then echo /usr/bin/python3; else command -v python3; fi
}

main() {
  local own next uri
  own="$(codename)"
  next="${GREENLIGHT_NEXT_SUITE:-$(next_codename "$own")}"
  if [ -z "$own" ] || [ -z "$next" ]; then
    log "cannot tell this machine's Debian release (VERSION_CODENAME='$own')"
    exit 2
  fi

  local missing=()
  local package
  for package in "${OWN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    log "installing ${missing[*]} from $own"
    if [ "$(id -u)" -ne 0 ]; then
      log "need root to install ${missing[*]}"
      exit 2
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi

  if [ ! -f "$SITE/.complete" ]; then
    uri="$(archive_uri "$own" | grep -v -- '-security' | head -n 1 || true)"
    if [ -z "$uri" ]; then
      log "no Debian archive for '$own' found in this machine's apt sources"
      exit 2
    fi
    log "fetching ${NEXT_PACKAGES[*]} from $next"
    rm -rf "$APT_DIR" "$SITE.partial"
    mkdir -p "$APT_DIR/lists/partial" "$APT_DIR/cache/archives/partial" "$APT_DIR/parts" \
      "$APT_DIR/preferences.d" "$APT_DIR/debs" "$SITE.partial"
    local keyring=/usr/share/keyrings/debian-archive-keyring.gpg
    echo "deb [signed-by=$keyring] $uri $next main" >"$APT_DIR/sources.list"
    : >"$APT_DIR/status"
    local apt_options=(
      -o "Dir::Etc::sourcelist=$APT_DIR/sources.list"
      -o "Dir::Etc::sourceparts=$APT_DIR/parts"
      -o "Dir::Etc::preferences=$APT_DIR/preferences"
      -o "Dir::Etc::preferencesparts=$APT_DIR/preferences.d"
      -o "Dir::State::Lists=$APT_DIR/lists"
      -o "Dir::State::status=$APT_DIR/status"
      -o "Dir::Cache=$APT_DIR/cache"
      -o "APT::Default-Release="
      -o "Acquire::Languages=none"
      -o "Debug::NoLocking=true"
      -o "APT::Sandbox::User=root"
    )
    apt-get "${apt_options[@]}" -qq update
    (cd "$APT_DIR/debs" && apt-get "${apt_options[@]}" -qq download "${NEXT_PACKAGES[@]}")
    local deb
    for deb in "$APT_DIR"/debs/*.deb; do
      dpkg -x "$deb" "$SITE.partial"
    done
    rm -rf "$SITE"
    mv "$SITE.partial" "$SITE"
    (cd "$APT_DIR/debs" && ls -1 ./*.deb) >"$SITE/.complete"
  fi

  local python dist
  python="$(python_for_check)"
  dist="$(dirname "$("$python" -c 'import greenlet, os; print(os.path.dirname(greenlet.__file__))' 2>/dev/null || echo /usr/lib/python3/dist-packages/greenlet)")"
  local path="$SITE/usr/lib/python3/dist-packages:$dist"
  if ! PYTHONPATH="$path" "$python" -c 'import sqlalchemy, aiosqlite, greenlet, fastapi; assert sqlalchemy.__version__.startswith("2.")' 2>/dev/null; then
    log "SQLAlchemy 2.0 does not import with $python and PYTHONPATH=$path"
    PYTHONPATH="$path" "$python" -c 'import sqlalchemy, aiosqlite, greenlet, fastapi' >&2 || true
    exit 1
  fi
  log "ready: $(PYTHONPATH="$path" "$python" -c 'import sqlalchemy, fastapi, pydantic; print("SQLAlchemy", sqlalchemy.__version__, "FastAPI", fastapi.__version__, "pydantic", pydantic.VERSION)') with $python"
  echo "$path"
}

main "$@"
