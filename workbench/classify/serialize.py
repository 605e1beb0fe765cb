"""DraftVerdict -> plain JSON-able dicts (the `workbench triage --json` shape)."""

from __future__ import annotations

from workbench.domain import DraftVerdict, Evidence, FieldVerdict
from workbench.messages import code_of, render_all


def evidence_to_dict(e: Evidence) -> dict:
    d = {"field": e.field_id, "term": e.term, "source": e.source}
    if e.start >= 0:
        d.update(start=e.start, end=e.end)
    if e.claim_number is not None:
        d["claim"] = e.claim_number
    if e.source == "ipc":
        d["score"] = e.weight
    return d


def field_to_dict(f: FieldVerdict, with_evidence: bool = True) -> dict:
    d = {
        "id": f.field_id,
        "name_en": f.name_en,
        "name_ja": f.name_ja,
        "likelihood": f.likelihood,
        "status": f.status,
        "verified": f.verified,
        "reasons": render_all(f.reasons),  # English, as before; the codes beside them
        "reason_codes": [code_of(r) for r in f.reasons],
    }
    if with_evidence:
        d["evidence"] = [evidence_to_dict(e) for e in f.evidence]
    return d


def verdict_to_dict(v: DraftVerdict, file: str | None = None) -> dict:
    top = v.top_field
    return {
        "file": file if file is not None else v.draft.source_path,
        "sha256": v.draft.sha256,
        "language": v.draft.language,
        "level": v.level,
        "top_field": top.field_id if top else None,
        "top_likelihood": top.likelihood if top else 0.0,
        "thresholds": {"review": v.thresholds.review, "likely": v.thresholds.likely},
        "answers": {"defence_use": v.answers.defence_use, "state_commissioned": v.answers.state_commissioned},
        "fields": [field_to_dict(f, with_evidence=True) for f in sorted(v.fields, key=lambda f: -f.likelihood)],
        "ipc": [{"code": s.code, "score": s.score, "title": s.title} for s in v.ipc],
        "claims": [
            {
                "number": cv.claim_number,
                "independent": bool(c.independent) if (c := v.claims.by_number(cv.claim_number)) else None,
                "fields": [field_to_dict(f, with_evidence=False) for f in cv.fields],
                "evidence": [evidence_to_dict(e) for e in cv.evidence],
                "ipc": [{"code": s.code, "score": s.score} for s in cv.ipc[:3]],
            }
            for cv in v.claim_verdicts
        ],
        "notes": render_all(v.notes),
        "note_codes": [code_of(n) for n in v.notes],
        "ruleset": {"version": v.ruleset_version, "checksum": v.ruleset_checksum},
        "model_version": v.model_version,
    }
