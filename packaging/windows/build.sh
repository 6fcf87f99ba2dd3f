#!/bin/sh
# Build the Windows installers around a one-folder bundle of the desktop:
#
#   sh packaging/windows/build.sh [BUNDLE_DIR] [OUTDIR]
#
# BUNDLE_DIR (default dist/newsdesk) holds newsdesk.exe and what it loads; OUTDIR (default dist)
# receives newsdesk-VERSION-setup.exe (NSIS: Chinese and English pages, per user or per machine)
# and newsdesk-VERSION.msi (wixl: silent deployment with msiexec /qn SERVER_URL=… BRANCH=…).
# VERSION is the project's, from pyproject.toml. Needs makensis (Debian: nsis) and wixl, wixl-heat
# and msibuild (Debian: wixl, msitools); works on Linux and on Windows (Git Bash / MSYS).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bundle=${1:-$root/dist/newsdesk}
outdir=${2:-$root/dist}

# On Windows (MSYS2 / Git Bash) Python and makensis are native programs: give them Windows paths.
native() { if command -v cygpath >/dev/null 2>&1; then cygpath -m "$1"; else printf '%s' "$1"; fi; }
fail() { echo "packaging/windows/build.sh: $*" >&2; exit 1; }

[ -d "$bundle" ] || fail "no bundle folder at $bundle (build it first, or name it)"
[ -f "$bundle/newsdesk.exe" ] || fail "$bundle holds no newsdesk.exe: not a Windows bundle"
for tool in makensis wixl wixl-heat msibuild; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (Debian: apt install nsis wixl msitools)"
done
python=${PYTHON:-python3}
# The package's own literal (pyproject.toml takes it from there), read without importing it.
version=$("$python" -c 'import ast, sys; print(next(n.value.value for n in ast.parse(open(sys.argv[1], encoding="utf-8").read()).body if isinstance(n, ast.Assign) and n.targets[0].id == "__version__"))' "$(native "$root/desktop/newsdesk/__init__.py")")
# Windows wants a version of numbers only (1.2.0); a pre-release (1.2.0rc1) keeps its name.
numeric=$(printf '%s\n' "$version" | sed -E 's/^([0-9]+(\.[0-9]+){0,2}).*/\1/')
case "$numeric" in
  *.*.*) ;;
  *.*) numeric="$numeric.0" ;;
  *) numeric="$numeric.0.0" ;;
esac

mkdir -p "$outdir"
bundle=$(cd "$bundle" && pwd)
outdir=$(cd "$outdir" && pwd)
icon="$root/desktop/newsdesk/resources/icons/newsdesk.ico"
setup="$outdir/newsdesk-$version-setup.exe"
msi="$outdir/newsdesk-$version.msi"

echo "NSIS installer: $setup"
makensis -V2 -WX -NOCD -DVERSION="$numeric" -DSRCDIR="$(native "$bundle")" -DICON="$(native "$icon")" \
  -DOUTFILE="$(native "$setup")" "$(native "$here/newsdesk.nsi")"

echo "MSI: $msi"
# wixl wants the bundle's files listed (wixl-heat) with a source folder relative to where it
# runs: work beside the bundle, in a folder of our own.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ln -s "$bundle" "$work/bundle" 2>/dev/null || cp -R "$bundle" "$work/bundle"
cp "$icon" "$work/newsdesk.ico"
(
  cd "$work"
  find bundle/ -type f | LC_ALL=C sort | wixl-heat -p bundle/ --component-group BundleFiles \
    --directory-ref INSTALLDIR --var var.SrcDir --win64 > files.wxs
  wixl -a x64 -D Win64=yes -D Version="$numeric" -D SrcDir=bundle -D IconFile=newsdesk.ico \
    -o newsdesk.msi "$here/newsdesk.wxs" files.wxs
  # wixl cannot mark properties secure beside MajorUpgrade's own: without it a managed or
  # elevated install drops SERVER_URL and the others given on the command line.
  msibuild newsdesk.msi -q "UPDATE \`Property\` SET \`Value\` = 'WIX_DOWNGRADE_DETECTED;WIX_UPGRADE_DETECTED;SERVER_URL;BRANCH;CA_FILE;CHANNELS;LANGUAGE;UPDATES' WHERE \`Property\` = 'SecureCustomProperties'"
)
mv "$work/newsdesk.msi" "$msi"
echo "Built $setup and $msi"
