#!/usr/bin/env bash
# Regenerate the bundled sample documents.
#
#   samples/src/X.fodt  --soffice-->  samples/documents/X.odt
#                                     samples/documents/X.docx
#
# The flat ODT sources are written by hand; the outputs are exactly what LibreOffice
# writes (nothing is patched afterwards). LibreOffice embeds the save time in its
# output, so regenerating changes the files even when the sources did not change.
#
# Usage: scripts/make-samples.sh [--no-install] [NAME ...]
#   NAME  a source base name (e.g. selectieleidraad-kort); default: every samples/src/*.fodt
#   --no-install  do not try to install LibreOffice when soffice is missing
# Environment: SOFFICE=/path/to/soffice to use a specific binary.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
src_dir="$repo/samples/src"
out_dir="$repo/samples/documents"

install=1
names=()
for arg in "$@"; do
    case "$arg" in
        --no-install) install=0 ;;
        -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "make-samples: unknown option $arg" >&2; exit 2 ;;
        *) names+=("${arg%.fodt}") ;;
    esac
done

die() { echo "make-samples: $*" >&2; exit 1; }

find_soffice() {
    if [[ -n "${SOFFICE:-}" ]]; then
        [[ -x "$SOFFICE" ]] && { echo "$SOFFICE"; return 0; }
        return 1
    fi
    local c
    for c in soffice libreoffice /usr/bin/soffice /usr/lib/libreoffice/program/soffice \
             /opt/libreoffice*/program/soffice \
             /Applications/LibreOffice.app/Contents/MacOS/soffice; do
        if command -v "$c" >/dev/null 2>&1; then command -v "$c"; return 0; fi
    done
    return 1
}

install_libreoffice() {
    command -v apt-get >/dev/null 2>&1 || return 1
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null 2>&1 || return 1
        sudo=(sudo)
    fi
    export DEBIAN_FRONTEND=noninteractive
    local pkg
    for pkg in libreoffice-writer-nogui libreoffice-writer; do
        echo "make-samples: installing $pkg" >&2
        if "${sudo[@]}" apt-get install -y --no-install-recommends "$pkg" >&2; then return 0; fi
        "${sudo[@]}" apt-get update >&2 || true
        if "${sudo[@]}" apt-get install -y --no-install-recommends "$pkg" >&2; then return 0; fi
    done
    return 1
}

if ! soffice=$(find_soffice); then
    if [[ $install -eq 1 ]] && install_libreoffice; then
        soffice=$(find_soffice) || true
    fi
fi
[[ -n "${soffice:-}" ]] || die "LibreOffice (soffice) is not available. Install it, e.g.
    apt-get update && apt-get install -y libreoffice-writer-nogui
or set SOFFICE=/path/to/soffice, then run this script again."

version=$("$soffice" --version 2>/dev/null | head -n1 || true)
echo "make-samples: using $soffice ($version)" >&2

if [[ ${#names[@]} -eq 0 ]]; then
    shopt -s nullglob
    for f in "$src_dir"/*.fodt; do names+=("$(basename "$f" .fodt)"); done
    shopt -u nullglob
fi
[[ ${#names[@]} -gt 0 ]] || die "no sources in $src_dir"

# A private, throw-away profile: works as root, without a desktop, and without
# touching (or being affected by) the user's own LibreOffice settings.
profile=$(mktemp -d "${TMPDIR:-/tmp}/make-samples-lo.XXXXXX")
work=$(mktemp -d "${TMPDIR:-/tmp}/make-samples-out.XXXXXX")
trap 'rm -rf "$profile" "$work"' EXIT

# Stable-as-possible output: fixed locale and time zone, and SOURCE_DATE_EPOCH for
# any part of LibreOffice that honours it.
export LC_ALL=C.UTF-8 TZ=UTC
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1768467600}"   # 2026-01-15T09:00:00Z
export SAL_USE_VCLPLUGIN=svp
# LibreOffice draws rsids and list ids from a random generator; this seeds it
# deterministically so that content.xml and settings.xml do not change between runs.
export SAL_RAND_REPEATABLE=1

run_soffice() {
    # $1 = filter spec, $2 = input file
    "$soffice" -env:UserInstallation="file://$profile" \
        --headless --invisible --nologo --nodefault --norestore --nolockcheck \
        --convert-to "$1" --outdir "$work" "$2"
}

# LibreOffice silently "repairs" broken XML, so check the sources first when we can.
well_formed() {
    if command -v xmllint >/dev/null 2>&1; then
        xmllint --noout "$1"
    elif command -v python3 >/dev/null 2>&1; then
        python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$1"
    else
        return 0
    fi
}

mkdir -p "$out_dir"
status=0
for name in "${names[@]}"; do
    src="$src_dir/$name.fodt"
    [[ -f "$src" ]] || { echo "make-samples: missing source $src" >&2; status=1; continue; }
    if ! well_formed "$src"; then
        echo "make-samples: $src is not well-formed XML" >&2; status=1; continue
    fi
    for spec in "odt" 'docx:MS Word 2007 XML'; do
        ext=${spec%%:*}
        rm -f "$work/$name.$ext"
        echo "make-samples: $name.fodt -> $name.$ext" >&2
        if ! run_soffice "$spec" "$src" >&2 || [[ ! -s "$work/$name.$ext" ]]; then
            echo "make-samples: conversion of $src to $ext failed" >&2
            status=1
            continue
        fi
        mv -f "$work/$name.$ext" "$out_dir/$name.$ext"
    done
done

[[ $status -eq 0 ]] || die "one or more conversions failed"
ls -l "$out_dir" >&2
