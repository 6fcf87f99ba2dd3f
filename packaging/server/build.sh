#!/bin/sh
# Build the sync service's Debian package: dist/newsdesk-server_<version>_<arch>.deb
#
#   sh packaging/server/build.sh [OUTDIR]
#
# The package carries a virtual environment under /opt/newsdesk-server on the system's own
# Python (/usr/bin/python3 here, so the package depends on that exact python3.X): the newsdesk
# wheel and its dependencies except the desktop's Qt (PySide6, qasync), which the service never
# imports. The environment is built in a staging folder and made to run from /opt: its scripts'
# first lines are rewritten; nothing else in a venv names its own folder (Python fixes the
# compiled files' source paths when it loads them). PYTHON names another system interpreter;
# BUILD_PYTHON the environment whose pip and setuptools build it (default: .venv).
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/packaging/server"
out=${1:-"$root/dist"}
mkdir -p "$out"
out=$(cd "$out" && pwd)

target_python=$(readlink -f "${PYTHON:-/usr/bin/python3}")
builder=${BUILD_PYTHON:-"$root/.venv/bin/python"}
pyver=$("$target_python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
arch=$(dpkg --print-architecture)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
stage="$work/root"
prefix=/opt/newsdesk-server
venv="$stage$prefix"

"$target_python" -m venv --without-pip "$venv"
# The builder's own setuptools when it is recent enough (no download), else pip fetches one.
isolation=--no-build-isolation
"$builder" -c 'import setuptools, sys; sys.exit(int(setuptools.__version__.split(".")[0]) < 70)' \
  2>/dev/null || isolation=
"$builder" -m pip wheel -q --no-deps $isolation -w "$work/wheel" "$root"
"$builder" - "$root/pyproject.toml" >"$work/requirements.txt" <<'PY'
import re
import sys
import tomllib

DESKTOP_ONLY = {"pyside6", "qasync"}
with open(sys.argv[1], "rb") as file:
    for requirement in tomllib.load(file)["project"]["dependencies"]:
        name = re.match(r"[A-Za-z0-9._-]+", requirement).group(0)
        if name.lower() not in DESKTOP_ONLY:
            print(requirement)
PY
"$builder" -m pip --python "$venv/bin/python" install -q --disable-pip-version-check \
  -r "$work/requirements.txt"
"$builder" -m pip --python "$venv/bin/python" install -q --disable-pip-version-check --no-deps \
  "$work"/wheel/newsdesk-*.whl

if "$venv/bin/python" -c 'import importlib.util, sys; sys.exit(importlib.util.find_spec("PySide6") is None)'; then
  echo "PySide6 got into the server's environment" >&2
  exit 1
fi
version=$("$venv/bin/python" -c 'from importlib.metadata import version; print(version("newsdesk"))')
"$venv/bin/newsdesk-server" --version >/dev/null

# From the staging folder to /opt: the scripts' interpreters and the venv's record of its making.
rm -f "$venv"/bin/activate* "$venv/bin/Activate.ps1" "$venv/bin/newsdesk" \
  "$venv"/lib/python*/site-packages/newsdesk-*.dist-info/direct_url.json
for script in "$venv"/bin/*; do
  if [ -f "$script" ] && [ ! -L "$script" ] && head -n 1 "$script" | grep -q "^#!$venv/bin/"; then
    sed -i "1s|^#!$venv/bin/|#!$prefix/bin/|" "$script"
  fi
done
sed -i "s|$venv|$prefix|g" "$venv/pyvenv.cfg"
if grep -rIl --exclude-dir=__pycache__ "$work" "$venv" >"$work/stale"; then
  echo "Files still name the staging folder:" >&2
  cat "$work/stale" >&2
  exit 1
fi

mkdir -p "$stage/usr/bin" "$stage/etc/newsdesk" "$stage/lib/systemd/system" \
  "$stage/usr/share/doc/newsdesk-server" "$stage/DEBIAN"
ln -s "$prefix/bin/newsdesk-server" "$stage/usr/bin/newsdesk-server"
install -m 0644 "$here/server.toml" "$stage/etc/newsdesk/server.toml"
install -m 0644 "$here/newsdesk-server.service" "$stage/lib/systemd/system/newsdesk-server.service"
# newsdesk-server@PORT: more `serve` processes of the same configuration, one per port, for a
# reverse proxy to share the load between.
sed -e 's|^Description=.*|&, port %i|' -e 's|^ExecStart=.*/server\.toml$|& --port %i|' \
  "$here/newsdesk-server.service" >"$stage/lib/systemd/system/newsdesk-server@.service"
grep -q -- '--port %i$' "$stage/lib/systemd/system/newsdesk-server@.service"
install -m 0644 "$here/README.Debian" "$stage/usr/share/doc/newsdesk-server/README.Debian"
for script in postinst prerm postrm; do
  install -m 0755 "$here/debian/$script" "$stage/DEBIAN/$script"
done
install -m 0644 "$here/debian/conffiles" "$stage/DEBIAN/conffiles"
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f 1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@PYTHON@/python$pyver/" \
  -e "s/@SIZE@/$size/" "$here/debian/control" >"$stage/DEBIAN/control"

deb="$out/newsdesk-server_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zzstd --build "$stage" "$deb" >/dev/null
echo "$deb"
