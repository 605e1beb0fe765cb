"""Build backend: setuptools, plus the top-level data folders copied into the wheel.

The rule sets (``classification_rules/``) and the fitted model (``models/``) live at the
repository's top level, beside the package, so that they are edited and reviewed as data.
An editable install and a checkout read them there; a wheel has no "beside the package", so
this hook copies them into the wheel as ``workbench/_data/<folder>`` (found at run time by
``workbench.resources``). Git keeps one copy of each file.

pyproject.toml names this module as the build backend (``backend-path = ["packaging"]``)
and its two command classes in ``[tool.setuptools.cmdclass]``:

- ``BuildPyWithData`` (wheel): after the usual build_py, copy the folders into build_lib;
- ``EggInfoWithData`` (sdist): list the folders and this file in the source distribution, so
  a wheel built from the sdist gets the same data.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools.build_meta import *  # noqa: F401,F403 - the PEP 517 hooks, unchanged
from setuptools.build_meta import __all__  # noqa: F401
from setuptools.command.build_py import build_py as _build_py
from setuptools.command.egg_info import egg_info as _egg_info

ROOT = Path(__file__).resolve().parent.parent
# top-level folder -> where it goes inside the package (keep in step with workbench/resources.py)
DATA_FOLDERS = {"classification_rules": "_data/classification_rules", "models": "_data/models"}
SKIPPED_SUFFIXES = {".pyc", ".tmp", ".partial", ".lock"}


def data_files(root: Path = ROOT) -> list[tuple[Path, str]]:
    """(source file, path inside the package) for every shipped data file."""
    found: list[tuple[Path, str]] = []
    for folder, target in DATA_FOLDERS.items():
        base = root / folder
        if not base.is_dir():
            continue
        for src in sorted(base.rglob("*")):
            rel = src.relative_to(base)
            if not src.is_file() or src.suffix in SKIPPED_SUFFIXES:
                continue
            if any(part.startswith(".") or part == "__pycache__" for part in rel.parts):
                continue
            found.append((src, f"{target}/{rel.as_posix()}"))
    return found


class BuildPyWithData(_build_py):
    """build_py + the top-level data folders as package data of ``workbench``."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the folders in the checkout
        package_dir = Path(self.build_lib) / "workbench"
        for src, rel in data_files():
            dest = package_dir / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest)


class EggInfoWithData(_egg_info):
    """egg_info whose file list (the sdist's contents) includes the data folders and this hook."""

    def find_sources(self) -> None:
        super().find_sources()
        extra = [src.relative_to(ROOT).as_posix() for src, _ in data_files()]
        extra.append(Path(__file__).resolve().relative_to(ROOT).as_posix())
        self.filelist.extend(extra)
        self.filelist.sort()
        self.filelist.remove_duplicates()
        # the SOURCES.txt written by super() must list them too
        self.write_file("SOURCES.txt", str(Path(self.egg_info) / "SOURCES.txt"), "\n".join(self.filelist.files) + "\n")
