#!/usr/bin/env python3
"""Soak test of `agenda kiosk`: days of simulated time in minutes of real time.

Usage: soak-kiosk.py PATH/TO/agenda [--seconds 300] [--warmup 30]

Runs the kiosk in a pseudo-terminal (100x30) at --clock-rate 3600 (an hour a second, so five
minutes are 12.5 days) on eight one-session schedule files in eight rooms, rewritten for each
new simulated day (reloads, day changes, venue pages) and now and then broken (failed reloads),
with a notices file (--notices) rewritten each simulated day: an info line, a full room, and a
notice that ends within the day.
Fails on a crash, on resident memory growing by more than 1 MB after the warm-up, or on output
stopping for 5 s. Then checks that an idle board writes nothing between minutes, and that
SIGTERM ends it with status 143. Prints RSS at start and end and bytes per simulated hour."""
import argparse
import datetime
import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time

RATE = 3600
START = datetime.datetime(2021, 10, 22, 0, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
ROOMS = 8
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def page(day, room):
    """A CACIE page for room `room` on simulated day `day`: staggered hour-and-a-half sessions."""
    start = START + datetime.timedelta(days=day, hours=9 + room)
    end = start + datetime.timedelta(minutes=90)
    when = f"{MONTHS[start.month - 1]} {start.day} {start:%H:%M}-{end.day} {end:%H:%M},{start.year}"
    return f"Session {day}-{room} on day {day}\nTheme:Soak\nTime:{when}\nRoom:Room {room + 1}\n\nText.\n"


def notices(day):
    """The notices for simulated day `day`: an info line for the day, a full room, an urgent notice
    for one room that ends at noon."""
    import json
    noon = (START + datetime.timedelta(days=day, hours=12)).isoformat()
    return json.dumps({"notices": [{"text": f"Welcome to day {day}", "level": "info"},
                                   {"text": "Room 2 opens late", "level": "urgent", "rooms": ["Room 2"], "until": noon}],
                       "rooms": {f"Room {day % ROOMS + 1}": {"status": "full", "note": "Watch the stream"}}})


def write_notices(path, day):
    with open(path + ".tmp", "w") as f:
        f.write(notices(day))
    os.rename(path + ".tmp", path)


def write_day(paths, day):
    for room, path in enumerate(paths):
        with open(path + ".tmp", "w") as f:
            f.write(page(day, room))
        os.rename(path + ".tmp", path)


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


class Kiosk:
    """The kiosk in a pty; a thread drains its output and counts the bytes."""

    def __init__(self, agenda, args, columns=100, rows=30):
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        # As its systemd unit runs it (INVOCATION_ID set): no "how to leave" hint on the first
        # screen, which would be a change within the idle window.
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", INVOCATION_ID="soak")
        env.pop("LINES", None), env.pop("COLUMNS", None)
        self.process = subprocess.Popen([agenda, "kiosk", *args], stdin=slave, stdout=slave, stderr=slave,
                                        env=env, start_new_session=True)
        os.close(slave)
        self.master = master
        self.bytes = 0
        self.last_output = time.monotonic()
        self.lock = threading.Lock()
        threading.Thread(target=self.drain, daemon=True).start()

    def drain(self):
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            with self.lock:
                self.bytes += len(data)
                self.last_output = time.monotonic()

    def counted(self):
        with self.lock:
            return self.bytes, self.last_output

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        status = self.process.wait(timeout=10)
        return 128 - status if status < 0 else status


def soak(agenda, seconds, warmup):
    failures = []
    with tempfile.TemporaryDirectory() as directory:
        paths = [os.path.join(directory, f"room-{i + 1}.txt") for i in range(ROOMS)]
        write_day(paths, 0)
        notices_path = os.path.join(directory, "notices.json")
        write_notices(notices_path, 0)
        kiosk = Kiosk(agenda, ["--now", START.isoformat(timespec="minutes"), "--clock-rate", str(RATE),
                               "--page-seconds", "900", "--notices", notices_path, *paths])
        began = time.monotonic()
        day, samples, baseline = 0, [], None
        broken_at = None
        while (elapsed := time.monotonic() - began) < seconds:
            time.sleep(0.5)
            if kiosk.process.poll() is not None:
                failures.append(f"the kiosk ended after {elapsed:.0f}s with status {kiosk.process.returncode}")
                break
            total, last = kiosk.counted()
            if time.monotonic() - last > 5:
                failures.append(f"no output for {time.monotonic() - last:.0f}s at {elapsed:.0f}s")
                break
            rss = rss_kb(kiosk.process.pid)
            samples.append((elapsed, rss, total))
            if baseline is None and elapsed >= warmup:
                baseline = (elapsed, rss, total)
            simulated_day = int(elapsed * RATE / 86400)
            if simulated_day > day:                    # a new day: tomorrow's programme arrives
                day = simulated_day
                if day % 3 == 0:                       # now and then a broken upload first
                    with open(paths[0], "w") as f:
                        f.write("Session\nTime: tomorrow, probably\n")
                    broken_at = time.monotonic()
                else:
                    write_day(paths, day)
                write_notices(notices_path, day)
            if broken_at and time.monotonic() - broken_at > 3:
                write_day(paths, day)                  # the fixed upload
                broken_at = None
        end = samples[-1] if samples else (0, 0, 0)
        if baseline and end:
            growth = max(rss for t, rss, _ in samples if t >= baseline[0]) - baseline[1]
            if growth > 1024:
                failures.append(f"resident memory grew by {growth} kB after the warm-up")
        status = kiosk.stop()
        if status != 143:
            failures.append(f"SIGTERM gave status {status}, not 143")
        if baseline:
            hours = (end[0] - baseline[0]) * RATE / 3600
            per_hour = (end[2] - baseline[2]) / hours if hours else 0
            print(f"soak: {end[0]:.0f}s real = {end[0] * RATE / 86400:.1f} simulated days, {day} reloads of the day")
            print(f"soak: RSS {samples[0][1]} kB at start, {baseline[1]} kB after warm-up, {end[1]} kB at the end, "
                  f"max {max(s[1] for s in samples)} kB")
            print(f"soak: {end[2]} bytes written, {per_hour:.0f} bytes per simulated hour after warm-up")
    return failures


def idle(agenda, seconds=8):
    """At the real clock rate nothing changes within a minute: after the first frame, no bytes."""
    failures = []
    # Start 30 s into a minute of the simulated clock so the idle window holds no minute change.
    start = START + datetime.timedelta(hours=10, seconds=30)
    with tempfile.TemporaryDirectory() as directory:
        notices_path = os.path.join(directory, "notices.json")   # a notices file in use, unchanged
        write_notices(notices_path, 0)
        kiosk = Kiosk(agenda, ["--now", start.isoformat(), "--page-seconds", "3600", "--notices", notices_path])
        time.sleep(1.5)
        first, _ = kiosk.counted()
        time.sleep(seconds)
        later, _ = kiosk.counted()
        status = kiosk.stop()
    print(f"idle: first frame {first} bytes, then {later - first} bytes in {seconds}s")
    if first == 0:
        failures.append("idle: nothing was drawn")
    if later != first:
        failures.append(f"idle: {later - first} bytes written while nothing changed")
    if status != 143:
        failures.append(f"idle: SIGTERM gave status {status}, not 143")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("agenda")
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--warmup", type=float, default=30)
    args = parser.parse_args()
    failures = idle(args.agenda) + soak(args.agenda, args.seconds, args.warmup)
    for failure in failures:
        print(f"FAIL {failure}")
    print("soak: ok" if not failures else "soak: failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
