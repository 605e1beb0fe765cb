"""Plain-text and Markdown drafts (any of the encodings encoding.py detects).

A form feed separates pages, as editors and `pdftotext` write them. Every pattern here
runs in time linear in the text (a crafted heading or emphasis run cannot make it
quadratic), and the decoded text is bounded (``limits.max_chars``).
"""

from __future__ import annotations

import re
from pathlib import Path

from workbench.domain import Draft
from workbench.ingest.build import assemble, sha256_of
from workbench.ingest.encoding import decode_bytes
from workbench.ingest.limits import Deadline, Limits, check_chars

# The closing '#'s and blanks of a heading are stripped afterwards: a lazy group followed
# by '[ \t#]*$' backtracks over the whole line for every character (quadratic).
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*)$", re.M)
# The emphasised text runs to the next delimiter at most, so every opener costs the
# distance to the next '**'/'__' on its line, not the rest of the line.
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1")


def markdown_to_text(text: str) -> str:
    """Drop Markdown heading marks and bold markers so headings read as lines."""
    text = _MD_HEADING.sub(lambda m: m.group(1).rstrip(" \t#"), text)
    return _MD_EMPHASIS.sub(r"\2", text)


def read_text(path: str | Path, data: bytes, *, limits: Limits | None = None, deadline: Deadline | None = None) -> Draft:
    lim = limits or Limits()
    deadline = deadline or Deadline(path, lim.timeout_s, lim.wall_s)
    text, encoding = decode_bytes(data, path)
    check_chars(path, len(text), lim.max_chars)
    deadline.check()
    if Path(path).suffix.lower() in (".md", ".markdown"):
        text = markdown_to_text(text)
        deadline.check()
    pages = text.replace("\r\n", "\n").split("\f")
    del text
    return assemble(path, sha256_of(data), "text", pages, encoding=encoding, page_sep="\n\n", deadline=deadline, limits=lim)
