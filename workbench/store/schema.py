"""Numbered schema migrations of the triage log.

Each migration is a function ``(db) -> None`` run inside the opening transaction
(BEGIN IMMEDIATE ... COMMIT) together with its row in the ``migrations`` table, so a
crash leaves either the old or the new schema, never half of one. Never edit a
released migration: add the next number.

- v1: drafts, verdicts (per draft, with claims and per-claim/per-draft field
  verdicts), annotations, decisions, the hash-chained ``events`` history, and
  triggers that make every table append-only.
- v2: decision key dates (primary_review_due = JP filing + 3 months,
  foreign_filing_free = JP filing + 10 months), back-filled for older decisions
  from their JP filing date; indexes for the draft list and the due list.
- v3: decision residences (the inventors' / applicant's countries of residence given
  with the decision, JSON list of ISO codes) and the countries other than Japan where
  the invention was completed (``completed_abroad``, same form). No back-fill: older
  decisions never recorded them, so their columns stay NULL and read as "not
  recorded" (an empty list is "none"); their events are unchanged, so the chain
  still verifies.
- v4: ``filing_facts``: the facts of a draft the clearance plan is computed from (issue 15):
  inventors (name, residence, nationality, where their part was made), applicants (name,
  seat), planned filings (office, route national / ep / pct, receiving office, intended
  date, filed on) and clearances asked for without a home filing (rule, requested, granted),
  each a JSON list, one row per ``facts.recorded`` event (the latest supersedes; append-only
  like the rest).
- v5: sign-off on risky decisions. A decision against the verdict or the filing
  checklist carries its override (``override_reason``, and ``override_risks``: JSON list
  of the risk codes, workbench.store.signoff); a manager's approval is its own event,
  materialised in ``approvals`` (append-only like every table). Older decisions keep
  NULL: they were recorded without the check.
- v6: draft versions (``draft_versions``: a re-imported, changed draft is version n of its
  matter, from a ``draft.versioned`` event), annotations carried over to an unchanged claim
  of the new version (``annotations.carried_from``) and re-review flags for the annotations
  of amended or removed claims (``review_flags``), both from an ``annotations.carried``
  event. No back-fill: a draft without a version row is version 1 of its own matter.
- v7: the team log's refusals carry codes. PostgreSQL only (``dialect.PG_DATA_STEPS[7]``):
  the trigger functions are replaced so that the append-only and four-eyes refusals raise
  SQLSTATEs of their own with the operation / the approver's login in a diagnostic field
  (v1-v6 raised PostgreSQL's generic P0001 with the facts only in English text). A local
  SQLite log has no such functions (RAISE(ABORT) has no code of its own; its one kind of
  trigger refusal is told by SQLITE_CONSTRAINT_TRIGGER), so on SQLite v7 changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from workbench.store.dates import key_dates

# Every table holding history: no row is ever updated or deleted.
V1_TABLES = ("events", "drafts", "verdicts", "claims", "field_verdicts", "annotations", "decisions")
# (filing_facts, from v4, and approvals, from v5, get their triggers in their own migrations: v1 never changes)
VERSION_TABLES = ("draft_versions", "review_flags")  # v6, append-only as well
APPEND_ONLY_TABLES = (*V1_TABLES, "approvals", *VERSION_TABLES)
# The machine token every append-only trigger's RAISE(ABORT, ...) message starts with (frozen
# with v1's triggers: the structure check compares their SQL). Python 3.11+ tells the refusal by
# SQLite's code (SQLITE_CONSTRAINT_TRIGGER) alone; only Python 3.10's sqlite3, which gives no
# code, looks for this token (store/log.py ``_store_error_py310``).
APPEND_ONLY_ABORT = "append-only:"


def _append_only_triggers(db: sqlite_utils.Database, table: str) -> None:
    for action in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER IF NOT EXISTS {table}_no_{action.lower()} BEFORE {action} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_ABORT} {action} on {table} is not allowed'); END"
        )


def v1_initial(db: sqlite_utils.Database) -> None:
    db["events"].create(
        {"id": int, "at": str, "who": str, "kind": str, "draft_id": int, "payload": str, "prev_hash": str, "hash": str},
        pk="id",
        not_null={"at", "who", "kind", "payload", "prev_hash", "hash"},
    )
    db["drafts"].create(
        {
            "id": int, "sha256": str, "name": str, "source_path": str, "format": str,
            "language": str, "title": str, "ingested_at": str, "event_id": int,
        },
        pk="id",
        not_null={"sha256", "event_id"},
    )
    db["drafts"].create_index(["sha256"], unique=True)
    db["verdicts"].create(
        {
            "id": int, "event_id": int, "draft_id": int, "at": str, "who": str, "level": str,
            "top_field_id": int, "top_likelihood": float,
            "ruleset_version": str, "ruleset_checksum": str, "model_version": str,
        },
        pk="id",
        not_null={"event_id", "draft_id", "level"},
    )
    db["claims"].create(
        {
            "id": int, "event_id": int, "draft_id": int, "number": int, "text": str,
            "independent": int, "depends_on": str, "category": str,
        },
        pk="id",
        not_null={"event_id", "draft_id", "number"},
    )
    db["field_verdicts"].create(
        {
            "id": int, "event_id": int, "draft_id": int, "claim_number": int, "field_id": int,
            "status": str, "likelihood": float, "verified": int, "name_en": str, "name_ja": str,
            "reasons": str, "evidence": str,
        },
        pk="id",
        not_null={"event_id", "draft_id", "field_id"},
    )
    db["annotations"].create(
        {
            "id": int, "event_id": int, "draft_id": int, "claim_number": int, "field_id": int,
            "verdict": str, "note": str, "corrected_ipc": str, "reviewer": str, "at": str,
        },
        pk="id",
        not_null={"event_id", "draft_id", "verdict"},
    )
    db["decisions"].create(
        {
            "id": int, "event_id": int, "draft_id": int, "decision": str, "rationale": str,
            "completed_in_japan": int, "planned_countries": str, "jp_filing_date": str,
            "reviewer": str, "at": str,
        },
        pk="id",
        not_null={"event_id", "draft_id", "decision", "rationale"},
    )
    for table in V1_TABLES:
        _append_only_triggers(db, table)


def v2_decision_key_dates(db: sqlite_utils.Database) -> None:
    db.execute("ALTER TABLE decisions ADD COLUMN primary_review_due TEXT")
    db.execute("ALTER TABLE decisions ADD COLUMN foreign_filing_free TEXT")
    # Back-fill derived dates; the append-only trigger is lifted for this one
    # schema step only, inside the migration transaction.
    db.execute("DROP TRIGGER decisions_no_update")
    rows = list(db.query("SELECT id, jp_filing_date FROM decisions WHERE jp_filing_date IS NOT NULL"))
    for row in rows:
        primary, free = key_dates(row["jp_filing_date"])
        db.execute(
            "UPDATE decisions SET primary_review_due = ?, foreign_filing_free = ? WHERE id = ?",
            [primary, free, row["id"]],
        )
    _append_only_triggers(db, "decisions")
    for table, cols in (
        ("verdicts", ["draft_id"]),
        ("claims", ["event_id"]),
        ("field_verdicts", ["event_id"]),
        ("annotations", ["draft_id"]),
        ("decisions", ["draft_id"]),
        ("decisions", ["foreign_filing_free"]),
        ("events", ["draft_id"]),
    ):
        db[table].create_index(cols, if_not_exists=True)


def v3_decision_residences(db: sqlite_utils.Database) -> None:
    # ADD COLUMN rewrites no row, so the append-only triggers stay in place.
    db.execute("ALTER TABLE decisions ADD COLUMN residences TEXT")
    db.execute("ALTER TABLE decisions ADD COLUMN completed_abroad TEXT")


def v4_filing_facts(db: sqlite_utils.Database) -> None:
    db["filing_facts"].create(
        {
            "id": int, "event_id": int, "draft_id": int, "inventors": str, "applicants": str, "filings": str,
            "permits": str, "reviewer": str, "at": str,
        },
        pk="id",
        not_null={"event_id", "draft_id", "inventors", "applicants", "filings", "permits"},
    )
    db["filing_facts"].create_index(["draft_id"], if_not_exists=True)
    _append_only_triggers(db, "filing_facts")


def v5_override_signoff(db: sqlite_utils.Database) -> None:
    db.execute("ALTER TABLE decisions ADD COLUMN override_reason TEXT")
    db.execute("ALTER TABLE decisions ADD COLUMN override_risks TEXT")
    db["approvals"].create(
        {"id": int, "event_id": int, "draft_id": int, "decision_event_id": int, "note": str, "approver": str, "at": str},
        pk="id",
        not_null={"event_id", "draft_id", "decision_event_id", "approver"},
    )
    db["approvals"].create_index(["decision_event_id"], if_not_exists=True)
    _append_only_triggers(db, "approvals")


def v6_draft_versions(db: sqlite_utils.Database) -> None:
    # A matter's versions: which draft is which version of which matter (latest row per
    # draft wins: a user's re-link supersedes the automatic one). A draft without a row is
    # the first (and only) version of its own matter, so older logs need no back-fill.
    db["draft_versions"].create(
        {
            "id": int, "event_id": int, "draft_id": int, "matter_id": int, "version": int,
            "previous_draft_id": int, "basis": str, "at": str, "who": str,
        },
        pk="id",
        not_null={"event_id", "draft_id", "matter_id", "version"},
    )
    # Annotations a new version took over from the previous one (claim text unchanged):
    # the id of the draft (version) they came from; NULL for one made on this draft.
    db.execute("ALTER TABLE annotations ADD COLUMN carried_from INTEGER")
    # Annotations of claims that changed in a new version: to be looked at again.
    db["review_flags"].create(
        {
            "id": int, "event_id": int, "draft_id": int, "claim_number": int, "field_id": int,
            "verdict": str, "reason": str, "from_draft_id": int, "from_claim_number": int,
            "reviewer": str, "note": str, "at": str,
        },
        pk="id",
        not_null={"event_id", "draft_id", "verdict", "reason", "from_draft_id"},
    )
    for table in VERSION_TABLES:
        _append_only_triggers(db, table)
        db[table].create_index(["draft_id"], if_not_exists=True)
    db["draft_versions"].create_index(["matter_id"], if_not_exists=True)


def v7_coded_trigger_refusals(db: sqlite_utils.Database) -> None:
    """Nothing on SQLite (see the module doc); the team log's step is dialect.PG_DATA_STEPS[7]."""


MIGRATIONS: tuple[tuple[int, str, Callable[[sqlite_utils.Database], None]], ...] = (
    (1, "initial", v1_initial),
    (2, "decision key dates", v2_decision_key_dates),
    (3, "decision residences and places of completion abroad", v3_decision_residences),
    (4, "filing facts: inventors, applicants, planned filings, clearances asked for", v4_filing_facts),
    (5, "override sign-off on risky decisions", v5_override_signoff),
    (6, "draft versions of a matter, carried annotations, re-review flags", v6_draft_versions),
    (7, "trigger refusals with their own SQLSTATEs (team logs)", v7_coded_trigger_refusals),
)
LATEST = MIGRATIONS[-1][0]
