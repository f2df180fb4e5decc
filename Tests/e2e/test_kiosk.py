#!/usr/bin/env python3
"""End-to-end tests of `agenda kiosk` in a real terminal (tmux).

Usage: test_kiosk.py PATH/TO/agenda
The board must show the bundled plenary as next and as now at the right times, ignore every
key (q, Ctrl-C, Ctrl-Z, Ctrl-\\) unless --exit-key names one, end on SIGTERM/SIGHUP with the
terminal restored, follow its schedule file, and fall back on the bare console and in ASCII."""
import os
import signal
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from tmux_harness import Pane, run_tests  # noqa: E402

AGENDA = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else None
# As in test_browser.py: run, then report the status and whether the tty settings came back.
RUN = 'S=$(stty -g); {cmd}; echo "EX""IT=$?"; [ "$(stty -g)" = "$S" ] && echo "TTY""=restored"'
PAGE = """{title}
Theme:A theme
Time:October 22 09:00-22 12:00,2021
Room:Hall {room}

Body text.
"""


def start(pane, args, expect="Plenary Session", env=""):
    pane.type_line(RUN.format(cmd=f"{env} {AGENDA} kiosk {args}"))
    return pane.wait_for(expect)


def finished(pane, status):
    screen = pane.wait_for("EXIT=")
    assert f"EXIT={status}" in screen, screen
    pane.wait_for("TTY=restored")
    assert not pane.alternate_screen_on(), "alternate screen still on"


def between(screen, first, second):
    """The screen text between two markers, to check what a section holds."""
    start = screen.index(first)
    return screen[start:screen.index(second, start)]


def test_before_the_plenary_it_is_next_in_ten_minutes():
    pane = Pane(100, 30)
    try:
        screen = start(pane, "--now 2021-10-22T08:50+08:00")
        pane.wait_for("starts in 10 min")
        screen = pane.screen()
        assert "Plenary Session" in between(screen, "Next", "starts in 10 min"), screen
        assert "Nothing on right now" in screen and "正在进行" in screen, screen
        for text in ["CACIE 2021", "Friday 22 October 2021", "Convention Hall No. 1", "█"]:
            assert text in screen, f"{text!r} missing:\n{screen}"
        os.kill(pane.child_pid(), signal.SIGTERM)
        finished(pane, 143)
    finally:
        pane.close()


def test_at_ten_the_plenary_is_now_and_keys_do_nothing():
    pane = Pane(100, 30)
    try:
        screen = start(pane, "--now 2021-10-22T10:00+08:00")
        screen = pane.wait_for("2 h left")
        assert "Plenary Session" in between(screen, "Now", "2 h left"), screen
        assert "Nothing on right now" not in screen
        pid = pane.child_pid()
        for key in ["q", "C-c", "C-z", "C-\\", "Escape", "Enter"]:
            pane.send(key)
        time.sleep(1.0)
        screen = pane.screen()
        assert "EXIT=" not in screen and "Plenary Session" in screen, screen
        assert pane.child_pid() == pid and pane.alternate_screen_on()
        os.kill(pid, signal.SIGTERM)
        finished(pane, 143)
    finally:
        pane.close()


def test_sighup_ends_it_and_restores_the_terminal():
    pane = Pane(100, 30)
    try:
        start(pane, "--now 2021-10-22T10:00+08:00")
        os.kill(pane.child_pid(), signal.SIGHUP)
        finished(pane, 129)
    finally:
        pane.close()


def test_exit_key_ends_it():
    pane = Pane(100, 30)
    try:
        start(pane, "--now 2021-10-22T10:00+08:00 --exit-key ctrl-x")
        pane.send("q")
        pane.send("C-x")
        finished(pane, 0)
    finally:
        pane.close()


def test_survives_resizes():
    pane = Pane(100, 30)
    try:
        start(pane, "--now 2021-10-22T10:00+08:00")
        for width, height in [(40, 12), (20, 6), (160, 45), (80, 24)]:
            pane.resize(width, height)
            time.sleep(0.3)
        screen = pane.wait_for("Plenary Session")
        assert "EXIT=" not in screen and "Friday 22 October 2021" in screen, screen
        assert all(len(line) <= 80 for line in screen.splitlines()), screen
        os.kill(pane.child_pid(), signal.SIGTERM)
        finished(pane, 143)
    finally:
        pane.close()


def test_follows_the_file_and_keeps_the_last_good_version():
    with tempfile.TemporaryDirectory() as directory:
        one, two = os.path.join(directory, "one.txt"), os.path.join(directory, "two.txt")
        with open(one, "w") as f:
            f.write(PAGE.format(title="First Title", room="A"))
        with open(two, "w") as f:
            f.write(PAGE.format(title="Second Title", room="B"))
        pane = Pane(100, 30)
        try:
            start(pane, f"--now 2021-10-22T10:00+08:00 {one} {two}", expect="First Title")
            screen = pane.wait_for("Second Title")   # two rooms: the venue board
            assert "Hall A" in screen and "Hall B" in screen, screen
            with open(one, "w") as f:                   # an edit in place
                f.write(PAGE.format(title="Changed Title", room="A"))
            pane.wait_for("Changed Title", timeout=6)
            with open(one, "w") as f:                   # a broken version: keep the last good one
                f.write("Broken\nTime: whenever\n")
            screen = pane.wait_for("update failed at", timeout=6)
            assert "Changed Title" in screen, screen
            replacement = one + ".new"                  # an atomic replace, as deploy tools do
            with open(replacement, "w") as f:
                f.write(PAGE.format(title="Replaced Title", room="A"))
            os.rename(replacement, one)
            screen = pane.wait_for("Replaced Title", timeout=6)
            pane.wait_for("update failed", absent=True)
            os.kill(pane.child_pid(), signal.SIGTERM)
            finished(pane, 143)
        finally:
            pane.close()


def test_linux_console_gets_english_labels():
    pane = Pane(100, 30)
    try:
        # tmux sets TERM in its panes itself: give it on the command line.
        screen = start(pane, "--now 2021-10-22T10:00+08:00", env="TERM=linux")
        screen = pane.wait_for("2 h left")
        assert "正在进行" not in screen and "Now" in screen, screen
        os.kill(pane.child_pid(), signal.SIGTERM)
        finished(pane, 143)
    finally:
        pane.close()


def test_ascii_when_the_locale_is_not_utf8():
    pane = Pane(100, 30, env={"LANG": "C"})
    try:
        screen = start(pane, "--now 2021-10-22T10:00+08:00")
        screen = pane.wait_for("2 h left")
        board = screen[:screen.rindex("UTC+08:00")]
        assert all(ord(c) < 128 for c in board), board
        assert "---------" in board and "#" in board, board
        os.kill(pane.child_pid(), signal.SIGTERM)
        finished(pane, 143)
    finally:
        pane.close()


def test_unknown_room_is_a_usage_error():
    pane = Pane(100, 30)
    try:
        pane.type_line(RUN.format(cmd=f"{AGENDA} kiosk --room 'Hall 9' 2>&1"))
        screen = pane.wait_for("EXIT=")
        assert "EXIT=64" in screen and 'no room "Hall 9"' in screen and "Convention Hall No. 1" in screen, screen
    finally:
        pane.close()


ENGLISH_PAGE = "Plenary Session\nTime:October 22 09:00-22 12:00,2021\nRoom:Convention Hall No. 1\n\nThe plenary.\n"
CHINESE_PAGE = "开幕式暨全体大会\n时间：2021年10月22日 09:00-12:00\n地点：国家会议中心一号会议厅\n\n大会开幕。\n"


def test_both_editions_show_the_chinese_title_under_the_english_one():
    with tempfile.TemporaryDirectory() as directory:
        pages = []
        for name, text in (("zh.txt", CHINESE_PAGE), ("en.txt", ENGLISH_PAGE)):
            pages.append(os.path.join(directory, name))
            with open(pages[-1], "w") as f:
                f.write(text)
        pane = Pane(100, 30)
        try:
            screen = start(pane, f"--now 2021-10-22T09:05+08:00 --lang en+zh {' '.join(pages)}", expect="开幕式暨全体大会")
            lines = screen.splitlines()
            english = next(i for i, line in enumerate(lines) if "Plenary Session" in line)
            assert "开幕式暨全体大会" in lines[english + 1], screen
            assert "国家会议中心一号会议厅" not in screen, screen   # one room, the English one
            os.kill(pane.child_pid(), signal.SIGTERM)
            finished(pane, 143)
        finally:
            pane.close()


if __name__ == "__main__":
    run_tests(globals(), "usage: test_kiosk.py PATH/TO/agenda")
