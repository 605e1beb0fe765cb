"""DOCX drafts: Word auto-numbering is reconstructed as "1." labels, tables
are read row by row, page breaks become pages."""

from __future__ import annotations

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from workbench.ingest import read_draft
from workbench.ingest.docx import format_number


def test_auto_numbered_claims_get_their_labels_back(tmp_path):
    doc = Document()
    doc.add_heading("Rotor guard", level=0)
    doc.add_paragraph("A guard for drone rotors is described.")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_paragraph("What is claimed is:")
    for text in ("A rotor guard comprising a ring.", "The rotor guard of claim 1, wherein the ring is carbon.", "A drone with the rotor guard of claim 2."):
        doc.add_paragraph(text, style="List Number")
    p = tmp_path / "numbered.docx"
    doc.save(p)
    d = read_draft(p)
    assert d.format == "docx"
    assert d.title == "Rotor guard"
    assert d.claims_text.splitlines() == [
        "1. A rotor guard comprising a ring.",
        "2. The rotor guard of claim 1, wherein the ring is carbon.",
        "3. A drone with the rotor guard of claim 2.",
    ]
    assert len(d.pages) == 2
    assert d.page_of(d.claims_offset) == 2


def _numbered(paragraph, num_id: int, ilvl: int = 0) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    lvl = OxmlElement("w:ilvl")
    lvl.set(qn("w:val"), str(ilvl))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    num_pr.append(lvl)
    num_pr.append(nid)
    p_pr.append(num_pr)


def test_direct_numbering_with_start_override_and_sub_levels(tmp_path):
    doc = Document()
    numbering = doc.part.numbering_part.element
    # a new list instance over the List Number definition, starting at 7
    style_num = doc.styles["List Number"].element.pPr.numPr.numId.val
    abstract_id = next(n for n in numbering.iter(qn("w:num")) if n.get(qn("w:numId")) == str(style_num)).find(qn("w:abstractNumId")).get(qn("w:val"))
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "99")
    an = OxmlElement("w:abstractNumId")
    an.set(qn("w:val"), abstract_id)
    num.append(an)
    ov = OxmlElement("w:lvlOverride")
    ov.set(qn("w:ilvl"), "0")
    so = OxmlElement("w:startOverride")
    so.set(qn("w:val"), "7")
    ov.append(so)
    num.append(ov)
    numbering.append(num)
    doc.add_paragraph("Claims")
    for t in ("A hull.", "The hull of claim 7, made of steel."):
        _numbered(doc.add_paragraph(t), 99)
    d = read_draft(_save(doc, tmp_path / "start7.docx"))
    assert d.claims_text.splitlines() == ["7. A hull.", "8. The hull of claim 7, made of steel."]


def test_tables_are_read_row_by_row_in_document_order(tmp_path):
    doc = Document()
    doc.add_paragraph("Alloy table")
    doc.add_paragraph("[0001] The alloys are:")
    table = doc.add_table(rows=3, cols=2)
    for r, (a, b) in enumerate((("Element", "wt%"), ("Ti", "90"), ("Al", "6"))):
        table.cell(r, 0).text, table.cell(r, 1).text = a, b
    doc.add_paragraph("Claims")
    doc.add_paragraph("1. An alloy of titanium.")
    d = read_draft(_save(doc, tmp_path / "table.docx"))
    assert "The alloys are:\nElement | wt%\nTi | 90\nAl | 6\nClaims" in d.text
    assert d.claims_text == "1. An alloy of titanium."


def test_japanese_docx_with_typed_claim_labels(tmp_path, jpo_draft):
    doc = Document()
    for line in jpo_draft.splitlines():
        doc.add_paragraph(line)
    d = read_draft(_save(doc, tmp_path / "jp.docx"))
    assert d.language == "ja"
    assert d.claims_text.startswith("【請求項１】")
    assert "【０００１】" not in d.text


def test_number_formats():
    assert [format_number(n, "decimal") for n in (1, 12)] == ["1", "12"]
    assert format_number(3, "lowerLetter") == "c"
    assert format_number(4, "upperRoman") == "IV"
    assert format_number(12, "decimalFullWidth") == "１２"


def _save(doc, path):
    doc.save(path)
    return path


def _run(text: str):
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.append(t)
    return r


def test_tracked_changes_are_read_accepted_and_content_controls_included(tmp_path):
    doc = Document()
    doc.add_paragraph("Claims")
    p = doc.add_paragraph()
    p._p.append(_run("1. A drone comprising "))
    ins = OxmlElement("w:ins")
    ins.set(qn("w:id"), "1")
    ins.set(qn("w:author"), "Attorney")
    ins.append(_run("a shrouded "))
    p._p.append(ins)
    dele = OxmlElement("w:del")
    dele.set(qn("w:id"), "2")
    dele.set(qn("w:author"), "Attorney")
    r = OxmlElement("w:r")
    dt = OxmlElement("w:delText")
    dt.text = "an open "
    r.append(dt)
    dele.append(r)
    p._p.append(dele)
    sdt = OxmlElement("w:sdt")
    content = OxmlElement("w:sdtContent")
    content.append(_run("rotor."))
    sdt.append(content)
    p._p.append(sdt)
    d = read_draft(_save(doc, tmp_path / "tracked.docx"))
    assert d.claims_text == "1. A drone comprising a shrouded rotor."


def test_paragraphs_inside_block_content_controls_are_read(tmp_path):
    doc = Document()
    doc.add_paragraph("Claims")
    claim = doc.add_paragraph("1. A hull of titanium.")
    body = claim._p.getparent()
    sdt = OxmlElement("w:sdt")
    content = OxmlElement("w:sdtContent")
    sdt.append(content)
    body.replace(claim._p, sdt)
    content.append(claim._p)
    d = read_draft(_save(doc, tmp_path / "sdt.docx"))
    assert d.claims_text == "1. A hull of titanium."
