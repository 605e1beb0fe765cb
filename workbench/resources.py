"""Where the product's data folders are: the rule sets, the fitted model, the example drafts.

One accessor per folder, each trying the same places in the same order, first that exists wins:

1. an environment variable (tests, or a site that keeps its own copy);
2. a frozen desktop bundle (PyInstaller puts data under ``sys._MEIPASS``);
3. a repository checkout (``<repo>/classification_rules`` beside ``<repo>/workbench``:
   development and ``pip install -e .``);
4. package data of an installed wheel (``workbench/_data/<folder>``: the wheel build hook in
   ``packaging/workbench_build.py`` copies the top-level folders in; git holds them once).

An environment variable that is set is used even when the folder is missing, so a wrong
setting is reported by the loader (naming the path) instead of silently ignored. When no
place has the folder, the repository path is returned for the same reason.

``BUNDLED`` lists every data folder a frozen bundle needs, with where it goes inside the
bundle; ``tests/packaging`` checks ``packaging/workbench.spec`` ships each one.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent
PACKAGE_DATA = "_data"  # workbench/_data/<folder> in an installed wheel


@dataclass(frozen=True)
class DataFolder:
    """A folder of data files the product reads at run time."""

    repo_path: str  # relative to the repository root, e.g. "classification_rules"
    bundle_path: str  # relative to the frozen bundle's root (sys._MEIPASS)
    package_path: str  # relative to the installed package directory
    env: str | None = None  # environment variable that overrides the location


RULES = DataFolder("classification_rules", "classification_rules", f"{PACKAGE_DATA}/classification_rules", "WORKBENCH_INSTALLED_RULES")
MODELS = DataFolder("models", "models", f"{PACKAGE_DATA}/models", "WORKBENCH_MODEL_DIR")
EXAMPLES = DataFolder("workbench/examples", "workbench/examples", "examples")
# Package data read through importlib.resources (claims patterns, Qt translations): it lives
# inside the package, so a wheel ships it via [tool.setuptools.package-data]; a frozen
# bundle needs it listed too.
CLAIM_PATTERNS = DataFolder("workbench/claims/patterns", "workbench/claims/patterns", "claims/patterns")
TRANSLATIONS = DataFolder("workbench/ui/translations", "workbench/ui/translations", "ui/translations")
CLI_LOCALE = DataFolder("workbench/cli/locale/ja/LC_MESSAGES", "workbench/cli/locale/ja/LC_MESSAGES", "cli/locale/ja/LC_MESSAGES")  # argparse's Japanese (gettext .mo)

BUNDLED: tuple[DataFolder, ...] = (RULES, MODELS, EXAMPLES, CLAIM_PATTERNS, TRANSLATIONS, CLI_LOCALE)


def frozen_root() -> Path | None:
    """The root of a frozen (PyInstaller) bundle, or None when running from source or a wheel."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if bundle else None


def candidates(folder: DataFolder) -> list[Path]:
    """The places tried for ``folder``, in order (the environment variable first, if set)."""
    places: list[Path] = []
    if folder.env and (env := os.environ.get(folder.env)):
        places.append(Path(env))
    if (root := frozen_root()) is not None:
        places.append(root / folder.bundle_path)
    places.append(REPO_DIR / folder.repo_path)
    places.append(PACKAGE_DIR / folder.package_path)
    return places


def locate(folder: DataFolder) -> Path:
    """The folder's location (see the module docstring for the order)."""
    if folder.env and (env := os.environ.get(folder.env)):
        return Path(env)
    places = candidates(folder)
    for place in places:
        if place.is_dir():
            return place
    return REPO_DIR / folder.repo_path


def rules_dir() -> Path:
    """``classification_rules/``: the installed rule sets and their schema."""
    return locate(RULES)


def models_dir() -> Path:
    """``models/``: the fitted IPC model and its card."""
    return locate(MODELS)


def examples_dir() -> Path:
    """The example drafts shown by ``workbench demo``."""
    return locate(EXAMPLES)
