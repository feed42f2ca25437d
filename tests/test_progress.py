"""`stdcal ingest` progress: on a terminal one redrawn bar with count, rate and time left; when
its output is not a terminal (a log, CI) one plain line per file. Checked on the renderer with a
fake clock, through click's runner (not a terminal) and on a real pseudo-terminal."""

from __future__ import annotations

import io
import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from support import PROJECT, SEEDS

from feeds.cli import main
from feeds.progress import ProgressDisplay, bar_line, clock_text

SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0:00"), (9.4, "0:09"), (59.6, "1:00"), (725, "12:05"), (3723, "1:02:03"), (-3, "0:00")],
)
def test_clock_text(seconds: float, text: str) -> None:
    assert clock_text(seconds) == text


@pytest.mark.parametrize(
    ("finished", "total", "elapsed", "final", "line"),
    [
        (0, 40, 0.5, False, "[------------------------]  0/40  - files/s  -:-- left  a.txt"),
        (10, 40, 5.0, False, "[######------------------]  10/40  2.0 files/s  0:15 left  a.txt"),
        (30, 40, 3.0, False, "[##################------]  30/40  10.0 files/s  0:01 left  a.txt"),
        (40, 40, 125.0, True, "[########################]  40/40  0.3 files/s  done in 2:05"),
        (0, 0, 0.0, True, "[########################]  0/0  - files/s  done in 0:00"),
    ],
)
def test_bar_line(finished: int, total: int, elapsed: float, final: bool, line: str) -> None:
    assert bar_line(finished, total, elapsed, "/data/in/a.txt", final=final) == line


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_terminal_bar_is_redrawn_in_place_and_ends_with_a_newline() -> None:
    stream, clock = io.StringIO(), Clock()
    with ProgressDisplay(stream, tty=True, clock=clock, columns=120) as progress:
        for done in range(1, 5):
            progress(done, 4, f"/in/{done}.txt")
            clock.now += 0.5  # each file takes half a second
    frames = stream.getvalue().split("\r")[1:]
    assert [f.rstrip() for f in frames] == [
        "[------------------------]  0/4  - files/s  -:-- left  1.txt",
        "[######------------------]  1/4  2.0 files/s  0:02 left  2.txt",
        "[############------------]  2/4  2.0 files/s  0:01 left  3.txt",
        "[##################------]  3/4  2.0 files/s  0:00 left  4.txt",
        "[########################]  4/4  2.0 files/s  done in 0:02",
    ]
    assert frames[-1].endswith("\n") and "\n" not in "".join(frames[:-1])
    # a shorter frame blanks what the longer one before it left on the line
    assert len(frames[-1].rstrip("\n")) >= len(frames[-2])


def test_terminal_bar_redraws_at_most_ten_times_a_second() -> None:
    stream, clock = io.StringIO(), Clock()
    with ProgressDisplay(stream, tty=True, clock=clock, columns=120) as progress:
        for done in range(1, 101):
            progress(done, 100, "x.txt")
            clock.now += 0.01  # a hundred files in one second
    assert stream.getvalue().count("\r") == 11  # ten redraws and the final state


def test_terminal_bar_fits_the_terminal_width() -> None:
    stream = io.StringIO()
    with ProgressDisplay(stream, tty=True, clock=Clock(), columns=50) as progress:
        progress(1, 3, "/in/" + "very-long-name-" * 10 + ".html")
    assert all(len(frame.rstrip("\n")) <= 49 for frame in stream.getvalue().split("\r"))


def test_an_error_leaves_the_bar_as_it_stood() -> None:
    stream = io.StringIO()
    with pytest.raises(RuntimeError), ProgressDisplay(stream, tty=True, clock=Clock()) as progress:
        progress(1, 3, "a.txt")
        raise RuntimeError("store gone")
    assert stream.getvalue().endswith("-:-- left  a.txt\n")
    assert "done in" not in stream.getvalue()


def test_not_a_terminal_one_plain_line_per_file(tmp_path: Path) -> None:
    env = {"STDCAL_INSTANCE_DIR": str(tmp_path / "instance"), "STDCAL_DATABASE_URL": ""}
    result = CliRunner().invoke(main, ["ingest", str(SEEDS)], env=env)
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines == [f"{n}/5 {path.resolve()}" for n, path in enumerate(SEED_FILES, start=1)]
    assert "\r" not in result.stderr and "files/s" not in result.stderr
    assert "5 new, 0 changed, 0 unchanged, 0 failed" in result.stdout


def _run_on_a_terminal(args: list[str], env: dict[str, str], cwd: Path) -> str:
    """Run ``stdcal`` with stderr on a pseudo-terminal; what the terminal received."""
    leader, follower = pty.openpty()
    command = [sys.executable, "-c", "from feeds.cli import main; main()", *args]
    process = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=follower,
        env=env, cwd=cwd,
    )  # fmt: skip
    os.close(follower)
    received = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 120)
        if not ready:
            process.kill()
            raise AssertionError(f"no output for 120 s; so far: {received!r}")
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        received += chunk
    os.close(leader)
    assert process.wait(timeout=60) == 0, received
    return received.decode()


def test_on_a_terminal_a_bar_with_count_rate_and_time_left(tmp_path: Path) -> None:
    env = dict(os.environ, STDCAL_INSTANCE_DIR=str(tmp_path / "instance"), STDCAL_DATABASE_URL="")
    env["PYTHONPATH"] = str(PROJECT)
    shown = _run_on_a_terminal(["ingest", str(SEEDS)], env, tmp_path)
    frames = [f.strip() for f in shown.split("\r") if f.strip()]
    assert frames[0].startswith("[------------------------]  0/5  - files/s  -:-- left")
    # frames between are redrawn at most ten times a second: a fast machine may show none
    middle = frames[1:-1]
    assert all(re.search(r"  [1-4]/5  \d+\.\d files/s  \d+:\d\d left  \d{3}_", f) for f in middle)
    assert re.fullmatch(r"\[#{24}\]  5/5  \d+\.\d files/s  done in \d+:\d\d", frames[-1])
    assert not any(re.match(r"\d/5 ", f) for f in frames)  # no plain per-file lines
