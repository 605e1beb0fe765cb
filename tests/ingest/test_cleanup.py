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


def _jpo_pdf(tmp_path, jpo_draft, lines_per_page=40):
    from fpdf import FPDF

    head, tail = jpo_draft.split("【発明の概要】\n")
    filler = []
    for k in range(4, 60):
        filler += [f"【{k:04d}】".translate(str.maketrans("0123456789", "０１２３４５６７８９")), f"\u3000実施形態の説明その{k}。飛行装置の構成を述べる。"]
    lines = (head + "【発明の概要】\n" + "\n".join(filler) + "\n" + tail).splitlines()
    pdf = FPDF()
    pdf.add_font("ipag", "", "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf")
    pdf.set_font("ipag", size=10.5)
    pdf.set_auto_page_break(False)
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)]
    for n, chunk in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_xy(120, 6)
        pdf.cell(0, 5, "整理番号：P2024-0001")
        y = 14.0
        for i, line in enumerate(chunk, start=1):
            if i % 5 == 0:
                pdf.set_xy(4, y)
                pdf.cell(8, 6, str(i))
            pdf.set_xy(16, y)
            pdf.cell(0, 6, line)
            y += 6.5
        pdf.set_xy(0, 285)
        pdf.cell(0, 6, f"－{n}－".translate(str.maketrans("0123456789", "０１２３４５６７８９")), align="C")
    path = tmp_path / "jpo.pdf"
    pdf.output(str(path))
    return path, len(pages)


def test_japanese_pdf_furniture_is_removed(tmp_path, jpo_draft):
    path, n_pages = _jpo_pdf(tmp_path, jpo_draft)
    d = read_draft(path)
    assert d.language == "ja" and len(d.pages) == n_pages >= 3
    assert "整理番号" not in d.text
    assert "－１－" not in d.text and "－２－" not in d.text
    assert "【００" not in d.text  # paragraph numbers
    for line in d.text.splitlines():
        assert not line[:1].isdigit(), line  # line numbers
    assert d.claims_text.startswith("【請求項１】")
    assert d.claims_text.endswith("請求項１又は２に記載の飛行装置を用いた監視方法。")
    assert d.title == "飛行装置及び監視方法"
    assert d.abstract.startswith("【課題】")


def test_ligatures_soft_hyphens_and_no_break_spaces_are_normalised():
    (out,) = clean_pages(["The ﬁrst ﬂange is\u00a0con\u00adnected to the\u200b ﬀ stage."])
    assert out == "The first flange is connected to the ff stage."


def test_one_line_pages_that_differ_by_page_number_are_kept():
    pages = [f"Section {n}: the rotor is balanced." for n in range(1, 6)]
    assert clean_pages(pages) == pages
