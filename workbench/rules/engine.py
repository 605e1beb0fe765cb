"""The matching engine: one field rule against a draft's codes, terms and answers.

Generic over the rule data: no field number or IPC code appears here.

- a code inside an entry of the field (every part of a combination present; the
  field's limitation, e.g. U/Pu, evidenced) -> "hit" when no additional requirement
  applies or an answer satisfies it; "no" when it applies and both answers are
  False; "possible" when it applies and an answer is missing (never "no").
- no code inside, but evidence terms of the field -> "possible" (unless the
  additional requirement is answered False twice).
- otherwise "no".
"""

from __future__ import annotations

from workbench.domain import AdditionalAnswers, RuleMatch
from workbench.ipc.code import IpcCode
from workbench.rules.model import EntryFit, FieldRule


def _yes_no(value: bool | None) -> str:
    return "unanswered" if value is None else ("yes" if value else "no")


def _answers_text(answers: AdditionalAnswers) -> str:
    return (
        f"defence/foreign-military use: {_yes_no(answers.defence_use)}; "
        f"State-commissioned/funded R&D: {_yes_no(answers.state_commissioned)}"
    )


def _verified_text(flag: bool) -> str:
    return "verified" if flag else "unverified"


def _describe(fit: EntryFit) -> str:
    entry = fit.entry
    codes = ", ".join(str(c) for c in fit.codes)
    kind = "combination " if entry.is_combination else ""
    edition = f", IPC {entry.editions}" if entry.editions else ""
    if fit.fit == "inside":
        return f"{codes} within {kind}{entry.text} ({_verified_text(entry.verified)} rule{edition})"
    return (
        f"{codes} is broader than {kind}{entry.text}: give the group to decide "
        f"({_verified_text(entry.verified)} rule{edition})"
    )


def match_field(
    rule: FieldRule,
    codes: tuple[IpcCode, ...],
    field_terms: tuple[str, ...],
    limitation_terms: tuple[str, ...] | None,
    answers: AdditionalAnswers,
    broader: bool = False,
) -> RuleMatch:
    """``field_terms``: evidence terms of this field found in the draft.
    ``limitation_terms``: which of the limitation's required terms were evidenced;
    None when no terms or text were given at all (the limitation cannot be checked)."""
    fits = [f for f in (e.fit(codes, broader) for e in rule.ipc) if f is not None]
    inside = [f for f in fits if f.fit == "inside"]
    reasons: list[str] = []
    matched_codes: list[str] = []
    for f in fits:
        reasons.append(_describe(f))
        matched_codes.extend(str(c) for c in f.codes if str(c) not in matched_codes)
    terms = tuple(dict.fromkeys(field_terms))
    verified = any(f.entry.verified for f in inside)

    def result(status: str, extra: list[str], verified_flag: bool = False) -> RuleMatch:
        return RuleMatch(
            field_id=rule.id,
            status=status,  # type: ignore[arg-type]
            reasons=tuple(reasons + extra),
            codes=tuple(matched_codes),
            terms=terms,
            verified=verified_flag,
        )

    requirement = rule.additional_requirement
    declined = requirement.applies and answers.defence_use is False and answers.state_commissioned is False
    satisfied = answers.defence_use is True or answers.state_commissioned is True
    term_reason = [f"evidence term(s) of this field: {', '.join(terms)}"] if terms else []

    code_status = None  # what the codes alone say: "hit", "possible" or None
    extra: list[str] = []
    if inside:
        code_status = "hit"
        if rule.limitation is not None:
            required = ", ".join(rule.limitation.requires_terms)
            if limitation_terms is None:
                code_status = "possible"
                extra.append(f"the field is limited (needs one of: {required}); no text or terms were given to check it")
            elif limitation_terms:
                extra.append(
                    f"limitation met: {', '.join(limitation_terms)} "
                    f"({_verified_text(rule.limitation.verified)} limitation)"
                )
                verified = verified and rule.limitation.verified
            else:
                extra.append(f"limitation not met: none of {required} is in the text")
                return result("no", extra + term_reason)
    elif fits:
        code_status = "possible"

    if code_status is None and not terms:
        return result("no", [])

    if requirement.applies:
        if declined:
            return result("no", extra + term_reason + [f"additional requirement not met ({_answers_text(answers)})"])
        if code_status == "hit" and satisfied:
            return result("hit", extra + term_reason + [f"additional requirement met ({_answers_text(answers)})"], verified)
        if code_status == "hit":
            return result("possible", extra + term_reason + [f"additional requirement applies and is unanswered ({_answers_text(answers)})"])
    if code_status == "hit":
        return result("hit", extra + term_reason, verified)
    return result("possible", extra + term_reason + (
        [f"additional requirement applies ({_answers_text(answers)})"] if requirement.applies else []
    ))
