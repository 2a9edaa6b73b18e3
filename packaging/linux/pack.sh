#!/usr/bin/env bash
# Lay the PyInstaller folder out for a person and pack it: `packaging/linux/pack.sh` (make dist).
#   dist/leg-atlas-VERSION-linux-ARCH/
#     leg-atlas            the launcher (double-click it, or ./leg-atlas)
#     leg-atlas.desktop    the menu entry (also installable with ./leg-atlas --install-menu-entry)
#     leg-atlas.png        the icon (scripts/make_icon.py)
#     LegAtlas/            the program and everything it needs, Python included
# and dist/leg-atlas-VERSION-linux-ARCH.tar.gz of that folder.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$root/viewer/__init__.py")
name="leg-atlas-$version-linux-$(uname -m)"
stage="$root/dist/$name"
[ -x "$root/dist/LegAtlas/legatlas" ] || { echo "pack.sh: build dist/LegAtlas first (make dist)" >&2; exit 1; }
rm -rf "$stage" "$stage.tar.gz"
mkdir -p "$stage"
cp -a "$root/dist/LegAtlas" "$stage/LegAtlas"
install -m 755 "$root/packaging/linux/leg-atlas" "$stage/leg-atlas"
install -m 644 "$root/packaging/linux/leg-atlas.desktop" "$stage/leg-atlas.desktop"
install -m 644 "$root/build/icon/legatlas.png" "$stage/leg-atlas.png"
tar -C "$root/dist" -czf "$stage.tar.gz.partial" "$name"
mv "$stage.tar.gz.partial" "$stage.tar.gz"
echo "packed $stage.tar.gz ($(du -sh "$stage.tar.gz" | cut -f1) packed, $(du -sh "$stage" | cut -f1) unpacked)"
