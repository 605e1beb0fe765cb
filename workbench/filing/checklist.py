"""The foreign-filing checklist: which national security rules a planned filing meets.

A screening aid, not legal advice: every check carries the rule's source and
whether the facts behind it are verified.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from workbench.errors import E303, RulesError
from workbench.rules.loader import installed_rules_dir
from workbench.rules.source import read_rule_file

TRIGGERS = ("place", "residence", "content")
SCOPES = ("all", "sensitive", "defence", "jp-fields")
REQUIRED = ("code", "name", "law", "trigger", "scope", "requirement", "wait", "penalty", "verified", "sources")
OPTIONAL = ("note",)
FILE = Path("foreign-filing") / "jurisdictions.yaml"


@dataclass(frozen=True)
class Jurisdiction:
    code: str
    name: str
    law: str
    trigger: str
    scope: str
    requirement: str
    wait: str
    penalty: str
    verified: bool
    sources: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class FilingFacts:
    """What the IP department knows about an invention (ISO country codes)."""

    completed_in: tuple[str, ...] = ()  # where the inventive work was done
    residences: tuple[str, ...] = ()  # inventors' and applicant's residences / seat
    planned: tuple[str, ...] = ()  # planned filings (country codes, "EP", "PCT")
    jp_level: str | None = None  # the workbench triage level: clear | review | likely
    defence_related: bool | None = None  # military / state-secret content? None = unknown


@dataclass(frozen=True)
class FilingCheck:
    jurisdiction: Jurisdiction
    applies: str  # "yes" | "possible"
    why: str

    def to_dict(self) -> dict:
        j = self.jurisdiction
        return {
            "code": j.code, "name": j.name, "applies": self.applies, "why": self.why,
            "law": j.law, "requirement": j.requirement, "wait": j.wait, "penalty": j.penalty,
            "verified": j.verified, "note": j.note, "sources": list(j.sources),
        }


_SPLIT = re.compile(r"[,;\s、，]+")
COUNTRY = re.compile(r"[A-Z]{2}")
FILING = re.compile(r"[A-Z]{2}|EP|WO|PCT|EA|AP|OA")  # what the store accepts as a planned filing


def parse_codes(text: str, pattern: re.Pattern = COUNTRY) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Country codes as users type them ("us, in；JP、ＣＮ") -> (codes, tokens that are not codes).
    One reading for the CLI and the decision panel."""
    codes, ignored = [], []
    for tok in _SPLIT.split(unicodedata.normalize("NFKC", text or "").upper()):  # ＵＳ，ＩＮ too
        if not tok:
            continue
        (codes if pattern.fullmatch(tok) else ignored).append(tok)
    return tuple(dict.fromkeys(codes)), tuple(ignored)


def _norm(codes) -> set[str]:
    out = set()
    for c in codes or ():
        c = str(c).strip().upper()
        out.add("GB" if c == "UK" else c)
    return out - {""}


def load_jurisdictions(path: str | Path | None = None) -> tuple[Jurisdiction, ...]:
    """Load and validate the jurisdiction rules (all-or-nothing, coded errors with lines)."""
    return _load(str(path or installed_rules_dir() / FILE))


@lru_cache(maxsize=4)
def _load(path: str) -> tuple[Jurisdiction, ...]:
    source = read_rule_file(path)
    data = source.data
    if not isinstance(data, dict) or not isinstance(data.get("jurisdictions"), list):
        raise RulesError(E303, path=path, line=source.line_of(()), detail="expected a 'jurisdictions' list")
    out, seen = [], set()
    for i, item in enumerate(data["jurisdictions"]):
        where = ("jurisdictions", i)
        if not isinstance(item, dict):
            raise RulesError(E303, path=path, line=source.line_of(where), detail="each jurisdiction is a mapping")
        unknown = set(item) - set(REQUIRED) - set(OPTIONAL)
        missing = [k for k in REQUIRED if k not in item]
        if unknown or missing:
            detail = f"unknown key(s) {sorted(unknown)}" if unknown else f"missing key(s) {missing}"
            raise RulesError(E303, path=path, line=source.line_of(where), detail=detail)
        if item["trigger"] not in TRIGGERS or item["scope"] not in SCOPES:
            raise RulesError(
                E303, path=path, line=source.line_of(where + ("trigger",)),
                detail=f"trigger must be one of {TRIGGERS} and scope one of {SCOPES}",
            )
        code = str(item["code"]).upper()
        if code in seen:
            raise RulesError(E303, path=path, line=source.line_of(where + ("code",)), detail=f"'{code}' is listed twice")
        seen.add(code)
        out.append(Jurisdiction(
            code=code, name=str(item["name"]), law=str(item["law"]), trigger=item["trigger"],
            scope=item["scope"], requirement=str(item["requirement"]), wait=str(item["wait"]),
            penalty=str(item["penalty"]), verified=bool(item["verified"]),
            sources=tuple(str(s) for s in item["sources"]), note=str(item.get("note", "")),
        ))
    return tuple(out)


def _scope_applies(j: Jurisdiction, facts: FilingFacts) -> tuple[str | None, str]:
    if j.scope == "all":
        return "yes", "applies to all technology"
    if j.scope == "jp-fields":
        if facts.jp_level in ("likely", "review"):
            return "yes", f"the draft was triaged '{facts.jp_level}' for Japan's specified fields"
        if facts.jp_level == "clear":
            return None, "triaged clear of Japan's specified fields"
        return "possible", "the draft has not been triaged for Japan's specified fields"
    # sensitive / defence content
    if facts.defence_related is True:
        return "yes", "the content is marked military / security related"
    if facts.defence_related is False and facts.jp_level == "clear":
        return None, "the content is marked not military / security related"
    if facts.jp_level in ("likely", "review"):
        return "possible", f"the draft touches Japan's specified (security) fields ('{facts.jp_level}')"
    if facts.defence_related is False:
        return None, "the content is marked not military / security related"
    return "possible", "whether the content is military / security related is unknown"


def filing_checks(facts: FilingFacts, jurisdictions: tuple[Jurisdiction, ...] | None = None) -> list[FilingCheck]:
    """The rules a filing plan meets, most binding first (``yes`` before ``possible``)."""
    rules = jurisdictions if jurisdictions is not None else load_jurisdictions()
    completed, residences, planned = _norm(facts.completed_in), _norm(facts.residences), _norm(facts.planned)
    out: list[FilingCheck] = []
    for j in rules:
        if j.trigger == "place":
            if j.code not in completed:
                continue
            trigger_why = f"the invention was completed (at least partly) in {j.name}"
        elif j.trigger == "residence":
            if j.code not in residences:
                continue
            trigger_why = f"an inventor or the applicant resides in {j.name}"
        else:  # content rules bite where the application is filed or the work is held
            if j.code not in planned | completed | residences:
                continue
            trigger_why = f"{j.name} is involved (planned filing, place of work or residence)"
        applies, scope_why = _scope_applies(j, facts)
        if applies is None:
            continue
        # A first-filing duty only matters when something is to be filed outside that country.
        if j.trigger != "content" and planned and planned <= {j.code}:
            continue
        out.append(FilingCheck(j, applies, f"{trigger_why}; {scope_why}"))
    out.sort(key=lambda c: (c.applies != "yes", c.jurisdiction.code))
    return out
