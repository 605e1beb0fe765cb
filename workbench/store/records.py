"""What the triage log hands back: small frozen rows, no database handles."""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.domain import Annotation, Claim, Decision, DraftVerdict, FieldVerdict, IpcScore, OverrideStatus
from workbench.store.versions import ClaimChange, ReviewFlag, VersionInfo
from workbench.messages import Text


@dataclass(frozen=True)
class Event:
    """One entry of the append-only history. ``hash`` = sha256(prev_hash + canonical
    JSON of id, at, who, kind, draft_id and payload)."""

    id: int
    at: str  # ISO 8601 UTC
    who: str
    kind: str  # e.g. "draft.added", "verdict.recorded", "annotation.added", "decision.recorded"
    draft_id: int | None
    payload: dict
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    events: int
    first_broken: int | None = None  # id of the first event that does not verify
    detail: str = ""  # English (exports, JSON, logs keep it)
    problems: tuple[str, ...] = ()  # every problem found (``detail`` is the first)
    detail_message: object = None  # ``detail`` as a coded message (workbench.messages), rendered at the edges


@dataclass(frozen=True)
class DraftSummary:
    """One line of the draft list: the draft, its latest verdict and current decision."""

    id: int
    name: str
    sha256: str
    language: str
    ingested_at: str
    level: str | None = None  # latest verdict's level
    top_field_id: int | None = None
    top_likelihood: float | None = None
    decision: str | None = None  # current decision (one of DECISIONS) or None
    primary_review_due: str | None = None
    foreign_filing_free: str | None = None
    claims: int = 0  # number of claims in the latest verdict
    title: str = ""
    format: str = ""
    top_field_name_en: str = ""
    top_field_name_ja: str = ""
    verdict_at: str | None = None
    decided_at: str | None = None
    decided_by: str | None = None
    ruleset_version: str = ""
    model_version: str = ""
    jp_filing_date: str | None = None
    annotations: int = 0
    override: str | None = None  # the current decision's override: None, "pending" or "approved"
    # draft versions: this draft is version ``version`` of matter ``matter_id`` (the first
    # version's draft id), which has ``versions`` versions; in a matter list (``matters()``)
    # the decision fields are the matter's current decision, made on ``decision_version``
    matter_id: int | None = None
    version: int = 1
    versions: int = 1
    decision_version: int | None = None
    review_flags: int = 0  # open re-review flags (annotations of claims that changed)


@dataclass(frozen=True)
class StoredVerdict:
    """The latest verdict of a draft as stored (draft-level fields and per-claim fields)."""

    id: int
    event_id: int
    at: str
    who: str
    level: str
    ruleset_version: str = ""
    ruleset_checksum: str = ""
    model_version: str = ""
    fields: tuple[FieldVerdict, ...] = ()  # draft level
    claim_fields: dict[int, tuple[FieldVerdict, ...]] = field(default_factory=dict)  # claim number -> fields
    ipc: tuple[IpcScore, ...] = ()
    thresholds: dict = field(default_factory=dict)
    answers: dict = field(default_factory=dict)
    notes: tuple[Text, ...] = ()
    # the verdict whole, as screened (its event's payload through workbench.store.derive.
    # verdict_from_payload): what the draft view shows for a draft of an earlier session
    screened: DraftVerdict | None = None


@dataclass(frozen=True)
class DraftRecord:
    """Everything the log holds about one draft."""

    summary: DraftSummary
    source_path: str = ""
    claims: tuple[Claim, ...] = ()  # from the latest verdict
    verdict: StoredVerdict | None = None  # latest
    verdict_count: int = 0
    annotations: tuple[Annotation, ...] = ()  # every annotation, oldest first
    current_annotations: tuple[Annotation, ...] = ()  # latest per (claim, field, reviewer)
    decision: Decision | None = None  # current: the matter's, whichever version it was made on
    decisions: tuple[Decision, ...] = ()  # the matter's history (every version), oldest first
    versions: tuple[VersionInfo, ...] = ()  # the matter's versions, oldest first (one: no other version)
    changes: tuple[ClaimChange, ...] = ()  # claims against the previous version (empty for a first version)
    review_flags: tuple[ReviewFlag, ...] = ()  # annotations of changed claims to look at again

    @property
    def id(self) -> int:
        return self.summary.id

    @property
    def version(self) -> int:
        return self.summary.version

    def version_of(self, draft_id: int) -> int | None:
        """The version number of one of the matter's drafts (e.g. the one a decision was made on)."""
        return next((v.version for v in self.versions if v.draft_id == draft_id), None)

    @property
    def previous(self) -> VersionInfo | None:
        """The version before this one (None for a first version)."""
        return next((v for v in self.versions if v.version == self.summary.version - 1), None)


@dataclass(frozen=True)
class AnnotationExample:
    """A reviewer-labelled example for model improvement (latest annotation per claim/field)."""

    claim_text: str
    field_id: int | None
    verdict: str  # "agree" | "disagree"
    corrected_ipc: str | None
    language: str
    note: str = ""
    draft_sha256: str = ""
    claim_number: int = 0
    reviewer: str = ""
    at: str = ""


@dataclass(frozen=True)
class DecisionRow(OverrideStatus):
    """A stored decision with the draft facts an export needs."""

    id: int
    event_id: int
    draft_id: int
    draft_name: str
    draft_sha256: str
    decision: str
    decision_label: str
    rationale: str
    completed_in_japan: bool | None
    planned_countries: tuple[str, ...]
    jp_filing_date: str | None
    primary_review_due: str | None
    foreign_filing_free: str | None
    reviewer: str
    at: str
    current: bool  # False when a later decision for the same draft superseded it
    level: str | None = None
    top_field_id: int | None = None
    top_field_name_en: str = ""
    top_field_name_ja: str = ""
    top_likelihood: float | None = None
    ruleset_version: str = ""
    model_version: str = ""
    residences: tuple[str, ...] | None = None  # None: not recorded (decided before schema v3)
    completed_abroad: tuple[str, ...] | None = None  # countries other than JP; None: not recorded
    # The draft's filing facts as they stood when this decision was recorded (the latest
    # facts.recorded event before it, schema v4), without reviewer/at; None: none recorded.
    filing_facts: dict | None = None
    override_reason: str | None = None  # sign-off (workbench.store.signoff)
    override_risks: tuple[str, ...] = ()
    approved_by: str | None = None
    approved_at: str | None = None
    approval_note: str | None = None  # the approving manager's note, as stored with the approval

    matter_id: int | None = None  # the matter (first version's draft id) the decision belongs to
    version: int = 1  # the draft version it was made on
