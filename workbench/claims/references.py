"""Reading claim references ("claims 1 to 3", "請求項１～３のいずれか一項") into claim numbers.

The callers decide *where* to look (only the preamble decides dependency); this
module only turns the text found there into numbers.
"""

from __future__ import annotations

import re

from workbench.claims.patterns import ClaimPatterns, ascii_digits

_NUMBER_OR_WORD = re.compile(r"\d+|[^\d\s,、，]+")


def parse_number_list(nums: str, range_words: frozenset[str]) -> list[int]:
    """"1, 2 or 4" -> [1, 2, 4]; "1 to 3" / "1-3" / "１～３" / "1乃至3" -> [1, 2, 3]."""
    out: list[int] = []
    pending_range = False
    for tok in _NUMBER_OR_WORD.findall(ascii_digits(nums)):
        if tok.isdigit():
            n = int(tok)
            if pending_range and out and n >= out[-1]:
                out.extend(range(out[-1] + 1, n + 1))
            else:
                out.append(n)
            pending_range = False
        elif tok.lower() in range_words or tok in range_words:
            pending_range = True
        elif tok.lower().startswith("claim") or tok.startswith("請求項"):
            continue  # "claim 1 or claim 2": the repeated word is not a range
        else:
            pending_range = False
    seen: set[int] = set()
    return [n for n in out if not (n in seen or seen.add(n))]


def find_references(text: str, patterns: ClaimPatterns) -> list[tuple[int, int, list[int], bool]]:
    """Every claim reference in ``text``: (start, end, numbers, is_preceding).

    "any preceding claim" gives ``numbers == []`` and ``is_preceding`` True;
    the caller expands it to the claims before the referring one.
    """
    norm = ascii_digits(text)
    found: list[tuple[int, int, list[int], bool]] = []
    for m in patterns.reference.finditer(norm):
        found.append((m.start(), m.end(), parse_number_list(m.group("nums"), patterns.range_words), False))
    for m in patterns.preceding.finditer(norm):
        found.append((m.start(), m.end(), [], True))
    return sorted(found, key=lambda f: f[0])
