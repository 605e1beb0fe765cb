"""extract_claims on Draft objects, and the real first claims of US grants."""

from __future__ import annotations

import json

import pytest

from workbench.claims import extract_claims
from workbench.domain import Draft
from workbench.errors import ClaimsError
from workbench.messages import claims as N


def _draft(claims_text: str, language: str = "en") -> Draft:
    return Draft(source_path="/drafts/x.txt", sha256="0" * 64, format="text", language=language, text=claims_text, claims_text=claims_text)


def test_no_claims_section_raises_e201_naming_the_file() -> None:
    with pytest.raises(ClaimsError) as err:
        extract_claims(_draft(""))
    assert err.value.code == "E201"
    assert err.value.path == "/drafts/x.txt"


def test_claims_text_without_numbered_claims_raises_e201() -> None:
    with pytest.raises(ClaimsError) as err:
        extract_claims(_draft("The applicant reserves the right to claim anything."))
    assert err.value.code == "E201"


def test_japanese_claims_in_a_draft_marked_english_are_still_found() -> None:
    cs = extract_claims(_draft("【請求項１】\nＡを備える装置。\n【請求項２】\n請求項１に記載の装置。\n", "en"))
    assert cs.language == "ja"
    assert [(c.number, c.depends_on) for c in cs.claims] == [(1, ()), (2, (1,))]
    note = next(n for n in cs.notes if n.code == N.N204)
    assert note.get("other").code == N.N291 and str(note) == "claims are numbered in Japanese style although the draft reads as English"


@pytest.fixture(scope="module")
def first_claims(shared_data):
    path = shared_data / "patents" / "first_claims_cpc.jsonl"
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


@pytest.mark.shared_data
def test_real_first_claims(first_claims) -> None:
    """1,000 real first claims of US grants (some truncated by the source): each is one
    independent claim numbered 1 with a preamble; nearly all get a specific category."""
    results = [extract_claims(_draft(r["text"])) for r in first_claims]
    assert all(len(cs.claims) == 1 and cs.claims[0].number == 1 for cs in results)
    claims = [cs.claims[0] for cs in results]
    assert all(c.independent for c in claims)
    assert sum(bool(c.preamble) for c in claims) / len(claims) >= 0.99
    other = sum(c.category == "other" for c in claims) / len(claims)
    assert other <= 0.05
    methods = sum(c.category == "method" for c in claims)
    assert 0.2 <= methods / len(claims) <= 0.5  # US first claims: roughly a third are methods
    with_transition = sum(bool(c.transition) for c in claims) / len(claims)
    assert with_transition >= 0.95


def test_importing_claims_loads_no_spacy_and_pipelines_load_once() -> None:
    import subprocess
    import sys

    code = (
        "import sys, workbench.claims as wc\n"
        "print('spacy' in sys.modules)\n"
        "from workbench.claims.pipeline import get_pipeline\n"
        "print(get_pipeline('en') is get_pipeline('en'), get_pipeline('ja') is get_pipeline('ja'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == "False"
    assert out[1] == "True True"


def test_japanese_claim_longer_than_sudachi_accepts_is_still_analysed() -> None:
    """SudachiPy refuses inputs over 49,149 bytes; such a claim must not crash the split."""
    body = "前記部材は、" + "Ａと、" * 9000
    cs = extract_claims(_draft(f"【請求項１】\nＡを備える装置。\n【請求項２】\n請求項１に記載の装置であって、{body}Ｂを備える装置。\n", "ja"))
    assert len(cs.claims[1].text.encode("utf-8")) > 49_149
    assert cs.claims[1].depends_on == (1,)
    assert cs.claims[1].category == "apparatus"


def test_many_claims_split_in_bounded_time() -> None:
    import time

    text = "1. A lamp comprising a base.\n" + "".join(f"{n}. The lamp of claim {n - 1}, wherein it is red.\n" for n in range(2, 1001))
    t0 = time.perf_counter()
    cs = extract_claims(_draft(text))
    assert time.perf_counter() - t0 < 10
    assert len(cs.claims) == 1000
    assert cs.by_number(1000).depends_on == (999,)


def test_absurdly_long_claim_is_analysed_on_its_start_with_a_note() -> None:
    """A 'claim' over spaCy's 1,000,000-character limit must not crash the split."""
    text = "1. A lamp comprising a base.\n2. The lamp of claim 1, wherein " + "the base is heavy and " * 60_000 + "red.\n"
    cs = extract_claims(_draft(text))
    assert [(c.number, c.depends_on) for c in cs.claims] == [(1, ()), (2, (1,))]
    assert len(cs.claims[1].text) > 1_000_000
    assert any(n.code == N.N201 and n.get("number") == 2 and n.get("length") > 1_000_000 for n in cs.notes)
