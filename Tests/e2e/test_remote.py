#!/usr/bin/env python3
"""End-to-end tests of schedules from a URL, against a server of our own on 127.0.0.1
(Tests/e2e/schedule_server.py): caching and 304s, errors and exit 69, the offline fallback,
change tracking on two versions of the 38C3 schedule, refresh in the browser and the kiosk,
and favourites exported as iCalendar.

Usage: test_remote.py PATH/TO/agenda"""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from tmux_harness import Pane, run_tests  # noqa: E402

AGENDA = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else None
HERE = os.path.dirname(os.path.abspath(__file__))
# An excerpt of 38C3 (Tests/Fixtures/README.md): the first talks in Saal 1 each day, which the
# edits below move, rename and delete, so that these tests run in a clone with nothing beside it.
C38 = os.path.abspath(os.path.join(HERE, "..", "Fixtures", "schedules", "38c3-excerpt.xml"))
C38_SESSIONS = 13
RUN = 'S=$(stty -g); {cmd}; echo "EX""IT=$?"; [ "$(stty -g)" = "$S" ] && echo "TTY""=restored"'

MOVED = "270fa44c-821a-577f-8ca3-33e8d4a8c2a7"      # 38C3: Opening Ceremony, to 11:00 in Saal GLITCH
RENAMED = "78910469-adfa-5c79-8529-1a9d66ef9e6a"
DELETED = "48d32c48-214a-5387-9b87-ae7338bc181f"
ADDED = "00000000-0000-4000-8000-00000000a9e0"


def edited(text):
    """The next version of the schedule: one talk moved, one renamed, one deleted, one added."""
    def block(guid):
        start = text.index(f'<event guid="{guid}"')
        return start, text.index("</event>", start) + len("</event>")
    s, e = block(MOVED)
    opening = (text[s:e].replace("2024-12-27T10:30:00+01:00", "2024-12-27T11:00:00+01:00")
               .replace("<start>10:30</start>", "<start>11:00</start>")
               .replace("<room>Saal 1</room>", "<room>Saal GLITCH</room>"))
    text = text[:s] + opening + text[e:]
    s, e = block(RENAMED)
    text = text[:s] + re.sub(r"<title>.*?</title>", "<title>A Renamed Talk About Change Tracking</title>",
                             text[s:e], count=1) + text[e:]
    s, e = block(DELETED)
    text = text[:s] + text[e:]
    new = (f'<event guid="{ADDED}" id="99999"><date>2024-12-27T16:00:00+01:00</date><start>16:00</start>'
           '<duration>00:40</duration><room>Saal 1</room><title>A Brand New Talk</title>'
           '<language>en</language></event>\n')
    first = text.index("<event guid=")
    return text[:first] + new + text[first:]


class Server:
    """schedule_server.py serving a copy of a schedule from a directory of its own."""

    def __init__(self, content):
        self.directory = tempfile.mkdtemp(prefix="agenda-remote-e2e-")
        self.file = os.path.join(self.directory, "schedule.xml")
        self.publish(content)
        self.process = subprocess.Popen([sys.executable, os.path.join(HERE, "schedule_server.py"), self.file],
                                        stdout=subprocess.PIPE)
        self.port = int(self.process.stdout.readline().split()[1])

    def url(self, path="/schedule"):
        return f"http://127.0.0.1:{self.port}{path}"

    def publish(self, content):
        temporary = self.file + ".next"
        with open(temporary, "w") as f:
            f.write(content)
        os.replace(temporary, self.file)

    def stats(self):
        with urllib.request.urlopen(self.url("/stats"), timeout=5) as response:
            return json.load(response)

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def close(self):
        self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)


class Home:
    """Fresh XDG cache, state and data directories, so no test sees another's copies."""

    def __init__(self):
        self.root = tempfile.mkdtemp(prefix="agenda-home-")
        self.env = {name: os.path.join(self.root, name.lower()) for name in
                    ("XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME")}

    def prefix(self):
        return " ".join(f"{k}={v}" for k, v in self.env.items())

    def close(self):
        shutil.rmtree(self.root, ignore_errors=True)


def original():
    with open(C38) as f:
        return f.read()


def run(home, *args):
    return subprocess.run([AGENDA, *args], capture_output=True, timeout=60, env={**os.environ, **home.env})


def changes(result):
    assert result.returncode == 0, result.stderr
    return {s["guid"]: s["change"] for s in json.loads(result.stdout)["sessions"] if s["change"]}


def test_list_caches_revalidates_and_falls_back_offline():
    server, home = Server(original()), Home()
    try:
        first = run(home, "list", server.url(), "--format", "json")
        assert first.returncode == 0 and first.stderr == b"", first.stderr
        assert len(json.loads(first.stdout)["sessions"]) == C38_SESSIONS
        second = run(home, "list", server.url())
        assert second.returncode == 0 and second.stdout.count(b"\n") == C38_SESSIONS
        assert server.stats()["not_modified"] == 1, "the second run did not revalidate"
        server.stop()
        offline = run(home, "list", server.url())
        assert offline.returncode == 0 and offline.stdout == second.stdout
        warning = offline.stderr.decode()
        assert "warning:" in warning and "offline (connection refused)" in warning and server.url() in warning, warning
    finally:
        server.close()
        home.close()


def test_errors_name_the_url_and_cause_and_exit_69():
    server, home = Server(original()), Home()
    try:
        cases = [("/status/404", [], "HTTP status 404"), ("/status/500", [], "HTTP status 500"),
                 ("/loop", [], "more than 5 redirects"),
                 ("/slow/5", ["--connect-timeout", "1", "--timeout", "2"], "timed out"),
                 ("/huge/3000000", ["--max-size", "1"], "larger than the limit of 1 MB"),
                 ("/huge-chunked/3000000", ["--max-size", "1"], "larger than the limit of 1 MB"),
                 ("/truncated", [], "")]
        for path, options, cause in cases:
            result = run(home, "list", server.url(path), *options)
            message = result.stderr.decode()
            assert result.returncode == 69, (path, result.returncode, message)
            assert server.url(path) in message and cause in message and "no copy is cached" in message, message
        # Five redirects are fine.
        assert run(home, "list", server.url("/redirect/5")).returncode == 0
        # validate checks the URL as it is now; the browser's pipe listing too.
        assert f"ok: {C38_SESSIONS} sessions".encode() in run(home, "validate", server.url()).stdout
        assert run(home, "validate", server.url("/status/404")).returncode == 69
        server.stop()
        gone = run(Home(), "list", server.url())
        assert gone.returncode == 69 and b"connection refused" in gone.stderr, gone.stderr
        # Escape sequences in a URL never reach the terminal.
        hostile = run(home, "list", "http://127.0.0.1:1/\x1b[31mred")
        assert hostile.returncode == 69 and b"\x1b" not in hostile.stderr, hostile.stderr
    finally:
        server.close()
        home.close()


def test_a_closed_stderr_or_stdout_ends_with_the_programs_own_status():
    """Writing to a pipe nobody reads (`agenda validate URL 2>&1 >/dev/null | head -c0`) is no
    trap and no SIGPIPE, before a URL is fetched or after: the program ends with its own status."""
    server, home = Server(original()), Home()
    env = {**os.environ, **home.env, "HOME": home.root}

    def closed(*args, stdout_closed=False):
        read, write = os.pipe()
        os.close(read)   # no reader: every write to it fails with EPIPE (or raises SIGPIPE)
        try:
            return subprocess.run([AGENDA, *args], stdin=subprocess.DEVNULL, timeout=60, env=env, stderr=write,
                                  stdout=write if stdout_closed else subprocess.DEVNULL).returncode
        finally:
            os.close(write)
    try:
        assert closed("validate", server.url("/status/404")) == 69
        assert closed("validate", os.path.join(home.root, "missing.xml")) == 66
        assert closed("list", server.url()) == 0
        assert closed("list", server.url(), "--format", "json", stdout_closed=True) == 0
        server.stop()
        # Offline: the warning goes nowhere, the cached copy is listed.
        assert closed("list", server.url()) == 0
        assert closed("list", server.url(), "--format", "ics", stdout_closed=True) == 0
        assert closed("validate", server.url()) == 69
        assert os.path.isdir(os.path.join(home.env["XDG_CACHE_HOME"], "agenda")), "the copy was not cached in the test's folder"
    finally:
        server.close()
        home.close()


def test_json_marks_new_changed_cancelled_on_a_file_and_a_url():
    home = Home()
    directory = tempfile.mkdtemp(prefix="agenda-edit-")
    server = Server(original())
    try:
        copy = os.path.join(directory, "38c3.xml")
        shutil.copy(C38, copy)
        assert changes(run(home, "list", copy, "--format", "json")) == {}
        with open(copy, "w") as f:
            f.write(edited(original()))
        expected = {MOVED: "changed", RENAMED: "changed", DELETED: "cancelled", ADDED: "new"}
        assert changes(run(home, "list", copy, "--format", "json")) == expected
        # Until the next version, the marks stay.
        assert changes(run(home, "list", copy, "--format", "json")) == expected
        # The same through a URL.
        assert changes(run(home, "list", server.url(), "--format", "json")) == {}
        server.publish(edited(original()))
        assert changes(run(home, "list", server.url(), "--format", "json")) == expected
    finally:
        server.close()
        home.close()
        shutil.rmtree(directory, ignore_errors=True)


def test_favourites_export_as_icalendar_with_stable_uids():
    home = Home()
    try:
        state = os.path.join(home.env["XDG_STATE_HOME"], "agenda", "favourites")
        os.makedirs(state)
        with open(os.path.join(state, "38c3.json"), "w") as f:
            json.dump({"version": 1, "favourites": [MOVED, RENAMED]}, f)
        result = run(home, "list", C38, "--favourites", "--format", "ics")
        assert result.returncode == 0, result.stderr
        ics = result.stdout.decode()
        assert ics.count("BEGIN:VEVENT") == 2, ics[:2000]
        assert f"UID:{MOVED}\r\n" in ics and f"UID:{RENAMED}\r\n" in ics
        again = run(home, "list", C38, "--favourites", "--format", "ics").stdout.decode()
        uids = lambda text: re.findall(r"UID:(.*)\r\n", text)  # noqa: E731
        assert uids(again) == uids(ics)
    finally:
        home.close()


def test_browser_refreshes_marks_changes_goes_offline_and_exports():
    server, home = Server(original()), Home()
    pane = Pane(120, 40)
    try:
        cmd = f"{home.prefix()} {AGENDA} {server.url()} --refresh 1 --now 2024-12-27T10:00+01:00"
        pane.type_line(RUN.format(cmd=cmd))
        pane.wait_for("38C3: Opening Ceremony")
        pane.send("f")                                   # star the opening
        server.publish(edited(original()))
        screen = pane.wait_for("~ 38C3: Opening Cerem", timeout=15)
        assert "Saal GLITCH" in screen, screen
        pane.send("c")
        screen = pane.wait_for("Changed (2)")
        for text in ["New (1)", "Cancelled (1)", "A Brand New Talk", "Changes", "Update    Changed: time"]:
            assert text in screen, f"{text!r} missing:\n{screen}"
        assert "★" in screen, "the star was lost in the reload:\n" + screen
        server.stop()
        pane.wait_for("offline, schedule as of", timeout=15)
        exported = os.path.join(home.env["XDG_DATA_HOME"], "agenda", "38c3.ics")
        pane.send("e")
        pane.wait_for("e: write")                 # it says where first, and writes nothing yet
        assert not os.path.exists(exported)
        pane.send("e")
        screen = pane.wait_for("written to")
        assert os.path.exists(exported), screen
        with open(exported) as f:
            assert f"UID:{MOVED}" in f.read()
        pane.send("q")
        assert "EXIT=0" in pane.wait_for("EXIT=")
        pane.wait_for("TTY=restored")
    finally:
        pane.close()
        server.close()
        home.close()


def test_kiosk_refreshes_a_url_and_says_offline():
    server, home = Server(original()), Home()
    pane = Pane(100, 30)
    try:
        cmd = (f"{home.prefix()} {AGENDA} kiosk {server.url()} --refresh 1 --room 'Saal 1' "
               "--now 2024-12-27T10:20+01:00")
        pane.type_line(RUN.format(cmd=cmd))
        pane.wait_for("38C3: Opening Ceremony")
        server.publish(edited(original()))
        pane.wait_for("moved to Saal GLITCH, 11:00", timeout=15)
        server.stop()
        pane.wait_for("offline, schedule as of", timeout=15)
        os.kill(pane.child_pid(), signal.SIGTERM)
        assert "EXIT=143" in pane.wait_for("EXIT=")
    finally:
        pane.close()
        server.close()
        home.close()


def test_no_copy_and_no_server_exits_69_before_the_terminal_is_touched():
    home = Home()
    pane = Pane(80, 24)
    try:
        pane.type_line(RUN.format(cmd=f"{home.prefix()} {AGENDA} http://127.0.0.1:1/schedule.xml"))
        screen = pane.wait_for("EXIT=").replace("\n", "")
        assert "EXIT=69" in screen and "connection refused" in screen and "127.0.0.1:1/schedule.xml: error" in screen, screen
        pane.wait_for("TTY=restored")
    finally:
        pane.close()
        home.close()


if __name__ == "__main__":
    run_tests(globals(), __doc__)
