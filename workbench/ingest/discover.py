"""Which files of a folder are drafts: one rule for the CLI and the GUI's batch import."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from workbench.ingest.detect import SUPPORTED_SUFFIXES


def expand_paths(paths: Iterable[str | Path]) -> list[str]:
    """Files as given; folders walked recursively (sorted) for the draft types the
    workbench reads, skipping hidden files and folders and the '~$name.docx' owner files
    Word keeps beside an open draft. A path that does not exist is kept, so reading it
    reports E101 naming it. A file named more than once (a folder and a file in it) is
    listed once, where it first came."""
    out: list[str] = []
    for given in paths:
        p = Path(given)
        if p.is_dir():
            out.extend(
                str(f)
                for f in sorted(p.rglob("*"))
                if f.is_file()
                and f.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
                and not f.name.startswith("~$")
            )
        else:
            out.append(str(p))
    seen: set[Path] = set()
    unique = []
    for f in out:
        key = Path(f).resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique
