"""The one route by which errors and messages reach the user.

Headless and Qt-free (like napari's ``utils/notifications``): code anywhere in the
UI calls ``notifications.error(exc)`` / ``.info(...)`` / ``.batch_failures(...)``;
handlers subscribed with :meth:`NotificationManager.connect` decide how to show
them (the main window shows a message box, the status bar, or the batch-failure
list; tests subscribe a list). Every :class:`~workbench.errors.WorkbenchError`
keeps its code, file and hint so the user can act on it.
"""

from __future__ import annotations

import sys
import traceback
from dataclasses import dataclass, field
from typing import Callable, Iterable, Literal, Union

from workbench.errors import WorkbenchError
from workbench.errors_ja import join_message, localize, render_error

Severity = Literal["info", "warning", "error"]
Translate = Callable[[str, str], str]  # (context, source text) -> translated text
Language = Union[str, Translate, None]  # "en" | "ja"; a translate function means "the UI language"

UNEXPECTED_HINT = "Your recorded work is kept. Please report this."
UNEXPECTED_HINT_JA = "記録済みの内容は失われていません。この内容を報告してください。"

_ui_language = "en"


def set_ui_language(lang: str) -> None:
    """Called when the UI's translators are installed (``i18n.install_translators``)."""
    global _ui_language
    _ui_language = lang if lang in ("en", "ja") else "en"


def ui_language() -> str:
    """The language the UI shows now ('en' | 'ja')."""
    return _ui_language


def _lang(lang: Language) -> str:
    if lang is None:
        return "en"
    if callable(lang):  # e.g. QCoreApplication.translate: whatever the UI speaks now
        return _ui_language
    return lang


UNEXPECTED = "$unexpected"  # details key: an exception the core did not raise on purpose, as a coded cause


def _unexpected(exc: BaseException, english: str):
    """An unexpected exception as a message: the English as shown before (for the log), the
    Japanese from what the exception is (workbench/messages/causes.py), never its words."""
    from workbench.messages import msg
    from workbench.messages.causes import D029, cause

    return msg(D029, x=english, cause=cause(exc, en=english))


def _said(message: str, details: dict, lang: str) -> str:
    said = details.get(UNEXPECTED)
    return said.render(lang) if said is not None else message


def localized(code: str | None, message: str, hint: str, details: dict, lang: Language = None) -> tuple[str, str]:
    """The message and hint of a coded error in ``lang`` (``workbench.errors_ja``, the
    core's one catalogue); the English given when there is no translation."""
    lang = _lang(lang)
    if code:
        return localize(code, details, lang, message=message, hint=hint)
    if lang == "ja" and hint == UNEXPECTED_HINT:
        return message, UNEXPECTED_HINT_JA
    return message, hint


@dataclass(frozen=True)
class Failure:
    """One file of a batch that could not be processed, and why."""

    path: str
    code: str
    message: str
    hint: str = ""
    details: dict = field(default_factory=dict, compare=False)
    line: int | None = None
    page: int | None = None

    @classmethod
    def from_exception(cls, path: str, exc: BaseException) -> "Failure":
        if isinstance(exc, WorkbenchError):
            return cls(str(path), exc.code, exc.message, exc.hint, dict(exc.details), exc.line, exc.page)
        text = f"{type(exc).__name__}: {exc}"
        return cls(str(path), "", text, "", {UNEXPECTED: _unexpected(exc, text)})

    def render(self, lang: Language = None, with_code: bool = True) -> str:
        """``[E107] page 2: message. hint`` (the file is shown beside it) in ``lang``; without
        ``[E107]`` when a column beside it shows the code."""
        lang = _lang(lang)
        if self.code:
            return render_error(self.code, lang=lang, line=self.line, page=self.page, details=self.details,
                                message=self.message, hint=self.hint, with_code=with_code)
        message, hint = localized(None, _said(self.message, self.details, lang), self.hint, self.details, lang)
        return join_message(message, hint, lang)


@dataclass(frozen=True)
class Notification:
    severity: Severity
    message: str
    code: str | None = None
    path: str | None = None
    hint: str = ""
    failures: tuple[Failure, ...] = ()
    detail: str = ""  # a traceback for unexpected errors (shown folded)
    details: dict = field(default_factory=dict, compare=False)  # the coded error's placeholders
    line: int | None = None
    page: int | None = None

    @classmethod
    def from_exception(cls, exc: BaseException, *, context: str = "") -> "Notification":
        if isinstance(exc, WorkbenchError):
            return cls("error", exc.message, exc.code, exc.path, exc.hint, details=dict(exc.details),
                       line=exc.line, page=exc.page)
        detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        msg = f"{context}: {type(exc).__name__}: {exc}" if context else f"{type(exc).__name__}: {exc}"
        return cls("error", msg, None, None, UNEXPECTED_HINT, detail=detail, details={UNEXPECTED: _unexpected(exc, msg)})

    def render(self, lang: Language = None) -> str:
        """``[E107] scan.pdf: message. hint`` in ``lang`` ('en' | 'ja'; a translate function
        stands for the UI language; None is English, as logs keep it)."""
        lang = _lang(lang)
        if self.code:
            return render_error(self.code, lang=lang, path=self.path, line=self.line, page=self.page,
                                details=self.details, message=self.message, hint=self.hint)
        message, hint = localized(None, _said(self.message, self.details, lang), self.hint, self.details, lang)
        text = f"{self.path}: {message}" if self.path else message
        return join_message(text, hint, lang)


Handler = Callable[[Notification], None]


@dataclass
class NotificationManager:
    """Dispatches notifications to subscribed handlers and keeps a history."""

    history: list[Notification] = field(default_factory=list)
    _handlers: list[Handler] = field(default_factory=list)

    def connect(self, handler: Handler) -> Callable[[], None]:
        self._handlers.append(handler)
        return lambda: self._handlers.remove(handler) if handler in self._handlers else None

    def dispatch(self, n: Notification) -> Notification:
        self.history.append(n)
        for h in list(self._handlers):
            try:
                h(n)
            except Exception:  # noqa: BLE001 - a broken handler must not hide the message
                print(n.render(), file=sys.stderr)
        if not self._handlers:
            print(n.render(), file=sys.stderr)
        return n

    def info(self, message: str) -> Notification:
        return self.dispatch(Notification("info", message))

    def warning(self, message: str, *, code: str | None = None, path: str | None = None) -> Notification:
        return self.dispatch(Notification("warning", message, code, path))

    def error(self, exc: BaseException, *, context: str = "") -> Notification:
        return self.dispatch(Notification.from_exception(exc, context=context))

    def batch_failures(self, failures: Iterable[Failure], *, total: int, message: str = "") -> Notification | None:
        """One notification for the failed files of a batch; ``message`` is its headline in
        the UI language (English by default)."""
        failures = tuple(failures)
        if not failures:
            return None
        msg = message or f"{len(failures)} of {total} file(s) could not be screened; the others were processed"
        return self.dispatch(Notification("warning", msg, failures=failures))

    def install_excepthook(self) -> None:
        """Unexpected exceptions in slots reach the user instead of a silent traceback."""
        previous = sys.excepthook

        def hook(tp, value, tb):
            if issubclass(tp, KeyboardInterrupt):
                previous(tp, value, tb)
                return
            self.error(value)

        sys.excepthook = hook


_MANAGER: NotificationManager | None = None


def notifications() -> NotificationManager:
    """The application-wide manager."""
    global _MANAGER
    if _MANAGER is None:
        _MANAGER = NotificationManager()
    return _MANAGER
