"""User settings shared by the CLI and the GUI: who reviews, where the log lives,
the triage thresholds, the user rules folder and the interface language.

The settings are one small JSON file in the per-user config folder
(``platformdirs.user_config_dir("patent-triage-workbench")``). :class:`Settings` is the one
settings model of the CLI and the GUI; the GUI also remembers it in QSettings
(``workbench/ui/preferences.py``, which has no model of its own), and this file is the
source of truth for the CLI.

Environment overrides (tests and scripted use rely on them):

- ``WORKBENCH_CONFIG_DIR``: folder holding ``settings.json`` (instead of the per-user one)
- ``WORKBENCH_DB``: the triage log database path (wins over the saved setting)
- ``WORKBENCH_REVIEWER``: the reviewer name (wins over the saved setting)

An empty ``reviewer``/``db_path``/``rules_dir`` in the file means "use the default";
the ``effective_*`` properties resolve them.

Thresholds: ``review_threshold``/``likely_threshold`` are ``null`` unless the user chose
their own. ``null`` means "use the model's recommended thresholds" - the ones chosen on
held-out data and stored in the model card (``models/ipc_model.card.json``), which
:func:`recommended_thresholds` reads and the engine applies. They are set together or not
at all. Settings files written before this distinction always held numbers (the built-in
0.15/0.5 too); such a file still loads and its numbers are kept as the user's explicit
choice - we cannot tell a deliberate 0.15/0.5 from an untouched one, and silently
replacing a value a user may rely on is worse. The Settings dialog shows those numbers
with "Use the model's recommended thresholds" unticked, so the user can switch back.
"""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from workbench.domain import Thresholds
from workbench.errors import E403, E901, ModelError, SettingsError
from workbench.messages import M, msg
from workbench.messages.causes import cause

APP_NAME = "patent-triage-workbench"
SETTINGS_FILE = "settings.json"
DB_FILE = "triage-log.sqlite"
LANGUAGES = ("auto", "en", "ja")
MODEL_CARD_FILE = "ipc_model.card.json"  # = workbench.classify.model.CARD_FILE (read here without numpy)


@dataclass(frozen=True)
class Settings:
    """The user's settings. Empty strings mean "the default" (see ``effective_*``);
    ``None`` thresholds mean "the model card's recommended thresholds"."""

    reviewer: str = ""
    db_path: str = ""
    review_threshold: float | None = None
    likely_threshold: float | None = None
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
    def effective_db_path(self) -> Path | str:
        """The log database: $WORKBENCH_DB, else this setting, else the per-user data folder.
        A ``postgresql://`` URL (a department's team log) is returned as the text it is."""
        env = os.environ.get("WORKBENCH_DB", "").strip()
        if env:
            return env if _is_url(env) else Path(env).expanduser()
        if self.db_path.strip():
            text = self.db_path.strip()
            return text if _is_url(text) else Path(text).expanduser()
        return platform_db_path()

    @property
    def effective_rules_dir(self) -> Path:
        if self.rules_dir.strip():
            return Path(self.rules_dir.strip()).expanduser()
        return _data_dir() / "rules"

    def active_rules_dir(self) -> Path | None:
        """The user rules folder screening uses - one rule for the CLI and the GUI:
        $WORKBENCH_RULES_DIR, else the folder set in Settings, else the per-user default
        folder when it exists; None = the installed rules only."""
        env = os.environ.get("WORKBENCH_RULES_DIR", "").strip()
        if env:
            return Path(env).expanduser()
        folder = self.effective_rules_dir
        if self.rules_dir.strip() or folder.is_dir():
            return folder
        return None

    @property
    def thresholds(self) -> Thresholds | None:
        """The user's own thresholds, or None: use the model card's recommended ones."""
        if self.review_threshold is None or self.likely_threshold is None:
            return None
        return Thresholds(review=float(self.review_threshold), likely=float(self.likely_threshold))


def _validate(s: Settings) -> None:
    _validate_thresholds(s)
    if s.language not in LANGUAGES:
        raise SettingsError(E901, name="language", value=s.language, detail=msg(M.D905, allowed=", ".join(LANGUAGES)))
    for name in ("reviewer", "db_path", "rules_dir"):
        if not isinstance(getattr(s, name), str):
            raise SettingsError(E901, name=name, value=getattr(s, name), detail=msg(M.D902))


def _validate_thresholds(s: Settings) -> None:
    """Checked only when set; both or neither (one alone would pair with a card value the
    user never saw, and the pair could break review <= likely when the model changes)."""
    if s.review_threshold is None and s.likely_threshold is None:
        return
    for name, other in (("review_threshold", "likely_threshold"), ("likely_threshold", "review_threshold")):
        if getattr(s, name) is None:
            raise SettingsError(
                E901, name=name, value="null",
                detail=msg(M.D904, other=other),
            )
    check_thresholds(s.review_threshold, s.likely_threshold, names=("review_threshold", "likely_threshold"))


def check_thresholds(review: object, likely: object, *, names: tuple[str, str] = ("review", "likely")) -> Thresholds:
    """The bounds of a pair of thresholds, one rule for Settings and the CLI's --review /
    --likely: each a number from 0 to 1, review not above likely. Raises E901 naming the
    one that breaks it (``names``: how the caller calls them); returns the Thresholds."""
    from workbench.messages import cli as C
    from workbench.messages import msg

    values: list[float] = []
    for name, value in zip(names, (review, likely)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= float(value) <= 1.0:
            raise SettingsError(E901, name=name, value=value, detail=msg(C.N904))
        values.append(float(value))
    r, lk = values
    if r > lk:
        raise SettingsError(E901, name=names[0], value=review, detail=msg(C.N905, likely=likely))
    return Thresholds(review=r, likely=lk)


def _os_user() -> str:
    try:
        return getpass.getuser() or "unknown"
    except Exception:  # getpass raises OSError/KeyError when no user name is known
        return "unknown"


def _is_url(text: str) -> bool:
    """A team log's PostgreSQL URL: the store's one rule (``workbench.store.dialect.is_team_url``)."""
    from workbench.store.dialect import is_team_url

    return is_team_url(text)


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
    except OSError as exc:  # not a JSON problem: the file cannot be read at all
        raise SettingsError(E901, path=p, name=msg(M.D912), value=p.name, detail=msg(M.D510, x=cause(exc, en=str(exc)))) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SettingsError(E901, path=p, name=msg(M.D912), value=p.name, detail=msg(M.D913, x=cause(exc, en=str(exc)))) from None
    if not isinstance(raw, dict):
        raise SettingsError(E901, path=p, name=msg(M.D912), value=p.name, detail=msg(M.D914))
    known = {f.name for f in fields(Settings)}
    try:
        return Settings(**{k: v for k, v in raw.items() if k in known})
    except SettingsError as exc:
        raise SettingsError(exc.code, path=p, **exc.details) from None  # its placeholders, now with the file
    except TypeError as exc:
        raise SettingsError(E901, path=p, name=msg(M.D912), value=p.name, detail=cause(exc, en=str(exc))) from None


def save_settings(settings: Settings, path: str | Path | None = None) -> Path:
    """Write the settings atomically (temp file + rename); returns the file path."""
    p = Path(path) if path is not None else settings_path()
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        tmp = p.with_name(p.name + ".tmp")
        tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, p)
    except OSError as exc:
        raise SettingsError(E901, path=p, name=msg(M.D912), value=p.name, detail=msg(M.D915, x=cause(exc, en=str(exc)))) from None
    return p


def update_settings(**changes: Any) -> Settings:
    """Load, change some fields, validate and save; returns the new settings."""
    new = replace(load_settings(), **changes)
    save_settings(new)
    return new


def default_db_path() -> Path | str:
    """The log database to use when none is given: $WORKBENCH_DB, else the saved
    setting, else the per-user data folder."""
    return load_settings().effective_db_path


def default_reviewer() -> str:
    """The reviewer name for events: $WORKBENCH_REVIEWER, else the saved setting, else the OS user."""
    return load_settings().effective_reviewer


@dataclass(frozen=True)
class OperatingPoint:
    """One recall / flag-rate trade-off at a review threshold (out-of-fold scores of real full drafts)."""

    recall: float
    flag_rate: float
    threshold: float


@dataclass(frozen=True)
class RecommendedThresholds:
    """What ``None`` thresholds in the settings stand for: the model card's defaults, with
    the recall and flag rate measured at them and the other operating points the card lists.
    The figures come from real full drafts, each scored by a model that had not learnt from it."""

    thresholds: Thresholds
    recall: float | None = None
    flag_rate: float | None = None
    chosen_on: str = ""
    operating_points: tuple[OperatingPoint, ...] = ()


def distinct_points(points) -> tuple[OperatingPoint, ...]:
    """The card's operating points, one per measured (recall, flag rate): above a threshold the
    evidence-term rule flags the same drafts whatever the score, so the card listed five points at
    98.25 % / 10.85 % with thresholds 0.17-0.51 and Settings read as if the threshold did nothing.
    Each is kept at its lowest threshold (the same figures, the most drafts the score flags)."""
    best: dict[tuple[float, float], OperatingPoint] = {}
    for p in points:
        key = (round(p.recall, 4), round(p.flag_rate, 4))
        if key not in best or p.threshold < best[key].threshold:
            best[key] = p
    return tuple(sorted(best.values(), key=lambda p: p.threshold))


def recommended_thresholds(model_dir: str | Path | None = None) -> RecommendedThresholds:
    """Read the model card's ``thresholds`` (a small JSON read; the model is not loaded).

    Raises ModelError E403 naming the card when it is missing, unreadable or holds no
    thresholds. ``workbench.triage.get_engine().thresholds`` applies the same values."""
    from workbench import resources

    p = Path(model_dir if model_dir is not None else resources.models_dir()) / MODEL_CARD_FILE
    try:
        t = json.loads(p.read_text(encoding="utf-8"))["thresholds"]
        thr = Thresholds(review=float(t["review"]), likely=float(t["likely"]))
        points = distinct_points(
            OperatingPoint(recall=float(o["recall"]), flag_rate=float(o["flag_rate"]), threshold=float(o["threshold"]))
            for o in t.get("operating_points") or ()
        )
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        raise ModelError(E403, path=p) from None

    def _opt(key: str) -> float | None:
        try:
            return float(t[key])
        except (KeyError, TypeError, ValueError):
            return None

    return RecommendedThresholds(
        thresholds=thr,
        recall=_opt("calib_recall"),
        flag_rate=_opt("calib_flag_rate"),
        chosen_on=str(t.get("chosen_on", "")),
        operating_points=points,
    )
