"""Display-only translation of the core's per-field reasons ("why a field scored").

The core (``workbench.triage._field_verdict``, ``workbench.rules.engine.match_field``)
writes its reasons in English, and the triage log stores them verbatim as part of the
record. The Japanese UI shows them translated: each core template is recognised by an
anchored regex and rebuilt from a translatable UI template (``QCoreApplication.translate``
in the "Reasons" context, ``%1``/``%2`` placeholders). IPC codes, evidence terms and
numbers are carried over unchanged. Text no pattern recognises is shown as it is, so no
information is ever lost.

    translate_reasons(fv.reasons, "ja")   # -> Japanese where a template is known
    reason_args(text)                      # the verbatim parts, or None when unrecognised
    translate_notes(verdict.notes, "ja")   # the same for the draft's screening notes

When the core gains a new reason template, add a pattern here and its Japanese in
``translations/make_translations.py`` (tests/ui/test_reasons_i18n.py fails until then).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication

from workbench.errors_ja import localize
from workbench.messages import Message, Text
from workbench.ui import labels

_PLACEHOLDER = re.compile(r"%(\d)")
_YN = r"(?:yes|no|unanswered)"
_VER = r"(?:verified|unverified)"


def _fill(template: str, *args: str) -> str:
    """Put ``args`` into ``%1``, ``%2``... in one pass (an argument containing "%2" stays as is)."""
    return _PLACEHOLDER.sub(lambda m: args[int(m.group(1)) - 1] if 0 < int(m.group(1)) <= len(args) else m.group(0), template)


def _yes_no(word: str) -> str:
    return {
        "yes": QCoreApplication.translate("Reasons", "yes"),
        "no": QCoreApplication.translate("Reasons", "no"),
        "unanswered": QCoreApplication.translate("Reasons", "unanswered"),
    }[word]


def _verified(word: str) -> str:
    return labels.verified_label(word == "verified")


def _answers(defence: str, state: str) -> str:
    """workbench.rules.engine._answers_text"""
    return _fill(
        QCoreApplication.translate("Reasons", "defence/foreign-military use: %1; State-commissioned/funded R&D: %2"),
        _yes_no(defence),
        _yes_no(state),
    )


def _entry(m: re.Match) -> str:
    """The IPC entry of a rule, marked when it is a combination (every part needed)."""
    if m.group("comb"):
        return _fill(QCoreApplication.translate("Reasons", "combination %1"), m.group("entry"))
    return m.group("entry")


def _rule(m: re.Match) -> str:
    """'(unverified rule, IPC <2025.01)' -> its translated inside."""
    if m.group("ed"):
        return _fill(QCoreApplication.translate("Reasons", "%1 rule, IPC %2"), _verified(m.group("v")), m.group("ed"))
    return _fill(QCoreApplication.translate("Reasons", "%1 rule"), _verified(m.group("v")))


# -- one builder per core template: (match) -> (translated text, verbatim parts) -------
Built = tuple[str, list[str]]


def _known_code(m: re.Match) -> Built:
    inner, args = _render(m.group("r"))
    if m.group("o") == "entered for the draft":
        t = QCoreApplication.translate("Reasons", "known IPC code (entered for the draft): %1")
    else:
        t = QCoreApplication.translate("Reasons", "known IPC code (printed in the document): %1")
    return _fill(t, inner), args


def _within(m: re.Match) -> Built:
    t = QCoreApplication.translate("Reasons", "%1 within %2 (%3)")
    return _fill(t, m.group("codes"), _entry(m), _rule(m)), [m.group("codes"), m.group("entry"), m.group("ed") or ""]


def _broader(m: re.Match) -> Built:
    t = QCoreApplication.translate("Reasons", "%1 is broader than %2: give the group to decide (%3)")
    return _fill(t, m.group("codes"), _entry(m), _rule(m)), [m.group("codes"), m.group("entry"), m.group("ed") or ""]


def _terms(m: re.Match) -> Built:
    return _fill(QCoreApplication.translate("Reasons", "evidence term(s) of this field: %1"), m.group(1)), [m.group(1)]


def _limited_unchecked(m: re.Match) -> Built:
    t = QCoreApplication.translate("Reasons", "the field is limited (needs one of: %1); no text or terms were given to check it")
    return _fill(t, m.group(1)), [m.group(1)]


def _limitation_met(m: re.Match) -> Built:
    t = QCoreApplication.translate("Reasons", "limitation met: %1 (%2 limitation)")
    return _fill(t, m.group(1), _verified(m.group(2))), [m.group(1)]


def _limitation_not_met(m: re.Match) -> Built:
    t = QCoreApplication.translate("Reasons", "limitation not met: none of %1 is in the text")
    return _fill(t, m.group(1)), [m.group(1)]


def _requirement(m: re.Match) -> Built:
    kind = m.group("kind")
    if kind == "not met":
        t = QCoreApplication.translate("Reasons", "additional requirement not met (%1)")
    elif kind == "met":
        t = QCoreApplication.translate("Reasons", "additional requirement met (%1)")
    elif kind == "applies and is unanswered":
        t = QCoreApplication.translate("Reasons", "additional requirement applies and is unanswered (%1)")
    else:
        t = QCoreApplication.translate("Reasons", "additional requirement applies (%1)")
    return _fill(t, _answers(m.group("d"), m.group("s"))), []


def _requirement_no_answers(m: re.Match) -> Built:
    return QCoreApplication.translate("Reasons", "additional requirement applies (defence use / State-funded R&D)"), []


def _requirement_answers(m: re.Match) -> Built:
    t = QCoreApplication.translate("Reasons", "additional requirement applies: defence use %1, State-funded R&D %2")
    return _fill(t, _yes_no(m.group(1)), _yes_no(m.group(2))), []


def _predicted(m: re.Match) -> Built:
    t = QCoreApplication.translate("Reasons", "predicted IPC: %1; likelihood %2")
    return _fill(t, m.group(1), m.group(2)), [m.group(1), m.group(2)]


def _above_threshold(m: re.Match) -> Built:
    t = QCoreApplication.translate("Reasons", "likelihood %1 is at or above the review threshold %2")
    return _fill(t, m.group(1), m.group(2)), [m.group(1), m.group(2)]


def _declined(m: re.Match) -> Built:
    return QCoreApplication.translate("Reasons", "both additional-requirement questions answered no: the field does not apply"), []


_NUM = r"([0-9][0-9.e+-]*)"
_RULE_TAIL = rf" \((?P<v>{_VER}) rule(?:, IPC (?P<ed>[^()]+))?\)"
# The core's templates, anchored at both ends (workbench.triage, workbench.rules.engine).
PATTERNS: tuple[tuple[re.Pattern, Callable[[re.Match], Built]], ...] = tuple(
    (re.compile(rx, re.DOTALL), fn)
    for rx, fn in (
        (r"^known IPC code \((?P<o>entered for the draft|printed in the document)\): (?P<r>.+)$", _known_code),
        (rf"^(?P<codes>.+?) within (?P<comb>combination )?(?P<entry>.+?){_RULE_TAIL}$", _within),
        (rf"^(?P<codes>.+?) is broader than (?P<comb>combination )?(?P<entry>.+?): give the group to decide{_RULE_TAIL}$", _broader),
        (r"^evidence term\(s\) of this field: (.+)$", _terms),
        (r"^the field is limited \(needs one of: (.+)\); no text or terms were given to check it$", _limited_unchecked),
        (rf"^limitation met: (.+) \(({_VER}) limitation\)$", _limitation_met),
        (r"^limitation not met: none of (.+) is in the text$", _limitation_not_met),
        (r"^additional requirement applies \(defence use / State-funded R&D\)$", _requirement_no_answers),
        (
            rf"^additional requirement (?P<kind>not met|met|applies and is unanswered|applies) "
            rf"\(defence/foreign-military use: (?P<d>{_YN}); State-commissioned/funded R&D: (?P<s>{_YN})\)$",
            _requirement,
        ),
        (rf"^additional requirement applies: defence use ({_YN}), State-funded R&D ({_YN})$", _requirement_answers),
        (rf"^predicted IPC: (.+); likelihood {_NUM}$", _predicted),
        (rf"^likelihood {_NUM} is at or above the review threshold {_NUM}$", _above_threshold),
        (r"^both additional-requirement questions answered no: the field does not apply$", _declined),
    )
)


def _render(text: str) -> tuple[str, list[str]]:
    for rx, fn in PATTERNS:
        m = rx.match(text)
        if m:
            return fn(m)
    raise LookupError(text)


def reason_args(text: str) -> list[str] | None:
    """The parts of a reason kept verbatim (codes, terms, numbers), or None when no
    template recognises it."""
    try:
        return [a for a in _render(text)[1] if a]
    except LookupError:
        return None


def translate_reason(text: str) -> str:
    """The reason in the installed UI language; the original when no template matches."""
    try:
        return _render(text)[0]
    except LookupError:
        return text


def translate_reasons(reasons: Iterable[Text], language: str) -> list[str]:
    """For display: a coded reason rendered from the catalogue in ``language``; a plain
    string (an old record) translated when the UI is Japanese, else as stored."""
    return [r.render(language) if isinstance(r, Message) else (translate_reason(r) if language == "ja" else r) for r in reasons]


# -- the draft's screening notes (workbench.triage, workbench.ingest, workbench.claims) --
def _one(text_fn: Callable[[], str]) -> Callable[[re.Match], Built]:
    """A note without variable parts."""
    return lambda m: (text_fn(), [])


def _args(template_fn: Callable[[], str]) -> Callable[[re.Match], Built]:
    """A note whose groups go verbatim into %1, %2..."""
    return lambda m: (_fill(template_fn(), *m.groups()), list(m.groups()))


NOTE_PATTERNS: tuple[tuple[re.Pattern, Callable[[re.Match], Built]], ...] = tuple(
    (re.compile(rx, re.DOTALL), fn)
    for rx, fn in (
        (r"^No claims section was found: the whole text was screened as one unit\.$",
         _one(lambda: QCoreApplication.translate("Reasons", "No claims section was found: the whole text was screened as one unit."))),
        (r"^No claims section was found: the whole text was screened as one unit\. \((.+)\)$",
         _args(lambda: QCoreApplication.translate("Reasons", "No claims section was found: the whole text was screened as one unit. (%1)"))),
        (r"^The document's classification '(.+)' is not an IPC symbol and was not used\.$",
         _args(lambda: QCoreApplication.translate("Reasons", "The document's classification '%1' is not an IPC symbol and was not used."))),
        (r"^([0-9,]+) of ([0-9,]+) pages have no text layer \(figures or scans\)$",
         _args(lambda: QCoreApplication.translate("Reasons", "%1 of %2 pages have no text layer (figures or scans)"))),
        (r"^no claims heading; claims taken from the first line numbered 1\.$",
         _one(lambda: QCoreApplication.translate("Reasons", "no claims heading; claims taken from the first line numbered 1."))),
        (r"^no 特許請求の範囲 heading; claims taken from 【請求項１】$",
         _one(lambda: QCoreApplication.translate("Reasons", "no 特許請求の範囲 heading; claims taken from 【請求項１】"))),
        (r"^claims section not found$", _one(lambda: QCoreApplication.translate("Reasons", "claims section not found"))),
        (r"^claim ([0-9]+) is ([0-9,]+) characters long; only its first ([0-9,]+) were analysed$",
         _args(lambda: QCoreApplication.translate("Reasons", "claim %1 is %2 characters long; only its first %3 were analysed"))),
        (r"^claim 1 refers to 'any preceding claim' but none precedes it$",
         _one(lambda: QCoreApplication.translate("Reasons", "claim 1 refers to 'any preceding claim' but none precedes it"))),
        (r"^claim numbering starts at ([0-9]+), not 1$",
         _args(lambda: QCoreApplication.translate("Reasons", "claim numbering starts at %1, not 1"))),
        (r"^claim numbering jumps from ([0-9]+) to ([0-9]+)$",
         _args(lambda: QCoreApplication.translate("Reasons", "claim numbering jumps from %1 to %2"))),
        (r"^cancelled claims left out: (.+)$",
         _args(lambda: QCoreApplication.translate("Reasons", "cancelled claims left out: %1"))),
        (r"^\[E202\] Claim ([0-9]+) refers to claim ([0-9]+), which does not precede it; the reference was ignored$",
         lambda m: _coded_note("E202", {"number": m.group(1), "target": m.group(2)}, "この引用は無視しました", list(m.groups()))),
    )
)


def _coded_note(code: str, details: dict, tail_ja: str, args: list[str]) -> Built:
    """A note built from a coded error (``[E202] ...``): its Japanese from the core's catalogue."""
    message, _ = localize(code, details, "ja")
    return f"[{code}] {message}（{tail_ja}）", args


def translate_note(text: str) -> str:
    """A screening note in the installed UI language; the original when unrecognised."""
    for rx, fn in NOTE_PATTERNS:
        m = rx.match(text)
        if m:
            return fn(m)[0]
    return text


def translate_notes(notes: Iterable[Text], language: str) -> list[str]:
    return [n.render(language) if isinstance(n, Message) else (translate_note(n) if language == "ja" else n) for n in notes]
