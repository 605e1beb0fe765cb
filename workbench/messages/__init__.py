"""Coded messages: what the core says to a person, as values, rendered at the edges.

The error catalogue (``workbench/errors.py``) gives every *failure* a code. This module does
the same for everything else the core tells a person - verdict reasons, notes, warnings,
progress and summary lines - in the spirit of spaCy's ``Errors``/``Warnings``:

    from workbench.messages import M, msg
    reason = msg(M.R301, terms=("laser weapon",))      # a typed value, no English yet
    reason.render("ja")                               # the edges choose the language
    str(reason)                                       # English (for logs and audit copies)
    reason.to_dict() == {"code": "R301", "args": {...}, "en": "..."}

Rules of the catalogue
- One entry per code, English *and* Japanese side by side, with the same ``{placeholders}``
  (a test renders every code in both languages and fails on a missing or English-only text).
- Code logic never reads a message's text: it compares ``message.code`` (and its ``args``).
  Nothing outside :func:`Message.render` turns a message into words.
- Arguments are plain values (str, int, float, bool, None, tuples of those, or nested
  messages). A tuple is joined as the language joins lists; a nested message is rendered in
  the same language; a float is shown as given (format it in the template: ``{p:.0%}``; a likelihood or an IPC confidence
  ``{p:lk}``, a threshold beside one ``{t:th}``: the one percent format of the window and the report).
- Codes are never reused. Ranges (letter = kind, digit = area as in errors.py):
  ``N`` notes (what the reader/splitter/screen noticed), ``R`` verdict reasons,
  ``W`` warnings, ``I`` information lines (summaries, progress, confirmations),
  ``D`` details of coded errors (the phrases raise sites put into an error's placeholders,
  ``workbench/messages/details.py``).
  ``x1xx`` ingest, ``x2xx`` claims, ``x3xx`` rules/IPC, ``x4xx`` classify/triage,
  ``x5xx`` triage log, ``x6xx`` exports, ``x7xx`` filing / clearance, ``x8xx`` batch,
  ``x9xx`` CLI, settings and anything else.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Union

LANGUAGES = ("en", "ja")
_FORMATTER = string.Formatter()


class _Renderer(string.Formatter):
    """str.format with two more format specs, so every edge shows a number one way:
    ``{p:lk}`` a likelihood or confidence as the window and the report show it ("<1%", "25%",
    ">99%"; ``domain.percent_text``) and ``{t:th}`` a threshold on the same scale and precision ("11%",
    "0.18%"; ``domain.threshold_text``). A value stored before these specs (a formatted string)
    is shown as it was."""

    def format_field(self, value: Any, format_spec: str) -> Any:
        kind = format_spec[-2:]
        if kind in ("lk", "th"):  # with an alignment before it: {p:>4lk}
            align = format_spec[:-2]
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                from workbench.domain import percent_text, threshold_text

                value = percent_text(float(value)) if kind == "lk" else threshold_text(float(value))
            return format(str(value), align)
        return super().format_field(value, format_spec)


_RENDERER = _Renderer()


@dataclass(frozen=True)
class MessageSpec:
    code: str
    en: str
    ja: str
    audit: tuple[str, ...] = ()  # placeholders one language may leave out (see define)

    def placeholders(self, lang: str = "en") -> set[str]:
        text = self.ja if lang == "ja" else self.en
        return {name.split(".")[0].split("[")[0] for _, name, _, _ in _FORMATTER.parse(text) if name}


CATALOGUE: dict[str, MessageSpec] = {}


class _Codes:
    """Attribute access to the codes (``M.R301``), so a typo fails at import, not at render."""

    def __getattr__(self, name: str) -> str:
        if name in CATALOGUE:
            return name
        raise AttributeError(f"no message code {name!r} in workbench/messages.py")


M = _Codes()


def define(code: str, en: str, ja: str, *, audit: tuple[str, ...] = ()) -> str:
    """Add one entry to the catalogue (at import time of the module that owns the area).

    ``audit`` names support details a language may leave out: the operating system's or a
    library's own English words (kept in the English rendering, which logs and records
    keep) and the symbol of the error they reported (EACCES, SQLITE_BUSY), which the
    Japanese shows as a code (``workbench/messages/causes.py``). Every other placeholder is
    in both languages."""
    if code in CATALOGUE:
        raise RuntimeError(f"duplicate message code {code}")
    if not code[:1] in "NRWID" or not code[1:].isdigit():
        raise RuntimeError(f"message code {code!r} is not N/R/W/I/D followed by digits")
    spec = MessageSpec(code, en, ja, tuple(audit))
    if spec.placeholders("en") - set(audit) != spec.placeholders("ja") - set(audit):
        raise RuntimeError(f"message {code}: English and Japanese placeholders differ")
    CATALOGUE[code] = spec
    return code


def _freeze(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, tuple):
        return tuple(_freeze(v) for v in value)
    return value


@dataclass(frozen=True)
class Message:
    """A coded message: ``code`` from the catalogue and its arguments (typed values)."""

    code: str
    args: tuple[tuple[str, Any], ...] = ()

    @property
    def kwargs(self) -> dict[str, Any]:
        return dict(self.args)

    def get(self, name: str, default: Any = None) -> Any:
        return self.kwargs.get(name, default)

    def render(self, lang: str = "en") -> str:
        if self.code[:1] == "E":  # a coded error quoted inside a note: "[E202] its message"
            from workbench.errors_ja import localize, render_error

            args = self.kwargs
            details = {k: v for k, v in args.items() if not k.startswith("$")}
            if args.get("$full"):  # the whole error line: "[E805] where: message. hint"
                return render_error(self.code, lang=lang, path=args.get("$path"), line=args.get("$line"),
                                    page=args.get("$page"), details=details)
            return f"[{self.code}] " + localize(self.code, details, lang)[0]
        spec = CATALOGUE.get(self.code)
        if spec is None:  # a record written by a newer version: show what we have, never crash
            return f"[{self.code}] " + ", ".join(f"{k}={v}" for k, v in self.args)
        template = spec.ja if lang == "ja" else spec.en
        values = {k: _shown(v) if k in NAME_ARGS and isinstance(v, str) else _render_arg(v, lang) for k, v in self.args}
        try:
            return _RENDERER.vformat(template, (), values)
        except (KeyError, IndexError, ValueError):
            return template

    def __str__(self) -> str:  # English, for logs and the audit copy
        return self.render("en")

    def to_dict(self) -> dict:
        return {"code": self.code, "args": {k: _jsonable(v) for k, v in self.args}, "en": self.render("en")}

    @classmethod
    def from_dict(cls, data: Mapping) -> "Message":
        args = data.get("args") or {}
        return cls(str(data["code"]), tuple((k, _from_jsonable(v)) for k, v in args.items()))


def error_message(exc: Any, *, full: bool = False) -> Message:
    """A coded error (``WorkbenchError``) as a value a note can quote: ``[E202] message`` in
    the reader's language (its details are the arguments); ``full``: the whole line as
    ``exc.render()`` gives it in English, ``[E805] where: message. hint``."""
    args = plain_details(exc.details)
    if full:
        args.update({"$full": True, "$path": exc.path, "$line": exc.line, "$page": exc.page})
    return Message(str(exc.code), tuple(sorted((k, _freeze(v)) for k, v in args.items())))


def plain_details(details: Mapping[str, Any]) -> dict[str, Any]:
    """An error's placeholders as plain values (for JSON, another process or a record): coded
    details stay messages (``{"$message": ...}`` in JSON), anything else not plain is text."""
    return {k: v if isinstance(v, (str, int, float, bool, type(None), Message, tuple)) else str(v)
            for k, v in details.items()}


def details_to_json(details: Mapping[str, Any]) -> dict[str, Any]:
    """``plain_details`` in JSON form (a coded detail as ``{"$message": {...}}``)."""
    return {k: _jsonable(v) for k, v in plain_details(details).items()}


def details_from_json(data: Mapping[str, Any]) -> dict[str, Any]:
    """Inverse of :func:`details_to_json`."""
    return {k: _from_jsonable(v) for k, v in data.items()}


def bilingual(en: str, ja: str) -> Message:
    """A text that comes in both languages from data (a rule file's name_en / name_ja, a stored
    code word and its Japanese label): rendered in the reader's language like any message."""
    return Message("I703", (("t", {"en": en, "ja": ja}),))


def field_name(field: Any) -> "Message | str":
    """A specified field's name in the reader's language (its rule gives both): a message the
    edges render, so the core never picks the language."""
    en, ja = getattr(field, "name_en", "") or "", getattr(field, "name_ja", "") or ""
    if not ja or not en:
        return en or ja
    return bilingual(en, ja)


def msg(code: str, **args: Any) -> Message:
    """Build a message; unknown codes and missing arguments fail here, at the raise site."""
    spec = CATALOGUE.get(code)
    if spec is None:
        raise KeyError(f"no message code {code!r} in the catalogue")
    missing = (spec.placeholders("en") | spec.placeholders("ja")) - set(args)
    if missing:
        raise KeyError(f"message {code} needs {sorted(missing)}")
    return Message(code, tuple(sorted((k, _freeze(v)) for k, v in args.items())))


#: What a reason or note is: a coded message, or a plain string from a record stored
#: before messages were coded (it renders as itself, in the language it was written in).
Text = Union[Message, str]


def render(message: "Message | str", lang: str = "en") -> str:
    """Render a message (or pass through a plain string from an old stored record)."""
    if isinstance(message, Message):
        return message.render(lang)
    return str(message)


def render_all(messages: Iterable["Message | str"], lang: str = "en") -> list[str]:
    """Each of ``messages`` rendered in ``lang``, in order."""
    return [render(m, lang) for m in messages]


def code_of(message: object) -> str | None:
    """The code of a message; None for a plain string (an old record) or anything else."""
    return message.code if isinstance(message, Message) else None


def to_stored(message: "Message | str") -> "dict | str":
    """The stored form: ``{"code", "args", "en"}`` for a message (the English rendering is
    kept for audit and for readers without the catalogue); a plain string stays itself."""
    return message.to_dict() if isinstance(message, Message) else str(message)


def from_stored(value: object) -> "Message | str":
    """Inverse of :func:`to_stored`; a stored plain string (an old record) stays a string."""
    if isinstance(value, Mapping) and "code" in value:
        return Message.from_dict(value)
    return str(value)


# Arguments that name a file or folder: shown with their control and bidirectional characters
# escaped (workbench.text.shown_name), so a file name can neither forge a line nor disguise itself.
NAME_ARGS = frozenset({"path", "name", "file", "folder", "target"})


def _shown(value: Any) -> Any:
    if isinstance(value, str):
        from workbench.text import shown_name

        return shown_name(value)
    return value


def _render_arg(value: Any, lang: str) -> Any:
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(value, tuple):
        parts = [str(_render_arg(v, lang)) for v in value]
        return ("、" if lang == "ja" else ", ").join(parts)
    if isinstance(value, bool):
        if lang == "ja":
            return "はい" if value else "いいえ"
        return "yes" if value else "no"
    if value is None:
        return "—"
    return value


def _jsonable(value: Any) -> Any:
    if isinstance(value, Message):
        return {"$message": value.to_dict()}
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    return value


def _from_jsonable(value: Any) -> Any:
    if isinstance(value, dict) and "$message" in value:
        return Message.from_dict(value["$message"])
    if isinstance(value, list):
        return tuple(_from_jsonable(v) for v in value)
    return value


# -- the catalogue ----------------------------------------------------------------------
# One module per area holds its codes (so parallel work on two areas never edits one file):
# workbench/messages/<area>.py calls define(...) at import; importing this package loads all.
from workbench.messages import (  # noqa: E402,F401  (imported for their define() calls)
    ingest,
    claims,
    rules,
    screening,
    log,
    export,
    filing,
    batch,
    cli,
    details,
    causes,
    model,
)
