"""Plain-dict views of claims for JSON output (``workbench claims --json``) and exports."""

from __future__ import annotations

from workbench.domain import Claim, ClaimSet
from workbench.messages import code_of, render_all


def claim_to_dict(claim: Claim) -> dict:
    return {
        "number": claim.number,
        "text": claim.text,
        "independent": claim.independent,
        "depends_on": list(claim.depends_on),
        "category": claim.category,
        "preamble": claim.preamble,
        "transition": claim.transition,
        "parts": [{"kind": p.kind, "text": p.text, "start": p.start, "end": p.end} for p in claim.parts],
        "start": claim.start,
        "end": claim.end,
    }


def claim_set_to_dict(claim_set: ClaimSet) -> dict:
    return {
        "language": claim_set.language,
        "claims": [claim_to_dict(c) for c in claim_set.claims],
        "tree": {str(k): list(v) for k, v in claim_set.children().items()},
        "roots": list(claim_set.roots()),
        "notes": render_all(claim_set.notes),
        "note_codes": [code_of(n) for n in claim_set.notes],
    }
