#!/usr/bin/env bash
# Set up a development copy of kisdesk on Debian/Ubuntu (or any machine with Python >= 3.11):
# the system libraries Qt needs, a Korean font, a venv in .venv and the package with its test extras.
# Idempotent: a second run only checks. Sourced by scripts/demo and scripts/test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

APT_PACKAGES=(
  # Qt from a venv, offscreen or on X11 (xcb); see TOOLCHAIN notes in the README.
  libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libxkbcommon0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0
  libxkbcommon-x11-0 xvfb xauth
  # Hangul renders as boxes without a CJK font.
  fonts-nanum
)

install_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian: install Qt's deps yourself
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ! "${PYTHON:-python3}" -c 'import venv, ensurepip' >/dev/null 2>&1; then
    missing+=(python3-venv)
  fi
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

make_venv() {
  local py="${PYTHON:-python3}"
  "$py" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || {
    echo "setup: kisdesk needs Python 3.11 or newer (found $("$py" --version 2>&1))" >&2; exit 1; }
  [ -x .venv/bin/python ] || "$py" -m venv .venv
  # Reinstall only when pyproject.toml changed since the last install.
  local stamp=.venv/.kisdesk-installed
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "setup: installing kisdesk and its test extras into .venv"
    .venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
    .venv/bin/python -m pip install -q -e '.[test]'
    touch "$stamp"
  fi
}

install_system_packages
make_venv
export LANG="${LANG:-C.UTF-8}"
