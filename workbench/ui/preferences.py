"""Where the GUI keeps the user's :class:`workbench.settings.Settings` - the one settings
model of the CLI and the GUI (fields, validation, defaults, the ``effective_*`` rules):
remembered with QSettings and written to the core settings file, so the CLI and the GUI
agree on reviewer, log, thresholds, rules folder and language. This module has no model
of its own: it reads and writes the fields ``Settings`` declares.

Thresholds are ``None`` unless the user set their own: the GUI then sends ``None`` to the
screening, which applies the model card's recommended thresholds. QSettings keeps an unset
threshold as an empty string (portable across the registry, plist and ini back ends)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QSettings

from workbench.errors import WorkbenchError
from workbench.settings import LANGUAGES, Settings

ORG = "PatentTriageWorkbench"
APP = "workbench"
THRESHOLD_NAMES = ("review_threshold", "likely_threshold")


def qsettings() -> QSettings:
    return QSettings(ORG, APP)


def _core_defaults() -> Settings:
    try:
        from workbench.settings import load_settings

        return load_settings()
    except (ImportError, WorkbenchError):
        return Settings()


def load_preferences(store: QSettings | None = None) -> Settings:
    """The user's Settings: QSettings first; anything not saved there (or not valid there)
    comes from the core settings file."""
    store = store or qsettings()
    base = _core_defaults()
    out = {}
    for f in dataclasses.fields(Settings):
        default = getattr(base, f.name)
        if f.name in THRESHOLD_NAMES:
            out[f.name] = _threshold_value(store, f.name, default)
            continue
        value = store.value(f.name, default)
        out[f.name] = "" if value is None else str(value)
    if out["language"] not in LANGUAGES:
        out["language"] = "auto"
    if (out["review_threshold"] is None) != (out["likely_threshold"] is None):  # half-saved: fall back whole
        out.update(review_threshold=base.review_threshold, likely_threshold=base.likely_threshold)
    try:
        return Settings(**out)
    except WorkbenchError:  # a hand-edited QSettings value the model refuses: the core file's
        return base


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


def save_preferences(settings: Settings, store: QSettings | None = None, *, mirror: bool = True) -> None:
    """Remember ``settings`` (validated when it was made: E901) in QSettings and write the
    core file."""
    store = store or qsettings()
    for f in dataclasses.fields(Settings):
        value = getattr(settings, f.name)
        store.setValue(f.name, "" if value is None else value)
    store.sync()
    if mirror:
        from workbench.settings import save_settings

        save_settings(settings)


def rules_dir(settings: Settings) -> str | None:
    """The user rules folder screening uses (``Settings.active_rules_dir``: env, Settings,
    default), as the text the screening process is given; None: the installed rules only."""
    folder = settings.active_rules_dir()
    return None if folder is None else str(folder)

