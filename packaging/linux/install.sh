#!/usr/bin/env bash
# Install the Linux kisdesk bundle (the onedir folder PyInstaller made) with a menu entry and
# icons. Per user by default; PREFIX=/usr/local (as root) installs for everyone.
#
#   dist/kisdesk/install.sh              # the copy build-bundle puts next to the executable
#   packaging/linux/install.sh [BUNDLE]  # from a checkout (BUNDLE defaults to dist/kisdesk)
#   install.sh --uninstall
#
# Puts the bundle in $PREFIX/opt/kisdesk, a link in $PREFIX/bin, kisdesk.desktop in
# $PREFIX/share/applications and the icons in the hicolor theme.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
prefix="${PREFIX:-$HOME/.local}"
apps="$prefix/share/applications"
icons="$prefix/share/icons/hicolor"
target="$prefix/opt/kisdesk"

refresh() {
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$apps" 2>/dev/null || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$icons" 2>/dev/null || true
}

if [ "${1:-}" = --uninstall ]; then
  rm -rf "$target"
  rm -f "$prefix/bin/kisdesk" "$apps/kisdesk.desktop"
  find "$icons" -path '*/apps/kisdesk.*' -delete 2>/dev/null || true
  refresh
  echo "kisdesk: uninstalled from $prefix"
  exit 0
fi

if [ -n "${1:-}" ]; then
  bundle="$(cd "$1" && pwd)"
elif [ -x "$here/kisdesk" ] && [ -d "$here/_internal" ]; then
  bundle="$here"
else
  bundle="$(cd "$here/../.." && pwd)/dist/kisdesk"
fi
[ -x "$bundle/kisdesk" ] || { echo "install: no kisdesk bundle at $bundle (run scripts/build-bundle)" >&2; exit 1; }
desktop="$here/kisdesk.desktop"
icon_dir="$bundle/_internal/kisdesk/resources/icons"

if [ "$bundle" != "$target" ]; then
  rm -rf "$target"
  mkdir -p "$(dirname "$target")"
  cp -a "$bundle" "$target"
fi
mkdir -p "$prefix/bin" "$apps"
ln -sf "$target/kisdesk" "$prefix/bin/kisdesk"
# Absolute Exec, so the menu entry works even when $prefix/bin is not on PATH.
sed "s|^Exec=kisdesk|Exec=$target/kisdesk|" "$desktop" > "$apps/kisdesk.desktop"
for png in "$icon_dir"/kisdesk-*.png; do
  size="$(basename "$png" .png)"; size="${size#kisdesk-}"
  install -D -m 644 "$png" "$icons/${size}x${size}/apps/kisdesk.png"
done
install -D -m 644 "$icon_dir/kisdesk.svg" "$icons/scalable/apps/kisdesk.svg"
refresh
echo "kisdesk: installed in $target; start it from the menu or with $prefix/bin/kisdesk"
