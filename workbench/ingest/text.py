"""Plain-text and Markdown drafts (any of the encodings encoding.py detects).

A form feed separates pages, as editors and `pdftotext` write them.
"""

from __future__ import annotations

import re
from pathlib import Path

from workbench.domain import Draft
from workbench.ingest.build import assemble, sha256_of
from workbench.ingest.encoding import decode_bytes

_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.M)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def markdown_to_text(text: str) -> str:
    """Drop Markdown heading marks and bold markers so headings read as lines."""
    return _MD_EMPHASIS.sub(r"\2", _MD_HEADING.sub(r"\1", text))


def read_text(path: str | Path, data: bytes) -> Draft:
    text, encoding = decode_bytes(data, path)
    if Path(path).suffix.lower() in (".md", ".markdown"):
        text = markdown_to_text(text)
    pages = text.replace("\r\n", "\n").split("\f")
    return assemble(path, sha256_of(data), "text", pages, encoding=encoding, page_sep="\n\n")
