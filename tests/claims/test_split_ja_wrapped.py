"""Japanese claims read from a PDF carry its line wraps anywhere, even inside 請求項 or
を特徴とする: the dependency, the transition and the parts are still found, and every
offset still indexes the claim's own (wrapped) text."""

from __future__ import annotations

from workbench.claims.extract import split_claims

WRAPPED = (
    "【請求項１】\n基板と、電極と、を備えることを特徴と\nする赤外線受光素子。\n"
    "【請求項２】\n前記基板は、シリコンである請\n求項１に記載の赤外線受光素子。\n"
    "【請求項３】\n請求項１又は２に記載の赤外線受光素子において、\n前記電極は透明である\n赤外線受光素子。\n"
)


def _compact(s: str) -> str:
    return "".join(s.split())


def test_a_reference_cut_by_a_line_break_is_a_dependency():
    cs = split_claims(WRAPPED, "ja")
    assert [(c.number, c.depends_on) for c in cs.claims] == [(1, ()), (2, (1,)), (3, (1, 2))]
    assert [c.independent for c in cs.claims] == [True, False, False]


def test_a_transition_cut_by_a_line_break_is_found_at_its_place():
    c1 = split_claims(WRAPPED, "ja").claims[0]
    assert _compact(c1.transition) == "を特徴とする"
    assert c1.text.index("を特徴と") == c1.text.find(c1.transition)


def test_parts_index_the_wrapped_claim_text():
    for c in split_claims(WRAPPED, "ja").claims:
        for p in c.parts:
            assert c.text[p.start : p.end] == p.text
    c3 = split_claims(WRAPPED, "ja").claims[2]
    kinds = [p.kind for p in c3.parts]
    assert kinds == ["zentei", "tokucho"]
    assert _compact(c3.parts[1].text) == "前記電極は透明である赤外線受光素子。"


def test_an_english_word_break_inside_japanese_text_is_kept():
    cs = split_claims("【請求項１】\nＧａＡｓ基板と、ＩｎＡｓ\n量子ドットとを備える受光素子。\n", "ja")
    assert cs.claims[0].text.count("\n") == 1  # the claim text itself is never rewritten
