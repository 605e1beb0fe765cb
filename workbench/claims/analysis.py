"""What the claim components find in one claim (internal; becomes a domain ``Claim``)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ClaimAnalysis:
    """Filled in by the spaCy components, one per claim Doc. Offsets are into the claim text."""

    preamble: tuple[int, int] = (0, 0)
    transition: tuple[int, int] | None = None
    parts: list[tuple[str, int, int]] = field(default_factory=list)  # (kind, start, end)
    references: list[int] = field(default_factory=list)  # claim numbers named in the preamble
    any_preceding: bool = False  # "any preceding claim" / 前記各請求項のいずれか
    category: str = "other"
    head: str = ""  # the word the category was read from
    category_from: str = ""  # "lexicon", "suffix", "default" (unknown product noun) or "" (none)


def analysis_of(doc) -> ClaimAnalysis:
    """The analysis attached to ``doc`` (created on first use)."""
    a = doc.user_data.get("workbench.claim")
    if a is None:
        a = doc.user_data["workbench.claim"] = ClaimAnalysis()
    return a


def text_of(doc) -> str:
    """The claim's text (``Doc.text`` rebuilds it from the tokens on every call: read it once)."""
    text = doc.user_data.get("workbench.text")
    if text is None:
        text = doc.user_data["workbench.text"] = doc.text
    return text


def references_of(doc, patterns) -> list:
    """The claim references in the claim's text (found once per claim, see references.find_references)."""
    refs = doc.user_data.get("workbench.refs")
    if refs is None:
        from workbench.claims.references import find_references

        refs = doc.user_data["workbench.refs"] = find_references(text_of(doc), patterns)
    return refs


def note_dependencies(doc, patterns):
    """The dependency rule, for claims in either language: a claim that names another claim
    (wherever in its text, as ``patterns`` find it) depends on it; "any preceding claim" is
    noted apart. Numbers keep the order they are named in, each once."""
    a = analysis_of(doc)
    numbers: list[int] = []
    preceding = False
    for _start, _end, nums, is_preceding in references_of(doc, patterns):
        preceding = preceding or is_preceding
        numbers.extend(n for n in nums if n not in numbers)
    a.references = numbers
    a.any_preceding = preceding
    return doc
