"""Each i18n test starts from a neutral user: no saved settings, no locale variables."""

from __future__ import annotations

import pytest

LOCALE_VARS = ("WORKBENCH_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


@pytest.fixture(autouse=True)
def neutral_user(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path / "config"))
    for name in LOCALE_VARS:
        monkeypatch.delenv(name, raising=False)
    yield
