#!/usr/bin/env python3
"""Hardening tests of the real `agenda` binary: hostile schedule text, broken and huge files,
odd terminals and signals, and favourites that survive SIGKILL.

Usage: test_hardening.py PATH/TO/agenda

Most tests run the binary in a pseudo-terminal of their own (os.openpty) and keep every raw
byte it writes, so a payload that slipped through cannot hide behind a terminal emulator."""
import fcntl
import json
import os
import random
import re
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time

sys.path.insert(0, os.path.dirname(__file__))
from tmux_harness import Pane, home_environment, run_tests, needs_shared  # noqa: E402

AGENDA = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else None
HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.abspath(os.path.join(HERE, "..", "..", "..", "shared"))
SCHEDULES = os.path.join(SHARED, "schedules")
GEN = os.path.join(SHARED, "tools", "gen_schedule.py")
C38 = os.path.join(SCHEDULES, "38c3-schedule.xml")
TMP = tempfile.mkdtemp(prefix="agenda-hardening-")

# ---------------------------------------------------------------------------------------------
# Payloads: each is put into every text field. Markers inside the sequences (EVIL…) must never
# come out either: with the sequence dropped whole, its content goes with it.

PAYLOADS = {
    "osc0-title": "\x1b]0;EVILTITLE0\x07",
    "osc2-title": "\x1b]2;EVILTITLE2\x1b\\",
    "osc8-link": "\x1b]8;;http://evil.example/EVILLINK\x1b\\click\x1b]8;;\x1b\\",
    "osc52-clipboard": "\x1b]52;c;RVZJTENMSVA=\x07",
    "csi-clear": "\x1b[2J\x1b[3J",
    "csi-move": "\x1b[99;199H\x1b[6A",
    "csi-sgr": "\x1b[31;5;9;53m",
    "csi-dsr": "\x1b[6n",
    "dcs": "\x1bP+qEVILDCS\x1b\\",
    "c1-csi": "\u009b2J\u009b99;199H",
    "c1-osc": "\u009d0;EVILC1TITLE\u009c",
    "bel": "\x07\x07",
    "bs": "\x08\x08\x08",
    "cr": "\roverwrite",
    "del": "\x7f",
    "nel": "\u0085",
    "bidi": "\u202egnp.exe\u202d\u2066iso\u2069",
    "zero-width": "\u200b\u200d\ufeff\u2060",
}
# Byte sequences that only a leaked payload can produce. (ncurses' own output is fine: it
# clears with ESC[H ESC[2J, moves with CUP, and may move left with BS, so those are not listed.)
FORBIDDEN = [
    b"\x1b]0;", b"\x1b]2;", b"\x1b]8;", b"\x1b]52;", b"\x1bP", b"\x1b[99;199H", b"\x1b[6A",
    b"\x1b[31;5;9;53m", b"\x1b[6n", b"\x1b[3J",
    b"EVIL", b"RVZJTENMSVA",
    b"\x07", b"\x7f",
    "\u202e".encode(), "\u202d".encode(), "\u2066".encode(), "\u2069".encode(),
    "\u200b".encode(), "\u200d".encode(), "\ufeff".encode(), "\u2060".encode(),
    # ncurses shows a control it is handed as ^X or ~X: those would mean a control got through.
    b"^[", b"^G", b"^H", b"^?", b"~[", b"~@",
]
C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
# The program's own width probe (docs/accessibility.md): once, as curses starts, before anything
# is drawn; the same request anywhere else would be a leaked payload.
WIDTH_PROBE = b"\r\xe2\x96\xbd\x1b[6n\r\x1b[K"


# The browser's own hyperlinks (docs/browsing-and-keys.md): OSC 8 around an http(s) address
# with no control or space in it, closed at once. Only their framing is taken out before the
# check, so an address or text that carried a payload's marker is still found.
OWN_HYPERLINK = re.compile(rb"\x1b\]8;;(https?://[\x21-\x7e\x80-\xff]+?)\x1b\\([^\x00-\x1f\x7f]*?)\x1b\]8;;\x1b\\")


def leaks(output, plain=False, allow=(), own_links=False):
    """What of the payloads is in `output` (bytes). `plain`: output not meant for a terminal
    (a listing, an error): then no control at all but LF and TAB may appear. `own_links`: the
    browser's hyperlinks are its own, not a payload's."""
    probe = output.find(WIDTH_PROBE)
    # Only curses' own start (modes, the alternate screen, a clear) comes before it.
    if not plain and 0 <= probe < 400 and not any(b > 0x7e for b in output[:probe]):
        output = output[:probe] + output[probe + len(WIDTH_PROBE):]
    if own_links:
        output = OWN_HYPERLINK.sub(lambda m: m.group(1) + b" " + m.group(2), output)
    found = [seq for seq in FORBIDDEN if seq in output and seq not in allow]
    if C1_UTF8.search(output):
        found.append(C1_UTF8.search(output).group())
    if plain:
        found += sorted({bytes([b]) for b in output if (b < 0x20 and b not in (9, 10)) or b == 0x7f})
    return found


def every_payload():
    return "".join(f"<{name}>{p}" for name, p in PAYLOADS.items())


def write(path, data):
    with open(path, "wb" if isinstance(data, bytes) else "w", encoding=None if isinstance(data, bytes) else "utf-8") as f:
        f.write(data)
    return path


def hostile_json(path):
    """c3voc JSON with every payload in every field, one session per payload, times today."""
    day = time.strftime("%Y-%m-%d")
    events = []
    for n, (name, p) in enumerate(PAYLOADS.items()):
        t = f"{9 + n // 4:02d}:{(n % 4) * 15:02d}"
        events.append({
            "id": 100 + n, "guid": f"guid-{n}{p}", "date": f"{day}T{t}:00+00:00", "start": t,
            "duration": "00:15", "room": f"Room {name}{p}", "slug": f"s{n}{p}",
            "title": f"Talk {name} {p}tail", "subtitle": f"Sub {name}{p}", "track": f"Track{p}{n % 3}",
            "type": f"lecture{p}", "language": f"en{p}", "abstract": f"Abstract {p} of {name}\n{p}second line",
            "description": f"<p>Desc {name}{p}</p><p>{p}more</p>", "url": f"https://x.example/{name}{p}",
            "persons": [{"public_name": f"Person {name}{p}"}, {"name": f"{p}Second"}],
            "links": [{"url": f"https://l.example/{p}", "title": f"Link{p}"}]})
    rooms = {}
    for e in events:
        rooms.setdefault(e["room"], []).append(e)
    doc = {"schedule": {"version": f"v{every_payload()}", "conference": {
        "acronym": f"hostile{PAYLOADS['osc0-title']}", "title": f"Hostile {every_payload()} Conf",
        "start": day, "end": day, "time_zone_name": "UTC", "url": f"https://c.example/{every_payload()}",
        "days": [{"index": 1, "date": day, "rooms": rooms}]}}}
    return write(path, json.dumps(doc))  # json escapes every control as \\u00XX


def hostile_xml(path, raw=False):
    """frab XML with the payloads as numeric character references (which XML 1.0 forbids for
    C0, but files in the wild have them), or with raw control bytes (not well-formed)."""
    def esc(text):
        out = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        if raw:
            return out
        return "".join(c if c == "\n" or 0x20 <= ord(c) < 0x7f or ord(c) > 0x9f else f"&#x{ord(c):X};" for c in out)
    day = time.strftime("%Y-%m-%d")
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<schedule>", "<conference>",
           f"<acronym>h{esc(PAYLOADS['osc0-title'])}</acronym>", f"<title>Hostile XML {esc(every_payload())}</title>",
           f"<start>{day}</start><end>{day}</end><time_zone_name>UTC</time_zone_name>",
           f"<base_url>https://c.example/{esc(PAYLOADS['osc8-link'])}</base_url>", "</conference>",
           f'<day index="1" date="{day}">']
    for n, (name, p) in enumerate(PAYLOADS.items()):
        t = f"{9 + n // 4:02d}:{(n % 4) * 15:02d}"
        e = esc(p)
        out += [f'<room name="R{esc(name)}{e.replace(chr(34), "&quot;")}">',
                f'<event guid="g{n}{e}" id="{200 + n}">', f"<date>{day}T{t}:00+00:00</date>",
                f"<start>{t}</start><duration>00:15</duration><room>R{name}{e}</room>",
                f"<title>XML {name} {e}tail</title><subtitle>S{e}</subtitle><track>T{e}</track>",
                f"<type>talk{e}</type><language>en{e}</language>",
                f"<abstract>A {e} {name}</abstract><description>&lt;p&gt;D{e}&lt;/p&gt;{e}</description>",
                f"<persons><person id=\"1\">P {name}{e}</person></persons>",
                f'<links><link href="https://l.example/{e.replace(chr(34), "&quot;")}">L{e}</link></links>',
                f"<url>https://x.example/{name}{e}</url>", "</event>", "</room>"]
    out += ["</day>", "</schedule>"]
    return write(path, "\n".join(out) + "\n")


def hostile_ics(path):
    """iCalendar with raw control bytes in every text property (RFC 5545 forbids them)."""
    def esc(text):
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
    day = time.strftime("%Y%m%d")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//hostile//EN", f"X-WR-CALNAME:Hostile ICS {esc(every_payload())}"]
    for n, (name, p) in enumerate(PAYLOADS.items()):
        hh, mm = 9 + n // 4, (n % 4) * 15
        lines += ["BEGIN:VEVENT", f"UID:u{n}{esc(p)}@x", f"DTSTART:{day}T{hh:02d}{mm:02d}00Z",
                  f"DTEND:{day}T{hh:02d}{mm + 10:02d}00Z", f"SUMMARY:ICS {name} {esc(p)}tail",
                  f"LOCATION:Room{esc(p)}", f"CATEGORIES:Cat{esc(p)}",
                  f"DESCRIPTION:{esc('D ' + p + chr(10) + p + 'more')}", f"URL:https://x.example/{esc(p)}",
                  f"ORGANIZER;CN=Org{esc(p)}:mailto:o@x.example", f"ATTENDEE;CN=Att{esc(p)}:mailto:a@x.example",
                  "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return write(path, ("\r\n".join(lines) + "\r\n").encode("utf-8"))


def hostile_cacie(path, payload):
    """A CACIE session page with one payload in the title, theme, room, speakers and body."""
    year = time.strftime("%Y")
    month = time.strftime("%B")
    dd = time.strftime("%d")
    page = (f"Plenary {payload}Session\n\nTheme:Theme {payload}end\nTime:\u00a0\u00a0{month} {dd} 09:00-{dd} 12:00,{year}\n"
            f"Room:Hall {payload}One\nSpeakers:Ann{payload}, Bob\n\nBody {payload} paragraph.\n\n\u00a0\n\nSecond {payload}.\n")
    return write(path, page)


# ---------------------------------------------------------------------------------------------
# A pseudo-terminal of our own, with every byte kept.

def set_size(fd, cols, rows):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


class Pty:
    def __init__(self, args, cols=80, rows=24, env=None, term="xterm-256color", stdin=None):
        self.master, slave = os.openpty()
        set_size(slave, cols, rows)
        self.termios_before = termios.tcgetattr(slave)
        environment = {"PATH": "/usr/bin:/bin", **home_environment(), "LANG": "C.UTF-8", "TERM": term}
        environment.update({k: v for k, v in os.environ.items() if k in ("ASAN_OPTIONS", "TSAN_OPTIONS")})
        environment.update(env or {})
        environment = {k: v for k, v in environment.items() if v is not None}

        def controlling_terminal():
            os.setsid()
            fcntl.ioctl(1, termios.TIOCSCTTY, 0)

        command = [AGENDA, *args]
        if stdin == "closed":  # through sh: subprocess would open fd 0 again after preexec_fn
            command = ["/bin/sh", "-c", 'exec "$0" "$@" 0<&-', *command]
        if stdin is None or stdin == "closed":
            stdin = slave
        self.proc = subprocess.Popen(command, stdin=stdin, stdout=slave,
                                     stderr=slave, env=environment, preexec_fn=controlling_terminal, close_fds=True)
        self.slave = slave
        self.out = bytearray()
        self.rusage = None
        self.status = None

    def pump(self, seconds=0.0):
        """Reads whatever arrives for `seconds` (at least once, without blocking)."""
        deadline = time.monotonic() + seconds
        while True:
            left = max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    time.sleep(min(left, 0.01))
                self.out += chunk
            if time.monotonic() >= deadline:
                return

    def wait_for(self, text, timeout=10.0, start=0):
        needle = text.encode() if isinstance(text, str) else text
        deadline = time.monotonic() + timeout
        while needle not in self.out[start:]:
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} not written after {timeout}s; tail: {bytes(self.out[-600:])!r}")
            if self.proc.poll() is not None:
                self.pump(0.05)
                if needle not in self.out[start:]:
                    raise AssertionError(f"exited {self.proc.returncode} before {text!r}; tail: {bytes(self.out[-600:])!r}")
            self.pump(0.05)
        return bytes(self.out)

    def send(self, data, pause=0.03):
        os.write(self.master, data.encode() if isinstance(data, str) else data)
        self.pump(pause)

    def resize(self, cols, rows):
        set_size(self.master, cols, rows)  # the kernel sends SIGWINCH to the foreground group

    def finish(self, timeout=10.0):
        """Waits for the exit (reading on, so the program never blocks on a full pty)."""
        deadline = time.monotonic() + timeout
        while self.status is None:
            pid, status, rusage = os.wait4(self.proc.pid, os.WNOHANG)
            if pid:
                self.status, self.rusage = status, rusage
                self.proc.returncode = os.waitstatus_to_exitcode(status)
                break
            if time.monotonic() > deadline:
                self.kill()
                raise AssertionError(f"still running after {timeout}s; tail: {bytes(self.out[-600:])!r}")
            self.pump(0.02)
        self.pump(0.05)
        return self.proc.returncode

    def restored(self):
        """Whether the tty's modes are back as they were before the program started."""
        now = termios.tcgetattr(self.slave)
        return now[:6] == self.termios_before[:6]

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def close(self):
        self.kill()
        for fd in (self.master, self.slave):
            try:
                os.close(fd)
            except OSError:
                pass


def run(*args, timeout=60, **kwargs):
    return subprocess.run([AGENDA, *args], capture_output=True, timeout=timeout, **kwargs)


def timed(args, timeout=60):
    """Runs agenda with output to pipes; returns (status, stdout, stderr, seconds, peak RSS MB)."""
    started = time.monotonic()
    # The peak RSS a child reports includes what its parent had at fork: through /usr/bin/time
    # (a small parent) it is agenda's own; without it, an upper bound.
    measure = os.path.join(TMP, "rss")
    wrapper = ["/usr/bin/time", "-q", "-f", "%M", "-o", measure] if os.access("/usr/bin/time", os.X_OK) else []
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([*wrapper, AGENDA, *args], stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        deadline = started + timeout
        while True:
            pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                proc.wait()
                raise AssertionError(f"{args} still running after {timeout}s")
            time.sleep(0.01)
        proc.returncode = os.waitstatus_to_exitcode(status)
        peak = rusage.ru_maxrss / 1024
        if wrapper:
            with open(measure) as f:
                peak = int(f.read().split()[-1]) / 1024
        out.seek(0)
        err.seek(0)
        return proc.returncode, out.read(), err.read(), time.monotonic() - started, peak


# ---------------------------------------------------------------------------------------------
# 1. One sanitiser for everything shown or printed

def test_the_detector_sees_every_payload():
    """The checks below would catch each payload if it came through, raw or as ncurses shows
    a control (^[, ~X)."""
    for name, payload in PAYLOADS.items():
        if name in ("cr", "bs"):  # CR and BS are ncurses' own cursor moves: caught as plain output only
            assert leaks(payload.encode(), plain=True), name
            continue
        assert leaks(payload.encode()), name
    assert leaks(b"Talk ^[]0;EVILTITLE0^G")


def hostile_files():
    files = {
        "json": hostile_json(os.path.join(TMP, "hostile.json")),
        "xml-charrefs": hostile_xml(os.path.join(TMP, "hostile-refs.xml")),
        "xml-raw": hostile_xml(os.path.join(TMP, "hostile-raw.xml"), raw=True),
        "ics": hostile_ics(os.path.join(TMP, "hostile.ics")),
    }
    for name, payload in PAYLOADS.items():
        files[f"cacie-{name}"] = hostile_cacie(os.path.join(TMP, f"cacie-{name}.txt"), payload)
    files["cacie-all"] = hostile_cacie(os.path.join(TMP, "cacie-all.txt"), every_payload().replace("\r", ""))
    generated = os.path.join(TMP, "gen", "h")
    if not os.path.exists(generated + ".ics"):
        subprocess.run([sys.executable, GEN, "-n", "300", "--hostile", "-o", generated], check=True,
                       capture_output=True)
    for ext in (".schedule.xml", ".schedule.json", ".ics"):
        files["gen" + ext] = generated + ext
    return files


@needs_shared
def test_list_and_validate_print_no_payload():
    problems = []
    files = hostile_files()
    for kind, path in files.items():
        for args in (["validate", path], ["list", path], ["list", path, "--format", "json"],
                     ["list", path, "--format", "ics"], ["list", path, "--search", "e"], [path]):
            result = run(*args)
            # A CR is a line ending (as CRLF and LF): the CACIE page splits into blocks, and
            # those that are not sessions are warnings, not a refusal.
            if result.returncode != 0:
                problems.append((kind, args[0], "exit", result.returncode, result.stderr[-300:]))
            for stream in (result.stdout, result.stderr):
                found = leaks(stream, plain=True, allow=() if args[-1] != "ics" else (b"\r",))
                found = [f for f in found if not (args[-1] == "ics" and f == b"\r")]
                if found:
                    problems.append((kind, " ".join(args[:1] + args[2:]), found))
        # The readable text is still there, only the controls are gone.
        if kind == "json":
            listing = json.loads(run("list", path, "--format", "json").stdout)
            assert len(listing["sessions"]) == len(PAYLOADS), listing
            assert listing["conference"]["title"].startswith("Hostile <osc0-title>"), listing["conference"]
    assert not problems, problems


def test_file_names_and_arguments_are_sanitised():
    name = "sched" + PAYLOADS["osc0-title"] + PAYLOADS["c1-csi"] + PAYLOADS["bidi"] + ".json"
    directory = os.path.join(TMP, "names")
    os.makedirs(directory, exist_ok=True)
    good = hostile_json(os.path.join(directory, name))
    bad = write(os.path.join(directory, "bad" + name), b"{\"schedule\": [")
    missing = os.path.join(directory, "missing" + name)
    cases = [["validate", good], ["validate", bad], ["validate", missing], ["list", bad], ["list", missing], [bad],
             ["kiosk", bad], ["list", good, "--format", PAYLOADS["osc52-clipboard"]],
             ["list", good, "--day", PAYLOADS["csi-clear"]], [PAYLOADS["dcs"] + "--option"],
             ["--now", PAYLOADS["osc2-title"], good], ["kiosk", "--lang", PAYLOADS["c1-osc"]],
             ["kiosk", good, "--room", PAYLOADS["osc8-link"]], ["kiosk", "--exit-key", PAYLOADS["bel"]],
             ["list", "--room", PAYLOADS["osc0-title"], good], ["validate", "--" + PAYLOADS["csi-sgr"]]]
    problems = []
    for args in cases:
        result = run(*args)
        for stream in (result.stdout, result.stderr):
            found = leaks(stream, plain=True)
            if found:
                problems.append((args, result.returncode, found, stream[-200:]))
    assert not problems, problems
    shown = run("validate", good).stdout.decode()
    assert shown.startswith(os.path.join(directory, "schedgnp.exeiso.json") + ": ok:"), shown


def browse_everything(path, cols=100, rows=30, extra=()):
    """Drives the browser over every session, every view, the detail, help, picker and search;
    returns every byte it wrote."""
    now = time.strftime("%Y-%m-%dT10:00+00:00")
    pty = Pty([path, "--now", now, *extra], cols, rows)
    try:
        pty.wait_for("\x1b[?1049h" if "--theme" not in extra else "", timeout=10)
        pty.pump(0.4)
        keys = ["j"] * 20 + ["g", "\r"] + ["j"] * 8 + ["\t", "\x1b"]
        for _ in range(len(PAYLOADS)):  # open each session and scroll its detail
            keys += ["\r", "j", "j", "j", "\x1b", "j"]
        keys += ["v", "j", "l", "l", "v", "v", "v", "V", "V", "V", "V", "p", "j", "\r", "a", "p", "?", "j", "\x1b",
                 "/", "t", "a", "l", "k", "\r", "n", "n", "\r", "\x1b", "\x1b", "/", "o", "s", "c", "\x1b",
                 "f", "F", "F", "z", "z", "G", "\r"]
        for key in keys:
            pty.send(key, pause=0.008)
        pty.resize(60, 20)
        pty.pump(0.3)
        pty.resize(cols, rows)
        pty.pump(0.3)
        pty.send("q")
        status = pty.finish()
        assert status == 0, (status, bytes(pty.out[-400:]))
        assert pty.restored()
        return bytes(pty.out)
    finally:
        pty.close()


@needs_shared
def test_browser_shows_no_payload():
    files = hostile_files()
    problems = []
    for kind in ("json", "xml-charrefs", "ics", "gen.ics", "cacie-all"):
        out = browse_everything(files[kind])
        # The favourite star rings no bell here: a reminder would, so allow none of it at all.
        found = leaks(out, own_links=True)
        if found:
            problems.append((kind, found))
        if kind == "json":
            assert b"Talk osc0-titl" in out and b"Room osc0-title" in out, "the hostile schedule was not shown"
    assert not problems, problems


@needs_shared
def test_kiosk_shows_no_payload():
    files = hostile_files()
    problems = []
    now = time.strftime("%Y-%m-%dT09:50+00:00")
    for kind, extra, size in (("json", [], (80, 24)), ("json", [], (160, 45)), ("json", ["--room", "Room osc0-title"], (80, 24)),
                              ("xml-charrefs", [], (160, 45)), ("ics", [], (80, 24)), ("cacie-osc8-link", [], (80, 24)),
                              ("gen.schedule.json", [], (160, 45))):
        if True:
            pty = Pty(["kiosk", files[kind], "--now", now, "--clock-rate", "600", "--page-seconds", "1", *extra], *size)
            try:
                pty.wait_for("\x1b[?1049h")
                pty.pump(1.5)  # several minutes and pages go by
                pty.proc.send_signal(signal.SIGTERM)
                status = pty.finish()
                assert status == 128 + signal.SIGTERM, (status, bytes(pty.out[-300:]))
                found = leaks(bytes(pty.out))
                if found:
                    problems.append((kind, extra, size, found))
            finally:
                pty.close()
    assert not problems, problems


# ---------------------------------------------------------------------------------------------
# 2. Broken and hostile files: a clear error, exit 65, within seconds, bounded memory

def malformed_files():
    """name -> path of every broken or hostile file, made here (deterministic)."""
    directory = os.path.join(TMP, "malformed")
    os.makedirs(directory, exist_ok=True)
    files = {}

    def make(name, data):
        files[name] = write(os.path.join(directory, name), data)

    make("empty.xml", b"")
    make("blank.json", b"  \n\n ")
    make("random-bytes.bin", random.Random(8).randbytes(1 << 20))
    for source in ("38c3-schedule.xml", "35c3-schedule.json", "lca2020-conference.ics"):
        with open(os.path.join(SCHEDULES, source), "rb") as f:
            data = f.read()
        for percent in (10, 50, 90):
            make(f"cut{percent}-{source}", data[: len(data) * percent // 100])
        if source.endswith(".xml"):
            at = data.index(b"<title>", 5000) + 7
            make("invalid-utf8.xml", data[:at] + b"\xff\xfe\xc3\x28" + data[at:])
        if source.endswith(".json"):
            at = data.index(b'"title":"', 5000) + 9
            make("invalid-utf8.json", data[:at] + b"\xc0\xaf\xed\xa0\x80" + data[at:])
    make("invalid-utf8-cacie.txt", b"Plenary \xff\n\nTime:October 22 09:00-22 12:00,2021\n")
    for name, head in (("line-100mb.txt", b""), ("line-100mb.xml", b"<schedule><conference><title>"),
                       ("line-100mb.json", b'{"schedule":{"conference":{"title":"')):
        files[name] = os.path.join(directory, name)
        with open(files[name], "wb") as f:
            f.write(head)
            for _ in range(100):
                f.write(b"A" * 1_000_000)
    # Just under the size limit: the parser itself meets a 15 MB line.
    make("line-15mb.xml", b"<schedule><conference><title>" + b"A" * 15_000_000 + b"</title>")
    make("line-15mb.json", b'{"schedule":{"conference":{"title":"' + b"\\u00e9" * 2_500_000 + b'", "days": [')
    make("line-15mb.ics", b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:" + b"A" * 15_000_000)
    make("nested-100k.xml", b"<schedule>" + b"<a>" * 100_000 + b"</a>" * 100_000 + b"</schedule>")
    make("nested-100k-open.xml", b"<schedule>" + b"<a>" * 100_000)
    make("nested-100k.json", b'{"schedule":' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    make("nested-100k-objects.json", b'{"schedule":' + b'{"a":' * 100_000 + b"1" + b"}" * 100_000 + b"}")
    make("unterminated.ics", b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\n"
         b"DTSTART:20240101T100000Z\r\nSUMMARY:x\r\nBEGIN:VALARM\r\nTRIGGER:-PT5M\r\n")
    make("unterminated-calendar.ics", b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\n"
         b"DTSTART:20240101T100000Z\r\nDTEND:20240101T110000Z\r\nSUMMARY:x\r\nEND:VEVENT\r\n")
    # A million sessions, each as small as a c3voc event can be (74 MB): refused by size.
    # Written in pieces: the test process stays small, so the peak RSS measured is agenda's.
    files["million-sessions.json"] = os.path.join(directory, "million-sessions.json")
    with open(files["million-sessions.json"], "w") as f:
        f.write('{"schedule":{"conference":{"title":"M","days":[{"date":"2024-01-01","rooms":{"R":[')
        for start in range(0, 1_000_000, 10_000):
            f.write(("," if start else "") + ",".join(
                f'{{"id":{n},"date":"2024-01-01T10:00:00Z","duration":"0:30","title":"t{n}"}}'
                for n in range(start, start + 10_000)))
        f.write("]}}]}}}")
    for name, data in ENTITY_AND_NUMBER_FILES.items():
        make(name, data)
    return files


# Refused at the declaration or the literal, before anything is expanded, fetched or rounded.
ENTITY_AND_NUMBER_FILES = {
    "billion-laughs.xml": (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
                           + b"".join(f' <!ENTITY lol{k} "{("&lol" + (str(k - 1) if k > 1 else "") + ";") * 10}">\n'.encode()
                                      for k in range(1, 10))
                           + b']>\n<schedule><conference><title>&lol9;</title></conference><day date="2024-01-01" index="1">'
                           b'<room name="R"><event guid="g" id="1"><date>2024-01-01T10:00:00+01:00</date>'
                           b"<duration>00:30</duration><title>&lol9;</title></event></room></day></schedule>\n"),
    "external-entity.xml": (b'<?xml version="1.0"?>\n<!DOCTYPE s [ <!ENTITY xxe SYSTEM "file:///etc/passwd">'
                            b' <!ENTITY net SYSTEM "http://127.0.0.1:9/x"> <!ENTITY % p SYSTEM "file:///etc/hostname"> %p; ]>\n'
                            b'<schedule><conference><title>&xxe;</title></conference><day date="2024-01-01" index="1">'
                            b'<room name="R"><event guid="g" id="1"><date>2024-01-01T10:00:00+01:00</date>'
                            b"<duration>00:30</duration><title>&xxe;&net;</title></event></room></day></schedule>\n"),
    "huge-numbers.json": (b'{"schedule":{"conference":{"title":"T","daysCount":1e999999999,"days":[{"index":'
                          + b"9" * 100_000 + b',"date":"2024-01-01","rooms":{"R":[{"id":1e400,'
                          b'"date":"2024-01-01T10:00:00Z","duration":"00:30","title":"A","start":-1e-99999,'
                          b'"persons":[' + b"1" * 10_000 + b"]}]}}]}}}"),
}
MALFORMED_REPORT = []


def check_refused(name, path, seconds=5.0, megabytes=150):
    problems = []
    for args in (["validate", path], ["list", path], ["list", path, "--format", "json"]):
        status, out, err, took, rss = timed(args)
        MALFORMED_REPORT.append((name, " ".join(a for a in args if a != path), status, took, rss))
        text = err.decode("utf-8", "replace")
        if status != 65 or not text.removeprefix("agenda: ").startswith(path + ":") or "error:" not in text or out:
            problems.append((name, args[0], status, text[:200], out[:100]))
        if took > seconds or rss > megabytes or "Fatal error" in text or len(err) > 2000:
            problems.append((name, args[0], f"{took:.1f}s", f"{rss:.0f}MB", len(err)))
    # `agenda FILE` in a terminal: the error before any screen is drawn, the tty untouched.
    started = time.monotonic()
    pty = Pty([path])
    try:
        status = pty.finish(timeout=seconds * 2)
        text = bytes(pty.out).decode("utf-8", "replace")
        MALFORMED_REPORT.append((name, "(browse)", status, time.monotonic() - started, pty.rusage.ru_maxrss / 1024))
        if status != 65 or "error:" not in text or "\x1b[?1049h" in text or not pty.restored():
            problems.append((name, "browse", status, text[:200]))
    finally:
        pty.close()
    return problems


@needs_shared
def test_broken_files_give_a_clear_error_and_65_quickly():
    problems = []
    for name, path in malformed_files().items():
        problems += check_refused(name, path)
    for name, path in (("directory", TMP),):
        status, _, err, _, _ = timed(["validate", path])
        if status != 66 or b"is a directory" not in err:
            problems.append((name, status, err))
    assert not problems, problems


@needs_shared
def test_endless_devices_and_pipes_are_refused_or_read():
    for device in ("/dev/zero", "/dev/urandom"):
        status, out, err, took, rss = timed(["validate", device], timeout=20)
        MALFORMED_REPORT.append((device, "validate", status, took, rss))
        assert status == 65 and b"too large" in err and took < 5 and rss < 200, (device, status, err, took, rss)
    # A pipe of a real schedule (process substitution, curl | agenda list /dev/stdin) still reads.
    with open(C38, "rb") as source:
        result = subprocess.run([AGENDA, "validate", "/dev/stdin"], stdin=source, capture_output=True, timeout=60)
    assert result.returncode == 0 and b"ok: 1007 sessions" in result.stdout, result


def test_entities_and_huge_numbers_are_refused_where_they_are_written():
    directory = os.path.join(TMP, "entities")
    os.makedirs(directory, exist_ok=True)
    expected = {"billion-laughs.xml": b":3:2: error: the DOCTYPE declares an entity",
                "external-entity.xml": b":2:15: error: the DOCTYPE declares an entity",
                "huge-numbers.json": b":1:52: error: a number with exponent 1000000: out of range"}
    for name, data in ENTITY_AND_NUMBER_FILES.items():
        path = write(os.path.join(directory, name), data)
        status, out, err, _, _ = timed(["validate", path])
        assert status == 65 and not out and err.startswith(path.encode() + expected[name]), (name, status, err)


# ---------------------------------------------------------------------------------------------
# 3. Odd terminals

NOW = ["--now", "2021-10-22T10:00+08:00"]
KIOSK_NOW = ["--now", "2021-10-22T10:00+08:00"]
SMCUP = b"\x1b[?1049h"
RMCUP = b"\x1b[?1049l"


def alternate_screen_left(out):
    """Whether the last alternate-screen switch in `out` is the one back (or there was none)."""
    return out.rfind(RMCUP) >= out.rfind(SMCUP)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_tiny_terminals_say_so_and_never_crash():
    sizes = [(1, 1), (2, 1), (1, 2), (3, 3), (10, 2), (20, 5), (19, 5), (80, 1), (1, 24), (20, 4)]
    problems = []
    for cols, rows in sizes:
        pty = Pty(NOW, cols, rows)
        try:
            pty.wait_for(SMCUP)
            pty.pump(0.3)
            pty.resize(cols + 1, rows)
            pty.pump(0.2)
            if cols >= 10 and b"Termin" not in pty.out:
                problems.append(("browser", cols, rows, "no message", bytes(pty.out[-200:])))
            pty.send("q")
            status = pty.finish()
            if status != 0 or not pty.restored() or not alternate_screen_left(bytes(pty.out)):
                problems.append(("browser", cols, rows, status, bytes(pty.out[-200:])))
        finally:
            pty.close()
    for cols, rows in sizes[:7]:
        pty = Pty(["kiosk", *KIOSK_NOW, "--clock-rate", "60"], cols, rows)
        try:
            pty.wait_for(SMCUP)
            pty.pump(0.4)
            pty.resize(cols, rows + 1)
            pty.pump(0.2)
            pty.proc.send_signal(signal.SIGTERM)
            status = pty.finish()
            if status != 128 + signal.SIGTERM or not pty.restored() or not alternate_screen_left(bytes(pty.out)):
                problems.append(("kiosk", cols, rows, status, bytes(pty.out[-200:])))
        finally:
            pty.close()
    assert not problems, problems


def test_resize_storm():
    for args in (NOW, ["kiosk", *KIOSK_NOW]):
        pty = Pty(args, 100, 30)
        try:
            pty.wait_for("Plenary")
            rng = random.Random(3)
            started = time.monotonic()
            count = 0
            while time.monotonic() - started < 2.0:  # some 500 resizes a second
                pty.resize(rng.randint(1, 200), rng.randint(1, 60))
                count += 1
                if count % 10 == 0:
                    pty.pump(0)
                time.sleep(0.002)
            mark = len(pty.out)
            pty.resize(100, 30)
            pty.wait_for("Plenary", timeout=10, start=mark)
            assert pty.proc.poll() is None, "died in the storm"
            if args[0] == "kiosk":
                pty.proc.send_signal(signal.SIGTERM)
                assert pty.finish() == 128 + signal.SIGTERM
            else:
                pty.send("q")
                assert pty.finish() == 0, bytes(pty.out[-300:])
            assert pty.restored() and alternate_screen_left(bytes(pty.out))
            assert count > 400, count
        finally:
            pty.close()


def test_every_term_and_no_colour_draws_and_restores():
    cases = [({"TERM": t}, []) for t in ("xterm", "xterm-256color", "screen", "tmux-256color", "linux", "vt100")]
    cases += [({"NO_COLOR": "1"}, []), ({}, ["--theme", "mono"]), ({"TERM": "vt100", "NO_COLOR": "1"}, ["--theme", "256"])]
    problems = []
    for env, extra in cases:
        for command in ([*NOW, *extra], ["kiosk", *KIOSK_NOW, *extra]):
            pty = Pty(command, 100, 30, env=env)
            try:
                pty.wait_for("Plenary")
                pty.pump(0.2)
                if command[0] == "kiosk":
                    pty.proc.send_signal(signal.SIGTERM)
                    expected = 128 + signal.SIGTERM
                else:
                    pty.send("q")
                    expected = 0
                status = pty.finish()
                out = bytes(pty.out)
                coloured = re.search(rb"\x1b\[[0-9;]*3[0-7]m|\x1b\[38;5;", out)
                if status != expected or not pty.restored() or not alternate_screen_left(out):
                    problems.append((env, command[0], status, out[-200:]))
                if ("NO_COLOR" in env or "mono" in extra) and coloured:
                    problems.append((env, extra, command[0], "colour despite mono", coloured.group()))
            finally:
                pty.close()
    assert not problems, problems


# All in one subshell: a list whose job is stopped would not go on after `fg`.
RUN = 'S=$(stty -g); ( {cmd}; echo "EX""IT=$?"; [ "$(stty -g)" = "$S" ] && echo "TTY""=restored" )'


def descendant(pid, name="agenda", timeout=5.0):
    """The process called `name` under `pid` (through a subshell), found through /proc."""
    deadline = time.monotonic() + timeout
    while True:
        todo = [pid]
        while todo:
            current = todo.pop()
            try:
                with open(f"/proc/{current}/comm") as f:
                    if f.read().strip() == name and current != pid:
                        return current
                for task in os.listdir(f"/proc/{current}/task"):
                    with open(f"/proc/{current}/task/{task}/children") as f:
                        todo += [int(child) for child in f.read().split()]
            except OSError:
                continue
        if time.monotonic() > deadline:
            raise AssertionError(f"no {name} under {pid}")
        time.sleep(0.05)


def is_stopped(pid):
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()[0] == "T"


def test_suspend_restores_the_terminal_and_resume_redraws():
    for command, quit_with in ((f"{AGENDA} {' '.join(NOW)}", "q"), (f"{AGENDA} kiosk {' '.join(KIOSK_NOW)} --exit-key x", "x")):
        pane = Pane(100, 30)
        try:
            pane.type_line(RUN.format(cmd=command))
            pane.wait_for("Plenary Session")
            pid = descendant(pane.shell_pid())
            if "kiosk" in command:
                # Raw mode: Ctrl-Z is a key there; the signal comes from outside, to the whole job.
                os.killpg(os.getpgid(pid), signal.SIGTSTP)
            else:
                pane.send("C-z")
            # Not bash's "Stopped" line: it can land on the alternate screen just before it goes.
            deadline = time.monotonic() + 10
            while not is_stopped(pid) or pane.alternate_screen_on():
                assert time.monotonic() < deadline, (is_stopped(pid), pane.alternate_screen_on(), pane.screen())
                time.sleep(0.05)
            pane.type_line('[ "$(stty -g)" = "$S" ] && echo "STOPPED""-TTY=sane"')
            pane.wait_for("STOPPED-TTY=sane")
            pane.type_line("clear; fg")
            screen = pane.wait_for("Plenary Session")
            for text in ("CACIE 2021", "Convention Hall No. 1"):
                assert text in screen, f"{text!r} not redrawn:\n{screen}"
            if "kiosk" not in command:
                assert "? help" in screen, screen
            pane.send(quit_with)
            screen = pane.wait_for("EXIT=")
            assert "EXIT=0" in screen, screen
            pane.wait_for("TTY=restored")
        finally:
            pane.close()


def test_input_at_end_exits_cleanly_or_waits_without_spinning():
    # No terminal on stdin at all: a clear message, exit 2, nothing drawn.
    for stdin in (subprocess.DEVNULL, "closed"):
        for args in (NOW, ["kiosk", *KIOSK_NOW]):
            pty = Pty(args, stdin=stdin)
            try:
                status = pty.finish(timeout=5)
                assert status == 2 and b"not a terminal" in pty.out and SMCUP not in pty.out, (args, stdin, bytes(pty.out))
                assert pty.restored()
            finally:
                pty.close()
    # Input that ends while running (its terminal hung up, the screen stays): the browser
    # quits with the terminal restored; the kiosk keeps its board up without burning CPU.
    for args in (NOW, ["kiosk", *KIOSK_NOW]):
        keyboard, keyboard_slave = os.openpty()
        pty = Pty(args, 100, 30, stdin=keyboard_slave)
        os.close(keyboard_slave)
        try:
            pty.wait_for("Plenary")
            pty.pump(0.3)
            os.close(keyboard)
            if args[0] == "kiosk":
                pty.pump(0.5)
                before = cpu_seconds(pty.proc.pid)
                pty.pump(2.0)
                used = cpu_seconds(pty.proc.pid) - before
                assert pty.proc.poll() is None, "the kiosk left when its keyboard went"
                assert used < 0.3, f"{used:.2f}s of CPU in 2s with input at EOF: a busy loop"
                pty.proc.send_signal(signal.SIGTERM)
                assert pty.finish() == 128 + signal.SIGTERM
            else:
                started = time.monotonic()
                assert pty.finish(timeout=5) == 0, bytes(pty.out[-300:])
                assert time.monotonic() - started < 3
                assert pty.rusage.ru_utime + pty.rusage.ru_stime < 3
            assert pty.restored() and alternate_screen_left(bytes(pty.out))
        finally:
            pty.close()


@needs_shared
def test_closed_stdout_while_listing_is_no_crash():
    big = os.path.join(TMP, "gen", "h.schedule.json")
    hostile_files()
    for command in (f"{AGENDA} list {C38} | head -1", f"{AGENDA} list {C38} --format json | head -c 10",
                    f"{AGENDA} list {C38} --format ics | head -1", f"{AGENDA} {C38} | head -1",
                    f"{AGENDA} list {big} | true", f"{AGENDA} validate {C38} {C38} {C38} | true"):
        result = subprocess.run(["bash", "-c", f"set -o pipefail; {command}"], capture_output=True, timeout=60)
        assert result.returncode in (0, 141), (command, result.returncode, result.stderr[-500:])
        assert b"Fatal error" not in result.stderr and b"Stack dump" not in result.stderr, (command, result.stderr[-500:])
        assert len(result.stderr) < 300, (command, result.stderr[-500:])


# ---------------------------------------------------------------------------------------------
# 4. Nothing lost

def favourites_in(state):
    directory = os.path.join(state, "agenda", "favourites")
    return directory, [n for n in os.listdir(directory)] if os.path.isdir(directory) else []


@needs_shared
def test_sigkill_while_starring_never_tears_the_favourites_file():
    hostile_files()
    schedule = os.path.join(TMP, "gen", "h.schedule.json")
    keys = {s["guid"] or s["id"] for s in json.loads(run("list", schedule, "--format", "json").stdout)["sessions"]}
    state = os.path.join(TMP, "kill-state")
    env = {"XDG_STATE_HOME": state}
    rng = random.Random(4)
    previous = None
    changed = 0
    kills = 0
    started = time.monotonic()
    while kills < 100 and time.monotonic() - started < 40:
        pty = Pty([schedule, "--now", "2030-01-01T10:00+00:00"], 100, 30, env=env)
        try:
            pty.wait_for(SMCUP)
            pty.pump(0.05)
            # Star and unstar as fast as keys go, and kill at a random moment in the middle.
            os.write(pty.master, ("fj" * 60 + "g" + "f" * 30).encode())
            pty.pump(rng.uniform(0.0, 0.15))
            pty.proc.send_signal(signal.SIGKILL)
            pty.finish()
            kills += 1
        finally:
            pty.close()
        directory, names = favourites_in(state)
        assert not [n for n in names if ".corrupt-" in n], names
        if "synthetic-conference-synth.json" not in names:
            assert previous is None, "the favourites file vanished"
            continue
        with open(os.path.join(directory, "synthetic-conference-synth.json"), "rb") as f:
            content = f.read()
        stored = json.loads(content)  # never torn: parseable, whole
        assert stored["version"] == 1 and set(stored["favourites"]) <= keys, stored
        changed += content != previous
        previous = content
    assert kills >= 30, kills   # fewer on a loaded machine; `changed` below says whether it bit
    assert changed >= 10, f"only {changed} of {kills} runs wrote the file: the test did not bite"
    # The next start reads it without a warning.
    pty = Pty([schedule, "--now", "2030-01-01T10:00+00:00"], 100, 30, env=env)
    try:
        pty.wait_for(SMCUP)
        pty.send("q")
        assert pty.finish() == 0 and b"warning" not in pty.out
    finally:
        pty.close()
    directory, names = favourites_in(state)
    print(f"     {kills} kills, {changed} new versions; {len(names) - 1} temporaries of killed saves, "
          "for a later save to sweep")


def test_corrupt_or_unwritable_state_warns_and_never_crashes():
    state = os.path.join(TMP, "corrupt-state")
    pty = Pty(NOW, 100, 30, env={"XDG_STATE_HOME": state})
    try:  # a first star tells the file's name
        pty.wait_for("Plenary")
        pty.send("f")
        pty.send("q")
        assert pty.finish() == 0
    finally:
        pty.close()
    directory, names = favourites_in(state)
    assert len(names) == 1, names
    name = names[0]
    for garbage in (b"{not json", b"", b"\xff\xfe\x00", b'{"version": 1, "favourites": "x"}', b"[" * 100_000):
        write(os.path.join(directory, name), garbage)
        pty = Pty(NOW, 100, 30, env={"XDG_STATE_HOME": state})
        try:
            pty.wait_for("Plenary")
            assert b"warning: favourites file" in pty.out and b"moved aside" in pty.out, bytes(pty.out[:300])
            pty.send("f")
            pty.send("q")
            assert pty.finish() == 0 and pty.restored()
        finally:
            pty.close()
        with open(os.path.join(directory, name)) as f:
            assert len(json.load(f)["favourites"]) == 1  # the star after the warning was saved
    assert len([n for n in os.listdir(directory) if ".corrupt-" in n]) >= 1
    # A state directory that cannot be written: the star stays in memory, a warning on exit.
    blocked = os.path.join(TMP, "blocked-state")
    write(blocked, "a file where the state directory should be")
    pty = Pty(NOW, 100, 30, env={"XDG_STATE_HOME": blocked})
    try:
        pty.wait_for("Plenary")
        pty.send("f")
        pty.wait_for("could not save")
        pty.send("q")
        assert pty.finish() == 0 and pty.restored()
        assert b"warning: could not save favourites" in pty.out
    finally:
        pty.close()


# ---------------------------------------------------------------------------------------------
# 6. Files that change under the program, several processes, crashes

PAGE = "{title}\nTheme:A theme\nTime:October 22 09:00-22 12:00,2021\nRoom:Hall A\n\nBody text.\n"


def test_a_crash_signal_restores_the_terminal_first():
    for args in (NOW, ["kiosk", *KIOSK_NOW]):
        for sig in (signal.SIGSEGV, signal.SIGBUS, signal.SIGABRT):
            pty = Pty(args, 100, 30, env={"SWIFT_BACKTRACE": "enable=no"})
            try:
                pty.wait_for("Plenary")
                pty.pump(0.1)
                pty.proc.send_signal(sig)
                status = pty.finish()
                assert status == -sig, (args, sig, status)
                assert pty.restored() and alternate_screen_left(bytes(pty.out)), (args, sig, bytes(pty.out[-200:]))
            finally:
                pty.close()


def test_a_watched_path_that_becomes_a_fifo_never_blocks_the_kiosk():
    directory = tempfile.mkdtemp(dir=TMP)
    path = write(os.path.join(directory, "page.txt"), PAGE.format(title="Fifo Title"))
    pty = Pty(["kiosk", *KIOSK_NOW, path], 100, 30, env={"XDG_CACHE_HOME": os.path.join(directory, "cache")})
    try:
        pty.wait_for("Fifo Title")
        os.unlink(path)
        os.mkfifo(path)
        writer = os.open(path, os.O_RDWR)   # a writer that holds it open and writes nothing
        mark = len(pty.out)
        pty.wait_for("update failed", timeout=8, start=mark)   # said, not waited on
        started = time.monotonic()
        pty.proc.send_signal(signal.SIGTERM)
        status = pty.finish(timeout=5)
        assert status == 128 + signal.SIGTERM and time.monotonic() - started < 1.0, (status, time.monotonic() - started)
        assert pty.restored()
        os.close(writer)
    finally:
        pty.close()


def test_two_kiosks_on_one_file_and_one_cache_both_follow_an_edit():
    directory = tempfile.mkdtemp(dir=TMP)
    # Titles of one length that differ in every cell and repeat no letter: curses redraws a
    # change cell by cell, so the new one arrives whole only if nothing of it was on screen.
    path = write(os.path.join(directory, "page.txt"), PAGE.format(title="Abcdefghij"))
    env = {"XDG_CACHE_HOME": os.path.join(directory, "cache")}
    screens = [Pty(["kiosk", *KIOSK_NOW, path], 100, 30, env=env) for _ in range(2)]
    try:
        for pty in screens:
            pty.wait_for("Abcdefghij")
        # The same size, swapped in whole: only the bytes tell the versions apart.
        write(path + ".new", PAGE.format(title="Klmnopqrst"))
        os.rename(path + ".new", path)
        for pty in screens:
            pty.wait_for("Klmnopqrst", timeout=8)
    finally:
        for pty in screens:
            pty.close()


TWO_TALKS = """<schedule><conference><title>Two Talks</title><time_zone_name>UTC</time_zone_name></conference>
<day index="1" date="2030-01-01"><room name="Hall">
<event guid="talk-one" id="1"><date>2030-01-01T10:00:00+00:00</date><start>10:00</start><duration>00:30</duration><title>Morning Keynote</title></event>
<event guid="talk-two" id="2"><date>2030-01-01T11:00:00+00:00</date><start>11:00</start><duration>00:30</duration><title>Second Lecture</title></event>
</room></day></schedule>"""


def test_two_browsers_keep_each_others_stars():
    state = os.path.join(TMP, "two-browsers")
    schedule = write(os.path.join(TMP, "two-talks.xml"), TWO_TALKS)
    args = [schedule, "--now", "2030-01-01T09:00+00:00"]
    env = {"XDG_STATE_HOME": state}
    first, second = Pty(args, 100, 30, env=env), Pty(args, 100, 30, env=env)
    try:
        for pty in (first, second):
            pty.wait_for("Second Lecture")
        first.send("f")          # the keynote, in one browser
        second.send("jf")        # the lecture, in the other, at once
        time.sleep(3)            # each browser looks at the file every two seconds
        mark = len(first.out)
        first.send("F")          # my agenda in the first browser: the other's star is there too
        first.wait_for("Second Lecture", start=mark, timeout=3)
        for pty in (first, second):
            pty.send("q")
            assert pty.finish() == 0
        directory, names = favourites_in(state)
        with open(os.path.join(directory, "two-talks.json")) as f:
            assert sorted(json.load(f)["favourites"]) == ["talk-one", "talk-two"], names
    finally:
        first.close()
        second.close()

# ---------------------------------------------------------------------------------------------
# Snapshots: a damaged, truncated, foreign or forged snapshot is never trusted.

def content_digest(data):
    """ContentDigest (Sources/AgendaModel/ContentDigest.swift) in Python: to forge a snapshot
    whose digest is right, so that only the checks behind it can refuse it."""
    mask, k1, k2 = (1 << 64) - 1, 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53
    rot = lambda x, n: ((x << n) | (x >> (64 - n))) & mask
    a, b = 0x9E3779B97F4A7C15 ^ len(data), 0xC2B2AE3D27D4EB4F
    words = len(data) // 8
    tail = 0
    for byte in data[words * 8:]:
        tail = ((tail << 8) | byte) & mask
    for word in [int.from_bytes(data[i * 8:i * 8 + 8], "little") for i in range(words)] + [tail]:
        a = rot(((a ^ word) * k1) & mask, 31)
        b = rot((((b + word) & mask) * k2) & mask, 29) ^ a

    def finish(x):
        x ^= x >> 33
        x = (x * k1) & mask
        x ^= x >> 33
        x = (x * k2) & mask
        return x ^ (x >> 33)
    high = finish(a)
    return high, finish(b ^ high)


def test_a_damaged_search_index_is_rebuilt_and_finds_the_same():
    """The browser keeps its search index beside the snapshots; opened again, it maps it. A
    damaged, truncated, foreign or random index is refused and built again: the same search
    finds the same sessions, and the file is written anew, byte for byte."""
    cache = os.path.join(TMP, "index-cache")
    fixture = os.path.join(HERE, "..", "Fixtures", "schedules", "38c3-excerpt.xml")
    env = {"XDG_CACHE_HOME": cache, "XDG_STATE_HOME": os.path.join(TMP, "index-state")}
    folder = os.path.join(cache, "agenda", "snapshots")

    def search(word):
        pane = Pane(100, 30, env=env)
        try:
            pane.type_line(RUN.format(cmd=f"{AGENDA} --glyphs unicode {fixture}"))
            pane.wait_for("? help")
            time.sleep(1)   # the index is taken in the background: searched once it is in
            pane.send("-l", "/" + word)
            # The whole word typed: a frame drawn after its first letters also says "N matches".
            screen = pane.wait_for(f"/{word}▏")
            found = re.search(rf"/{word}▏ (\d+) match", screen)
            titles = [row.split("│")[0].rstrip() for row in screen.splitlines() if "│" in row]
            pane.send("Escape", "q")
            screen = pane.wait_for("EXIT=")
            assert "EXIT=0" in screen, screen
            return int(found.group(1)) if found else None, titles
        finally:
            pane.close()

    first = search("comm")
    assert first[0], first
    deadline = time.monotonic() + 10
    while not [n for n in os.listdir(folder) if n.endswith(".index")] if os.path.isdir(folder) else True:
        assert time.monotonic() < deadline, "no search index was kept"
        time.sleep(0.1)
    index = os.path.join(folder, [n for n in os.listdir(folder) if n.endswith(".index")][0])
    with open(index, "rb") as f:
        good = f.read()
    assert search("comm") == first
    damages = {
        "empty": b"", "header only": good[:64], "half": good[:len(good) // 2], "one more": good + b"\0",
        "flipped": good[:len(good) // 2] + bytes([good[len(good) // 2] ^ 0x40]) + good[len(good) // 2 + 1:],
        "random": random.Random(16).randbytes(len(good)),
    }
    for name, damaged in damages.items():
        write(index, damaged)
        assert search("comm") == first, name
        deadline = time.monotonic() + 10
        while True:
            with open(index, "rb") as f:
                if f.read() == good:
                    break
            assert time.monotonic() < deadline, f"{name}: the index was not rebuilt"
            time.sleep(0.1)


def test_a_search_index_cut_short_while_mapped_is_survived_and_rebuilt():
    """A kept index truncated in place while the browser has it mapped: reading its lost pages
    raised SIGBUS (exit 135). They now read as zeros: the search finds what it finds, the
    browser goes on and ends normally, and the next start refuses the file and writes it anew."""
    cache = os.path.join(TMP, "index-cut-cache")
    fixture = os.path.join(HERE, "..", "Fixtures", "schedules", "38c3-excerpt.xml")
    env = {"XDG_CACHE_HOME": cache, "XDG_STATE_HOME": os.path.join(TMP, "index-cut-state")}
    folder = os.path.join(cache, "agenda", "snapshots")

    def indexes():
        return [os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".index")] if os.path.isdir(folder) else []

    def browse(cut=None):
        pane = Pane(100, 30, env=env)
        try:
            pane.type_line(RUN.format(cmd=f"{AGENDA} --glyphs unicode {fixture}"))
            pane.wait_for("? help")
            if cut:
                # Mapped (and checked) before it is cut: the search then reads the lost pages.
                pid = pane.program_pid(AGENDA)
                deadline = time.monotonic() + 10
                while True:
                    with open(f"/proc/{pid}/maps") as f:
                        if cut in f.read():
                            break
                    assert time.monotonic() < deadline, "the kept index was not mapped"
                    time.sleep(0.05)
                time.sleep(0.5)
                os.truncate(cut, 0)
            else:
                time.sleep(1)   # the index is taken in the background
            pane.send("-l", "/comm")
            screen = pane.wait_for("/comm▏")
            pane.send("Escape", "q")
            screen = pane.wait_for("EXIT=")
            assert "EXIT=0" in screen, screen
            pane.wait_for("TTY=restored")
        finally:
            pane.close()

    browse()
    deadline = time.monotonic() + 10
    while not indexes():
        assert time.monotonic() < deadline, "no search index was kept"
        time.sleep(0.1)
    index = indexes()[0]
    with open(index, "rb") as f:
        good = f.read()
    browse(cut=index)
    browse()
    deadline = time.monotonic() + 10
    while True:
        with open(index, "rb") as f:
            if f.read() == good:
                break
        assert time.monotonic() < deadline, "the index cut short was not rebuilt"
        time.sleep(0.1)


def test_damaged_or_forged_snapshots_are_rebuilt_never_shown():
    cache = os.path.join(TMP, "snapshot-cache")
    schedule = os.path.join(TMP, "snapshot-38c3.xml")
    fixture = os.path.join(HERE, "..", "Fixtures", "schedules", "38c3-excerpt.xml")
    with open(fixture, "rb") as f:
        original = f.read()
    write(schedule, original)
    env = {**os.environ, "XDG_CACHE_HOME": cache, "HOME": TMP}
    env.pop("AGENDA_NO_SNAPSHOTS", None)
    listing = lambda: subprocess.run([AGENDA, "list", schedule], capture_output=True, timeout=60, env=env)
    first = listing()
    assert first.returncode == 0 and first.stdout, first
    folder = os.path.join(cache, "agenda", "snapshots")
    names = [n for n in os.listdir(folder) if n.endswith(".snap")]
    assert len(names) == 1, names
    snapshot = os.path.join(folder, names[0])
    with open(snapshot, "rb") as f:
        good = f.read()
    assert listing().stdout == first.stdout

    # The payload: the long texts (their length first), then the other strings (likewise).
    payload = good[64:]
    texts = int.from_bytes(payload[:8], "little")
    strings = 16 + texts

    def forge(at, what):
        forged = bytearray(payload)
        forged[at:at + len(what)] = what
        high, low = content_digest(bytes(forged))
        return good[:48] + high.to_bytes(8, "little") + low.to_bytes(8, "little") + bytes(forged)
    title = payload.index(b"Opening Ceremony", strings)
    forged_file = forge(title, b"\x1b[2J")
    damages = {
        "empty": b"", "one byte": good[:1], "header less one": good[:63], "header only": good[:64],
        "half": good[:len(good) // 2], "all but one": good[:-1], "one more": good + b"\0",
        "flipped": good[:len(good) // 2] + bytes([good[len(good) // 2] ^ 0x40]) + good[len(good) // 2 + 1:],
        "foreign": original[:len(good)], "random": random.Random(14).randbytes(len(good)),
        "forged escape in a title": forged_file,
    }
    for name, damaged in damages.items():
        write(snapshot, damaged)
        result = listing()
        assert result.returncode == 0, (name, result.stderr)
        assert result.stdout == first.stdout, name
        assert b"\x1b" not in result.stdout + result.stderr, name
        with open(snapshot, "rb") as f:
            assert f.read() == good, f"{name}: the snapshot was not rebuilt"

    # An escape forged into an abstract (texts are checked when shown, not when loaded): the
    # snapshot is used, and the abstract comes out sanitised.
    forged_text = forge(8 + payload[8:strings].index(b". "), b"\x1b]0;X\x07")
    write(snapshot, forged_text)
    shown = subprocess.run([AGENDA, "list", "--format", "json", schedule], capture_output=True, timeout=60, env=env)
    assert shown.returncode == 0 and shown.stdout, shown
    assert b"\x1b" not in shown.stdout and b"\\u001b" not in shown.stdout.lower(), shown.stdout[:300]
    with open(snapshot, "rb") as f:
        assert f.read() == forged_text, "the forged abstract's snapshot was not the one used"
    write(snapshot, good)

    # A new version of the same size, its times put back (cp -p): the new title is listed.
    changed = original.replace(b"Opening Ceremony", b"Opening Ceremonz")
    assert len(changed) == len(original) and changed != original
    stat = os.stat(schedule)
    with open(schedule, "r+b") as f:
        f.write(changed)
    os.utime(schedule, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    renamed = listing()
    assert renamed.returncode == 0 and b"Opening Ceremonz" in renamed.stdout, renamed

    # Switched off: nothing written.
    off = os.path.join(TMP, "snapshot-off")
    result = subprocess.run([AGENDA, "list", schedule], capture_output=True, timeout=60,
                            env={**env, "XDG_CACHE_HOME": off, "AGENDA_NO_SNAPSHOTS": "1"})
    assert result.returncode == 0 and not os.path.exists(os.path.join(off, "agenda", "snapshots"))


if __name__ == "__main__":
    try:
        run_tests(globals(), "usage: test_hardening.py PATH/TO/agenda")
    finally:
        if os.environ.get("AGENDA_HARDENING_REPORT"):
            for row in MALFORMED_REPORT:
                print("malformed: %-28s %-18s exit %3s  %5.2fs  %6.1f MB" % row)
        subprocess.run(["rm", "-rf", TMP])
