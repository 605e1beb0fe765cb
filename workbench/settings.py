"""User settings shared by the CLI and the GUI: who reviews, where the log lives,
the triage thresholds, the user rules folder and the interface language.

The settings are one small JSON file in the per-user config folder
(``platformdirs.user_config_dir("patent-triage-workbench")``). The GUI mirrors them
in QSettings, but this file is the source of truth for the CLI.

Environment overrides (tests and scripted use rely on them):

- ``WORKBENCH_CONFIG_DIR``: folder holding ``settings.json`` (instead of the per-user one)
- ``WORKBENCH_DB``: the triage log database path (wins over the saved setting)
- ``WORKBENCH_REVIEWER``: the reviewer name (wins over the saved setting)

An empty ``reviewer``/``db_path``/``rules_dir`` in the file means "use the default";
the ``effective_*`` properties resolve them.
"""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from workbench.domain import Thresholds
from workbench.errors import E901, SettingsError

APP_NAME = "patent-triage-workbench"
SETTINGS_FILE = "settings.json"
DB_FILE = "triage-log.sqlite"
LANGUAGES = ("auto", "en", "ja")


@dataclass(frozen=True)
class Settings:
    """The user's settings. Empty strings mean "the default" (see ``effective_*``)."""

    reviewer: str = ""
    db_path: str = ""
    review_threshold: float = Thresholds().review
    likely_threshold: float = Thresholds().likely
    rules_dir: str = ""
    language: str = "auto"  # "auto" | "en" | "ja"

    def __post_init__(self) -> None:
        _validate(self)

    @property
    def effective_reviewer(self) -> str:
        """Who signs events: $WORKBENCH_REVIEWER, else this setting, else the OS user."""
        env = os.environ.get("WORKBENCH_REVIEWER", "").strip()
        return env or self.reviewer.strip() or _os_user()

    @property
    def effective_db_path(self) -> Path:
        """The log database: $WORKBENCH_DB, else this setting, else the per-user data folder."""
        env = os.environ.get("WORKBENCH_DB", "").strip()
        if env:
            return Path(env).expanduser()
        if self.db_path.strip():
            return Path(self.db_path.strip()).expanduser()
        return platform_db_path()

    @property
    def effective_rules_dir(self) -> Path:
        if self.rules_dir.strip():
            return Path(self.rules_dir.strip()).expanduser()
        return _data_dir() / "rules"

    @property
    def thresholds(self) -> Thresholds:
        return Thresholds(review=self.review_threshold, likely=self.likely_threshold)


def _validate(s: Settings) -> None:
    for name in ("review_threshold", "likely_threshold"):
        value = getattr(s, name)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= float(value) <= 1.0:
            raise SettingsError(E901, name=name, value=value, detail="must be a number between 0 and 1")
    if s.review_threshold > s.likely_threshold:
        raise SettingsError(
            E901,
            name="review_threshold",
            value=s.review_threshold,
            detail=f"must not exceed likely_threshold ({s.likely_threshold})",
        )
    if s.language not in LANGUAGES:
        raise SettingsError(E901, name="language", value=s.language, detail=f"use one of {', '.join(LANGUAGES)}")
    for name in ("reviewer", "db_path", "rules_dir"):
        if not isinstance(getattr(s, name), str):
            raise SettingsError(E901, name=name, value=getattr(s, name), detail="must be text")


def _os_user() -> str:
    try:
        return getpass.getuser() or "unknown"
    except Exception:  # getpass raises OSError/KeyError when no user name is known
        return "unknown"


def _data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Folder of ``settings.json``: $WORKBENCH_CONFIG_DIR or the per-user config folder."""
    env = os.environ.get("WORKBENCH_CONFIG_DIR", "").strip()
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def platform_db_path() -> Path:
    """The per-user default log location, ignoring settings and environment."""
    return _data_dir() / DB_FILE


def load_settings(path: str | Path | None = None) -> Settings:
    """Read the settings file (missing file -> defaults).

    Raises SettingsError E901 naming the file when it is not valid JSON or holds an
    invalid value; unknown keys are ignored so older versions can read newer files.
    """
    p = Path(path) if path is not None else settings_path()
    if not p.exists():
        return Settings()
    try:
        raw = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SettingsError(E901, path=p, name="settings file", value=p.name, detail=f"not readable JSON ({exc})") from None
    if not isinstance(raw, dict):
        raise SettingsError(E901, path=p, name="settings file", value=p.name, detail="must be a JSON object")
    known = {f.name for f in fields(Settings)}
    try:
        return Settings(**{k: v for k, v in raw.items() if k in known})
    except SettingsError as exc:
        raise SettingsError(exc.code, path=p, **exc.details) from None
    except TypeError as exc:
        raise SettingsError(E901, path=p, name="settings file", value=p.name, detail=str(exc)) from None


def save_settings(settings: Settings, path: str | Path | None = None) -> Path:
    """Write the settings atomically (temp file + rename); returns the file path."""
    p = Path(path) if path is not None else settings_path()
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        tmp = p.with_name(p.name + ".tmp")
        tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, p)
    except OSError as exc:
        raise SettingsError(E901, path=p, name="settings file", value=p.name, detail=f"cannot be written ({exc})") from None
    return p


def update_settings(**changes: object) -> Settings:
    """Load, change some fields, validate and save; returns the new settings."""
    new = replace(load_settings(), **changes)
    save_settings(new)
    return new


def default_db_path() -> Path:
    """The log database to use when none is given: $WORKBENCH_DB, else the saved
    setting, else the per-user data folder."""
    return load_settings().effective_db_path


def default_reviewer() -> str:
    """The reviewer name for events: $WORKBENCH_REVIEWER, else the saved setting, else the OS user."""
    return load_settings().effective_reviewer


def user_rules_dir() -> Path:
    """Folder for the user's own rule sets (saved setting or per-user data folder)."""
    return load_settings().effective_rules_dir
