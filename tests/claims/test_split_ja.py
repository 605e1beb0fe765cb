"""Japanese (JPO format) claims.

No real Japanese patent text is available on this machine (see
../shared/data/README.md): every Japanese claim set here is written for the
tests in the JPO filing format (【請求項１】, full-width digits, 請求項…に記載の).
"""

from __future__ import annotations

import pytest

from workbench.claims import split_claims
from workbench.messages import claims as N

JPO = """【書類名】特許請求の範囲
【請求項１】
　機体と、前記機体に取り付けられたプロペラと、を備えることを特徴とする無人航空機。
【請求項２】
　前記プロペラは、４枚の羽根を有することを特徴とする請求項１に記載の無人航空機。
【請求項３】
　前記機体は、炭素繊維からなる請求項１又は２に記載の無人航空機。
【請求項４】
　請求項１～３のいずれか一項に記載の無人航空機において、
　前記機体に搭載されたカメラを更に備えることを特徴とする無人航空機。
【請求項５】
　請求項1乃至3のいずれか1項に記載の無人航空機を用いた測量方法であって、
　前記無人航空機を飛行させる工程と、画像を取得する工程と、を含む測量方法。
【請求項６】
　コンピュータに、請求項５に記載の測量方法の各工程を実行させるためのプログラム。
【請求項７】
　地上局と、通信部とを備える管制システムであって、
　前記通信部は、請求項２に記載の構成を要しない管制システム。
【書類名】明細書
【発明の名称】無人航空機
【０００１】
　本発明は無人航空機に関する。【請求項８】という記載は明細書にある。
"""


@pytest.fixture(scope="module")
def claim_set():
    return split_claims(JPO, "ja")


def test_claim_numbers_and_text(claim_set) -> None:
    assert [c.number for c in claim_set.claims] == [1, 2, 3, 4, 5, 6, 7]
    first = claim_set.by_number(1)
    assert first.text.startswith("機体と")
    assert "【" not in first.text and "請求項１】" not in first.text
    assert "明細書" not in claim_set.by_number(7).text  # the description after the claims is cut off
    for c in claim_set.claims:
        assert JPO[c.start : c.end] == c.text


@pytest.mark.parametrize(
    ("number", "depends_on"),
    [
        (1, ()),
        (2, (1,)),  # 請求項１に記載の (full-width digit)
        (3, (1, 2)),  # 請求項１又は２に記載の
        (4, (1, 2, 3)),  # 請求項１～３のいずれか一項に記載の
        (5, (1, 2, 3)),  # 請求項1乃至3のいずれか1項に記載の (ASCII digits)
        (6, (5,)),  # reference in the closing subject phrase
        (7, (2,)),  # 請求項２に記載の in the 特徴部 body: a claim that cites another depends on it
    ],
)
def test_dependencies(claim_set, number: int, depends_on: tuple[int, ...]) -> None:
    assert claim_set.by_number(number).depends_on == depends_on
    assert claim_set.by_number(number).independent == (not depends_on)


def test_zentei_and_tokucho(claim_set) -> None:
    c4 = claim_set.by_number(4)
    kinds = [p.kind for p in c4.parts]
    assert kinds == ["zentei", "tokucho"]
    assert c4.parts[0].text.endswith("無人航空機において、")
    assert c4.parts[1].text.startswith("前記機体に搭載された")
    assert c4.preamble == "請求項１～３のいずれか一項に記載の無人航空機"
    assert c4.transition == "において"
    c7 = claim_set.by_number(7)
    assert c7.transition == "であって"
    assert c7.parts[0].text == "地上局と、通信部とを備える管制システムであって、"
    for c in claim_set.claims:
        for p in c.parts:
            assert c.text[p.start : p.end] == p.text


def test_characterising_clause_without_preamble_is_all_tokucho(claim_set) -> None:
    c1 = claim_set.by_number(1)
    assert [p.kind for p in c1.parts] == ["tokucho"]
    assert c1.transition == "を特徴とする"


@pytest.mark.parametrize(
    ("number", "category"),
    [(1, "apparatus"), (2, "apparatus"), (5, "method"), (6, "program"), (7, "system")],
)
def test_categories(claim_set, number: int, category: str) -> None:
    assert claim_set.by_number(number).category == category


@pytest.mark.parametrize(
    ("subject", "category"),
    [("赤外線受光素子", "apparatus"), ("医薬組成物", "composition"), ("制御プログラムを記録した記録媒体", "program"), ("化合物の使用", "use")],
)
def test_categories_from_the_closing_subject(subject: str, category: str) -> None:
    cs = split_claims(f"【請求項１】\nＡとＢとを備える{subject}。\n", "ja")
    assert cs.claims[0].category == category


def test_the_bundled_ir_seeker_claims_a_product() -> None:
    """The bundled JPO-format draft (Shift_JIS): 【請求項１】…を備えることを特徴とする赤外線シーカ。 is a product
    claim; シーカ is in no suffix list, and claim 1 was typed "other" (its dependants 2 and 3 with it)."""
    from workbench.claims import extract_claims
    from workbench.ingest import read_draft
    from workbench.resources import examples_dir

    cs = extract_claims(read_draft(examples_dir() / "draft_ja_ir_seeker.txt"))
    assert cs.language == "ja"
    c1 = cs.by_number(1)
    assert c1.independent and c1.text.rstrip().rstrip("。").endswith("赤外線シーカ")
    assert [c.category for c in cs.claims] == ["apparatus"] * 4


@pytest.mark.parametrize(
    ("claim", "category"),
    [("Ａを備える赤外線シーカ。", "apparatus"),  # a thing no list names: a product, as in English
     ("Ａを加熱する工程と、Ｂを冷却する工程と、を含むシーカの製造方法。", "method"),
     ("Ａを加熱する工程と、Ｂを冷却する工程と、を含む。", "other")],  # no claimed subject: nothing to default
)
def test_an_unlisted_subject_is_a_product(claim: str, category: str) -> None:
    cs = split_claims(f"【請求項１】\n{claim}\n", "ja")
    assert cs.claims[0].category == category


def test_later_reference_is_noted_not_crashed() -> None:
    cs = split_claims("【請求項１】\n請求項２に記載の装置。\n【請求項２】\nＡを備える装置。\n", "ja")
    assert cs.by_number(1).independent
    note = next(n for n in cs.notes if getattr(n, "code", None) == "W201")
    assert note.render("ja") == "[E202] 請求項1が、それより前にない請求項2を引用しています（この引用は無視しました）"


def test_half_width_bracket_and_ascii_digits() -> None:
    cs = split_claims("[請求項1]\nAを備える装置。\n[請求項2]\n請求項1に記載の装置であって、Bを備える装置。\n", "ja")
    assert [(c.number, c.depends_on) for c in cs.claims] == [(1, ()), (2, (1,))]


def test_deleted_claim_is_left_out() -> None:
    cs = split_claims("【請求項１】\nＡを備える装置。\n【請求項２】（削除）\n【請求項３】\n請求項１に記載の装置。\n", "ja")
    assert [(c.number, c.depends_on) for c in cs.claims] == [(1, ()), (3, (1,))]


def test_locative_niokite_in_the_body_is_not_a_zentei() -> None:
    """「飛行中において、」 is a locative inside the body; the closing reference still decides."""
    cs = split_claims(
        "【請求項１】\nＡを備える無人航空機。\n【請求項２】\n前記制御部は、飛行中において、前記プロペラを停止する請求項１に記載の無人航空機。\n", "ja"
    )
    c2 = cs.by_number(2)
    assert c2.depends_on == (1,)
    assert "zentei" not in [p.kind for p in c2.parts]
