#!/usr/bin/env bash
# The README's two commands need only Swift and ncurses: no C source may include a header
# from outside the toolchain, ncurses and libc. A library the program uses beyond those
# (libcurl, libqrencode) is loaded at run time with dlopen, and declared in the code itself.
set -euo pipefail
cd "$(dirname "$0")/.."

allowed='^(curses|ncursesw/curses|term|ncursesw/term|dlfcn|pthread|signal|stdio|stdlib|string|stddef|stdint|stdbool|errno|unistd|locale|langinfo|wchar|time|limits|fcntl|sys/[a-z_]+)\.h$'
bad=0
while IFS= read -r line; do
    file=${line%%:*}
    header=$(sed -E 's/.*#[[:space:]]*include[[:space:]]*[<"]([^>"]+)[>"].*/\1/' <<<"${line#*:}")
    # A project header beside the source is fine.
    if [ -e "$(dirname "$file")/$header" ] || [ -e "$(dirname "$file")/include/$header" ]; then continue; fi
    if ! grep -Eq "$allowed" <<<"$header"; then
        echo "check-includes: $file includes <$header>, which is outside the toolchain, ncurses and libc" >&2
        bad=1
    fi
done < <(grep -rnE '^[[:space:]]*#[[:space:]]*include' Sources Fuzz --include='*.c' --include='*.h' | sed -E 's/^([^:]+):[0-9]+:/\1:/')
# A module map may link only ncurses.
if grep -rn 'link "' Sources --include=module.modulemap | grep -vE 'link "(ncursesw|tinfo|panel|dl)"'; then
    echo "check-includes: a module map links a library other than ncurses" >&2
    bad=1
fi
[ $bad -eq 0 ] && echo "check-includes: the sources need only the toolchain, ncurses and libc"
exit $bad
