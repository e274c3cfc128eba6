#!/usr/bin/env bash
# Installs the C libraries dossier builds against (Debian packages) when they are missing.
set -euo pipefail

need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if command -v pkg-config >/dev/null 2>&1; then
  pkg-config --exists libzip 2>/dev/null || need+=(libzip-dev)
  pkg-config --exists libxml-2.0 2>/dev/null || need+=(libxml2-dev)
  pkg-config --exists poppler-glib 2>/dev/null || need+=(libpoppler-glib-dev)
else
  need+=(libzip-dev libxml2-dev libpoppler-glib-dev)
fi
[ ${#need[@]} -eq 0 ] && exit 0

echo "dossier: installing ${need[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "dossier: please install as root: apt-get install -y ${need[*]}" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y -q "${need[@]}" >/dev/null 2>&1 || {
  $sudo apt-get update -q >/dev/null
  $sudo apt-get install -y -q "${need[@]}" >/dev/null
}
