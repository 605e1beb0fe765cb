"""Claims: split a claims section into numbered claims with their dependencies
(the claim tree), category, and parts (preamble / transition / elements in
English; 前提部 / 特徴部 in Japanese).

Public API::

    extract_claims(draft) -> ClaimSet      # raises ClaimsError(E201) when there are no claims
    split_claims(text, language="en") -> ClaimSet

The spaCy pipelines load lazily on first use (``workbench.claims.pipeline``).
"""

from __future__ import annotations

from workbench.claims.extract import extract_claims, split_claims
from workbench.claims.serialize import claim_set_to_dict

__all__ = ["extract_claims", "split_claims", "claim_set_to_dict"]
