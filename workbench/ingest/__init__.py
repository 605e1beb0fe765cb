"""workbench.ingest: reading draft files (PDF, DOCX, TXT/Markdown, USPTO XML) into a Draft.

``read_draft`` is the one entry point: it checks the file, recognises the
format by its magic bytes (the suffix only breaks ties), and hands the bytes to
the reader of that format. Every failure is an IngestError with an E1xx code
naming the file; nothing else escapes.
"""

from __future__ import annotations

import time
from pathlib import Path

from workbench.domain import Draft
from workbench.errors import E101, E102, E103, E104, E108, E111, IngestError
from workbench.ingest.build import assemble, sha256_of
from workbench.ingest.discover import expand_paths
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


def read_draft(
    path: str | Path,
    *,
    password: str | None = None,
    max_bytes: int = 200_000_000,
    max_pages: int = 5000,
    timeout_s: float = 10.0,
) -> Draft:
    """Read one draft file. Raises IngestError (E101-E114) for anything it cannot read."""
    started = time.monotonic()
    p = Path(path)
    try:
        if not p.is_file():
            raise IngestError(E101, path=path)
        size = p.stat().st_size
    except OSError:
        raise IngestError(E101, path=path) from None
    if size == 0:
        raise IngestError(E102, path=path)
    if size > max_bytes:
        raise IngestError(E111, path=path, size=f"{size:,} bytes", limit=f"{max_bytes:,} bytes")
    suffix = p.suffix.lower()
    try:
        with p.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        raise IngestError(E101, path=path) from None
    kind = sniff(head, suffix)
    if kind == "ole":
        raise IngestError(E103, path=path, suffix=f"{suffix or '(none)'} (an old Word 97-2003 / OLE file)")
    if suffix not in SUPPORTED_SUFFIXES and kind not in ("pdf", "uspto-xml", "zip"):
        raise IngestError(E103, path=path, suffix=suffix or "(none)")
    try:
        data = p.read_bytes()
    except OSError:
        raise IngestError(E101, path=path) from None

    if kind == "pdf":
        from workbench.ingest.pdf import read_pdf

        return read_pdf(path, data, password=password, max_pages=max_pages, timeout_s=timeout_s, started=started)
    if suffix in DOCX_SUFFIXES or (kind == "zip" and docx_problem(data) is None):
        from workbench.ingest.docx import read_docx

        return read_docx(path, data, max_bytes=max_bytes, timeout_s=timeout_s, started=started)  # a Word file saved under another name (.pdf too) is still read
    if suffix in PDF_SUFFIXES:
        raise IngestError(E104, path=path, detail="the file does not start like a PDF (no %PDF header)")
    if kind == "zip":
        raise IngestError(E108, path=path, detail=f"a ZIP archive named {suffix or 'without a suffix'}")
    if kind == "uspto-xml":
        from workbench.ingest.uspto_xml import read_uspto_xml

        return read_uspto_xml(path, data)
    if suffix in XML_SUFFIXES:
        raise IngestError(E103, path=path, suffix=".xml (only USPTO publication XML is read)")
    if suffix in TEXT_SUFFIXES:
        from workbench.ingest.text import read_text

        return read_text(path, data)
    raise IngestError(E103, path=path, suffix=suffix or "(none)")  # pragma: no cover
