"""Real claims in the draft layouts IP departments meet, rendered from a real USPTO
publication (``workbench.ingest.uspto_xml.Publication``) for golden tests and benchmarks.

The claim text is the office's own; only the layout around it changes, transcribed from
the conventions of each office / drafting style:

- ``uspto``: ``benchmarks.corpus.render_txt`` ("What is claimed is:", "1. ...", elements
  indented on their own lines), as filed at the USPTO;
- ``drafter``: a firm's draft - docket and application front matter, "TITLE:" line,
  "CLAIMS" then "We claim:", claims separated by blank lines, elements tab-indented,
  "ABSTRACT OF THE DISCLOSURE";
- ``epo_pct``: EPO / PCT style - "Claims" heading, each claim one paragraph
  ("1. A ... 2. The ... according to claim 1 ..."), "Abstract";
- ``jpo_en``: the usual English translation of a JPO filing - ``[Document Name]
  Description``, ``[Title of the Invention]``, ``[0001]`` paragraphs, ``[Document Name]
  Claims``, ``[Claim 1]`` on its own line, ``[Document Name] Abstract``,
  ``[Abstract]``, ``[Selected Drawing]``.
Word numbering lists (DOCX "List Number" paragraphs) are ``benchmarks.corpus.render_docx``.
Japanese JPO layouts have no real source here (no Japanese patent text on this machine):
their golden files are written for the tests (``tests/claims/data/layouts``).
"""

from __future__ import annotations

from benchmarks.corpus import docket_of, render_txt


def _paragraphs(pub, limit: int = 6) -> list[str]:
    return [t for kind, t in pub.description if kind == "p"][:limit]


def _claim_lines(c) -> list[tuple[int, str]]:
    return list(c.lines or ((0, ""),))


def render_drafter(pub) -> str:
    out = [docket_of(pub), "UNITED STATES PATENT APPLICATION", "", f"TITLE: {pub.title}", "", "BACKGROUND", ""]
    for p in _paragraphs(pub):
        out += [p, ""]
    out += ["CLAIMS", "", "We claim:", ""]
    for c in pub.claims:
        first, *rest = _claim_lines(c)
        out.append(f"{c.label}.\t{first[1]}")
        out += ["\t" * (d + 1) + t for d, t in rest]
        out.append("")
    out += ["ABSTRACT OF THE DISCLOSURE", ""] + [" ".join(pub.abstract)]
    return "\n".join(out) + "\n"


def render_epo_pct(pub) -> str:
    out = [pub.title, "", "Technical Field", ""]
    for p in _paragraphs(pub):
        out += [p, ""]
    out += ["Claims", ""]
    for c in pub.claims:
        out += [f"{c.label}. " + " ".join(t for _, t in _claim_lines(c)), ""]
    out += ["Abstract", "", " ".join(pub.abstract)]
    return "\n".join(out) + "\n"


def render_jpo_en(pub) -> str:
    out = ["[Document Name] Description", f"[Title of the Invention] {pub.title}", "[Technical Field]"]
    for i, p in enumerate(_paragraphs(pub), start=1):
        out += [f"[{i:04d}]", p]
    out.append("[Document Name] Claims")
    for c in pub.claims:
        if c.canceled:
            numbers = range(c.number, (c.last_number or c.number) + 1)
            out += [line for n in numbers for line in (f"[Claim {n}]", "(Canceled)")]
            continue
        out.append(f"[Claim {c.label}]")
        out += [t for _, t in _claim_lines(c)]
    out += ["[Document Name] Abstract", "[Abstract]", " ".join(pub.abstract), "[Selected Drawing] Fig. 1"]
    return "\n".join(out) + "\n"


TEXT_LAYOUTS = {
    "uspto": render_txt,
    "drafter": render_drafter,
    "epo_pct": render_epo_pct,
    "jpo_en": render_jpo_en,
}


def render_docx_nested(pub, path) -> None:
    """A Word numbering list whose claims hold a numbered list of their own: each claim a
    "List Number" paragraph, its elements "List Number 2" paragraphs (Word shows them as
    "1.", "2." at a deeper indent). Publications whose claims do not run 1..N (cancelled
    ranges) get typed claim labels, as ``render_docx`` does."""
    from docx import Document

    from benchmarks.corpus import _contiguous

    doc = Document()
    doc.add_heading(pub.title, level=0)
    for p in _paragraphs(pub, 3):
        doc.add_paragraph(p)
    doc.add_paragraph("What is claimed is:")
    auto = _contiguous(pub)
    for c in pub.claims:
        first, *rest = _claim_lines(c)
        if auto:
            doc.add_paragraph(first[1], style="List Number")
        else:
            doc.add_paragraph(f"{c.label}. {first[1]}")
        for _depth, t in rest:
            doc.add_paragraph(t, style="List Number 2")
    doc.add_heading("ABSTRACT", level=1)
    doc.add_paragraph(" ".join(pub.abstract))
    doc.save(path)
