"""Golden tests per draft layout (issue 11 item 2).

Real claims: the real USPTO publications (all 12 of ``uspto-xml``, every other one of the 140
``uspto-grants`` and a selection; ``benchmarks/claims_accuracy`` reads all 152)
laid out as a USPTO filing, a drafter's draft, an EPO/PCT text, the English translation of a
JPO filing (``[Document Name] Claims``, ``[Claim 1]``), a Word numbering list (DOCX) and a
Word numbering list whose claims number their elements in a nested list ("List Number 2"),
written to a file, read with ``read_draft`` and split with ``extract_claims``: claim
numbers and dependencies must equal the office's structure (``<claim-ref>``, with the
audited corrections of ``benchmarks/claims_truth_corrections.json``). The golden file
``data/golden_layouts.json`` pins number, dependencies, transition and category of a
selection of publications in every layout (structure only, no patent text).

Japanese: no real Japanese patent text exists on this machine, so the two JPO layouts
(``【請求項１】`` with full-width digits; ``[請求項1]`` with half-width digits) are files
written for the tests in ``data/layouts``, with their expected structure below.

Regenerate the golden file after a deliberate change with::

    WORKBENCH_REGEN_GOLDEN=1 .venv/bin/pytest tests/claims/test_golden_layouts.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from benchmarks.claims_accuracy import corrected_truth, load_corrections
from benchmarks.corpus import SOURCES, CorpusDoc, render_docx
from benchmarks.layouts import TEXT_LAYOUTS, render_docx_nested
from workbench.claims import extract_claims
from workbench.ingest import read_draft
from workbench.ingest.uspto_xml import ground_truth_claims, has_dependency_markup, parse_publication

DATA = Path(__file__).parent / "data"
GOLDEN = DATA / "golden_layouts.json"
LAYOUTS = (*TEXT_LAYOUTS, "word_numbering", "word_nested")
# publications whose claims use many reference forms (ranges, lists, body references, 'previous claims')
SELECTION = ("US06836979", "US06838526", "US06838627", "US07158266", "US07314575", "US07862893", "US07863256", "US08420054")


@pytest.fixture(scope="module")
def publications(shared_data):
    xmls = [x for source in SOURCES for x in sorted((shared_data / source).glob("*.xml"))]
    assert len(xmls) >= 150
    # every publication of uspto-xml, every other grant and the selection (the benchmark reads all 152)
    grants = [x for x in xmls if x.parent.name == "uspto-grants"]
    keep = {x for x in xmls if x.parent.name != "uspto-grants"} | set(grants[::2]) | {x for x in xmls if x.stem in SELECTION}
    xmls = [x for x in xmls if x in keep]
    corrections = load_corrections()
    out = []
    for xml in xmls:
        doc = CorpusDoc(xml.stem, xml, xml, xml, xml, ground_truth_claims(xml), has_dependency_markup(xml))
        truth, excluded = corrected_truth(doc, corrections)
        out.append((xml, parse_publication(xml), truth, excluded, doc.deps_marked))
    return out


@pytest.fixture(scope="module")
def read_back(publications, tmp_path_factory):
    """(layout, publication stem) -> ClaimSet read back from the written file."""
    tmp = tmp_path_factory.mktemp("layouts")
    out = {}
    for xml, pub, *_ in publications:
        for layout in LAYOUTS:
            if layout.startswith("word_"):
                path = tmp / f"{xml.stem}.{layout}.docx"
                (render_docx if layout == "word_numbering" else render_docx_nested)(pub, path)
            else:
                path = tmp / f"{xml.stem}.{layout}.txt"
                path.write_text(TEXT_LAYOUTS[layout](pub), encoding="utf-8")
            out[(layout, xml.stem)] = extract_claims(read_draft(path))
    return out


SHARED = [pytest.mark.shared_data, pytest.mark.slow]


def _shared(fn):
    for mark in SHARED:
        fn = mark(fn)
    return fn


@_shared
@pytest.mark.parametrize("layout", LAYOUTS)
def test_real_claims_in_every_layout_match_the_office(publications, read_back, layout: str) -> None:
    problems = []
    for xml, _pub, truth, excluded, marked in publications:
        got = [(c.number, c.depends_on) for c in read_back[(layout, xml.stem)].claims]
        if [n for n, _ in got] != [n for n, _ in truth]:
            problems.append(f"{xml.stem}: numbers {[n for n, _ in got]} != {[n for n, _ in truth]}")
        elif marked:
            wrong = [(g, t) for g, t in zip(got, truth) if g != t and g[0] not in excluded]
            if wrong:
                problems.append(f"{xml.stem}: (got, office) {wrong}")
    assert problems == []


@_shared
def test_layouts_match_the_golden_file(read_back) -> None:
    got = {
        layout: {
            stem: [[c.number, list(c.depends_on), c.transition.lower(), c.category] for c in read_back[(layout, stem)].claims]
            for stem in SELECTION
        }
        for layout in LAYOUTS
    }
    if os.environ.get("WORKBENCH_REGEN_GOLDEN"):
        GOLDEN.write_text(json.dumps(got, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == json.loads(GOLDEN.read_text(encoding="utf-8"))
    # the layouts read the same claims the same way
    assert all(got[layout] == got["uspto"] for layout in LAYOUTS if not layout.startswith("word_"))


@_shared
def test_multiple_dependencies_are_read_in_full(read_back) -> None:
    """"any one of claims 1 and 13-17", "claims 34 through 46", "one or more of the previous claims"."""
    cs = read_back[("jpo_en", "US07863256")]
    assert cs.by_number(18).depends_on == (1, 13, 14, 15, 16, 17)
    assert read_back[("epo_pct", "US07158266")].by_number(47).depends_on == tuple(range(34, 47))
    assert read_back[("drafter", "US06836979")].by_number(16).depends_on == tuple(range(1, 16))
    tree = cs.children()
    assert all(18 in tree[p] for p in (1, 13, 14, 15, 16, 17))


JAPANESE = {
    "jpo_ja_fullwidth.txt": {
        "title": "水中無人航走体及びその制御方法",
        "claims": [
            (1, (), "を特徴とする", "apparatus"),
            (2, (1,), "", "apparatus"),
            (3, (1, 2), "を特徴とする", "apparatus"),
            (4, (1, 2, 3), "において", "apparatus"),
            (5, (4,), "", "apparatus"),
            (7, (1, 2, 3, 4, 5), "であって", "method"),
            (8, (5,), "", "system"),  # 請求項５に記載の… inside the body
            (9, (7,), "", "program"),
        ],
    },
    "jpo_ja_ascii.txt": {
        "title": "赤外線受光素子",
        "claims": [
            (1, (), "", "apparatus"),
            (2, (1,), "", "apparatus"),
            (3, (1, 2), "", "apparatus"),
            (4, (1, 2, 3), "であって", "apparatus"),
            (5, (2, 3, 4), "", "apparatus"),
            (6, (1,), "であって", "method"),
        ],
    },
}


@pytest.mark.parametrize("name", sorted(JAPANESE))
def test_japanese_layouts(name: str) -> None:
    draft = read_draft(DATA / "layouts" / name)
    cs = extract_claims(draft)
    expected = JAPANESE[name]
    assert draft.title == expected["title"]
    assert cs.language == "ja"
    assert [(c.number, c.depends_on, c.transition, c.category) for c in cs.claims] == expected["claims"]
    assert "要約" not in cs.claims[-1].text and "選択図" not in cs.claims[-1].text
