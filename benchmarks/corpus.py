"""Render the real USPTO publications as a drafter's files (TXT, DOCX, PDF).

Golden tests and benchmarks compare what the workbench reads back from these
files with the office's own claim structure (``<claim-ref>`` markup). Each
publication becomes:

- ``.txt``: title, description paragraphs numbered [0001]..., "What is claimed
  is:", each claim its own paragraph ("1. ..."; claim elements indented on
  their own lines), then "Abstract" on the last page;
- ``.docx``: the same with Word headings, claims as Word auto-numbered list
  paragraphs when they run 1..N (so the reader must reconstruct "1." labels),
  typed labels otherwise (e.g. "1-18. (canceled)"), a page break before the
  claims and before the abstract;
- ``.pdf``: the same laid out by fpdf2 with a running header "Attorney Docket
  No. ..." and "Page N of M" footer, so header/footer cleanup is exercised.

Files are cached in ``out_dir`` by a hash of the XML bytes and the renderer
version; rendering again is a no-op.

    python -m benchmarks.corpus [OUT_DIR]   # renders and prints the list
"""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from workbench.ingest.uspto_xml import Publication, ground_truth_claims, has_dependency_markup, parse_publication

RENDER_VERSION = "corpus-v1"
_FONT_DIRS = ("/usr/share/fonts/truetype/dejavu",)
_CJK_FONTS = ("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf", "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf")


@dataclass(frozen=True)
class CorpusDoc:
    name: str
    xml: Path
    txt: Path
    docx: Path
    pdf: Path
    truth: list[tuple[int, tuple[int, ...]]]
    # False when the XML has no dependency markup although claims cite other
    # claims (pap 2001 sample): its claim COUNT is ground truth, its links are not.
    deps_marked: bool = True


def docket_of(pub: Publication) -> str:
    return f"Attorney Docket No. WB-{(pub.doc_number or 'X')[-6:]}-US"


# -- text ------------------------------------------------------------------------
def _description_lines(pub: Publication) -> list[str]:
    out: list[str] = []
    n = 0
    for kind, text in pub.description:
        if kind == "heading":
            out += [text.upper(), ""]
        else:
            n += 1
            out += [f"[{n:04d}] {text}", ""]
    return out


def _claim_block(c) -> list[str]:
    first, *rest = c.lines or ((0, ""),)
    return [f"{c.label}. {first[1]}"] + ["    " * d + t for d, t in rest]


def render_txt(pub: Publication) -> str:
    out = [pub.title, ""] + _description_lines(pub) + ["What is claimed is:", ""]
    for c in pub.claims:
        out += _claim_block(c) + [""]
    out += ["\f" + "ABSTRACT", ""] + [p for para in pub.abstract for p in (para, "")]
    return "\n".join(out)


# -- docx ------------------------------------------------------------------------
def _contiguous(pub: Publication) -> bool:
    return [c.number for c in pub.claims] == list(range(1, len(pub.claims) + 1)) and not any(c.last_number for c in pub.claims)


def render_docx(pub: Publication, path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_BREAK

    doc = Document()
    doc.add_heading(pub.title, level=0)
    n = 0
    for kind, text in pub.description:
        if kind == "heading":
            doc.add_heading(text.upper(), level=1)
        else:
            n += 1
            doc.add_paragraph(f"[{n:04d}] {text}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_paragraph("What is claimed is:")
    auto = _contiguous(pub)
    for c in pub.claims:
        first, *rest = c.lines or ((0, ""),)
        if auto:
            para = doc.add_paragraph(style="List Number")
            run = para.add_run(first[1])
        else:
            para = doc.add_paragraph()
            run = para.add_run(f"{c.label}. {first[1]}")
        for d, t in rest:
            run.add_break()
            run.add_text("    " * d + t)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("ABSTRACT", level=1)
    for p in pub.abstract:
        doc.add_paragraph(p)
    doc.save(path)


# -- pdf -------------------------------------------------------------------------
def _font_path(name: str) -> str | None:
    for d in _FONT_DIRS:
        p = Path(d) / name
        if p.is_file():
            return str(p)
    return None


def render_pdf(pub: Publication, path: Path) -> None:
    from fpdf import FPDF

    docket = docket_of(pub)

    class DraftPDF(FPDF):
        def header(self) -> None:
            self.set_font(self._family, size=9)
            self.cell(0, 8, docket, align="R", new_x="LMARGIN", new_y="NEXT")
            self.ln(2)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font(self._family, size=9)
            self.cell(0, 10, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = DraftPDF(format="Letter")
    regular, bold = _font_path("DejaVuSans.ttf"), _font_path("DejaVuSans-Bold.ttf")
    if regular:
        pdf.add_font("body", "", regular)
        pdf.add_font("body", "B", bold or regular)
        fallbacks = []
        for i, cjk in enumerate(p for p in _CJK_FONTS if Path(p).is_file()):
            pdf.add_font(f"cjk{i}", "", cjk)
            fallbacks.append(f"cjk{i}")
        if fallbacks:
            pdf.set_fallback_fonts(fallbacks)
        pdf._family = "body"
    else:  # pragma: no cover - DejaVu ships with the system fonts packages
        pdf._family = "helvetica"
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()

    def para(text: str, *, size: int = 11, style: str = "", indent: float = 0.0, gap: float = 2.0) -> None:
        pdf.set_font(pdf._family, style=style, size=size)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    para(pub.title, size=14, style="B", gap=4)
    n = 0
    for kind, text in pub.description:
        if kind == "heading":
            para(text.upper(), style="B")
        else:
            n += 1
            para(f"[{n:04d}] {text}")
    pdf.add_page()
    para("What is claimed is:", style="B")
    for c in pub.claims:
        first, *rest = c.lines or ((0, ""),)
        para(f"{c.label}. {first[1]}", gap=0.5 if rest else 2.0)
        for i, (d, t) in enumerate(rest):
            para(t, indent=6.0 * d, gap=2.0 if i == len(rest) - 1 else 0.5)
    pdf.add_page()
    para("ABSTRACT", style="B")
    for p in pub.abstract:
        para(p)
    pdf.output(str(path))


# -- the corpus ------------------------------------------------------------------
def _render_one(xml: Path, out_dir: Path) -> CorpusDoc:
    data = xml.read_bytes()
    digest = hashlib.sha256(data + RENDER_VERSION.encode()).hexdigest()[:12]
    stem = f"{xml.stem}-{digest}"
    txt, docx, pdf = (out_dir / f"{stem}{ext}" for ext in (".txt", ".docx", ".pdf"))
    pub = None
    for target, render in ((txt, "txt"), (docx, "docx"), (pdf, "pdf")):
        if target.is_file() and target.stat().st_size > 0:
            continue
        pub = pub or parse_publication(xml, data)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        if render == "txt":
            tmp.write_text(render_txt(pub), encoding="utf-8")
        elif render == "docx":
            render_docx(pub, tmp)
        else:
            render_pdf(pub, tmp)
        os.replace(tmp, target)  # atomic: a parallel test run never sees half a file
    return CorpusDoc(xml.stem, xml, txt, docx, pdf, ground_truth_claims(xml), has_dependency_markup(xml))


SOURCES = ("uspto-xml", "uspto-grants")


def render_corpus(shared_data: Path, out_dir: Path, sources: tuple[str, ...] = ("uspto-xml",)) -> list[CorpusDoc]:
    """Render every real USPTO XML under ``shared_data/<source>`` for each of
    ``sources`` (default: the 12 publications of ``uspto-xml``; ``SOURCES`` adds the
    140 grants of ``uspto-grants``). Cached in ``out_dir``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    xmls = [x for source in sources for x in sorted((Path(shared_data) / source).glob("*.xml"))]
    return [_render_one(x, out_dir) for x in xmls]


def default_cache_dir() -> Path:
    return Path(os.environ.get("WORKBENCH_CORPUS_CACHE", Path(__file__).resolve().parent / ".cache" / "corpus"))


def shared_data_dir() -> Path:
    root = Path(__file__).resolve().parent.parent
    return Path(os.environ.get("WORKBENCH_SHARED_DATA", root.parent / "shared" / "data"))


if __name__ == "__main__":  # pragma: no cover
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else default_cache_dir()
    for d in render_corpus(shared_data_dir(), out):
        print(f"{d.name}: {len(d.truth)} claims, deps_marked={d.deps_marked}\n  {d.txt}\n  {d.docx}\n  {d.pdf}")
