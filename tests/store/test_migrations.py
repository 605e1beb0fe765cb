"""Opening older logs upgrades them; newer ones are refused; migrations are atomic."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest
import sqlite_utils
from factories import make_verdict

from workbench.errors import StoreError
from workbench.store.schema import MIGRATIONS
from workbench.store import SCHEMA_VERSION, TriageLog
from workbench.store import schema as schema_mod
from workbench.store.chain import GENESIS, canonical_json, event_hash
from workbench.store.derive import draft_payload, verdict_payload


def _append_v1(conn, eid, prev, kind, draft_id, payload, at):
    h = event_hash(prev, id=eid, at=at, who="old-user", kind=kind, draft_id=draft_id, payload=payload)
    conn.execute(
        "INSERT INTO events (id, at, who, kind, draft_id, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [eid, at, "old-user", kind, draft_id, canonical_json(payload), prev, h],
    )
    return h


def build_v1_log(path):
    """A log as version-1 code wrote it: schema v1, one draft with a verdict, and a
    decision with a JP filing date but no stored key dates (v1 had no such columns)."""
    conn = sqlite3.connect(path, isolation_level=None)
    db = sqlite_utils.Database(conn)
    conn.execute("BEGIN")
    db["migrations"].create({"version": int, "name": str, "applied_at": str}, pk="version")
    schema_mod.v1_initial(db)
    conn.execute("INSERT INTO migrations VALUES (1, 'initial', '2024-06-01T00:00:00.000000Z')")
    v = make_verdict("old.txt", level="likely", likelihood=0.7)
    at = "2024-06-01T09:00:00.000000Z"
    h = _append_v1(conn, 1, GENESIS, "schema.migrated", None, {"from": 0, "to": 1}, at)
    dp = draft_payload(v)
    h = _append_v1(conn, 2, h, "draft.added", 1, dp, at)
    conn.execute(
        "INSERT INTO drafts (id, sha256, name, source_path, format, language, title, ingested_at, event_id) "
        "VALUES (1, ?, ?, ?, ?, ?, ?, ?, 2)",
        [dp["sha256"], dp["name"], dp["source_path"], dp["format"], dp["language"], dp["title"], at],
    )
    vp = verdict_payload(v)
    h = _append_v1(conn, 3, h, "verdict.recorded", 1, vp, at)
    from workbench.store.derive import DERIVED_COLUMNS, rows_for_event

    rows = rows_for_event({"id": 3, "at": at, "who": "old-user", "kind": "verdict.recorded", "draft_id": 1, "payload": vp})
    for table, trows in rows.items():
        cols = DERIVED_COLUMNS[table]
        for r in trows:
            conn.execute(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", [r[c] for c in cols])
    dec = {"decision": "file_jp_first", "rationale": "v1 decision", "completed_in_japan": True,
           "planned_countries": ["US"], "jp_filing_date": "2024-05-31"}
    _append_v1(conn, 4, h, "decision.recorded", 1, dec, "2024-06-02T10:00:00.000000Z")
    conn.execute(
        "INSERT INTO decisions (event_id, draft_id, decision, rationale, completed_in_japan, planned_countries, "
        "jp_filing_date, reviewer, at) VALUES (4, 1, 'file_jp_first', 'v1 decision', 1, ?, '2024-05-31', 'old-user', ?)",
        [json.dumps(["US"]), "2024-06-02T10:00:00.000000Z"],
    )
    conn.execute("COMMIT")
    conn.close()


@pytest.fixture
def v1_log(tmp_path):
    path = tmp_path / "v1.sqlite"
    build_v1_log(path)
    return path


def test_every_earlier_schema_is_listed_and_numbered():
    numbers = [n for n, _, _ in schema_mod.MIGRATIONS]
    assert numbers == list(range(1, SCHEMA_VERSION + 1))
    assert SCHEMA_VERSION >= 2


def test_v1_log_upgrades_with_key_dates_backfilled(v1_log):
    with TriageLog.open(v1_log, reviewer="new-user") as lg:
        assert lg.schema_version == SCHEMA_VERSION
        rec = lg.draft(1)
        d = rec.decision
        assert (d.jp_filing_date, d.primary_review_due, d.foreign_filing_free) == ("2024-05-31", "2024-08-31", "2025-03-31")
        assert d.rationale == "v1 decision" and d.reviewer == "old-user"
        assert rec.summary.level == "likely"
        assert lg.verify().ok
        migrated = [e for e in lg.history() if e.kind == "schema.migrated"]
        assert [e.payload for e in migrated] == [{"from": 0, "to": 1}, {"from": 1, "to": SCHEMA_VERSION}]
        assert [d.id for d in lg.due_soon(30, today="2024-08-15")] == [1]
        lg.decide(1, "clear_abroad", "after upgrade", jp_filing_date="2024-05-31", override_reason="JPO confirmed")
        assert lg.verify().ok
        applied = [r["version"] for r in lg.db.query("SELECT version FROM migrations ORDER BY version")]
        assert applied == list(range(1, SCHEMA_VERSION + 1))
        with pytest.raises(sqlite3.IntegrityError):  # the trigger lifted for the back-fill is back
            lg.conn.execute("UPDATE decisions SET rationale = 'x'")


def test_fresh_log_is_created_at_the_latest_schema(db_path):
    with TriageLog.open(db_path) as lg:
        assert lg.schema_version == SCHEMA_VERSION
        assert lg.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert lg.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_empty_file_is_not_taken_for_a_log(db_path):
    """A 0-byte file is someone else's (a new log is built under a temporary name and
    linked into place, so the workbench never leaves one): refused, never written into."""
    db_path.write_bytes(b"")
    with pytest.raises(StoreError) as exc:
        TriageLog.open(db_path)
    assert exc.value.code == "E501" and "empty" in exc.value.message
    assert db_path.stat().st_size == 0


def test_newer_schema_is_refused_and_file_untouched(db_path):
    with TriageLog.open(db_path) as lg:
        lg.record_verdict(make_verdict())
    raw = sqlite3.connect(db_path)
    raw.execute("INSERT INTO migrations VALUES (99, 'from the future', '2030-01-01')")
    raw.commit()
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    with pytest.raises(StoreError) as err:
        TriageLog.open(db_path)
    assert err.value.code == "E503" and "99" in err.value.message and err.value.path == str(db_path)
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


def test_a_failing_migration_rolls_back_completely(v1_log, monkeypatch):
    def broken(db):
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("boom in migration")

    monkeypatch.setattr(schema_mod, "MIGRATIONS", (schema_mod.MIGRATIONS[0], (2, "broken", broken)))
    monkeypatch.setattr("workbench.store.log.MIGRATIONS", (schema_mod.MIGRATIONS[0], (2, "broken", broken)))
    monkeypatch.setattr("workbench.store.log.LATEST", 2)
    with pytest.raises(RuntimeError):
        TriageLog.open(v1_log)
    raw = sqlite3.connect(v1_log)
    tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    version = raw.execute("SELECT MAX(version) FROM migrations").fetchone()[0]
    events = raw.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    raw.close()
    assert "half_done" not in tables and version == 1 and events == 4


# Decision columns as schema v2 had them (residences came with v3).
V2_DECISION_COLUMNS = (
    "event_id", "draft_id", "decision", "rationale", "completed_in_japan", "planned_countries",
    "jp_filing_date", "primary_review_due", "foreign_filing_free", "reviewer", "at",
)


def build_v2_log(path):
    """A log as version-2 code left it: the v1 log upgraded by the v2 migration (its
    schema.migrated event included), then one more decision as v2's decide() wrote it
    (key dates and 'supersedes' in the payload, no residences anywhere)."""
    build_v1_log(path)
    conn = sqlite3.connect(path, isolation_level=None)
    db = sqlite_utils.Database(conn)
    conn.execute("BEGIN")
    schema_mod.v2_decision_key_dates(db)
    conn.execute("INSERT INTO migrations VALUES (2, 'decision key dates', '2025-01-10T00:00:00.000000Z')")
    prev = conn.execute("SELECT hash FROM events WHERE id = 4").fetchone()[0]
    h = _append_v1(conn, 5, prev, "schema.migrated", None, {"from": 1, "to": 2}, "2025-01-10T00:00:00.000000Z")
    dec = {"decision": "prior_confirmation", "rationale": "v2 decision", "completed_in_japan": False,
           "planned_countries": ["US", "EP"], "jp_filing_date": "2025-01-31", "primary_review_due": "2025-04-30",
           "foreign_filing_free": "2025-11-30", "supersedes": 1}
    at = "2025-02-01T08:00:00.000000Z"
    _append_v1(conn, 6, h, "decision.recorded", 1, dec, at)
    row = {"event_id": 6, "draft_id": 1, "decision": dec["decision"], "rationale": dec["rationale"],
           "completed_in_japan": 0, "planned_countries": canonical_json(dec["planned_countries"]),
           "jp_filing_date": dec["jp_filing_date"], "primary_review_due": dec["primary_review_due"],
           "foreign_filing_free": dec["foreign_filing_free"], "reviewer": "old-user", "at": at}
    conn.execute(
        f"INSERT INTO decisions ({', '.join(V2_DECISION_COLUMNS)}) VALUES ({', '.join('?' * len(V2_DECISION_COLUMNS))})",
        [row[c] for c in V2_DECISION_COLUMNS],
    )
    conn.execute("COMMIT")
    conn.close()


@pytest.fixture
def v2_log(tmp_path):
    path = tmp_path / "v2.sqlite"
    build_v2_log(path)
    raw = sqlite3.connect(path)  # the fixture really is a v2 log: no residences column yet
    cols = [r[1] for r in raw.execute("PRAGMA table_info(decisions)")]
    version = raw.execute("SELECT MAX(version) FROM migrations").fetchone()[0]
    raw.close()
    assert version == 2 and "residences" not in cols and "completed_abroad" not in cols and "primary_review_due" in cols
    return path


def test_v2_log_upgrades_verifies_and_shows_old_decisions_as_not_recorded(v2_log):
    with TriageLog.open(v2_log, reviewer="new-user") as lg:
        assert lg.schema_version == SCHEMA_VERSION
        assert lg.verify().ok, lg.verify().detail
        applied = list(lg.db.query("SELECT version, name FROM migrations ORDER BY version"))
        assert [(r["version"], r["name"]) for r in applied] == [(n, name) for n, name, _ in MIGRATIONS]
        migrated = [e.payload for e in lg.history() if e.kind == "schema.migrated"]
        assert migrated == [{"from": 0, "to": 1}, {"from": 1, "to": 2}, {"from": 2, "to": SCHEMA_VERSION}]
        old = lg.draft(1).decisions
        assert [d.rationale for d in old] == ["v1 decision", "v2 decision"]
        assert [d.residences for d in old] == [None, None]  # not recorded, which is not "none"
        assert [r.residences for r in lg.decisions()] == [None, None]
        assert [d.completed_abroad for d in old] == [None, None]  # the v2 decision said 'not in Japan', not where
        assert [r.completed_abroad for r in lg.decisions()] == [None, None]
        assert old[1].completed_in_japan is False  # the yes/no answer itself is kept as it was
        assert old[1].planned_countries == ("US", "EP") and old[1].primary_review_due == "2025-04-30"
        new = lg.decide(1, "hold", "after the upgrade", residences=["JP", "IN"])
        none = lg.decide(1, "hold", "no residences given", residences=[])
        assert (new.residences, none.residences) == (("JP", "IN"), ())
        assert [d.residences for d in lg.draft(1).decisions] == [None, None, ("JP", "IN"), ()]
        assert lg.verify().ok
        with pytest.raises(sqlite3.IntegrityError):  # v3 kept the decisions table append-only
            lg.conn.execute("UPDATE decisions SET residences = '[\"JP\"]'")
    with TriageLog.open(v2_log) as lg:  # opening again migrates nothing more
        assert [e.kind for e in lg.history()].count("schema.migrated") == 3


def test_a_hand_edited_residence_is_caught_by_verify(v2_log):
    with TriageLog.open(v2_log, reviewer="new-user") as lg:
        lg.decide(1, "hold", "with residences", residences=["JP"])
        eid = lg.history()[-1].id
    raw = sqlite3.connect(v2_log)
    raw.execute("DROP TRIGGER decisions_no_update")
    raw.execute("UPDATE decisions SET residences = '[\"US\"]' WHERE event_id = ?", [eid])
    raw.execute("UPDATE decisions SET residences = '[]' WHERE event_id = 6")  # an old decision 'given none'
    raw.commit()
    raw.close()
    with TriageLog.open(v2_log) as lg:
        res = lg.verify()
    assert not res.ok and res.first_broken == 6 and "decisions" in res.detail


def test_v2_log_exports_show_not_recorded(v2_log, tmp_path):
    from workbench.store.export import export_log, read_csv_export

    with TriageLog.open(v2_log, reviewer="new-user") as lg:
        lg.decide(1, "hold", "after the upgrade", residences=["IN"])
        rows = read_csv_export(export_log(lg, "csv", tmp_path / "e.csv").path)
        data = json.loads(export_log(lg, "json", tmp_path / "e.json").path.read_text(encoding="utf-8"))
    assert [r["residences"] for r in rows] == ["not recorded", "not recorded", "IN"]
    assert [d["residences"] for d in data["decisions"]] == [None, None, ["IN"]]
    assert data["meta"]["schema_version"] == SCHEMA_VERSION


def test_v2_log_takes_places_of_completion_abroad_after_the_upgrade(v2_log):
    with TriageLog.open(v2_log, reviewer="new-user") as lg:
        new = lg.decide(1, "hold", "partly made in the US and China", True, completed_abroad=["us", "CN", "US"])
        none = lg.decide(1, "hold", "made in Japan only", True, completed_abroad=[])
        assert (new.completed_abroad, none.completed_abroad) == (("US", "CN"), ())
        assert [d.completed_abroad for d in lg.draft(1).decisions] == [None, None, ("US", "CN"), ()]
        assert lg.verify().ok
        with pytest.raises(sqlite3.IntegrityError):  # the new column is append-only like the rest
            lg.conn.execute("UPDATE decisions SET completed_abroad = '[\"KR\"]'")


def test_a_hand_edited_place_of_completion_abroad_is_caught_by_verify(v2_log):
    with TriageLog.open(v2_log, reviewer="new-user") as lg:
        lg.decide(1, "hold", "made in the US", False, completed_abroad=["US"])
        eid = lg.history()[-1].id
        assert lg.verify().ok
    raw = sqlite3.connect(v2_log)
    raw.execute("DROP TRIGGER decisions_no_update")
    raw.execute("UPDATE decisions SET completed_abroad = '[\"DE\"]' WHERE event_id = ?", [eid])
    raw.commit()
    raw.close()
    with TriageLog.open(v2_log) as lg:
        res = lg.verify()
    assert not res.ok and res.first_broken == eid and "decisions" in res.detail


def test_an_old_decision_given_a_place_abroad_by_hand_is_caught_by_verify(v2_log):
    """A v2 decision never recorded where abroad: filling its NULL in afterwards is a forgery."""
    with TriageLog.open(v2_log) as lg:
        assert lg.verify().ok
    raw = sqlite3.connect(v2_log)  # opened once above, so it is v3 now
    raw.execute("DROP TRIGGER decisions_no_update")
    raw.execute("UPDATE decisions SET completed_abroad = '[]' WHERE event_id = 6")
    raw.commit()
    raw.close()
    with TriageLog.open(v2_log) as lg:
        res = lg.verify()
    assert not res.ok and res.first_broken == 6


def test_v2_log_exports_show_completed_abroad_not_recorded(v2_log, tmp_path):
    from workbench.store.export import export_log, read_csv_export

    with TriageLog.open(v2_log, reviewer="new-user") as lg:
        lg.decide(1, "hold", "after the upgrade", False, completed_abroad=["US", "CN"])
        rows = read_csv_export(export_log(lg, "csv", tmp_path / "e.csv").path)
        data = json.loads(export_log(lg, "json", tmp_path / "e.json").path.read_text(encoding="utf-8"))
    assert [r["completed_abroad"] for r in rows] == ["not recorded", "not recorded", "US,CN"]
    assert [r["completed_in_japan"] for r in rows] == ["yes", "no", "no"]  # v1: yes, v2: no, as they were written
    assert [d["completed_abroad"] for d in data["decisions"]] == [None, None, ["US", "CN"]]


def test_old_drafts_are_first_versions_of_their_own_matters_after_the_upgrade(v2_log):
    """The draft-versions migration back-fills nothing: a draft without a version row is
    version 1 of its own matter, its decisions stay its own, the chain still verifies."""
    with TriageLog.open(v2_log, reviewer="new-user") as lg:
        rec = lg.draft(1)
        assert (rec.summary.matter_id, rec.version, len(rec.versions)) == (1, 1, 1) and rec.changes == ()
        assert [m.id for m in lg.matters()] == [s.id for s in lg.drafts()]
        assert [r.version for r in lg.decisions()] == [1, 1]
        assert lg.verify().ok, lg.verify().detail
