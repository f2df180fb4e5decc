#!/usr/bin/env python3
"""Completes the generated agenda(1) with the hand-written sections.

Usage: merge-manual.py GENERATED.1 SECTIONS.mdoc > agenda.1

The generated page (swift-argument-parser's generate-manual) describes the commands and
options; SECTIONS.mdoc adds KEYS, ENVIRONMENT, FILES, EXIT STATUS, EXAMPLES, SEE ALSO. A
generated section with the same name as a hand-written one is replaced by it, and the
hand-written ones go before AUTHORS, where mdoc expects them.
"""
import sys


def sections(text):
    """The preamble before the first .Sh, then (name, lines) per section."""
    preamble, parts = [], []
    for line in text.splitlines():
        if line.startswith(".Sh "):
            parts.append((line[4:].strip().strip('"'), [line]))
        elif parts:
            parts[-1][1].append(line)
        else:
            preamble.append(line)
    return preamble, parts


def main():
    generated_path, extra_path = sys.argv[1:3]
    with open(generated_path, encoding="utf-8") as f:
        preamble, generated = sections(f.read())
    with open(extra_path, encoding="utf-8") as f:
        _, extra = sections(f.read())
    if not generated:
        sys.exit(f"{generated_path}: no .Sh sections; is it an mdoc page?")
    names = {name for name, _ in extra}
    kept = [(name, lines) for name, lines in generated if name not in names]
    tail = [(name, lines) for name, lines in kept if name == "AUTHORS"]
    head = [(name, lines) for name, lines in kept if name != "AUTHORS"]
    out = preamble + [line for _, lines in head + extra + tail for line in lines]
    sys.stdout.write("\n".join(out) + "\n")


main()
