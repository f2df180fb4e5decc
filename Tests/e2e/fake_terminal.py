"""A fake terminal for the ambiguous-width probe: runs a program on a pty of its own and
answers its cursor position request (CSI 6n) as a terminal drawing U+25BD one cell wide
("1;2R"), two cells wide ("1;3R"), or not at all (None); returns everything the program wrote
(with `split`, as what it wrote before the answer and what after). The program asks once curses
has started and draws its first frame without waiting for the answer: `answer_after` holds the
answer back until those bytes have been drawn, as a slow link or a busy terminal would."""
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time

from tmux_harness import home_environment


def run(argv, answer, seconds=1.2, width=100, height=30, env=None, interrupt=False, split=False,
        answer_after=None):
    """With `interrupt`, SIGINT instead of an answer; returns (output, exit status, whether
    the terminal echoes again) then, the terminal's state being what a signal must not spoil."""
    pid, fd = pty.fork()
    if pid == 0:
        environment = {"TERM": "xterm-256color", "LANG": "C.UTF-8", **home_environment()}
        environment.update(env or {})
        os.execve(argv[0], argv, environment)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
    output = b""

    def read(timeout):
        nonlocal output
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return False
        output += chunk
        return bool(chunk)

    asked = False
    answered_at = None
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and read(0.05):
        if not asked and b"\x1b[6n" in output and (answer_after is None or answer_after in output):
            asked = True
            if interrupt:
                os.kill(pid, signal.SIGINT)
                break
            if answer is not None:
                answered_at = len(output)
                os.write(fd, b"\x1b[" + answer.encode() + b"R")
    if not interrupt:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    # Whatever it writes while ending (the terminal restored) belongs to the output too.
    end = time.monotonic() + 2
    reaped = (0, 0)
    while time.monotonic() < end and read(0.05):
        reaped = os.waitpid(pid, os.WNOHANG)
        if reaped != (0, 0):
            break
    status = os.waitstatus_to_exitcode((reaped if reaped != (0, 0) else os.waitpid(pid, 0))[1])
    echo = bool(termios.tcgetattr(fd)[3] & termios.ECHO)
    os.close(fd)
    if interrupt:
        return output, status, echo
    if split:
        cut = len(output) if answered_at is None else answered_at
        return output[:cut], output[cut:]
    return output
