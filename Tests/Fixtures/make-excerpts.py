#!/usr/bin/env python3
"""Writes the excerpts in Tests/Fixtures/schedules/ from the full files in ../shared/schedules/.

Kept bytes are copied as published (XML and iCalendar are cut at element and event
boundaries, never re-encoded); JSON is re-serialised from the trimmed structure.
Run from the project root: python3 Tests/Fixtures/make-excerpts.py
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(ROOT, "..", "..", "..", "shared", "schedules")
OUT = os.path.join(ROOT, "schedules")


def trim_xml(text, keep):
    """Keeps the events for which keep(day, room, position, event) holds; drops empty rooms."""
    def day(m):
        day_index = day.count
        day.count += 1

        def room(r):
            name = re.search(r'name="([^"]*)"', r.group(1)).group(1)
            events = [0]

            def event(e):
                position = events[0]
                events[0] += 1
                return e.group(0) if keep(day_index, name, position, e.group(0)) else ""
            body = re.sub(r"[ \t]*<event\b.*?</event>\n", event, r.group(2), flags=re.S)
            return r.group(0).replace(r.group(2), body) if "<event" in body else ""
        return m.group(1) + re.sub(r"[ \t]*(<room\s[^>]*>)(.*?\n)[ \t]*</room>\n", room, m.group(2), flags=re.S) + m.group(3)
    day.count = 0
    return re.sub(r"(<day\b[^>]*>)(.*?)(</day>)", day, text, flags=re.S)


def write(name, text):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        f.write(text)
    print(f"{name}: {len(text.encode())} bytes")


def read(name):
    with open(os.path.join(SHARED, name), encoding="utf-8", newline="") as f:
        return f.read()


def main():
    if not os.path.isdir(SHARED):
        sys.exit(f"no {SHARED}: the full schedules live beside the project")
    os.makedirs(OUT, exist_ok=True)

    # 38C3: the first three talks in Saal 1 each day (the opening, and the talks the change
    # tracking tests move, rename and delete), and the after-midnight Bebetta set.
    write("38c3-excerpt.xml", trim_xml(read("38c3-schedule.xml"), lambda d, room, i, e:
          (room == "Saal 1" and i < 3) or "<title>Bebetta</title>" in e))

    # FOSDEM: the first two talks of the first room each day, the HTML abstract of 6210,
    # and the RISC-V welcome that opens the first day.
    first_rooms = {}

    def fosdem(d, room, i, e):
        first_rooms.setdefault(d, room)
        return (room == first_rooms[d] and i < 2) or 'id="6210"' in e or "Welcome to the FOSDEM 2025 RISC-V DevRoom" in e
    write("fosdem-excerpt.xml", trim_xml(read("fosdem-2025.xml"), fosdem))

    # JSON: the first two sessions of the first two rooms each day, plus named odd cases.
    def trim_json(name, out, also=()):
        data = json.loads(read(name))
        for day in data["schedule"]["conference"]["days"]:
            rooms = {}
            for position, (room, events) in enumerate(day["rooms"].items()):
                kept = [e for i, e in enumerate(events) if (position < 2 and i < 2) or e["title"] in also]
                if kept:
                    rooms[room] = kept
            day["rooms"] = rooms
        write(out, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    trim_json("35c3-schedule.json", "35c3-excerpt.json",
              also=("42birds: Hitchhiker's Towel-Yoga", "Solder a blinky tardigrade"))
    trim_json("pretalx-democon.json", "pretalx-excerpt.json")

    # linux.conf.au: the calendar header, the first twelve events (folded HTML descriptions,
    # events without LOCATION, the Wednesday Welcome) and the earliest event, a miniconf.
    ics = read("lca2020-conference.ics")
    head, _, rest = ics.partition("BEGIN:VEVENT")
    events = ["BEGIN:VEVENT" + e for e in rest.split("BEGIN:VEVENT")]
    kept = [e for i, e in enumerate(events) if i < 12 or "UID:234@" in e]
    tail = kept[-1].partition("END:VEVENT\r\n")
    kept[-1] = tail[0] + tail[1]
    write("lca2020-excerpt.ics", head + "".join(kept) + "END:VCALENDAR\r\n")


main()
