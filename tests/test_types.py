"""mypy over the typed core (``[tool.mypy] files`` in pyproject.toml): a type error in the
modules that carry the screening's flow fails the suite, and the types are strict enough to
catch a wrong value on the way from ``screen_draft`` into the rules engine."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CACHE = os.path.join(tempfile.gettempdir(), "workbench-mypy-cache")  # outside the checkout


def run_mypy(*args: str) -> tuple[str, int]:
    """mypy in a process of its own (mypy's compiled build is not meant to run inside pytest's)."""
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", CACHE, *args],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    return done.stdout + done.stderr, done.returncode


@pytest.mark.slow
def test_the_typed_core_passes_mypy() -> None:
    report, status = run_mypy()
    assert status == 0, report
    assert "Success: no issues found" in report


@pytest.mark.slow
def test_a_wrong_value_on_the_answers_path_is_a_type_error(tmp_path: Path) -> None:
    """The check can fail: answers given as text, a status outside the three, a rule set
    passed where the engine wants its rules, a rule-file field without its IPC list."""
    probe = tmp_path / "probe.py"
    probe.write_text(textwrap.dedent("""
        from workbench.classify.engine import Engine
        from workbench.domain import AdditionalAnswers, RuleMatch
        from workbench.rules.loader import FieldData
        from workbench.rules.ruleset import RuleSet

        def flow(rs: RuleSet, engine: Engine) -> None:
            rs.match(["F41H 3/00"], answers="yes")
            RuleMatch(field_id=1, status="maybe")
            engine.assess(["text"], answers=AdditionalAnswers(defence_use=True)).fields
            field: FieldData = {"id": 1, "name_ja": "x", "name_en": "x", "additional_requirement": {"applies": False}, "verified": False}
    """), encoding="utf-8")
    report, status = run_mypy("--follow-imports=silent", str(probe))
    assert status == 1, report
    errors = [line for line in report.splitlines() if ": error:" in line]
    assert len(errors) == 4, report
    assert any('"answers"' in e and "AdditionalAnswers" in e for e in errors)
    assert any("status" in e and "Literal" in e for e in errors)
    assert any("fields" in e and "list[Assessment]" in e for e in errors)
    assert any("ipc" in e for e in errors)
