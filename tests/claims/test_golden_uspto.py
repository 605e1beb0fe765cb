"""Golden test on real patent text: the 12 USPTO publications in ../shared/data,
rendered the way a drafter's file looks (TXT, DOCX, PDF), read back with
``read_draft`` and split with ``extract_claims``. Claim count, numbers and
dependencies must equal the office's own structure (``<claim-ref>`` markup).

Two 2001 'pap' samples carry no dependency markup although their claims cite
each other (``deps_marked`` False): their claim numbers are checked, their
dependency links are not (there is no office truth to check them against).
"""

from __future__ import annotations

import pytest

from workbench.claims import extract_claims
from workbench.ingest import read_draft

pytestmark = [pytest.mark.shared_data, pytest.mark.slow]
FORMATS = ("txt", "docx", "pdf")


@pytest.fixture(scope="module")
def extracted(uspto_corpus):
    """(document, format) -> ClaimSet read back from the rendered file."""
    return {(doc.name, fmt): extract_claims(read_draft(getattr(doc, fmt))) for doc in uspto_corpus for fmt in FORMATS}


def _mismatches(docs, fmt: str, extracted) -> list[str]:
    problems = []
    for doc in docs:
        claim_set = extracted[(doc.name, fmt)]
        got = [(c.number, tuple(sorted(c.depends_on))) for c in claim_set.claims]
        truth = [(n, tuple(sorted(d))) for n, d in doc.truth]
        if [n for n, _ in got] != [n for n, _ in truth]:
            problems.append(f"{doc.name}.{fmt}: numbers {[n for n, _ in got]} != {[n for n, _ in truth]}")
        elif doc.deps_marked and got != truth:
            wrong = [(g, t) for g, t in zip(got, truth) if g != t]
            problems.append(f"{doc.name}.{fmt}: dependencies (got, office) {wrong}")
    return problems


@pytest.mark.parametrize("fmt", FORMATS)
def test_claims_match_the_office_structure(uspto_corpus, extracted, fmt: str) -> None:
    assert _mismatches(uspto_corpus, fmt, extracted) == []


def test_corpus_has_real_dependencies_to_check(uspto_corpus) -> None:
    """Guard against a vacuous pass: the truth really has dependent claims in most documents."""
    with_links = [d for d in uspto_corpus if d.deps_marked and any(deps for _, deps in d.truth)]
    assert len(with_links) >= 8
    assert sum(len(d.truth) for d in uspto_corpus) >= 150


def test_claim_text_is_clean_in_every_format(uspto_corpus, extracted) -> None:
    """No number label, page header/footer, paragraph number or abstract inside claim text."""
    import re

    for doc in uspto_corpus:
        for fmt in FORMATS:
            for c in extracted[(doc.name, fmt)].claims:
                assert not re.match(r"\s*\d+\s*[.)]", c.text), (doc.name, fmt, c.number)
                assert "Attorney Docket" not in c.text, (doc.name, fmt, c.number)
                assert not re.search(r"Page \d+ of \d+", c.text), (doc.name, fmt, c.number)
                assert not re.search(r"\[\d{4}\]", c.text), (doc.name, fmt, c.number)
                assert "ABSTRACT" not in c.text, (doc.name, fmt, c.number)
