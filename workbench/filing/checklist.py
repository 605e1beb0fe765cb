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

from workbench.domain import LEVEL_LABELS_JA
from workbench.errors import E303, RulesError
from workbench.rules.loader import installed_rules_dir
from workbench.rules.source import read_rule_file

TRIGGERS = ("place", "residence", "content")
SCOPES = ("all", "sensitive", "defence", "jp-fields")
REQUIRED = ("code", "name", "law", "trigger", "scope", "requirement", "wait", "penalty", "verified", "sources")
TRANSLATED = ("name", "law", "requirement", "wait", "penalty", "note")  # texts with a Japanese twin (<key>_ja)
OPTIONAL = ("note", *(f"{k}_ja" for k in TRANSLATED))
LANGUAGES = ("en", "ja")
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
    # Japanese texts (optional in the data; "" falls back to the English)
    name_ja: str = ""
    law_ja: str = ""  # the law as a Japanese practitioner cites it, the original citation kept
    requirement_ja: str = ""
    wait_ja: str = ""
    penalty_ja: str = ""
    note_ja: str = ""

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


@dataclass(frozen=True)
class FilingCheck:
    jurisdiction: Jurisdiction
    applies: str  # "yes" | "possible"
    why: str  # English
    why_ja: str = ""

    def text(self, field: str, language: str = "en") -> str:
        """``why`` or a jurisdiction text (see ``Jurisdiction.text``) in ``language``."""
        if field == "why":
            return (self.why_ja or self.why) if language == "ja" else self.why
        return self.jurisdiction.text(field, language)

    def to_dict(self) -> dict:
        """Both languages: the English keys as before, the Japanese as ``<key>_ja``."""
        j = self.jurisdiction
        return {
            "code": j.code, "name": j.name, "name_ja": j.text("name", "ja"), "applies": self.applies,
            "why": self.why, "why_ja": self.text("why", "ja"),
            "law": j.law, "law_ja": j.text("law", "ja"), "requirement": j.requirement, "requirement_ja": j.text("requirement", "ja"),
            "wait": j.wait, "wait_ja": j.text("wait", "ja"), "penalty": j.penalty, "penalty_ja": j.text("penalty", "ja"),
            "verified": j.verified, "note": j.note, "note_ja": j.text("note", "ja"), "sources": list(j.sources),
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
        for key in OPTIONAL:
            if key in item and not isinstance(item[key], str):
                raise RulesError(E303, path=path, line=source.line_of(where + (key,)), detail=f"'{key}' must be text")
        if "note_ja" in item and "note" not in item:
            raise RulesError(E303, path=path, line=source.line_of(where + ("note_ja",)), detail="'note_ja' without an English 'note'")
        out.append(Jurisdiction(
            code=code, name=str(item["name"]), law=str(item["law"]), trigger=item["trigger"],
            scope=item["scope"], requirement=str(item["requirement"]), wait=str(item["wait"]),
            penalty=str(item["penalty"]), verified=bool(item["verified"]),
            sources=tuple(str(s) for s in item["sources"]), note=str(item.get("note", "")),
            **{f"{k}_ja": item.get(f"{k}_ja", "").strip() for k in TRANSLATED},
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
    Each check says why in English (``why``) and Japanese (``why_ja``; ``check.text("why", "ja")``)."""
    rules = jurisdictions if jurisdictions is not None else load_jurisdictions()
    completed, residences, planned = _norm(facts.completed_in), _norm(facts.residences), _norm(facts.planned)
    out: list[FilingCheck] = []
    for j in rules:
        name_ja = j.text("name", "ja")
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
        else:  # content rules bite where the application is filed or the work is held
            if j.code not in planned | completed | residences:
                continue
            trigger_why = f"{j.name} is involved (planned filing, place of work or residence)"
            trigger_ja = f"{name_ja}が関係する（出願予定国、発明地又は居住地）"
        applies, scope_why, scope_ja = _scope_applies(j, facts)
        if applies is None:
            continue
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
    return kept
