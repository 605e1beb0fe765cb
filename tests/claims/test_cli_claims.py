"""`workbench claims FILE [--json]`: output contract and coded errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.cli.main import main

EXAMPLES = Path(__file__).resolve().parents[2] / "workbench" / "examples"


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


EN_DRAFT = """Folding lamp

Abstract
A lamp that folds.

What is claimed is:

1. A lamp comprising: a base; and a shade.

2. The lamp of claim 1, wherein the base is heavy.

3. A method of folding the lamp of claim 1, comprising pressing the shade.
"""


def test_json_output_is_one_object_with_the_contract_keys(tmp_path, capsys) -> None:
    path = _write(tmp_path, "lamp.txt", EN_DRAFT)
    assert main(["claims", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)  # exactly one JSON document, nothing else on stdout
    assert out["language"] == "en"
    assert isinstance(out["title"], str)
    assert out["file"] == str(path)
    assert len(out["sha256"]) == 64
    claims = out["claims"]
    assert [c["number"] for c in claims] == [1, 2, 3]
    assert [c["independent"] for c in claims] == [True, False, False]
    assert [c["depends_on"] for c in claims] == [[], [1], [1]]
    assert [c["category"] for c in claims] == ["apparatus", "apparatus", "method"]
    for c in claims:
        assert set(c) >= {"number", "text", "independent", "depends_on", "category", "parts", "preamble", "transition"}
        assert isinstance(c["text"], str) and not c["text"].startswith(str(c["number"]))
    assert claims[0]["transition"] == "comprising"
    assert out["tree"]["1"] == [2, 3]


def test_japanese_shift_jis_example(capsys) -> None:
    """The bundled JPO-format example (Shift_JIS) - written for the project, not a real filing."""
    assert main(["claims", str(EXAMPLES / "draft_ja_quantum_dot_detector.txt"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["language"] == "ja"
    assert [(c["number"], c["depends_on"]) for c in out["claims"]] == [(1, []), (2, [1]), (3, [1, 2]), (4, [1, 2, 3])]
    assert [p["kind"] for p in out["claims"][3]["parts"]] == ["zentei", "tokucho"]


def test_text_output_shows_claims_and_tree(tmp_path, capsys) -> None:
    path = _write(tmp_path, "lamp.txt", EN_DRAFT)
    assert main(["claims", str(path)]) == 0
    out = capsys.readouterr().out
    assert "3 claim(s), 1 independent" in out
    assert "Claim tree:" in out
    assert "├─ 2 [apparatus]" in out and "└─ 3 [method]" in out
    assert "2. [apparatus; depends on 1]" in out


def test_draft_without_claims_is_a_coded_error(tmp_path, capsys) -> None:
    path = _write(tmp_path, "notes.txt", "Meeting notes\n\nWe talked about lamps. Nothing was claimed.\n")
    assert main(["claims", str(path), "--json"]) == 2
    captured = capsys.readouterr()
    assert "[E201]" in captured.err and str(path) in captured.err
    assert captured.out == ""


@pytest.mark.parametrize(("name", "data", "code"), [("missing.txt", None, "E101"), ("empty.txt", b"", "E102")])
def test_unreadable_files_give_ingest_codes(tmp_path, capsys, name, data, code) -> None:
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    assert main(["claims", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"[{code}]" in err and "Traceback" not in err


def _encrypted_pdf(path: Path, password: str) -> Path:
    from fpdf import FPDF
    from pypdf import PdfReader, PdfWriter

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in EN_DRAFT.splitlines():
        pdf.multi_cell(0, 6, line or " ", new_x="LMARGIN", new_y="NEXT")
    plain = path.with_suffix(".plain.pdf")
    pdf.output(str(plain))
    writer = PdfWriter()
    for page in PdfReader(str(plain)).pages:
        writer.add_page(page)
    writer.encrypt(password)
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def test_encrypted_pdf_needs_the_password(tmp_path, capsys) -> None:
    path = _encrypted_pdf(tmp_path / "locked.pdf", "s3cret")
    assert main(["claims", str(path)]) == 2
    assert "[E105]" in capsys.readouterr().err
    assert main(["claims", str(path), "--password", "wrong"]) == 2
    assert "[E106]" in capsys.readouterr().err
    assert main(["claims", str(path), "--password", "s3cret", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(c["number"], c["depends_on"]) for c in out["claims"]] == [(1, []), (2, [1]), (3, [1])]


def test_claims_of_a_folder_says_it_is_a_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert main(["claims", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "[E901]" in err and str(tmp_path) in err and "フォルダーです" in err and "workbench triage" in err
    assert "存在しない" not in err


def test_a_truncated_docx_reads_in_japanese(tmp_path, capsys, monkeypatch):
    from docx import Document

    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    whole = tmp_path / "whole.docx"
    doc = Document()
    doc.add_paragraph("【請求項１】弾頭を備える無人航空機。")
    doc.save(whole)
    cut = tmp_path / "cut.docx"
    cut.write_bytes(whole.read_bytes()[:4000])  # a copy interrupted half-way
    assert main(["claims", str(cut)]) == 2
    err = capsys.readouterr().err
    assert "[E108]" in err and str(cut) in err and "途中で切れている" in err
    assert "not a valid ZIP" not in err
