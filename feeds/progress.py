"""How `stdcal ingest` and `reextract` show their progress: a bar on a terminal, lines otherwise.

Someone at a terminal wants to know how far a long run is and when it will end, so a terminal
gets one line redrawn in place: a bar, files done of all, files per second and the time left.
A log file or CI keeps every character, and there a redrawn line is noise: one plain line per
file (``3/40 path``), as a run has always printed.

The ingest loop reports each file as it starts it (``done`` counts the file being read), so
the bar counts ``done - 1`` files as finished and draws the last state in :meth:`finish`.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import PurePath
from types import TracebackType
from typing import TextIO

BAR_WIDTH = 24
REDRAW_SECONDS = 0.1  # a fast run redraws ten times a second, not once per file


def clock_text(seconds: float) -> str:
    """``0:09``, ``12:05``, ``1:02:03``."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def bar_line(finished: int, total: int, elapsed: float, current: str, *, final: bool) -> str:
    """One redrawn terminal line: bar, count, rate, then the time left (or taken, at the end)."""
    share = finished / total if total else 1.0
    filled = round(BAR_WIDTH * share)
    rate = finished / elapsed if elapsed > 0 else 0.0
    parts = [f"[{'#' * filled}{'-' * (BAR_WIDTH - filled)}]", f"{finished}/{total}"]
    parts.append(f"{rate:.1f} files/s" if finished else "- files/s")
    if final:
        parts.append(f"done in {clock_text(elapsed)}")
    elif finished:
        parts.append(f"{clock_text((total - finished) / rate)} left")
    else:
        parts.append("-:-- left")
    if current and not final:
        parts.append(PurePath(current).name)
    return "  ".join(parts)


class ProgressDisplay:
    """The ``progress`` callback of an ingest run; use it as a context manager so that the
    last state (and the newline after the bar) is written when the run ends."""

    def __init__(
        self,
        stream: TextIO,
        *,
        tty: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
        columns: int | None = None,
    ) -> None:
        self.stream = stream
        self.tty = stream.isatty() if tty is None else tty
        self.clock = clock
        self.columns = columns or shutil.get_terminal_size((100, 24)).columns
        self.started = clock()
        self.total = 0
        self.finished = 0
        self._drawn_at: float | None = None
        self._width = 0

    def __call__(self, done: int, total: int, current: str) -> None:
        self.total, self.finished = total, max(done - 1, 0)
        if not self.tty:
            self.stream.write(f"{done}/{total} {current}\n")
            self.stream.flush()
            return
        now = self.clock()
        if self._drawn_at is None or now - self._drawn_at >= REDRAW_SECONDS:
            self._draw(bar_line(self.finished, total, now - self.started, current, final=False))
            self._drawn_at = now

    def finish(self) -> None:
        """The bar at its end (every file counted, the time taken), then a newline."""
        if not self.tty or self._drawn_at is None:
            return
        self.finished = self.total
        elapsed = self.clock() - self.started
        self._draw(bar_line(self.total, self.total, elapsed, "", final=True))
        self.stream.write("\n")
        self.stream.flush()

    def _draw(self, line: str) -> None:
        line = line[: max(self.columns - 1, 20)]  # a wrapped line could not be redrawn
        self.stream.write("\r" + line.ljust(self._width))
        self.stream.flush()
        self._width = len(line)

    def __enter__(self) -> ProgressDisplay:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if error is None:
            self.finish()
        elif self.tty and self._drawn_at is not None:
            self.stream.write("\n")  # keep the bar as it stood; the error follows below it
