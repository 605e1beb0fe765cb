"""SQLite's refusals become coded errors by SQLite's result code (Python 3.11+), and on Python
3.10 (no result codes) by the one documented fallback: the append-only triggers' machine token
and SQLite's own fixed words, never a message of ours."""

from __future__ import annotations

import sqlite3

import pytest
from factories import make_verdict

from workbench.store import TriageLog
from workbench.store.log import _store_error, _store_error_py310
from workbench.store.schema import APPEND_ONLY_ABORT


def _refusal(db_path) -> sqlite3.IntegrityError:
    with TriageLog.open(db_path, reviewer="tester") as lg:
        lg.record_verdict(make_verdict("a.txt"))
    raw = sqlite3.connect(db_path)
    try:
        with pytest.raises(sqlite3.IntegrityError) as exc:
            raw.execute("UPDATE verdicts SET level = 'clear'")
    finally:
        raw.close()
    return exc.value


@pytest.mark.parametrize("mapping", [_store_error, _store_error_py310], ids=["by-code", "py310-fallback"])
def test_an_append_only_refusal_is_e505(db_path, mapping):
    exc = _refusal(db_path)
    assert str(exc).startswith(APPEND_ONLY_ABORT)  # the token the triggers raise (schema.py)
    err = mapping(db_path, exc)
    assert err.code == "E505" and "append-only" not in err.render_in("ja")


@pytest.mark.parametrize("mapping", [_store_error, _store_error_py310], ids=["by-code", "py310-fallback"])
def test_another_constraint_is_not_taken_for_the_trigger(db_path, mapping):
    raw = sqlite3.connect(":memory:")
    raw.execute("CREATE TABLE t (x TEXT NOT NULL)")
    with pytest.raises(sqlite3.IntegrityError) as exc:
        raw.execute("INSERT INTO t VALUES (NULL)")
    assert mapping(db_path, exc.value).code == "E501"


@pytest.mark.parametrize("mapping", [_store_error, _store_error_py310], ids=["by-code", "py310-fallback"])
def test_a_locked_database_is_e502(db_path, mapping):
    with TriageLog.open(db_path, reviewer="tester"):
        pass
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    try:
        with pytest.raises(sqlite3.OperationalError) as exc:
            other.execute("BEGIN IMMEDIATE")
        assert mapping(db_path, exc.value).code == "E502"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        other.close()
