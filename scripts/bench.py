#!/usr/bin/env python3
"""The benchmark: parse throughput, first frame, key-to-frame latency, bytes per key, memory and
idle cost of the real release binary in a real pty, side by side with calcurse on the same data.

    scripts/bench.py                 # everything (about 5 minutes)
    scripts/bench.py --quick         # fewer runs and steps
    scripts/bench.py --sizes 1000    # only the 1k schedule

First frame is measured twice: on a first open (an empty cache each run: the file is parsed)
and on opening the same file again (its snapshot in a warm cache, as every later figure).
Each cache is a temporary XDG_CACHE_HOME; the user's own is never touched. Peak memory is
given for browsing (and scrolling, paging, changing day and view) and apart for searching,
which reads the pages of the kept search index.

Beside the development build it measures the packaged binary (the static build of
scripts/stage.sh, under .bench/stage): first frames and peak memory. The terminal answers the
width probe as a real one does; one first frame is also taken from a terminal that never does.

Prints a table and writes .bench/results.json. Needs python3 with pyte (pip install pyte);
calcurse is compared when installed (apt-get install calcurse). Not part of CI's pass/fail."""
import argparse
import fcntl
import json
import os
import pty
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
PTYBENCH = os.path.join(SHARED, "tools", "ptybench.py")
GENERATE = os.path.join(SHARED, "tools", "gen_schedule.py")
OUT = os.path.join(ROOT, ".bench")

DOWN, PGDN = "\\x1bOB", "\\x1b[6~"
# What each latency row presses. Search types a word and erases it again, one key at a time.
# Scrolling starts from the top of the day: at "now" the cursor may sit on its last session.
KEY_SCENARIOS = [
    ("scroll", ["g"], "j", 60),
    ("page", ["g"], PGDN, 20),
    ("day", [], "]|[", 20),
    ("view", [], "v", 20),
    ("search", ["/"], "k|e|r|n|e|l|\\x7f|\\x7f|\\x7f|\\x7f|\\x7f|\\x7f", 60),
]


# ptybench answers the width probe's cursor position request as a terminal does (pyte draws ▽
# one cell wide), so agenda runs as on a real terminal, with `--glyphs auto`. The first frame
# is also taken from a terminal that never answers (PTYBENCH_NO_DSR=1): it must not wait.
SILENT_TERMINAL = {"PTYBENCH_NO_DSR": "1"}


def run(cmd, **kwargs):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kwargs)


def swift(*args):
    """Under `flock $AGENDA_BUILD_LOCK` when set, as Fuzz/run.sh: machines shared by several builders."""
    lock = os.environ.get("AGENDA_BUILD_LOCK")
    return run((["flock", lock] if lock else []) + ["swift", *args], cwd=ROOT)


def build(skip):
    if not skip:
        print("building release binary…", file=sys.stderr)
        swift("build", "-c", "release", "--product", "agenda")
    return os.path.join(swift("build", "-c", "release", "--show-bin-path").stdout.strip(), "agenda")


def build_packaged(skip):
    """The packaged binary: scripts/stage.sh's self-contained static build, as the .deb ships
    it, laid out under .bench/stage (AGENDA_SKIP_BUILD=1 with --no-build: the build already there)."""
    root = os.path.join(OUT, "stage")
    env = {**os.environ, **({"AGENDA_SKIP_BUILD": "1"} if skip else {})}
    if not skip:
        print("building the packaged (static) binary…", file=sys.stderr)
    lock = os.environ.get("AGENDA_BUILD_LOCK")
    subprocess.run((["flock", lock] if lock else []) + [os.path.join(ROOT, "scripts", "stage.sh"), root, "/usr"],
                   check=True, capture_output=True, cwd=ROOT, env=env)
    return os.path.join(root, "usr", "bin", "agenda")


def generate(size):
    prefix = os.path.join(OUT, f"s{size // 1000}k")
    if not os.path.exists(prefix + ".schedule.xml"):
        print(f"generating {size} sessions…", file=sys.stderr)
        run([sys.executable, GENERATE, "-n", str(size), "-s", time.strftime("%Y-%m-%d"), "-o", prefix])
    return {"xml": prefix + ".schedule.xml", "json": prefix + ".schedule.json", "ics": prefix + ".ics"}


def parse_throughput(agenda, files):
    out = run([agenda, "bench-parse", "--repeat", "5", *files]).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def read_memory(agenda, files):
    """Peak resident memory of `agenda validate` on each format of the same sessions: what
    reading costs, without the browser's own structures."""
    figures = {}
    for kind, path in files.items():
        process = subprocess.Popen([agenda, "validate", path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(process.pid, 0)
        figures[kind] = usage.ru_maxrss / 1024   # KB on Linux
    return figures


def format_ratios(parse, files, field="seconds"):
    """Seconds per session of the .ics and the JSON read against the XML read of the same sessions
    (`secondsWithTexts`: with every abstract and description made, as the XML reader leaves them
    as bytes until they are read)."""
    by_path = {p["file"]: p for p in parse}
    xml = by_path.get(files["xml"])
    if not xml or field not in xml:
        return {}
    per_session = lambda p: p[field] / max(1, p["sessions"])
    return {kind: per_session(by_path[path]) / per_session(xml) for kind, path in files.items()
            if kind != "xml" and path in by_path}


QUIET_PCT = 15  # ptybench waits until the machine is this quiet; --busy-ok raises it


def ptybench(label, ready, cmd, key="j", pre_keys=(), steps=60, runs=3, idle=0, quit_keys="q", env=(), terminal=None):
    """ptybench's summary, with `bytes_per_cell`: the bytes written per cell the keys changed
    (over every step that changed any), from its per-step record. `terminal`: the harness's own
    environment (SILENT_TERMINAL)."""
    steps_file = tempfile.NamedTemporaryFile(prefix="ptybench-steps-", suffix=".json", delete=False).name
    args = [sys.executable, PTYBENCH, "--label", label, "--ready", ready, "--cols", "120", "--rows", "40",
            "--key", key, "--steps", str(steps), "--runs", str(runs), "--quit", quit_keys,
            "--quiet-pct", str(QUIET_PCT), "--key-timeout", "3", "--json", steps_file]
    for k in pre_keys:
        args += ["--pre-keys", k]
    if idle:
        args += ["--idle-s", str(idle)]
    for e in env:
        args += ["--env", e]
    result = subprocess.run(args + ["--", *cmd], capture_output=True, text=True, timeout=900,
                            env={**os.environ, **(terminal or {})})
    lines = [l for l in result.stdout.splitlines() if l.startswith("{")]
    if not lines:
        raise RuntimeError(f"ptybench {label} failed:\n{result.stdout}\n{result.stderr}")
    summary = json.loads(lines[-1])
    written = changed = 0
    with open(steps_file) as f:
        for line in f:
            for step in json.loads(line).get("steps", []) if line.strip().startswith("{") else []:
                if step.get("cells_changed"):
                    written += step["bytes"]
                    changed += step["cells_changed"]
    os.unlink(steps_file)
    summary["bytes_per_cell"] = written / changed if changed else None
    return summary


def raw_keys(cmd, ready, pre_keys, key, steps, env=()):
    """Key-to-last-byte latency with a reader that only reads: ptybench feeds each read to its
    Python terminal emulator before taking the next, and a frame over 4 KB reaches it in two
    reads (the pty hands over at most 4095 bytes at a time), so its figure for a big frame
    includes about 3 ms of the emulator's own work. Here a frame is over when the output has
    been quiet for 30 ms; the figure is the time of its last byte after the key was written."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update({"TERM": "xterm-256color", **dict(e.split("=", 1) for e in env)})
        os.execv(cmd[0], cmd)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))

    def drain(quiet, limit=5.0):
        """Reads until `quiet` seconds pass without output; the time of the last byte, the bytes."""
        last, got, end = None, b"", time.monotonic() + limit
        while time.monotonic() < end:
            readable, _, _ = select.select([fd], [], [], quiet)
            if not readable:
                break
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            last, got = time.perf_counter(), got + data
            if b"\x1b[6n" in data:
                os.write(fd, b"\x1b[1;2R")   # the width probe: ▽ drawn one cell wide
        return last, got

    screen, started = b"", time.monotonic()
    while ready.encode() not in screen and time.monotonic() - started < 30:
        screen += drain(0.2, 1.0)[1]
    drain(0.3)
    for k in pre_keys:
        os.write(fd, k.encode().decode("unicode_escape").encode("latin-1"))
        drain(0.3)
    keys = key.encode().decode("unicode_escape").split("|")
    latencies, sizes, by_key = [], [], [[] for _ in keys]
    for i in range(steps):
        sent = time.perf_counter()
        os.write(fd, keys[i % len(keys)].encode("latin-1"))
        last, data = drain(0.03)
        if last is not None:
            latencies.append((last - sent) * 1000)
            by_key[i % len(keys)].append((last - sent) * 1000)
            sizes.append(len(data))
    os.write(fd, b"q")
    drain(0.3)
    try:
        os.kill(pid, 15)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else None
    median = lambda xs: sorted(xs)[len(xs) // 2] if xs else 0
    # The slowest of the keys pressed, each taken as its median: a search's first letter
    # (matching thousands) apart from the letters that narrow it.
    return {"p50": pick(0.5), "p95": pick(0.95), "bytes": sorted(sizes)[len(sizes) // 2] if sizes else None,
            "slowest_key_p50": max(median(xs) for xs in by_key) if latencies else None,
            "key_p50s": [median(xs) for xs in by_key]}


def first_open(agenda, size, files, runs, state):
    """First frame and peak memory with no snapshot: each run gets an empty cache of its own,
    so the file is read and parsed (and its snapshot written in the background) every time."""
    ready, rss = [], []
    for run in range(runs):
        cache = tempfile.mkdtemp(prefix="agenda-bench-cache-")
        launch = ptybench(f"agenda-{size}-first-open", "Synthetic Conference", [agenda, files["xml"]], pre_keys=["g"],
                          steps=2, runs=1, env=[f"XDG_STATE_HOME={state}", f"XDG_CACHE_HOME={cache}"])
        ready.append(launch["launch_ready_s_median"] * 1000)
        rss.append(launch["peak_rss_MB_max"])
        shutil.rmtree(cache, ignore_errors=True)
    return sorted(ready)[len(ready) // 2], max(rss)


def bench_agenda(agenda, size, files, quick):
    runs = 1 if quick else 3
    state = tempfile.mkdtemp(prefix="agenda-bench-state-")
    figures = {}
    figures["first_open_frame_ms"], figures["first_open_peak_rss_MB"] = first_open(agenda, size, files, max(3, runs), state)
    # Every other figure is of the same file opened again: its snapshot is in a warm cache.
    cache = tempfile.mkdtemp(prefix="agenda-bench-cache-")
    env = [f"XDG_STATE_HOME={state}", f"XDG_CACHE_HOME={cache}"]
    # Opened once in the browser, as a user would have: its snapshot and search index are kept.
    ptybench(f"agenda-{size}-warm-up", "Synthetic Conference", [agenda, files["xml"]], steps=1, runs=1, idle=2, env=env)
    launch = ptybench(f"agenda-{size}", "Synthetic Conference", [agenda, files["xml"]], pre_keys=["g"], steps=10, runs=max(3, runs), idle=3 if quick else 10, env=env)
    figures["first_frame_ms"] = launch["launch_ready_s_median"] * 1000
    figures["peak_rss_MB"] = launch["peak_rss_MB_max"]
    silent = ptybench(f"agenda-{size}-silent", "Synthetic Conference", [agenda, files["xml"]], steps=1,
                      runs=max(3, runs), env=env, terminal=SILENT_TERMINAL)
    figures["first_frame_silent_terminal_ms"] = silent["launch_ready_s_median"] * 1000
    figures["idle_bytes_per_s"] = launch.get("idle_bytes_per_s_median")
    figures["idle_cpu_pct"] = launch.get("idle_cpu_pct_median")
    for name, pre, key, steps in KEY_SCENARIOS:
        result = ptybench(f"agenda-{size}-{name}", "Synthetic Conference", [agenda, files["xml"]], key=key, pre_keys=pre,
                          steps=steps // (2 if quick else 1), runs=runs, env=env)
        figures[f"{name}_ms_p50"] = result["key_last_ms_p50"]
        figures[f"{name}_ms_p95"] = result["key_last_ms_p95"]
        figures[f"{name}_bytes_p50"] = result["key_bytes_p50"]
        figures[f"{name}_bytes_per_cell"] = result["bytes_per_cell"]
        # Searching reads the pages of the kept (mapped) search index: its peak is reported apart.
        peak = "search_peak_rss_MB" if name == "search" else "peak_rss_MB"
        figures[peak] = max(figures.get(peak, 0), result["peak_rss_MB_max"])
        # Searching: every key at least five times, for the slowest key's median.
        raw = raw_keys([agenda, files["xml"]], "Synthetic Conference", pre, key,
                       steps if name == "search" else steps // (2 if quick else 1), env=env)
        figures[f"{name}_raw_ms_p50"] = raw["p50"]
        figures[f"{name}_raw_ms_p95"] = raw["p95"]
        figures[f"{name}_raw_slowest_key_ms_p50"] = raw["slowest_key_p50"]
    # A door-screen kiosk left alone: only the clock may change, once a minute. (The venue
    # board also turns its pages, every 10 s by default: that is its job, not idle cost.)
    kiosk = ptybench(f"agenda-{size}-kiosk", "Synthetic Conference",
                     [agenda, "kiosk", "--room", "Room A", "--exit-key", "q", files["xml"]],
                     steps=1, key="x", runs=1, idle=5 if quick else 20, env=env)
    figures["kiosk_first_frame_ms"] = kiosk["launch_ready_s_median"] * 1000
    figures["kiosk_idle_bytes_per_s"] = kiosk.get("idle_bytes_per_s_median")
    figures["kiosk_idle_cpu_pct"] = kiosk.get("idle_cpu_pct_median")
    figures["kiosk_peak_rss_MB"] = kiosk["peak_rss_MB_max"]
    shutil.rmtree(state, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    return figures


def bench_packaged(agenda, size, files, quick):
    """What a venue's screen runs: first frames, and peak memory browsing, searching and on a
    first open, of the packaged binary."""
    runs = 1 if quick else 3
    state = tempfile.mkdtemp(prefix="agenda-bench-state-")
    figures = {}
    figures["first_open_frame_ms"], figures["first_open_peak_rss_MB"] = first_open(agenda, size, files, max(3, runs), state)
    cache = tempfile.mkdtemp(prefix="agenda-bench-cache-")
    env = [f"XDG_STATE_HOME={state}", f"XDG_CACHE_HOME={cache}"]
    ptybench(f"packaged-{size}-warm-up", "Synthetic Conference", [agenda, files["xml"]], steps=1, runs=1, idle=2, env=env)
    launch = ptybench(f"packaged-{size}", "Synthetic Conference", [agenda, files["xml"]], pre_keys=["g"], steps=10,
                      runs=max(3, runs), env=env)
    figures["first_frame_ms"] = launch["launch_ready_s_median"] * 1000
    figures["peak_rss_MB"] = launch["peak_rss_MB_max"]
    name, pre, key, steps = next(s for s in KEY_SCENARIOS if s[0] == "search")
    search = ptybench(f"packaged-{size}-search", "Synthetic Conference", [agenda, files["xml"]], key=key, pre_keys=pre,
                      steps=steps // (2 if quick else 1), runs=runs, env=env)
    figures["search_ms_p50"] = search["key_last_ms_p50"]
    figures["search_peak_rss_MB"] = search["peak_rss_MB_max"]
    shutil.rmtree(state, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    return figures


def bench_calcurse(size, files, quick):
    if not shutil.which("calcurse"):
        return None
    directory = tempfile.mkdtemp(prefix="calcurse-bench-")
    started = time.monotonic()
    subprocess.run(["calcurse", "-D", directory, "-i", files["ics"]], capture_output=True, timeout=600)
    figures = {"import_s": time.monotonic() - started}
    runs = 1 if quick else 3
    launch = ptybench(f"calcurse-{size}", "Appointments", ["calcurse", "-D", directory], pre_keys=["\t"], steps=30,
                      runs=runs, idle=0 if quick else 5)
    figures["first_frame_ms"] = launch["launch_ready_s_median"] * 1000
    figures["scroll_ms_p50"] = launch["key_last_ms_p50"]
    figures["scroll_ms_p95"] = launch["key_last_ms_p95"]
    figures["scroll_bytes_p50"] = launch["key_bytes_p50"]
    figures["scroll_bytes_per_cell"] = launch["bytes_per_cell"]
    figures["peak_rss_MB"] = launch["peak_rss_MB_max"]
    figures["idle_bytes_per_s"] = launch.get("idle_bytes_per_s_median")
    shutil.rmtree(directory, ignore_errors=True)
    return figures


def table(results):
    rows = []
    fmt = lambda v: "" if v is None else f"{v:.2f}" if isinstance(v, float) else str(v)
    for size, entry in results["sizes"].items():
        a, p, c = entry["agenda"], entry.get("packaged") or {}, entry.get("calcurse")
        def theirs(key):
            # calcurse has no cache to warm: its one first frame stands beside both of agenda's.
            if not c:
                return None
            return c.get("first_frame_ms") if key in ("first_open_frame_ms", "first_frame_silent_terminal_ms") else c.get(key)
        def ratio(key):
            return f"{theirs(key) / a[key]:.1f}×" if theirs(key) and a.get(key) else ""
        rows.append(f"\n{size} sessions                          agenda     packaged     calcurse  calcurse/agenda")
        for key in ["first_open_frame_ms", "first_frame_ms", "first_frame_silent_terminal_ms", "first_open_peak_rss_MB",
                    "scroll_ms_p50", "scroll_ms_p95", "scroll_raw_ms_p50", "scroll_bytes_p50", "scroll_bytes_per_cell",
                    "page_ms_p50", "page_raw_ms_p50", "page_bytes_p50", "page_bytes_per_cell", "day_ms_p50", "day_raw_ms_p50",
                    "view_ms_p50", "view_ms_p95", "view_raw_ms_p50", "view_bytes_per_cell", "search_ms_p50", "search_ms_p95",
                    "search_raw_ms_p50", "search_raw_ms_p95", "search_raw_slowest_key_ms_p50", "search_bytes_per_cell",
                    "peak_rss_MB", "search_peak_rss_MB", "idle_bytes_per_s", "idle_cpu_pct", "kiosk_first_frame_ms",
                    "kiosk_idle_bytes_per_s", "kiosk_idle_cpu_pct", "kiosk_peak_rss_MB"]:
            rows.append(f"  {key:<32} {fmt(a.get(key)):>10}   {fmt(p.get(key)):>10}   {fmt(theirs(key)):>10}   {ratio(key):>8}")
        if c:
            rows.append(f"  {'calcurse import (s)':<32} {'':>10}   {'':>10}   {c['import_s']:>10.2f}")
        for kind, megabytes in entry.get("read_rss_MB", {}).items():
            rows.append(f"  {'validate peak MB, ' + kind:<32} {megabytes:>10.1f}")
        for kind, ratio in entry.get("read_time_vs_xml", {}).items():
            rows.append(f"  {'read time vs XML, ' + kind:<32} {ratio:>9.2f}×")
        for kind, ratio in entry.get("read_time_with_texts_vs_xml", {}).items():
            rows.append(f"  {'… texts made too, ' + kind:<32} {ratio:>9.2f}×")
    rows.append("\nparse throughput")
    for p in results["parse"]:
        rows.append(f"  {os.path.basename(p['file']):<36} {p['bytes'] / 1e6:8.1f} MB {p['sessions']:>7} sessions {p['MBps']:8.1f} MB/s")
    return "\n".join(rows)


# Issue 30's targets: (size, column, figure, bound); the bound is a number or a function of
# that size's results (calcurse's figure, another of agenda's).
TARGETS = [
    (20000, "agenda", "search_raw_ms_p50", 1.0),
    (20000, "agenda", "search_raw_slowest_key_ms_p50", 1.0),
    (20000, "agenda", "first_open_peak_rss_MB", 64.0),
    (20000, "packaged", "first_open_peak_rss_MB", 64.0),
    (20000, "packaged", "peak_rss_MB", lambda e: (e.get("calcurse") or {}).get("peak_rss_MB") or 43.0),
    (20000, "packaged", "search_peak_rss_MB", lambda e: (e.get("calcurse") or {}).get("peak_rss_MB") or 43.0),
    (1000, "agenda", "first_open_peak_rss_MB", lambda e: (e.get("calcurse") or {}).get("peak_rss_MB")),
    # A terminal that never answers the width probe is not waited for.
    (20000, "agenda", "first_frame_silent_terminal_ms", lambda e: e["agenda"]["first_frame_ms"] + 20),
    (1000, "agenda", "first_frame_silent_terminal_ms", lambda e: e["agenda"]["first_frame_ms"] + 20),
]


def targets(results):
    rows = ["\ntargets"]
    for size, column, key, bound in TARGETS:
        entry = results["sizes"].get(str(size))
        value = ((entry or {}).get(column) or {}).get(key)
        limit = bound(entry) if entry and callable(bound) else bound
        if value is None or limit is None:
            continue
        rows.append(f"  {'met ' if value <= limit else 'MISSED'} {size:>6} {column:<9} {key:<32} {value:8.2f} ≤ {limit:.2f}")
    return "\n".join(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--sizes", default="1000,20000")
    parser.add_argument("--no-calcurse", action="store_true")
    parser.add_argument("--busy-ok", action="store_true", help="measure even while the machine is busy (noisier)")
    parser.add_argument("--no-build", action="store_true", help="use the release binary as it is")
    parser.add_argument("--agenda", help="measure this binary instead (an earlier build, for a before/after)")
    parser.add_argument("--no-packaged", action="store_true", help="leave out the packaged static binary")
    options = parser.parse_args()
    if options.busy_ok:
        global QUIET_PCT
        QUIET_PCT = 100
    os.makedirs(OUT, exist_ok=True)
    agenda = os.path.abspath(options.agenda) if options.agenda else build(options.no_build)
    packaged = None if options.no_packaged or options.agenda else build_packaged(options.no_build)
    sizes = [int(s) for s in options.sizes.split(",")]
    data = {size: generate(size) for size in sizes}
    shared = [os.path.join(SHARED, "schedules", name) for name in
              ["38c3-schedule.xml", "fosdem-2025.xml", "35c3-schedule.json", "pretalx-democon.json", "lca2020-conference.ics"]]
    results = {"machine": os.uname().nodename, "date": time.strftime("%Y-%m-%d %H:%M"),
               "parse": parse_throughput(agenda, shared + [f for size in sizes for f in data[size].values()]),
               "sizes": {}}
    for size in sizes:
        entry = {"read_rss_MB": read_memory(agenda, data[size]),
                 "read_time_vs_xml": format_ratios(results["parse"], data[size]),
                 "read_time_with_texts_vs_xml": format_ratios(results["parse"], data[size], "secondsWithTexts"),
                 "agenda": bench_agenda(agenda, size, data[size], options.quick)}
        if packaged:
            entry["packaged"] = bench_packaged(packaged, size, data[size], options.quick)
        if not options.no_calcurse:
            entry["calcurse"] = bench_calcurse(size, data[size], options.quick)
        results["sizes"][str(size)] = entry
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump(results, f, indent=2)
    print(table(results))
    print(targets(results))
    print(f"\nJSON: {os.path.join(OUT, 'results.json')}")


if __name__ == "__main__":
    main()
