#!/bin/sh
# Build what branches and the newsroom install, into dist/.
#
#   sh scripts/package.sh linux                     the desktop's one-folder bundle, dist/newsdesk/
#   sh scripts/package.sh deb                       the bundle, then dist/newsdesk_<version>_amd64.deb
#   sh scripts/package.sh server-deb [ARGS...]      the sync service's .deb (packaging/server/)
#   sh scripts/package.sh windows-installer [ARGS...]  NSIS and MSI installers (packaging/windows/)
#
# Runs with the checkout's .venv (sh scripts/bootstrap.sh test makes it); PYTHON names another
# interpreter with Newsdesk and PyInstaller installed. DIST names another output folder.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
python=${PYTHON:-$root/.venv/bin/python}
dist=${DIST:-$root/dist}
target=${1:-}
[ $# -gt 0 ] && shift

version() {
  "$python" -c 'from importlib.metadata import version; print(version("newsdesk"))'
}

build_bundle() {
  if ! "$python" -c 'import PyInstaller' 2>/dev/null; then
    echo "package.sh: PyInstaller is not installed for $python (pip install -e '.[test]')" >&2
    exit 1
  fi
  work=${PYINSTALLER_WORK:-$root/build/pyinstaller}
  "$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$dist" --workpath "$work" packaging/pyinstaller/newsdesk.spec
  echo "bundle: $dist/newsdesk ($(du -sh "$dist/newsdesk" | cut -f1))"
}

dispatch() {
  script=$1
  shift
  if [ ! -f "$script" ]; then
    echo "package.sh: $script is missing from this checkout; it builds that target." >&2
    exit 1
  fi
  exec sh "$script" "$@"
}

case "$target" in
  linux)
    build_bundle
    ;;
  deb)
    # An existing bundle is packaged as it is (it may come from packaging/linux/Dockerfile).
    if [ ! -x "$dist/newsdesk/newsdesk" ]; then
      build_bundle
    elif [ -n "$(find desktop/newsdesk packaging/pyinstaller -newer "$dist/newsdesk/newsdesk" -type f ! -name '*.pyc' | head -n 1)" ]; then
      echo "package.sh: note: $dist/newsdesk is older than the sources; 'package.sh linux' rebuilds it" >&2
    fi
    sh packaging/deb/build.sh "$dist/newsdesk" "$(version)" "$dist"
    ;;
  server-deb)
    dispatch packaging/server/build.sh "$@"
    ;;
  windows-installer)
    dispatch packaging/windows/build.sh "$@"
    ;;
  *)
    echo "usage: sh scripts/package.sh linux|deb|server-deb|windows-installer [ARGS...]" >&2
    exit 2
    ;;
esac
