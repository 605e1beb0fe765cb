"""The GUI's settings, remembered with QSettings and mirrored to the core settings file
(``workbench.settings``) so the CLI and the GUI agree on reviewer, log and thresholds.

Thresholds are ``None`` unless the user set their own: the GUI then sends ``None`` to the
screening, which applies the model card's recommended thresholds. QSettings keeps an unset
threshold as an empty string (portable across the registry, plist and ini back ends)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QSettings

from workbench.domain import Thresholds
from workbench.errors import WorkbenchError

ORG = "PatentTriageWorkbench"
APP = "workbench"
LANGUAGES = ("auto", "en", "ja")
THRESHOLD_NAMES = ("review_threshold", "likely_threshold")


@dataclass(frozen=True)
class Preferences:
    reviewer: str = ""
    db_path: str = ""
    review_threshold: float | None = None  # None: the model's recommended thresholds
    likely_threshold: float | None = None
    rules_dir: str = ""
    language: str = "auto"

    @property
    def thresholds(self) -> Thresholds | None:
        """The user's own thresholds for screening, or None: the model card's defaults."""
        if self.review_threshold is None or self.likely_threshold is None:
            return None
        return Thresholds(review=float(self.review_threshold), likely=float(self.likely_threshold))

    @property
    def uses_model_thresholds(self) -> bool:
        return self.review_threshold is None and self.likely_threshold is None

    def core(self):
        """As the core's Settings (validates: raises SettingsError E901)."""
        from workbench.settings import Settings

        return Settings(
            reviewer=self.reviewer,
            db_path=self.db_path,
            review_threshold=None if self.review_threshold is None else float(self.review_threshold),
            likely_threshold=None if self.likely_threshold is None else float(self.likely_threshold),
            rules_dir=self.rules_dir,
            language=self.language,
        )

    @property
    def active_rules_dir(self) -> str | None:
        """The user rules folder screening uses: the core's one rule (env, Settings, default)."""
        folder = self.core().active_rules_dir()
        return None if folder is None else str(folder)

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
        if name in THRESHOLD_NAMES:
            out[name] = _threshold_value(store, name, default)
            continue
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
    if (prefs.review_threshold is None) != (prefs.likely_threshold is None):  # half-saved: fall back whole
        prefs = replace(prefs, review_threshold=base.review_threshold, likely_threshold=base.likely_threshold)
    return prefs


def _threshold_value(store: QSettings, name: str, default: float | None) -> float | None:
    """A saved threshold: "" (or an invalid QVariant) means "the model's"; numbers from
    older versions stay the user's choice; anything unreadable falls back to the core file."""
    if not store.contains(name):
        return default
    raw = store.value(name)
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        return float(raw)
    except (TypeError, ValueError):
        return default


def save_preferences(prefs: Preferences, store: QSettings | None = None, *, mirror: bool = True) -> None:
    """Validate (E901 on a bad value), remember in QSettings and mirror to the core file."""
    core = prefs.core()  # raises SettingsError before anything is written
    store = store or qsettings()
    for name, value in prefs.__dict__.items():
        store.setValue(name, "" if value is None else value)
    store.sync()
    if mirror:
        from workbench.settings import save_settings

        save_settings(core)
