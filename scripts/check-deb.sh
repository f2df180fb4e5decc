#!/usr/bin/env bash
# Checks a built package the way a venue box would meet it: extracted into a scratch folder,
# the binary runs with a bare environment and no Swift runtime, the manual renders, and
# lintian finds no errors.
#
# Usage: scripts/check-deb.sh dist/agenda_VERSION_ARCH.deb
set -euo pipefail
deb=$(realpath "${1:?usage: check-deb.sh PACKAGE.deb}")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
dpkg-deb -x "$deb" "$scratch"
cd "$scratch"

fail() { echo "check-deb: $*" >&2; exit 1; }

# Self-contained: no Swift library is loaded, from the toolchain or anywhere else.
if ldd usr/bin/agenda | grep -i swift; then fail "the binary still loads Swift libraries"; fi

package_version=$(dpkg-deb -f "$deb" Version)
[ "$(env -i ./usr/bin/agenda --version)" = "$package_version" ] || fail "--version is not $package_version"
env -i ./usr/bin/agenda list | grep -q "Plenary Session" || fail "'agenda list' did not list the bundled plenary"
env -i ./usr/bin/agenda list --format json | python3 -c 'import json, sys; assert json.load(sys.stdin)["sessions"]' \
    || fail "'agenda list --format json' is not the JSON contract"
status=0; env -i ./usr/bin/agenda >/dev/null 2>&1 </dev/null || status=$?
# stdout is not a terminal: the browser prints the listing instead, and exits 0.
[ $status -eq 0 ] || fail "'agenda' with stdout not a terminal exited $status"

manual=$(MANWIDTH=80 man -l usr/share/man/man1/agenda.1.gz 2>&1)
for section in SYNOPSIS KEYS ENVIRONMENT FILES "EXIT STATUS" EXAMPLES; do
    grep -q "^$section" <<<"$manual" || fail "agenda(1) has no $section section"
done

lintian --fail-on error "$deb"
echo "check-deb: $(basename "$deb"): runs with env -i, no Swift libraries, manual renders, lintian has no errors"
