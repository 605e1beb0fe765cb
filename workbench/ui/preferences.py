"""The GUI's settings, remembered with QSettings and mirrored to the core settings file
(``workbench.settings``) so the CLI and the GUI agree on reviewer, log and thresholds."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QSettings

from workbench.domain import Thresholds
from workbench.errors import WorkbenchError

ORG = "PatentTriageWorkbench"
APP = "workbench"
LANGUAGES = ("auto", "en", "ja")


@dataclass(frozen=True)
class Preferences:
    reviewer: str = ""
    db_path: str = ""
    review_threshold: float = Thresholds().review
    likely_threshold: float = Thresholds().likely
    rules_dir: str = ""
    language: str = "auto"

    @property
    def thresholds(self) -> Thresholds:
        return Thresholds(review=self.review_threshold, likely=self.likely_threshold)

    def core(self):
        """As the core's Settings (validates: raises SettingsError E901)."""
        from workbench.settings import Settings

        return Settings(
            reviewer=self.reviewer,
            db_path=self.db_path,
            review_threshold=float(self.review_threshold),
            likely_threshold=float(self.likely_threshold),
            rules_dir=self.rules_dir,
            language=self.language,
        )

    @property
    def effective_reviewer(self) -> str:
        return self.core().effective_reviewer

    @property
    def effective_db_path(self) -> str:
        return str(self.core().effective_db_path)


def qsettings() -> QSettings:
    return QSettings(ORG, APP)


def _core_defaults() -> Preferences:
    try:
        from workbench.settings import load_settings

        s = load_settings()
    except (ImportError, WorkbenchError):
        return Preferences()
    return Preferences(s.reviewer, s.db_path, s.review_threshold, s.likely_threshold, s.rules_dir, s.language)


def load_preferences(store: QSettings | None = None) -> Preferences:
    """QSettings first; anything not saved there comes from the core settings file."""
    store = store or qsettings()
    base = _core_defaults()
    out = {}
    for name, default in base.__dict__.items():
        value = store.value(name, default)
        if isinstance(default, float):
            try:
                value = float(value)
            except (TypeError, ValueError):
                value = default
        else:
            value = "" if value is None else str(value)
        out[name] = value
    prefs = Preferences(**out)
    if prefs.language not in LANGUAGES:
        prefs = replace(prefs, language="auto")
    return prefs


def save_preferences(prefs: Preferences, store: QSettings | None = None, *, mirror: bool = True) -> None:
    """Validate (E901 on a bad value), remember in QSettings and mirror to the core file."""
    core = prefs.core()  # raises SettingsError before anything is written
    store = store or qsettings()
    for name, value in prefs.__dict__.items():
        store.setValue(name, value)
    store.sync()
    if mirror:
        from workbench.settings import save_settings

        save_settings(core)
