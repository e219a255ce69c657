"""Progress of a corpus run on stderr: a bar with articles/s and the time left on a
terminal (tqdm), plain lines at intervals elsewhere (CI logs, files)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

LINE_EVERY = 15.0  # seconds between plain progress lines (a CI log, not a terminal)


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}h{minutes:02d}m{seconds:02d}s" if hours else f"{minutes}m{seconds:02d}s"


class Progress:
    """Counts records done out of `total`, of which `resumed` an earlier run finished
    (counted as done, not in the rate). `live` (default: the stream is a terminal)
    draws a tqdm bar; otherwise a line every `every` seconds and one at the end."""

    def __init__(
        self,
        total: int,
        *,
        resumed: int = 0,
        stream: TextIO | None = None,
        live: bool | None = None,
        every: float = LINE_EVERY,
    ) -> None:
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty() if live is None else live
        self.total, self.done, self.skipped, self.every = total, resumed, resumed, every
        self.started = self.last = time.monotonic()
        self.bar = None
        if self.live:
            from tqdm import tqdm

            self.bar = tqdm(
                total=total,
                initial=resumed,
                unit=" articles",
                file=self.stream,
                desc="corpus",
                smoothing=0.05,
            )

    def __call__(self, n: int) -> None:
        self.done += n
        if self.bar is not None:
            self.bar.update(n)
            return
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            self.write_line(now)

    def write_line(self, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        elapsed = max(now - self.started, 1e-9)
        rate = (self.done - self.skipped) / elapsed
        left = (self.total - self.done) / rate if rate > 0 else float("nan")
        share = 100 * self.done / self.total if self.total else 100.0
        eta = _duration(left) if left == left else "?"
        print(
            f"corpus: {self.done}/{self.total} articles ({share:.0f}%), "
            f"{rate:.1f} articles/s, {_duration(elapsed)} elapsed, {eta} left",
            file=self.stream,
            flush=True,
        )

    def note(self, message: str) -> None:
        """A line that must not be drawn over by the bar (a warning)."""
        if self.bar is not None:
            self.bar.write(message, file=self.stream)
        else:
            print(message, file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        elif self.done:
            self.write_line()
