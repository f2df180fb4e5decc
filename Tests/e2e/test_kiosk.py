#!/usr/bin/env python3
"""End-to-end tests of `agenda kiosk` in a real terminal (tmux).

Usage: test_kiosk.py PATH/TO/agenda
The board must show the bundled plenary as next and as now at the right times, ignore every
key (q, Ctrl-C, Ctrl-Z, Ctrl-\\) unless --exit-key names one, end on SIGTERM/SIGHUP with the
terminal restored, follow its schedule file, and fall back on the bare console and in ASCII."""
import datetime
import os
import signal
import subprocess
import sys
import tempfile
import time
import unicodedata

sys.path.insert(0, os.path.dirname(__file__))
import tmux_harness  # noqa: E402
from tmux_harness import SHARED, needs_shared, run_tests  # noqa: E402
import fake_terminal  # noqa: E402
from chinese import ZH_PAGE, english_words  # noqa: E402

AGENDA = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else None
# As in test_browser.py: run, then report the status and whether the tty settings came back.
RUN = 'S=$(stty -g); {cmd}; echo "EX""IT=$?"; [ "$(stty -g)" = "$S" ] && echo "TTY""=restored"'
PAGE = """{title}
Theme:A theme
Time:October 22 09:00-22 12:00,2021
Room:Hall {room}

Body text.
"""


class Pane(tmux_harness.Pane):
    """A tmux pane whose kiosks run as under systemd (INVOCATION_ID set): no hint on how to
    leave over the board, except where a test asks for one (hint=True)."""

    def __init__(self, width=100, height=30, term="xterm-256color", env=None, hint=False):
        super().__init__(width, height, term, {**({} if hint else {"INVOCATION_ID": "e2e"}), **(env or {})})

    def cells(self):
        """The screen as rows of (character, foreground, background, reverse), colours as
        numbers (None: the terminal's own), from a capture with escapes."""
        import re
        rows = []
        for line in self.tmux("capture-pane", "-p", "-e", "-N").splitlines():
            fg = bg = None
            reverse = False
            row, at = [], 0
            for match in list(re.finditer(r"\x1b\[([0-9;]*)m", line)) + [None]:
                row += [(c, fg, bg, reverse) for c in line[at:match.start() if match else len(line)]]
                if match is None:
                    break
                at = match.end()
                codes = [int(c) if c else 0 for c in match.group(1).split(";")]
                i = 0
                while i < len(codes):
                    code = codes[i]
                    if code == 0:
                        fg = bg = None
                        reverse = False
                    elif code in (7, 27):
                        reverse = code == 7
                    elif 30 <= code <= 37 or code == 39:
                        fg = None if code == 39 else code - 30
                    elif 40 <= code <= 47 or code == 49:
                        bg = None if code == 49 else code - 40
                    elif code in (38, 48) and i + 2 < len(codes) and codes[i + 1] == 5:
                        fg, bg = (codes[i + 2], bg) if code == 38 else (fg, codes[i + 2])
                        i += 2
                    i += 1
            rows.append(row)
        return rows

    @staticmethod
    def is_ink(cell):
        """A solid cell of block type: a space in reverse video (clock, timer), light on black
        (QR code) or red on light (notices)."""
        char, fg, bg, reverse = cell
        return char == " " and (reverse or (bg in (0, 16) and fg in (7, 15, 255)) or (bg in (7, 15, 255) and fg in (1, 124)))

    def solid(self):
        """The screen with every solid cell of block type as "█"."""
        return "\n".join("".join("█" if self.is_ink(cell) else cell[0] for cell in row).rstrip()
                         for row in self.cells()) + "\n"


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
        for text in ["CACIE 2021", "Friday 22 October 2021", "Convention Hall No. 1"]:
            assert text in screen, f"{text!r} missing:\n{screen}"
        assert "█" in pane.solid() and "█" not in screen, pane.solid()   # solid cells, no glyph
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
        # Rules in dashes, the clock in seven-segment strokes, the done part of the bar solid.
        assert "---------" in board and "|_|" in board and "█" in pane.solid(), board
        os.kill(pane.child_pid(), signal.SIGTERM)
        finished(pane, 143)
    finally:
        pane.close()


def test_unknown_room_is_said_on_the_board_with_the_rooms_there_are():
    pane = Pane(100, 30)
    try:
        screen = start(pane, "--room 'Hall 9' --now 2021-10-22T10:00+08:00", expect="is not in this schedule")
        assert "Hall 9 is not in this schedule" in screen and "Convention Hall No. 1" in screen, screen
        os.kill(pane.child_pid(), signal.SIGTERM)
        finished(pane, 143)
    finally:
        pane.close()


def frab_xml(sessions, title="Venue Test", acronym="VT", zone="Europe/Berlin", rooms=None):
    """A frab XML schedule. sessions: (room, title, start datetime, minutes[, url]); rooms: name
    to guid, for rooms the file declares with a guid."""
    from xml.sax.saxutils import escape, quoteattr
    rooms = dict(rooms or {})
    by_room = {}
    for session in sessions:
        by_room.setdefault(session[0], []).append(session)
        rooms.setdefault(session[0], None)
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<schedule>", "<conference>",
           f"<acronym>{escape(acronym)}</acronym><title>{escape(title)}</title>",
           f"<time_zone_name>{zone}</time_zone_name>", "</conference>"]
    days = sorted({s[2].date() for s in sessions})
    for index, day in enumerate(days):
        out.append(f'<day index="{index + 1}" date="{day.isoformat()}">')
        for room, guid in rooms.items():
            attributes = f"name={quoteattr(room)}" + (f" guid={quoteattr(guid)}" if guid else "")
            out.append(f"<room {attributes}>")
            for n, session in enumerate(by_room.get(room, [])):
                if session[2].date() != day:
                    continue
                minutes = session[3]
                url = f"<url>{escape(session[4])}</url>" if len(session) > 4 else ""
                out.append(f'<event id="{abs(hash((room, n))) % 100000}" guid="{abs(hash((room, n, "g")))}">'
                           f"<date>{session[2].isoformat()}</date><start>{session[2]:%H:%M}</start>"
                           f"<duration>{minutes // 60:02d}:{minutes % 60:02d}</duration>"
                           f"<room>{escape(room)}</room><title>{escape(session[1])}</title>{url}</event>")
            out.append("</room>")
        out.append("</day>")
    out.append("</schedule>")
    return "\n".join(out) + "\n"


def write(path, text):
    with open(path + ".tmp", "w") as f:
        f.write(text)
    os.rename(path + ".tmp", path)


BERLIN = datetime.timezone(datetime.timedelta(hours=1))


def at(text):
    """2024-12-27 10:00 in the test schedules' zone (Berlin in winter)."""
    return datetime.datetime.fromisoformat(text).replace(tzinfo=BERLIN)


def test_two_boards_show_the_same_page_at_the_same_time():
    # Real time, so that both boards read the same clock: sixty rooms with a talk on now, a
    # row each, three pages.
    now = datetime.datetime.now(datetime.timezone.utc).astimezone(BERLIN).replace(second=0, microsecond=0)
    sessions = [(f"Room {i + 1:02d}", f"Talk in room {i + 1}", now - datetime.timedelta(minutes=30), 180)
                for i in range(60)]
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "venue.xml")
        write(path, frab_xml(sessions))
        first, second = Pane(100, 30), Pane(100, 30)
        try:
            start(first, f"--page-seconds 3 {path}", expect="Page ")
            time.sleep(1.4)                       # the second board starts later, out of phase
            start(second, f"--page-seconds 3 {path}", expect="Page ")
            pages, deadline = set(), time.monotonic() + 30
            while len(pages) < 3:
                assert time.monotonic() < deadline, f"pages seen: {pages}"
                # Sample inside a page's dwell, away from the turn both boards make together.
                phase = time.time() % 3
                time.sleep((1.5 - phase) % 3)
                one, two = first.screen(), second.screen()
                if one.splitlines()[:2] != two.splitlines()[:2]:
                    continue                      # the minute turned between the two captures
                assert one == two, f"the boards differ:\n{one}\n---\n{two}"
                pages.add(one[one.index("Page "):].split()[1])
            for pane in (first, second):
                os.kill(pane.child_pid(), signal.SIGTERM)
                finished(pane, 143)
        finally:
            first.close()
            second.close()


def test_a_clock_before_2020_says_clock_not_set():
    pane = Pane(100, 30)
    try:
        screen = start(pane, "--now 1970-01-01T00:05Z", expect="clock not set")
        assert "Plenary Session" not in screen and "programme" not in screen, screen
        os.kill(pane.child_pid(), signal.SIGTERM)
        finished(pane, 143)
    finally:
        pane.close()


def test_a_room_given_by_guid_keeps_its_screen_through_a_rename():
    guid = "ba692ba3-421b-5371-8309-60acc34a3c05"
    talk = [("Saal 1", "Opening Ceremony", at("2024-12-27T10:30"), 60), ("Saal 2", "Other Talk", at("2024-12-27T10:30"), 60)]
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "38c3.xml")
        write(path, frab_xml(talk, rooms={"Saal 1": guid}))
        pane = Pane(100, 30)
        try:
            screen = start(pane, f"--room {guid} --now 2024-12-27T10:40+01:00 {path}", expect="Opening Ceremony")
            assert "Saal 1" in screen and "Other Talk" not in screen, screen
            renamed = [("Saal One", "Opening Ceremony", at("2024-12-27T10:30"), 60)] + talk[1:]
            write(path, frab_xml(renamed, rooms={"Saal One": guid}))
            screen = pane.wait_for("Saal One", timeout=6)
            assert "Opening Ceremony" in screen and "not in this schedule" not in screen, screen
            os.kill(pane.child_pid(), signal.SIGTERM)
            finished(pane, 143)
        finally:
            pane.close()


def test_two_rooms_make_one_door_screen():
    with tempfile.TemporaryDirectory() as directory:
        paths = []
        for room, title in (("A", "Alpha Talk"), ("B", "Beta Talk"), ("C", "Gamma Talk")):
            paths.append(os.path.join(directory, f"{room}.txt"))
            with open(paths[-1], "w") as f:
                f.write(PAGE.format(title=title, room=room))
        pane = Pane(100, 30)
        try:
            screen = start(pane, f"--room 'Hall A' --room 'hall b' --now 2021-10-22T10:00+08:00 {' '.join(paths)}",
                           expect="Beta Talk")
            assert "Alpha Talk" in screen and "Gamma Talk" not in screen, screen
            assert "Hall A · Hall B" in screen, screen
            os.kill(pane.child_pid(), signal.SIGTERM)
            finished(pane, 143)
        finally:
            pane.close()


DAYS = [("Hall 1", "First Day Keynote", at("2024-12-27T10:00"), 60),
        ("Hall 1", "Evening Talk", at("2024-12-27T18:00"), 60),
        ("Hall 2", "Hall Two Talk", at("2024-12-27T11:00"), 60),
        ("Hall 1", "Second Day Opener", at("2024-12-28T09:30"), 60),
        ("Hall 2", "Last Talk of All", at("2024-12-28T15:00"), 60)]


def test_day_boundaries():
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "days.xml")
        write(path, frab_xml(DAYS, title="Venue Test 2024", acronym="vt24"))
        checks = [
            # Before the conference: a countdown to the first session.
            ("--now 2024-12-25T12:00+01:00", "starts in 1 d 22 h",
             ["starts on Friday 27 December 2024 at 10:00", "First Day Keynote", "Venue Test 2024"]),
            # The header names the conference day; the board is on.
            ("--now 2024-12-28T09:00+01:00 --room 'Hall 1'", "Day 2 ·", ["Second Day Opener"]),
            # After a room's last session of the day: nothing more here, then the room's next.
            ("--now 2024-12-27T19:30+01:00 --room 'Hall 1'", "Nothing more here today",
             ["Next here", "Sat 28 Dec 2024", "09:30", "Second Day Opener", "Day 1 ·"]),
            # The venue after the day's last session: the next day opens with …
            ("--now 2024-12-27T22:00+01:00", "Nothing more today",
             ["Day 2 continues on Saturday 28 December 2024 at 09:30", "Second Day Opener"]),
            # After the last session of the conference: the closing line.
            # (The expected text is never one the typed command holds: that would match the echo.)
            ("--now 2024-12-28T17:00+01:00 --closing 'See you next year!'", "The programme has ended",
             ["See you next year!"]),
        ]
        for args, expect, texts in checks:
            pane = Pane(100, 30)
            try:
                screen = start(pane, f"{args} {path}", expect=expect)
                for text in texts:
                    assert text in screen, f"{args}: {text!r} missing:\n{screen}"
                os.kill(pane.child_pid(), signal.SIGTERM)
                finished(pane, 143)
            finally:
                pane.close()


def test_the_header_shows_the_title_and_the_clock_size_the_docs_give():
    excerpt = os.path.join(os.path.dirname(__file__), "..", "Fixtures", "schedules", "38c3-excerpt.xml")
    for (width, height), rows in (((100, 30), 3), ((120, 40), 5), ((200, 50), 5), ((80, 24), 3)):
        pane = Pane(width, height)
        try:
            screen = start(pane, f"--now 2024-12-27T10:40+01:00 {excerpt}", expect="38C3")
            assert "38c3" not in screen, screen
            clock = [line for line in pane.solid().splitlines()[:6] if "█" in line or "▀" in line or "▄" in line]
            assert len(clock) == rows, f"{width}x{height}: a clock of {len(clock)} rows, not {rows}:\n{screen}"
            os.kill(pane.child_pid(), signal.SIGTERM)
            finished(pane, 143)
        finally:
            pane.close()


def test_later_today_keeps_its_columns_after_a_plus_one():
    sessions = [("Hall 1", "Now Running", at("2024-12-27T20:00"), 60),
                ("Hall 1", "Next One", at("2024-12-27T21:30"), 30),
                ("Hall 1", "Late Night", at("2024-12-27T23:30"), 90),
                ("Hall 1", "After Midnight", at("2024-12-28T01:30"), 30)]
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "late.xml")
        write(path, frab_xml(sessions))
        pane = Pane(100, 30)
        try:
            screen = start(pane, f"--room 'Hall 1' --now 2024-12-27T20:10+01:00 {path}", expect="After Midnight")
            lines = screen.splitlines()
            late = next(line for line in lines if "Late Night" in line)
            after = next(line for line in lines if "After Midnight" in line)
            assert "(+1)" in late and late.index("Late Night") == after.index("After Midnight"), screen
            os.kill(pane.child_pid(), signal.SIGTERM)
            finished(pane, 143)
        finally:
            pane.close()


def notices_json(notices=(), rooms=None):
    import json
    return json.dumps({"notices": list(notices), "rooms": rooms or {}})


def test_notices_and_room_status_follow_the_file():
    sessions = [("Hall 1", "Keynote Talk", at("2024-12-27T10:00"), 120), ("Hall 2", "Side Talk", at("2024-12-27T10:00"), 120)]
    with tempfile.TemporaryDirectory() as directory:
        path, notices = os.path.join(directory, "venue.xml"), os.path.join(directory, "notices.json")
        write(path, frab_xml(sessions))
        write(notices, notices_json([{"text": "Lunch in Hall B from 12:00", "level": "info"}]))
        door, venue = Pane(100, 30), Pane(100, 30)
        try:
            start(door, f"--room 'Hall 1' --notices {notices} --now 2024-12-27T10:30+01:00 {path}", expect="Lunch in Hall B")
            start(venue, f"--notices {notices} --now 2024-12-27T10:30+01:00 {path}", expect="Lunch in Hall B")
            # A full room: the banner with its note on its door screen, a mark on the venue board.
            write(notices, notices_json(rooms={"hall 1": {"status": "full", "note": "Watch the stream in Hall 2 \x1b[31m"}}))
            screen = door.wait_for("ROOM FULL", timeout=5)
            assert "Watch the stream in Hall 2" in screen and "Lunch in Hall B" not in screen, screen
            assert "\x1b" not in screen and "[31m" not in screen, screen
            screen = venue.wait_for("ROOM FULL", timeout=5)
            lines = screen.splitlines()
            hall = next((i for i, line in enumerate(lines) if "Hall 1" in line), None)
            assert hall is not None, screen
            assert "ROOM FULL" in lines[hall] + lines[hall + 1] and "Watch the stream" not in screen, screen
            assert "ROOM FULL" not in "".join(lines[hall + 2:]), screen    # Hall 2 is not full
            # An urgent notice for Hall 2 only takes its screens; the door of Hall 1 stays.
            write(notices, notices_json([{"text": "Plenary moved to Hall 2", "level": "urgent", "rooms": ["Hall 2"]}]))
            door.wait_for("ROOM FULL", timeout=5, absent=True)
            assert "Plenary moved" not in door.screen()
            # An evacuation takes over every screen it names; "*" names them all.
            write(notices, notices_json(rooms={"*": {"status": "evacuate", "note": "Leave by the east doors"}}))
            for pane in (door, venue):
                screen = pane.wait_for("EVACUATE", timeout=5)
                # The note is in block type under the words: rows of blocks, not text.
                below = pane.solid().split("EVACUATE", 1)[1].splitlines()
                assert sum(1 for line in below if "▀" in line or "█" in line) >= 4, pane.solid()
                assert "Keynote Talk" not in screen, screen
            # A broken version keeps the last good one, marked; notices vanish at their until.
            write(notices, notices_json([{"text": "Doors close soon", "until": "2024-12-27T10:31:00+01:00"}]))
            venue.wait_for("Doors close soon", timeout=5)
            with open(notices, "w") as f:
                f.write("{broken")
            screen = venue.wait_for("notices update failed", timeout=5)
            assert "Doors close soon" in screen and "agenda:" not in screen, screen
            venue.wait_for("Doors close soon", timeout=100, absent=True)
            for pane in (door, venue):
                os.kill(pane.child_pid(), signal.SIGTERM)
                finished(pane, 143)
        finally:
            door.close()
            venue.close()


def test_room_status_feed_from_a_server():
    """--room-status URL: FOSDEM's feed (state as a number or a numeric string) from a local
    server, read beside a --notices file; polled with its ETag (304s), the last good copy kept
    when the server goes, marked STALE after --notices-stale, unmarked when it is back."""
    import json
    import urllib.request
    sessions = [("Hall 1", "Keynote Talk", at("2024-12-27T10:00"), 120), ("Hall 2", "Side Talk", at("2024-12-27T10:00"), 120)]
    with tempfile.TemporaryDirectory() as directory:
        path, notices, feed = (os.path.join(directory, name) for name in ("venue.xml", "notices.json", "feed.json"))
        write(path, frab_xml(sessions))
        write(notices, notices_json([{"text": "Lunch in Hall B from 12:00", "level": "info"}]))

        def publish(text):
            write(feed + ".next", text)
            os.replace(feed + ".next", feed)

        def serve(port=0):
            process = subprocess.Popen([sys.executable, os.path.join(os.path.dirname(__file__), "schedule_server.py"), feed,
                                        "--port", str(port)], stdout=subprocess.PIPE)
            return process, int(process.stdout.readline().split()[1])

        def stats(port):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/stats", timeout=5) as response:
                return json.load(response)

        publish('[{"roomname": "Hall 1", "state": "1"}, {"roomname": "Hall 2", "state": 0}]')
        server, port = serve()
        pane = Pane(100, 30)
        try:
            url = f"http://127.0.0.1:{port}/schedule"
            start(pane, f"--room 'Hall 1' --notices {notices} --room-status {url} --notices-poll 1 --notices-stale 3 "
                        f"--now 2024-12-27T10:30+01:00 {path}", expect="ROOM FULL")
            time.sleep(2.5)
            seen = stats(port)
            assert seen["not_modified"] >= 1 and seen["if_none_match"], seen
            publish('[{"roomname": "Hall 1", "state": 2}]')
            pane.wait_for("EVACUATE", timeout=5)
            publish('[{"roomname": "Hall 1", "state": 0}]')
            screen = pane.wait_for("EVACUATE", timeout=5, absent=True)
            assert "ROOM FULL" not in screen and "Lunch in Hall B" in screen, screen   # both sources on screen
            # A version that does not read stays "failed" and goes STALE while the server
            # answers its ETag with 304s: the copy on screen is not that version.
            publish('[{"roomname": ')
            pane.wait_for("notices update failed", timeout=5)
            pane.wait_for("STALE", timeout=8)
            publish('[{"roomname": "Hall 1", "state": 0}]')
            pane.wait_for("STALE", timeout=8, absent=True)
            server.kill()
            server.wait()
            pane.wait_for("notices update failed", timeout=5)
            screen = pane.wait_for("STALE", timeout=8)
            assert "Keynote Talk" in screen, screen                                      # the board stays
            server, _ = serve(port)
            pane.wait_for("STALE", timeout=8, absent=True)
            os.kill(pane.child_pid(), signal.SIGTERM)
            finished(pane, 143)
            # validate reads the feed too, and names a bad state with its line.
            write(notices, '[{"roomname": "Janson", "state": 1},\n {"roomname": "K.1.105", "state": "7"}]')
            pane.type_line("clear")
            pane.type_line(f"{AGENDA} validate --notices {feed} 2>&1; echo \"EX\"\"IT=$?\"")
            screen = pane.wait_for("EXIT=")
            assert "EXIT=0" in screen and "0 notices, 1 room status," in screen, screen
            pane.type_line("clear")
            pane.type_line(f"{AGENDA} validate --notices {notices} 2>&1; echo \"EX\"\"IT=$?\"")
            screen = pane.wait_for("EXIT=")
            # A bad entry is passed over with a warning (the other rooms still read).
            assert "EXIT=0" in screen and ':2: warning' in screen and 'state "7"' in screen, screen
        finally:
            pane.close()
            server.kill()
            server.wait()


def test_a_notices_server_that_hangs_does_not_hold_the_start():
    """The first read of a notices URL waits seconds, not the minute a poll may: the board
    starts (marked as failing) long before systemd's start timeout, and later polls go on."""
    with tempfile.TemporaryDirectory() as directory:
        feed = os.path.join(directory, "feed.json")
        write(feed, '[{"roomname": "Convention Hall No. 1", "state": 1}]')
        server = subprocess.Popen([sys.executable, os.path.join(os.path.dirname(__file__), "schedule_server.py"), feed],
                                  stdout=subprocess.PIPE)
        port = int(server.stdout.readline().split()[1])
        pane = Pane(100, 30)
        try:
            started = time.monotonic()
            start(pane, f"--notices http://127.0.0.1:{port}/slow/120 --now 2021-10-22T10:00+08:00", expect="Plenary Session")
            assert time.monotonic() - started < 8, time.monotonic() - started   # a poll may wait 10 s for bytes
            os.kill(pane.child_pid(), signal.SIGTERM)
            finished(pane, 143)
        finally:
            pane.close()
            server.kill()
            server.wait()


def test_validate_checks_a_venue_file():
    excerpt = os.path.join(os.path.dirname(__file__), "..", "Fixtures", "schedules", "38c3-excerpt.xml")
    with tempfile.TemporaryDirectory() as directory:
        good, bad = os.path.join(directory, "venue.json"), os.path.join(directory, "bad.json")
        write(good, '{"map": "https://38c3.c3nav.de/l/{room_guid}/",\n "rooms": {"Saal 1": {"dect": "8011"},\n "Saal 9": {"note": "x"}}}')
        write(bad, '{"rooms": {"Saal 1": {"dect": [8011]}}}')
        pane = Pane(120, 30)
        try:
            pane.type_line(f"{AGENDA} validate {excerpt} --venue {good} 2>&1; echo \"EX\"\"IT=$?\"")
            screen = pane.wait_for("EXIT=")
            assert "EXIT=0" in screen and ':3: warning: "Saal 9" is not in the schedule' in screen, screen
            assert "ok: 2 rooms, map template, 1 warning" in screen, screen
            pane.type_line("clear")
            pane.type_line(f"{AGENDA} validate --venue {bad} 2>&1; echo \"EX\"\"IT=$?\"")
            screen = pane.wait_for("EXIT=")
            assert "EXIT=65" in screen and '"dect" must be text' in screen, screen
        finally:
            pane.close()


def test_a_kiosk_started_by_hand_says_how_to_leave():
    pane = Pane(100, 30, hint=True)
    try:
        screen = start(pane, "--now 2021-10-22T10:00+08:00", expect="To leave this board")
        assert f"kill {pane.child_pid()}" in screen and "--exit-key" in screen, screen
        pane.wait_for("To leave this board", timeout=15, absent=True)
        os.kill(pane.child_pid(), signal.SIGTERM)
        finished(pane, 143)
        screen = start(pane, "--exit-key esc --now 2021-10-22T10:00+08:00", expect="--exit-key it was started with")
        assert "press esc" not in screen, screen
        pane.send("Escape")
        finished(pane, 0)
    finally:
        pane.close()


def test_validate_checks_a_notices_file():
    excerpt = os.path.join(os.path.dirname(__file__), "..", "Fixtures", "schedules", "38c3-excerpt.xml")
    with tempfile.TemporaryDirectory() as directory:
        good, bad = os.path.join(directory, "good.json"), os.path.join(directory, "bad.json")
        write(good, notices_json([{"text": "Hi", "rooms": ["Saal 9"]}], {"Saal 1": {"status": "full"}}))
        write(bad, notices_json([{"text": "Hi", "level": "loud"}]))
        pane = Pane(120, 30)
        try:
            pane.type_line(f"{AGENDA} validate {excerpt} --notices {good} 2>&1; echo \"EX\"\"IT=$?\"")
            screen = pane.wait_for("EXIT=")
            assert "EXIT=0" in screen and '"Saal 9" is not in the schedule' in screen and "1 notice, 1 room status" in screen, screen
            pane.type_line("clear")
            pane.type_line(f"{AGENDA} validate --notices {bad} 2>&1; echo \"EX\"\"IT=$?\"")
            screen = pane.wait_for("EXIT=")
            assert "EXIT=65" in screen and 'level "loud" is not info or urgent' in screen, screen
        finally:
            pane.close()


def test_two_keys_naming_one_room_evacuate_in_every_run():
    """A room's name in two spellings, and its guid, with different statuses: every start of
    its door screen (a new process, a new order of Swift's dictionaries) shows the most severe,
    and validate names the line that names the room again."""
    sessions = [("Hall 1", "Keynote Talk", at("2024-12-27T10:00"), 120), ("Hall 2", "Side Talk", at("2024-12-27T10:00"), 120)]
    guid = "a0b1c2d3-0000-4000-8000-000000000001"
    with tempfile.TemporaryDirectory() as directory:
        path, notices = os.path.join(directory, "venue.xml"), os.path.join(directory, "notices.json")
        write(path, frab_xml(sessions, rooms={"Hall 1": guid}))
        env = {"XDG_CACHE_HOME": os.path.join(directory, "cache"), "XDG_STATE_HOME": os.path.join(directory, "state")}
        pane = Pane(100, 30, env=env)
        try:
            for run, (first, second, third) in enumerate([("open", "evacuate", "open"), ("evacuate", "open", "full")] * 3):
                write(notices, '{"rooms": {\n'
                      f'  "Hall 1": {{"status": "{first}"}},\n'
                      f'  "HALL 1": {{"status": "{second}"}},\n'
                      f'  "{guid}": {{"status": "{third}"}}\n'
                      "}}\n")
                pane.type_line("clear")
                screen = start(pane, f"--room 'Hall 1' --notices {notices} --now 2024-12-27T10:30+01:00 {path}", expect="EVACUATE")
                assert "Keynote Talk" not in screen, (run, screen)
                os.kill(pane.child_pid(), signal.SIGTERM)
                finished(pane, 143)
            result = subprocess.run([AGENDA, "validate", path, "--notices", notices], capture_output=True, text=True,
                                    env={**os.environ, **env}, timeout=20)
            assert result.returncode == 0 and "3 room statuses, 2 warnings" in result.stdout, result
            assert result.stderr.splitlines() == [
                f'{notices}:3: warning: room "HALL 1" names the same room as "Hall 1" (line 2): the most severe status, evacuate, is shown',
                f'{notices}:4: warning: room "{guid}" names the same room as "Hall 1" (line 2): the most severe status, evacuate, is shown',
            ], result.stderr
        finally:
            pane.close()


def test_systemd_hears_ready_status_and_the_watchdog_only_while_the_loop_renders():
    import socket
    with tempfile.TemporaryDirectory() as directory:
        address = os.path.join(directory, "notify")
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        listener.bind(address)
        listener.settimeout(0.2)

        def heard(seconds):
            messages, deadline = [], time.monotonic() + seconds
            while time.monotonic() < deadline:
                try:
                    messages.append(listener.recv(4096).decode())
                except socket.timeout:
                    pass
            return messages

        pane = Pane(100, 30)
        try:
            start(pane, "--now 2021-10-22T10:00+08:00", env=f"NOTIFY_SOCKET={address} WATCHDOG_USEC=400000")
            messages = heard(1.5)
            first = next(m for m in messages if "READY=1" in m)
            assert "STATUS=schedule " in first and "sessions" in first and "last good fetch" in first, messages
            assert sum(m == "WATCHDOG=1" for m in messages) >= 4, messages
            pid = pane.child_pid()
            os.kill(pid, signal.SIGSTOP)              # a frozen loop says nothing
            heard(0.3)
            assert not any("WATCHDOG" in m for m in heard(1.0)), "a stopped loop still fed the watchdog"
            os.kill(pid, signal.SIGCONT)
            assert "WATCHDOG=1" in heard(1.0)
            # The shell gave up on the stopped job: end it directly.
            os.kill(pid, signal.SIGTERM)
        finally:
            pane.close()
            listener.close()


def test_sigusr1_writes_the_screen_to_the_state_folder():
    with tempfile.TemporaryDirectory() as directory:
        pane = Pane(100, 30)
        try:
            start(pane, "--now 2021-10-22T10:00+08:00", env=f"STATE_DIRECTORY={directory}")
            pid = pane.child_pid()
            dump = os.path.join(directory, "screen.txt")
            assert not os.path.exists(dump)
            os.kill(pid, signal.SIGUSR1)
            deadline = time.monotonic() + 3
            while not os.path.exists(dump) and time.monotonic() < deadline:
                time.sleep(0.05)
            with open(dump) as f:
                text = f.read()
            assert "Plenary Session" in text and "2 h left" in text and "\x1b" not in text, text
            assert pane.child_pid() == pid and "EXIT=" not in pane.screen()   # it goes on
            os.kill(pid, signal.SIGTERM)
            finished(pane, 143)
        finally:
            pane.close()


def test_quiet_hours_blank_the_screen():
    cases = [("--on 07:30-22:00 --now 2021-10-22T23:00+08:00", False),
             ("--on 07:30-22:00 --now 2021-10-22T10:00+08:00", True),
             ("--on 18:00-02:00 --now 2021-10-22T01:30+08:00", True),   # overnight: still on
             ("--on 18:00-02:00 --now 2021-10-22T10:00+08:00", False)]
    for args, shows in cases:
        pane = Pane(100, 30)
        try:
            pane.type_line("clear; " + RUN.format(cmd=f"{AGENDA} kiosk {args}"))
            time.sleep(1.0)
            screen = pane.screen()
            assert "EXIT=" not in screen and pane.alternate_screen_on(), screen
            assert ("CACIE 2021" in screen) == shows, f"{args}:\n{screen}"
            if not shows:
                assert screen.strip() == "", f"{args}: not blank:\n{screen}"
            os.kill(pane.child_pid(), signal.SIGTERM)
            finished(pane, 143)
        finally:
            pane.close()


def decode_qr(screen):
    """Reads a QR code back from the screen below the header rule (`Pane.solid`): each cell
    two pixels high (█ both dark, ▀ the top, ▄ the bottom, anything else light), decoded with
    zbarimg."""
    import shutil
    import subprocess
    assert shutil.which("zbarimg"), "zbarimg is missing: apt-get install zbar-tools"
    lines = screen.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("───"))
    body = lines[rule + 1:]
    width, scale = max(len(line) for line in body), 4
    pixels = []
    for line in body:
        line = line.ljust(width)
        pixels += [[c in "█▀" for c in line], [c in "█▄" for c in line]]
    with tempfile.TemporaryDirectory() as directory:
        image = os.path.join(directory, "screen.pgm")
        with open(image, "w") as f:
            f.write(f"P2\n{width * scale} {len(pixels) * scale}\n255\n")
            for row in pixels:
                text = " ".join("0" if dark else "255" for dark in row for _ in range(scale))
                f.write((text + "\n") * scale)
        result = subprocess.run(["zbarimg", "-q", "--raw", image], capture_output=True, text=True)
    return result.stdout.strip() or None


def test_qr_codes_read_back_from_the_screen():
    excerpt = os.path.join(os.path.dirname(__file__), "..", "Fixtures", "schedules", "38c3-excerpt.xml")
    talk = "https://events.ccc.de/congress/2024/hub/de/event/38c3-opening-ceremony/"
    with tempfile.TemporaryDirectory() as directory:
        notices = os.path.join(directory, "notices.json")
        write(notices, notices_json())
        cases = [((100, 30), "", talk),
                 ((100, 30), "--qr none", None),
                 ((80, 24), "", None),                 # no room for it whole: left out, never clipped
                 ((160, 45), "--stream-url https://stream.example/saal1", talk)]
        for (width, height), args, expected in cases:
            pane = Pane(width, height)
            try:
                # On roomy screens the title is in block type: wait for the Next row's text.
                screen = start(pane, f"--room 'Saal 1' --now 2024-12-27T10:40+01:00 --notices {notices} {args} {excerpt}",
                               expect="Correctiv")
                time.sleep(0.3)
                screen = pane.solid()
                assert decode_qr(screen) == expected, f"{args}: read {decode_qr(screen)!r}, not {expected!r}:\n{screen}"
                if expected is None:
                    body = screen[screen.index("───"):]
                    assert "▀" not in body and "▄" not in body, screen
                if "stream-url" in args:
                    # A full room shows where to watch instead.
                    write(notices, notices_json(rooms={"Saal 1": {"status": "full", "note": "Watch the stream"}}))
                    screen = pane.wait_for("ROOM FULL", timeout=5)
                    time.sleep(0.3)
                    assert decode_qr(pane.solid()) == "https://stream.example/saal1", pane.solid()
                os.kill(pane.child_pid(), signal.SIGTERM)
                finished(pane, 143)
            finally:
                pane.close()


FONT = {"0": ["111", "101", "101", "101", "111"], "1": ["110", "010", "010", "010", "111"],
        "2": ["111", "001", "111", "100", "111"], "3": ["111", "001", "111", "001", "111"],
        "4": ["101", "101", "111", "001", "001"], "5": ["111", "100", "111", "001", "111"],
        "6": ["111", "100", "111", "101", "111"], "7": ["111", "001", "001", "001", "001"],
        "8": ["111", "101", "111", "101", "111"], "9": ["111", "101", "111", "001", "111"],
        ":": ["0", "1", "0", "1", "0"], "-": ["000", "000", "111", "000", "000"],
        "+": ["000", "010", "111", "010", "000"]}


def big_time(screen):
    """The time the stage timer shows in block digits, read back pixel by pixel."""
    rows = [line for line in screen.splitlines() if "██" in line]
    assert rows, screen
    left = min(len(line) - len(line.lstrip()) for line in rows)
    rows = [line[left:].rstrip() for line in rows]
    k = len(rows) // 5
    pixels = ["".join("1" if (line.ljust(200)[x] == "█") else "0" for x in range(0, max(map(len, rows)), 2 * k))
              for line in rows[::k]]
    text, x = "", 0
    while x < len(pixels[0]):
        for char, glyph in FONT.items():
            width = len(glyph[0])
            if all(pixels[r][x:x + width].ljust(width, "0") == glyph[r] for r in range(5)):
                text, x = text + char, x + width + 1
                break
        else:
            raise AssertionError(f"unreadable digits at pixel {x}:\n" + "\n".join(pixels))
    return text


def colour_of_digits(pane):
    """The colour the digits' solid cells are drawn in, as an SGR foreground code (39: the
    terminal's own)."""
    for row in pane.cells():
        ink = [cell for cell in row if Pane.is_ink(cell)]
        if len(ink) >= 4:
            fg = ink[0][1]
            return "39" if fg is None else str(30 + fg) if fg < 8 else f"38;5;{fg}"
    raise AssertionError(pane.solid())


def test_the_stage_timer():
    sessions = [("Stage", "Keynote on Time", at("2024-12-27T10:00"), 30),
                ("Stage", "Second Talk", at("2024-12-27T11:00"), 45)]
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "stage.xml")
        write(path, frab_xml(sessions))
        cases = [("09:50:00", "Keynote on Time", ["-10:00", "-9:59", "-9:58", "-9:57"], "39"),
                 ("10:20:00", "Keynote on Time", ["10:00", "9:59", "9:58", "9:57"], "39"),
                 ("10:26:30", "Keynote on Time", ["3:30", "3:29", "3:28", "3:27"], "35"),
                 ("10:29:00", "Keynote on Time", ["1:00", "0:59", "0:58", "0:57"], "31"),
                 ("10:31:05", "Keynote on Time", ["+1:05", "+1:06", "+1:07", "+1:08"], None),
                 ("10:50:00", "Second Talk", ["-10:00", "-9:59", "-9:58", "-9:57"], "39")]
        for clock, title, times, colour in cases:
            pane = Pane(100, 30)
            try:
                start(pane, f"--timer --room Stage --now 2024-12-27T{clock}+01:00 {path}", expect=title)
                screen = pane.solid()
                assert big_time(screen) in times, f"{clock}: {big_time(screen)!r}, not {times[0]}:\n{screen}"
                if title == "Keynote on Time" and clock < "10:30":
                    assert "Second Talk" in screen and "Next" in screen, screen   # the next talk, small
                if colour:
                    # The terminal's own colour is neither the caution colour (magenta, 35: it
                    # reads on black and on white, where yellow does not) nor red (31).
                    drawn = colour_of_digits(pane).split(";")
                    wanted = colour in drawn if colour != "39" else not {"31", "35"} & set(drawn)
                    assert wanted, f"{clock}: digits drawn with {drawn!r}, expected {colour}"
                else:                                   # overtime flashes: the look changes each second
                    looks = set()
                    for _ in range(6):
                        looks.add(colour_of_digits(pane))
                        time.sleep(0.4)
                    assert len(looks) >= 2, looks
                os.kill(pane.child_pid(), signal.SIGTERM)
                finished(pane, 143)
            finally:
                pane.close()


@needs_shared
def test_the_38c3_venue_board_reads_at_a_glance():
    # 18 pages of 4 rooms at 80x24 before rooms with nothing soon collapsed into "Later".
    schedule = os.path.join(SHARED, "schedules", "38c3-schedule.xml")
    pane = Pane(80, 24)
    try:
        screen = start(pane, f"--now 2024-12-28T20:00+01:00 {schedule}", expect="Page 1/")
        pages = int(screen[screen.index("Page 1/") + 7:].split()[0])
        assert pages <= 5, f"{pages} pages a round:\n{screen}"
        assert "38C3" in screen and "Later" in screen and "Saal 1" in screen, screen
        os.kill(pane.child_pid(), signal.SIGTERM)
        finished(pane, 143)
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


def test_ascii_glyphs_on_door_board_and_timer():
    """Issue 16: with --glyphs ascii no East Asian Ambiguous character is on the door screen,
    the venue board or the stage timer (Chinese, being wide, stays); the cursor rests still
    at the top left, where it reads nothing that moves."""
    excerpt = os.path.join(os.path.dirname(__file__), "..", "Fixtures", "schedules", "38c3-excerpt.xml")
    cases = [((100, 30), f"--room 'Saal 1' --now 2024-12-27T10:40+01:00 {excerpt}", "Opening Ceremony"),
             ((120, 40), f"--now 2024-12-27T10:40+01:00 {excerpt}", "Opening Ceremony"),
             ((100, 30), f"--timer --room 'Saal 1' --now 2024-12-27T10:40+01:00 {excerpt}", "Opening Ceremony"),
             ((120, 40), "--now 2021-10-22T10:00+08:00", "2 h left")]
    for (width, height), args, expect in cases:
        pane = Pane(width, height)
        try:
            start(pane, args + " --glyphs ascii", expect=expect)
            time.sleep(0.3)
            screen = pane.screen()
            ambiguous = sorted({c for c in screen if unicodedata.east_asian_width(c) == "A"})
            assert not ambiguous, f"{args}: {ambiguous}\n{screen}"
            assert "--------" in screen or "--timer" in args, screen
            if "2021" in args:
                assert "正在进行" in screen, screen      # the labels keep their language
            assert pane.cursor()[:2] == (0, 0), pane.cursor()
            os.kill(pane.child_pid(), signal.SIGTERM)
            finished(pane, 143)
        finally:
            pane.close()


def test_glyph_probe_against_a_fake_terminal():
    """Issues 16 and 30: the kiosk asks as the browser does, without waiting: its first board
    has the block clock; two cells wide then draws it again without one."""
    for answer, unicode in [("1;2", True), ("1;3", False)]:
        first, after = fake_terminal.run([AGENDA, "kiosk", "--now", "2021-10-22T10:00+08:00"], answer,
                                         split=True, answer_after=b"Plenary Session")
        assert b"\r\xe2\x96\xbd\x1b[6n\r\x1b[K" in first[:first.find(b"Plenary Session")], first[:400]
        drawn = first.decode("utf-8", "replace")
        assert "\u2588" in drawn or "\u2580" in drawn, drawn[:3000]
        redrawn = after.decode("utf-8", "replace")
        assert not any(unicodedata.east_asian_width(c) == "A" for c in redrawn), (answer, redrawn[:3000])
        assert (len(after) > 200) == (not unicode), (answer, after[:400])


def test_chinese_boards_at_80x24():
    """--lang zh: the venue board, a door screen and the stage timer on an all-Chinese programme
    hold no English word (a session on another day is 10月23日 周六, not Sat)."""
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "年会.txt")
        write(path, ZH_PAGE)
        for args, expected in [("", "稍后"), ("--room 二〇一会议室", "即将开始"), ("--room 一号会议厅", "此处下一场"),
                               ("--timer --room 二〇一会议室", "高等教育国际合作论坛")]:
            pane = Pane(80, 24)
            try:
                start(pane, f"--lang zh --now 2021-10-22T13:20+08:00 {args} {path}", expect=expected)
                time.sleep(0.5)                     # the frame's last rows
                screen = pane.screen()
                assert not english_words(screen), f"{args}: {english_words(screen)}\n{screen}"
                os.kill(pane.child_pid(), signal.SIGTERM)
                finished(pane, 143)
            finally:
                pane.close()


if __name__ == "__main__":
    run_tests(globals(), "usage: test_kiosk.py PATH/TO/agenda")
