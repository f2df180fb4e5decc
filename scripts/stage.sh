#!/usr/bin/env bash
# Builds the self-contained release binary and lays out every installed file under ROOT as
# they belong under PREFIX: the binary, agenda(1), completions, the kiosk unit and its
# configuration, and the copyright and changelog. package-deb.sh and install.sh share it, so
# the package and an install from source hold the same files.
#
# Usage: scripts/stage.sh ROOT PREFIX
# Environment: AGENDA_SKIP_BUILD=1 uses the binary already in .build-static (for reruns).
set -euo pipefail
root=${1:?usage: stage.sh ROOT PREFIX}
prefix=${2:?usage: stage.sh ROOT PREFIX}
cd "$(dirname "$0")/.."

# Under /usr the configuration lives in /etc, elsewhere beside the prefix; units go where
# systemd looks for them (/lib on Debian, PREFIX/lib for /usr/local).
case "$prefix" in
    /usr) sysconfdir=/etc; unitdir=/lib/systemd/system; zshdir=$prefix/share/zsh/vendor-completions ;;
    /usr/local) sysconfdir=/etc; unitdir=$prefix/lib/systemd/system; zshdir=$prefix/share/zsh/site-functions ;;
    *) sysconfdir=$prefix/etc; unitdir=$prefix/lib/systemd/system; zshdir=$prefix/share/zsh/site-functions ;;
esac

if [ "${AGENDA_SKIP_BUILD:-}" != 1 ]; then
    echo "stage: release build with the Swift runtime and Foundation linked in (.build-static)"
    # No $ORIGIN run path: the binary needs no libraries beside it, and Debian forbids one.
    # Bound immediately (-z now), as Debian's hardening flags ask.
    swift build -c release --static-swift-stdlib --disable-local-rpath -Xlinker -z -Xlinker now \
        --scratch-path .build-static --product agenda
fi
binary=.build-static/release/agenda
version=$("$binary" --version)

# The changelog's newest entry must be this version: Agenda.swift's is the one source.
changelog_version=$(sed -n '1s/^agenda (\([^)]*\)).*/\1/p' scripts/packaging/changelog)
if [ "$changelog_version" != "$version" ]; then
    echo "stage: agenda --version says $version, scripts/packaging/changelog starts with $changelog_version" >&2
    exit 1
fi
# Dates in generated files come from the changelog, so the same source gives the same bytes.
changelog_date=$(sed -n 's/^ -- .*>  //p' scripts/packaging/changelog | head -1)
day=$(date -u -d "$changelog_date" +%Y-%m-%d)

install -d "$root$prefix/bin" "$root$prefix/share/man/man1" "$root$prefix/share/doc/agenda" \
    "$root$prefix/share/bash-completion/completions" "$root$zshdir" \
    "$root$prefix/share/fish/vendor_completions.d" "$root$unitdir" "$root$sysconfdir/agenda"

# Stripped: symbols are half the size, and the Swift runtime does not need them.
strip --strip-all --remove-section=.comment -o "$root$prefix/bin/agenda" "$binary"
chmod 0755 "$root$prefix/bin/agenda"

echo "stage: agenda(1) from the command definitions (swift-argument-parser's generate-manual)"
swift package generate-manual --configuration debug --date "$day" >/dev/null
generated=.build/plugins/GenerateManual/outputs/agenda/agenda.1
scripts/merge-manual.py "$generated" docs/man/agenda-sections.mdoc \
    | gzip -9n > "$root$prefix/share/man/man1/agenda.1.gz"

# bash-completion sources its scripts: no #! line (lintian: bash-completion-with-hashbang).
"$binary" --generate-completion-script bash | sed '1{/^#!/d}' > "$root$prefix/share/bash-completion/completions/agenda"
"$binary" --generate-completion-script zsh > "$root$zshdir/_agenda"
"$binary" --generate-completion-script fish > "$root$prefix/share/fish/vendor_completions.d/agenda.fish"

sed -e "s|@BINDIR@|$prefix/bin|g" -e "s|@SYSCONFDIR@|$sysconfdir|g" scripts/packaging/agenda-kiosk@.service \
    > "$root$unitdir/agenda-kiosk@.service"
install -m 0644 scripts/packaging/kiosk.conf "$root$sysconfdir/agenda/kiosk.conf"

install -m 0644 scripts/packaging/copyright "$root$prefix/share/doc/agenda/copyright"
gzip -9n < scripts/packaging/changelog > "$root$prefix/share/doc/agenda/changelog.gz"
chmod 0644 "$root$prefix/share/man/man1/agenda.1.gz" "$root$prefix/share/doc/agenda/changelog.gz" \
    "$root$prefix/share/bash-completion/completions/agenda" "$root$zshdir/_agenda" \
    "$root$prefix/share/fish/vendor_completions.d/agenda.fish" "$root$unitdir/agenda-kiosk@.service"
echo "stage: agenda $version laid out under $root for $prefix"
