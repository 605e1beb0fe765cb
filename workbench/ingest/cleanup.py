"""Removing what is printed on a page but is not part of the draft.

Running headers and footers (the same line at the top or bottom of most
pages), bare page numbers, line-number columns (5, 10, 15 ... in the margin)
and paragraph numbers ([0001], 【０００１】) are removed so they never leak
into claim text. Each function takes and returns plain strings.
"""

from __future__ import annotations

import re

_WS = "[ \\t\\u3000]"
# [0001] / [0001]. / 【０００１】 at the start of a line (the paragraph numbers of a specification).
_PARA_NUM = re.compile(
    rf"^{_WS}*(?:\[{_WS}*[0-9]{{4,5}}{_WS}*\]\.?|【{_WS}*[0-9０-９]{{4,5}}{_WS}*】){_WS}*", re.M
)
_PAGE_NUM = re.compile(
    r"^[\s\-–—‐－]*(?:(?:page|p\.)\s*)?[0-9０-９]{1,4}(?:\s*(?:/|of|／)\s*[0-9０-９]{1,4})?[\s\-–—‐－]*$", re.I
)
_DIGITS = re.compile(r"[0-9０-９]+")
_BARE_INT = re.compile(r"^[ \t]*(\d{1,3})[ \t]*$")
_LEAD_INT = re.compile(r"^[ \t]*(\d{1,3})[ \t]+(?=\S)(?![.)\]:,;])")
_ZONE = 3  # lines at the top and bottom of a page that may be header/footer


def remove_paragraph_numbers(text: str) -> str:
    return _PARA_NUM.sub("", text)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def tidy(text: str) -> str:
    """Trailing blanks off each line, at most one empty line in a row."""
    lines = [ln.rstrip(" \t\u3000") for ln in normalize_newlines(text).split("\n")]
    out: list[str] = []
    for ln in lines:
        if not ln and (not out or not out[-1]):
            continue
        out.append(ln)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def _key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split())).lower()


def _zone_indexes(lines: list[str]) -> tuple[list[int], list[int]]:
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    return filled[:_ZONE], filled[-_ZONE:] if len(filled) > _ZONE else []


def repeated_furniture(pages: list[list[str]]) -> set[str]:
    """Keys of lines that recur at the top or bottom of most pages."""
    n = len(pages)
    if n < 2:
        return set()
    counts: dict[str, int] = {}
    for lines in pages:
        top, bottom = _zone_indexes(lines)
        seen = {_key(lines[i]) for i in top + bottom}
        for k in seen:
            counts[k] = counts.get(k, 0) + 1
    need = max(2, (n + 1) // 2)
    return {k for k, c in counts.items() if c >= need and k.strip("#") != ""}


def _line_number_rows(lines: list[str]) -> tuple[set[int], set[int]]:
    """Indexes of lines that are a margin line-number column: bare numbers or
    leading numbers forming a 5, 10, 15 ... (or 1, 2, 3 ...) run."""

    def runs(cands: list[tuple[int, int]]) -> set[int]:
        hit: set[int] = set()
        for step in (5, 1):
            run: list[int] = []
            prev = None
            for idx, val in cands:
                if step == 5 and val % 5:
                    continue
                if prev is not None and val == prev + step:
                    run.append(idx)
                else:
                    if len(run) >= (3 if step == 5 else 6):
                        hit.update(run)
                    run = [idx]
                prev = val
            if len(run) >= (3 if step == 5 else 6):
                hit.update(run)
        return hit

    bare = [(i, int(m.group(1))) for i, ln in enumerate(lines) if (m := _BARE_INT.match(ln))]
    lead = [(i, int(m.group(1))) for i, ln in enumerate(lines) if (m := _LEAD_INT.match(ln))]
    return runs(bare), runs(lead)


def clean_page_lines(lines: list[str], furniture: set[str]) -> list[str]:
    top, bottom = _zone_indexes(lines)
    zone = set(top) | set(bottom)
    drop = {i for i in zone if _key(lines[i]) in furniture}
    # bare page numbers: the first or last filled line of the page
    edge = [i for i in (top[:1] + bottom[-1:]) if i not in drop]
    if not bottom and top:
        edge.append(top[-1])
    drop.update(i for i in edge if _PAGE_NUM.match(lines[i]))
    bare_rows, lead_rows = _line_number_rows(lines)
    drop.update(bare_rows)
    out = []
    for i, ln in enumerate(lines):
        if i in drop:
            continue
        if i in lead_rows:
            ln = _LEAD_INT.sub("", ln, count=1)
        out.append(ln)
    return out


def clean_pages(pages: list[str]) -> list[str]:
    """Strip running headers/footers, page numbers and line numbers from each
    page, and paragraph numbers everywhere."""
    split = [normalize_newlines(p).split("\n") for p in pages]
    furniture = repeated_furniture(split)
    cleaned = []
    for lines in split:
        text = "\n".join(clean_page_lines(lines, furniture))
        cleaned.append(tidy(remove_paragraph_numbers(text)))
    if furniture and not any(c.strip() for c in cleaned):
        # every line "repeats": the pages ARE the text (one line per page), keep it
        return clean_pages_without_furniture(split)
    return cleaned


def clean_pages_without_furniture(split: list[list[str]]) -> list[str]:
    return [tidy(remove_paragraph_numbers("\n".join(clean_page_lines(lines, set())))) for lines in split]
