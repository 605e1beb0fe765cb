"""Removing what is printed on a page but is not part of the draft.

Running headers and footers (the same line at the top or bottom of most
pages), bare page numbers, line-number columns (5, 10, 15 ... in the margin)
and paragraph numbers ([0001], 【０００１】) are removed so they never leak
into claim text. Each function takes and returns plain strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WS = "[ \\t\\u3000]"
# [0001] / [0001]. / 【０００１】 at the start of a line (the paragraph numbers of a specification).
_PARA_NUM = re.compile(
    rf"^{_WS}*(?:\[{_WS}*[0-9]{{4,5}}{_WS}*\]\.?|【{_WS}*[0-9０-９]{{4,5}}{_WS}*】){_WS}*", re.M
)
_PAGE_NUM = re.compile(
    r"^[\s\-–—‐－]*(?:(?:page|p\.)\s*)?[0-9０-９]{1,4}(?:\s*(?:/|of|／)\s*[0-9０-９]{1,4})?[\s\-–—‐－]*$", re.I
)
_DIGITS = re.compile(r"[0-9０-９]+")
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_BARE_INT = re.compile(r"^[ \t\u3000]*([0-9０-９]{1,3})[ \t\u3000]*$")
_LEAD_INT = re.compile(r"^[ \t\u3000]*([0-9０-９]{1,3})[ \t\u3000]+(?=\S)(?![.)\]:,;．）])")
_ZONE = 3  # lines at the top and bottom of a page that may be header/footer


_CHAR_FIXES = str.maketrans(
    {
        "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st",
        "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None,
        "\u00a0": " ", "\u2028": "\n", "\u2029": "\n",
    }
)


def normalize_chars(text: str) -> str:
    """Typographic ligatures (ﬁ) as letters, soft hyphens and zero-width
    characters dropped, no-break spaces as spaces: PDF and Word text then
    matches search terms."""
    return text.translate(_CHAR_FIXES)


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


def _exact(line: str) -> str:
    return " ".join(line.split()).lower()


def _page_related(line: str, page_no: int, n_pages: int) -> bool:
    """Do the numbers in the line look like page numbering ("Page 3 of 9", "- 3 -")?"""
    nums = [int(d.translate(_FULLWIDTH)) for d in _DIGITS.findall(line)]
    return bool(nums) and all(x in (page_no - 1, page_no, page_no + 1, n_pages) for x in nums)


def _zone_indexes(lines: list[str]) -> tuple[list[int], list[int]]:
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    return filled[:_ZONE], filled[-_ZONE:] if len(filled) > _ZONE else []


@dataclass(frozen=True)
class Furniture:
    exact: frozenset[str] = frozenset()  # the same line on most pages ("Attorney Docket No. 12")
    numbered: frozenset[str] = frozenset()  # a line that differs only by its page number

    def __contains__(self, item: tuple[str, int, int]) -> bool:
        line, page_no, n_pages = item
        if _exact(line) in self.exact:
            return True
        return _key(line) in self.numbered and _page_related(line, page_no, n_pages)


def repeated_furniture(pages: list[list[str]]) -> Furniture:
    """Lines that recur at the top or bottom of most pages: identical, or
    differing only by the page number."""
    n = len(pages)
    if n < 2:
        return Furniture()
    exact: dict[str, int] = {}
    numbered: dict[str, int] = {}
    for page_no, lines in enumerate(pages, start=1):
        top, bottom = _zone_indexes(lines)
        zone = [lines[i] for i in top + bottom]
        for e in {_exact(ln) for ln in zone}:
            exact[e] = exact.get(e, 0) + 1
        for k in {_key(ln) for ln in zone if _page_related(ln, page_no, n)}:
            numbered[k] = numbered.get(k, 0) + 1
    need = max(2, (n + 1) // 2)
    return Furniture(
        frozenset(e for e, c in exact.items() if c >= need),
        frozenset(k for k, c in numbered.items() if c >= need),
    )


def _line_number_rows(lines: list[str]) -> tuple[set[int], set[int]]:
    """Indexes of lines that are a margin line-number column: bare numbers or
    leading numbers forming a 5, 10, 15 ... (or 1, 2, 3 ...) run."""

    def long_enough(run: list[tuple[int, int]], step: int) -> bool:
        if step == 1:
            return len(run) >= 6
        if len(run) >= 3:
            return True
        # two margin numbers exactly five lines apart (5 and 10 on a short page)
        return len(run) == 2 and run[1][0] - run[0][0] == 5

    def runs(cands: list[tuple[int, int]]) -> set[int]:
        hit: set[int] = set()
        for step in (5, 1):
            run: list[tuple[int, int]] = []
            for idx, val in cands:
                if step == 5 and val % 5:
                    continue
                if run and val == run[-1][1] + step:
                    run.append((idx, val))
                else:
                    if long_enough(run, step):
                        hit.update(i for i, _ in run)
                    run = [(idx, val)]
            if long_enough(run, step):
                hit.update(i for i, _ in run)
        return hit

    bare = [(i, int(m.group(1).translate(_FULLWIDTH))) for i, ln in enumerate(lines) if (m := _BARE_INT.match(ln))]
    lead = [(i, int(m.group(1).translate(_FULLWIDTH))) for i, ln in enumerate(lines) if (m := _LEAD_INT.match(ln))]
    return runs(bare), runs(lead)


def clean_page_lines(lines: list[str], furniture: Furniture, page_no: int = 1, n_pages: int = 1) -> list[str]:
    top, bottom = _zone_indexes(lines)
    zone = set(top) | set(bottom)
    drop = {i for i in zone if (lines[i], page_no, n_pages) in furniture}
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


def clean_pages(pages: list[str], deadline=None) -> list[str]:
    """Strip running headers/footers, page numbers and line numbers from each
    page, and paragraph numbers everywhere. ``deadline`` (ingest.limits.Deadline) is
    checked between pages."""
    split = [normalize_newlines(normalize_chars(p)).split("\n") for p in pages]
    furniture = repeated_furniture(split)
    cleaned = []
    for page_no, lines in enumerate(split, start=1):
        if deadline is not None:
            deadline.check(page=page_no)
        text = "\n".join(clean_page_lines(lines, furniture, page_no, len(split)))
        cleaned.append(tidy(remove_paragraph_numbers(text)))
    if furniture.numbered and not any(c.strip() for c in cleaned):
        # every line differs only by its page number: the pages ARE the text
        # (one line per page), keep it; identical lines on every page stay
        # removed (a scan with a stamped header has no text of its own)
        return clean_pages_keeping_numbered(split, furniture)
    return cleaned


def clean_pages_keeping_numbered(split: list[list[str]], furniture: Furniture) -> list[str]:
    n = len(split)
    exact_only = Furniture(exact=furniture.exact)
    return [tidy(remove_paragraph_numbers("\n".join(clean_page_lines(ln, exact_only, i, n)))) for i, ln in enumerate(split, 1)]
