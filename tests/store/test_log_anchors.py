"""The log against hostile edits: empty or foreign files are never taken as a log, verify
checks the structure and the append-only triggers, and a signed checkpoint kept outside
the log catches a rewritten, truncated or extended chain (issue 14)."""

from __future__ import annotations

import json
import sqlite3

import pytest
from factories import make_verdict

from workbench.cli.main import main
from workbench.errors import StoreError
from workbench.store import TriageLog
from workbench.store import checkpoint as cpt
from workbench.store.chain import GENESIS, canonical_json, event_hash
from workbench.store.derive import DERIVED_COLUMNS, rows_for_event
from workbench.store.schema import APPEND_ONLY_TABLES


def _decided(db_path, n=3):
    with TriageLog.open(db_path, reviewer="alice") as lg:
        for i in range(n):
            did = lg.record_verdict(make_verdict(f"d{i}.txt"))
            lg.decide(did, "hold", f"original rationale {i}")
        return lg.head()


def _drop_triggers(raw):
    for table in APPEND_ONLY_TABLES:
        raw.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
        raw.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")


def _restore_triggers(raw):
    for table in APPEND_ONLY_TABLES:
        for action in ("UPDATE", "DELETE"):
            raw.execute(
                f"CREATE TRIGGER IF NOT EXISTS {table}_no_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, 'append-only: {action} on {table} is not allowed'); END"
            )


def _rewrite_whole_chain(db_path):
    """The attack the chain alone cannot show: edit a decision, recompute every hash after
    it AND rebuild its derived rows, then put the triggers back."""
    raw = sqlite3.connect(db_path)
    _drop_triggers(raw)
    prev = GENESIS
    events = raw.execute("SELECT id, at, who, kind, draft_id, payload FROM events ORDER BY id").fetchall()
    for eid, at, who, kind, did, payload in events:
        p = json.loads(payload)
        if kind == "decision.recorded" and p.get("rationale") == "original rationale 0":
            p["rationale"] = "forged rationale"
            for table, rows in rows_for_event({"id": eid, "at": at, "who": who, "kind": kind, "draft_id": did, "payload": p}).items():
                raw.execute(f"DELETE FROM {table} WHERE event_id = ?", [eid])
                cols = DERIVED_COLUMNS[table]
                for row in rows:
                    raw.execute(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})", [row[c] for c in cols])
        h = event_hash(prev, id=eid, at=at, who=who, kind=kind, draft_id=did, payload=p)
        raw.execute("UPDATE events SET payload = ?, prev_hash = ?, hash = ? WHERE id = ?", [canonical_json(p), prev, h, eid])
        prev = h
    _restore_triggers(raw)
    raw.commit()
    raw.close()


def _truncate_last(db_path, k=2):
    """Delete the last k events with every row they produced, triggers put back."""
    raw = sqlite3.connect(db_path)
    _drop_triggers(raw)
    top = raw.execute("SELECT MAX(id) FROM events").fetchone()[0]
    for eid in range(top - k + 1, top + 1):
        for table in DERIVED_COLUMNS:
            raw.execute(f"DELETE FROM {table} WHERE event_id = ?", [eid])
        raw.execute("DELETE FROM events WHERE id = ?", [eid])
    _restore_triggers(raw)
    raw.commit()
    raw.close()


def _append_forged(db_path):
    """A forged decision appended through the log's own code: a valid hash and valid rows."""
    with TriageLog.open(db_path, reviewer="mallory") as lg, lg._txn():
        lg._append("decision.recorded", 1, {"decision": "no_restriction", "rationale": "forged", "completed_in_japan": True,
                                            "planned_countries": [], "jp_filing_date": None}, "alice")


@pytest.fixture
def checkpointed(db_path, tmp_path, capsys):
    _decided(db_path)
    out = tmp_path / "elsewhere" / "cp.json"
    assert main(["log", "checkpoint", "--db", str(db_path), "--out", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    return out


# ------------------------------------------------------------- empty and foreign files
def test_empty_file_given_as_db_is_refused_and_left_empty(db_path, capsys):
    db_path.write_bytes(b"")
    for argv in (["log", "verify"], ["log", "list"], ["log", "checkpoint"]):
        assert main([*argv, "--db", str(db_path)]) == 2
        err = capsys.readouterr().err
        assert "[E501]" in err and "empty" in err and str(db_path) in err and "Traceback" not in err
    with pytest.raises(StoreError) as exc:
        TriageLog.open(db_path)
    assert exc.value.code == "E501"
    assert db_path.stat().st_size == 0
    assert not db_path.with_name(db_path.name + "-wal").exists()


def test_a_new_log_is_never_seen_empty(db_path):
    with TriageLog.open(db_path) as lg:
        assert lg.verify().ok
    assert db_path.read_bytes()[:16] == b"SQLite format 3\x00"
    assert not list(db_path.parent.glob(f".{db_path.name}.*"))  # the temporary build is gone


def test_sqlite_file_with_a_migrations_table_of_another_program_is_refused(db_path):
    raw = sqlite3.connect(db_path)
    raw.execute("CREATE TABLE migrations (id INTEGER PRIMARY KEY, migration TEXT, batch INTEGER)")
    raw.commit()
    raw.close()
    with pytest.raises(StoreError) as exc:
        TriageLog.open(db_path)
    assert exc.value.code == "E501"


# ------------------------------------------------------------- structure and triggers
@pytest.mark.parametrize("table", ["events", "decisions"])
def test_dropped_trigger_is_caught_by_verify(db_path, capsys, table):
    _decided(db_path)
    raw = sqlite3.connect(db_path)
    raw.execute(f"DROP TRIGGER {table}_no_delete")
    raw.commit()
    raw.close()
    with TriageLog.open(db_path) as lg:
        res = lg.verify()
    assert not res.ok and f"{table}_no_delete" in res.detail and "missing" in res.detail
    assert main(["log", "verify", "--db", str(db_path)]) == 2
    err = capsys.readouterr().err
    assert "[E530]" in err and f"{table}_no_delete" in err


def test_weakened_trigger_and_extra_trigger_are_caught(db_path):
    _decided(db_path)
    raw = sqlite3.connect(db_path)
    raw.execute("DROP TRIGGER events_no_update")
    raw.execute("CREATE TRIGGER events_no_update BEFORE UPDATE ON events WHEN 0 BEGIN SELECT 1; END")
    raw.execute("CREATE TRIGGER sneaky AFTER INSERT ON events BEGIN SELECT 1; END")
    raw.commit()
    raw.close()
    with TriageLog.open(db_path) as lg:
        res = lg.verify()
    assert not res.ok
    assert any("events_no_update was changed" in p for p in res.problems)
    assert any("extra trigger sneaky" in p for p in res.problems)


def test_intact_log_verifies_with_its_structure(db_path, capsys):
    _decided(db_path)
    assert main(["log", "verify", "--db", str(db_path)]) == 0
    assert "structure intact" in capsys.readouterr().out


# ------------------------------------------------------------- signed checkpoints
def test_checkpoint_of_an_intact_log_verifies(db_path, checkpointed, capsys):
    assert main(["log", "verify", "--db", str(db_path), "--against", str(checkpointed)]) == 0
    out = capsys.readouterr().out
    assert "matches the checkpoint of event" in out
    cp = json.loads(checkpointed.read_text())
    assert cp["key"]["algorithm"] == "Ed25519" and len(cp["head_hash"]) == 64


def test_rewritten_chain_passes_plain_verify_but_not_the_checkpoint(db_path, checkpointed, capsys):
    _rewrite_whole_chain(db_path)
    with TriageLog.open(db_path) as lg:
        assert lg.verify().ok  # the chain alone cannot show it: that is why anchors exist
    assert main(["log", "verify", "--db", str(db_path), "--against", str(checkpointed)]) == 2
    out, err = capsys.readouterr()
    assert "[E534]" in err and "rewritten" in err and str(db_path) in err
    assert "OK" not in out  # it printed "OK: ... intact" before the checkpoint's error


def test_truncated_chain_is_caught(db_path, checkpointed, capsys):
    _truncate_last(db_path, k=2)
    with TriageLog.open(db_path) as lg:
        assert lg.verify().ok
    assert main(["log", "verify", "--db", str(db_path), "--against", str(checkpointed)]) == 2
    err = capsys.readouterr().err
    assert "[E534]" in err and "removed" in err


@pytest.mark.parametrize("k, says", [(1, "event 10 was removed"), (3, "events 8-10 were removed")])
def test_truncation_names_the_events_removed(db_path, checkpointed, capsys, k, says):
    _truncate_last(db_path, k=k)  # one event removed read "events 10-10 were removed"
    assert main(["log", "verify", "--db", str(db_path), "--against", str(checkpointed)]) == 2
    assert says in capsys.readouterr().err


def test_extended_chain_is_caught_unless_later_events_are_expected(db_path, checkpointed, capsys):
    _append_forged(db_path)
    with TriageLog.open(db_path) as lg:
        assert lg.verify().ok  # a forged event with a valid hash and valid rows
    assert main(["log", "verify", "--db", str(db_path), "--against", str(checkpointed)]) == 2
    err = capsys.readouterr().err
    assert "[E534]" in err and "not covered" in err and "decision.recorded" in err
    assert main(["log", "verify", "--db", str(db_path), "--against", str(checkpointed), "--allow-later"]) == 0
    assert "after the checkpoint" in capsys.readouterr().out


def test_dropped_triggers_are_caught_against_a_checkpoint_too(db_path, checkpointed, capsys):
    raw = sqlite3.connect(db_path)
    _drop_triggers(raw)
    raw.commit()
    raw.close()
    assert main(["log", "verify", "--db", str(db_path), "--against", str(checkpointed)]) == 2
    assert "[E530]" in capsys.readouterr().err


def test_altered_checkpoint_is_refused(db_path, checkpointed, capsys):
    cp = json.loads(checkpointed.read_text())
    _rewrite_whole_chain(db_path)
    with TriageLog.open(db_path) as lg:
        cp["head_hash"] = lg.head()[1]  # the attacker also edits the checkpoint to match
    checkpointed.write_text(json.dumps(cp))
    assert main(["log", "verify", "--db", str(db_path), "--against", str(checkpointed)]) == 2
    err = capsys.readouterr().err
    assert "[E532]" in err and "altered" in err


def test_checkpoint_signed_by_an_unknown_key_is_refused_until_trusted(db_path, tmp_path, monkeypatch, capsys):
    _decided(db_path)
    other = tmp_path / "attacker.pem"
    out = tmp_path / "cp.json"
    assert main(["log", "checkpoint", "--db", str(db_path), "--out", str(out), "--key", str(other)]) == 0
    capsys.readouterr()
    cpt.load_key()  # the user's own key exists and is not the one that signed
    assert main(["log", "verify", "--db", str(db_path), "--against", str(out)]) == 2
    assert "[E532]" in capsys.readouterr().err
    assert main(["log", "verify", "--db", str(db_path), "--against", str(out), "--trust", str(other.with_suffix(".pub"))]) == 0


def test_key_file_is_private_and_outside_the_log(db_path, checkpointed):
    key = cpt.default_key_path()
    assert key.exists() and key.parent != db_path.parent
    assert key.stat().st_mode & 0o077 == 0


def test_damaged_checkpoint_or_key_is_a_coded_error(db_path, tmp_path, capsys):
    _decided(db_path)
    bad = tmp_path / "cp.json"
    bad.write_text("{not json")
    assert main(["log", "verify", "--db", str(db_path), "--against", str(bad)]) == 2
    assert "[E531]" in capsys.readouterr().err
    badkey = tmp_path / "k.pem"
    badkey.write_text("garbage")
    assert main(["log", "checkpoint", "--db", str(db_path), "--key", str(badkey)]) == 2
    err = capsys.readouterr().err
    assert "[E533]" in err and "Traceback" not in err


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
def test_an_export_is_an_anchor(db_path, tmp_path, capsys, fmt):
    _decided(db_path)
    out = tmp_path / f"export.{fmt}"
    assert main(["log", "export", "--db", str(db_path), "--out", str(out)]) == 0
    assert main(["log", "verify", "--db", str(db_path), "--against", str(out)]) == 0
    _truncate_last(db_path, k=1)
    assert main(["log", "verify", "--db", str(db_path), "--against", str(out)]) == 2
    assert "[E534]" in capsys.readouterr().err


@pytest.mark.parametrize("kind, payload", [
    ("annotation.added", {"note": "forged"}),  # keys the workbench always writes are missing
    ("verdict.recorded", {"level": "clear", "claims": [{"number": 1}]}),
    ("decision.recorded", ["not", "a", "mapping"]),
])
def test_event_appended_by_hand_with_a_payload_never_written_is_a_coded_break(db_path, checkpointed, capsys, monkeypatch,
                                                                              kind, payload):
    # appended with raw SQL and a valid hash: verify crashed with a KeyError traceback
    raw = sqlite3.connect(db_path)
    eid, h = raw.execute("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1").fetchone()
    at = "2026-12-02T00:00:00Z"
    forged = event_hash(h, id=eid + 1, at=at, who="mallory", kind=kind, draft_id=1, payload=payload)
    raw.execute("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [eid + 1, at, "mallory", kind, 1, canonical_json(payload), h, forged])
    raw.commit()
    raw.close()
    with TriageLog.open(db_path) as lg:
        res = lg.verify()
    assert not res.ok and res.first_broken == eid + 1 and kind in res.detail
    for lang, word in (("en", "not one the workbench ever writes"), ("ja", "書き込まない")):
        monkeypatch.setenv("WORKBENCH_LANG", lang)
        capsys.readouterr()
        assert main(["log", "verify", "--db", str(db_path)]) == 2
        err = capsys.readouterr().err
        assert "[E504]" in err and f"{eid + 1}" in err and word in err, err
        assert main(["log", "verify", "--db", str(db_path), "--against", str(checkpointed)]) == 2
        assert "[E5" in capsys.readouterr().err
