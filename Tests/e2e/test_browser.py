#!/usr/bin/env python3
"""End-to-end tests of the real `agenda` binary in a real terminal (tmux).

Usage: test_browser.py PATH/TO/agenda
Each test drives the binary through a shell in a tmux pane and checks what a user would see:
the screen, the exit status the shell reports, and that the terminal is back as it was."""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unicodedata

sys.path.insert(0, os.path.dirname(__file__))
from tmux_harness import Pane, run_tests, needs_shared  # noqa: E402
import fake_terminal  # noqa: E402
from chinese import ZH_PAGE, english_words  # noqa: E402

C38 = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "schedules", "38c3-schedule.xml")
# Three days, two rooms, titles in plain ASCII.
PRETALX = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "Fixtures", "schedules", "pretalx-excerpt.json"))

AGENDA = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else None
NOW = "--now 2021-10-22T10:00+08:00"
# Saves the tty settings, runs agenda, then reports its status and whether the tty is as before.
# The quotes split the markers so that the typed command itself never matches them.
RUN = 'S=$(stty -g); {cmd}; echo "EX""IT=$?"; [ "$(stty -g)" = "$S" ] && echo "TTY""=restored"'


def start(pane, args=NOW):
    pane.type_line(RUN.format(cmd=f"{AGENDA} {args}"))
    pane.wait_for("Plenary Session")
    # The status line is the frame's last row: a capture taken before it arrives is half a frame.
    return pane.wait_for("? help")


def finished(pane, status):
    screen = pane.wait_for("EXIT=")
    assert f"EXIT={status}" in screen, screen
    pane.wait_for("TTY=restored")
    assert not pane.alternate_screen_on(), "alternate screen still on"


def test_shows_plenary_moves_help_resize_and_quits():
    pane = Pane(100, 30)
    try:
        screen = start(pane)
        for text in ["CACIE 2021", "Friday 22 October 2021", "09:00–12:00", "Convention Hall No. 1",
                     "│ Plenary Session", "New Opportunities and Prospects", "Asia/Shanghai", "? help"]:
            assert text in screen, f"{text!r} missing:\n{screen}"
        pane.send("Tab")
        pane.wait_for("Esc back")
        pane.send("j", "j", "j", "j", "j", "j")
        pane.wait_for("▲")                         # the detail scrolled
        pane.send("?")
        pane.wait_for("Keys")
        assert "switch between list and detail" in pane.screen()
        pane.send("Escape")
        pane.wait_for("Keys", absent=True)
        pane.resize(70, 20)                        # narrow: the list alone
        screen = pane.wait_for("│", absent=True)
        assert "Plenary Session" in screen and "Enter open" in screen, screen
        pane.send("Enter")
        pane.wait_for("Esc back")
        pane.send("Escape")
        pane.wait_for("Enter open")
        pane.resize(30, 8)
        pane.wait_for("Terminal too small")
        pane.resize(100, 30)
        screen = pane.wait_for("Terminal too small", absent=True)
        assert "09:00–12:00  Plenary Session" in screen and "│" in screen, screen
        pane.send("q")
        finished(pane, 0)
    finally:
        pane.close()


def mouse(button, x, y):
    """An X10-style mouse report for 0-based cell (x, y)."""
    return "\x1b[M" + chr(32 + button) + chr(33 + x) + chr(33 + y)


def test_mouse_click_and_wheel():
    pane = Pane(100, 30)
    try:
        start(pane)
        # xterm mouse reports (the encoding ncurses asks for here): wheel down over the detail
        # pane scrolls it; a click on the detail focuses it, one on the list focuses the list.
        pane.send("-l", mouse(65, 70, 10))
        pane.wait_for("▲")
        pane.send("-l", mouse(0, 70, 10) + mouse(3, 70, 10))
        pane.wait_for("Esc back")
        pane.send("-l", mouse(0, 5, 2) + mouse(3, 5, 2))
        pane.wait_for("Enter open")
        pane.send("q")
        finished(pane, 0)
    finally:
        pane.close()


def test_signals_restore_the_terminal():
    for sig, key in [(signal.SIGTERM, None), (signal.SIGHUP, None), (signal.SIGINT, "C-c")]:
        pane = Pane(100, 30)
        try:
            start(pane)
            if key:
                pane.send(key)
            else:
                os.kill(pane.program_pid(AGENDA), sig)
            finished(pane, 128 + sig)
        finally:
            pane.close()


def test_bad_terminals_exit_2_and_leave_it_untouched():
    for term, expected in [("dumb", "cannot move the cursor"), ("no-such-terminal", "no terminfo entry")]:
        pane = Pane(100, 30)
        try:
            pane.type_line(RUN.format(cmd=f"TERM={term} {AGENDA} 2>&1"))
            screen = pane.wait_for("EXIT=")
            assert expected in screen and "EXIT=2" in screen, screen
            assert not pane.alternate_screen_on()
        finally:
            pane.close()
    pane = Pane(100, 30)
    try:
        pane.type_line(RUN.format(cmd=f"env -u TERM {AGENDA} 2>&1"))
        screen = pane.wait_for("EXIT=")
        assert "TERM is not set" in screen and "EXIT=2" in screen, screen
    finally:
        pane.close()


def run(*args, **kwargs):
    return subprocess.run([AGENDA, *args], capture_output=True, timeout=20, **kwargs)


def test_pipe_prints_the_plain_listing():
    result = run()
    assert result.returncode == 0
    assert result.stdout == "2021-10-22\t09:00-12:00\tConvention Hall No. 1\tPlenary Session\t-\n".encode(), result.stdout
    assert run("list").stdout == result.stdout


def test_listing_never_carries_escape_sequences():
    with tempfile.TemporaryDirectory() as directory:
        page = os.path.join(directory, "hostile.txt")
        with open(page, "w") as f:
            f.write("Evil\x1b]0;pwned\x07 Talk\x1b[2J\nTime:October 22 09:00-22 12:00,2021\n"
                    "Room:Hall\x9b31m 1\u202e\n\nBody\x1b]52;c;Zm9v\x07 text\n")
        result = run("list", page)
        assert result.returncode == 0, result.stderr
        assert result.stdout == "2021-10-22\t09:00-12:00\tHall 1\tEvil Talk\t-\n".encode(), result.stdout


def test_errors_name_file_and_line_with_exit_codes():
    with tempfile.TemporaryDirectory() as directory:
        page = os.path.join(directory, "bad.txt")
        with open(page, "w") as f:
            f.write("Talk\nRoom:A\nTime:Someday 09:00-12:00,2021\n")
        result = run("list", page)
        assert result.returncode == 65
        assert f"{page}:3:6: error: cannot read Time".encode() in result.stderr, result.stderr
        assert run(page).returncode == 65
        missing = run(os.path.join(directory, "missing.txt"))
        assert missing.returncode == 66 and b"no such file" in missing.stderr


def test_binary_copied_alone_still_opens_the_bundled_schedule():
    with tempfile.TemporaryDirectory() as directory:
        copy = os.path.join(directory, "agenda")
        shutil.copy(AGENDA, copy)
        result = subprocess.run([copy, "list"], capture_output=True, cwd=directory, timeout=20)
        assert result.returncode == 0 and b"Plenary Session" in result.stdout


TWO_DAYS = """<schedule><conference><title>Two Days</title><time_zone_name>UTC</time_zone_name></conference>
<day index="1" date="2030-01-01"><room name="Hall">
<event guid="d1a" id="1"><date>2030-01-01T10:00:00+00:00</date><start>10:00</start><duration>00:30</duration><title>Firstday Opening</title></event>
<event guid="d1b" id="2"><date>2030-01-01T11:00:00+00:00</date><start>11:00</start><duration>00:30</duration><title>Firstday Closing</title></event>
</room></day>
<day index="2" date="2030-01-02"><room name="Hall">
""" + "".join(f"""<event guid="d2{n}" id="1{n}"><date>2030-01-02T1{n}:00:00+00:00</date><start>1{n}:00</start><duration>00:30</duration><title>Secondday Talk {n}</title></event>
""" for n in range(5)) + "</room></day></schedule>"


def big_programme(path, broken_day=None):
    """Four days (1-4 December 2026, Berlin) of six rooms, 5 MB: past the size at which the
    browser reads the day it opens on before the rest. `broken_day` gets an unreadable time."""
    filler = "Words about kernels, &lt;tags&gt; and caf&#233;s. " * 100
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<schedule>\n<conference><title>Big Programme</title>'
             "<start>2026-12-01</start><end>2026-12-04</end><time_zone_name>Europe/Berlin</time_zone_name></conference>\n"]
    n = 0
    for day in range(1, 5):
        parts.append(f'<day index="{day}" date="2026-12-0{day}">\n')
        for room in range(6):
            parts.append(f'<room name="Hall {room}">\n')
            for slot in range(36):
                n += 1
                hour, minute = 9 + slot // 4, slot % 4 * 15
                time = "25:99" if broken_day == day and slot == 20 else f"{hour:02}:{minute:02}"
                parts.append(f'<event guid="g{n}" id="{n}"><date>2026-12-0{day}T{time}:00+01:00</date>'
                             f"<start>{time}</start><duration>00:15</duration><room>Hall {room}</room>"
                             f"<title>Day{day} talk {n}</title><description>{filler}</description></event>\n")
            parts.append("</room>\n")
        parts.append("</day>\n")
    parts.append("</schedule>\n")
    with open(path, "w") as f:
        f.write("".join(parts))
    assert os.path.getsize(path) > 4 << 20


def test_a_large_file_opens_on_its_day_and_the_rest_follows():
    """No snapshot: the day of --now is shown first, the other days fill in once the whole file
    is read; keys work throughout. (What shows before the whole arrives is tested in-process,
    BrowserLoopTests, where the read can be held.)"""
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "big.xml")
        big_programme(path)
        pane = Pane(120, 40)
        try:
            pane.type_line(RUN.format(cmd=f"XDG_CACHE_HOME={directory}/cache {AGENDA} --now 2026-12-03T10:05+01:00 {path}"))
            screen = pane.wait_for("? help", timeout=30)
            assert "Big Programme" in screen and "Thu 3" in screen and "Tue 1" in screen, screen
            assert "10:00–10:15  Day3 talk" in screen, screen
            pane.send("Right")
            # The other days arrive with the whole file: day 4's sessions, the day kept.
            screen = pane.wait_for("Day4 talk", timeout=30)
            assert "Still reading" not in screen and "Fri 4" in screen, screen
            pane.send("Left", "Left", "Left")
            pane.wait_for("Day1 talk")
            pane.send("/")
            for c in "talk 300":
                pane.send(c if c != " " else "Space")
            pane.wait_for("Day2 talk 300")
            pane.send("Escape", "q")
            finished(pane, 0)
        finally:
            pane.close()


def test_a_large_file_opened_again_opens_on_its_day_from_its_snapshot():
    """Opened again unchanged: the day of --now comes from the snapshot the first open kept,
    and the other days fill in."""
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "big.xml")
        big_programme(path)
        time.sleep(2.1)   # a file changed within two seconds of being seen is read again, never trusted
        run = RUN.format(cmd=f"XDG_CACHE_HOME={directory}/cache {AGENDA} --now 2026-12-02T10:05+01:00 {path}")
        pane = Pane(120, 40)
        try:
            pane.type_line(run)
            pane.wait_for("Day2 talk", timeout=30)
            pane.send("Right")
            pane.wait_for("Day3 talk", timeout=30)   # the whole is in: its snapshot is written at exit
            pane.send("q")
            finished(pane, 0)
            snapshots = os.listdir(os.path.join(directory, "cache", "agenda", "snapshots"))
            assert any(name.endswith(".snap") for name in snapshots), snapshots
            pane.type_line("clear; " + run)
            screen = pane.wait_for("10:00–10:15  Day2 talk", timeout=30)
            assert "Wed 2" in screen and "Fri 4" in screen, screen
            pane.send("Right")
            screen = pane.wait_for("Day3 talk", timeout=30)
            assert "Still reading" not in screen and "Thu 3" in screen, screen
            pane.send("q")
            finished(pane, 0)
        finally:
            pane.close()


def test_a_large_file_broken_after_its_first_day_still_says_where():
    """Day 4 of a large file is broken while the day read ahead (day 2) is fine: the browser
    ends with the reader's message (file and line) and exit status 65, the terminal restored.
    (Quitting before the whole is read is tested in-process, BrowserLoopTests.)"""
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "big.xml")
        big_programme(path, broken_day=4)
        pane = Pane(120, 40)
        try:
            pane.type_line(RUN.format(cmd=f"XDG_CACHE_HOME={directory}/cache {AGENDA} --now 2026-12-02T10:05+01:00 {path}"))
            finished(pane, 65)
            screen = pane.screen()
            assert f"{path}:" in screen and "25:99" in screen, screen
        finally:
            pane.close()


def test_key_sequences_the_terminfo_entry_does_not_list_are_read_whole():
    """In tmux with TERM=xterm-256color, End arrives as ESC [ 4 ~, which the xterm entry does
    not list: it must be End, not Esc, previous day, 4 and ~."""
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "two-days.xml")
        with open(path, "w") as f:
            f.write(TWO_DAYS)
        pane = Pane(100, 30)
        try:
            pane.type_line(RUN.format(cmd=f"{AGENDA} {path} --now 2030-01-02T09:00+00:00"))
            pane.wait_for("1/5")
            for sequence, position in (("\x1b[4~", "5/5"), ("\x1b[1~", "1/5"), ("\x1b[8~", "5/5"), ("\x1b[7~", "1/5"),
                                       ("\x1b[F", "5/5"), ("\x1b[H", "1/5"), ("\x1b[6^", "5/5")):
                pane.send("-l", sequence)
                screen = pane.wait_for(position)
                assert "Secondday" in screen and "Firstday" not in screen, (sequence, screen)
            # Keys that mean nothing here (F5, Insert, Delete, Ctrl-F1) are swallowed whole.
            for sequence in ("\x1b[15~", "\x1b[2~", "\x1b[3~", "\x1b[1;5P", "\x1bOP"):
                pane.send("-l", sequence)
            pane.send("-l", "\x1b[4~")
            screen = pane.wait_for("5/5")
            assert "Firstday" not in screen and "~" not in screen.splitlines()[-1], screen
            pane.send("Escape")
            pane.send("q")
            finished(pane, 0)
        finally:
            pane.close()


@needs_shared
def test_first_five_minutes_help_picker_search_keep_their_place():
    """Issue 17: q closes the help; the picker narrows by typing and its choice survives a
    restart, marked "filtered" until x; search matches word starts and Esc stays put."""
    with tempfile.TemporaryDirectory() as state:
        pane = Pane(120, 40, env={"XDG_STATE_HOME": state})
        try:
            command = RUN.format(cmd=f"{AGENDA} {os.path.abspath(C38)} --now 2024-12-28T14:00+01:00")
            pane.type_line(command)
            screen = pane.wait_for("Sat 28 Dec 2024")
            # What runs now is in the upper third, with later sessions below it.
            rows = screen.splitlines()[2:39]
            assert any(row.startswith("·") for row in rows), screen        # past ones are marked
            assert any(row[5:7] in ("14", "15") for row in rows), screen   # what comes next shows
            pane.send("?")
            pane.wait_for("Keys")
            pane.send("q")
            screen = pane.wait_for("Keys", absent=True)
            assert "EXIT=" not in screen, screen
            pane.send("p")
            pane.wait_for("Show")
            pane.send("-l", "/saal zig")
            screen = pane.wait_for("/saal zig")
            assert "Saal ZIGZAG" in screen and "Saal GLITCH" not in screen, screen
            pane.send("Enter", "a", "Escape", "Escape")   # the first Esc drops the query
            screen = pane.wait_for("filtered")
            assert "x show all" in screen, screen
            pane.send("q")
            finished(pane, 0)
            pane.type_line(command)
            screen = pane.wait_for("filtered")           # kept across the restart
            assert "Saal 1 " not in screen and "Saal ZIGZAG" in screen, screen
            pane.send("x")
            pane.wait_for("filtered", absent=True)
            pane.send("-l", "/rust")
            pane.send("Enter")
            screen = pane.wait_for("Search")
            assert "Trust" not in screen and "trust" not in screen, screen
            def detail_title():
                return [row for row in pane.screen().splitlines() if "│" in row][0].split("│")[1].strip()
            pane.send("j", "j")
            time.sleep(0.3)
            chosen = detail_title()
            pane.send("Escape")
            pane.wait_for(" matches", absent=True)
            assert detail_title() == chosen, (chosen, pane.screen())
            pane.send("q")
            finished(pane, 0)
        finally:
            pane.close()


@needs_shared
def test_first_five_minutes_width_now_next_both_clocks_and_the_chinese_help():
    """Issue 17: at 120 columns the list takes three fifths; now & next names the day of a
    session that is not today (no row twice: NowNextDaysTests); z names both clocks; the
    Chinese help draws every character."""
    pane = Pane(120, 40, env={"TZ": "America/Los_Angeles"})
    try:
        pane.type_line(RUN.format(cmd=f"{AGENDA} {os.path.abspath(C38)} --now 2024-12-28T14:00+01:00"))
        screen = pane.wait_for("Sat 28 Dec 2024")
        splits = {row.index("│") for row in screen.splitlines()[2:39] if "│" in row}
        assert splits and min(splits) >= 70, (splits, screen)          # 72 of 120 for the list
        pane.send("z")
        screen = pane.wait_for("America/Los_Angeles")
        assert "Europe/Berlin" in screen, screen
        pane.send("z")
        pane.wait_for("America/Los_Angeles", absent=True)
        for _ in range(4):                                               # chronological → now & next
            pane.send("v")
        pane.wait_for("Now & next")
        pane.wait_for("Sun 1")                                           # e.g. "Sun 11:00", not a bare time
        pane.send("q")
        finished(pane, 0)
        pane.type_line(RUN.format(cmd=f"{AGENDA} {NOW} --lang zh"))
        pane.wait_for("Plenary Session")
        pane.send("?")
        pane.wait_for("上一页 / 下一页")
        pane.send("q")                                                   # closes the help
        pane.wait_for("上一页 / 下一页", absent=True)
        pane.send("q")
        finished(pane, 0)
    finally:
        pane.close()


def at_cursor(pane, screen):
    """The screen line the cursor is on, and its text from the cursor on."""
    x, y, _ = pane.cursor()
    line = screen.splitlines()[y] if y < len(screen.splitlines()) else ""
    return line, line[x:]


def expect_cursor_on(pane, title, what):
    """Waits until the cursor's line holds `title` from the cursor on, the detail beside the
    list names the same session (so the cursor is on the selected row), and the frame is
    whole (its last row, the status line, drawn); the cursor stays hidden."""
    def check(screen):
        lines = screen.splitlines()
        line, rest = at_cursor(pane, screen)
        detail = lines[2].split("│", 1)[1].strip() if len(lines) > 2 and "│" in lines[2] else ""
        return rest.startswith(title) and detail == title and len(lines) == 40 and lines[39].strip()
    pane.wait_until(check, f"{what}: cursor on {title!r}")
    assert not pane.cursor()[2], "the cursor is shown without --screen-reader"


def test_cursor_follows_the_focus():
    """Issue 16: after every key the terminal's cursor stands where the focus is (the selected
    title, the detail, the search text, the picker's entry), for screen readers and braille."""
    pane = Pane(120, 40)
    try:
        pane.type_line(RUN.format(cmd=f"{AGENDA} {PRETALX} --now 2020-12-14T08:10Z"))
        pane.wait_for("? help")
        expect_cursor_on(pane, "Focused 5thgeneration hardware", "start")
        for key, title in [("j", "Managed stable function"), ("j", "Quality-focused 6thgeneration website"),
                           ("k", "Managed stable function"), ("]", "User-centric non-volatile moderator"),
                           ("j", "Advanced 24hour hub"), ("v", "Advanced 24hour hub"),
                           ("j", "Cross-group dedicated success")]:
            pane.send(key)
            expect_cursor_on(pane, title, f"after {key}")
        assert "By room" in pane.screen()
        pane.send("/")
        pane.send("-l", "direct")
        pane.wait_until(lambda s: at_cursor(pane, s)[0].startswith(" /direct") and pane.cursor()[:2] == (8, 39),
                        "cursor after the search text")
        pane.send("Enter")
        expect_cursor_on(pane, "Down-sized directional algorithm", "search")
        pane.send("Enter")                                   # the detail has the focus
        pane.wait_until(lambda s: pane.cursor()[1] == 2 and at_cursor(pane, s)[1].startswith("Down-sized directional"),
                        "cursor on the detail's first line")
        pane.send("Escape")
        expect_cursor_on(pane, "Down-sized directional algorithm", "back in the list")
        pane.send("Escape", "p")
        pane.wait_for("Show")
        pane.send("j", "j")
        pane.wait_until(lambda s: at_cursor(pane, s)[1].startswith("[x] ") and "[x] " in s.splitlines()[pane.cursor()[1]],
                        "cursor on the picker's entry")
        first = at_cursor(pane, pane.screen())[1]
        pane.send("j")
        pane.wait_until(lambda s: at_cursor(pane, s)[1].startswith("[x] ") and at_cursor(pane, s)[1] != first,
                        "cursor on the next picker entry")
        pane.send("Escape", "q")
        finished(pane, 0)
    finally:
        pane.close()


def test_the_clock_ticking_leaves_the_cursor_on_the_focus():
    """Issue 16: the minute changing redraws the header's clock, and the cursor goes back to
    the selected title: a screen reader is not sent to the clock."""
    pane = Pane(120, 40)
    try:
        pane.type_line(RUN.format(cmd=f"{AGENDA} {PRETALX} --now 2020-12-14T08:10:57Z"))
        pane.wait_for("08:10 venue time")
        pane.send("j")
        expect_cursor_on(pane, "Managed stable function", "before the tick")
        before = pane.cursor()
        pane.wait_for("08:11 venue time", timeout=15)
        time.sleep(0.2)
        assert pane.cursor() == before, (before, pane.cursor())
        expect_cursor_on(pane, "Managed stable function", "after the tick")
        pane.send("q")
        finished(pane, 0)
    finally:
        pane.close()


PROBE = b"\r\xe2\x96\xbd\x1b[6n"      # U+25BD at the line's start, then "where is the cursor?"
WIPE = b"\r\x1b[K"


def test_glyph_probe_against_a_fake_terminal():
    """Issues 16 and 30: --glyphs auto asks the terminal once, as curses starts, and draws the
    first frame without waiting for the answer (held back here until that frame is out). A
    terminal that draws U+25BD two cells wide then gets the screen again with no
    ambiguous-width characters; one that draws it in one cell (or does not answer) gets nothing
    more. The probe's line is wiped before the first frame."""
    argv = [AGENDA, PRETALX, "--now", "2020-12-14T08:10Z"]
    for answer, unicode in [("1;2", True), ("1;3", False), (None, True)]:
        first, after = fake_terminal.run(argv, answer, split=True, answer_after=b"Focused 5thgeneration hardware")
        out = first + after
        assert out.count(b"\x1b[6n") == 1, (answer, out[:300])
        probe = first.find(PROBE + WIPE)
        assert 0 <= probe < first.find(b"DemoCon"), (answer, first[:400])     # asked and wiped, then drawn
        assert "\u2502" in first[probe:].decode("utf-8", "replace"), (answer, first[-500:])  # the divider
        redrawn = after.decode("utf-8", "replace")
        ambiguous = {c for c in redrawn if unicodedata.east_asian_width(c) == "A"}
        assert not ambiguous, (answer, ambiguous)
        # Two cells wide: the divider again in ASCII; else only the terminal put back at the end.
        assert (b"|" in after) == (not unicode), (answer, after[:400])
    # Asked for by name, or on the Linux console: no probe.
    for args, env in [(["--glyphs", "unicode"], {}), (["--glyphs", "ascii"], {}), ([], {"TERM": "linux"})]:
        out = fake_terminal.run(argv + args, "1;2", env=env)
        assert b"\x1b[6n" not in out and b"Focused 5thgeneration" in out, (args, env, out[:200])


def test_a_probe_answer_after_quitting_is_not_left_for_the_shell():
    """Ended before the width probe's answer arrives (a slow link), the browser waits a moment
    for it: the answer is not echoed by the restored terminal as `^[[1;2R` for the shell."""
    import pty, select, termios, struct, fcntl
    pid, fd = pty.fork()
    if pid == 0:
        env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", **os.environ}
        os.execve(AGENDA, [AGENDA, PRETALX, "--now", "2020-12-14T08:10Z"], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    output = b""
    deadline = time.monotonic() + 10
    while b"\x1b[6n" not in output and time.monotonic() < deadline:
        if select.select([fd], [], [], 0.1)[0]:
            output += os.read(fd, 65536)
    assert b"\x1b[6n" in output, output[:300]
    os.kill(pid, signal.SIGTERM)
    time.sleep(0.08)
    os.write(fd, b"\x1b[1;2R")
    ended = time.monotonic() + 5
    while time.monotonic() < ended:
        if select.select([fd], [], [], 0.1)[0]:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        elif os.waitpid(pid, os.WNOHANG)[0]:
            break
    time.sleep(0.3)
    try:
        while select.select([fd], [], [], 0.2)[0]:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            output += chunk
    except OSError:
        pass
    os.close(fd)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    assert b"^[[1;2R" not in output and b"1;2R" not in output.split(b"\x1b[6n", 1)[1], output[-300:]


def test_ctrl_c_while_the_probe_waits_restores_the_terminal():
    for argv in ([AGENDA, PRETALX], [AGENDA, "kiosk"]):
        out, status, echo = fake_terminal.run(argv, None, interrupt=True)
        assert status == 130 and echo, (argv, status, echo, out[-200:])


def test_no_probe_when_output_is_not_a_terminal():
    result = run(PRETALX, "--glyphs", "auto")
    assert result.returncode == 0 and b"\x1b" not in result.stdout and b"Focused" in result.stdout, result.stdout


def ambiguous_on(screen):
    return sorted({c for c in screen if unicodedata.east_asian_width(c) == "A"})


def test_ascii_glyphs_on_every_screen():
    """Issue 16: with --glyphs ascii no East Asian Ambiguous character is on any screen:
    list, detail, views, timetable, search, help, picker, my agenda."""
    state = tempfile.TemporaryDirectory()   # stars of its own
    pane = Pane(120, 40, env={"XDG_STATE_HOME": state.name})
    try:
        pane.type_line(RUN.format(cmd=f"{AGENDA} {PRETALX} --now 2020-12-14T08:10Z --glyphs ascii"))
        screen = pane.wait_for("? help")
        assert " | " in screen and "08:00-08:30" in screen, screen
        # Keys as tmux names them; "=text" is typed literally.
        steps = [(["f", "j", "f"], "* in your agenda"), (["Tab"], "Esc back"), (["Escape", "v"], "By room"),
                 (["v"], "By track"), (["v"], "Timetable"), (["v"], "Now & next"), (["v", "/", "=stable"], "/stable"),
                 (["Enter"], "1 match"), (["Escape", "?"], "Keys"), (["G"], "closes"), (["q", "p"], "Show"),
                 (["/", "=room"], "/room"), (["Escape", "Escape", "F"], "My agenda"), (["Escape", "Enter"], "Esc back")]
        for keys, text in steps:
            for key in keys:
                pane.send("-l", key[1:]) if key.startswith("=") else pane.send(key)
            screen = pane.wait_for(text)
            screen = pane.wait_until(lambda s: len(s.splitlines()) == 40 and s.splitlines()[39].strip(), "the status line")
            assert not ambiguous_on(screen), (keys, ambiguous_on(screen), screen)
        pane.send("Escape", "q")
        finished(pane, 0)
    finally:
        pane.close()
        state.cleanup()


def test_screen_reader_mode():
    """Issue 16: with --screen-reader (or AGENDA_SCREEN_READER=1) the cursor is shown on the
    selected row, marked ">"; no "…" or "│" is on screen; titles wrap whole; marks and what a
    key did are words."""
    for flag, env in [("--screen-reader", ""), ("", "AGENDA_SCREEN_READER=1 ")]:
        state = tempfile.TemporaryDirectory()   # stars of its own
        pane = Pane(60, 20, env={"XDG_STATE_HOME": state.name})
        try:
            pane.type_line(RUN.format(cmd=f"{env}{AGENDA} {PRETALX} --now 2020-12-16T08:10Z {flag}"))
            pane.wait_for("Up Down move")
            def on(title):
                def check(screen):
                    line, rest = at_cursor(pane, screen)
                    return line.startswith("> ") and rest.startswith(title) and len(screen.splitlines()) == 20
                return check
            screen = pane.wait_until(on("Enhanced dynamic interface"), "cursor on the first row")
            assert pane.cursor()[2], "the cursor is hidden"
            assert "…" not in screen and "│" not in screen, screen
            assert "Enhanced dynamic interface, Gray Room," in screen and "running" in screen, screen
            pane.send("f")
            screen = pane.wait_until(lambda s: s.splitlines()[-1].startswith(" starred"), "starred said")
            pane.send("j", "j")
            screen = pane.wait_until(on("Re-engineered bandwidth-monitored"), "cursor on the third row")
            words = " ".join(screen.split())
            assert "Re-engineered bandwidth-monitored focus group, Gray Room" in words, screen   # wrapped, not cut
            assert sum(1 for line in screen.splitlines() if line.startswith(">")) == 1, screen
            pane.send("/")
            pane.send("-l", "enhanced")
            pane.send("Enter")
            pane.wait_until(lambda s: "1 match" in s.splitlines()[-1] and on("Enhanced")(s), "the search said")
            pane.send("Enter")
            pane.wait_until(lambda s: pane.cursor()[:2] == (1, 2) and at_cursor(pane, s)[1].startswith("Enhanced"),
                            "the detail, alone, with the cursor on its title")
            assert "│" not in pane.screen() and pane.cursor()[2]
            pane.send("Escape", "Escape", "q")
            finished(pane, 0)
        finally:
            pane.close()
            state.cleanup()


def test_a_wide_character_before_a_change_stays_on_screen():
    """Text added right after a wide character that stays (the screen reader's "进行中" gaining
    ", 已收藏" on f): the row was cleared from the character's right half, which blanked it
    on the terminal, and nothing drew it again."""
    state = tempfile.TemporaryDirectory()
    pane = Pane(80, 24, env={"XDG_STATE_HOME": state.name})
    try:
        pane.type_line(RUN.format(cmd=f"{AGENDA} {NOW} --screen-reader --lang zh"))
        pane.wait_for("进行中")
        pane.send("f")
        screen = pane.wait_until(lambda s: s.splitlines()[-1].startswith(" 已收藏"), "starred said")
        assert "进行中, 已收藏" in screen, screen
        pane.send("q")
        finished(pane, 0)
    finally:
        pane.close()
        state.cleanup()


def test_chinese_all_the_way_at_80x24():
    """--lang zh on an all-Chinese programme: every screen a user reaches by keys, at 80×24,
    holds no English word, and a schedule that cannot be opened is said in Chinese too."""
    pane = Pane(80, 24)
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "年会.txt")
        with open(path, "w") as f:
            f.write(ZH_PAGE)
        try:
            pane.type_line(RUN.format(cmd=f"XDG_STATE_HOME={directory} {AGENDA} --lang zh --now 2021-10-22T13:40+08:00 {path}"))
            pane.wait_for("帮助")
            steps = [([], "? 帮助"), (["v"], "按会场"), (["v"], "（无专题）"), (["v"], "时间表"), (["v"], "正在进行与下一场"),
                     (["v"], "全部会场"), (["Enter"], "讲者"), (["Escape", "?"], "q、Esc 或 ? 关闭"),
                     (["q", "p"], "空格 切换"), (["/", "-l", "会"], "输入以缩小范围"), (["Escape", "Escape"], "? 帮助"),
                     (["/", "-l", "论坛"], "个结果"), (["Enter"], "下一个/上一个"), (["Escape", "F"], "我的日程"),
                     (["F", "c"], "与上一版本相比没有变更")]
            for keys, expected in steps:
                if keys:
                    if "-l" in keys:
                        at = keys.index("-l")
                        pane.send(*keys[:at]) if at else None
                        pane.send("-l", keys[at + 1])
                    else:
                        pane.send(*keys)
                screen = pane.wait_for(expected)
                time.sleep(0.3)                     # the frame's last rows
                screen = pane.screen()
                assert not english_words(screen), f"after {keys}: {english_words(screen)}\n{screen}"
            pane.send("q")
            finished(pane, 0)
            pane.type_line(f"{AGENDA} --lang zh {directory}/没有这个文件.xml; echo \"EX\"\"IT=$?\"")
            screen = pane.wait_for("EXIT=66")
            assert "无法打开日程" in screen, screen
        finally:
            pane.close()


def cursor_row(pane):
    """The text of the row the terminal's cursor stands on: the selected session's."""
    x, y, _ = pane.cursor()
    return pane.screen().split("\n")[y]


def test_after_the_conference_t_stars_the_session_the_detail_shows():
    """One selection: after the conference, t lands on the last session; the highlighted row,
    the counter and the detail name it, and f stars that one."""
    pane = Pane(120, 30)
    try:
        pane.type_line(RUN.format(cmd=f"{AGENDA} --now 2021-01-10T12:00Z {PRETALX}"))
        pane.wait_for("? help")
        pane.send("t")
        screen = pane.wait_for("4/4")
        row = cursor_row(pane)
        assert "Decentralized solution-oriented" in row, f"{row!r}\n{screen}"
        assert "│ Decentralized solution-oriented" in screen, screen
        pane.send("f")
        pane.wait_for("★")
        pane.send("F")
        screen = pane.wait_for("My agenda")
        assert "Decentralized solution-oriented" in screen, screen
        pane.send("q")
        finished(pane, 0)
    finally:
        pane.close()


def test_esc_while_typing_a_search_returns_where_you_were():
    pane = Pane(120, 30)
    try:
        pane.type_line(RUN.format(cmd=f"{AGENDA} --now 2020-12-15T07:50Z {PRETALX}"))
        pane.wait_for("? help")
        pane.send("j")
        before = pane.wait_for("2/4")
        row = cursor_row(pane)
        pane.send("/")
        pane.send("-l", "secured")
        pane.wait_for("/secured▏ 2 matches")
        pane.send("Escape")
        screen = pane.wait_for("/secured", absent=True)
        assert "2/4" in screen and cursor_row(pane) == row, f"{row!r}\n{screen}\nbefore:\n{before}"
        # Enter keeps the match; Esc then shows its day.
        pane.send("/")
        pane.send("-l", "secured")
        pane.wait_for("/secured▏ 2 matches")
        pane.send("Enter")
        pane.wait_for("/secured 2 matches")
        pane.send("Escape")
        screen = pane.wait_for("/secured", absent=True)
        assert "Secured grid-enabled" in cursor_row(pane) or "Decentralized" in cursor_row(pane), screen
        pane.send("q")
        finished(pane, 0)
    finally:
        pane.close()


def test_leaving_the_timetable_and_overlays_leave_nothing_behind():
    """What the terminal shows after each view change, help and picker equals a fresh redraw
    (Ctrl-L), at three sizes; help at 80 columns covers the list's first and last columns."""
    for width, height in [(80, 24), (120, 40), (200, 50)]:
        pane = Pane(width, height)
        try:
            pane.type_line(RUN.format(cmd=f"{AGENDA} --now 2020-12-15T09:40Z {PRETALX}"))
            pane.wait_for("? help")
            for keys in [["v"], ["v"], ["v"], ["Enter"], ["Escape"], ["v"], ["v"], ["?"], ["Escape"], ["p"], ["Escape"]]:
                pane.send(*keys)
                time.sleep(0.4)
                drawn = pane.screen()
                pane.send("C-l")
                time.sleep(0.4)
                assert pane.screen() == drawn, f"{width}x{height} after {keys}:\n{drawn}\n---\n{pane.screen()}"
            pane.send("?")
            screen = pane.wait_for("Keys")
            body = screen.split("\n")[2:height - 1]
            assert not any(line[:1].strip() not in ("", "┌", "│", "└") for line in body), screen
            assert "show all" in screen and "…" not in "\n".join(body), screen
            pane.send("Escape", "q")
            finished(pane, 0)
        finally:
            pane.close()


if __name__ == "__main__":
    run_tests(globals(), "usage: test_browser.py PATH/TO/agenda")
