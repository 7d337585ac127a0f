#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests, only when it is missing (idempotent).
# Playwright drives this binary through executable_path; its own browser download is not used.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "install_chromium.sh: /usr/bin/chromium is missing and this is not root (no sudo)." >&2
  echo "Run as root: apt-get update && apt-get install -y chromium" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends chromium fonts-liberation
/usr/bin/chromium --version
