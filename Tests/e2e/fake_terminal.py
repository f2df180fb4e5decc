"""A fake terminal for the ambiguous-width probe: runs a program on a pty of its own and
answers its cursor position request (CSI 6n) as a terminal drawing U+25BD one cell wide
("1;2R"), two cells wide ("1;3R"), or not at all (None); returns everything the program wrote."""
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time


def run(argv, answer, seconds=1.2, width=100, height=30, env=None):
    pid, fd = pty.fork()
    if pid == 0:
        environment = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": os.environ.get("HOME", "/tmp")}
        environment.update(env or {})
        os.execve(argv[0], argv, environment)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
    output = b""
    asked = False
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
            if not asked and b"\x1b[6n" in output:
                asked = True
                if answer is not None:
                    os.write(fd, b"\x1b[" + answer.encode() + b"R")
    finally:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        # Whatever it writes while ending (the terminal restored) belongs to the output too.
        end = time.monotonic() + 2
        while time.monotonic() < end:
            try:
                ready, _, _ = select.select([fd], [], [], 0.05)
                if ready:
                    chunk = os.read(fd, 65536)
                    if not chunk:
                        break
                    output += chunk
            except OSError:
                break
        os.waitpid(pid, 0)
        os.close(fd)
    return output
