"""Damaged, foreign, locked and unwritable logs: coded errors, files never touched."""

from __future__ import annotations

import hashlib
import os
import sqlite3

import pytest
from factories import make_verdict

from workbench.cli.main import main
from workbench.errors import StoreError
from workbench.store import TriageLog, backup, find_backups, suggest_new_path


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _filled(path, n=40):
    with TriageLog.open(path, reviewer="t") as lg:
        for i in range(n):
            did = lg.record_verdict(make_verdict(f"d{i}.txt"))
            lg.decide(did, "hold", "reason " * 50)
        lg.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def test_random_bytes_are_e501_and_untouched(db_path, capsys):
    db_path.write_bytes(os.urandom(8192))
    before = _digest(db_path)
    with pytest.raises(StoreError) as err:
        TriageLog.open(db_path)
    assert err.value.code == "E501" and err.value.path == str(db_path)
    assert _digest(db_path) == before
    assert not db_path.with_name(db_path.name + "-wal").exists()
    rc = main(["log", "list", "--db", str(db_path)])
    err_text = capsys.readouterr().err
    assert rc == 2 and "[E501]" in err_text and str(db_path) in err_text and "Traceback" not in err_text
    assert _digest(db_path) == before


def test_truncated_log_is_e501_and_untouched(db_path):
    _filled(db_path)
    data = db_path.read_bytes()
    assert len(data) > 20000
    db_path.write_bytes(data[: len(data) // 2])
    before = _digest(db_path)
    with pytest.raises(StoreError) as err:
        TriageLog.open(db_path)
    assert err.value.code == "E501"
    assert _digest(db_path) == before


def test_corrupted_page_is_e501(db_path):
    _filled(db_path)
    data = bytearray(db_path.read_bytes())
    page = 4096
    data[page * 3 : page * 3 + 512] = os.urandom(512)  # scribble over a b-tree page
    db_path.write_bytes(bytes(data))
    with pytest.raises(StoreError) as err:
        TriageLog.open(db_path)
    assert err.value.code == "E501"


def test_foreign_sqlite_database_is_refused(db_path):
    raw = sqlite3.connect(db_path)
    raw.execute("CREATE TABLE customers (name TEXT)")
    raw.commit()
    raw.close()
    before = _digest(db_path)
    with pytest.raises(StoreError) as err:
        TriageLog.open(db_path)
    assert err.value.code == "E501" and "not a triage log" in err.value.message
    assert _digest(db_path) == before


def test_locked_by_another_program_is_e502(db_path):
    _filled(db_path, n=1)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError) as err:
            TriageLog.open(db_path, timeout=0.2)
        assert err.value.code == "E502" and err.value.path == str(db_path)
    finally:
        other.execute("ROLLBACK")
        other.close()
    with TriageLog.open(db_path) as lg:
        assert len(lg.drafts()) == 1


def test_write_blocked_beyond_timeout_is_e502_and_nothing_is_lost(db_path):
    lg = TriageLog.open(db_path, reviewer="t", timeout=0.2)
    did = lg.record_verdict(make_verdict())
    lg.decide(did, "hold", "first")
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the write lock
    with pytest.raises(StoreError) as err:
        lg.decide(did, "clear_abroad", "blocked")
    assert err.value.code == "E502"
    assert len(lg.draft(did).decisions) == 1  # reading still works while locked
    other.execute("ROLLBACK")
    other.close()
    lg.decide(did, "clear_abroad", "after the lock")
    assert [d.rationale for d in lg.draft(did).decisions] == ["first", "after the lock"]
    assert lg.verify().ok
    lg.close()


def test_unwritable_place_is_e509(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(StoreError) as err:
        TriageLog.open(blocker / "log.sqlite")
    assert err.value.code == "E509"
    with pytest.raises(StoreError) as err:
        TriageLog.open(tmp_path)  # a folder
    assert err.value.code == "E509"


def test_backups_and_new_file_offer(db_path):
    _filled(db_path, n=3)
    assert find_backups(db_path) == []
    b1 = backup(db_path)
    with TriageLog.open(db_path) as lg:
        b2 = lg.backup()
        assert lg.verify().ok
    found = find_backups(db_path)
    assert set(found) == {b1, b2} and found[0] == max(b1, b2, key=lambda p: p.name)
    with TriageLog.open(b1) as copy:
        assert len(copy.drafts()) == 3 and copy.verify().ok
    with pytest.raises(StoreError):
        backup(db_path, dest=b1)  # never overwrites
    # the damaged-file flow: the original is left, a backup opens, a new name is free
    db_path.write_bytes(b"garbage" * 100)
    with pytest.raises(StoreError):
        TriageLog.open(db_path)
    with TriageLog.open(find_backups(db_path)[0]) as restored:
        assert len(restored.drafts()) == 3
    new = suggest_new_path(db_path)
    assert not new.exists() and new != db_path and new.parent == db_path.parent
    with pytest.raises(StoreError) as err:
        backup(db_path)
    assert err.value.code == "E501"


def test_disk_full_is_e511_and_the_change_is_not_half_recorded(db_path):
    import dataclasses

    lg = TriageLog.open(db_path, reviewer="t")
    did = lg.record_verdict(make_verdict())
    lg.decide(did, "hold", "before the disk filled")
    pages = lg.conn.execute("PRAGMA page_count").fetchone()[0]
    lg.conn.execute(f"PRAGMA max_page_count = {pages + 1}")  # simulate a full disk
    big = make_verdict("big.txt", claims=tuple("A drone with part %d. " % i * 40 for i in range(200)))
    with pytest.raises(StoreError) as err:
        lg.record_verdict(big)
    assert err.value.code == "E511" and err.value.path == str(db_path)
    assert [s.name for s in lg.drafts()] == ["draft.txt"]
    assert lg.verify().ok
    with pytest.raises(StoreError) as err:  # a NaN score is refused before anything is written
        lg.record_verdict(dataclasses.replace(make_verdict("nan.txt"), fields=(dataclasses.replace(big.fields[0], likelihood=float("nan")),)))
    assert err.value.code == "E508"
    lg.close()
    with TriageLog.open(db_path) as again:  # a fresh connection has no page limit
        again.record_verdict(big)
        assert len(again.drafts()) == 2 and again.verify().ok
