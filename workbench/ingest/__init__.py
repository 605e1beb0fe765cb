"""workbench.ingest: reading draft files (PDF, DOCX, TXT/Markdown, USPTO XML) into a Draft.

``read_draft`` is the one entry point: it checks the file, recognises the
format by its magic bytes (the suffix only breaks ties), and hands the bytes to
the reader of that format. Every failure is an IngestError with an E1xx code
naming the file; nothing else escapes. Every read is bounded (``workbench.ingest.limits``):
one time limit for all formats, sizes measured while reading, XML nesting depth.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from workbench.domain import Draft
from workbench.errors import E101, E102, E103, E104, E108, E111, E115, E116, E117, IngestError
from workbench.ingest.build import assemble, sha256_of
from workbench.messages import M, Message, msg
from workbench.ingest.discover import expand_paths
from workbench.messages.causes import cause
from workbench.ingest.limits import MAX_FILE_BYTES, MAX_UNPACKED_BYTES, TIMEOUT_S, Deadline, Limits
from workbench.ingest.detect import (
    DOCX_SUFFIXES,
    PDF_SUFFIXES,
    SUPPORTED_SUFFIXES,
    TEXT_SUFFIXES,
    XML_SUFFIXES,
    docx_problem,
    sniff,
)

__all__ = ["SUPPORTED_SUFFIXES", "draft_from_text", "expand_paths", "read_draft"]


def draft_from_text(text: str, *, source_path: str = "<text>", fmt: str = "text") -> Draft:
    """A Draft from text already in memory (pasted text, tests, examples)."""
    data = text.encode("utf-8")
    return assemble(source_path, sha256_of(data), fmt, text.replace("\r\n", "\n").split("\f"), page_sep="\n\n")


def _kind_of(mode: int) -> Message | None:
    """What a path that is no regular file is, in words (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return msg(M.D123)
    if stat.S_ISFIFO(mode):
        return msg(M.D124)
    if stat.S_ISSOCK(mode):
        return msg(M.D125)
    return msg(M.D126)


def _open_regular(path: str | Path) -> tuple[int, int]:
    """(file descriptor, size) of a regular file; never blocks (a FIFO is refused before
    it is opened, and opened without blocking should it be swapped in meanwhile)."""
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise IngestError(E116, path=path, kind=msg(M.D127)) from None
        raise IngestError(E101, path=path) from None
    except ValueError:  # a NUL byte in the name
        raise IngestError(E101, path=path) from None
    kind = _kind_of(st.st_mode)
    if kind:
        if stat.S_ISDIR(st.st_mode) and os.path.islink(path):
            kind = msg(M.D150)  # a link to a folder, named like a draft: refused, never walked (expand_paths)
        raise IngestError(E116, path=path, kind=kind)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise IngestError(E116, path=path, kind=msg(M.D127)) from None
        raise IngestError(E101, path=path) from None
    st = os.fstat(fd)
    kind = _kind_of(st.st_mode)
    if kind:  # swapped for something else after the check
        os.close(fd)
        raise IngestError(E116, path=path, kind=kind)
    return fd, st.st_size


def _read_capped(path: str | Path, fd: int, head: bytes, cap: int, deadline: Deadline) -> bytes:
    """The rest of the file after ``head``, refusing (E111) as soon as more than ``cap``
    bytes have been read: what is measured, not what the file system said."""
    chunks = [head]
    total = len(head)
    while True:
        deadline.check()
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        total += len(chunk)
        if total > cap:
            raise IngestError(E111, path=path, size=msg(M.D132, n=cap), limit=msg(M.D118, n=cap))
        chunks.append(chunk)
    return b"".join(chunks)


def read_draft(
    path: str | Path,
    *,
    password: str | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    max_pages: int = 5000,
    timeout_s: float = TIMEOUT_S,
    limits: Limits | None = None,
) -> Draft:
    """Read one draft file. Raises IngestError (E101-E118) for anything it cannot read,
    and nothing else: one time limit for every format (processor time, with the clock as a
    backstop for a read that stalls), sizes measured, nesting bounded. The read runs in a
    child process where the platform can fork (``isolate.py``: the limits then hold even
    inside a library call that never returns)."""
    lim = limits or Limits(
        timeout_s=timeout_s, max_bytes=max_bytes, max_pages=max_pages, max_unpacked=min(MAX_UNPACKED_BYTES, max_bytes)
    )
    if lim.isolate:
        from workbench.ingest.isolate import can_isolate, run_isolated

        if can_isolate():
            return run_isolated(path, lambda: _read_bounded(path, password, lim), lim, password, job=True)
    return _read_bounded(path, password, lim)


def _read_bounded(path: str | Path, password: str | None, lim: Limits) -> Draft:
    deadline = Deadline(path, lim.timeout_s, lim.wall_s)
    try:
        return _read(path, password, lim, deadline)
    except IngestError:
        raise
    except RecursionError:
        raise IngestError(E115, path=path, depth=msg(M.D133), limit=lim.max_depth) from None
    except MemoryError:
        from workbench.ingest import isolate

        # in the reading child the limit met is the read's own memory (isolate.MAX_READ_MEMORY)
        limit = msg(M.D152, n=isolate.MAX_READ_MEMORY) if isolate.IN_CHILD else msg(M.D129, n=lim.max_chars)
        raise IngestError(E111, path=path, size=msg(M.D135), limit=limit) from None
    except Exception as exc:  # noqa: BLE001 - a reader's own bug or a library's: still coded, naming the file
        raise IngestError(E117, path=path, detail=cause(exc, en=f"{type(exc).__name__}: {exc}"[:200])) from None


def _read(path: str | Path, password: str | None, lim: Limits, deadline: Deadline) -> Draft:
    p = Path(path)
    fd, size = _open_regular(path)
    try:
        if size == 0:
            raise IngestError(E102, path=path)
        if size > lim.max_bytes:
            raise IngestError(E111, path=path, size=msg(M.D118, n=size), limit=msg(M.D118, n=lim.max_bytes))
        suffix = p.suffix.lower()
        try:
            head = os.read(fd, 4096)
        except OSError:
            raise IngestError(E101, path=path) from None
        if not head:
            raise IngestError(E102, path=path)
        kind = sniff(head, suffix)
        if kind == "ole":
            raise IngestError(E103, path=path, suffix=msg(M.D102, suffix=suffix or msg(M.D101)))
        if suffix not in SUPPORTED_SUFFIXES and kind not in ("pdf", "uspto-xml", "zip"):
            raise IngestError(E103, path=path, suffix=suffix or msg(M.D101))
        texty = kind not in ("pdf", "zip")  # text, Markdown, XML: decoded in full, so a lower cap
        cap = min(lim.max_bytes, lim.max_text_bytes) if texty else lim.max_bytes
        if size > cap:
            raise IngestError(E111, path=path, size=msg(M.D118, n=size), limit=msg(M.D136, n=cap))
        try:
            data = _read_capped(path, fd, head, cap, deadline)
        except OSError:
            raise IngestError(E101, path=path) from None
    finally:
        os.close(fd)

    if kind == "pdf":
        from workbench.ingest.pdf import read_pdf

        return read_pdf(path, data, password=password, max_pages=lim.max_pages, limits=lim, deadline=deadline)
    if suffix in DOCX_SUFFIXES or (kind == "zip" and docx_problem(data) is None):
        from workbench.ingest.docx import read_docx

        # a Word file saved under another name (.pdf too) is still read
        return read_docx(path, data, max_bytes=lim.max_unpacked, limits=lim, deadline=deadline)
    if suffix in PDF_SUFFIXES:
        raise IngestError(E104, path=path, detail=msg(M.D104))
    if kind == "zip":
        raise IngestError(E108, path=path, detail=msg(M.D116, suffix=suffix) if suffix else msg(M.D115))
    if kind == "uspto-xml":
        from workbench.ingest.uspto_xml import read_uspto_xml

        return read_uspto_xml(path, data, limits=lim, deadline=deadline)
    if suffix in XML_SUFFIXES:
        raise IngestError(E103, path=path, suffix=msg(M.D103))
    if suffix in TEXT_SUFFIXES:
        from workbench.ingest.text import read_text

        return read_text(path, data, limits=lim, deadline=deadline)
    raise IngestError(E103, path=path, suffix=suffix or msg(M.D101))  # pragma: no cover
