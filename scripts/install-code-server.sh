#!/usr/bin/env bash
# Installs code-server (a real VS Code server + web workbench) from the npm registry into a cache folder
# outside the repository, because @vscode/test-electron cannot download VS Code on machines without internet.
# Idempotent: a finished install is marked with a stamp file and reused.
set -euo pipefail
VERSION=4.100.3
CACHE="${AWS_HISTORY_CACHE:-$HOME/.cache/aws-history-explorer}"
DIR="$CACHE/code-server-$VERSION"
STAMP="$DIR/.installed"
if [ -f "$STAMP" ]; then
  echo "$DIR"
  exit 0
fi
log() { echo "[install-code-server] $*" >&2; }
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v rg >/dev/null || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v pkg-config >/dev/null || need_apt+=(pkg-config)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >&2
fi
rm -rf "$DIR"
mkdir -p "$DIR"
cd "$DIR"
log "npm install code-server@$VERSION into $DIR"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION" >&2
npm_config_yes=true npm rebuild argon2 >&2
cd node_modules/code-server/lib/vscode
npm install --no-audit --no-fund --omit=dev --ignore-scripts >&2
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm_config_yes=true npm rebuild node-pty @parcel/watcher @vscode/spdlog kerberos native-watchdog @vscode/deviceid >&2
ln -sfn node_modules node_modules.asar
(cd extensions && npm install --no-audit --no-fund --omit=dev --ignore-scripts >&2)
touch "$STAMP"
log "done"
echo "$DIR"
