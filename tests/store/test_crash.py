"""Quick version of benchmarks/crash.py: kill -9 the writer 10 times at random points."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

CRASH = Path(__file__).resolve().parents[2] / "benchmarks" / "crash.py"


@pytest.mark.slow
def test_killed_writers_lose_no_acknowledged_decision(tmp_path):
    spec = importlib.util.spec_from_file_location("wb_crash_bench", CRASH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    result = mod.run(kills=10, db=tmp_path / "crash.sqlite", seed=7, quiet=True)
    assert result["failures"] == 0, result["failure_details"]
    assert result["kills"] == 10
    assert result["acked_decisions"] > 0  # the writers did get to commit before being killed
