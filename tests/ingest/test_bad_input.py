"""Every kind of bad input gives a coded IngestError naming the file, within
the time bound, and the next file is still read."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from workbench.errors import IngestError
from workbench.ingest import read_draft

GOOD_LINES = ["Title: Drone", "", "What is claimed is:", "1. A drone comprising a rotor.", "2. The drone of claim 1, wherein the rotor is shrouded."]


def _refused(path: Path, code: str, **kwargs) -> IngestError:
    started = time.monotonic()
    with pytest.raises(IngestError) as exc:
        read_draft(path, **kwargs)
    elapsed = time.monotonic() - started
    assert exc.value.code == code, exc.value.render()
    assert exc.value.path == str(path)
    assert path.name in exc.value.render()
    assert elapsed < 10.0
    return exc.value


@pytest.fixture
def good_pdf(tmp_path, pdf_maker) -> Path:
    return pdf_maker(tmp_path / "good.pdf", [GOOD_LINES])


def test_missing_empty_and_unknown_suffix(tmp_path):
    _refused(tmp_path / "nope.pdf", "E101")
    (tmp_path / "empty.txt").write_bytes(b"")
    _refused(tmp_path / "empty.txt", "E102")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    err = _refused(tmp_path / "photo.jpg", "E103")
    assert ".jpg" in err.message


def test_old_word_file_is_named_as_such(tmp_path):
    p = tmp_path / "old.doc"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert "Word 97-2003" in _refused(p, "E103").message


def test_truncated_pdf_is_e104(tmp_path, good_pdf):
    data = good_pdf.read_bytes()
    p = tmp_path / "cut.pdf"
    p.write_bytes(data[: len(data) // 2])
    assert "truncated" in _refused(p, "E104").message


def test_pdf_with_damaged_body_is_e104(tmp_path, good_pdf):
    data = good_pdf.read_bytes()
    p = tmp_path / "damaged.pdf"
    p.write_bytes(data[:20] + b"\x00garbage" * 200 + data[-30:])
    _refused(p, "E104")


def test_text_named_pdf_is_e104(tmp_path):
    p = tmp_path / "fake.pdf"
    p.write_text("this is not a pdf", encoding="utf-8")
    assert "%PDF" in _refused(p, "E104").message


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_encrypted_pdf_needs_the_right_password(tmp_path, good_pdf, algorithm):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(good_pdf).pages:
        writer.add_page(page)
    writer.encrypt(user_password="s3cret", owner_password="owner", algorithm=algorithm)
    p = tmp_path / f"locked-{algorithm}.pdf"
    with p.open("wb") as fh:
        writer.write(fh)
    _refused(p, "E105")
    _refused(p, "E106", password="wrong")
    d = read_draft(p, password="s3cret")
    assert d.claims_text.startswith("1. A drone comprising a rotor.")


def test_owner_only_encryption_opens_without_asking(tmp_path, good_pdf):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(good_pdf).pages:
        writer.add_page(page)
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    p = tmp_path / "print-protected.pdf"
    with p.open("wb") as fh:
        writer.write(fh)
    assert "1. A drone" in read_draft(p).claims_text


def test_image_only_pdf_is_e107_asking_for_ocr(tmp_path):
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (600, 200), "white")
    ImageDraw.Draw(img).text((10, 80), "1. A drone comprising a rotor.", fill="black")
    pdf = FPDF()
    for _ in range(3):
        pdf.add_page()
        pdf.image(img, x=10, y=10, w=180)
    p = tmp_path / "scan.pdf"
    pdf.output(str(p))
    err = _refused(p, "E107")
    assert "3 page(s)" in err.message
    assert "OCR" in err.hint


def test_scan_with_a_digital_running_header_is_still_e107(tmp_path):
    from fpdf import FPDF
    from PIL import Image

    img = Image.new("RGB", (300, 300), "white")
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.set_font("helvetica", size=9)
    for n in range(1, 5):
        pdf.add_page()
        pdf.cell(0, 6, "Attorney Docket No. 4711-US    CONFIDENTIAL")
        pdf.image(img, x=10, y=20, w=180)
        pdf.set_xy(0, 285)
        pdf.cell(0, 6, f"Page {n} of 4", align="C")
    p = tmp_path / "stamped-scan.pdf"
    pdf.output(str(p))
    assert "OCR" in _refused(p, "E107").hint


def test_zip_that_is_not_a_docx_is_e108(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("photos/a.jpg", b"\xff\xd8")
    p = tmp_path / "draft.docx"
    p.write_bytes(buf.getvalue())
    assert "word/document.xml" in _refused(p, "E108").message
    q = tmp_path / "random.docx"
    q.write_bytes(b"not a zip at all" * 10)
    _refused(q, "E108")


def test_docx_with_broken_document_xml_is_e108(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document><unclosed>")
    p = tmp_path / "broken.docx"
    p.write_bytes(buf.getvalue())
    _refused(p, "E108")


def test_size_limit_is_e111(tmp_path, good_pdf):
    err = _refused(good_pdf, "E111", max_bytes=100)
    assert "100" in err.message


def _many_pages(tmp_path: Path, pdf_maker, n: int) -> Path:
    from pypdf import PdfReader, PdfWriter

    lines = [f"Line {i} of a long specification about rotor blades and their hubs." for i in range(40)]
    one = pdf_maker(tmp_path / "one.pdf", [lines])
    writer = PdfWriter()
    page = PdfReader(one).pages[0]
    for _ in range(n):
        writer.add_page(page)
    p = tmp_path / f"pages-{n}.pdf"
    with p.open("wb") as fh:
        writer.write(fh)
    return p


@pytest.mark.slow
def test_2000_page_pdf_is_read_within_the_time_bound_or_refused_quickly(tmp_path, pdf_maker):
    big = _many_pages(tmp_path, pdf_maker, 2000)
    started = time.monotonic()
    try:
        d = read_draft(big)
    except IngestError as exc:  # refused: must be a limit error, and quick
        assert exc.code in ("E111", "E112")
    else:
        assert len(d.pages) == 2000
    assert time.monotonic() - started < 10.0
    # over the page limit: refused before any page is read
    err = _refused(big, "E111", max_pages=1000)
    assert "2000 pages" in err.message


def test_timeout_is_enforced_between_pages(tmp_path, pdf_maker):
    p = _many_pages(tmp_path, pdf_maker, 200)
    err = _refused(p, "E112", timeout_s=0.05)
    assert err.page is not None and err.page < 200


def test_a_batch_continues_after_each_bad_file(tmp_path, good_pdf):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "cut.pdf").write_bytes(good_pdf.read_bytes()[:300])
    batch = [tmp_path / "empty.txt", tmp_path / "missing.docx", tmp_path / "bin.txt", tmp_path / "cut.pdf", good_pdf]
    codes, drafts = [], []
    for path in batch:
        try:
            drafts.append(read_draft(path))
        except IngestError as exc:
            codes.append(exc.code)
    assert codes == ["E102", "E101", "E110", "E104"]
    assert [d.name for d in drafts] == ["good.pdf"]


def test_docx_zip_bomb_is_refused_before_unpacking(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b" " * 5_000_000)  # compresses to a few KB
    p = tmp_path / "bomb.docx"
    p.write_bytes(buf.getvalue())
    assert p.stat().st_size < 100_000
    err = _refused(p, "E111", max_bytes=1_000_000)
    assert "unpacked" in err.message
