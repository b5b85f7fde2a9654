"""What a long run tells its user while it works.

The library reports through a `Progress`; the base class is silent (library calls, tests). The
command line passes a `ConsoleProgress`: on a terminal, a bar with counts and time left for any
stage that runs longer than a moment; elsewhere (CI logs, pipes) plain lines, one per stage and
one every few seconds during a long stage, so a log shows where a run was when it stopped.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

QUIET, NORMAL, VERBOSE = 0, 1, 2


class Progress:
    """Silent: the interface every stage reports to."""

    def start(self, stage: str, total: int) -> None:
        """A stage begins with `total` items to go through."""

    def advance(self, count: int = 1) -> None:
        """`count` more items are done."""

    def finish(self, summary: str) -> None:
        """The stage is over; `summary` says what it did, in one line."""

    def detail(self, message: str) -> None:
        """A line only a verbose run shows."""


class ConsoleProgress(Progress):
    # A bar appears only once a stage has run this long: short stages stay quiet.
    BAR_AFTER = 2.0
    # Without a terminal, a stage still running reports this often.
    LINE_EVERY = 10.0

    def __init__(
        self, verbosity: int = NORMAL, stream: TextIO | None = None, interactive: bool | None = None
    ) -> None:
        self.verbosity = verbosity
        self.stream = stream or sys.stderr
        self.interactive = self.stream.isatty() if interactive is None else interactive
        self.stage, self.total, self.done = "", 0, 0
        self.started = self.reported = 0.0
        self.bar = None
        self.task = None

    def start(self, stage: str, total: int) -> None:
        self.stage, self.total, self.done = stage, total, 0
        self.started = self.reported = time.monotonic()

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self.verbosity == QUIET:
            return
        now = time.monotonic()
        if self.interactive:
            if self.bar is None and now - self.started >= self.BAR_AFTER and self.total:
                self._open_bar()
            if self.bar is not None:
                self.bar.update(self.task, completed=self.done)
        elif now - self.reported >= self.LINE_EVERY and self.total:
            self.reported = now
            rate = self.done / (now - self.started)
            left = (self.total - self.done) / rate if rate else 0.0
            self._line(
                f"{self.stage}: {self.done} of {self.total} "
                f"({100 * self.done // self.total} %), about {left:.0f} s left"
            )

    def finish(self, summary: str) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
        if self.verbosity >= NORMAL:
            self._line(f"{summary} ({time.monotonic() - self.started:.1f} s)")

    def detail(self, message: str) -> None:
        if self.verbosity >= VERBOSE:
            self._line(message)

    def _line(self, text: str) -> None:
        print(text, file=self.stream, flush=True)

    def _open_bar(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as Bar

        self.bar = Bar(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(file=self.stream),
            transient=True,
        )
        self.bar.start()
        self.task = self.bar.add_task(self.stage, total=self.total, completed=self.done)
