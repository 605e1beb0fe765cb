"""How fast the workbench reads drafts: pages/s on the real publications
rendered as PDFs, documents/s for DOCX and TXT, and peak memory.

    .venv/bin/python -m benchmarks.ingest_speed [--repeat N]

Inputs are the 12 real USPTO publications in ../shared/data/uspto-xml
rendered by benchmarks/corpus.py (cached); the 2,000-page stress case is a
generated PDF. Figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import default_cache_dir, render_corpus, shared_data_dir
from workbench.errors import IngestError
from workbench.ingest import read_draft


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _time(paths: list[Path], repeat: int) -> tuple[float, int, int]:
    pages = docs = 0
    started = time.perf_counter()
    for _ in range(repeat):
        for p in paths:
            d = read_draft(p)
            pages += len(d.pages)
            docs += 1
    return time.perf_counter() - started, pages, docs


def _stress_pdf(tmp: Path, n: int = 2000) -> Path:
    from fpdf import FPDF
    from pypdf import PdfReader, PdfWriter

    pdf = FPDF()
    pdf.set_font("helvetica", size=10)
    pdf.add_page()
    for i in range(45):
        pdf.cell(0, 5.5, f"Line {i} of a long specification about rotor blades, hubs and their bearings.", new_x="LMARGIN", new_y="NEXT")
    one = tmp / "one.pdf"
    pdf.output(str(one))
    writer = PdfWriter()
    page = PdfReader(one).pages[0]
    for _ in range(n):
        writer.add_page(page)
    out = tmp / f"stress-{n}.pdf"
    with out.open("wb") as fh:
        writer.write(fh)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="passes over the corpus (default 3)")
    args = ap.parse_args(argv)
    corpus = render_corpus(shared_data_dir(), default_cache_dir())
    print(f"corpus: {len(corpus)} real USPTO publications rendered as PDF/DOCX/TXT ({default_cache_dir()})")
    for fmt in ("pdf", "docx", "txt"):
        paths = [getattr(d, fmt) for d in corpus]
        read_draft(paths[0])  # warm imports
        secs, pages, docs = _time(paths, args.repeat)
        print(f"{fmt:5}: {docs} docs, {pages} pages in {secs:.2f} s -> {pages / secs:,.0f} pages/s, {docs / secs:,.1f} docs/s")
    xmls = [d.xml for d in corpus]
    secs, _, docs = _time(xmls, args.repeat)
    print(f"xml  : {docs} docs in {secs:.2f} s -> {docs / secs:,.1f} docs/s")
    with tempfile.TemporaryDirectory() as tmp:
        big = _stress_pdf(Path(tmp))
        started = time.perf_counter()
        try:
            d = read_draft(big)
            outcome = f"read {len(d.pages)} pages"
        except IngestError as exc:
            outcome = f"refused {exc.code} ({exc.message})"
        secs = time.perf_counter() - started
        print(f"stress: 2,000-page PDF {outcome} in {secs:.2f} s ({2000 / secs:,.0f} pages/s); limit 10 s")
        started = time.perf_counter()
        try:
            read_draft(big, max_pages=1000)
        except IngestError as exc:
            print(f"stress: over max_pages=1000 -> {exc.code} in {time.perf_counter() - started:.3f} s")
    print(f"peak RSS: {_peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
