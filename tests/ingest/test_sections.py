"""Sections of EN (US/PCT style) and JA (JPO format) drafts are found, and
claims_text is exactly the claims section, located by claims_offset."""

from __future__ import annotations

import pytest

from workbench.ingest import draft_from_text
from workbench.messages import ingest as N
from workbench.messages import msg


def test_jpo_format_sections(jpo_draft):
    d = draft_from_text(jpo_draft, source_path="jpo.txt")
    assert d.language == "ja"
    assert d.title == "飛行装置及び監視方法"
    assert d.claims_text.startswith("【請求項１】")
    assert d.claims_text.rstrip().endswith("請求項１又は２に記載の飛行装置を用いた監視方法。")
    assert "【書類名】明細書" not in d.claims_text
    assert d.text[d.claims_offset : d.claims_offset + len(d.claims_text)] == d.claims_text
    assert d.technical_field == "本発明は、無人航空機を用いた飛行装置に関する。"
    assert d.abstract.startswith("【課題】監視の精度を高める。")
    assert "【選択図】" not in d.abstract
    assert "従来、無人航空機による監視" in d.description
    assert "【請求項" not in d.description
    # paragraph numbers never survive
    assert "【０００１】" not in d.text and "【０００２】" not in d.text


def test_jpo_ipc_codes_are_collected_and_normalised(jpo_draft):
    text = "【書類名】特許願\n【国際特許分類】Ｂ６４Ｃ　３９／０２\n　　　　　　　　Ｇ０６Ｔ　７／００\n" + jpo_draft
    text = text.replace("【国際特許分類】Ｂ６４Ｃ　３９／０２\n　　　　　　　　Ｇ０６Ｔ　７／００", "【国際特許分類】Ｂ６４Ｃ　３９／０２、Ｇ０６Ｔ　７／００")
    d = draft_from_text(text)
    assert d.ipc_codes == ("B64C 39/02", "G06T 7/00")


def test_jpo_claims_without_document_heading_start_at_claim_one():
    text = "【発明の名称】装置\n説明文です。\n【請求項１】\n　装置。\n【請求項２】\n　請求項１に記載の装置。\n"
    d = draft_from_text(text)
    assert d.claims_text.startswith("【請求項１】")
    assert d.claims_text.endswith("請求項１に記載の装置。")
    assert d.title == "装置"


@pytest.mark.parametrize(
    "heading",
    [
        "What is claimed is:",
        "WHAT IS CLAIMED IS:",
        "Claims",
        "CLAIMS",
        "I claim:",
        "We claim:",
        "The invention claimed is:",
        "What we claim is:",
        "Claims:",
    ],
)
def test_english_claims_heading_variants(en_draft, heading):
    d = draft_from_text(en_draft.format(heading=heading), source_path="en.txt")
    assert d.language == "en"
    assert d.claims_text.startswith("1. An unmanned aerial vehicle"), heading
    assert d.claims_text.endswith("using the vehicle of claim 1."), heading  # stops at ABSTRACT
    assert d.text[d.claims_offset :].startswith(d.claims_text)
    assert d.title == "Unmanned aerial vehicle with thermal camera"
    assert d.technical_field == "The present disclosure relates to unmanned aerial vehicles."
    assert d.abstract == "A drone carries a thermal camera for inspection."
    assert "Background text that is not a claim." in d.description
    assert heading not in d.description
    assert "[0001]" not in d.text


def test_claims_heading_on_the_same_line_as_claim_one(en_draft):
    d = draft_from_text(en_draft.format(heading="What is claimed is: ").replace("is: \n1.", "is: 1."))
    assert d.claims_text.startswith("1. An unmanned aerial vehicle")


def test_word_claims_in_the_description_is_not_a_heading():
    text = (
        "Drone\n\nThis application claims priority to an earlier application.\n"
        "The claims below define the invention.\n\nClaims\n\n1. A drone.\n2. The drone of claim 1.\n"
    )
    d = draft_from_text(text)
    assert d.claims_text == "1. A drone.\n2. The drone of claim 1."


def test_first_heading_line_is_the_title_and_field_of_the_invention_variant():
    text = (
        "SYSTEM FOR TRACKING MISSILES\n\nBACKGROUND OF THE INVENTION\n1. Field of the Invention\n"
        "The invention relates to radar tracking.\n2. Description of the Related Art\nRadars exist.\n\n"
        "The invention claimed is:\n1. A radar system.\n"
    )
    d = draft_from_text(text)
    assert d.title == "SYSTEM FOR TRACKING MISSILES"
    assert d.technical_field == "The invention relates to radar tracking."
    assert d.claims_text == "1. A radar system."


def test_no_claims_heading_falls_back_to_numbered_claims_and_says_so():
    text = "Widget\n\nA widget is described here.\n\n1. A widget comprising a lever.\n2. The widget of claim 1, wherein the lever is steel.\n"
    d = draft_from_text(text)
    assert d.claims_text.startswith("1. A widget comprising a lever.")
    assert msg(N.N101) in d.notes


def test_missing_claims_is_reported_in_notes_not_raised():
    d = draft_from_text("Just a memo about drones.\nNothing claimed here.\n")
    assert d.claims_text == ""
    assert msg(N.N103) in d.notes


def test_english_ipc_label_is_collected():
    d = draft_from_text("Int. Cl.7: G06F 17/60; H04L 9/32\nTitle: Payments\n\nClaims\n1. A method.\n")
    assert d.ipc_codes == ("G06F 17/60", "H04L 9/32")


def test_markdown_headings_are_read(tmp_path):
    from workbench.ingest import read_draft

    p = tmp_path / "draft.md"
    p.write_text("# Drone camera\n\n## Technical Field\n\nCameras on drones.\n\n## Claims\n\n1. A drone camera.\n", encoding="utf-8")
    d = read_draft(p)
    assert d.title == "Drone camera"
    assert d.technical_field == "Cameras on drones."
    assert d.claims_text == "1. A drone camera."
    assert "#" not in d.text


def test_abstract_placed_first_is_one_paragraph_and_not_the_description():
    text = (
        "Rotor guard\n\nAbstract\nA guard surrounds the rotor.\n\n"
        "The guard of the present disclosure is made of carbon fibre and protects people.\n\n"
        "What is claimed is:\n1. A rotor guard.\n"
    )
    d = draft_from_text(text)
    assert d.abstract == "A guard surrounds the rotor."
    assert d.description == "The guard of the present disclosure is made of carbon fibre and protects people."
    assert d.claims_text == "1. A rotor guard."


def test_title_skips_front_matter_lines():
    text = (
        "Attorney Docket No. 1234-US\nUNITED STATES PATENT APPLICATION\nSPECIFICATION\n\n"
        "Thermal camera gimbal\n\nCLAIMS\n1. A gimbal.\n"
    )
    assert draft_from_text(text).title == "Thermal camera gimbal"
