"""Fixtures for the ingest tests: small drafts written for the tests (the
Japanese ones, since no real Japanese patent text is available here) and the
real USPTO publications rendered as drafter files."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# benchmarks/ (the corpus renderer) is a top-level package of the repo, not installed
_ROOT = str(Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

JPO_DRAFT = """\
【書類名】特許請求の範囲
【請求項１】
　無人航空機の機体と、前記機体に搭載された撮像部と、を備える飛行装置。
【請求項２】
　前記撮像部は赤外線センサを含む、請求項１に記載の飛行装置。
【請求項３】
　請求項１又は２に記載の飛行装置を用いた監視方法。
【書類名】明細書
【発明の名称】飛行装置及び監視方法
【技術分野】
【０００１】
　本発明は、無人航空機を用いた飛行装置に関する。
【背景技術】
【０００２】
　従来、無人航空機による監視が知られている。
【発明の概要】
【０００３】
　本発明は監視の精度を高める。
【書類名】要約書
【要約】
【課題】監視の精度を高める。
【解決手段】機体と撮像部とを備える飛行装置。
【選択図】図１
"""

JPO_IPC_HEADER = "【国際特許分類】Ｂ６４Ｃ　３９／０２\n"

EN_DRAFT = """\
Title: Unmanned aerial vehicle with thermal camera

TECHNICAL FIELD
[0001] The present disclosure relates to unmanned aerial vehicles.

BACKGROUND
[0002] Drones are used for inspection. Background text that is not a claim.

DETAILED DESCRIPTION
[0003] FIG. 1 shows a drone 10 with a camera 12.

{heading}
1. An unmanned aerial vehicle comprising a frame and a thermal camera.
2. The vehicle of claim 1, wherein the camera is cooled.
3. A method of inspecting a structure using the vehicle of claim 1.

ABSTRACT
A drone carries a thermal camera for inspection.
"""


@pytest.fixture(scope="session")
def corpus(shared_data: Path):
    """The real USPTO set rendered as TXT/DOCX/PDF (cached between runs)."""
    from benchmarks.corpus import default_cache_dir, render_corpus

    return render_corpus(shared_data, default_cache_dir())


@pytest.fixture
def jpo_draft() -> str:
    return JPO_DRAFT


@pytest.fixture
def en_draft() -> str:
    return EN_DRAFT


def make_pdf(path: Path, pages: list[list[str]], *, header: str | None = None, footer: bool = False,
             line_numbers: bool = False) -> Path:
    """A text PDF: each page a list of lines; optional running header, "Page N"
    footer and a 5, 10, 15 ... line-number column in the left margin."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_font("helvetica", size=10)
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        if header:
            pdf.set_xy(20, 8)
            pdf.cell(0, 6, header)
        y = 20.0
        for i, line in enumerate(lines, start=1):
            if line_numbers and i % 5 == 0:
                pdf.set_xy(4, y)
                pdf.cell(10, 6, str(i))
            pdf.set_xy(20, y)
            pdf.cell(0, 6, line)
            y += 6
        if footer:
            pdf.set_xy(0, 285)
            pdf.cell(0, 6, f"- {number} -", align="C")
    pdf.output(str(path))
    return path


@pytest.fixture
def pdf_maker():
    return make_pdf
