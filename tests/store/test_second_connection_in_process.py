"""A second connection to an open log in the same process (the GUI's worker-thread writes,
its re-screen, a backup) must not drop the first one's SQLite file locks: POSIX releases
all of a process's locks on a file when any descriptor of it is closed. Then another
process closing its connection took the log for unused and deleted its WAL under the open
connection, whose next reads failed as 'database disk image is malformed'."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from workbench.store import TriageLog, backup

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "workbench" / "examples" / "draft_en_coffee_grinder.txt"


def _other_process_records(db: Path) -> None:
    code = (
        "from workbench.store import TriageLog\n"
        f"with TriageLog.open({str(db)!r}, reviewer='other') as log: log.decide(1, 'file_jp_first', 'recorded by another process')\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, capture_output=True)


@pytest.mark.parametrize("second", ["open", "backup"])
def test_the_first_connection_survives_a_second_one_and_another_process(tmp_path, monkeypatch, second):
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path / "config"))
    db = tmp_path / "log.sqlite"
    from workbench.batch import run_batch

    first = TriageLog.open(db)
    try:
        assert [o.status for o in run_batch([EXAMPLE], log=first)] == ["screened"]
        _other_process_records(db)
        if second == "open":
            TriageLog.open(db).close()  # e.g. a decision saved from a worker thread
        else:
            backup(db, tmp_path / "copy.sqlite")
        _other_process_records(db)  # e.g. the screening process recording and closing
        assert (tmp_path / "log.sqlite-wal").exists() and (tmp_path / "log.sqlite-shm").exists()
        assert [s.id for s in first.drafts()] == [1] and len(first.draft(1).decisions) == 2
        assert first.verify().ok
        with TriageLog.open(db) as again:
            assert len(again.draft(1).decisions) == 2
    finally:
        first.close()
