"""Japanese evidence terms that are common in civilian drafts count only with their context.

Reviewed for issue 17 (item 5): a civilian Japanese draft must not collect field evidence from
words its industry uses every day - laser machining (高出力レーザ), anechoic rooms
(電波吸収体), merchant ships (バラストタンク), magnetic pulse welding (電磁パルス).
The same words in a weapon / platform context still count.
"""

import pytest

from workbench.rules import get_ruleset

RULESET = get_ruleset()


def _fields(text: str) -> set[int]:
    return {h.field_id for h in RULESET.find_terms(text, "ja")}


@pytest.mark.parametrize(
    "civilian, field_id",
    [
        ("高出力レーザを用いて鋼板を切断するレーザ加工機。", 6),
        ("電波暗室の壁面に配置される電波吸収体。", 1),
        ("船体に設けたバラストタンクの注排水を制御する商船。", 12),
        ("電磁パルスによりアルミニウム管を成形する電磁成形装置。", 6),
        ("ロケットモータの燃焼試験設備。", 11),  # not solid-fuel by itself
    ],
)
def test_civilian_use_of_a_dual_use_word_is_not_evidence(civilian, field_id):
    assert field_id not in _fields(civilian)


@pytest.mark.parametrize(
    "military, field_id",
    [
        ("高出力レーザを照射して飛来するミサイルを無力化する兵器システム。", 6),
        ("戦闘機の機体表面に設けられる電波吸収体。", 1),
        ("潜水艦のバラストタンクに海水を注入する。", 12),
        ("固体推進薬を充填した固体のロケットモータ。", 11),
        ("海上自衛隊のソーナーで魚雷を探知する。", 9),
    ],
)
def test_the_same_word_in_its_field_context_is_evidence(military, field_id):
    assert field_id in _fields(military)


def test_every_field_has_japanese_terms_for_its_english_terms():
    """No field is left to English terms alone: Japanese drafts need their own evidence."""
    for field in RULESET.fields:
        en = [t for t in field.terms if not any(ord(ch) > 0x2FFF for ch in t)]
        ja = [t for t in field.terms if any(ord(ch) > 0x2FFF for ch in t)]
        assert len(ja) >= min(5, len(en)), f"field {field.id}: {len(ja)} Japanese terms for {len(en)} English"
