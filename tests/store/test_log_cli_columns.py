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


def test_list_columns_line_up_under_japanese_headers_and_labels(db_path, capsys, monkeypatch):
    """`log list` in Japanese: wide headers (一次審査期限) and decision labels no longer push the
    rows out of line (each column was padded to a fixed width in characters)."""
    monkeypatch.setenv("WORKBENCH_LANG", "ja")
    with TriageLog.open(db_path, reviewer="root") as log:
        first = log.record_verdict(make_verdict("a.txt"))
        log.record_verdict(make_verdict("b.txt", text="another draft\nclaim"))
        log.decide(first, "hold", "wait for the attorney", reviewer="山田")
    assert main(["log", "list", "--db", str(db_path)]) == 0
    head, *rows = [ln for ln in capsys.readouterr().out.splitlines() if ln.strip()]
    assert len(rows) == 2
    for word, cell in (("ハッシュ", lambda ln: ln.split()[1]), ("草稿／最有力の分野", lambda ln: "a.txt" if "a.txt" in ln else "b.txt")):
        at = columns(head[: head.index(word)])
        for ln in rows:
            assert columns(ln[: ln.index(cell(ln))]) == at, (word, ln)
