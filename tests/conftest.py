"""Shared fixtures: where the real patent data lives, and Qt offscreen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("WORKBENCH_SHARED_DATA", ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real public patent data (../shared/data). Tests that need it run wherever it
    exists; packaging/test.sh (and so CI) refuses to run when it is missing."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real patent data not found at {SHARED_DATA}")
    return SHARED_DATA
