"""A draft without claims is screened as a whole text (a description sent for a first look):
the draft view shows that text, and the evidence terms the verdict names are highlighted in it,
where they stand. Found on a real reviewed US grant (title, abstract, description) that the
screen put at 'likely' for its evidence terms while the text shown had nothing marked."""

from __future__ import annotations

import gzip
import json

import pytest

from workbench.ui.draft_view import DraftView

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def railgun_verdict(shared_data, tmp_path_factory):
    from workbench import triage

    with gzip.open(shared_data / "fulltext" / "us_grants_reviewed.jsonl.gz", "rt", encoding="utf-8") as fh:
        rec = next(r for r in map(json.loads, fh) if "electromagnetic" in r["title"].lower() and r["review"]["fields"])
    path = tmp_path_factory.mktemp("whole") / "description_only.txt"
    path.write_text(f"{rec['title']}\n\nAbstract\n{rec['abstract']}\n\nDescription\n{rec['description'][:20000]}\n",
                    encoding="utf-8")
    return triage.screen_file(path)


def test_the_whole_texts_evidence_is_highlighted_where_it_stands(qtbot, railgun_verdict):
    v = railgun_verdict
    assert not v.claims.claims  # screened as one text
    terms = {e.term.casefold() for f in v.fields for e in f.evidence if e.start >= 0}
    assert terms, "the verdict names evidence terms"
    view = DraftView()
    qtbot.addWidget(view)
    view.set_verdict(v, "en")
    assert view.highlighted, "no evidence marked in the text shown"
    for fid, text in view.highlighted:
        assert text.casefold() in terms and text in v.draft.text
    # each marked span is where the text shows that term (the shown text starts after a one-line heading)
    shown = view.text.toPlainText()
    assert all(text in shown for _fid, text in view.highlighted)
    assert "Evidence" in view.legend.text()
