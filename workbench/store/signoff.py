"""Sign-off on risky decisions: which foreign-filing decisions go against the verdict or
the filing checklist, and so need an override reason and a manager's approval.

A decision is *risky* when it clears a draft to be filed abroad although
- its latest verdict is ``likely`` (file in Japan first), or
- the foreign-filing checklist (``workbench.filing``) says Japan's first-filing duty
  applies (the invention was completed, at least partly, in Japan and the draft was
  triaged into one of Japan's specified fields).

The store computes this itself when a decision is recorded (``TriageLog.decide``), so the
CLI, the GUI and any other caller meet the same check; the risks are kept with the
decision as codes (``RISKS``) and described by coded messages (N550, N551).
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.messages import M, Message, msg

RISK_LIKELY = "verdict_likely"
RISK_JP_FIRST = "jp_first_filing"
RISKS = (RISK_LIKELY, RISK_JP_FIRST)
RISKY_DECISIONS = ("clear_abroad",)

# Override states of a decision (DraftSummary.override, DecisionRow.override_status)
PENDING = "pending"
APPROVED = "approved"


def override_risks(
    decision: str,
    level: str | None,
    *,
    completed_in_japan: bool | None = None,
    completed_abroad: Sequence[str] | None = None,
    residences: Sequence[str] | None = None,
    planned: Sequence[str] = (),
    defence_related: bool | None = None,
) -> tuple[str, ...]:
    """The risk codes a decision runs against (empty: no override needed)."""
    if decision not in RISKY_DECISIONS:
        return ()
    risks = []
    if level == "likely":
        risks.append(RISK_LIKELY)
    if completed_in_japan and level in ("likely", "review"):
        from workbench.filing import FilingFacts, filing_checks

        facts = FilingFacts(
            completed_in=("JP", *(completed_abroad or ())), residences=tuple(residences or ()),
            planned=tuple(planned), jp_level=level, defence_related=defence_related,
        )
        if any(c.jurisdiction.code == "JP" and c.applies == "yes" for c in filing_checks(facts)):
            risks.append(RISK_JP_FIRST)
    return tuple(risks)


def risk_message(code: str, level: str | None = None) -> Message:
    """What a risk code means, as a coded message (rendered at the edges)."""
    if code == RISK_LIKELY:
        return msg(M.N550)
    # the level as the reader's screens name it (送付の可能性大, not 'likely'), nested so it renders
    # in the sentence's language
    from workbench.messages.export import LEVEL_WORDS

    return msg(M.N551, level=msg(LEVEL_WORDS[level]) if level in LEVEL_WORDS else (level or "-"))


def risks_message(codes: Sequence[str], level: str | None = None) -> Message:
    """All the risks of one decision as one message (E550's ``risks``, W550)."""
    return msg(M.N554, risks=tuple(risk_message(c, level) for c in codes))
