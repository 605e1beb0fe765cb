"""Shared fixtures: where the real patent data lives, and Qt offscreen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A locale-neutral English user, set before Qt reads the system locale (QLocale.system() is
# read once per process): the suite must pass the same on a Japanese developer's machine.
for _name in ("WORKBENCH_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("WORKBENCH_SHARED_DATA", ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real public patent data (../shared/data). Tests that need it run wherever it
    exists; packaging/test.sh (and so CI) refuses to run when it is missing."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real patent data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(autouse=True)
def neutral_locale(monkeypatch):
    """Every test starts from an English, locale-neutral user whatever the developer's own
    machine says (a Japanese developer's LANG=ja_JP.UTF-8 would otherwise turn the CLI's
    and the app's messages Japanese); tests of the Japanese paths set the language themselves."""
    for name in ("WORKBENCH_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
