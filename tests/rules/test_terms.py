"""Evidence terms in text: EN whole words, case-insensitive, simple plurals, separators;
JA substrings; offsets index the original text (also with full-width characters)."""

from __future__ import annotations

import json
from pathlib import Path

from workbench.rules.terms import TermIndex, english_pattern


def index():
    return TermIndex([(1, ["stealth", "rail gun", "guided missile", "missile", "battery", "EMP"], ["ステルス", "量子ドット"]), (2, ["missile"], [])])


def spans(hits, text):
    return [(h.field_id, h.term, text[h.start : h.end]) for h in hits]


def test_english_is_case_insensitive_on_word_boundaries():
    text = "Stealth paint. A stealthy cat. Antistealth. STEALTH."
    found = spans(index().find(text, "en"), text)
    assert found == [(1, "stealth", "Stealth"), (1, "stealth", "STEALTH")]


def test_plurals_and_separators():
    text = "two railguns, a rail-gun, a rail gun; batteries and a battery; guided missiles"
    found = spans(index().find(text, "en"), text)
    assert (1, "rail gun", "railguns") in found and (1, "rail gun", "rail-gun") in found and (1, "rail gun", "rail gun") in found
    assert (1, "battery", "batteries") in found and (1, "battery", "battery") in found
    assert (1, "guided missile", "guided missiles") in found


def test_the_longest_term_wins_and_shared_terms_report_every_field():
    text = "a guided missile and a missile"
    found = spans(index().find(text, "en"), text)
    assert found == [(1, "guided missile", "guided missile"), (1, "missile", "missile"), (2, "missile", "missile")]


def test_japanese_substrings_and_english_inside_japanese():
    text = "本装置はステルス性を有し、ＥＭＰ対策として量子ドットを用いる。"
    found = spans(index().find(text, "ja"), text)
    assert (1, "ステルス", "ステルス") in found and (1, "量子ドット", "量子ドット") in found
    assert (1, "EMP", "ＥＭＰ") in found  # full-width folded, offsets into the original


def test_language_choice():
    text = "stealth ステルス"
    assert {h.term for h in index().find(text, "en")} == {"stealth"}
    assert {h.term for h in index().find(text, None)} == {"stealth", "ステルス"}
    assert index().find("", None) == []


def test_english_pattern_is_anchored_to_ascii_word_edges():
    import re

    assert re.search(english_pattern("EMP"), "EMP弾", re.I)  # kana next to an acronym is a boundary
    assert not re.search(english_pattern("EMP"), "TEMPERATURE", re.I)


def test_rule_set_terms_on_real_titles(ruleset, shared_data: Path):
    """Real patent titles: terms found are where they are said to be, in order."""
    titles = [json.loads(line)["text"] for line in (shared_data / "patents" / "drone_titles.jsonl").open(encoding="utf-8")][:2000]
    found = 0
    for text in titles:
        hits = ruleset.find_terms(text, "en")
        assert [h.start for h in hits] == sorted(h.start for h in hits)
        for h in hits:
            assert text[h.start : h.end].lower().replace("-", " ").startswith(h.term.lower().replace("-", " ")[:3])
            assert h.field_id in ruleset.field_ids
        found += bool(hits)
    assert 0 < found < len(titles)
