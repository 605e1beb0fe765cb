"""Running headers, footers, page numbers, line numbers and paragraph numbers
never leak into the text (and so never into claim text)."""

from __future__ import annotations

from workbench.ingest import draft_from_text, read_draft
from workbench.ingest.cleanup import clean_pages, remove_paragraph_numbers

CLAIM_LINES = [
    "What is claimed is:",
    "1. A sensor comprising a housing and a lens mounted",
    "in the housing, the lens focusing light onto a detector.",
    "2. The sensor of claim 1, wherein the detector is cooled.",
]


WORDS = "housing window lens detector mirror shutter filter mount bracket cable".split()


def _description_page(k: int) -> list[str]:
    return [f"[{3 * k + 1:04d}] Paragraph {3 * k + 1} describes the sensor housing in detail."] + [
        f"The {WORDS[(j + k) % 10]} is next to the {WORDS[(j * k) % 10]} on line {j} of page {k}." for j in range(2, 26)
    ]


def test_pdf_header_footer_and_line_numbers_are_removed(tmp_path, pdf_maker):
    pages = [_description_page(k) for k in range(1, 4)] + [CLAIM_LINES]
    path = pdf_maker(tmp_path / "furniture.pdf", pages, header="Attorney Docket No. 1234-US", footer=True, line_numbers=True)
    d = read_draft(path)
    assert len(d.pages) == 4
    assert "Attorney Docket" not in d.text
    assert "- 2 -" not in d.text and "- 4 -" not in d.text
    assert "[0007]" not in d.text
    # the line-number column (5, 10) is gone from every description page ...
    for p in d.pages[:3]:
        page_lines = d.text[p.start : p.end].splitlines()
        assert not any(ln.strip() in {"5", "10", "15", "20", "25"} for ln in page_lines)
        assert not any(ln.startswith(("5 ", "10 ", "15 ", "20 ", "25 ")) for ln in page_lines)
    # ... and the claims read clean
    assert d.claims_text == "\n".join(CLAIM_LINES[1:])
    # page spans point at the right page
    assert d.page_of(d.claims_offset) == 4
    assert d.page_of(d.text.index("Paragraph 7 describes")) == 2


def test_reference_numerals_at_line_starts_are_not_taken_for_line_numbers():
    page = "The frame\n10 is attached to the arm\n12 which holds\n14 the camera.\n"
    (out,) = clean_pages([page])
    assert out == page.strip()


def test_page_number_variants_at_page_edges():
    pages = [f"Page {n} of 3\nBody text of page {n}.\nMore text {n}.\n{n}" for n in (1, 2, 3)]
    out = clean_pages(pages)
    assert out == [f"Body text of page {n}.\nMore text {n}." for n in (1, 2, 3)]


def test_paragraph_numbers_in_both_styles_are_removed_but_claim_labels_stay():
    text = "[0001] First.\n[0002]. Second.\n【０００３】\n　第三。\n【請求項１】\n　装置。\n[claim 1] stays\n"
    out = remove_paragraph_numbers(text)
    assert out == "First.\nSecond.\n\n　第三。\n【請求項１】\n　装置。\n[claim 1] stays\n"


def test_paragraph_numbers_do_not_leak_into_claims_text():
    d = draft_from_text("Gadget\n\n[0001] A gadget.\n\nClaims\n[0002] 1. A gadget.\n[0003] 2. The gadget of claim 1.\n")
    assert d.claims_text == "1. A gadget.\n2. The gadget of claim 1."


def test_two_margin_numbers_five_lines_apart_on_a_short_page():
    lines = [f"text line {i} of the short page" for i in range(1, 12)]
    lines[4] = "5 " + lines[4]
    lines[9] = "10 " + lines[9]
    (out,) = clean_pages(["\n".join(lines)])
    assert out.splitlines()[4] == "text line 5 of the short page"
    assert out.splitlines()[9] == "text line 10 of the short page"


def test_consecutive_line_numbering_is_removed_from_text_pages():
    body = [f"{i} line {i} of a numbered draft about a valve" for i in range(1, 11)]
    (out,) = clean_pages(["\n".join(body)])
    assert out.splitlines()[0] == "line 1 of a numbered draft about a valve"
    assert all(not ln[0].isdigit() for ln in out.splitlines())
