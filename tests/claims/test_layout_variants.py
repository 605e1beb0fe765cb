"""Real claim text in the layouts drafts come in: the claims of the 12 real USPTO
publications re-laid out (all on one line, "1)" labels, "Claim 1." labels, the
label alone on its line, lines wrapped at 70 columns) must split into the
office's claim numbers and dependencies every time."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.claims_accuracy import LAYOUTS, layout_text
from workbench.claims import split_claims
from workbench.ingest.uspto_xml import ground_truth_claims, has_dependency_markup, parse_publication

pytestmark = pytest.mark.shared_data


@pytest.fixture(scope="module")
def publications(shared_data):
    xmls = sorted((shared_data / "uspto-xml").glob("*.xml"))
    assert len(xmls) >= 10
    return [(x, parse_publication(x)) for x in xmls]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_layout(publications, layout: str) -> None:
    problems = []
    for xml, pub in publications:
        truth = [(n, tuple(sorted(d))) for n, d in ground_truth_claims(Path(xml))]
        text = layout_text(pub, layout)
        got = [(c.number, c.depends_on) for c in split_claims(text).claims]
        if [n for n, _ in got] != [n for n, _ in truth]:
            problems.append(f"{xml.stem}: numbers {len(got)} vs {len(truth)}")
        elif has_dependency_markup(xml) and got != truth:
            problems.append(f"{xml.stem}: {[(g, t) for g, t in zip(got, truth) if g != t]}")
    assert problems == []
