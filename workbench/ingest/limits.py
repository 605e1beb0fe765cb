"""The bounds every reader keeps: time, size (measured, never as declared), nesting depth.

A draft comes from outside the department, so each reader is written as if the file were
an attack: one :class:`Deadline` for the whole read (checked inside the loops where the
work happens, in every format), sizes measured while reading or unpacking (a ZIP header or
a file size may lie), and XML nesting bounded before any recursive walk. Each breach is a
coded IngestError naming the file (E111 size, E112 time, E115 depth).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from workbench.errors import E111, E112, IngestError
from workbench.messages import M, msg

TIMEOUT_S = 10.0  # one limit for all formats
MAX_FILE_BYTES = 200_000_000  # any file on disk (a PDF full of figures is big)
MAX_TEXT_BYTES = 16_000_000  # a text, Markdown or XML file (4x the characters: UTF-32)
MAX_CHARS = 4_000_000  # characters of text one draft may hold (~1,300 pages of English)
MAX_UNPACKED_BYTES = 200_000_000  # a DOCX package, unpacked, as measured
MAX_PART_BYTES = 64_000_000  # one XML part of a DOCX, unpacked
MAX_DEPTH = 200  # XML element nesting (real USPTO and Word files stay below 40)


@dataclass(frozen=True)
class Limits:
    timeout_s: float = TIMEOUT_S
    max_bytes: int = MAX_FILE_BYTES
    max_text_bytes: int = MAX_TEXT_BYTES
    max_chars: int = MAX_CHARS
    max_unpacked: int = MAX_UNPACKED_BYTES
    max_part: int = MAX_PART_BYTES
    max_depth: int = MAX_DEPTH
    max_pages: int = 5000


class Deadline:
    """The time left to read one file; ``check()`` raises E112 naming it once it is over."""

    __slots__ = ("path", "seconds", "end")

    def __init__(self, path: str | Path, seconds: float = TIMEOUT_S, started: float | None = None) -> None:
        self.path = path
        self.seconds = seconds
        self.end = (time.monotonic() if started is None else started) + seconds

    def expired(self) -> bool:
        return time.monotonic() > self.end

    def check(self, page: int | None = None) -> None:
        if time.monotonic() > self.end:
            raise IngestError(E112, path=self.path, page=page, seconds=self.seconds)


def check_chars(path: str | Path, n: int, limit: int) -> None:
    """E111 when a draft's text (as decoded or extracted, not as the file says) is too long."""
    if n > limit:
        raise IngestError(E111, path=path, size=msg(M.D128, n=n), limit=msg(M.D129, n=limit))
