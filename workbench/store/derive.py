"""Events -> rows. The current tables (drafts, verdicts, claims, field verdicts,
annotations, decisions) are materialised from each event's payload by these pure
functions, in the same transaction as the event; ``verify()`` runs them again and
compares, so a hand edit of a derived row is caught as well as one of an event.
"""

from __future__ import annotations

from workbench.domain import DraftVerdict
from workbench.domain_dicts import from_dict, to_dict
from workbench.store.chain import canonical_json
from workbench.store.dates import key_dates

# Columns compared by verify(), per derived table (the surrogate ``id`` is not).
DERIVED_COLUMNS: dict[str, tuple[str, ...]] = {
    "drafts": ("id", "sha256", "name", "source_path", "format", "language", "title", "ingested_at", "event_id"),
    "verdicts": (
        "event_id", "draft_id", "at", "who", "level", "top_field_id", "top_likelihood",
        "ruleset_version", "ruleset_checksum", "model_version",
    ),
    "claims": ("event_id", "draft_id", "number", "text", "independent", "depends_on", "category"),
    "field_verdicts": (
        "event_id", "draft_id", "claim_number", "field_id", "status", "likelihood", "verified",
        "name_en", "name_ja", "reasons", "evidence",
    ),
    "annotations": (
        "event_id", "draft_id", "claim_number", "field_id", "verdict", "note", "corrected_ipc", "reviewer", "at",
        "carried_from",
    ),
    "draft_versions": ("event_id", "draft_id", "matter_id", "version", "previous_draft_id", "basis", "at", "who"),
    "review_flags": (
        "event_id", "draft_id", "claim_number", "field_id", "verdict", "reason", "from_draft_id", "from_claim_number",
        "reviewer", "note", "at",
    ),
    "decisions": (
        "event_id", "draft_id", "decision", "rationale", "completed_in_japan", "planned_countries",
        "jp_filing_date", "primary_review_due", "foreign_filing_free", "reviewer", "at", "residences",
        "completed_abroad", "override_reason", "override_risks",
    ),
    "filing_facts": ("event_id", "draft_id", "inventors", "applicants", "filings", "permits", "reviewer", "at"),
    "approvals": ("event_id", "draft_id", "decision_event_id", "note", "approver", "at"),
}


def draft_payload(verdict: DraftVerdict) -> dict:
    d = verdict.draft
    return {
        "sha256": d.sha256,
        "name": d.name,
        "source_path": d.source_path,
        "format": d.format,
        "language": d.language,
        "title": d.title,
        "encoding": d.encoding,
        "ipc_codes": list(d.ipc_codes),
        "notes": to_dict(d.notes),
    }


def verdict_payload(verdict: DraftVerdict) -> dict:
    """Everything needed to explain the verdict later; the draft's full text is not
    copied into the log (the file hash identifies it), its claims are."""
    return {
        "draft": draft_payload(verdict),
        "level": verdict.level,
        "claims": to_dict(verdict.claims.claims),
        "claims_language": verdict.claims.language,
        "claims_notes": to_dict(verdict.claims.notes),
        "fields": to_dict(verdict.fields),
        "ipc": to_dict(verdict.ipc),
        "claim_verdicts": to_dict(verdict.claim_verdicts),
        "answers": to_dict(verdict.answers),
        "thresholds": to_dict(verdict.thresholds),
        "ruleset_version": verdict.ruleset_version,
        "ruleset_checksum": verdict.ruleset_checksum,
        "model_version": verdict.model_version,
        "notes": to_dict(verdict.notes),
        "entered_ipc_codes": list(verdict.entered_ipc_codes),
    }


def verdict_from_payload(payload: dict) -> DraftVerdict:
    """The DraftVerdict a ``verdict.recorded`` payload holds (the inverse of
    :func:`verdict_payload`, through the one dict pair ``workbench.domain_dicts``): the
    draft without its text (the log keeps the hash, not the text), its claims, fields,
    claim verdicts, answers, thresholds and notes as screened. Keys an older payload lacks
    take the fields' defaults."""
    draft = {"source_path": "", "sha256": "", "format": "", "language": "en", **(payload.get("draft") or {}), "text": ""}
    claims = {"claims": payload.get("claims", []), "language": payload.get("claims_language") or draft["language"],
              "notes": payload.get("claims_notes", [])}
    keys = ("level", "fields", "ipc", "claim_verdicts", "answers", "thresholds", "ruleset_version",
            "ruleset_checksum", "model_version", "notes", "entered_ipc_codes")
    data = {"draft": draft, "claims": claims, "fields": [], "ipc": [], "claim_verdicts": [],
            **{k: payload[k] for k in keys if k in payload}}
    return from_dict(DraftVerdict, data)


def _b(value: object) -> int | None:
    return None if value is None else int(bool(value))


def _field_row(event_id: int, draft_id: int, claim_number: int | None, f: dict) -> dict:
    return {
        "event_id": event_id,
        "draft_id": draft_id,
        "claim_number": claim_number,
        "field_id": f["field_id"],
        "status": f["status"],
        "likelihood": float(f["likelihood"]),
        "verified": _b(f.get("verified", False)),
        "name_en": f.get("name_en", ""),
        "name_ja": f.get("name_ja", ""),
        "reasons": canonical_json(list(f.get("reasons", []))),
        "evidence": canonical_json(list(f.get("evidence", []))),
    }


def rows_for_event(event: dict) -> dict[str, list[dict]]:
    """The derived rows one event produces: {table: [row, ...]}.

    ``event`` has the keys of the events table with ``payload`` already decoded.
    """
    kind = event["kind"]
    p = event["payload"]
    eid = event["id"]
    did = event["draft_id"]
    at = event["at"]
    who = event["who"]
    if kind == "draft.added":
        return {
            "drafts": [
                {
                    "id": did,
                    "sha256": p["sha256"],
                    "name": p.get("name", ""),
                    "source_path": p.get("source_path", ""),
                    "format": p.get("format", ""),
                    "language": p.get("language", ""),
                    "title": p.get("title", ""),
                    "ingested_at": at,
                    "event_id": eid,
                }
            ]
        }
    if kind == "verdict.recorded":
        fields = p.get("fields", [])
        top = max(fields, key=lambda f: f["likelihood"]) if fields else None  # first of equals, like DraftVerdict.top_field
        out: dict[str, list[dict]] = {
            "verdicts": [
                {
                    "event_id": eid,
                    "draft_id": did,
                    "at": at,
                    "who": who,
                    "level": p["level"],
                    "top_field_id": top["field_id"] if top else None,
                    "top_likelihood": float(top["likelihood"]) if top else None,
                    "ruleset_version": p.get("ruleset_version", ""),
                    "ruleset_checksum": p.get("ruleset_checksum", ""),
                    "model_version": p.get("model_version", ""),
                }
            ],
            "claims": [
                {
                    "event_id": eid,
                    "draft_id": did,
                    "number": c["number"],
                    "text": c["text"],
                    "independent": _b(c["independent"]),
                    "depends_on": canonical_json(list(c.get("depends_on", []))),
                    "category": c.get("category", "other"),
                }
                for c in p.get("claims", [])
            ],
            "field_verdicts": [_field_row(eid, did, None, f) for f in fields],
        }
        for cv in p.get("claim_verdicts", []):
            out["field_verdicts"].extend(_field_row(eid, did, cv["claim_number"], f) for f in cv.get("fields", []))
        return out
    if kind == "annotation.added":
        return {
            "annotations": [
                {
                    "event_id": eid,
                    "draft_id": did,
                    "claim_number": p["claim_number"],
                    "field_id": p.get("field_id"),
                    "verdict": p["verdict"],
                    "note": p.get("note", ""),
                    "corrected_ipc": p.get("corrected_ipc"),
                    "reviewer": who,
                    "at": at,
                    "carried_from": None,
                }
            ]
        }
    if kind == "draft.versioned":
        return {
            "draft_versions": [
                {
                    "event_id": eid, "draft_id": did, "matter_id": p["matter_id"], "version": p["version"],
                    "previous_draft_id": p.get("previous_draft_id"), "basis": p.get("basis", ""), "at": at, "who": who,
                }
            ]
        }
    if kind == "annotations.carried":
        return {
            "annotations": [
                {
                    "event_id": eid, "draft_id": did, "claim_number": a["claim_number"], "field_id": a.get("field_id"),
                    "verdict": a["verdict"], "note": a.get("note", ""), "corrected_ipc": a.get("corrected_ipc"),
                    "reviewer": a.get("reviewer", ""), "at": a.get("at", ""), "carried_from": p["from_draft_id"],
                }
                for a in p.get("carried", [])
            ],
            "review_flags": [
                {
                    "event_id": eid, "draft_id": did, "claim_number": f.get("claim_number"), "field_id": f.get("field_id"),
                    "verdict": f["verdict"], "reason": f["reason"], "from_draft_id": p["from_draft_id"],
                    "from_claim_number": f.get("from_claim"), "reviewer": f.get("reviewer", ""), "note": f.get("note", ""),
                    "at": at,
                }
                for f in p.get("review", [])
            ],
        }
    if kind == "decision.recorded":
        primary, free = key_dates(p.get("jp_filing_date"))
        residences = p.get("residences")  # absent in events from before schema v3: not recorded
        abroad = p.get("completed_abroad")  # likewise
        return {
            "decisions": [
                {
                    "event_id": eid,
                    "draft_id": did,
                    "decision": p["decision"],
                    "rationale": p["rationale"],
                    "completed_in_japan": _b(p.get("completed_in_japan")),
                    "planned_countries": canonical_json(list(p.get("planned_countries", []))),
                    "jp_filing_date": p.get("jp_filing_date"),
                    "primary_review_due": p.get("primary_review_due", primary),
                    "foreign_filing_free": p.get("foreign_filing_free", free),
                    "reviewer": who,
                    "at": at,
                    "residences": None if residences is None else canonical_json(list(residences)),
                    "completed_abroad": None if abroad is None else canonical_json(list(abroad)),
                    # absent before schema v5 and for decisions that needed no override
                    "override_reason": (p.get("override") or {}).get("reason"),
                    "override_risks": canonical_json(list(p["override"]["risks"])) if p.get("override") else None,
                }
            ]
        }
    if kind == "override.approved":
        return {
            "approvals": [
                {
                    "event_id": eid,
                    "draft_id": did,
                    "decision_event_id": p["decision_event"],
                    "note": p.get("note", ""),
                    "approver": who,
                    "at": at,
                }
            ]
        }
    if kind == "facts.recorded":
        return {
            "filing_facts": [
                {
                    "event_id": eid,
                    "draft_id": did,
                    **{k: canonical_json(list(p.get(k, []))) for k in ("inventors", "applicants", "filings", "permits")},
                    "reviewer": who,
                    "at": at,
                }
            ]
        }
    return {}  # e.g. "schema.migrated": history only
