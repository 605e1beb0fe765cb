"""`workbench log` mistakes met on the command line: a backup that cannot be written (names
the file, says to choose another --out, not the log's --db; in Japanese too; the log is
untouched) and a period that ends before it starts (refused, not an empty export)."""

from __future__ import annotations

from factories import make_verdict

from workbench.cli.main import main
from workbench.store import TriageLog


def _log(db_path):
    with TriageLog.open(db_path, reviewer="tester") as log:
        log.record_verdict(make_verdict())
    return str(db_path)


def test_an_existing_backup_file_is_not_overwritten(db_path, tmp_path, capsys):
    db = _log(db_path)
    out = tmp_path / "b.sqlite"
    out.write_bytes(b"keep me")
    assert main(["log", "backup", "--db", db, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "[E513]" in err and str(out) in err and "--out" in err and "--db" not in err
    assert out.read_bytes() == b"keep me"


def test_a_missing_folder_is_named_in_japanese(db_path, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("WORKBENCH_LANG", "ja")
    db = _log(db_path)
    out = tmp_path / "no-such-folder" / "b.sqlite"
    assert main(["log", "backup", "--db", db, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "[E513]" in err and f"フォルダー {out.parent} が存在しません" in err and "--out" in err
    assert not out.parent.exists()
    with TriageLog.open(db) as log:
        assert log.verify().ok and len(log.drafts()) == 1


def test_a_period_that_ends_before_it_starts_is_refused(db_path, tmp_path, capsys, monkeypatch):
    db = _log(db_path)
    out = tmp_path / "period.csv"
    argv = ["--db", db, "--since", "2026-12-01", "--until", "2026-01-01"]
    assert main(["log", "export", "-o", str(out), *argv]) == 2
    assert "[E901]" in capsys.readouterr().err and not out.exists()  # no export 'of 0 decisions'
    monkeypatch.setenv("WORKBENCH_LANG", "ja")
    assert main(["log", "list", *argv]) == 2
    err = capsys.readouterr().err
    assert "2026-12-01" in err and "終了日より後" in err
    assert main(["log", "export", "-o", str(out), "--db", db, "--since", "2026-01-01", "--until", "2026-12-31"]) == 0
    assert out.exists()
