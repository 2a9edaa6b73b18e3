#!/usr/bin/env bash
# Make sure the Debian/Ubuntu packages Qt's xcb platform (and, for tests, Xvfb) need are present.
# As root: installs what is missing with apt-get. Otherwise: prints the exact command and fails.
# Usage: scripts/system-deps.sh [run|test]
set -euo pipefail
purpose=${1:-run}
packages=(libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon0
  libfontconfig1 libdbus-1-3 libegl1 libgl1 libgl1-mesa-dri libegl-mesa0 libglx-mesa0)
if [ "$purpose" = test ]; then
  packages+=(xvfb xauth)
fi
if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian/Ubuntu system; make sure Qt's xcb libraries (and Xvfb for tests) are installed." >&2
  exit 0
fi
missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "system-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "system-deps: missing system packages. Install them with:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
