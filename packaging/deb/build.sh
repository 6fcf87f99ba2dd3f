#!/bin/sh
# The desktop's .deb from its one-folder bundle (scripts/package.sh deb runs this).
#
#   sh packaging/deb/build.sh BUNDLE VERSION OUTDIR   writes OUTDIR/newsdesk_VERSION_amd64.deb
#
# The bundle goes to /opt/newsdesk, /usr/bin/newsdesk points at it, the menu entry and the icons
# go where desktops look for them. The branch preset is not part of the package: IT puts it at
# /etc/newsdesk/branch.toml (an example is in /usr/share/doc/newsdesk/).
set -eu

bundle=$1
version=$2
out=$3
here=$(cd "$(dirname "$0")" && pwd)
icons=$(cd "$here/../../desktop/newsdesk/resources/icons" && pwd)

[ -x "$bundle/newsdesk" ] || { echo "deb: no bundle at $bundle (sh scripts/package.sh linux)" >&2; exit 1; }
command -v dpkg-deb >/dev/null || { echo "deb: dpkg-deb is needed (apt-get install dpkg)" >&2; exit 1; }

stage=$(mktemp -d)
chmod 755 "$stage"
trap 'rm -rf "$stage"' EXIT INT TERM
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
  "$stage/usr/share/doc/newsdesk"
cp -a "$bundle" "$stage/opt/newsdesk"
ln -s /opt/newsdesk/newsdesk "$stage/usr/bin/newsdesk"
install -m 644 "$here/newsdesk.desktop" "$stage/usr/share/applications/newsdesk.desktop"
install -m 644 "$here/branch.toml.example" "$stage/usr/share/doc/newsdesk/branch.toml.example"
for size in 16 24 32 48 64 128 256 512; do
  dir="$stage/usr/share/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$dir"
  install -m 644 "$icons/newsdesk-$size.png" "$dir/newsdesk.png"
done

# The oldest C library the bundle runs on is the newest symbol version it uses: that of the
# machine it was built on (packaging/linux/Dockerfile builds on glibc 2.28).
command -v objdump >/dev/null || { echo "deb: objdump is needed (apt-get install binutils)" >&2; exit 1; }
glibc=$(find "$bundle" -type f \( -name '*.so*' -o -name newsdesk \) -exec objdump -T {} + 2>/dev/null \
  | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -u -V | tail -n 1)
installed_kb=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@INSTALLED_SIZE@/$installed_kb/" -e "s/@GLIBC@/$glibc/" \
  "$here/control.in" > "$stage/DEBIAN/control"
install -m 755 "$here/postinst" "$here/postrm" "$stage/DEBIAN/"

mkdir -p "$out"
deb="$out/newsdesk_${version}_amd64.deb"
dpkg-deb --root-owner-group -Zzstd --build "$stage" "$deb" >/dev/null
echo "deb: $deb ($(du -h "$deb" | cut -f1))"
