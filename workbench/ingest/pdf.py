"""PDF drafts with a text layer (pypdf).

Refuses, with a coded error, what it cannot read honestly: no text layer
(scanned: needs OCR), encrypted without the right password, truncated or
damaged files, too many pages. Time is checked between pages so a huge or
pathological file is abandoned within ``timeout_s``.
"""

from __future__ import annotations

import io
import re
import logging
from pathlib import Path

from workbench.domain import Draft
from workbench.errors import E104, E105, E106, E107, E111, E113, IngestError
from workbench.ingest.build import assemble, sha256_of
from workbench.messages import ingest as N
from workbench.messages import M, msg
from workbench.ingest.limits import Deadline, Limits, check_chars
from workbench.messages.causes import cause

_SPACE_RUN = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_PROJECT_AFTER_PAGES = 10
_PROJECTION_MARGIN = 0.8
# a page with fewer visible characters than this counts as "without text"
_MIN_PAGE_CHARS = 8


def _open(path: str | Path, data: bytes):
    from pypdf import PdfReader

    if b"%%EOF" not in data[-2048:]:
        raise IngestError(E104, path=path, detail=msg(M.D105))
    try:
        return PdfReader(io.BytesIO(data), strict=False)
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many types for damage
        raise IngestError(E104, path=path, detail=cause(exc, en=f"{type(exc).__name__}: {exc}"[:200])) from None


def _unlock(reader, path: str | Path, password: str | None) -> None:
    from pypdf.errors import DependencyError, PdfReadError

    try:
        if password is None:
            # Many PDFs are "encrypted" with an empty user password (printing
            # restrictions only); those open without asking.
            if reader.decrypt(""):
                return
            raise IngestError(E105, path=path)
        if not reader.decrypt(password):
            raise IngestError(E106, path=path)
    except IngestError:
        raise
    except DependencyError as exc:
        raise IngestError(E104, path=path, detail=msg(M.D107, x=cause(exc, en=str(exc)[:180]))) from None
    except (PdfReadError, Exception) as exc:  # noqa: BLE001
        raise IngestError(E104, path=path, detail=msg(M.D108, x=cause(exc, en=str(exc)[:180]))) from None


def read_pdf(
    path: str | Path,
    data: bytes,
    *,
    password: str | None = None,
    max_pages: int = 5000,
    timeout_s: float = 10.0,
    limits: Limits | None = None,
    deadline: Deadline | None = None,
) -> Draft:
    lim = limits or Limits(timeout_s=timeout_s, max_pages=max_pages)
    deadline = deadline or Deadline(path, lim.timeout_s, lim.wall_s)
    timeout_s = deadline.seconds
    chars = 0
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = _open(path, data)
    if reader.is_encrypted:
        _unlock(reader, path, password)
    try:
        n = len(reader.pages)
    except Exception as exc:  # noqa: BLE001
        raise IngestError(E104, path=path, detail=msg(M.D109, x=cause(exc, en=str(exc)[:180]))) from None
    if n == 0:
        raise IngestError(E104, path=path, detail=msg(M.D106))
    if n > max_pages:
        raise IngestError(E111, path=path, size=msg(M.D119, n=n), limit=msg(M.D119, n=max_pages))
    pages: list[str] = []
    empty = 0
    read_from = deadline.used()
    for i in range(n):
        deadline.check(page=i + 1)
        now = deadline.used()  # processor seconds: a busy machine does not make a file "huge"
        if i >= _PROJECT_AFTER_PAGES and now - read_from > 0.5:
            # refuse a huge file quickly instead of timing out after timeout_s;
            # the margin keeps a borderline file from finishing just past it
            projected = now + (now - read_from) / i * (n - i)
            if projected > timeout_s * _PROJECTION_MARGIN:
                raise IngestError(
                    E111, path=path, size=msg(M.D143, n=n, s=projected), limit=msg(M.D144, s=timeout_s)
                )
        try:
            text = reader.pages[i].extract_text() or ""
        except Exception as exc:  # noqa: BLE001
            raise IngestError(E104, path=path, page=i + 1, detail=msg(M.D110, n=i + 1, x=cause(exc, en=f"{type(exc).__name__}: {exc}"[:190]))) from None
        chars += len(text)
        check_chars(path, chars, lim.max_chars)
        if len("".join(text.split())) < _MIN_PAGE_CHARS:
            empty += 1
        pages.append(_SPACE_RUN.sub(" ", text))  # justified lines come out with runs of spaces
    if empty == n or (empty * 2 > n and sum(len(p.strip()) for p in pages) < 200 * n * 0.1):
        raise IngestError(E107, path=path, pages=empty)
    notes = [msg(N.N104, empty=empty, pages=n)] if empty else []
    try:
        return assemble(path, sha256_of(data), "pdf", pages, notes=notes, deadline=deadline, limits=lim)
    except IngestError as exc:
        if exc.code != E113:
            raise
        # only running headers/page numbers had text: a scan with a stamped header
        raise IngestError(E107, path=path, pages=n) from None
