"""One Japanese word per concept: the UI translation (workbench_ja.ts) and the PDF report's
Japanese are checked against workbench/ui/translations/glossary.ja.tsv."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "workbench" / "ui" / "translations" / "glossary.ja.tsv"
TS = ROOT / "workbench" / "ui" / "translations" / "workbench_ja.ts"
_CJK = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef][^\"'\n]*")


@dataclass(frozen=True)
class Term:
    concept: str
    accepted: tuple[str, ...]
    avoid: tuple[str, ...]
    match: re.Pattern | None


def load_glossary(path: Path = GLOSSARY) -> list[Term]:
    terms = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        assert len(cols) == 5, f"glossary line needs 5 tab-separated columns: {line!r}"
        concept, ja, avoid, match, _note = cols
        terms.append(Term(concept, tuple(ja.split("|")), tuple(a for a in avoid.split(",") if a),
                          re.compile(match, re.IGNORECASE) if match else None))
    return terms


def ts_messages(path: Path = TS) -> list[tuple[str, str]]:
    out = []
    for m in ET.parse(path).iter("message"):
        tr = m.find("translation")
        ja = (tr.text or "") + "".join(x.text or "" for x in tr)
        out.append((m.findtext("source") or "", ja))
    return out


def _positions(text: str, word: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(word), text)]


def _inside_accepted(text: str, at: int, bad: str, accepted: set[str]) -> bool:
    """Is the avoided word at ``at`` part of a longer accepted one (請求の範囲 in 特許請求の範囲)?"""
    for a in accepted:
        if len(a) > len(bad) and bad in a:
            off = a.index(bad)
            if text[max(0, at - off): at - off + len(a)] == a:
                return True
    return False


def problems(pairs: list[tuple[str, str]], terms: list[Term]) -> list[str]:
    """Every translation that uses another word for a glossary concept, or an English text
    naming a concept whose translation does not use the glossary's word."""
    found = []
    accepted = {a for t in terms for a in t.accepted}
    for src, ja in pairs:
        for t in terms:
            for bad in t.avoid:
                if any(not _inside_accepted(ja, at, bad, accepted) for at in _positions(ja, bad)):
                    found.append(f"{t.concept}: {bad!r} instead of {'/'.join(t.accepted)} in {ja!r} ({src!r})")
            named = re.sub(r"\{[^}]*\}", "", src)  # a {placeholder} is a value, not a word of the text
            if t.match is not None and named and t.match.search(named) and not any(a in ja for a in t.accepted):
                found.append(f"{t.concept}: {src!r} is translated {ja!r} without {'/'.join(t.accepted)}")
    return found


def test_the_glossary_is_well_formed():
    terms = load_glossary()
    concepts = [t.concept for t in terms]
    assert len(concepts) == len(set(concepts)) and {"draft", "triage log", "decision", "field", "settings"} <= set(concepts)
    owners = {}
    for t in terms:  # a word is accepted for one concept and avoided nowhere else
        for a in t.accepted:
            assert a not in owners, f"{a} is accepted for {owners[a]} and {t.concept}"
            owners[a] = t.concept
    for t in terms:
        for bad in t.avoid:
            assert bad not in owners, f"{bad} is avoided for {t.concept} but accepted for {owners[bad]}"


def test_the_ui_translation_follows_the_glossary():
    pairs = ts_messages()
    assert len(pairs) > 250  # the whole .ts was read (the reasons and notes left it: they are the core catalogue's now)
    assert problems(pairs, load_glossary()) == []


def test_the_pdf_reports_japanese_follows_the_glossary():
    """The report's words (coded messages I650-I699, with their English) and the
    Japanese in the export and report modules."""
    import workbench.messages.export  # noqa: F401 - defines the report's messages
    from workbench.messages import CATALOGUE

    pairs = [(spec.en, spec.ja) for code, spec in CATALOGUE.items() if code[0] == "I" and code[1] == "6"]
    assert len(pairs) > 40
    for module in ("export.py", "report.py"):
        source = (ROOT / "workbench" / "store" / module).read_text(encoding="utf-8")
        pairs += [("", m.group(0)) for m in _CJK.finditer(source)]
    assert problems(pairs, load_glossary()) == []


def test_the_check_finds_the_three_words_for_a_draft():
    terms = load_glossary()
    found = problems([("Open drafts", "出願草稿を開く"), ("Drafts", "出願案"), ("Draft", "草稿"),
                      ("No claims section", "請求の範囲がありません"), ("No claims section", "特許請求の範囲がありません")], terms)
    assert len(found) == 5 and all(("出願草稿" in f or "出願案" in f or "請求の範囲" in f) for f in found)
    assert problems([("Screens drafts", "草稿を事前確認します")], terms)  # 事前確認 is Art. 79, not screening
