"""`workbench log history` keeps its columns under Japanese reviewer names (a kanji takes two
terminal columns)."""

from __future__ import annotations

from factories import make_verdict

from workbench.cli.console import columns
from workbench.cli.main import main
from workbench.store import TriageLog


def test_history_columns_line_up_with_japanese_reviewers(db_path, capsys):
    with TriageLog.open(db_path, reviewer="root") as log:
        draft = log.record_verdict(make_verdict())
    for who in ("山田太郎", "root"):
        with TriageLog.open(db_path, reviewer=who) as log:
            log.annotate(draft, 1, 5, "agree", reviewer=who)
    assert main(["log", "history", str(draft), "--db", str(db_path)]) == 0
    lines = [ln for ln in capsys.readouterr().out.splitlines() if "annotation.added" in ln]
    assert len(lines) == 2
    starts = {columns(ln[: ln.index("annotation.added")]) for ln in lines}
    assert len(starts) == 1  # the event kind starts at the same column after 山田太郎 as after root
