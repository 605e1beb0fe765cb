"""The filing facts of a draft as the log stores them (event ``facts.recorded``) and as the
plan reads them: inventors, applicants, planned filings, clearances asked for.

``facts_payload`` checks and normalises what a user gave (ISO 3166-1 codes, routes, dates)
into the JSON payload of the event, refusing anything else by name (E508); ``plan_facts``
turns a stored payload plus the draft's decision and verdict into ``plan.Facts``.

Typed forms (CLI and Decision panel, one reading):
- inventor:  ``NAME:RESIDENCE[:NATIONALITY[:MADE_IN,MADE_IN]]``  e.g. ``Yamada:JP:JP:JP``
- applicant: ``NAME:SEAT``                                      e.g. ``Acme KK:JP``
- filing:    ``OFFICE[@RECEIVING_OFFICE][:YYYY-MM-DD]``          e.g. ``US``, ``PCT@JP:2027-01-15``,
  ``EP@FR``; a filing already made: ``JP:2026-11-30!`` (the ``!`` marks the date as the filing date)
- permit:    ``RULE:REQUESTED[:GRANTED]``                        e.g. ``US:2026-12-01``
"""

from __future__ import annotations

import re
from datetime import date

from workbench.errors import E508, StoreError
from workbench.filing.codes import read_code
from workbench.messages import M, msg

ROUTE_OF = {"EP": "ep", "PCT": "pct", "EA": "national", "AP": "national", "OA": "national"}


def _country(value, what, *, allow_none: bool = True) -> str | None:
    if value is None or value == "":
        if allow_none:
            return None
        raise StoreError(E508, value="", what=what, allowed=msg(M.D701))
    r = read_code(str(value).strip().upper())
    if r.code is None:
        raise StoreError(E508, value=value, what=what, allowed=msg(M.D702))
    return r.code


def _date(value, what) -> str | None:
    from workbench.store.dates import parse_date

    d = parse_date(value, what)
    return d.isoformat() if d else None


def _text(value, what) -> str:
    text = " ".join(str(value or "").split())
    if not text or len(text) > 200:
        raise StoreError(E508, value=value, what=what, allowed=msg(M.D704))
    return text


def facts_payload(inventors=(), applicants=(), filings=(), permits=()) -> dict:
    """The ``facts.recorded`` payload: lists of plain dicts, every code checked (E508)."""
    inv = []
    for i in inventors:
        i = dict(i)
        inv.append({
            "name": _text(i.get("name"), msg(M.D709)),
            "residence": _country(i.get("residence"), msg(M.D705)),
            "nationality": _country(i.get("nationality"), msg(M.D706)),
            "made_in": list(dict.fromkeys(_country(c, msg(M.D707), allow_none=False)
                                          for c in (i.get("made_in") or ()))),
        })
    app = []
    for a in applicants:
        a = dict(a)
        app.append({"name": _text(a.get("name"), msg(M.D710)), "seat": _country(a.get("seat"), msg(M.D708))})
    fil = []
    for f in filings:
        f = dict(f)
        office = str(f.get("office") or "").strip().upper()
        r = read_code(office, routes=True)
        if r.code is None:
            raise StoreError(E508, value=office, what=msg(M.D711),
                             allowed=msg(M.D703))
        office = r.code
        route = f.get("route") or ROUTE_OF.get(office, "national")
        if route not in ("national", "ep", "pct") or (route == "national" and office in ("EP", "PCT")):
            raise StoreError(E508, value=route, what=msg(M.D716, office=office), allowed=msg(M.D717))
        ro = f.get("receiving_office")
        if ro not in (None, ""):
            ro = str(ro).strip().upper()
            if ro not in ("IB", "EP"):
                ro = _country(ro, msg(M.D712))
        else:
            ro = None
        fil.append({"office": office, "route": route, "receiving_office": ro,
                    "intended": _date(f.get("intended"), msg(M.D557)),
                    "filed_on": _date(f.get("filed_on"), msg(M.D556))})
    per = []
    for p in permits:
        p = dict(p)
        requested = _date(p.get("requested"), msg(M.D727))
        if requested is None:
            raise StoreError(E508, value="", what=msg(M.D718), allowed=msg(M.D719))
        per.append({"rule": _country(p.get("rule"), msg(M.D713), allow_none=False),
                    "requested": requested, "granted": _date(p.get("granted"), msg(M.D726))})
    return {"inventors": inv, "applicants": app, "filings": fil, "permits": per}


# ---------------------------------------------------------------------- typed forms
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def _parts(text: str, n: int) -> list[str]:
    parts = [p.strip() for p in re.split(r"[:：]", text)]
    return parts + [""] * (n - len(parts))


def parse_inventor(text: str) -> dict:
    name, res, nat, made, *rest = _parts(text, 4)
    if rest:
        raise StoreError(E508, value=text, what=msg(M.D720), allowed=msg(M.D721))
    return {"name": name, "residence": res or None, "nationality": nat or None,
            "made_in": [c for c in re.split(r"[,、\s]+", made) if c]}


def parse_applicant(text: str) -> dict:
    name, seat, *rest = _parts(text, 2)
    if rest:
        raise StoreError(E508, value=text, what=msg(M.D722), allowed=msg(M.D723))
    return {"name": name, "seat": seat or None}


def parse_filing(text: str) -> dict:
    t = text.strip()
    made = t.endswith("!")
    t = t.rstrip("!").strip()
    head, _, when = t.partition(":")
    when = when.strip()
    if when and not _ISO.fullmatch(when):
        raise StoreError(E508, value=text, what=msg(M.D714), allowed=msg(M.D715))
    office, _, ro = head.strip().partition("@")
    return {"office": office, "receiving_office": ro or None,
            "intended": None if made else (when or None), "filed_on": when if made and when else None}


def parse_permit(text: str) -> dict:
    rule, requested, granted, *rest = _parts(text, 3)
    if rest:
        raise StoreError(E508, value=text, what=msg(M.D724), allowed=msg(M.D725))
    return {"rule": rule, "requested": requested or None, "granted": granted or None}


def filing_text(f: dict) -> str:
    """The typed form of a stored filing (the inverse of ``parse_filing``)."""
    head = f["office"] + (f"@{f['receiving_office']}" if f.get("receiving_office") else "")
    if f.get("filed_on"):
        return f"{head}:{f['filed_on']}!"
    return f"{head}:{f['intended']}" if f.get("intended") else head


def inventor_text(i: dict) -> str:
    return ":".join([i["name"], i.get("residence") or "", i.get("nationality") or "", ",".join(i.get("made_in") or [])]).rstrip(":")


def applicant_text(a: dict) -> str:
    return f"{a['name']}:{a.get('seat') or ''}".rstrip(":")


def permit_text(p: dict) -> str:
    return ":".join([p["rule"], p["requested"], p.get("granted") or ""]).rstrip(":")


# ---------------------------------------------------------------------- to the plan
def plan_facts(payload: dict | None, *, decision=None, level: str | None = None, defence_related: bool | None = None,
               file_in: tuple[str, ...] | None = None):
    """``plan.Facts`` from a stored facts payload (or None), the draft's current decision
    (place of completion, residences, planned countries, JP filing date), its triage level
    and defence answer. ``file_in`` (codes, EP, PCT) replaces the planned filings' offices:
    a stored filing to the same office keeps its route, receiving office and dates."""
    from workbench.filing.plan import Applicant, Facts, Filing, Inventor, PermitRecord

    p = payload or {}
    d = lambda v: date.fromisoformat(v) if v else None  # noqa: E731
    inventors = tuple(Inventor(i["name"], i.get("residence"), i.get("nationality"), tuple(i.get("made_in") or ()))
                      for i in p.get("inventors", []))
    applicants = tuple(Applicant(a["name"], a.get("seat")) for a in p.get("applicants", []))
    stored = [Filing(f["office"], f.get("route", "national"), f.get("receiving_office"), d(f.get("intended")),
                     d(f.get("filed_on"))) for f in p.get("filings", [])]
    if not stored and decision is not None:  # no facts recorded: the decision's planned countries
        offices = dict.fromkeys("PCT" if c in ("WO", "PCT") else c for c in decision.planned_countries)
        stored = [Filing(c, ROUTE_OF.get(c, "national")) for c in offices]
    if file_in is not None:
        by_office = {}
        for f in stored:
            by_office.setdefault(f.office, f)
        stored = [by_office.get(c) or Filing(c, ROUTE_OF.get(c, "national")) for c in file_in]
    permits = tuple(PermitRecord(x["rule"], d(x["requested"]), d(x.get("granted"))) for x in p.get("permits", []))
    completed, residences, jp_date = [], [], None
    if decision is not None:
        if decision.completed_in_japan:
            completed.append("JP")
        completed += list(decision.completed_abroad or ())
        residences = list(decision.residences or ())
        jp_date = d(decision.jp_filing_date)
    return Facts(inventors=inventors, applicants=applicants, filings=tuple(stored), permits=permits,
                 completed_in=tuple(dict.fromkeys(completed)), residences=tuple(residences), jp_level=level,
                 defence_related=defence_related, jp_filing_date=jp_date)


def with_filings(stored: dict | None, tokens) -> dict:
    """The stored facts with their planned filings replaced by ``tokens`` (--file-in: JP, US,
    EP, PCT@JP ...): a token naming only an office keeps that office's stored filing (its route,
    receiving office and dates)."""
    given = facts_payload(filings=[parse_filing(t) for t in tokens])["filings"]
    kept = {f["office"]: f for f in (stored or {}).get("filings", [])}
    filings = [kept[f["office"]] if f["office"] in kept and not f["receiving_office"] else f for f in given]
    return {**(stored or {"inventors": [], "applicants": [], "permits": []}), "filings": filings}


def draft_plan(log, draft, file_in=None, today: date | None = None):
    """(plan, stored facts or None, draft record) for a draft of an open ``TriageLog``: the
    one core call behind `workbench clearance`, the Decision panel and the exports. The plan
    is computed from the current filing facts, the current decision, the latest verdict's
    level and its defence answer; ``file_in`` replaces the planned filings."""
    from workbench.filing.plan import clearance_plan

    record = log.draft(draft)
    stored = log.filing_facts(record.id)
    answers = record.verdict.answers if record.verdict else {}
    defence = answers.get("defence_use") if isinstance(answers, dict) else getattr(answers, "defence_use", None)
    payload = with_filings(stored, file_in) if file_in is not None else stored
    facts = plan_facts(payload, decision=record.decision, level=record.summary.level, defence_related=defence)
    return clearance_plan(facts, today=today), stored, record


def decision_plan(row, defence_related: bool | None = None):
    """The plan of a stored decision (a ``DecisionRow``) for an export: from the filing facts
    as they stood when it was recorded, its own fields (place of completion, residences,
    planned countries, JP filing date) and the draft's level, as of the day it was decided."""
    from workbench.domain import Decision
    from workbench.filing.plan import clearance_plan

    d = Decision(row.draft_id, row.decision, row.rationale, row.completed_in_japan, row.planned_countries,
                 row.jp_filing_date, residences=row.residences, completed_abroad=row.completed_abroad)
    facts = plan_facts(row.filing_facts, decision=d, level=row.level, defence_related=defence_related)
    day = date.fromisoformat(row.at[:10]) if row.at else None
    return clearance_plan(facts, today=day)


def plan_summary(plan, lang: str = "en") -> str:
    """One cell of a spreadsheet: each filing's earliest date, the conflicts, the disclaimer."""
    from workbench.filing.plan import filing_line

    parts = [filing_line(f, lang) for f in plan.filings] + [m.render(lang) for m in plan.conflicts]
    return " | ".join(parts + [plan.disclaimer.render(lang)])


__all__ = ["decision_plan", "plan_summary", "draft_plan", "with_filings", "facts_payload", "plan_facts", "parse_inventor", "parse_applicant", "parse_filing",
           "parse_permit", "filing_text", "inventor_text", "applicant_text", "permit_text"]
