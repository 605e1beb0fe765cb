"""spaCy rule components for Japanese (JPO format) claims, on a blank ``ja`` pipeline
(SudachiPy tokenizer). Patterns and lexicons come from ``patterns/ja.json``.

- ``workbench_claim_parts_ja_v1``: 前提部 (zentei) / 特徴部 (tokucho). 「～において、」
  or 「～であって、」 ends the 前提部; 「～を特徴とする」 marks the 特徴部.
- ``workbench_claim_references_ja_v1``: 請求項Ｎに記載の... wherever it stands (前提部, body,
  closing subject phrase 「…請求項１に記載の装置。」): a claim citing another depends on it.
- ``workbench_claim_category_ja_v1``: category from the claimed subject, the noun
  compound that ends the claim (「…を備える無人航空機。」 -> apparatus).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from workbench.claims.analysis import analysis_of, note_dependencies, references_of, text_of
from workbench.claims.patterns import get_patterns

_TAIL_NOUNS = re.compile(r"[\u4e00-\u9fff\u30a0-\u30ffー々Ａ-Ｚａ-ｚA-Za-z0-9０-９]+(?=[。．.\s]*$)")


_NOUN_RUN = re.compile(r"[\u4e00-\u9fff\u30a0-\u30ffー々Ａ-Ｚａ-ｚA-Za-z0-9０-９]+$")


def _zentei_end(text: str, markers: list[str]) -> tuple[int, int] | None:
    """Where the 前提部 ends: the first 「…において、」/「…であって、」 whose noun is the
    claimed subject (「無人航空機において、…無人航空機。」). A locative
    「飛行中において、」 in the body names something else and is not the 前提部."""
    hits = sorted((i, i + len(m)) for m in markers for i in _find_all(text, m))
    if not hits:
        return None
    tail = _TAIL_NOUNS.search(text.rstrip())
    subject = tail.group(0) if tail else ""
    for start, end in hits:
        before = _NOUN_RUN.search(text, 0, start)
        noun = before.group(0) if before else ""
        if not subject or (noun and _same_thing(noun, subject)):
            return start, end
    return None


def _same_thing(a: str, b: str) -> bool:
    """「撮像装置」 and 「撮像装置」, 「装置」 and 「撮像装置」: the same claimed subject."""
    return a.endswith(b) or b.endswith(a) or (len(a) >= 2 and len(b) >= 2 and a[-2:] == b[-2:])


def _find_all(text: str, needle: str):
    i = text.find(needle)
    while i >= 0:
        yield i
        i = text.find(needle, i + 1)


@Language.component("workbench_claim_parts_ja_v1")
def claim_parts_ja(doc: Doc) -> Doc:
    a = analysis_of(doc)
    parts = get_patterns("ja").raw["parts"]
    text = text_of(doc)
    cut = _zentei_end(text, parts["zentei_end"])
    has_feature = any(m in text for m in parts["tokucho_marker"])
    a.parts = []
    if cut is not None:
        a.preamble = (0, cut[0])
        a.transition = (cut[0], cut[1] - 1)  # "において" / "であって" without the comma
        a.parts.append(("zentei", 0, cut[1]))
        start = cut[1]
        while start < len(text) and text[start].isspace():
            start += 1
        if start < len(text):
            a.parts.append(("tokucho", start, len(text)))
    else:
        a.preamble = (0, 0)
        a.transition = None
        if has_feature:
            marker = next(m for m in parts["tokucho_marker"] if m in text)
            i = text.find(marker)
            a.transition = (i, i + len(marker))
            a.parts.append(("tokucho", 0, len(text)))
    return doc


@Language.component("workbench_claim_references_ja_v1")
def claim_references_ja(doc: Doc) -> Doc:
    """Every 請求項Ｎに記載の… / 請求項Ｎに係る… in the claim - in the 前提部, in the body or in
    the closing subject phrase - is a dependency (the pattern itself requires the citing
    words, so a bare mention of 請求項 is not one)."""
    return note_dependencies(doc, get_patterns("ja"))


@lru_cache(maxsize=None)
def _suffixes() -> tuple[tuple[str, str], ...]:
    table = get_patterns("ja").raw["category"]["suffixes"]
    pairs = [(suffix, category) for category, suffixes in table.items() for suffix in suffixes]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))  # longest suffix first: 記録媒体 before 体


def _subject(doc: Doc) -> str:
    """The noun compound that ends the claim, from the tokens (or the text for a one-token Doc)."""
    toks = [t for t in doc if not t.is_space]
    while toks and toks[-1].is_punct:
        toks.pop()
    if len(toks) > 1:
        compound: list[str] = []
        for t in reversed(toks):
            if t.tag_.startswith(("名詞", "接尾辞")) and not t.tag_.startswith("名詞-数詞"):
                compound.append(t.text)
            else:
                break
        if compound:
            return "".join(reversed(compound))
    m = _TAIL_NOUNS.search(text_of(doc).rstrip())
    return m.group(0) if m else ""


@Language.component("workbench_claim_category_ja_v1")
def claim_category_ja(doc: Doc) -> Doc:
    a = analysis_of(doc)
    subject = _subject(doc)
    a.head = subject
    for suffix, category in _suffixes():
        if subject.endswith(suffix):
            a.category = category
            a.category_from = "lexicon"
            return doc
    # an independent claim to a thing no list names (「…を備える赤外線シーカ。」) claims a product, as in
    # English (components_en): only methods, uses and programs are named as such in a JPO claim
    if subject and not a.references and not a.any_preceding:
        a.category = get_patterns("ja").raw["category"]["default_independent_product"]
        a.category_from = "default"
    return doc
