"""Fixtures for the claims tests: the real USPTO publications rendered as drafts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

_ROOT = str(Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:  # benchmarks/ is a top-level package of the repo, not of the installed wheel
    sys.path.insert(0, _ROOT)


@pytest.fixture(scope="session")
def uspto_corpus(shared_data, tmp_path_factory):
    """Every real USPTO XML in ../shared/data rendered as TXT, DOCX and PDF (benchmarks/corpus.py)."""
    from benchmarks.corpus import render_corpus

    docs = render_corpus(shared_data, tmp_path_factory.mktemp("claims_corpus"))
    assert docs, "no USPTO publications found in the shared data"
    return docs
