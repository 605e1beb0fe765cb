"""Format by magic bytes (not only the suffix), language by script, hash of the bytes."""

from __future__ import annotations

import hashlib

import pytest
from docx import Document

from workbench.errors import IngestError
from workbench.ingest import SUPPORTED_SUFFIXES, draft_from_text, read_draft
from workbench.ingest.detect import language_of

CLAIMS = ["What is claimed is:", "1. A drone comprising a rotor."]


def test_supported_suffixes():
    assert {".pdf", ".docx", ".txt", ".md", ".xml"} <= set(SUPPORTED_SUFFIXES)


def test_pdf_named_txt_is_read_as_pdf(tmp_path, pdf_maker):
    real = pdf_maker(tmp_path / "a.pdf", [CLAIMS])
    wrong = tmp_path / "draft.txt"
    wrong.write_bytes(real.read_bytes())
    d = read_draft(wrong)
    assert d.format == "pdf"
    assert d.claims_text == "1. A drone comprising a rotor."


def test_docx_named_txt_or_without_suffix_is_read_as_docx(tmp_path):
    doc = Document()
    for line in CLAIMS:
        doc.add_paragraph(line)
    for name in ("draft.txt", "draft"):
        p = tmp_path / name
        doc.save(p)
        d = read_draft(p)
        assert d.format == "docx", name
        assert d.claims_text == "1. A drone comprising a rotor."


def test_pdf_named_docx_is_read_as_pdf(tmp_path, pdf_maker):
    real = pdf_maker(tmp_path / "a.pdf", [CLAIMS])
    p = tmp_path / "draft.docx"
    p.write_bytes(real.read_bytes())
    assert read_draft(p).format == "pdf"


def test_sha256_is_of_the_file_bytes(tmp_path):
    p = tmp_path / "d.txt"
    p.write_bytes("Title: X\n\nClaims\n1. A thing.\n".encode("utf-8"))
    assert read_draft(p).sha256 == hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A drone comprising a rotor and a camera.", "en"),
        ("An English draft titled 無人機 about drones, rotors, cameras and batteries in flight.", "en"),
        ("本発明は、ＬｉＤＡＲ（Light Detection and Ranging）を用いた無人航空機に関する。", "ja"),
        ("請求項１に記載の装置であって、前記センサはCMOSイメージセンサである装置。", "ja"),
    ],
)
def test_language_by_script(text, lang):
    assert language_of(text) == lang


def test_draft_from_text_without_any_text_is_e113():
    with pytest.raises(IngestError) as exc:
        draft_from_text(" \n\f\n ", source_path="blank.txt")
    assert exc.value.code == "E113"
    assert "blank.txt" in str(exc.value)
