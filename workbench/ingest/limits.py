"""The bounds every reader keeps: time, size (measured, never as declared), nesting depth.

A draft comes from outside the department, so each reader is written as if the file were
an attack: one :class:`Deadline` for the whole read (checked inside the loops where the
work happens, in every format), sizes measured while reading or unpacking (a ZIP header or
a file size may lie), and XML nesting bounded before any recursive walk. Each breach is a
coded IngestError naming the file (E111 size, E112 time, E115 depth, E118 stalled).

Time is counted in **processor time** of the reading thread (``time.thread_time``), not on
the clock: on a busy machine a good draft that needs 2 s of work may take 20 s of clock
time, and it must not be refused for the machine's load. The clock only ends a read that
stalls (a blocked read on a network share, a library waiting on something): ``wall_s``, far
above what any real read needs even on an overloaded machine. ``read_draft`` runs the read
in a child process (``workbench.ingest.isolate``) where both limits are also enforced from
outside - the kernel's CPU limit and the parent's clock - so a step that never comes back
to a check ends too.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from workbench.errors import E111, E112, E118, IngestError
from workbench.messages import M, msg

TIMEOUT_S = 10.0  # one limit for all formats: processor seconds of the read
WALL_S = 60.0  # the clock's backstop: a read still running after this long has stalled
MAX_FILE_BYTES = 200_000_000  # any file on disk (a PDF full of figures is big)
MAX_TEXT_BYTES = 16_000_000  # a text, Markdown or XML file (4x the characters: UTF-32)
MAX_CHARS = 4_000_000  # characters of text one draft may hold (~1,300 pages of English)
MAX_UNPACKED_BYTES = 200_000_000  # a DOCX package, unpacked, as measured
MAX_PART_BYTES = 64_000_000  # one XML part of a DOCX, unpacked
MAX_DEPTH = 200  # XML element nesting (real USPTO and Word files stay below 40)


@dataclass(frozen=True)
class Limits:
    timeout_s: float = TIMEOUT_S
    wall_s: float = WALL_S
    max_bytes: int = MAX_FILE_BYTES
    max_text_bytes: int = MAX_TEXT_BYTES
    max_chars: int = MAX_CHARS
    max_unpacked: int = MAX_UNPACKED_BYTES
    max_part: int = MAX_PART_BYTES
    max_depth: int = MAX_DEPTH
    max_pages: int = 5000
    isolate: bool = True  # read in a child process where the platform can fork (isolate.py)


class Deadline:
    """The time left to read one file: ``seconds`` of processor time of the reading thread
    and ``wall_s`` on the clock. ``check()`` raises E112 (processor time) or E118 (the
    clock: stalled) naming the file once either is over."""

    __slots__ = ("path", "seconds", "wall_s", "cpu_start", "end", "wall_end")

    def __init__(self, path: str | Path, seconds: float = TIMEOUT_S, wall_s: float = WALL_S) -> None:
        self.path = path
        self.seconds = seconds
        self.wall_s = wall_s
        self.cpu_start = time.thread_time()
        self.end = self.cpu_start + seconds
        self.wall_end = time.monotonic() + wall_s

    def used(self) -> float:
        """Processor seconds used so far."""
        return time.thread_time() - self.cpu_start

    def expired(self) -> bool:
        return time.thread_time() > self.end or time.monotonic() > self.wall_end

    def check(self, page: int | None = None) -> None:
        if time.thread_time() > self.end:
            raise IngestError(E112, path=self.path, page=page, seconds=self.seconds)
        if time.monotonic() > self.wall_end:
            raise stalled(self.path, self.wall_s, self.used(), page=page)


def stalled(path: str | Path, wall_s: float, cpu_s: float, page: int | None = None) -> IngestError:
    """E118: the read was still running after ``wall_s`` on the clock, having used ``cpu_s``
    processor seconds (little: it was waiting, not working)."""
    return IngestError(E118, path=path, page=page, seconds=f"{wall_s:g}", cpu=f"{cpu_s:.1f}")


def check_chars(path: str | Path, n: int, limit: int) -> None:
    """E111 when a draft's text (as decoded or extracted, not as the file says) is too long."""
    if n > limit:
        raise IngestError(E111, path=path, size=msg(M.D128, n=n), limit=msg(M.D129, n=limit))
