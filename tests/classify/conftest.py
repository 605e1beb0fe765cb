"""Fixtures for the classifier tests: the shipped model + the installed rule set."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def engine():
    from workbench import triage

    return triage.get_engine()


@pytest.fixture()
def isolated_env(tmp_path, monkeypatch):
    """Settings and the default log live in tmp (never the user's real ones)."""
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "log.sqlite"))
    return tmp_path
