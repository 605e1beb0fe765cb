"""The clearance plan: for each planned filing, the clearances it needs first, an order that
satisfies all of them, the conflicts and their known ways out, and the earliest permissible
date of each filing, from the facts and the recorded dates.

    plan = clearance_plan(facts, today=date(2026, 12, 2))
    for line in plan.lines("ja"): print(line)
    plan.to_dict()          # both languages, every step with its source and verified flag

How it works. ``screen`` (the checklist) gives the rules that apply to the facts. A rule X
*gates* every filing lodged outside X's office (a PCT with X as receiving office, or an EP
filed there when X's office ``receives`` it, is lodged at X). X is cleared by one of:

- **home**: a filing at X's office (planned or recorded), then X's ``home_wait`` with no
  order (certain), or earlier on X's ``fast`` release (a licence on the filing receipt, the
  JPO's notice on request, due within ``fast_within``);
- **permit**: X's ``permit`` without a home filing (a US 5.12(b) petition, an Indian Form 25,
  JP prior confirmation - only before any JP filing), usually within ``permit_within``;
- **added home filing**: a filing at X's office added to the plan (X not planned);
- **exemption**: GB s.23(2), IN s.39(3), SG s.34(2) - when the applicants reside outside X
  and the first filing of all is lodged outside X.

Every combination of these choices (and of the PCT receiving office, when not given) is
tried; dates follow from a fixed point (a filing's earliest date is the latest clearance of
the rules that gate it), a cycle (JP and US each waiting for the other) rules a choice out.
The combination chosen has the earliest dates (a release with no fixed period counts as
``UNKNOWN_DAYS`` for the ranking only, never shown as a date), then the fewest extra steps.

A screening aid, not legal advice: every step says its law, sources and whether the rule is
verified; every output carries I702.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from dataclasses import dataclass, field
from datetime import date, timedelta

from workbench.filing.checklist import FilingCheck, FilingFacts, Jurisdiction, load_jurisdictions, screen
from workbench.messages import M, Message, msg
from workbench.store.dates import add_months

ROUTES = ("national", "ep", "pct")
# Ranking weight of a release with no fixed period (never shown as a date): a known statutory
# wait is preferred to an answer nobody can date; the faster answer is listed as the expedited option.
UNKNOWN_DAYS = 180
PERMIT_PENALTY_DAYS = 365  # JP prior confirmation for a draft triaged likely/review: expected to say "prohibited"
_PERIOD = re.compile(r"(\d+)([dwm])")


# ---------------------------------------------------------------------- facts
@dataclass(frozen=True)
class Inventor:
    name: str
    residence: str | None = None  # ISO alpha-2
    nationality: str | None = None
    made_in: tuple[str, ...] = ()  # where their part was made

    def to_dict(self) -> dict:
        return {"name": self.name, "residence": self.residence, "nationality": self.nationality,
                "made_in": list(self.made_in)}


@dataclass(frozen=True)
class Applicant:
    name: str
    seat: str | None = None  # residence or seat, ISO alpha-2

    def to_dict(self) -> dict:
        return {"name": self.name, "seat": self.seat}


@dataclass(frozen=True)
class Filing:
    """A planned (or made) filing: ``office`` a country code, ``EP`` or ``PCT``; ``route``
    national | ep | pct; ``receiving_office`` where a PCT (or an EP) is lodged: a country
    code, ``IB`` (RO/IB) or ``EP`` (the EPO); None = not decided (the plan chooses)."""

    office: str
    route: str = "national"
    receiving_office: str | None = None
    intended: date | None = None
    filed_on: date | None = None

    @property
    def key(self) -> str:
        return self.office if not self.receiving_office else f"{self.office}@{self.receiving_office}"

    def to_dict(self) -> dict:
        return {"office": self.office, "route": self.route, "receiving_office": self.receiving_office,
                "intended": _iso(self.intended), "filed_on": _iso(self.filed_on)}


@dataclass(frozen=True)
class PermitRecord:
    """A clearance asked for without a home filing (a licence petition, a Form 25 ...)."""

    rule: str  # jurisdiction code
    requested: date
    granted: date | None = None

    def to_dict(self) -> dict:
        return {"rule": self.rule, "requested": _iso(self.requested), "granted": _iso(self.granted)}


@dataclass(frozen=True)
class Facts:
    """What the plan is computed from: the draft's recorded facts and decision."""

    inventors: tuple[Inventor, ...] = ()
    applicants: tuple[Applicant, ...] = ()
    filings: tuple[Filing, ...] = ()
    permits: tuple[PermitRecord, ...] = ()
    completed_in: tuple[str, ...] = ()  # besides the inventors' made_in (the decision's place of completion)
    residences: tuple[str, ...] = ()  # besides the inventors' residences
    jp_level: str | None = None
    defence_related: bool | None = None
    jp_filing_date: date | None = None  # recorded with the decision: a JP national filing made

    def all_completed(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys([*self.completed_in, *(c for i in self.inventors for c in i.made_in)]))

    def applicant_seats(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.seat for a in self.applicants if a.seat))

    def all_residences(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys([*self.residences, *(i.residence for i in self.inventors if i.residence),
                                    *self.applicant_seats()]))

    def all_filings(self) -> tuple[Filing, ...]:
        """The filings, with the decision's JP filing date as a JP national filing made."""
        out = list(self.filings)
        if self.jp_filing_date:
            for i, f in enumerate(out):
                if f.office == "JP" and f.route == "national":
                    out[i] = Filing(f.office, f.route, f.receiving_office, f.intended, f.filed_on or self.jp_filing_date)
                    break
            else:
                out.append(Filing("JP", "national", filed_on=self.jp_filing_date))
        return tuple(out)


# ---------------------------------------------------------------------- results
@dataclass(frozen=True)
class Step:
    """One thing to do or know, in order: when (ISO date, None: on an event), what (a coded
    message), under which rule, its law, whether that rule is verified, its sources."""

    date: str | None
    text: Message
    rule: str | None = None
    law: Message | None = None
    verified: bool = True
    sources: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"date": self.date, "text": self.text.to_dict(), "text_en": self.text.render("en"),
                "text_ja": self.text.render("ja"), "rule": self.rule,
                "law": self.law.render("en") if self.law else None, "law_ja": self.law.render("ja") if self.law else None,
                "verified": self.verified, "sources": list(self.sources)}


@dataclass(frozen=True)
class FilingPlan:
    filing: Filing
    lodged_at: str
    earliest: str | None  # ISO; None: waits for an event with no fixed period
    without_response: str | None  # the date with no notice / permit at all (the statutory periods), if any
    needs: tuple[str, ...]  # the rules cleared first (jurisdiction codes)
    waits_for: tuple[Message, ...] = ()  # the events without a date
    added: bool = False  # a home filing the plan adds (a rule asks for it, it was not planned)

    def to_dict(self) -> dict:
        return {**self.filing.to_dict(), "lodged_at": self.lodged_at, "earliest": self.earliest,
                "without_response": self.without_response, "needs": list(self.needs),
                "waits_for": [m.render("en") for m in self.waits_for],
                "waits_for_ja": [m.render("ja") for m in self.waits_for], "added": self.added}


@dataclass(frozen=True)
class RuleStatus:
    code: str
    applies: str  # yes | possible | exempt
    why: str
    why_ja: str
    law: str
    law_ja: str
    verified: bool
    sources: tuple[str, ...]
    clearance: str = ""  # home | permit | added | exempt | check

    def to_dict(self) -> dict:
        return {"code": self.code, "applies": self.applies, "why": self.why, "why_ja": self.why_ja, "law": self.law,
                "law_ja": self.law_ja, "verified": self.verified, "sources": list(self.sources), "clearance": self.clearance}


@dataclass(frozen=True)
class Plan:
    today: str
    rules: tuple[RuleStatus, ...]
    steps: tuple[Step, ...]
    filings: tuple[FilingPlan, ...]
    conflicts: tuple[Message, ...]
    ways_out: tuple[Message, ...]
    notes: tuple[Message, ...]
    disclaimer: Message = field(default_factory=lambda: msg(M.I702))

    def filing(self, key: str) -> FilingPlan:
        """The plan of one filing by office (``US``, ``PCT``, ``EP``) or key (``PCT@JP``)."""
        for f in self.filings:
            if key in (f.filing.key, f.filing.office):
                return f
        raise KeyError(key)

    def to_dict(self) -> dict:
        def both(ms):
            return [{"code": m.code, "en": m.render("en"), "ja": m.render("ja")} for m in ms]

        return {
            "screening_aid": True, "disclaimer": self.disclaimer.render("en"), "disclaimer_ja": self.disclaimer.render("ja"),
            "today": self.today, "rules": [r.to_dict() for r in self.rules], "steps": [s.to_dict() for s in self.steps],
            "filings": [f.to_dict() for f in self.filings], "conflicts": both(self.conflicts),
            "ways_out": both(self.ways_out), "notes": both(self.notes),
            "unverified_rules": sorted({r.code for r in self.rules if not r.verified}),
        }

    def rule_lines(self, lang: str = "en") -> list[str]:
        """One line per rule the plan rests on: its law, whether verified, its sources."""
        out = []
        for r in self.rules:
            law = r.law_ja if lang == "ja" else r.law
            state = msg(M.I754 if r.verified else M.W713).render(lang)
            out.append(msg(M.I755, country=r.code, law=law, state=state, sources=tuple(r.sources)).render(lang))
        return out

    def lines(self, lang: str = "en", *, law: bool = True, mark: str = "⚠", dates_first: bool = False) -> list[str]:
        """The plan as a person reads it (CLI, PDF): conflicts, the ordered steps with their
        law (``law=False``: the rules listed once at the end instead) and a mark on
        unverified rules, each filing's earliest date (``dates_first``: at the top), the
        disclaimer."""
        with_law = law
        unverified = msg(M.W713).render(lang)
        out: list[str] = []
        if dates_first:
            out += [filing_line(f, lang) for f in self.filings] + [""]
        for m in (*self.notes, *self.conflicts, *self.ways_out):
            out.append(("! " if m.code.startswith("W") else "  ") + m.render(lang))
        if out:
            out.append("")
        for i, s in enumerate(self.steps, 1):
            when = s.date or "—"
            flag = "" if s.verified else f" [{mark} {unverified}]"
            cite = f" — {s.law.render(lang)}" if s.law and with_law else ""
            out.append(f"{i:>2}. {when}  {s.text.render(lang)}{cite}{flag}")
        if not dates_first:
            out.append("")
            out += [filing_line(f, lang) for f in self.filings]
        if not with_law and self.rules:
            out.append("")
            out.extend(self.rule_lines(lang))
        out.append("")
        out.append(self.disclaimer.render(lang))
        return out


def filing_line(f: FilingPlan, lang: str = "en") -> str:
    """One filing's earliest permissible date, what it waits for and the date without any answer."""
    name = filing_label(f.filing).render(lang)
    if f.added:
        name = msg(M.I753, filing=name).render(lang)
    head = (msg(M.I740, filing=name, date=f.earliest) if not f.waits_for
            else msg(M.I741, filing=name, waits=tuple(f.waits_for), date=f.earliest))
    parts = [head.render(lang)]
    if f.needs:
        parts.append(msg(M.I742, rules=tuple(f.needs)).render(lang))
    if f.without_response and f.without_response != f.earliest:
        parts.append(msg(M.I743, date=f.without_response).render(lang))
    if f.filing.intended:
        parts.append(msg(M.I744, date=f.filing.intended.isoformat()).render(lang))
    return " · ".join(parts)


def filing_label(f: Filing) -> Message:
    """"US", "PCT (receiving office JP)", "EP (filed at FR)"."""
    if f.route == "pct" and f.receiving_office:
        return msg(M.I747, filing=f.office, ro=f.receiving_office)
    if f.route == "ep" and f.receiving_office and f.receiving_office != "EP":
        return msg(M.I748, filing=f.office, office=f.receiving_office)
    return msg(M.I703, t={"en": f.office, "ja": f.office})


# ---------------------------------------------------------------------- helpers
def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def add_period(d: date, period: str) -> date:
    """``d`` plus a rule-data period: 21d, 6w, 3m (calendar months, clamped to the month end)."""
    m = _PERIOD.fullmatch(period)
    if not m:
        raise ValueError(f"not a period: {period!r}")
    n, unit = int(m.group(1)), m.group(2)
    if unit == "d":
        return d + timedelta(days=n)
    if unit == "w":
        return d + timedelta(weeks=n)
    return add_months(d, n)


def period_text(period: str) -> Message:
    n, unit = int(period[:-1]), period[-1]
    return msg({"d": M.I704, "w": M.I705, "m": M.I706}[unit], n=n)


@lru_cache(maxsize=1024)
def _t(j: Jurisdiction, key: str) -> Message:
    """A rule-data text in both languages, as a message argument."""
    return msg(M.I703, t={"en": j.text(key, "en"), "ja": j.text(key, "ja")})


def lodged_at(f: Filing) -> str | None:
    """Where a filing is lodged: a national filing at its office, an EP at the EPO (or the
    national office it is filed at), a PCT at its receiving office (None: not decided)."""
    if f.route == "national":
        return f.office
    if f.route == "ep":
        return f.receiving_office or "EP"
    return f.receiving_office


# ---------------------------------------------------------------------- the engine
@dataclass
class _Option:
    kind: str  # home | permit | added | exempt | none
    home: str | None = None  # the filing key that is the home filing
    alt_home: str | None = None  # with a permit: the home filing there is anyway (its statutory wait still runs)


def _options(j: Jurisdiction, filings: list[Filing], facts: Facts, permits: dict[str, PermitRecord]) -> list[_Option]:
    """The ways rule ``j`` can be cleared, given the filings (with the PCT/EP lodging fixed)."""
    opts: list[_Option] = []
    homes = [f for f in filings if lodged_at(f) == j.code]
    home_made = any(f.filed_on for f in homes)
    if homes:
        first = min(homes, key=lambda f: (f.filed_on is None, f.filed_on or date.max))
        opts.append(_Option("home", first.key))
    alt = min(homes, key=lambda f: (f.filed_on is None, f.filed_on or date.max)).key if homes else None
    if (j.permit and not (j.permit_before_home_only and home_made)) or j.code in permits:
        opts.append(_Option("permit", alt_home=alt))
    if not homes and j.office and (j.home_wait or not j.permit):
        opts.append(_Option("added", f"+{j.code}"))
    seats = set(facts.applicant_seats())
    if j.exemption and seats and j.code not in seats:
        opts.append(_Option("exempt"))
    if not (j.office or j.permit):  # a content rule with no procedure in the data (KR, AU, CA): a check
        opts = [_Option("none")]
    return opts or [_Option("none")]


@dataclass
class _Eval:
    dates: dict[str, date | None]  # filing key -> earliest (planned) or filing date (made)
    certain: dict[str, date | None]
    unknown: dict[str, list[Message]]
    needs: dict[str, list[str]]
    clear: dict[str, tuple[date | None, date | None, list[Message]]]  # rule -> (plan-on date, certain date, events)
    score: tuple


def _release(j: Jurisdiction, opt: _Option, home_date: date | None, permit: PermitRecord | None, today: date,
             alt_date: date | None = None):
    """(date to plan on, certain date, events without a date) for clearing rule ``j``."""
    return _release_kind(j, opt.kind, home_date, permit, today, alt_date)


@lru_cache(maxsize=65536)
def _release_kind(j: Jurisdiction, kind: str, home_date, permit, today: date, alt_date):
    name = _t(j, "name")
    if kind in ("none", "exempt"):
        return today, today, ()
    if kind == "permit":
        # the statutory wait after a home filing there is anyway: the date without any permit
        sure = add_period(alt_date, j.home_wait) if alt_date and j.home_wait else None
        if permit and permit.granted:
            return permit.granted, permit.granted, ()
        start = max(permit.requested, today) if permit and permit.requested else today
        if permit and permit.requested and j.permit_within:
            due = add_period(permit.requested, j.permit_within)
            return max(due, today), sure, ()
        if j.permit_within:
            return add_period(start, j.permit_within), sure, ()
        return start, sure, (msg(M.I746, country=name),)
    if home_date is None:
        return None, None, (msg(M.I746, country=name),)
    slow = add_period(home_date, j.home_wait) if j.home_wait else None
    if j.fast and j.fast_within:
        return add_period(home_date, j.fast_within), slow, ()
    if j.fast:
        return home_date, slow, (_t(j, "fast"),)
    if slow:
        return slow, slow, ()
    return home_date, None, (msg(M.I746, country=name),)


def _evaluate(rules: list[Jurisdiction], choice: tuple[_Option, ...], filings: list[Filing], facts: Facts,
              permits: dict[str, PermitRecord], today: date) -> _Eval | None:
    keys = [f.key for f in filings]
    added = {o.home: r for r, o in zip(rules, choice) if o.kind == "added"}
    lodged = {f.key: lodged_at(f) for f in filings}
    lodged.update({k: r.code for k, r in added.items()})
    made = {f.key: f.filed_on for f in filings if f.filed_on}
    all_keys = keys + list(added)
    gates = {k: [r for r in rules if lodged[k] != r.code] for k in all_keys}
    dates: dict[str, date | None] = {k: made.get(k, today) for k in all_keys}
    certain: dict[str, date | None] = dict(dates)
    events: dict[str, list[Message]] = {k: [] for k in all_keys}
    clear: dict[str, tuple] = {}
    for _ in range(len(all_keys) + 3):
        changed = False
        clear = {}
        for r, o in zip(rules, choice):
            home = dates.get(o.home) if o.home else None
            # the statutory wait of a home filing already made still runs beside a permit
            alt = made.get(o.alt_home) if o.alt_home else None
            clear[r.code] = _release(r, o, home, permits.get(r.code), today, alt)
        for k in all_keys:
            if k in made:
                continue
            plan_on, sure, evs = today, today, []
            for r in gates[k]:
                c_on, c_sure, c_evs = clear[r.code]
                if c_on is None:
                    plan_on = None
                elif plan_on is not None:
                    plan_on = max(plan_on, c_on)
                sure = None if (sure is None or c_sure is None) else max(sure, c_sure)
                evs = evs + list(c_evs)
            if plan_on != dates[k]:
                changed = True
            dates[k], certain[k], events[k] = plan_on, sure, evs
        if not changed:
            break
    else:
        return None  # the dates keep moving: a cycle (each rule waiting for the other's home filing)
    # a home filing that depends on its own clearance is a cycle too
    for r, o in zip(rules, choice):
        if o.home and o.home not in made and r.code in [g.code for g in gates[o.home]]:
            return None
    if any(dates[o.home] is None for o in choice if o.home and o.home not in made):
        # an undated home filing is fine only when an event without a date gates it
        pass
    # exemptions: the first filing of all must be lodged outside the exempt rule's country, so
    # the filings at that country's office come at least a day after it
    for r, o in zip(rules, choice):
        if o.kind != "exempt":
            continue
        outside = [dates[k] for k in all_keys if lodged[k] != r.code and dates[k] is not None]
        if not outside:
            return None
        first_day = min(outside)
        for k in all_keys:
            if lodged[k] == r.code:
                if k in made:
                    if made[k] <= first_day:
                        return None  # already first filed in that country: no exemption
                elif dates[k] is not None and dates[k] <= first_day:
                    dates[k] = first_day + timedelta(days=1)
                    certain[k] = None if certain[k] is None else max(certain[k], dates[k])
    needs = {k: [r.code for r in gates[k] if next(o for rr, o in zip(rules, choice) if rr is r).kind not in ("none", "exempt")]
             for k in all_keys}
    total = 0
    for k in all_keys:
        if k in made:
            continue
        d = dates[k]
        total += ((d - today).days if d else 400) + UNKNOWN_DAYS * len(events[k])
    extra = 0
    for k in made:  # a filing already made before the clearance this choice gives it: a worse choice
        for r in gates[k]:
            on, sure, _ = clear[r.code]
            if on is not None and made[k] < on and (sure is None or made[k] < sure):
                total += 100_000
    for r, o in zip(rules, choice):
        if o.kind == "permit":
            extra += 1
            if r.permit_before_home_only and facts.jp_level in ("likely", "review"):
                total += PERMIT_PENALTY_DAYS
        elif o.kind == "added":
            extra += 2
    return _Eval(dates, certain, events, needs, clear, (total, extra))


EXHAUSTIVE = 2000  # combinations tried one by one; beyond that, a local search from several starts


def _search(rules, option_lists, lodging, facts, permits, today):
    """(evaluation, choice) of the feasible combinations tried: all of them when there are few,
    else a coordinate descent (change one rule's option at a time while it improves) from
    each 'everything by its n-th option' start - a few rules meet in one draft, but a
    portfolio's worst case (inventors in eight countries) must still answer in bounded time."""
    total = 1
    for opts in option_lists:
        total *= len(opts)
    if total <= EXHAUSTIVE:
        for choice in itertools.product(*option_lists):
            ev = _evaluate(rules, choice, lodging, facts, permits, today)
            if ev is not None:
                yield ev, choice
        return
    width = max(len(o) for o in option_lists)
    for start in range(width):
        choice = [opts[min(start, len(opts) - 1)] for opts in option_lists]
        ev = _evaluate(rules, tuple(choice), lodging, facts, permits, today)
        score = ev.score if ev else (10**9,)
        improved = True
        while improved:
            improved = False
            for i, opts in enumerate(option_lists):
                for o in opts:
                    if o is choice[i]:
                        continue
                    trial = tuple(choice[:i] + [o] + choice[i + 1:])
                    tev = _evaluate(rules, trial, lodging, facts, permits, today)
                    if tev is not None and tev.score < score:
                        choice, ev, score, improved = list(trial), tev, tev.score, True
        if ev is not None:
            yield ev, tuple(choice)


LODGINGS_SEARCHED = 4  # receiving-office / EP-office combinations searched in full


def _promising(lodgings, rules, facts, permits, today) -> list:
    """The lodgings worth a full search: each scored with the rules cleared the way the best
    plan of the first lodging clears them (same kind of option where there is one)."""
    first = lodgings[0]
    opts0 = [_options(r, first, facts, permits) for r in rules]
    found = [(ev.score, choice) for ev, choice in _search(rules, opts0, first, facts, permits, today)]
    kinds = [o.kind for o in min(found, key=lambda t: t[0])[1]] if found else [opts[0].kind for opts in opts0]
    scored = []
    for i, lodging in enumerate(lodgings):
        opts = [_options(r, lodging, facts, permits) for r in rules]
        choice = tuple(next((o for o in os_ if o.kind == k), os_[0]) for os_, k in zip(opts, kinds))
        ev = _evaluate(rules, choice, lodging, facts, permits, today)
        scored.append(((ev.score if ev else (10**9,)), i, lodging))
    scored.sort(key=lambda t: (t[0], t[1]))
    return [lodging for _, _, lodging in scored[:LODGINGS_SEARCHED]]


def _lodging_choices(filings: tuple[Filing, ...], rules: list[Jurisdiction], facts: Facts) -> list[list[Filing]]:
    """The filings with each undecided PCT receiving office (and EP lodging) filled in."""
    involved = set(facts.applicant_seats()) | set(facts.all_residences()) | set(facts.all_completed())
    per: list[list[Filing]] = []
    for f in filings:
        if f.route == "pct" and not f.receiving_office:
            ros = [r.code for r in rules if "PCT" in r.receives and (r.code in involved or not involved)]
            per.append([Filing(f.office, f.route, ro, f.intended, f.filed_on) for ro in [*ros, "IB"]])
        elif f.route == "ep" and not f.receiving_office:
            offices = [r.code for r in rules if "EP" in r.receives and r.code in involved]
            per.append([Filing(f.office, f.route, o, f.intended, f.filed_on) for o in ["EP", *offices]])
        else:
            per.append([f])
    return [list(c) for c in itertools.product(*per)]


def clearance_plan(facts: Facts, today: date | None = None, jurisdictions: tuple[Jurisdiction, ...] | None = None) -> Plan:
    """The plan for ``facts`` (see the module doc). ``today``: the first day anything can be done."""
    today = today or date.today()
    rules_data = jurisdictions if jurisdictions is not None else load_jurisdictions()
    filings = facts.all_filings()
    planned = tuple(dict.fromkeys(f.office if f.route != "pct" else "PCT" for f in filings))
    ff = FilingFacts(completed_in=facts.all_completed(), residences=facts.all_residences(), planned=planned,
                     jp_level=facts.jp_level, defence_related=facts.defence_related,
                     applicants=facts.applicant_seats())
    checks, _ = screen(ff, rules_data)
    by_code = {c.jurisdiction.code: c for c in checks}
    rules = [c.jurisdiction for c in checks]
    permits = {p.rule: p for p in facts.permits}
    notes: list[Message] = []
    if not filings:
        notes.append(msg(M.W716))
    if not facts.all_completed():
        notes.append(msg(M.W717))

    best: tuple | None = None
    lodgings = _lodging_choices(filings, rules, facts)
    if len(lodgings) > LODGINGS_SEARCHED:
        lodgings = _promising(lodgings, rules, facts, permits, today)
    for lodging in lodgings:
        option_lists = [_options(r, lodging, facts, permits) for r in rules]
        for ev, choice in _search(rules, option_lists, lodging, facts, permits, today):
            if best is None or ev.score < best[0].score:
                best = (ev, choice, lodging)
    if best is None:  # nothing satisfies every rule with the data we have: say so, show the rules
        return Plan(today.isoformat(), tuple(_status(c, "") for c in checks), (), (), _conflicts(rules, filings)[0],
                    _conflicts(rules, filings)[1], tuple(notes))
    ev, choice, lodging = best
    chosen = {r.code: o for r, o in zip(rules, choice)}
    # the exemptions the plan relies on, and the rules exempted outright by the facts
    statuses = []
    for c in checks:
        o = chosen[c.jurisdiction.code]
        statuses.append(_status(c, o.kind))
    conflicts, ways = _conflicts(rules, [f for f in lodging])
    steps = _steps(rules, chosen, ev, lodging, facts, permits, today, notes)
    fplans = []
    for f in lodging:
        fplans.append(FilingPlan(f, lodged_at(f) or "", _iso(ev.dates[f.key]), _iso(ev.certain.get(f.key)),
                                 tuple(ev.needs[f.key]), tuple(ev.unknown[f.key])))
    for key, r in ((o.home, r) for r, o in zip(rules, choice) if o.kind == "added"):
        fplans.append(FilingPlan(Filing(r.code), r.code, _iso(ev.dates[key]), _iso(ev.certain.get(key)),
                                 tuple(ev.needs[key]), tuple(ev.unknown[key]), added=True))
    for f in lodging:
        if f.route == "pct" and f.receiving_office and not any(
                g.route == "pct" and g.receiving_office for g in filings if g.office == f.office and g.receiving_office):
            home = next((r for r in rules if r.code == f.receiving_office), None)
            if home is not None and chosen[home.code].home == f.key:
                why = msg(M.N702, office=_t(home, "office"), country=_t(home, "name"))
            else:
                why = msg(M.N709) if home is not None else msg(M.N703)
            notes.append(msg(M.N701, ro=f"RO/{f.receiving_office}", why=why))
    for f, fp in zip(lodging, fplans):
        if f.intended and fp.earliest and f.intended.isoformat() < fp.earliest and not f.filed_on:
            notes.append(msg(M.W711, filing=filing_label(f), intended=f.intended.isoformat(), date=fp.earliest))
    for c in checks:  # a rule that may apply is planned for, and said so with why
        if c.applies == "possible":
            notes.append(msg(M.W714, country=_t(c.jurisdiction, "name"),
                             why=msg(M.I703, t={"en": c.why, "ja": c.text("why", "ja")})))
    if not checks:
        notes.append(msg(M.I745))
    return Plan(today.isoformat(), tuple(statuses), tuple(steps), tuple(fplans), conflicts, ways, tuple(notes))


def _status(c: FilingCheck, clearance: str) -> RuleStatus:
    j = c.jurisdiction
    return RuleStatus(j.code, c.applies, c.why, c.text("why", "ja"), j.law, j.text("law", "ja"), j.verified,
                      j.sources, clearance)


def _conflicts(rules: list[Jurisdiction], filings) -> tuple[tuple[Message, ...], tuple[Message, ...]]:
    """Pairs of rules that each bar the other's home filing from coming first, and the known ways out."""
    gating = [r for r in rules if r.office or r.permit]
    codes = {r.code for r in gating}
    conflicts, ways = [], []
    for a, b in itertools.combinations(gating, 2):
        if not (a.trigger in ("place", "residence", "applicant") and b.trigger in ("place", "residence", "applicant")):
            continue
        conflicts.append(msg(M.W710, a=_t(a, "name"), b=_t(b, "name")))
        pair = {a.code, b.code}
        if pair == {"JP", "US"}:
            ways += [msg(M.N704), msg(M.N705)]
        elif pair == {"US", "CN"}:
            ways.append(msg(M.N706))
        elif a.permit or b.permit:
            ways.append(msg(M.N707, permit_a=_t(a, "permit") if a.permit else _t(a, "office"), a=a.code,
                            permit_b=_t(b, "permit") if b.permit else _t(b, "office"), b=b.code))
    del codes
    return tuple(conflicts), tuple(ways)


def _src(j: Jurisdiction) -> dict:
    return {"rule": j.code, "law": _t(j, "law"), "verified": j.verified, "sources": j.sources}


def _steps(rules, chosen, ev: _Eval, lodging, facts: Facts, permits, today: date, notes: list) -> list[Step]:
    steps: list[tuple] = []  # (date, group, sub, step): a filing's steps stay together
    filing_by_key = {f.key: f for f in lodging}
    homes = {o.home: r for r in rules for o in [chosen[r.code]] if o.home}
    for r in rules:
        o = chosen[r.code]
        name = _t(r, "name")
        if o.kind == "permit":
            p = permits.get(r.code)
            if p and p.granted:
                steps.append((p.granted, 0, 0, Step(p.granted.isoformat(), msg(M.I713, country=name, permit=_t(r, "permit"),
                                                                               date=p.granted.isoformat()), **_src(r))))
            elif p:
                steps.append((p.requested, 0, 0, Step(p.requested.isoformat(), msg(M.I712, country=name, permit=_t(r, "permit"),
                                                                                   date=p.requested.isoformat()), **_src(r))))
            else:
                text = (msg(M.I710, permit=_t(r, "permit"), country=name, period=period_text(r.permit_within))
                        if r.permit_within else msg(M.I711, permit=_t(r, "permit"), country=name))
                steps.append((today, 0, 0, Step(today.isoformat(), text, **_src(r))))
            steps.append((today, 0, 1, Step(None, msg(M.I731, country=name, permit=_t(r, "permit")), **_src(r))))
        elif o.kind == "exempt":
            first = min(ev.dates, key=lambda k: ev.dates[k] or date.max)
            seats = tuple(facts.applicant_seats())
            steps.append((today, 0, 0, Step(None, msg(M.I728, country=name, citation=_t(r, "exemption_text"),
                                                   first=first.lstrip("+"), applicants=seats), **_src(r))))
            if any(i.residence == r.code for i in facts.inventors) or r.code in facts.residences:
                notes.append(msg(M.N708, citation=_t(r, "exemption_text")))
        elif o.kind == "none":
            steps.append((today, 0, 0, Step(None, msg(M.I729, country=name, requirement=_t(r, "requirement")), **_src(r))))
        elif r.code == "JP" and o.kind == "home" and facts.jp_filing_date:
            notes.append(msg(M.W715, date=facts.jp_filing_date.isoformat()))
        if o.kind in ("home", "added") and r.permit and not (r.permit_before_home_only and o.kind == "home"):
            text = (msg(M.I733, country=name, permit=_t(r, "permit"), period=period_text(r.permit_within))
                    if r.permit_within else msg(M.I734, country=name, permit=_t(r, "permit")))
            steps.append((today, 0, 1, Step(None, text, **_src(r))))
    # filings, in date order, each followed by the release it starts
    for group, f in enumerate([*lodging, *(Filing(r.code) for r in rules if chosen[r.code].kind == "added")], 1):
        key = f.key if f in lodging else f"+{f.office}"
        d = ev.dates.get(key)
        label = filing_label(f)
        if f.filed_on:
            text = msg(M.I722, filing=label, date=f.filed_on.isoformat())
        elif ev.unknown[key]:
            text = msg(M.I721, filing=label, waits=tuple(ev.unknown[key]), date=_iso(d))
        else:
            text = msg(M.I720, filing=label)  # its date is the step's (the plan printed it twice)
        r = homes.get(key)
        when = f.filed_on or d
        src = _src(r) if r else {}
        if key.startswith("+"):
            text = msg(M.I732, country=_t(r, "name"), office=_t(r, "office"),
                       period=period_text(r.home_wait) if r.home_wait else _t(r, "wait"))
        steps.append((when or date.max, group, 2, Step(_iso(when), text, **src)))
        if r is None:
            continue
        name = _t(r, "name")
        steps.append((when or date.max, group, 3, Step(None, msg(M.I723, country=name, office=_t(r, "office")), **_src(r))))
        if when is None:
            continue
        if r.code == "JP":
            steps.append((when, group, 4, Step(None, msg(M.I727, date=add_months(when, 10).isoformat()), **_src(r))))
        if r.fast and r.fast_within:
            due = add_period(when, r.fast_within)
            steps.append((due, group, 5, Step(due.isoformat(), msg(M.I725, country=name, event=_t(r, "fast"), date=due.isoformat()),
                                       **_src(r))))
        elif r.fast:
            steps.append((when, group, 5, Step(None, msg(M.I726, country=name, event=_t(r, "fast")), **_src(r))))
        if r.home_wait:
            free = add_period(when, r.home_wait)
            steps.append((free, group, 6, Step(free.isoformat(), msg(M.I724, country=name, date=free.isoformat(),
                                                               period=period_text(r.home_wait), office=_t(r, "office")),
                                        **_src(r))))
        elif not r.fast:
            steps.append((when, group, 6, Step(None, msg(M.I730, country=name, office=_t(r, "office")), **_src(r))))
    # a filing made before a rule that gates it was cleared
    for f in lodging:
        if not f.filed_on:
            continue
        for code in ev.needs[f.key]:
            on, sure, _ = ev.clear[code]
            if on and f.filed_on < on and (sure is None or f.filed_on < sure):
                r = next(x for x in rules if x.code == code)
                notes.append(msg(M.W712, filing=filing_label(f), date=f.filed_on.isoformat(), country=_t(r, "name"),
                                 clear=on.isoformat()))
    # a filing's own steps right after it; a release that falls later sorts by its date
    anchor = {}
    for d, g, sub, _ in steps:
        if sub == 2:
            anchor[g] = d
    steps.sort(key=lambda t: ((t[0] if t[2] in (5, 6) and t[3].date else anchor.get(t[1], t[0])), t[1], t[2]))
    return [t[3] for t in steps]
