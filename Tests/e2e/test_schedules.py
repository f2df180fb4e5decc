#!/usr/bin/env python3
"""End-to-end tests of reading real schedules and browsing a big one, on the real binary.

Usage: test_schedules.py PATH/TO/agenda"""
import json
import re
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from tmux_harness import Pane, run_tests, needs_shared  # noqa: E402

AGENDA = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else None
SCHEDULES = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "schedules")
C38 = os.path.abspath(os.path.join(SCHEDULES, "38c3-schedule.xml"))
COUNTS = {"38c3-schedule.xml": 1007, "fosdem-2025.xml": 943, "35c3-schedule.json": 927,
          "pretalx-democon.json": 36, "lca2020-conference.ics": 262}


def run(*args, **kwargs):
    return subprocess.run([AGENDA, *args], capture_output=True, timeout=60, **kwargs)


@needs_shared
def test_every_shared_schedule_validates_with_its_count():
    for name, count in COUNTS.items():
        result = run("validate", os.path.join(SCHEDULES, name))
        assert result.returncode == 0, result.stderr
        assert f"ok: {count} sessions".encode() in result.stdout, result.stdout


@needs_shared
def test_json_contract():
    result = run("list", C38, "--format", "json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert set(data["conference"]) == {"title", "timeZone", "start", "end", "rooms", "roomStreams", "roomRecording"}
    assert data["conference"]["rooms"][:3] == ["Saal 1", "Saal GLITCH", "Saal ZIGZAG"]
    assert data["conference"]["timeZone"] == "Europe/Berlin"
    sessions = data["sessions"]
    assert len(sessions) == 1007
    keys = {"id", "guid", "title", "subtitle", "day", "start", "end", "room", "track", "type", "language",
            "persons", "abstract", "description", "url", "change", "translations",
            "links", "doNotRecord", "doNotStream", "notRecorded"}
    assert all(set(s) == keys for s in sessions)
    # 38C3 opts 25 talks out of recording; 509 talks name their feedback form.
    assert sum(s["notRecorded"] for s in sessions) == sum(s["doNotRecord"] is True for s in sessions) == 25
    assert all(link["kind"] in ("link", "attachment", "recording", "feedback") for s in sessions for link in s["links"])
    assert sum(any(link["kind"] == "feedback" for link in s["links"]) for s in sessions) == 509
    starts = [s["start"] for s in sessions]
    assert starts == sorted(starts)
    assert all(len(s["start"]) == 25 and s["start"][19:] == "+01:00" for s in sessions)
    # After midnight belongs to the previous conference day.
    late = [s for s in sessions if s["start"][11:13] in ("00", "01", "02") and s["start"][8:10] == "28"]
    assert late and all(s["day"] == 1 for s in late)


@needs_shared
def test_filters_apply_to_every_format():
    text = run("list", C38, "--day", "2", "--room", "saal 1").stdout.decode().splitlines()
    js = json.loads(run("list", C38, "--day", "2", "--room", "saal 1", "--format", "json").stdout)["sessions"]
    ics = run("list", C38, "--day", "2", "--room", "saal 1", "--format", "ics").stdout.decode()
    assert len(text) == len(js) == ics.count("BEGIN:VEVENT") > 3
    assert all(s["room"] == "Saal 1" and s["day"] == 2 for s in js)
    found = json.loads(run("list", C38, "--search", "kernel", "--format", "json").stdout)["sessions"]
    assert found and all("kernel" in json.dumps(s).lower() for s in found)


@needs_shared
def test_list_day_takes_a_date_today_and_tomorrow():
    by_number = run("list", C38, "--day", "3").stdout
    assert by_number
    assert run("list", C38, "--day", "2024-12-29").stdout == by_number
    now = "2024-12-28T14:00+01:00"
    assert run("list", C38, "--day", "tomorrow", "--now", now).stdout == by_number
    assert run("list", C38, "--day", "today", "--now", now).stdout == run("list", C38, "--day", "2").stdout
    outside = run("list", C38, "--day", "2025-01-05")
    assert outside.returncode == 64 and b"no day 2025-01-05" in outside.stderr, outside
    assert run("list", C38, "--day", "friday").stdout == run("list", C38, "--day", "1").stdout
    assert run("list", C38, "--day", "someday").returncode == 64


@needs_shared
def test_list_text_time_field_is_always_hh_mm_range():
    lines = [line.split("\t") for line in run("list", C38).stdout.decode().splitlines()]
    assert all(len(fields) == 5 for fields in lines)
    assert all(re.fullmatch(r"\d\d:\d\d-\d\d:\d\d", fields[1]) for fields in lines)
    later = [fields for fields in lines if fields[4] != "-"]
    assert later and all(fields[4] > fields[0] for fields in later)


@needs_shared
def test_ics_speakers_are_in_the_description_not_attendees():
    ics = run("list", C38, "--format", "ics").stdout.decode().replace("\r\n ", "")
    assert "ATTENDEE" not in ics and "invalid:nomail" not in ics
    assert "DESCRIPTION:Speaker" in ics and "URL:https://" in ics


@needs_shared
def test_ics_round_trip():
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "out.ics")
        with open(path, "wb") as f:
            f.write(run("list", C38, "--format", "ics").stdout)
        again = json.loads(run("list", path, "--format", "json").stdout)["sessions"]
        original = json.loads(run("list", C38, "--format", "json").stdout)["sessions"]
        pick = lambda s: (s["title"], s["start"], s["end"], s["room"])
        assert sorted(map(pick, again)) == sorted(map(pick, original))


@needs_shared
def test_unreadable_and_missing_files():
    with tempfile.TemporaryDirectory() as directory:
        truncated = os.path.join(directory, "cut.xml")
        with open(C38, "rb") as f:
            data = f.read()
        with open(truncated, "wb") as f:
            f.write(data[: len(data) // 2])
        for command in (["validate", truncated], [truncated], ["list", truncated]):
            result = run(*command)
            assert result.returncode == 65, (command, result.returncode)
            assert result.stderr.decode().startswith(f"{truncated}:") or f"{truncated}:" in result.stderr.decode()
            assert b"error:" in result.stderr
        missing = run("validate", os.path.join(directory, "nope.xml"))
        assert missing.returncode == 66


@needs_shared
def test_star_survives_a_restart_and_now_opens_its_day():
    with tempfile.TemporaryDirectory() as state:
        env = {"XDG_STATE_HOME": state}
        pane = Pane(120, 40, env=env)
        try:
            pane.type_line(f"{AGENDA} {C38} --now 2024-12-28T14:00+01:00")
            screen = pane.wait_for("Sat 28 Dec 2024")
            assert "14:00 venue time" in screen
            pane.send("/")
            for key in "Ace up the":
                pane.send("-l", key)
            pane.wait_for("1 match")
            pane.send("Enter")
            pane.send("f")
            pane.wait_for("★")
            pane.send("q")
            pane.wait_for("$ ")
            saved = os.listdir(os.path.join(state, "agenda", "favourites"))
            assert saved == ["38c3.json"], saved
            pane.type_line(f"clear; {AGENDA} {C38} --now 2024-12-28T14:00+01:00")
            pane.wait_for("Sat 28 Dec 2024")
            pane.send("F")
            screen = pane.wait_for("My agenda")
            assert "ACE up the sleeve" in screen and "★" in screen, screen
            pane.send("q")
        finally:
            pane.close()


TWO_SESSIONS = ("Plenary Session\r\nTheme:Opening\r\nTime:\u00a0October 22 09:00-22 12:00,2021\r\n"
                "Room:Convention Hall No. 1\r\n\r\nThe plenary.\r\n\r\n"
                "Parallel Forum\r\nTime:October 22 14:00-22 17:30,2021\r\nRoom:Room 201\r\n\r\nThe forum.\r\n")


def test_a_cacie_page_as_published_crlf_bom_two_sessions():
    with tempfile.TemporaryDirectory() as directory:
        page = os.path.join(directory, "page.txt")
        with open(page, "wb") as f:
            f.write(b"\xef\xbb\xbf" + TWO_SESSIONS.encode())
        result = run("validate", page)
        assert result.returncode == 0, result.stderr
        assert b"ok: 2 sessions, 1 day, 2 rooms, zone Asia/Shanghai, 0 warnings" in result.stdout, result.stdout
        data = json.loads(run("list", page, "--format", "json").stdout)
        assert [s["title"] for s in data["sessions"]] == ["Plenary Session", "Parallel Forum"]
        assert data["conference"]["rooms"] == ["Convention Hall No. 1", "Room 201"]


def test_filters_that_match_nothing_say_so():
    outside = run("list", "--day", "9")
    assert outside.returncode == 64, outside
    assert b"no day 9" in outside.stderr and b"day 1 (2021-10-22)" in outside.stderr, outside.stderr
    room = run("list", "--room", "Convension Hall No. 1")
    assert room.returncode == 0 and room.stdout == b"", room
    assert b'warning: no room "Convension Hall No. 1"' in room.stderr, room.stderr
    assert b'nearest: "Convention Hall No. 1"' in room.stderr, room.stderr
    track = run("list", "--track", "Nope", "--format", "json")
    assert track.returncode == 0 and json.loads(track.stdout)["sessions"] == []
    assert b'warning: no track "Nope"' in track.stderr, track.stderr
    found = run("list", "--room", "convention hall no. 1")
    assert found.returncode == 0 and found.stderr == b"" and found.stdout.count(b"\n") == 1


# An older pentabarf export (FOSDEM 2021 style): no time_zone_name, no offsets, no guids.
ZONELESS = """<?xml version="1.0" encoding="UTF-8"?>
<schedule><conference><title>FOSDEM 2021</title><start>2021-02-06</start><end>2021-02-06</end>
<day_change>09:00:00</day_change></conference>
<day index="1" date="2021-02-06"><room name="Janson"><event id="1">
<start>10:00</start><duration>00:30</duration><room>Janson</room><title>Welcome</title></event></room>
<room name="AW1.120"></room></day></schedule>
"""


def test_a_zone_less_file_keeps_its_times_as_published():
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "fosdem-2021.xml")
        with open(path, "w") as f:
            f.write(ZONELESS)
        checked = run("validate", path)
        assert checked.returncode == 0 and b"zone none (times as published), 1 warning" in checked.stdout, checked
        assert b"--zone" in checked.stderr, checked.stderr
        data = json.loads(run("list", path, "--format", "json").stdout)
        assert data["conference"]["timeZone"] is None
        assert data["conference"]["rooms"] == ["Janson", "AW1.120"]
        assert data["sessions"][0]["start"] == "2021-02-06T10:00:00", data["sessions"][0]
        ics = run("list", path, "--format", "ics").stdout.decode()
        assert "DTSTART:20210206T100000\r\n" in ics and "TZID" not in ics and "GMT" not in ics, ics
        zoned = json.loads(run("list", path, "--format", "json", "--zone", "Europe/Brussels").stdout)
        assert zoned["conference"]["timeZone"] == "Europe/Brussels"
        assert zoned["sessions"][0]["start"] == "2021-02-06T10:00:00+01:00"
        ics = run("list", path, "--format", "ics", "--zone", "Europe/Brussels").stdout.decode()
        assert "DTSTART;TZID=Europe/Brussels:20210206T100000" in ics and "UID:1@fosdem-2021" in ics, ics
        again = run("validate", path, "--zone", "Europe/Brussels")
        assert b"zone Europe/Brussels, 0 warnings" in again.stdout, again
        bad = run("list", path, "--zone", "Mars/Olympus")
        assert bad.returncode == 64 and b"IANA" in bad.stderr, bad


def test_browser_says_times_as_published_and_z_explains():
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "fosdem-2021.xml")
        with open(path, "w") as f:
            f.write(ZONELESS)
        pane = Pane(120, 30, env={"XDG_STATE_HOME": directory})
        try:
            pane.type_line(f"{AGENDA} {path} --now 2021-02-06T10:10:00+01:00")
            screen = pane.wait_for("times as published")
            assert "venue time" not in screen and "Welcome" in screen, screen
            pane.send("z")
            screen = pane.wait_for("no time zone")
            assert "local time" not in screen, screen
            pane.send("q")
            pane.wait_for("$ ")
            pane.type_line(f"clear; {AGENDA} {path} --zone Europe/Brussels --now 2021-02-06T10:10:00+01:00")
            screen = pane.wait_for("venue time")
            assert "▶" in screen, screen
            pane.send("q")
        finally:
            pane.close()


def test_list_merges_an_english_and_a_chinese_page():
    with tempfile.TemporaryDirectory() as directory:
        english, chinese = os.path.join(directory, "en.txt"), os.path.join(directory, "zh.txt")
        with open(english, "w") as f:
            f.write("Plenary Session\nTime:October 22 09:00-22 12:00,2021\nRoom:Convention Hall No. 1\n\nThe plenary.\n")
        with open(chinese, "w") as f:
            f.write("开幕式暨全体大会\r\n时间：2021年10月22日 09:00-12:00\r\n地点：一号会议厅\r\n\r\n大会开幕。\r\n")
        data = json.loads(run("list", chinese, english, "--format", "json").stdout)
        assert len(data["sessions"]) == 1, data
        session = data["sessions"][0]
        assert session["title"] == "Plenary Session" and session["room"] == "Convention Hall No. 1"
        assert session["translations"]["zh"]["title"] == "开幕式暨全体大会"
        assert session["translations"]["zh"]["room"] == "一号会议厅"
        assert data["conference"]["rooms"] == ["Convention Hall No. 1"]
        text = run("list", english, chinese).stdout.decode()
        assert text.count("\n") == 1 and "Plenary Session" in text, text


def test_stars_under_the_old_key_are_migrated_once():
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "fosdem-2021.xml")
        with open(path, "w") as f:
            f.write(ZONELESS)
        stars = os.path.join(directory, "agenda", "favourites")
        os.makedirs(stars)
        store = os.path.join(stars, "fosdem-2021.json")
        # The key the version before this one gave a guid-less session: id|title|start.
        with open(store, "w") as f:
            json.dump({"version": 1, "favourites": ["1|Welcome|1612605600", "kept-unknown"]}, f)
        env = dict(os.environ, XDG_STATE_HOME=directory)
        listed = subprocess.run([AGENDA, "list", path, "--favourites"], capture_output=True, env=env, timeout=60)
        assert listed.returncode == 0 and b"Welcome" in listed.stdout, listed
        with open(store) as f:
            assert sorted(json.load(f)["favourites"]) == ["1", "kept-unknown"]
        # Renamed since: the star stays (the key holds no title).
        with open(path, "w") as f:
            f.write(ZONELESS.replace("<title>Welcome</title>", "<title>Welcome to FOSDEM</title>"))
        listed = subprocess.run([AGENDA, "list", path, "--favourites"], capture_output=True, env=env, timeout=60)
        assert b"Welcome to FOSDEM" in listed.stdout, listed


def test_a_big_calendar_reads_in_about_its_own_size():
    """4,000 events with folded 3 KB descriptions (about 14 MB): the reader works on the file
    in place, so `validate` stays near the size of the file above the runtime: 102 MB with a
    debug build, where copying every line apart (as the reader once did) took 258 MB."""
    words = "agenda compiler terminal kiosk parser venue swift congress 日本語 mesh printer".split()
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "X-WR-CALNAME:Big"]
    for i in range(4000):
        text = " ".join(words[(i + k) % len(words)] for k in range(400)) + "\\n\\nSecond\\, paragraph."
        folded, line = [], "DESCRIPTION:" + text
        while len(line.encode()) > 74:
            cut = 74
            while (line.encode()[cut] & 0xC0) == 0x80:
                cut -= 1
            head = line.encode()[:cut].decode()
            folded.append(head)
            line = " " + line[len(head):]
        folded.append(line)
        lines += ["BEGIN:VEVENT", f"UID:big-{i}@example.org", f"DTSTART:202612{1 + i % 3:02d}T{8 + i % 10:02d}0000Z",
                  "DURATION:PT45M", f"SUMMARY:Talk {i}", f"LOCATION:Room {i % 7}", *folded,
                  "DTSTAMP:20260101T000000Z", "CATEGORIES:Talks", "STATUS:CONFIRMED", "SEQUENCE:0",
                  "CLASS:PUBLIC", "TRANSP:OPAQUE", f"URL:https://example.org/{i}", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "big.ics")
        with open(path, "w", newline="") as f:
            f.write("\r\n".join(lines) + "\r\n")
        process = subprocess.Popen([AGENDA, "validate", path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _, _, usage = os.wait4(process.pid, 0)
        out = process.stdout.read()
        assert b"ok: 4000 sessions" in out, (out, process.stderr.read())
        peak_mb = usage.ru_maxrss / 1024
        assert peak_mb < 160, f"validate peaked at {peak_mb:.0f} MB for a {os.path.getsize(path) / 1e6:.1f} MB calendar"


if __name__ == "__main__":
    run_tests(globals(), "usage: test_schedules.py PATH/TO/agenda")
