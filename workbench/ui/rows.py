"""Plain rows the Qt item models show (Qt-free, so they are easy to build in tests)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QueueRow:
    """One draft in the review queue."""

    key: str  # stable identity: "db:<id>" or the source path
    name: str
    status: str = "screened"  # screened | logged | decided | working
    level: str | None = None  # clear | review | likely
    top_field_id: int | None = None
    top_field: str = ""  # display name of the top field
    likelihood: float | None = None
    decision: str | None = None
    override: str | None = None  # the current decision's override: None, "pending" or "approved"
    primary_review_due: str | None = None
    foreign_filing_free: str | None = None
    language: str = ""
    path: str = ""
    draft_id: int | None = None
    ingested_at: str = ""
    claims: int = 0
    # draft versions: the queue shows one row per matter, its latest version
    matter_id: int | None = None
    version: int = 1
    versions: int = 1
    decision_version: int | None = None  # the version the matter's decision was made on
    review_flags: int = 0  # annotations of changed claims to look at again
    title: str = ""  # the invention's title as read from the draft (the name's tooltip; searched)


@dataclass(frozen=True)
class HistoryRow:
    """One event of the triage log, as the manager's log view shows it."""

    event_id: int
    at: str
    who: str
    kind: str
    draft_id: int | None
    draft_name: str = ""
    summary: str = ""
    decision: str | None = None  # decision code of a decision event
    level: str | None = None  # triage level of a verdict event
    annotation: str | None = None  # 'agree' | 'disagree' of an annotation event
    version: int | None = None  # the draft version a new-version / carried-annotations event names
