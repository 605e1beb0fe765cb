"""Assembling a Draft from the page texts a reader extracted."""

from __future__ import annotations

import hashlib
from pathlib import Path

from workbench.domain import Draft, PageSpan
from workbench.errors import E111, E113, IngestError
from workbench.ingest.cleanup import clean_pages, tidy
from workbench.ingest.detect import language_of
from workbench.ingest.limits import Deadline, Limits, check_chars
from workbench.ingest.sections import find_sections
from workbench.messages import M, msg


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def assemble(
    source_path: str | Path,
    sha256: str,
    fmt: str,
    pages: list[str],
    *,
    encoding: str | None = None,
    notes: tuple[str, ...] | list[str] = (),
    ipc_codes: tuple[str, ...] = (),
    clean: bool = True,
    page_sep: str = "\n",
    deadline: Deadline | None = None,
    limits: Limits | None = None,
) -> Draft:
    """Clean the pages, join them (recording each page's span), find the sections.

    ``page_sep`` goes between pages: "\n" for PDF, where a page boundary falls
    anywhere (even inside a claim), "\n\n" where pages end at a paragraph."""
    lim = limits or Limits()
    if len(pages) > lim.max_pages:  # a text of form feeds is as many pages as a PDF
        raise IngestError(E111, path=source_path, size=msg(M.D119, n=len(pages)), limit=msg(M.D119, n=lim.max_pages))
    check_chars(source_path, sum(len(p) for p in pages), lim.max_chars)
    cleaned = clean_pages(pages, deadline=deadline) if clean else [tidy(p) for p in pages]
    if deadline is not None:
        deadline.check()
    parts: list[str] = []
    spans: list[PageSpan] = []
    pos = 0
    for number, page in enumerate(cleaned, start=1):
        chunk = page + "\n" if page else ""
        if number < len(cleaned) and chunk:
            chunk += page_sep[1:]
        spans.append(PageSpan(number, pos, pos + len(chunk)))
        parts.append(chunk)
        pos += len(chunk)
    text = "".join(parts)
    if not text.strip():
        raise IngestError(E113, path=source_path)
    language = language_of(text)
    sec = find_sections(text, language)
    if deadline is not None:
        deadline.check()
    codes = tuple(dict.fromkeys(tuple(ipc_codes) + sec.ipc_codes))
    all_notes = tuple(notes) + tuple(sec.notes)
    return Draft(
        source_path=str(source_path),
        sha256=sha256,
        format=fmt,
        language=language,
        text=text,
        title=sec.title,
        abstract=sec.abstract.of(text) if sec.abstract else "",
        technical_field=sec.technical_field.of(text) if sec.technical_field else "",
        description=sec.description.of(text) if sec.description else "",
        claims_text=text[sec.claims.start : sec.claims.end] if sec.claims else "",
        claims_offset=sec.claims.start if sec.claims else 0,
        pages=tuple(spans),
        encoding=encoding,
        ipc_codes=codes,
        notes=all_notes,
    )
