#!/usr/bin/env python3
"""End-to-end tests of links, recordings and streams in a real terminal (tmux).

Usage: test_links.py PATH/TO/agenda [NAME...]
`o` starts the program $BROWSER names with the address as one argument; `y` puts the address
on the terminal's clipboard with OSC 52, which tmux (with set-clipboard on) keeps as a buffer."""
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from tmux_harness import Pane, run_tests  # noqa: E402
from test_hardening import Pty  # noqa: E402

AGENDA = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else None
LONG = "https://events.example.org/congress/2030/hub/en/event/a-rather-long-slug-that-needs-two-lines-of-the-pane/"
SCHEDULE = """{"schedule": {"conference": {"title": "Links Con", "time_zone_name": "UTC",
  "rooms": [{"name": "Hall", "stream_id": "https://streaming.example.org/hall"}],
  "days": [{"date": "2030-01-01", "rooms": {"Hall": [
    {"id": 1, "guid": "a", "date": "2030-01-01T10:00:00+00:00", "duration": "00:30", "title": "Off the record",
     "url": "%s", "feedback_url": "https://example.org/1/feedback?a=1&b=$(touch%%20pwned)", "do_not_record": true},
    {"id": 2, "guid": "b", "date": "2030-01-01T11:00:00+00:00", "duration": "00:30", "title": "On the record",
     "do_not_record": false}]}}]}}}""" % LONG
RUN = '{cmd}; echo "EX""IT=$?"'


def test_o_opens_the_chosen_link_and_y_copies_it():
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "links.json")
        with open(path, "w") as f:
            f.write(SCHEDULE)
        argv_file = os.path.join(directory, "argv.txt")
        browser = os.path.join(directory, "browser.sh")
        with open(browser, "w") as f:
            f.write(f'#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done > "{argv_file}"\n')
        os.chmod(browser, 0o755)
        pane = Pane(120, 30, env={"BROWSER": browser})
        try:
            pane.tmux("set-option", "-s", "set-clipboard", "on")
            pane.type_line(f"cd {directory}")
            pane.type_line(RUN.format(cmd=f"{AGENDA} --now 2030-01-01T09:00Z {path}"))
            screen = pane.wait_for("⊘ Off the record")
            assert "⊘ On the record" not in screen, screen
            screen = pane.wait_for("Not recorded — see it live")
            # The long address is broken only where the pane ends: its pieces make it whole.
            lines = [line.split("│")[-1].strip() for line in screen.splitlines()]
            start = next(i for i, line in enumerate(lines) if LONG.startswith(line) and len(line) > 20)
            whole = ""
            for line in lines[start:]:
                if not LONG.startswith(whole + line):
                    break
                whole += line
            assert whole == LONG, (whole, screen)
            pane.send("o")
            screen = pane.wait_for("1 Talk page:")
            assert "2 Feedback: https://example.org/1/feedback" in screen and "3 Stream:" in screen, screen
            pane.send("2")
            deadline = time.monotonic() + 10
            while not os.path.exists(argv_file) and time.monotonic() < deadline:
                time.sleep(0.05)
            time.sleep(0.2)
            with open(argv_file) as f:
                assert f.read() == "https://example.org/1/feedback?a=1&b=$(touch%20pwned)\n"
            assert not os.path.exists(os.path.join(directory, "pwned"))
            pane.wait_for("Opening https://example.org/1/feedback")
            pane.send("y")
            pane.wait_for("1 Talk page:")
            pane.send("3")
            pane.wait_for("Copied https://streaming.example.org/hall")
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                try:
                    if pane.tmux("show-buffer") == "https://streaming.example.org/hall":
                        break
                except Exception:
                    pass
                time.sleep(0.05)
            assert pane.tmux("show-buffer") == "https://streaming.example.org/hall"
            pane.send("q")
            pane.wait_for("EXIT=0")
        finally:
            pane.close()


def test_addresses_go_out_as_osc8_hyperlinks_to_the_whole_address():
    """tmux before 3.4 drops OSC 8: the bytes the browser writes are read from a pty instead."""
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "links.json")
        with open(path, "w") as f:
            f.write(SCHEDULE)
        pty = Pty([path, "--now", "2030-01-01T09:00Z"], 120, 30)
        try:
            pty.wait_for("Not recorded")
            pty.wait_for(b"\x1b]8;;" + LONG.encode() + b"\x1b\\")
            pty.pump(0.3)
            out = bytes(pty.out)
            # Every piece of the long address, on its own line, links to the whole of it.
            pieces = out.count(b"\x1b]8;;" + LONG.encode() + b"\x1b\\")
            assert pieces >= 2, out[-800:]
            # Saved and restored around: curses' idea of the cursor and colours stays true.
            assert b"\x1b7\x1b[" in out and b"\x1b]8;;\x1b\\\x1b8" in out
            pty.send("q")
            assert pty.finish() == 0 and pty.restored()
        finally:
            pty.close()


if __name__ == "__main__":
    run_tests(globals(), "usage: test_links.py PATH/TO/agenda")
