#!/usr/bin/env bash
# Builds dist/agenda_VERSION_ARCH.deb: the self-contained binary in /usr/bin, agenda(1),
# completions, the kiosk unit and its configuration (see scripts/stage.sh). Depends are
# computed by dpkg-shlibdeps from what the binary links; libcurl and libqrencode (loaded when
# a URL is fetched or a QR code drawn, so not linked) are added by hand. Needs dpkg-dev and a Swift toolchain.
#
# Usage: scripts/package-deb.sh          then: lintian dist/agenda_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Laid out as debian/PACKAGE, where dpkg-shlibdeps expects a package's files.
root=$work/src/debian/agenda
scripts/stage.sh "$root" /usr
mkdir -p "$root/DEBIAN"

version=$("$root/usr/bin/agenda" --version)
arch=$(dpkg --print-architecture)

# dpkg-shlibdeps reads debian/control from the current folder; a minimal one suffices.
printf 'Source: agenda\n\nPackage: agenda\nArchitecture: any\n' > "$work/src/debian/control"
depends=$(cd "$work/src" && dpkg-shlibdeps -O "$root/usr/bin/agenda" | sed -n 's/^shlibs:Depends=//p')

cat > "$root/DEBIAN/control" <<CONTROL
Package: agenda
Version: $version
Architecture: $arch
Maintainer: The agenda developers <agenda@example.org>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $depends, libcurl4 | libcurl4t64, libqrencode4
Section: utils
Priority: optional
Description: terminal browser for conference schedules, and a venue kiosk
 agenda browses conference programmes in the terminal: frab/pentabarf XML,
 c3voc JSON (pretalx, frab), iCalendar and CACIE pages, from files or
 http(s) URLs, with search, favourites, a timetable and change marks.
 .
 agenda kiosk is an unattended now-and-next board for the screens at a
 venue; agenda-kiosk@.service runs it on a virtual console.
CONTROL
echo /etc/agenda/kiosk.conf > "$root/DEBIAN/conffiles"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"

mkdir -p dist
deb=dist/agenda_${version}_${arch}.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "package-deb: $deb ($(du -h "$deb" | cut -f1)), Depends: $depends, libcurl4 | libcurl4t64, libqrencode4"
