#!/bin/sh
# Set up Newsdesk on a fresh Debian/Ubuntu machine, then run it or its tests.
#
#   sh scripts/bootstrap.sh demo [ARGS...]   install, then create and open the demo newsroom
#   sh scripts/bootstrap.sh test [ARGS...]   install with test tools, then run the whole suite
#
# System packages: Qt's runtime libraries and a Simplified Chinese font (without one Qt draws
# Chinese as empty boxes). Python packages go into .venv beside this checkout.
set -eu

mode=${1:-}
case "$mode" in
  demo|test) shift ;;
  *) echo "usage: sh scripts/bootstrap.sh demo|test [ARGS...]" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

packages="libgl1 libegl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xkb1 libx11-xcb1
  fonts-noto-cjk"
if [ "$mode" = test ]; then
  # binutils: PyInstaller reads the bundle's libraries with objdump (tests/packaging).
  packages="$packages e2fsprogs chromium nginx openssl binutils nsis wixl msitools"
fi

if command -v apt-get >/dev/null 2>&1; then
  missing=""
  for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing system packages:$missing"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
  fi
else
  echo "Not a Debian-like system: install Qt 6's runtime libraries and a CJK font yourself." >&2
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
if [ "$mode" = test ]; then
  .venv/bin/python -m pip install -q -e ".[test]"
  export QT_QPA_PLATFORM=offscreen
  exec .venv/bin/python -m pytest "$@"
fi
.venv/bin/python -m pip install -q -e .
exec .venv/bin/newsdesk demo "$@"
