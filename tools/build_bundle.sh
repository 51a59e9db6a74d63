#!/usr/bin/env bash
# Build the installable desktop bundle on Linux, all into dist/:
#   dist/mzdesk/                          the one-folder PyInstaller bundle (build.spec)
#   dist/mzdesk_<version>_linux_<arch>.tar.gz   the same folder, packed
#   dist/mzdesk_<version>_<arch>.deb      for Debian-based systems (Debian, UOS, Kylin):
#                                         /opt/mzdesk, /usr/bin/mzdesk, desktop entry, icon
# Prints the bundle's size and fails when it is 150 MB or more. Needs uv, gcc (tools/trim_icu.py)
# and dpkg-dev (dpkg-deb, dpkg-shlibdeps).
#   bash tools/build_bundle.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
limit_mb=150

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' pyproject.toml | head -n 1)
arch=$(dpkg --print-architecture)
[ -n "$version" ] || { echo "no version in pyproject.toml" >&2; exit 1; }
started=$(date +%s)

# The bundle is built from a venv of its own holding only the run-time dependencies (no dev
# group: pytest, mypy, hypothesis … must not end up in it), at the locked versions.
export UV_PROJECT_ENVIRONMENT="$root/build/bundle-venv"
uv sync --quiet --no-dev --group bundle
rm -rf dist/mzdesk
uv run --no-sync pyinstaller --noconfirm --log-level WARN \
  --distpath "$root/dist" --workpath "$root/build/pyinstaller" build.spec

bundle="$root/dist/mzdesk"
size_mb=$(du -sm "$bundle" | cut -f1)
echo "bundle: $bundle — ${size_mb} MB (limit ${limit_mb} MB)"
echo "largest parts (PySide6 without its Qt/lib):"
du -sm "$bundle"/_internal/PySide6/Qt/lib/* "$bundle"/mzdesk "$bundle"/_internal/* 2>/dev/null \
  | sort -rn | head -n 8 | sed 's/^/  /'
if [ "$size_mb" -ge "$limit_mb" ]; then
  echo "the bundle is ${size_mb} MB, not under ${limit_mb} MB" >&2
  exit 1
fi

# Every ELF file's libraries must resolve: inside the bundle, or in the system (then the .deb
# depends on the package that has it). A library pruned too eagerly fails here.
mapfile -t elfs < <(find "$bundle" -type f \( -name '*.so*' -o -name mzdesk \) -print0 \
  | xargs -0 -n 64 sh -c 'for f; do head -c 4 "$f" | grep -q ELF && echo "$f"; done' _)
libdirs=$(printf '%s\n' "${elfs[@]}" | xargs -n 1 dirname | sort -u | paste -sd:)
missing=$(for elf in "${elfs[@]}"; do
  LD_LIBRARY_PATH="$libdirs" ldd "$elf" 2>/dev/null | sed -n "s|^\s*\(\S*\) => not found|\1 (${elf#"$bundle"/})|p"
done | sort -u)
if [ -n "$missing" ]; then
  echo "libraries neither in the bundle nor in this system:" >&2
  echo "$missing" >&2
  exit 1
fi

tarball="dist/mzdesk_${version}_linux_${arch}.tar.gz"
tar -C dist -czf "$tarball" mzdesk

# The .deb, staged under build/deb/root with Debian's own tools.
stage="$root/build/deb"
rm -rf "$stage"
mkdir -p "$stage/debian" "$stage/root/DEBIAN" "$stage/root/opt" "$stage/root/usr/bin" \
  "$stage/root/usr/share/applications" "$stage/root/usr/share/doc/mzdesk" \
  "$stage/root/usr/share/icons/hicolor/scalable/apps"
cp -a "$bundle" "$stage/root/opt/mzdesk"
ln -s /opt/mzdesk/mzdesk "$stage/root/usr/bin/mzdesk"
install -m 644 packaging/mzdesk.desktop "$stage/root/usr/share/applications/mzdesk.desktop"
install -m 644 packaging/copyright "$stage/root/usr/share/doc/mzdesk/copyright"
install -m 644 resources/icons/mzdesk.svg "$stage/root/usr/share/icons/hicolor/scalable/apps/"
for px in 48 128 256; do
  mkdir -p "$stage/root/usr/share/icons/hicolor/${px}x${px}/apps"
  install -m 644 "resources/icons/mzdesk-${px}.png" \
    "$stage/root/usr/share/icons/hicolor/${px}x${px}/apps/mzdesk.png"
done

# Depends: dpkg-shlibdeps reads every ELF file and names the packages of the system libraries
# they use (the bundle's own libraries, found inside the staged tree, need none).
printf 'Source: mzdesk\n\nPackage: mzdesk\nArchitecture: any\n' >"$stage/debian/control"
staged_elfs=("${elfs[@]/#$bundle/root/opt/mzdesk}")
depends=$(cd "$stage" && dpkg-shlibdeps -O -Sroot "${staged_elfs[@]}" 2>/dev/null \
  | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "dpkg-shlibdeps found no dependencies" >&2; exit 1; }
installed_kb=$(du -sk --exclude=DEBIAN "$stage/root" | cut -f1)
cat >"$stage/root/DEBIAN/control" <<EOF
Package: mzdesk
Version: $version
Architecture: $arch
Maintainer: mzdesk maintainers <mzdesk@localhost>
Installed-Size: $installed_kb
Depends: $depends
Recommends: libpq5
Section: misc
Priority: optional
Description: 民政桌面 records for nursing homes and children's welfare homes
 Residents (admission, GB/T 42195 ability assessment, beds, leave, discharge), a bed
 board and bed statistics, care workers and training, safety inspections and hazards.
 Works offline on an encrypted local database and syncs with a central server or by
 USB stick. The whole program is in /opt/mzdesk; the mzdesk command is the desktop app
 and its command line (mzdesk --help). libpq5 is needed only to run a central server on
 PostgreSQL.
EOF
deb="dist/mzdesk_${version}_${arch}.deb"
rm -f "$deb"
# gzip, not xz or zstd: older dpkg (UOS, Kylin) reads it, and it is quick to build.
dpkg-deb --build --root-owner-group -Zgzip "$stage/root" "$deb" >/dev/null
if command -v lintian >/dev/null 2>&1; then
  lintian --no-tag-display-limit "$deb" || true
fi

echo "built in $(($(date +%s) - started)) s:"
ls -l --block-size=M "$tarball" "$deb" | awk '{print "  " $9 " " $5}'
echo "  $bundle/ ${size_mb} MB"
