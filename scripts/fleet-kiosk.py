#!/usr/bin/env python3
"""A venue's fleet of kiosks against one web server, measured.

Usage: fleet-kiosk.py PATH/TO/agenda [-n 50] [--poll 10] [--schedule FILE] [--room NAME]
                      [--json FILE] [--keep-going]

Starts nginx (Debian's, as an unprivileged foreground process on 127.0.0.1 with a prefix and
configuration of its own in a temporary folder) serving a schedule and a notices file, then N
kiosks, each a door screen for ROOM in a pseudo-terminal of its own (100x30, as if started by
systemd), fetching both from the server: the notices every --poll seconds, with their ETag.
The kiosks start spread over one poll interval, as a fleet booted by hand would. Once every
screen shows the board and a few polls have passed, the notices file is replaced by one that
evacuates ROOM, and the script reports:

  - how long until each screen showed EVACUATE (median, p99, max), against the promise of
    the poll interval plus one second;
  - what the server saw, from its access log: requests per second before and after the flip,
    by file and by status (200, 304);
  - each kiosk's memory (resident set and proportional set size, from /proc).

Exits 1 when a screen missed the evacuation or showed it later than the poll interval plus one
second, or a kiosk died."""
import argparse
import fcntl
import json
import os
import pty
import random
import shutil
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
EXCERPT = os.path.join(HERE, "..", "Tests", "Fixtures", "schedules", "38c3-excerpt.xml")
NGINX_CONF = """daemon off;
worker_processes 1;
pid nginx.pid;
error_log error.log warn;
events {{ worker_connections 8192; }}
http {{
    types {{ application/json json; application/xml xml; }}
    default_type application/octet-stream;
    log_format fleet '$msec $status $request_uri $body_bytes_sent';
    access_log access.log fleet;
    client_body_temp_path tmp/body;
    proxy_temp_path tmp/proxy;
    fastcgi_temp_path tmp/fastcgi;
    uwsgi_temp_path tmp/uwsgi;
    scgi_temp_path tmp/scgi;
    server {{
        listen 127.0.0.1:{port};
        root www;
        location / {{ add_header Cache-Control no-cache; }}
    }}
}}
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def publish(path, text):
    """Replaces a served file at once, as a deployment would (rename, never a half-written file)."""
    with open(path + ".next", "w") as f:
        f.write(text)
    os.replace(path + ".next", path)


class Nginx:
    def __init__(self, root):
        self.prefix = os.path.join(root, "nginx")
        for folder in ("www", "tmp"):
            os.makedirs(os.path.join(self.prefix, folder), mode=0o755)
        self.port = free_port()
        with open(os.path.join(self.prefix, "nginx.conf"), "w") as f:
            f.write(NGINX_CONF.format(port=self.port))
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        self.process = subprocess.Popen([nginx, "-p", self.prefix + "/", "-c", "nginx.conf", "-e", "error.log"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"nginx did not start: {self.process.stderr.read().decode(errors='replace')}")
                time.sleep(0.05)

    def www(self, name):
        return os.path.join(self.prefix, "www", name)

    def url(self, name):
        return f"http://127.0.0.1:{self.port}/{name}"

    def requests(self):
        """(time, status, path) of every request so far, from the access log."""
        entries = []
        with open(os.path.join(self.prefix, "access.log")) as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 3:
                    entries.append((float(parts[0]), parts[1], parts[2]))
        return entries

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)     # graceful: finish what is in flight
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Kiosk:
    """One screen: the kiosk in a pty; a thread drains its output and notes when EVACUATE
    is first written after the flip."""

    def __init__(self, agenda, args, home, columns=100, rows=30):
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", HOME=home,
                   XDG_CACHE_HOME=os.path.join(home, "cache"), XDG_STATE_HOME=os.path.join(home, "state"),
                   XDG_DATA_HOME=os.path.join(home, "data"), XDG_CONFIG_HOME=os.path.join(home, "config"),
                   INVOCATION_ID="fleet")                  # as under systemd: no hint on how to leave
        for name in ("LINES", "COLUMNS", "NOTIFY_SOCKET"):
            env.pop(name, None)
        self.process = subprocess.Popen([agenda, "kiosk", *args], stdin=slave, stdout=slave, stderr=slave,
                                        env=env, start_new_session=True)
        os.close(slave)
        self.master = master
        self.lock = threading.Lock()
        self.output = b""
        self.shown_board = False
        self.flipped_at = None
        self.evacuated_at = None
        threading.Thread(target=self.drain, daemon=True).start()

    def drain(self):
        tail = b""
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            now = time.monotonic()
            with self.lock:
                if not self.shown_board and b"Now" in tail + data:
                    self.shown_board = True
                if self.flipped_at is not None and self.evacuated_at is None and b"EVACUATE" in tail + data:
                    self.evacuated_at = now
                # Only output after the flip counts; a word cut between two reads is joined.
                tail = (tail + data)[-16:] if self.flipped_at is not None else b""

    def flip(self, at):
        with self.lock:
            self.flipped_at = at

    def memory_kb(self):
        """Resident and proportional set size, in KiB."""
        pid = self.process.pid
        rss = pss = None
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        pss = int(line.split()[1])
        except OSError:
            pass
        return rss, pss

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.master)


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(fraction * (len(ordered) - 1)))))
    return ordered[index]


def rates(entries, start, end):
    """Requests per second in [start, end) of the wall clock, in all and by path and status."""
    window = [e for e in entries if start <= e[0] < end]
    seconds = max(1e-9, end - start)
    by = {}
    for _, status, path in window:
        key = f"{path} {status}"
        by[key] = by.get(key, 0) + 1
    return {"seconds": round(seconds, 1), "requests": len(window), "per_second": round(len(window) / seconds, 2),
            "by_path_and_status": {k: round(v / seconds, 2) for k, v in sorted(by.items())}}


def notices_json(evacuate=None):
    rooms = {evacuate: {"status": "evacuate", "note": "Leave by the nearest exit"}} if evacuate else {}
    return json.dumps({"notices": [{"text": "Welcome to the venue", "level": "info"}], "rooms": rooms})


def run(args):
    root = tempfile.mkdtemp(prefix="agenda-fleet-")
    # nginx run by root hands requests to workers as nobody: they must reach the files.
    os.chmod(root, 0o755)
    nginx = None
    kiosks = []
    try:
        nginx = Nginx(root)
        shutil.copyfile(args.schedule, nginx.www("schedule.xml"))
        os.chmod(nginx.www("schedule.xml"), 0o644)
        publish(nginx.www("notices.json"), notices_json())
        kiosk_args = ["--room", args.room, "--now", args.now, "--notices", nginx.url("notices.json"),
                      "--notices-poll", str(args.poll), "--qr", "none", nginx.url("schedule.xml")]
        # Spread over one poll interval, as screens switched on one after another would be.
        begun = time.monotonic()
        for i in range(args.n):
            home = os.path.join(root, f"kiosk-{i}")
            os.makedirs(home)
            kiosks.append(Kiosk(args.agenda, kiosk_args, home))
            time.sleep(random.uniform(0, 2 * args.poll / max(1, args.n)))
        deadline = time.monotonic() + 60
        while not all(k.shown_board for k in kiosks):
            dead = [k for k in kiosks if k.process.poll() is not None]
            if dead or time.monotonic() > deadline:
                missing = sum(1 for k in kiosks if not k.shown_board)
                raise SystemExit(f"{missing} of {args.n} kiosks did not show the board ({len(dead)} ended)")
            time.sleep(0.1)
        started = time.monotonic() - begun
        # A few polls of steady state, then the flip.
        steady_from = time.time()
        time.sleep(args.poll * args.steady_polls)
        flip_wall = time.time()
        flip = time.monotonic()
        for k in kiosks:
            k.flip(flip)
        publish(nginx.www("notices.json"), notices_json(args.room))
        deadline = flip + args.poll + 30
        while any(k.evacuated_at is None for k in kiosks) and time.monotonic() < deadline:
            time.sleep(0.05)
        seen = [k.evacuated_at - flip for k in kiosks if k.evacuated_at is not None]
        # Another poll interval of the server's view after the flip.
        time.sleep(max(0.0, flip + 2 * args.poll - time.monotonic()))
        after_wall = time.time()
        memory = [k.memory_kb() for k in kiosks if k.process.poll() is None]
        dead = sum(1 for k in kiosks if k.process.poll() is not None)
        entries = nginx.requests()
        rss = [m[0] for m in memory if m[0]]
        pss = [m[1] for m in memory if m[1]]
        report = {
            "kiosks": args.n, "poll_seconds": args.poll, "room": args.room, "agenda": os.path.abspath(args.agenda),
            "start_seconds": round(started, 1),
            "evacuation": {"screens_showing": len(seen), "missed": args.n - len(seen),
                           "median_s": round(statistics.median(seen), 2) if seen else None,
                           "p99_s": round(percentile(seen, 0.99), 2) if seen else None,
                           "max_s": round(max(seen), 2) if seen else None,
                           "limit_s": args.poll + 1},
            "server_before_flip": rates(entries, steady_from, flip_wall),
            "server_after_flip": rates(entries, flip_wall, after_wall),
            "memory_kib": {"rss_median": int(statistics.median(rss)) if rss else None, "rss_max": max(rss) if rss else None,
                           "pss_median": int(statistics.median(pss)) if pss else None, "pss_max": max(pss) if pss else None,
                           "per_kiosk_rss": rss},
            "kiosks_ended": dead,
        }
        ok = (not dead and len(seen) == args.n and max(seen) <= args.poll + 1)
        report["ok"] = ok
        return report
    finally:
        for k in kiosks:
            k.stop()
        if nginx:
            nginx.stop()
        if args.keep:
            print(f"fleet: kept {root}", file=sys.stderr)
        else:
            shutil.rmtree(root, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("agenda")
    parser.add_argument("-n", type=int, default=50, help="kiosks (default 50)")
    parser.add_argument("--poll", type=float, default=10, help="the kiosks' --notices-poll, seconds (default 10)")
    parser.add_argument("--steady-polls", type=float, default=3, help="poll intervals of steady state before the flip")
    parser.add_argument("--schedule", default=EXCERPT, help="the schedule served (default: the 38C3 excerpt)")
    parser.add_argument("--room", default="Saal 1")
    parser.add_argument("--now", default="2024-12-27T11:10+01:00", help="the kiosks' --now")
    parser.add_argument("--json", help="also write the report here")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (nginx log and configuration)")
    args = parser.parse_args()
    if not (shutil.which("nginx") or os.path.exists("/usr/sbin/nginx")):
        raise SystemExit("fleet: nginx is not installed (apt-get install nginx-light)")
    report = run(args)
    e, before, after, memory = report["evacuation"], report["server_before_flip"], report["server_after_flip"], report["memory_kib"]
    print(f"fleet: {report['kiosks']} kiosks (door screens of {report['room']}), notices polled every {report['poll_seconds']:g} s, "
          f"all showing the board {report['start_seconds']} s after the first started")
    print(f"fleet: EVACUATE on {e['screens_showing']}/{report['kiosks']} screens: median {e['median_s']} s, "
          f"p99 {e['p99_s']} s, max {e['max_s']} s (limit {e['limit_s']:g} s)")
    for name, window in (("before the flip", before), ("after the flip", after)):
        detail = ", ".join(f"{k} {v}/s" for k, v in window["by_path_and_status"].items())
        print(f"fleet: server {name}: {window['per_second']} requests/s over {window['seconds']} s ({detail})")
    print(f"fleet: memory per kiosk: RSS median {memory['rss_median']} KiB, max {memory['rss_max']} KiB; "
          f"PSS median {memory['pss_median']} KiB, max {memory['pss_max']} KiB")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(report, f, indent=2)
    print("fleet: ok" if report["ok"] else "fleet: FAILED")
    sys.exit(0 if report["ok"] else 1)


if __name__ == "__main__":
    main()
