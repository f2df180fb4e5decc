#!/usr/bin/env python3
"""End-to-end tests of favourites that travel and reminders for calendars.

Usage: test_favourites.py PATH/TO/agenda [NAME...]
The real binary exports and imports stars in every format, reads a calendar app's export, and
writes VALARMs that a calendar library (pip install icalendar) reads as reminders."""
import datetime
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from tmux_harness import Pane, run_tests  # noqa: E402

AGENDA = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else None
PRETALX = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "Fixtures", "schedules", "pretalx-excerpt.json"))
FIRST = "8079583e-8321-506c-95af-fd2903a5f075"      # Focused 5thgeneration hardware
SECOND = "2d64f8e2-26ee-529f-b5ab-3b3f326e31b9"     # Quality-focused 6thgeneration website
THIRD = "3a74bb53-ef1a-57ce-9ba7-904d27e9eb5f"      # Managed stable function


def agenda(*args, stdin=None, status=0):
    result = subprocess.run([AGENDA, *args], capture_output=True, text=True, input=stdin)
    assert result.returncode == status, (args, result.returncode, result.stderr)
    return result


def starred():
    return set(agenda("favourites", "export", PRETALX).stdout.split("\n")[1:]) - {""}


def test_export_and_import_round_trip_in_every_format():
    agenda("favourites", "import", "-", PRETALX, stdin=f"{FIRST}\n{SECOND}\n")
    exported = {fmt: agenda("favourites", "export", "--format", fmt, PRETALX).stdout for fmt in ("text", "json", "ics")}
    assert FIRST in exported["text"] and SECOND in exported["text"] and THIRD not in exported["text"]
    for fmt, text in exported.items():
        state = os.environ["XDG_STATE_HOME"]
        subprocess.run(["rm", "-rf", os.path.join(state, "agenda", "favourites")], check=True)
        out = agenda("favourites", "import", "-", PRETALX, stdin=text).stdout
        assert "2 matched (2 newly starred, 0 already), 0 not found" in out, (fmt, out)
        again = agenda("favourites", "import", "-", PRETALX, stdin=text).stdout
        assert "2 matched (0 newly starred, 2 already)" in again, (fmt, again)
        assert agenda("favourites", "export", "--format", fmt, PRETALX).stdout.split("DTSTAMP")[0] == text.split("DTSTAMP")[0]


def test_standard_input_is_read_up_to_a_bound():
    """`yes | agenda favourites import -` ends with an error rather than reading forever."""
    yes = subprocess.Popen(["yes"], stdout=subprocess.PIPE)
    try:
        result = subprocess.run([AGENDA, "favourites", "import", "-", PRETALX], stdin=yes.stdout,
                                capture_output=True, text=True, timeout=60)
    finally:
        yes.kill()
        yes.wait()
    assert result.returncode == 65 and "more than 16 MB" in result.stderr, (result.returncode, result.stderr)
    assert starred() == set(), starred()


def test_a_calendar_apps_export_matches_by_title_and_start_and_says_what_did_not():
    ics = "\r\n".join([
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Apple Inc.//macOS 14.0//EN",
        "BEGIN:VEVENT", "UID:A1B2C3D4-0000-1111-2222-333344445555", "DTSTAMP:20201201T000000Z",
        "DTSTART;TZID=Europe/Berlin:20201214T090000", "DTEND;TZID=Europe/Berlin:20201214T093000",
        "SUMMARY:managed STABLE function", "END:VEVENT",
        "BEGIN:VEVENT", "UID:ffff@example.net", "DTSTAMP:20201201T000000Z",
        "DTSTART:20201214T120000Z", "DTEND:20201214T123000Z", "SUMMARY:Secured grid enabled policies", "END:VEVENT",
        "END:VCALENDAR", ""])
    with tempfile.NamedTemporaryFile("w", suffix=".ics", delete=False) as f:
        f.write(ics)
    try:
        listing = agenda("list", PRETALX).stdout
        managed = next(line for line in listing.splitlines() if "Managed stable function" in line)
        result = agenda("favourites", "import", f.name, PRETALX)
        assert "1 matched" in result.stdout and "1 not found" in result.stdout, (managed, result.stdout, result.stderr)
        assert f'{f.name}:2: not in DemoCon: "Secured grid enabled policies"; nearest: "Secured grid-enabled policy"' in result.stderr, result.stderr
        assert THIRD in agenda("favourites", "export", PRETALX).stdout
    finally:
        os.unlink(f.name)


def test_valarms_read_as_reminders_by_a_calendar_library():
    try:
        import icalendar
    except ImportError:
        print("skip: the icalendar package is not installed (pip install icalendar)")
        return
    for args in (["list", "--format", "ics", "--alarm", "20", PRETALX],
                 ["favourites", "export", "--format", "ics", "--alarm", "20", PRETALX]):
        agenda("favourites", "import", "-", PRETALX, stdin=f"{FIRST}\n")
        calendar = icalendar.Calendar.from_ical(agenda(*args).stdout)
        events = list(calendar.walk("VEVENT"))
        assert events, args
        for event in events:
            alarms = [c for c in event.subcomponents if c.name == "VALARM"]
            assert len(alarms) == 1, (args, event.get("SUMMARY"))
            assert alarms[0].decoded("TRIGGER") == datetime.timedelta(minutes=-20)
            assert str(alarms[0].get("ACTION")) == "DISPLAY" and str(alarms[0].get("DESCRIPTION")) == str(event.get("SUMMARY"))
    assert "--alarm needs --format ics" in agenda("list", "--alarm", "20", PRETALX, status=64).stderr


def test_e_writes_alarms_and_a_friends_list_shows_beside_yours():
    try:
        import icalendar
    except ImportError:
        icalendar = None
    agenda("favourites", "import", "-", PRETALX, stdin=f"{FIRST}\n")
    with tempfile.TemporaryDirectory() as directory:
        friend = os.path.join(directory, "sam.txt")
        with open(friend, "w") as f:
            f.write(f"{FIRST}\n{THIRD}\n")
        pane = Pane(120, 30)
        try:
            pane.type_line(f'{AGENDA} --remind 20 --with {friend} --now 2020-12-14T07:00Z {PRETALX}; echo "EX""IT=$?"')
            screen = pane.wait_for("Managed stable function")
            rows = {line.split("Focused")[0] if "Focused" in line else line.split("Managed")[0]
                    for line in screen.splitlines() if "Focused 5th" in line or "Managed stable" in line}
            # Both of you at the first; Sam also starred the talk beside it (no parting: you share one).
            assert any("✦" in row for row in rows) and any("☆" in row and "!" not in row for row in rows), screen
            pane.send("e")          # e asks where first; e again writes
            time.sleep(0.3)
            pane.send("e")
            pane.wait_for("written to")
            pane.send("q")
            pane.wait_for("EXIT=0")
        finally:
            pane.close()
    exported = os.path.join(os.environ["XDG_DATA_HOME"], "agenda", "democon.ics")
    text = open(exported).read()
    assert "TRIGGER:-PT20M" in text, text[:400]
    if icalendar:
        alarms = [c for c in icalendar.Calendar.from_ical(text).walk("VALARM")]
        assert len(alarms) == 1 and alarms[0].decoded("TRIGGER") == datetime.timedelta(minutes=-20)


def test_a_reminder_reaches_a_background_terminal_as_a_notification():
    from test_hardening import Pty
    agenda("favourites", "import", "-", PRETALX, stdin=f"{FIRST}\n")
    listing = agenda("list", PRETALX).stdout.splitlines()
    first = next(line for line in listing if "Focused 5thgeneration hardware" in line)
    day, hours = first.split("\t")[:2]
    start = datetime.datetime.fromisoformat(f"{day}T{hours[:5]}:00+00:00")
    now = (start - datetime.timedelta(minutes=3)).strftime("%Y-%m-%dT%H:%MZ")
    pty = Pty([PRETALX, "--now", now, "--remind", "5"], 100, 30)
    try:
        pty.wait_for(b"\x1b]777;notify;In 3 min: Focused 5thgeneration hardware;Gray Room\x1b\\")
        pty.wait_for(b"\x1b]9;In 3 min: Focused 5thgeneration hardware: Gray Room\x1b\\")
        pty.send("q")
        assert pty.finish() == 0
    finally:
        pty.close()


if __name__ == "__main__":
    run_tests(globals(), "usage: test_favourites.py PATH/TO/agenda")
