"""A real terminal for end-to-end tests: a tmux server of our own, a shell in a pane, keys in,
screen text out. Each test gets a fresh server so nothing leaks between them, and a home of
its own (`private_home`), so that nothing it runs reads or writes the user's."""
import atexit
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid

# The folders the program keeps things in: its cache, favourites, settings, exports.
HOME_VARIABLES = ("HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME")


def private_home():
    """A fresh temporary home and XDG folders, set in this process's environment, so that every
    process a test starts inherits them (tmux, subprocess, a pty); returns the folder."""
    root = tempfile.mkdtemp(prefix="agenda-e2e-home-")
    for name in HOME_VARIABLES:
        os.environ[name] = root if name == "HOME" else os.path.join(root, name.lower())
    return root


def home_environment():
    """HOME and the XDG folders of the running test, for a process started with an
    environment of its own."""
    return {name: os.environ[name] for name in HOME_VARIABLES if name in os.environ}


# Whatever runs before the first test (fixtures made with the binary) has one too.
atexit.register(shutil.rmtree, private_home(), True)


class Pane:
    def __init__(self, width=100, height=30, term="xterm-256color", env=None):
        self.socket = f"agenda-e2e-{uuid.uuid4().hex[:8]}"
        # HISTFILE empty: the shell, ended with the server, writes no history into the home.
        environment = {"TERM": term, "LANG": "C.UTF-8", "PS1": "$ ", "HISTFILE": "", **home_environment()}
        environment.update(env or {})
        args = ["new-session", "-d", "-x", str(width), "-y", str(height)]
        for key, value in environment.items():
            args += ["-e", f"{key}={value}"]
        self.tmux(*args, "env PS1='$ ' bash --norc --noprofile")
        self.tmux("set-option", "-g", "status", "off")
        self.wait_for("$")

    def tmux(self, *args):
        return subprocess.run(["tmux", "-L", self.socket, *args], check=True,
                              capture_output=True, text=True).stdout

    def send(self, *keys):
        self.tmux("send-keys", *keys)

    def type_line(self, line):
        self.send("-l", line)
        self.send("Enter")

    def screen(self):
        return self.tmux("capture-pane", "-p")

    def cursor(self):
        """Where the terminal's cursor stands, (x, y), and whether it is shown."""
        x, y, shown = self.tmux("display-message", "-p", "#{cursor_x} #{cursor_y} #{cursor_flag}").split()
        return int(x), int(y), shown == "1"

    def wait_until(self, check, what, timeout=10.0):
        """Waits until `check(screen)` holds; fails naming `what` with the last screen."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if check(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{what} not so after {timeout}s; cursor {self.cursor()}; screen:\n{screen}")
            time.sleep(0.05)

    def alternate_screen_on(self):
        return self.tmux("display-message", "-p", "#{alternate_on}").strip() == "1"

    def resize(self, width, height):
        self.tmux("resize-window", "-x", str(width), "-y", str(height))

    def wait_for(self, text, timeout=10.0, absent=False):
        """Waits until `text` is on screen (or gone, with absent=True); returns the screen."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if (text in screen) != absent:
                return screen
            if time.monotonic() > deadline:
                state = "still shown" if absent else "not shown"
                raise AssertionError(f"{text!r} {state} after {timeout}s; screen:\n{screen}")
            time.sleep(0.05)

    def close(self):
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)

    def shell_pid(self):
        return int(self.tmux("display-message", "-p", "#{pane_pid}").strip())

    def program_pid(self, program, timeout=5.0):
        """The process running `program` (a path) under the pane's shell, however deep (a
        subshell between them), found through /proc rather than by name, so that other copies
        of the program elsewhere do not matter."""
        deadline = time.monotonic() + timeout
        target = os.path.realpath(program)
        while True:
            pending = [self.shell_pid()]
            while pending:
                pid = pending.pop()
                try:
                    if os.path.realpath(f"/proc/{pid}/exe") == target:
                        return pid
                    for task in os.listdir(f"/proc/{pid}/task"):
                        with open(f"/proc/{pid}/task/{task}/children") as f:
                            pending += [int(child) for child in f.read().split()]
                except OSError:   # ended meanwhile
                    continue
            if time.monotonic() > deadline:
                raise AssertionError(f"{program} is not running in the pane")
            time.sleep(0.05)

    def child_pid(self, timeout=5.0):
        """The process the pane's shell is running (the program under test), found through
        /proc rather than by name, so other copies of the program elsewhere do not matter."""
        deadline = time.monotonic() + timeout
        shell = self.shell_pid()
        while True:
            children = []
            for task in os.listdir(f"/proc/{shell}/task"):
                with open(f"/proc/{shell}/task/{task}/children") as f:
                    children += [int(pid) for pid in f.read().split()]
            if children:
                return children[-1]
            if time.monotonic() > deadline:
                raise AssertionError("the shell in the pane runs no program")
            time.sleep(0.05)


SHARED = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared"))


def needs_shared(fn):
    """Marks a test that reads the full-size schedules or tools in ../shared beside the project:
    a clone alone skips it, saying so, instead of failing."""
    fn.needs_shared = True
    return fn


def run_tests(namespace, usage):
    """Runs every test_* function of a test script (or those whose names contain one of the
    words after the binary on the command line), reports each, exits 1 if any failed."""
    agenda = namespace.get("AGENDA")
    if not agenda or not os.access(agenda, os.X_OK):
        sys.exit(usage)
    tests = [(name, fn) for name, fn in namespace.items() if name.startswith("test_") and callable(fn)]
    if words := sys.argv[2:]:
        tests = [(name, fn) for name, fn in tests if any(word in name for word in words)]
    failed = skipped = 0
    for name, fn in tests:
        if getattr(fn, "needs_shared", False) and not os.path.isdir(SHARED):
            skipped += 1
            print(f"skip {name}: needs {SHARED} (the full-size schedules beside the project)")
            continue
        started = time.monotonic()
        before = {name: os.environ.get(name) for name in HOME_VARIABLES}
        home = private_home()
        try:
            fn()
            print(f"ok   {name} ({time.monotonic() - started:.1f}s)")
        except Exception as error:  # report every failure, then fail the run
            failed += 1
            print(f"FAIL {name}: {error!r}")
        finally:
            for variable, value in before.items():
                if value is None:
                    os.environ.pop(variable, None)
                else:
                    os.environ[variable] = value
            shutil.rmtree(home, ignore_errors=True)
    print(f"{len(tests) - failed - skipped}/{len(tests)} end-to-end tests passed" + (f", {skipped} skipped" if skipped else ""))
    sys.exit(1 if failed else 0)
