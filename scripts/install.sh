#!/usr/bin/env bash
# Installs agenda without a package: the same files as the Debian package (scripts/stage.sh),
# under PREFIX (default /usr/local), inside DESTDIR when it is set. The list of installed
# files is kept in PREFIX/share/agenda/installed-files for --uninstall.
#
# Usage: scripts/install.sh [PREFIX]
#        scripts/install.sh --uninstall [PREFIX]
set -euo pipefail
cd "$(dirname "$0")/.."

uninstall=no
if [ "${1:-}" = --uninstall ]; then uninstall=yes; shift; fi
prefix=${1:-/usr/local}
destdir=${DESTDIR:-}
manifest=$destdir$prefix/share/agenda/installed-files

if [ $uninstall = yes ]; then
    [ -f "$manifest" ] || { echo "install: no $manifest: nothing installed under $prefix" >&2; exit 1; }
    while read -r file; do
        # The configuration stays, as a package's would: it may hold local settings.
        case "$file" in */etc/agenda/*) echo "install: keeping $destdir$file"; continue ;; esac
        rm -f "$destdir$file"
    done < "$manifest"
    rm -f "$manifest"
    rmdir "$destdir$prefix/share/agenda" "$destdir$prefix/share/doc/agenda" 2>/dev/null || true
    echo "install: removed agenda from $destdir$prefix"
    exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
scripts/stage.sh "$work/root" "$prefix"

(cd "$work/root" && find . -type f | sed 's|^\.||' | sort) > "$work/files"
while read -r file; do
    target=$destdir$file
    # An existing configuration is never overwritten.
    case "$file" in */etc/agenda/*) [ -e "$target" ] && { echo "install: keeping $target"; continue; } ;; esac
    install -D -m "$(stat -c %a "$work/root$file")" "$work/root$file" "$target"
done < "$work/files"
install -D -m 0644 "$work/files" "$manifest"
echo "install: agenda $("$work/root$prefix/bin/agenda" --version) installed under $destdir$prefix"
echo "install: remove it with: scripts/install.sh --uninstall $prefix"
