from __future__ import annotations

import pytest

from workbench.rules import load_ruleset


@pytest.fixture(scope="session")
def ruleset():
    return load_ruleset()
