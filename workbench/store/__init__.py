"""workbench.store: the triage log (SQLite, append-only, hash-chained history).

    from workbench.store import TriageLog
    with TriageLog.open(path) as log:           # None -> the per-user default
        draft_id = log.record_verdict(verdict)
        log.decide(draft_id, "file_jp_first", "field 5 likely", jp_filing_date="2026-01-31")
        assert log.verify().ok

Exports: ``from workbench.store.export import export_log``.
"""

from workbench.store.backups import backup, find_backups, suggest_new_path
from workbench.store.dates import add_months, key_dates
from workbench.store.log import TriageLog, normalize_ipc, utc_now
from workbench.store.records import (
    AnnotationExample,
    DecisionRow,
    DraftRecord,
    DraftSummary,
    Event,
    StoredVerdict,
    VerifyResult,
)
from workbench.store.schema import LATEST as SCHEMA_VERSION

__all__ = [
    "TriageLog",
    "AnnotationExample",
    "DecisionRow",
    "DraftRecord",
    "DraftSummary",
    "Event",
    "StoredVerdict",
    "VerifyResult",
    "SCHEMA_VERSION",
    "add_months",
    "backup",
    "find_backups",
    "key_dates",
    "normalize_ipc",
    "suggest_new_path",
    "utc_now",
]
