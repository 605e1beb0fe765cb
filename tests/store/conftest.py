"""Fixtures for the triage-log tests: an isolated config folder and log per test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # factories.py

from factories import make_verdict  # noqa: E402

from workbench.store import TriageLog  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """No test reads or writes the real per-user settings or log."""
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "default-log.sqlite"))
    monkeypatch.delenv("WORKBENCH_REVIEWER", raising=False)
    monkeypatch.delenv("WORKBENCH_PDF_FONT", raising=False)
    return tmp_path


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "log.sqlite"


@pytest.fixture
def log(db_path):
    lg = TriageLog.open(db_path, reviewer="tester")
    yield lg
    lg.close()


@pytest.fixture
def populated(log):
    """A log with three drafts (EN review, JA likely, EN clear) and some decisions."""
    a = log.record_verdict(make_verdict("uav.txt", level="review", likelihood=0.42))
    b = log.record_verdict(
        make_verdict(
            "無人機.txt", language="ja", level="likely", likelihood=0.81,
            claims=("無人航空機であって、赤外線カメラと識別部とを備える無人航空機。", "請求項１に記載の無人航空機であって、自律飛行する。"),
        )
    )
    c = log.record_verdict(make_verdict("pump.txt", level="clear", likelihood=0.03, claims=("A water pump with an impeller.",)))
    return log, (a, b, c)
