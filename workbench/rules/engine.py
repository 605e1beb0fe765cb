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
from workbench.messages import Message, msg
from workbench.messages import rules as R
from workbench.rules.model import EntryFit, FieldRule


def _yes_no(value: bool | None) -> Message:
    return msg(R.R394) if value is None else msg(R.R392 if value else R.R393)


def answers_message(answers: AdditionalAnswers) -> Message:
    """The two additional-requirement answers as they are quoted in a reason."""
    return msg(R.R398, defence=_yes_no(answers.defence_use), state=_yes_no(answers.state_commissioned))


def _verified(flag: bool) -> Message:
    return msg(R.R390 if flag else R.R391)


def _describe(fit: EntryFit) -> Message:
    entry = fit.entry
    codes = tuple(str(c) for c in fit.codes)
    what: Message | str = msg(R.R395, entry=entry.text) if entry.is_combination else entry.text
    if entry.editions:
        rule = msg(R.R397, verified=_verified(entry.verified), editions=entry.editions)
    else:
        rule = msg(R.R396, verified=_verified(entry.verified))
    return msg(R.R301 if fit.fit == "inside" else R.R302, codes=codes, entry=what, rule=rule)


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
    reasons: list[Message] = []
    matched_codes: list[str] = []
    for f in fits:
        reasons.append(_describe(f))
        matched_codes.extend(str(c) for c in f.codes if str(c) not in matched_codes)
    terms = tuple(dict.fromkeys(field_terms))
    verified = any(f.entry.verified for f in inside)

    def result(status: str, extra: list[Message], verified_flag: bool = False) -> RuleMatch:
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
    term_reason = [msg(R.R310, terms=terms)] if terms else []

    code_status = None  # what the codes alone say: "hit", "possible" or None
    extra: list[Message] = []
    if inside:
        code_status = "hit"
        if rule.limitation is not None:
            required = tuple(rule.limitation.requires_terms)
            if limitation_terms is None:
                code_status = "possible"
                extra.append(msg(R.R311, required=required))
            elif limitation_terms:
                extra.append(msg(R.R312, terms=tuple(limitation_terms), verified=_verified(rule.limitation.verified)))
                verified = verified and rule.limitation.verified
            else:
                extra.append(msg(R.R313, required=required))
                return result("no", extra + term_reason)
    elif fits:
        code_status = "possible"

    if code_status is None and not terms:
        return result("no", [])

    if requirement.applies:
        if declined:
            return result("no", extra + term_reason + [msg(R.R320, answers=answers_message(answers))])
        if code_status == "hit" and satisfied:
            return result("hit", extra + term_reason + [msg(R.R321, answers=answers_message(answers))], verified)
        if code_status == "hit":
            return result("possible", extra + term_reason + [msg(R.R322, answers=answers_message(answers))])
    if code_status == "hit":
        return result("hit", extra + term_reason, verified)
    return result("possible", extra + term_reason + (
        [msg(R.R323, answers=answers_message(answers))] if requirement.applies else []
    ))
