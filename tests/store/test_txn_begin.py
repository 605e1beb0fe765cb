"""A write transaction that fails as it begins leaves the connection fit for the next one.

On PostgreSQL a write begins with two statements (``BEGIN``, then the writers' advisory lock,
which times out as E502 while another writer holds it); a Ctrl-C can land between any two
statements on either backend. The begin used to sit outside the transaction's rollback: the
connection was left in an aborted transaction (PostgreSQL: every later write E501) or inside
an open one (SQLite: "cannot start a transaction within a transaction")."""

from __future__ import annotations

import pytest
from factories import make_verdict

from workbench.errors import StoreError
from workbench.store import TriageLog
from workbench.store.dialect import ADVISORY_LOCK_KEY


def test_a_ctrl_c_just_after_begin_rolls_back_and_the_next_write_is_kept(log, monkeypatch):
    did = log.record_verdict(make_verdict("first.txt"))
    kind = type(log.dialect)
    real = kind.begin_write
    armed = [True]

    def begin_write(conn) -> None:  # the transaction began, then a Ctrl-C arrived
        real(conn)
        if armed.pop() if armed else False:
            raise KeyboardInterrupt

    monkeypatch.setattr(kind, "begin_write", staticmethod(begin_write))
    with pytest.raises(KeyboardInterrupt):
        log.decide(did, "hold", "interrupted")
    assert not log.conn.in_transaction
    log.decide(did, "hold", "after")
    assert [d.rationale for d in log.draft(did).decisions] == ["after"]
    assert log.verify().ok


def test_a_team_logs_writer_lock_timing_out_is_e502_and_the_next_write_is_kept(team_server):
    # the team log's own case (SQLite's BEGIN IMMEDIATE that times out: test_damaged.py)
    import psycopg

    log_ref = team_server.url(team_server.new_database())
    lg = TriageLog.open(log_ref, reviewer="tester", timeout=0.3)
    other = psycopg.connect(str(log_ref), autocommit=True)
    try:
        did = lg.record_verdict(make_verdict("first.txt"))
        other.execute("SELECT pg_advisory_lock(%s)", [ADVISORY_LOCK_KEY])  # another writer is writing
        with pytest.raises(StoreError) as err:
            lg.decide(did, "hold", "blocked")
        assert err.value.code == "E502"
        other.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_LOCK_KEY])
        lg.decide(did, "hold", "after the lock")  # was E501: "current transaction is aborted"
        assert [d.rationale for d in lg.draft(did).decisions] == ["after the lock"]
        assert lg.verify().ok
    finally:
        other.close()
        lg.close()
