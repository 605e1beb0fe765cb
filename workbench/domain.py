"""The small, frozen domain objects that flow through the pipeline.

file -> ingest -> Draft -> claims -> ClaimSet -> classify -> DraftVerdict -> store

They hold data only; behaviour lives in the packages named after each step.
Offsets (``start``/``end``) are character offsets into the text named in the
docstring of each class, so the GUI can highlight spans exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from workbench.messages import Text  # a coded message (or a plain string from an old record)

Language = Literal["en", "ja"]
Level = Literal["clear", "review", "likely"]
Status = Literal["hit", "possible", "no"]
LEVELS: tuple[Level, ...] = ("clear", "review", "likely")
STATUSES: tuple[Status, ...] = ("hit", "possible", "no")

CLAIM_CATEGORIES = ("apparatus", "method", "system", "composition", "use", "program", "other")


# ---------------------------------------------------------------------------
# Ingest
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class PageSpan:
    """Page ``number`` (1-based) covers ``text[start:end]`` of its Draft."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class Draft:
    """A draft application as read from one file.

    ``text`` is the whole cleaned text (headers, footers, line and paragraph
    numbers removed); the section fields are slices of it. ``claims_text`` is
    the claims section only ("" when none was found).
    """

    source_path: str
    sha256: str
    format: str  # "pdf" | "docx" | "text" | "uspto-xml"
    language: Language
    text: str
    title: str = ""
    abstract: str = ""
    technical_field: str = ""
    description: str = ""
    claims_text: str = ""
    claims_offset: int = 0  # where claims_text starts inside text
    pages: tuple[PageSpan, ...] = ()
    encoding: str | None = None  # for text files: the detected encoding
    ipc_codes: tuple[str, ...] = ()  # codes printed in the document, if any
    notes: tuple[Text, ...] = ()  # what the reader noticed (e.g. no claims heading)

    @property
    def name(self) -> str:
        from pathlib import PurePath

        return PurePath(self.source_path).name

    def page_of(self, offset: int) -> int | None:
        for p in self.pages:
            if p.start <= offset < p.end:
                return p.number
        return None


# ---------------------------------------------------------------------------
# Claims
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class ClaimPart:
    """A part of a claim: ``kind`` is one of preamble, transition, element
    (English) or zentei (前提部), tokucho (特徴部) (Japanese). Offsets are into
    the claim's ``text``."""

    kind: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Claim:
    """One claim. ``text`` is the claim without its number label;
    ``start``/``end`` locate it inside the Draft's ``claims_text``."""

    number: int
    text: str
    independent: bool
    depends_on: tuple[int, ...] = ()
    category: str = "other"  # one of CLAIM_CATEGORIES
    preamble: str = ""
    transition: str = ""
    parts: tuple[ClaimPart, ...] = ()
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class ClaimSet:
    claims: tuple[Claim, ...]
    language: Language
    notes: tuple[Text, ...] = ()

    def by_number(self, number: int) -> Claim | None:
        for c in self.claims:
            if c.number == number:
                return c
        return None

    def children(self) -> dict[int, tuple[int, ...]]:
        """Claim tree: claim number -> numbers of claims that depend on it."""
        kids: dict[int, list[int]] = {c.number: [] for c in self.claims}
        for c in self.claims:
            for parent in c.depends_on:
                kids.setdefault(parent, []).append(c.number)
        return {k: tuple(v) for k, v in kids.items()}

    def roots(self) -> tuple[int, ...]:
        return tuple(c.number for c in self.claims if c.independent)


# ---------------------------------------------------------------------------
# Classification
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Evidence:
    """Why a field scored: a term (or IPC code) found in a text.

    ``source`` names the text: "claim", "title", "abstract", "technical_field",
    "description" or "ipc"; for "claim" the offsets are into that claim's text.
    """

    field_id: int
    term: str
    source: str
    start: int = -1
    end: int = -1
    weight: float = 0.0
    claim_number: int | None = None


@dataclass(frozen=True)
class IpcScore:
    code: str  # normalised, e.g. "F41H" or "F41H 3/00"
    score: float
    title: str = ""


@dataclass(frozen=True)
class AdditionalAnswers:
    """Answers to the additional-requirement questions; None = not answered."""

    defence_use: bool | None = None  # for Japan's defence or a foreign military's use?
    state_commissioned: bool | None = None  # from State-commissioned / State-funded R&D?


@dataclass(frozen=True)
class RuleMatch:
    """What the rules engine said about one field."""

    field_id: int
    status: Status
    reasons: tuple[Text, ...] = ()
    codes: tuple[str, ...] = ()  # the IPC codes that matched
    terms: tuple[str, ...] = ()  # evidence terms that matched
    verified: bool = False  # is the rule behind it confirmed from the official source?


@dataclass(frozen=True)
class FieldVerdict:
    field_id: int
    status: Status
    likelihood: float
    name_en: str = ""
    name_ja: str = ""
    reasons: tuple[Text, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    verified: bool = False


@dataclass(frozen=True)
class ClaimVerdict:
    claim_number: int
    fields: tuple[FieldVerdict, ...] = ()
    ipc: tuple[IpcScore, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Thresholds:
    """Triage thresholds on the draft's highest field likelihood."""

    review: float = 0.15
    likely: float = 0.5


@dataclass(frozen=True)
class DraftVerdict:
    """The screening result of one draft, with everything needed to explain it later."""

    draft: Draft
    claims: ClaimSet
    level: Level
    fields: tuple[FieldVerdict, ...]
    ipc: tuple[IpcScore, ...]
    claim_verdicts: tuple[ClaimVerdict, ...]
    answers: AdditionalAnswers = field(default_factory=AdditionalAnswers)
    thresholds: Thresholds = field(default_factory=Thresholds)
    ruleset_version: str = ""
    ruleset_checksum: str = ""
    model_version: str = ""
    notes: tuple[Text, ...] = ()
    # the IPC codes the user entered for the draft (normalised, as screened): stored with the
    # verdict so a re-screen after a rule or model change screens with them again
    entered_ipc_codes: tuple[str, ...] = ()

    @property
    def top_field(self) -> FieldVerdict | None:
        ranked = sorted(self.fields, key=lambda f: f.likelihood, reverse=True)
        return ranked[0] if ranked else None


# ---------------------------------------------------------------------------
# The triage log
# ---------------------------------------------------------------------------
DECISIONS = ("clear_abroad", "file_jp_first", "prior_confirmation", "hold")
DECISION_LABELS = {
    "clear_abroad": "Clear to file abroad",
    "file_jp_first": "File in Japan first (Art. 78)",
    "prior_confirmation": "Request prior confirmation (Art. 79)",
    "hold": "Hold for review",
}
# The Japanese labels as the Japanese UI shows them (workbench/ui/translations; a test keeps them equal)
LEVEL_LABELS_JA = {"clear": "該当なし", "review": "要検討", "likely": "送付の可能性大"}
DECISION_LABELS_JA = {
    "clear_abroad": "外国出願可",
    "file_jp_first": "日本で第一国出願（第78条）",
    "prior_confirmation": "事前確認を求める（第79条）",
    "hold": "保留（要検討）",
}
ANNOTATION_VERDICTS = ("agree", "disagree")


def percent_text(p: float | None) -> str:
    """A likelihood as every screen and report shows it. Recall-first thresholds sit far
    below 1 %, so a small non-zero likelihood shows as "<1%" rather than a "0%" that
    contradicts its level (and never as a raw 0.0027)."""
    if p is None:
        return ""
    if p <= 0:
        return "0%"
    if p < 0.005:
        return "<1%"
    if 0.995 <= p < 1:
        return ">99%"
    return f"{p:.0%}"


def threshold_text(t: float | None) -> str:
    """A threshold beside a likelihood, on the same scale and at the same precision (0.1081 is
    "11%": at "10.8%" a likelihood of 0.1079, shown "11%", read as above the threshold it is
    under); below 1 % with two digits (the recall-first 0.0018 is "0.18%", not a "<1%" that
    says nothing of it)."""
    if t is None:
        return ""
    t = float(t)
    if 0 < t < 0.01:
        return f"{t * 100:.2g}%"
    return f"{t:.0%}"


@dataclass(frozen=True)
class Annotation:
    draft_id: int
    claim_number: int
    field_id: int | None
    verdict: str  # "agree" | "disagree"
    note: str = ""
    corrected_ipc: str | None = None
    reviewer: str = ""
    at: str = ""  # ISO 8601 UTC
    # the earlier version (draft id) this annotation was carried over from, its claim's
    # text being unchanged; None for an annotation made on this draft
    carried_from: int | None = None


class OverrideStatus:
    """The sign-off state of a decision (``workbench.store.signoff``), one rule for the
    decision the log returns and the rows an export reads: none needed, or pending until
    a manager approves it."""

    override_reason: str | None
    approved_by: str | None

    @property
    def override_status(self) -> str | None:
        """None (no override needed), 'pending' or 'approved'."""
        if not self.override_reason:
            return None
        return "approved" if self.approved_by else "pending"


@dataclass(frozen=True)
class Decision(OverrideStatus):
    draft_id: int
    decision: str  # one of DECISIONS
    rationale: str
    completed_in_japan: bool | None = None
    planned_countries: tuple[str, ...] = ()
    jp_filing_date: str | None = None  # ISO date
    primary_review_due: str | None = None  # JP filing + 3 months
    foreign_filing_free: str | None = None  # JP filing + 10 months
    reviewer: str = ""
    at: str = ""
    # Inventors' / applicant's residences (ISO country codes) as given with the decision;
    # None = not recorded (e.g. decisions logged before the log stored them, schema < 3).
    residences: tuple[str, ...] | None = None
    # Countries other than Japan where the invention was completed (wholly or partly), as
    # given with the decision (Japan itself is ``completed_in_japan``); None = not recorded,
    # () = none.
    completed_abroad: tuple[str, ...] | None = None
    # Sign-off (workbench.store.signoff): a decision against the verdict or the checklist
    # carries the reviewer's override reason and the risk codes it runs against; a
    # manager's approval is recorded as its own event (approved_by / approved_at).
    override_reason: str | None = None
    override_risks: tuple[str, ...] = ()
    approved_by: str | None = None
    approved_at: str | None = None
    approval_note: str | None = None  # the approving manager's note (the override.approved event)
