"""A Japanese Windows console redirected to a file writes cp932: no command may die on a
character the code page lacks (it printed a traceback for `rules show`'s ✔ before)."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from workbench.cli.console import printable, protect


def run(args, encoding):
    env = dict(os.environ, PYTHONIOENCODING=encoding, WORKBENCH_LANG="ja")
    return subprocess.run([sys.executable, "-m", "workbench", *args], capture_output=True, env=env, timeout=120)


@pytest.mark.parametrize("encoding", ["cp932", "shift_jis", "euc_jp", "ascii"])
def test_rules_show_prints_whole_on_a_legacy_code_page(encoding):
    done = run(["rules", "show"], encoding)
    assert done.returncode == 0, done.stderr.decode(encoding, "replace")
    assert b"Traceback" not in done.stderr
    text = done.stdout.decode(encoding)  # what was written is valid in that encoding
    assert "25" in text and text.count("\n") > 25  # every field line made it out


def test_lookalikes_are_used_where_the_code_page_has_them():
    assert printable("A — B ✔ ～", io.TextIOWrapper(io.BytesIO(), encoding="cp932")) == "A ― B ○ ～"  # cp932 has ～ itself and no ✓: ○ (Japanese "yes")
    assert printable("A — B ✔", io.TextIOWrapper(io.BytesIO(), encoding="ascii")) == "A - B v"
    assert printable("日本語 — ✔", io.TextIOWrapper(io.BytesIO(), encoding="utf-8")) == "日本語 — ✔"  # unchanged


def test_protect_keeps_a_stream_writing_and_leaves_utf8_alone():
    raw = io.BytesIO()
    cp = io.TextIOWrapper(raw, encoding="cp932")
    utf = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    protect(cp, utf)
    cp.write("判定 — ✔ 完了\n")
    cp.flush()
    assert raw.getvalue().decode("cp932") == "判定 ― ○ 完了\n"
    # UTF-8 writes every character as it is; only a lone surrogate (a file name's
    # undecodable bytes) is shown escaped instead of raising UnicodeEncodeError
    utf.write("判定 ✔ " + os.fsdecode(b"draft-\xff.txt") + "\n")
    utf.flush()
    assert utf.buffer.getvalue().decode("utf-8") == "判定 ✔ draft-\\udcff.txt\n"
