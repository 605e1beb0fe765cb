"""Text encodings are detected, not guessed: every encoding a Japanese or
English draft arrives in is read back exactly and named in Draft.encoding."""

from __future__ import annotations

import codecs

import pytest

from workbench.errors import IngestError
from workbench.ingest import read_draft
from workbench.ingest.encoding import decode_bytes


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-8", "utf-8"),
        ("shift_jis", "shift_jis"),
        ("cp932", "cp932"),
        ("euc_jp", "euc_jp"),
        ("iso2022_jp", "iso2022_jp"),
    ],
)
def test_japanese_draft_in_each_encoding_is_read_back_exactly(tmp_path, encoding, expected, jpo_draft):
    text = jpo_draft
    if encoding == "cp932":
        text += "\n①②③ 髙橋 ～\n"  # CP932-only characters (NEC/IBM extensions) force cp932
    path = tmp_path / f"draft-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    draft = read_draft(path)
    assert draft.encoding == expected
    assert draft.language == "ja"
    assert "無人航空機の機体と" in draft.claims_text
    assert draft.title == "飛行装置及び監視方法"


def test_utf8_bom_and_utf16_boms(tmp_path, jpo_draft):
    for name, data, enc in (
        ("bom8.txt", codecs.BOM_UTF8 + jpo_draft.encode("utf-8"), "utf-8-sig"),
        ("le16.txt", jpo_draft.encode("utf-16"), "utf-16"),
        ("be16.txt", codecs.BOM_UTF16_BE + jpo_draft.encode("utf-16-be"), "utf-16"),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        draft = read_draft(path)
        assert draft.encoding == enc, name
        assert not draft.text.startswith("\ufeff")
        assert draft.text.startswith("【書類名】特許請求の範囲")


def test_utf16_without_bom_is_recognised(tmp_path, jpo_draft):
    for enc in ("utf-16-le", "utf-16-be"):
        for name, text in (("jp", jpo_draft), ("en", "Title: Drone\n\nClaims\n1. A drone.\n")):
            p = tmp_path / f"{name}-{enc}.txt"
            p.write_bytes(text.encode(enc))
            d = read_draft(p)
            assert d.encoding == enc
            assert d.claims_text.startswith("【請求項１】" if name == "jp" else "1. A drone.")


def test_short_shift_jis_text_is_not_mistaken_for_euc():
    # A few kana/kanji: both legacy codecs may decode; the arbiter must pick
    # the one that yields Japanese rather than mojibake.
    for enc in ("shift_jis", "euc_jp"):
        text, found = decode_bytes("請求項１に記載の装置。".encode(enc))
        assert text == "請求項１に記載の装置。"
        assert found == enc


def test_western_legacy_text_with_smart_quotes_is_cp1252():
    data = "The \u201cdevice\u201d of claim 1 \u2013 improved.".encode("cp1252") * 20
    text, enc = decode_bytes(data)
    assert enc == "cp1252"
    assert "\u201cdevice\u201d" in text


def test_binary_garbage_named_txt_is_e110(tmp_path):
    import random

    rnd = random.Random(7)
    path = tmp_path / "garbage.txt"
    path.write_bytes(bytes(rnd.randrange(256) for _ in range(20000)))
    with pytest.raises(IngestError) as exc:
        read_draft(path)
    assert exc.value.code == "E110"
    assert "garbage.txt" in str(exc.value)


def test_undecodable_text_is_e109_naming_what_was_tried(tmp_path):
    # Japanese in UTF-8 and Shift_JIS mixed in one file: no single encoding
    # decodes it, and it is not mostly ASCII, so nothing is guessed.
    data = ("請求項１に記載の装置。" * 5).encode("utf-8") + ("特許請求の範囲" * 5).encode("shift_jis")
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    with pytest.raises(IngestError) as exc:
        read_draft(path)
    assert exc.value.code == "E109"
    assert "mixed.txt" in str(exc.value)
    assert "shift_jis" in exc.value.message and "euc_jp" in exc.value.message
