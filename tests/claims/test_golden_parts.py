"""Golden file for what the office's markup cannot check: category, transitional
phrase and the number of body elements of each claim of the real USPTO
publications (read from the rendered TXT). It pins today's behaviour so a
pattern change that moves them shows up in review.

Regenerate after a deliberate change with::

    WORKBENCH_REGEN_GOLDEN=1 .venv/bin/pytest tests/claims/test_golden_parts.py

Only structure is stored (no patent text), keyed by publication file name.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from workbench.claims import extract_claims
from workbench.ingest import read_draft

pytestmark = [pytest.mark.shared_data, pytest.mark.slow]
GOLDEN = Path(__file__).parent / "data" / "golden_uspto_parts.json"


def _structure(uspto_corpus) -> dict:
    out = {}
    for doc in uspto_corpus:
        cs = extract_claims(read_draft(doc.txt))
        out[doc.xml.name] = [
            [c.number, c.category, c.transition.lower(), sum(p.kind == "element" for p in c.parts)] for c in cs.claims
        ]
    return out


def test_categories_transitions_and_elements_match_the_golden_file(uspto_corpus) -> None:
    got = _structure(uspto_corpus)
    if os.environ.get("WORKBENCH_REGEN_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(got, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert got == expected
    # and the pinned behaviour is sensible: no claim without a transition or with "other"
    flat = [c for claims in expected.values() for c in claims]
    assert sum(c[1] == "other" for c in flat) == 0
    assert sum(c[2] == "" for c in flat) <= len(flat) // 50
