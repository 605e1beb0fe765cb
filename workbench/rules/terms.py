"""Finding evidence terms in text, fast: one precompiled regex per language choice.

English terms match case-insensitively on word boundaries, with simple plurals
("missile" finds "missiles", "battery" finds "batteries") and flexible separators
("rail gun", "rail-gun", "railgun" for the term "rail gun"). Japanese terms match
as substrings, also across one line break (PDF line wrapping). Full-width ASCII in the text ("ＥＭＰ") is folded without changing
offsets, so spans index the original text.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from typing import Union

from workbench.rules.model import TermCondition, TermHit

_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20  # ideographic space


def fold_width(text: str) -> str:
    """Full-width ASCII to ASCII; the same length, so offsets stay valid."""
    return text.translate(_FULLWIDTH)


def is_japanese_term(term: str) -> bool:
    return any(ord(ch) > 0x2FFF for ch in term)


def _plural(token: str) -> str:
    esc = re.escape(token)
    low = token.lower()
    if len(token) > 2 and low.endswith("y") and low[-2] not in "aeiou":
        return re.escape(token[:-1]) + "(?:y|ies)"
    if low.endswith(("s", "x", "ch", "sh")):
        return esc + "(?:es)?"
    return esc + "(?:s|es)?"


_WORD_START = r"(?<![A-Za-z0-9])"
_WORD_END = r"(?![A-Za-z0-9])"


def english_body(term: str) -> str:
    """The pattern of an English term without its word-boundary guards."""
    tokens = [t for t in re.split(r"[\s\-]+", fold_width(term).strip()) if t]
    return r"[\s\-]*".join([re.escape(t) for t in tokens[:-1]] + [_plural(tokens[-1])])


def english_pattern(term: str) -> str:
    return _WORD_START + english_body(term) + _WORD_END


# A PDF wraps Japanese lines mid-word without a hyphen: one line break (with the spaces
# around it) may sit between any two characters of a Japanese term; a blank line may not.
_WRAP = r"(?:[ \t]*\r?\n[ \t]*)?"


def japanese_pattern(term: str) -> str:
    return _WRAP.join(re.escape(ch) for ch in fold_width(term))


def _grouped(bodies: list[tuple[int, str, str]]) -> str:
    """Alternatives grouped by their first character, each group behind a one-character
    lookahead: at a text position only one group is tried, which is ~100x faster than a
    flat alternation of hundreds of terms. ``bodies``: (index, first char, pattern)."""
    groups: dict[str, list[str]] = {}
    for i, first, body in bodies:
        groups.setdefault(first, []).append(f"(?P<t{i}>{body})")
    return "|".join(f"(?={re.escape(first)})(?:{'|'.join(alts)})" for first, alts in groups.items())


def _any_pattern(terms: Iterable[str]) -> re.Pattern:
    alts = [japanese_pattern(t) if is_japanese_term(t) else english_pattern(t) for t in terms]
    return re.compile("|".join(alts), re.IGNORECASE)


def _first_chars(bodies: list[tuple[int, str, str]]) -> str:
    return "[" + "".join(sorted({re.escape(first) for _, first, _ in bodies})) + "]"


# What TermIndex is built from, per field: (field id, English terms, Japanese terms) and,
# optionally, the TermConditions of some of those terms (workbench.rules.model).
FieldTerms = Union[tuple[int, Sequence[str], Sequence[str]], tuple[int, Sequence[str], Sequence[str], Sequence[TermCondition]]]


class TermIndex:
    """All evidence terms of a rule set, compiled once per language choice.

    ``fields`` yields (field_id, terms_en, terms_ja) or (field_id, terms_en, terms_ja,
    conditions) where conditions are TermCondition objects: a term that needs a context
    word elsewhere in the same text (``with_any``) or must not be part of a longer word
    (``exclude``, e.g. 重水 inside 重水素).
    """

    def __init__(self, fields: Iterable[FieldTerms]) -> None:
        # pattern -> (display term, language, field ids)
        self._entries: dict[str, tuple[str, str, list[int]]] = {}
        self._pattern_term: dict[str, str] = {}  # key -> the spelling whose pattern is used
        # (field id, pattern key) -> (context regex or None, exclude regex or None)
        self._conditions: dict[tuple[int, str], tuple[re.Pattern | None, re.Pattern | None]] = {}
        for field_id, terms_en, terms_ja, *rest in fields:
            for term in terms_en:
                self._add(field_id, term, "ja" if is_japanese_term(term) else "en")
            for term in terms_ja:
                self._add(field_id, term, "ja" if is_japanese_term(term) else "en")
            for cond in rest[0] if rest else ():
                key = self._key(cond.term, "ja" if is_japanese_term(cond.term) else "en")
                self._conditions[(field_id, key)] = (
                    _any_pattern(cond.with_any) if cond.with_any else None,
                    _any_pattern(cond.exclude) if cond.exclude else None,
                )
        self._compiled: dict[str, tuple[re.Pattern | None, list[tuple[str, str, list[int], str]]]] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _key(term: str, language: str) -> str:
        """Spelling variants share one key: "rail gun", "rail-gun" and "railgun" are one term."""
        folded = fold_width(term).strip()
        if language == "ja":
            return "ja:" + folded
        return "en:" + re.sub(r"[\s\-]+", "", folded.lower())

    def _add(self, field_id: int, term: str, language: str) -> None:
        key = self._key(term, language)
        entry = self._entries.get(key)
        if entry is None:
            entry = self._entries[key] = (term, language, [])
            self._pattern_term[key] = term
        elif len(re.split(r"[\s\-]+", term.strip())) > len(re.split(r"[\s\-]+", self._pattern_term[key].strip())):
            self._pattern_term[key] = term  # the variant with separators matches all spellings
        if field_id not in entry[2]:
            entry[2].append(field_id)

    def _compile(self, language: str | None):
        choice = language or "all"
        with self._lock:
            if choice not in self._compiled:
                wanted = {"en": ("en",), "ja": ("ja", "en"), "all": ("en", "ja")}[choice]
                entries = [(*v, k) for k, v in self._entries.items() if v[1] in wanted]
                # Longest first, so "guided missile" wins over "missile" at the same place.
                entries.sort(key=lambda v: len(v[0]), reverse=True)
                en, ja = [], []
                for i, (_, lang, _, key) in enumerate(entries):
                    spelling = self._pattern_term[key]
                    folded = fold_width(spelling).strip()
                    if lang == "ja":
                        ja.append((i, folded[0], japanese_pattern(spelling)))
                    else:
                        en.append((i, folded[0].lower(), english_body(spelling)))
                parts = []
                # A one-character class in front rejects most positions in a single test.
                if en:
                    parts.append(f"{_WORD_START}(?={_first_chars(en)})(?:{_grouped(en)}){_WORD_END}")
                if ja:
                    parts.append(f"(?={_first_chars(ja)})(?:{_grouped(ja)})")
                regex = re.compile("|".join(parts), re.IGNORECASE) if parts else None
                self._compiled[choice] = (regex, entries)
            return self._compiled[choice]

    def find(self, text: str, language: str | None = None) -> list[TermHit]:
        if language not in (None, "en", "ja"):
            language = None
        regex, table = self._compile(language)
        if regex is None or not text:
            return []
        folded = fold_width(text)
        context: dict[int, bool] = {}
        excluded: dict[int, list[tuple[int, int]]] = {}
        hits: list[TermHit] = []
        for m in regex.finditer(folded):
            term, lang, field_ids, key = table[int(m.lastgroup[1:])]
            for fid in field_ids:
                cond = self._conditions.get((fid, key))
                if cond is not None and not self._allowed(cond, folded, m.start(), m.end(), context, excluded):
                    continue
                hits.append(TermHit(fid, term, m.start(), m.end(), lang))
        return hits

    @staticmethod
    def _allowed(cond, text: str, start: int, end: int, context: dict, excluded: dict) -> bool:
        with_any, exclude = cond
        if exclude is not None:
            spans = excluded.get(id(exclude))
            if spans is None:
                spans = excluded[id(exclude)] = [x.span() for x in exclude.finditer(text)]
            if any(s <= start and end <= e for s, e in spans):
                return False
        if with_any is not None:
            present = context.get(id(with_any))
            if present is None:
                present = context[id(with_any)] = with_any.search(text) is not None
            if not present:
                return False
        return True

    def matches_any(self, text: str, terms: Iterable[str]) -> list[str]:
        """Which of ``terms`` occur in ``text`` (used for limitations like U/Pu)."""
        folded = fold_width(text)
        found = []
        for term in terms:
            pattern = japanese_pattern(term) if is_japanese_term(term) else english_pattern(term)
            if re.search(pattern, folded, re.IGNORECASE):
                found.append(term)
        return found
