#!/usr/bin/env bash
# Installs what a fresh machine lacks, so the README's commands work on their own:
# Debian's Chromium and Firefox ESR (browsers never come from a download step) and the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v "${CHROMIUM_PATH:-/usr/bin/chromium}" >/dev/null 2>&1 || missing+=(chromium)
command -v "${FIREFOX_PATH:-/usr/bin/firefox-esr}" >/dev/null 2>&1 || missing+=(firefox-esr)
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]} from Debian's packages"
  as_root=()
  [ "$(id -u)" = 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
fi
