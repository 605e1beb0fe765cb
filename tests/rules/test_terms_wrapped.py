"""A Japanese term cut by a line break (a PDF wraps Japanese lines mid-word, without a
hyphen) is still found, with its span over the original text; a term across a blank line
(two paragraphs) is not."""

from __future__ import annotations

from workbench.rules.terms import TermIndex


def index():
    return TermIndex([(2, ["unmanned aerial vehicle"], ["無人航空機", "群制御"]), (3, [], ["シーカ"])])


def test_a_japanese_term_cut_by_a_pdf_line_break_is_found():
    text = "前記赤外線シー\nカを保持し、複数の無人航\r\n　空機を群\n制御する"
    hits = index().find(text, "ja")
    assert [(h.field_id, h.term) for h in hits] == [(3, "シーカ"), (2, "無人航空機"), (2, "群制御")]
    for h in hits:  # the span covers the term and the break inside it
        assert "".join(text[h.start : h.end].split()) == h.term


def test_a_blank_line_still_separates_japanese_words():
    assert index().find("赤外線シー\n\nカ", "ja") == []


def test_the_installed_rules_find_a_wrapped_term(ruleset):
    hits = ruleset.find_terms("弾頭を備え、目標を追尾する無人航\n空機。", "ja")
    assert any(h.term == "無人航空機" for h in hits)
