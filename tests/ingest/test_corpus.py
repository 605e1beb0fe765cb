"""Golden check of ingestion: each real USPTO publication rendered as a
drafter's TXT, DOCX and PDF is read back with the claims section found,
every claim label in it, and no page furniture leaking into it."""

from __future__ import annotations

import re

import pytest

from workbench.ingest import read_draft
from workbench.ingest.uspto_xml import parse_publication

_LABEL = re.compile(r"^[ \t]*(\d+(?:-\d+)?)\.[ \t]", re.M)


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_rendered_real_publications_read_back_with_their_claims(corpus, fmt):
    assert len(corpus) >= 12
    for doc in corpus:
        pub = parse_publication(doc.xml)
        d = read_draft(getattr(doc, fmt))
        where = f"{doc.name}.{fmt}"
        assert d.language == "en", where
        assert d.claims_text, where
        assert d.text[d.claims_offset :].startswith(d.claims_text), where
        assert _LABEL.findall(d.claims_text) == [c.label for c in pub.claims], where
        # the last claim's last words end the section; the abstract is not in it
        last_words = " ".join(pub.claims[-1].text.split()[-4:])
        assert " ".join(d.claims_text.split()).endswith(last_words), where
        for leak in ("Attorney Docket No. WB-", "ABSTRACT", "[0001]", "Page 1 of"):
            assert leak not in d.claims_text, (where, leak)
        assert "Attorney Docket No. WB-" not in d.text, where
        assert not re.search(r"Page \d+ of \d+", d.text), where
        assert " ".join(pub.title.split()).startswith(" ".join(d.title.split())) and d.title, where
        assert d.abstract.startswith(pub.abstract[0][:30]) or fmt == "pdf" and d.abstract, where
        if fmt == "pdf":
            assert len(d.pages) > 2 and d.page_of(d.claims_offset) is not None


def test_truth_is_carried_with_each_document(corpus):
    for doc in corpus:
        assert doc.truth and all(isinstance(n, int) for n, _ in doc.truth)
    assert sum(1 for doc in corpus if not doc.deps_marked) == 1


def test_rendering_is_cached_by_content(corpus, shared_data):
    from benchmarks.corpus import default_cache_dir, render_corpus

    before = {d.pdf: d.pdf.stat().st_mtime_ns for d in corpus}
    again = render_corpus(shared_data, default_cache_dir())
    assert {d.pdf: d.pdf.stat().st_mtime_ns for d in again} == before
