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
from typing import Callable, Iterable, Literal

from workbench.errors import CATALOGUE, WorkbenchError

Severity = Literal["info", "warning", "error"]
Translate = Callable[[str, str], str]  # (context, source text) -> translated text


def localized(code: str | None, message: str, hint: str, details: dict, translate: Translate | None) -> tuple[str, str]:
    """The message and hint of a coded error in the UI language (the catalogue templates
    translated in context "Errors", then filled); English when there is no translation."""
    if translate is None or code not in CATALOGUE:
        return message, hint
    spec = CATALOGUE[code]
    out = []
    for template, english in ((spec.message, message), (spec.hint, hint)):
        try:
            out.append(translate("Errors", template).format(**details))
        except (KeyError, IndexError, ValueError):
            out.append(english)
    return out[0], out[1]


@dataclass(frozen=True)
class Failure:
    """One file of a batch that could not be processed, and why."""

    path: str
    code: str
    message: str
    hint: str = ""
    details: dict = field(default_factory=dict, compare=False)

    @classmethod
    def from_exception(cls, path: str, exc: BaseException) -> "Failure":
        if isinstance(exc, WorkbenchError):
            return cls(str(path), exc.code, exc.message, exc.hint, dict(exc.details))
        return cls(str(path), "", f"{type(exc).__name__}: {exc}", "")

    def render(self, translate: Translate | None = None) -> str:
        message, hint = localized(self.code, self.message, self.hint, self.details, translate)
        code = f"[{self.code}] " if self.code else ""
        return f"{code}{message}" + (f". {hint}" if hint else "")


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

    @classmethod
    def from_exception(cls, exc: BaseException, *, context: str = "") -> "Notification":
        if isinstance(exc, WorkbenchError):
            return cls("error", exc.message, exc.code, exc.path, exc.hint, details=dict(exc.details))
        detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        msg = f"{context}: {type(exc).__name__}: {exc}" if context else f"{type(exc).__name__}: {exc}"
        return cls("error", msg, None, None, "Your recorded work is kept. Please report this.", detail=detail)

    def render(self, translate: Translate | None = None) -> str:
        message, hint = localized(self.code, self.message, self.hint, self.details, translate)
        parts = []
        if self.code:
            parts.append(f"[{self.code}]")
        if self.path:
            parts.append(f"{self.path}:")
        parts.append(message)
        text = " ".join(parts)
        if hint:
            text += f". {hint}"
        return text


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

    def batch_failures(self, failures: Iterable[Failure], *, total: int) -> Notification | None:
        failures = tuple(failures)
        if not failures:
            return None
        msg = f"{len(failures)} of {total} file(s) could not be screened; the others were processed"
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
