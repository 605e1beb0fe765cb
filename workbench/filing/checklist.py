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
from typing import cast

from workbench.domain import LEVEL_LABELS_JA
from workbench.errors import E303, RulesError
from workbench.rules.loader import first_problem, installed_rules_dir, load_schema
from workbench.rules.source import RuleSource, read_rule_file
from workbench.messages import M, msg

# The keys, their types, the triggers, scopes, periods and exemptions a rule may have are
# the schema's (classification_rules/foreign-filing/jurisdictions.schema.json).
TRANSLATED = ("name", "law", "requirement", "wait", "penalty", "note",  # texts with a Japanese twin (<key>_ja)
              "office", "fast", "permit", "exemption_text")
FILE = Path("foreign-filing") / "jurisdictions.yaml"
SCHEMA = Path("foreign-filing") / "jurisdictions.schema.json"  # keys, types, periods, enums (`workbench rules check` reads it too)


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
    # Japanese texts (optional in the data; "" falls back to the English)
    name_ja: str = ""
    law_ja: str = ""  # the law as a Japanese practitioner cites it, the original citation kept
    requirement_ja: str = ""
    wait_ja: str = ""
    penalty_ja: str = ""
    note_ja: str = ""
    # scope and exemptions
    scope_confirmed: bool = True  # False: a draft outside the stated scope stays "possible"
    exemption: str = ""  # "non-resident-first-filing" (GB s.23(2), IN s.39(3), SG s.34(2)) or ""
    exemption_text: str = ""  # its citation, e.g. "s.23(2)"
    exemption_text_ja: str = ""
    # what the clearance plan (workbench.filing.plan) needs
    office: str = ""  # the office of the home filing, e.g. "JPO"
    office_ja: str = ""
    home_wait: str = ""  # after a home filing, foreign filing is permitted once this passed: "6w", "10m"
    home_wait_verified: bool = False
    fast: str = ""  # an earlier release: a licence, a notice
    fast_ja: str = ""
    fast_within: str = ""  # when that release is due at the latest, e.g. "3m"
    permit: str = ""  # a clearance without a home filing
    permit_ja: str = ""
    permit_within: str = ""  # its usual period, e.g. "21d"
    permit_before_home_only: bool = False  # only before any home filing (JP Art. 79)
    receives: tuple[str, ...] = ()  # routes lodged at the office that count as the home filing: EP, PCT

    def __hash__(self) -> int:  # cheap (the plan caches per rule): equal rules have equal codes and laws
        return hash((self.code, self.law, self.home_wait, self.permit, self.fast_within))

    def text(self, field: str, language: str = "en") -> str:
        """``field`` (name, law, requirement, wait, penalty, note) in ``language``: the
        Japanese text when asked for and present, else the English."""
        if field not in TRANSLATED:
            raise ValueError(f"no translated text {field!r} (one of {TRANSLATED})")
        if language == "ja":
            return getattr(self, f"{field}_ja") or getattr(self, field)
        return getattr(self, field)


@dataclass(frozen=True)
class FilingFacts:
    """What the IP department knows about an invention (ISO country codes)."""

    completed_in: tuple[str, ...] = ()  # where the inventive work was done
    residences: tuple[str, ...] = ()  # inventors' and applicant's residences / seat
    planned: tuple[str, ...] = ()  # planned filings (country codes, "EP", "PCT")
    jp_level: str | None = None  # the workbench triage level: clear | review | likely
    defence_related: bool | None = None  # military / state-secret content? None = unknown
    # The applicants' residences / seats (also counted as residences): () = not known. They
    # decide the applicant-only rules (Italy) and the non-resident exemptions.
    applicants: tuple[str, ...] = ()
    # The office (country code) of the first filing, when known (made or decided); None =
    # not known, and no first-filing exemption is assumed.
    first_filing: str | None = None


def _text(item: "Exempted | FilingCheck", field: str, language: str) -> str:
    """What a check or an exemption says in ``language``: its own ``why`` (the Japanese when
    the rule data gives one), any other field from its jurisdiction."""
    if field == "why":
        return (item.why_ja or item.why) if language == "ja" else item.why
    return item.jurisdiction.text(field, language)


@dataclass(frozen=True)
class Exempted:
    """A rule whose trigger is met but whose statutory exemption holds for these facts."""

    jurisdiction: Jurisdiction
    why: str
    why_ja: str = ""

    def text(self, field: str, language: str = "en") -> str:
        return _text(self, field, language)


@dataclass(frozen=True)
class FilingCheck:
    jurisdiction: Jurisdiction
    applies: str  # "yes" | "possible"
    why: str  # English
    why_ja: str = ""

    def text(self, field: str, language: str = "en") -> str:
        """``why`` or a jurisdiction text (see ``Jurisdiction.text``) in ``language``."""
        return _text(self, field, language)

    def to_dict(self) -> dict:
        """Both languages: the English keys as before, the Japanese as ``<key>_ja``."""
        j = self.jurisdiction
        return {
            "code": j.code, "name": j.name, "name_ja": j.text("name", "ja"), "applies": self.applies,
            "why": self.why, "why_ja": self.text("why", "ja"),
            "law": j.law, "law_ja": j.text("law", "ja"), "requirement": j.requirement, "requirement_ja": j.text("requirement", "ja"),
            "wait": j.wait, "wait_ja": j.text("wait", "ja"), "penalty": j.penalty, "penalty_ja": j.text("penalty", "ja"),
            "verified": j.verified, "note": j.note, "note_ja": j.text("note", "ja"), "sources": list(j.sources),
            "scope_confirmed": j.scope_confirmed, "exemption": j.exemption or None,
            **{k: getattr(j, k) for k in ("exemption_text", "office", "fast", "permit")},
            **{f"{k}_ja": j.text(k, "ja") for k in ("exemption_text", "office", "fast", "permit")},
            "home_wait": j.home_wait or None, "home_wait_verified": j.home_wait_verified,
            "fast_within": j.fast_within or None, "permit_within": j.permit_within or None,
        }


_SPLIT = re.compile(r"[,;\s、，]+")
COUNTRY = re.compile(r"[A-Z]{2}")
FILING = re.compile(r"[A-Z]{2}|EP|WO|PCT|EA|AP|OA")  # what the store accepts as a planned filing


def parse_codes(text: str, pattern: re.Pattern = COUNTRY) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Country codes as users type them -> (codes, tokens that are not codes); with
    ``pattern=FILING`` the route codes EP, PCT (WO) ... too. The one reading
    (:func:`workbench.filing.codes.parse_codes`) for the CLI, the decision panel and the log."""
    from workbench.filing.codes import parse_codes as read

    return read(text, routes=pattern is FILING)


def _norm(codes) -> set[str]:
    out = set()
    for c in codes or ():
        c = str(c).strip().upper()
        out.add("GB" if c == "UK" else c)
    return out - {""}


def load_jurisdictions(path: str | Path | None = None) -> tuple[Jurisdiction, ...]:
    """Load and validate the jurisdiction rules (all-or-nothing, coded errors with lines)."""
    return _load(str(path or installed_rules_dir() / FILE))


def _problems(path: str, source: RuleSource) -> list[RulesError]:
    """Every problem of the file: the schema's (jsonschema), then a code given twice."""
    found = [RulesError(E303, path=path, line=source.line_of(where), detail=detail)
             for where, detail in load_schema(installed_rules_dir() / SCHEMA).validate(source.data)]
    if found:
        return found
    seen: set[str] = set()
    for i, item in enumerate(cast(dict, source.data)["jurisdictions"]):  # the schema accepted it
        code = item["code"].upper()  # a schema cannot say "unique whatever the case"
        if code in seen:
            found.append(RulesError(E303, path=path, line=source.line_of(("jurisdictions", i, "code")),
                                    detail=msg(M.D309, key=code)))
        seen.add(code)
    return found


@lru_cache(maxsize=4)
def _load(path: str) -> tuple[Jurisdiction, ...]:
    source = read_rule_file(path)
    problems = sorted(_problems(path, source), key=lambda e: e.line or 0)
    if problems:
        raise first_problem(problems)
    data = cast(dict, source.data)  # the schema accepted it: a mapping with a list of rules
    out = []
    for item in data["jurisdictions"]:
        code = item["code"].upper()
        out.append(Jurisdiction(
            code=code, name=str(item["name"]), law=str(item["law"]), trigger=item["trigger"],
            scope=item["scope"], requirement=str(item["requirement"]), wait=str(item["wait"]),
            penalty=str(item["penalty"]), verified=bool(item["verified"]),
            sources=tuple(str(s) for s in item["sources"]), note=str(item.get("note", "")),
            **{f"{k}_ja": item.get(f"{k}_ja", "").strip() for k in TRANSLATED},
            scope_confirmed=item.get("scope_confirmed", True), exemption=item.get("exemption", ""),
            exemption_text=item.get("exemption_text", ""), office=item.get("office", ""),
            home_wait=item.get("home_wait", ""), home_wait_verified=item.get("home_wait_verified", False),
            fast=item.get("fast", ""), fast_within=item.get("fast_within", ""), permit=item.get("permit", ""),
            permit_within=item.get("permit_within", ""), permit_before_home_only=item.get("permit_before_home_only", False),
            receives=tuple(item.get("receives", ())),
        ))
    return tuple(out)


# The triage levels as the Japanese UI names them (workbench/ui/labels.py).


def _scope_applies(j: Jurisdiction, facts: FilingFacts) -> tuple[str | None, str, str]:
    """Whether the rule's technology scope is met: (applies, why in English, why in Japanese)."""
    level = facts.jp_level
    level_ja = LEVEL_LABELS_JA.get(level or "", level or "")
    if j.scope == "all":
        return "yes", "applies to all technology", "すべての技術分野が対象となる"
    if j.scope == "jp-fields":
        if level in ("likely", "review"):
            return ("yes", f"the draft was triaged '{level}' for Japan's specified fields",
                    f"草稿は日本の特定技術分野について「{level_ja}」と判定された")
        if level == "clear":
            return None, "triaged clear of Japan's specified fields", "日本の特定技術分野には該当しないと判定された"
        return ("possible", "the draft has not been triaged for Japan's specified fields",
                "草稿は日本の特定技術分野についてまだ判定されていない")
    # sensitive / defence content
    marked_civil = ("the content is marked not military / security related", "内容は軍事・安全保障に関連しないとされている")
    if facts.defence_related is True:
        return "yes", "the content is marked military / security related", "内容は軍事・安全保障に関連するとされている"
    if facts.defence_related is False and level == "clear":
        return None, *marked_civil
    if level in ("likely", "review"):
        return ("possible", f"the draft touches Japan's specified (security) fields ('{level}')",
                f"草稿は日本の特定技術分野（安全保障関連）に関わる（「{level_ja}」）")
    if facts.defence_related is False:
        return None, *marked_civil
    return ("possible", "whether the content is military / security related is unknown",
            "内容が軍事・安全保障に関連するかどうかは不明")


def filing_checks(facts: FilingFacts, jurisdictions: tuple[Jurisdiction, ...] | None = None) -> list[FilingCheck]:
    """The rules a filing plan meets, most binding first (``yes`` before ``possible``).
    Each check says why in English (``why``) and Japanese (``why_ja``; ``check.text("why", "ja")``).
    Rules whose statutory exemption holds are left out (``screen`` lists them)."""
    return screen(facts, jurisdictions)[0]


def _exempt(j: Jurisdiction, facts: FilingFacts, applicants: set[str]) -> tuple[str, str] | None:
    """Why the rule's exemption holds for these facts (English, Japanese), or None.

    non-resident-first-filing (GB s.23(2), IN s.39(3), SG s.34(2)): the invention is first
    filed outside the country by a person resident outside it. Both facts must be known: the
    office of the first filing, and the applicants' residences with none in the country."""
    if j.exemption != "non-resident-first-filing":
        return None
    first = _norm((facts.first_filing,)) if facts.first_filing else set()
    if not first or j.code in first or not applicants or j.code in applicants:
        return None
    office = next(iter(first))
    cite, cite_ja = j.exemption_text, j.text("exemption_text", "ja")
    return (f"exempt under {cite}: first filed outside {j.name} ({office}) by applicants resident outside it "
            f"({', '.join(sorted(applicants))})",
            f"{cite_ja}により適用除外：{j.text('name', 'ja')}国外に居住する出願人（{'、'.join(sorted(applicants))}）が"
            f"{j.text('name', 'ja')}国外（{office}）で最初に出願する")


def screen(facts: FilingFacts, jurisdictions: tuple[Jurisdiction, ...] | None = None
           ) -> tuple[list[FilingCheck], list[Exempted]]:
    """(the checks that apply, the rules exempted for these facts). See ``filing_checks``."""
    rules = jurisdictions if jurisdictions is not None else load_jurisdictions()
    completed, residences, planned = _norm(facts.completed_in), _norm(facts.residences), _norm(facts.planned)
    applicants = _norm(facts.applicants)
    residences |= applicants  # an applicant's seat is a residence for the residence rules
    out: list[FilingCheck] = []
    exempted: list[Exempted] = []
    for j in rules:
        name_ja = j.text("name", "ja")
        maybe = False  # the trigger may be met (a fact is missing)
        if j.trigger == "place":
            if j.code not in completed:
                continue
            trigger_why = f"the invention was completed (at least partly) in {j.name}"
            trigger_ja = f"発明は（少なくとも一部が）{name_ja}で完成した"
        elif j.trigger == "residence":
            if j.code not in residences:
                continue
            trigger_why = f"an inventor or the applicant resides in {j.name}"
            trigger_ja = f"発明者又は出願人が{name_ja}に居住している"
        elif j.trigger == "applicant":  # the duty lies with the applicants
            if j.code in applicants:
                trigger_why = f"an applicant resides or has its seat in {j.name}"
                trigger_ja = f"出願人が{name_ja}に居住し、又は本拠を有する"
            elif not applicants and j.code in residences:
                maybe = True
                trigger_why = (f"someone resides in {j.name}; the duty lies with the applicants, whose seat is not "
                               "recorded")
                trigger_ja = f"{name_ja}に居住する者がいる。義務を負うのは出願人であり、出願人の本拠は記録されていない"
            else:
                continue
        else:  # content rules bite where the application is filed or the work is held
            if j.code not in planned | completed | residences:
                continue
            trigger_why = f"{j.name} is involved (planned filing, place of work or residence)"
            trigger_ja = f"{name_ja}が関係する（出願予定国、発明地又は居住地）"
        applies, scope_why, scope_ja = _scope_applies(j, facts)
        if applies is None and not j.scope_confirmed:
            applies, scope_why, scope_ja = ("possible", f"{scope_why}, but the rule's scope is unconfirmed",
                                            f"{scope_ja}。ただし規定の適用範囲は未確認")
        if applies is None:
            continue
        if maybe:
            applies = "possible"
        why = _exempt(j, facts, applicants)
        if why is not None:
            exempted.append(Exempted(j, f"{trigger_why}; {why[0]}", f"{trigger_ja}。{why[1]}。"))
            continue
        if j.exemption and j.trigger != "place":
            trigger_why += (f" (not exempt under {j.exemption_text} unless first filed outside {j.name} "
                            "by applicants resident outside it)")
            trigger_ja += (f"（{name_ja}国外に居住する出願人が{name_ja}国外で最初に出願する場合を除く、"
                           f"{j.text('exemption_text', 'ja')}）")
        out.append(FilingCheck(j, applies, f"{trigger_why}; {scope_why}", f"{trigger_ja}。{scope_ja}。"))
    # A first-filing duty or licence only matters when something is to be filed outside that
    # country: the planned filings, and the first filings other countries' rules call for (a
    # joint JP/US invention must go to the JPO first - a filing abroad seen from the US, even
    # when the US is the only country planned).
    bound = {c.jurisdiction.code for c in out if c.jurisdiction.trigger != "content"}
    kept = []
    for c in out:
        j = c.jurisdiction
        filings = planned | (bound - {j.code})
        if j.trigger != "content" and filings and filings <= {j.code}:
            continue
        kept.append(c)
    kept.sort(key=lambda c: (c.applies != "yes", c.jurisdiction.code))
    return kept, exempted
