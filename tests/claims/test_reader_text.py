"""Text as a reader sees it (workbench.text.reader_text): a PDF's line breaks and end-of-line
hyphens are joined in what is shown, while offsets into the stored text still mark the same
words; titles are whole across a PDF's line wraps."""

from __future__ import annotations

import pytest

from workbench.ingest.sections import find_sections
from workbench.text import JA_LINE_WRAP, reader_line, reader_text, reader_words


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("a personal digital assistant (PDA) selected\nby the buyer", "a personal digital assistant (PDA) selected by the buyer"),
        ("信号処\n理部と、", "信号処理部と、"),
        ("a computer-\nreadable medium", "a computer-readable medium"),  # no 'computerreadable' anywhere: the hyphen is real
        ("a hydro-\ngen tank filled with hydrogen", "a hydrogen tank filled with hydrogen"),  # the word is written whole elsewhere
        ("comprising:\n  a frame;\n  a lid.", "comprising:\n  a frame;\n  a lid."),  # elements on their own lines stay
        ("first paragraph.\n\nSecond", "first paragraph.\n\nSecond"),
    ],
)
def test_shown_text(stored: str, shown: str) -> None:
    got, where = reader_text(stored)
    assert got == shown
    assert len(where) == len(stored) + 1 and where[-1] == len(got)


def test_offsets_into_the_stored_text_mark_the_same_words() -> None:
    stored = "an unmanned\nunderwater vehicle with a hydro-\ngen cell; hydrogen 無人航\n空機"
    shown, where = reader_text(stored)
    for word in ("unmanned\nunderwater vehicle", "hydro-\ngen", "無人航\n空機"):
        s = stored.index(word)
        assert shown[where[s] : where[s + len(word)]] == reader_line(word, reader_words(stored))
    assert shown[where[stored.index("cell")] :].startswith("cell; hydrogen")


def test_vocabulary_from_the_whole_draft() -> None:
    assert reader_text("a lubri-\ncant", reader_words("the lubricant is oil"))[0] == "a lubricant"
    assert reader_text("a lubri-\ncant")[0] == "a lubri-cant"  # never seen whole: the hyphen is kept, the line joined


def test_the_japanese_wrap_rule_is_the_shared_one() -> None:
    """One definition of a wrap: reader_text removes exactly what JA_LINE_WRAP matches."""
    stored = "前記基板は、シリコンである請\n求項１に記載の素子。\nＧａＡｓ\n基板"
    assert reader_text(stored)[0] == JA_LINE_WRAP.sub("", stored)


def test_evidence_terms_are_shown_joined_and_keep_their_offsets() -> None:
    from types import SimpleNamespace

    from workbench.triage import _evidence  # the one place evidence terms are built

    text = "a hull of an unmanned\nunderwater vehicle"
    start = text.index("unmanned")
    hit = SimpleNamespace(field_id=7, start=start, end=len(text))
    e = _evidence(hit, text, "claim", 1)
    assert e.term == "unmanned underwater vehicle"
    assert text[e.start : e.end] == "unmanned\nunderwater vehicle"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Systems and Methods For Transacting\nBusiness Over A Global Communications Network\nBACKGROUND\nText.",
         "Systems and Methods For Transacting Business Over A Global Communications Network"),
        ("Method for handling a call when destined subscriber is unable to\nanswer\nThis is a National Stage application of PCT/FI00/00687.",
         "Method for handling a call when destined subscriber is unable to answer"),
        ("Method and apparatus for supporting multiple customer provisioned\nIPSec VPNs\nFIELD OF THE INVENTION\nx",
         "Method and apparatus for supporting multiple customer provisioned IPSec VPNs"),
        ("METHODS AND APPARATUS FOR YARD AND GARDEN DEBRIS\nCOLLECTION\nBACKGROUND OF THE INVENTION\nx",
         "METHODS AND APPARATUS FOR YARD AND GARDEN DEBRIS COLLECTION"),
        ("Widget\nThe present invention relates to widgets and more particularly to widgets of a kind.\n", "Widget"),
        ("A widget holder with a clip for attaching to a belt\nThe present invention relates to holders.\n",
         "A widget holder with a clip for attaching to a belt"),
    ],
)
def test_titles_whole_across_line_wraps(text: str, title: str) -> None:
    assert find_sections(text, "en").title == title
