"""`workbench-gui --exit-after-screening FILE`: what the desktop build's smoke test runs (on the
frozen app): the real app offscreen screens the file in its screening process, records it and
exits 0; 1 when a file could not be screened."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _gui(tmp_path: Path, *files: Path) -> tuple[int, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "WORKBENCH_CONFIG_DIR": str(tmp_path / "config"),
           "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-m", "workbench.ui.app", "--exit-after-screening", "--db", str(tmp_path / "log.sqlite"),
                          *map(str, files)], capture_output=True, text=True, env=env, timeout=240, cwd=ROOT)
    return out.returncode, out.stderr


@pytest.mark.slow
def test_the_app_screens_records_and_exits_0(tmp_path):
    example = ROOT / "workbench" / "examples" / "draft_ja_quantum_dot_detector.txt"
    rc, err = _gui(tmp_path, example)
    assert rc == 0, err
    with sqlite3.connect(tmp_path / "log.sqlite") as con:
        assert con.execute("SELECT COUNT(*) FROM verdicts").fetchone()[0] == 1


@pytest.mark.slow
def test_a_file_that_fails_makes_it_exit_1(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    rc, _err = _gui(tmp_path, empty)
    assert rc == 1
