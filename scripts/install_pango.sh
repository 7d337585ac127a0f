#!/usr/bin/env bash
# Install the Debian libraries WeasyPrint (the period report's PDF) needs, only when missing.
set -euo pipefail

PACKAGES="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"
# Each package by name: WeasyPrint imports without HarfBuzz-Subset (only a warning, which the
# tests treat as an error), so "import weasyprint" is not the check.
missing=""
for package in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" \
    || missing="$missing $package"
done
if [ -z "$missing" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "install_pango.sh: WeasyPrint cannot load Pango and this is not root (no sudo)." >&2
  echo "Run as root: apt-get update && apt-get install -y $PACKAGES" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
# shellcheck disable=SC2086
$sudo apt-get install -y --no-install-recommends $missing
