#!/usr/bin/env python3
"""End-to-end tests of the command line: names typed loosely, weekdays, venue times, a
mistyped command, what help says, and what validate reports.

Usage: test_command_line.py PATH/TO/agenda [words of test names]"""
import json
import re
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from tmux_harness import Pane, run_tests  # noqa: E402

AGENDA = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else None
FIXTURES = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "Fixtures", "schedules"))
C35 = os.path.join(FIXTURES, "35c3-excerpt.json")


def run(*args, cwd=None):
    return subprocess.run([AGENDA, *args], capture_output=True, timeout=60, cwd=cwd)


def write(directory, name, text):
    path = os.path.join(directory, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def test_rooms_and_tracks_by_any_case_accents_start_or_word():
    whole = run("list", "--room", "Convention Hall No. 1").stdout
    assert whole.count(b"\n") == 1, whole
    for typed in ["convention", "CONVENTION HALL", "hall no", "Convention Hall No. 1"]:
        result = run("list", "--room", typed)
        assert result.returncode == 0 and result.stdout == whole and result.stderr == b"", (typed, result)
    seminar = run("list", C35, "--room", "seminar")
    rooms = {line.split(b"\t")[2] for line in seminar.stdout.splitlines()}
    assert seminar.returncode == 0 and rooms == {b"Seminar room 13"}, seminar
    hardware = run("list", C35, "--room", "hardware")
    assert hardware.returncode == 0 and hardware.stdout.count(b"\n") == 1, hardware
    with tempfile.TemporaryDirectory() as directory:
        path = write(directory, "s.json", json.dumps({"schedule": {"conference": {
            "title": "T", "time_zone_name": "Europe/Paris", "days": [{"date": "2026-01-31", "rooms": {
                "Amphithéâtre 1200": [{"id": 1, "title": "Sécurité", "track": "Sécurité", "date": "2026-01-31T10:00:00+01:00", "duration": "00:30"}],
                "Amphithéâtre 1600": [{"id": 2, "title": "Réseaux", "track": "Réseaux", "date": "2026-01-31T10:00:00+01:00", "duration": "00:30"}]}}]}}}))
        found = run("list", path, "--room", "amphitheatre 1200")
        assert found.returncode == 0 and b"S\xc3\xa9curit\xc3\xa9" in found.stdout and found.stdout.count(b"\n") == 1, found
        assert run("list", path, "--track", "securite").stdout == found.stdout


def test_a_name_that_fits_several_is_an_error_naming_them():
    result = run("list", C35, "--room", "room")
    assert result.returncode == 64 and result.stdout == b"", result
    assert b'room "room" fits several: "Seminar room 13", "Lecture room M3"' in result.stderr, result.stderr
    typo = run("list", "--room", "Convension Hall")
    assert typo.returncode == 0 and typo.stdout == b"", typo
    assert b'nearest: "Convention Hall No. 1"' in typo.stderr, typo.stderr


def test_day_takes_weekday_names_in_english_and_chinese():
    # The bundled plenary is on Friday 22 October 2021.
    first = run("list", "--day", "1").stdout
    assert first
    for day in ["fri", "Friday", "fr", "周五", "星期五", "礼拜五"]:
        result = run("list", "--day", day)
        assert result.returncode == 0 and result.stdout == first, (day, result)
    saturday = run("list", "--day", "sat")
    assert saturday.returncode == 64 and b"no day sat" in saturday.stderr, saturday
    wrong = run("list", "--day", "someday")
    assert wrong.returncode == 64 and b"a weekday (sat, saturday" in wrong.stderr, wrong


def test_now_without_an_offset_is_venue_time():
    # 02:00 on the 23rd at the venue (UTC+8) is still the 22nd's conference day; as UTC it
    # would be 10:00 on the 23rd, a day the plenary does not have.
    result = run("list", "--day", "today", "--now", "2021-10-23T02:00")
    assert result.returncode == 0 and result.stdout == run("list", "--day", "1").stdout, result
    assert run("list", "--day", "today", "--now", "2021-10-23T02:00Z").returncode == 64
    bad = run("list", "--now", "2021-10-23")
    assert bad.returncode == 64 and b"venue time" in bad.stderr, bad


def test_the_browser_and_the_kiosk_read_now_without_an_offset_as_venue_time():
    # The plenary is in Asia/Shanghai: 10:30 there; read as UTC it would be 18:30.
    for command, shown in [(f"{AGENDA} --now 2021-10-22T10:30", "? help"),
                           (f"{AGENDA} kiosk --now 2021-10-22T10:30 --exit-key q", "1 h 30 min left")]:
        pane = Pane(100, 30)
        try:
            pane.type_line(f'{command}; echo "EX""IT=$?"')
            screen = pane.wait_for(shown)
            assert "Plenary Session" in screen and "18:3" not in screen, screen
            if "kiosk" not in command:
                assert "10:3" in screen, screen   # the header's clock (the kiosk's is in block digits)
            pane.send("q")
            assert "EXIT=0" in pane.wait_for("EXIT="), pane.screen()
        finally:
            pane.close()


def test_a_mistyped_command_gets_did_you_mean():
    with tempfile.TemporaryDirectory() as directory:
        result = run("lsit", C35, cwd=directory)
        assert result.returncode == 64, result
        assert b'"lsit" is neither a file nor a command; did you mean "agenda list"?' in result.stderr, result.stderr
        assert b"did you mean" in run("valdate", C35, cwd=directory).stderr
        # A file of that name is browsed (listed, stdout not being a terminal), as before.
        with open(C35, "rb") as source:
            write(directory, "lsit", source.read().decode())
        listed = run("lsit", cwd=directory)
        assert listed.returncode == 0 and listed.stdout.count(b"\n") == 21, listed
        far = run("nothing-near", cwd=directory)
        assert far.returncode == 66 and b"did you mean" not in far.stderr, far


def test_help_shows_the_browse_options_on_its_first_screen():
    root = run("--help").stdout.decode()
    first_screen = "\n".join(root.splitlines()[:24])
    browse = run("help", "browse").stdout.decode()
    options = {match.group(1) for line in browse.splitlines() if (match := re.match(r"\s{2}(--[a-z-]+)", line))}
    options -= {"--help", "--version"}
    assert {"--now", "--lang", "--screen-reader", "--theme"} <= options, options
    missing = [option for option in options if option not in first_screen]
    assert not missing, (missing, first_screen)
    assert "agenda help browse" in first_screen


def test_kiosk_help_says_the_timer_turns_magenta():
    text = run("help", "kiosk").stdout.decode()
    assert "magenta under 5 min" in " ".join(text.split()), text
    assert "yellow" not in text


def test_validate_counts_and_the_zone_a_file_does_not_name():
    result = run("validate", C35)
    assert result.returncode == 0, result
    assert b"ok: 21 sessions, 4 days, 5 rooms, zone none named (times carry +01:00), 0 warnings" in result.stdout, result
    with tempfile.TemporaryDirectory() as directory:
        one = write(directory, "one.json", json.dumps({"schedule": {"conference": {
            "title": "T", "time_zone_name": "Europe/Berlin", "days": [{"date": "2024-12-27", "rooms": {
                "H.1302": [{"id": 1, "title": "A", "date": "2024-12-27T10:00:00+01:00", "duration": "00:30"},
                           {"id": 1, "title": "B", "date": "2024-12-27T11:00:00+01:00", "duration": "later"}]}}]}}}))
        result = run("validate", one)
        assert result.returncode == 0, result
        assert b"ok: 2 sessions, 1 day, 1 room, zone Europe/Berlin, 2 warnings" in result.stdout, result
        warnings = result.stderr.decode()
        assert 'one.json:1: warning: at $.schedule.conference.days[0].rooms["H.1302"][1]: id "1" repeats (first at $.schedule.conference.days[0].rooms["H.1302"][0])' in warnings, warnings
        assert 'at $.schedule.conference.days[0].rooms["H.1302"][1].duration: cannot read duration "later"' in warnings, warnings
        single = write(directory, "single.json", json.dumps({"schedule": {"conference": {
            "title": "T", "time_zone_name": "Asia/Kolkata", "days": [{"date": "2024-12-27", "rooms": {
                "H": [{"id": 1, "title": "A", "date": "2024-12-27T10:00:00+05:30", "duration": "00:30"}]}}]}}}))
        assert b"ok: 1 session, 1 day, 1 room, zone Asia/Kolkata, 0 warnings" in run("validate", single).stdout
        notices = write(directory, "notices.json", json.dumps({"notices": [{"text": "Hi"}]}))
        assert b"ok: 1 notice, 0 room statuses, 0 warnings" in run("validate", "--notices", notices).stdout


def test_list_orders_parallel_talks_by_the_publishers_rooms():
    with tempfile.TemporaryDirectory() as directory:
        path = write(directory, "s.json", json.dumps({"schedule": {"conference": {
            "title": "T", "time_zone_name": "Europe/Brussels", "days": [{"date": "2026-01-31", "rooms": {
                "H.1302": [{"id": 1, "title": "In H", "date": "2026-01-31T10:00:00+01:00", "duration": "00:30"}],
                "AW1.120": [{"id": 2, "title": "In AW", "date": "2026-01-31T10:00:00+01:00", "duration": "00:30"}]}}]}}}))
        rooms = [line.split("\t")[2] for line in run("list", path).stdout.decode().splitlines()]
        assert rooms == ["H.1302", "AW1.120"], rooms
        listed = json.loads(run("list", path, "--format", "json").stdout)["sessions"]
        assert [s["room"] for s in listed] == ["H.1302", "AW1.120"]


def test_markdown_escapes_do_not_show():
    with tempfile.TemporaryDirectory() as directory:
        path = write(directory, "s.json", json.dumps({"schedule": {"conference": {
            "title": "T", "time_zone_name": "Europe/Berlin", "days": [{"date": "2024-12-27", "rooms": {
                "Saal 1": [{"id": 1, "title": "Raspberry Pi", "date": "2024-12-27T10:00:00+01:00", "duration": "00:30",
                            "abstract": "Explizit für Einsteiger\\*innen, `code \\*` bleibt"}]}}]}}}))
        session = json.loads(run("list", path, "--format", "json").stdout)["sessions"][0]
        assert session["abstract"] == "Explizit für Einsteiger*innen, `code \\*` bleibt", session["abstract"]


if __name__ == "__main__":
    run_tests(globals(), __doc__)
