"""Claim patterns are data: ``patterns/en.json`` and ``patterns/ja.json``.

This module loads and compiles them once per language (lazily, on first use).
A malformed pattern file is a packaging defect, so it fails loudly here rather
than producing silently wrong claims.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Full-width digits (and the full-width/ideographic forms JPO drafts use) map to
# ASCII one character for one character, so offsets into the text stay valid.
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def ascii_digits(text: str) -> str:
    """``text`` with full-width digits replaced by ASCII ones (same length)."""
    return text.translate(_DIGITS)


@dataclass(frozen=True)
class LabelPattern:
    name: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class ClaimPatterns:
    """Compiled patterns for one language."""

    language: str
    version: str
    labels: tuple[LabelPattern, ...]
    section_end: tuple[re.Pattern[str], ...]
    cancelled: re.Pattern[str]  # "5. (canceled)", "1-18. (canceled)", 【請求項５】（削除）
    reference: re.Pattern[str]
    range_words: frozenset[str]
    preceding: re.Pattern[str]
    raw: dict  # the whole JSON document, for the components that need token patterns / lexicons


def _load_json(language: str) -> dict:
    text = resources.files("workbench.claims").joinpath("patterns", f"{language}.json").read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=None)
def get_patterns(language: str) -> ClaimPatterns:
    """The compiled claim patterns of ``language`` ("en" or "ja"); loaded once."""
    if language not in ("en", "ja"):
        raise ValueError(f"no claim patterns for language {language!r}")
    data = _load_json(language)
    refs = data["references"]
    return ClaimPatterns(
        language=language,
        version=data["version"],
        labels=tuple(LabelPattern(p["name"], re.compile(p["regex"])) for p in data["labels"]),
        section_end=tuple(re.compile(r) for r in data["section_end"]),
        cancelled=re.compile(data["cancelled"]),
        reference=re.compile(refs["claims"]),
        range_words=frozenset(refs["range_words"]),
        preceding=re.compile(refs["preceding"]),
        raw=data,
    )
