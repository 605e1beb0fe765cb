"""Which files of a folder are drafts: one rule for the CLI and the GUI's batch import."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from workbench.ingest.detect import SUPPORTED_SUFFIXES
from workbench.messages import ingest as I
from workbench.messages import msg


MAX_LINK_NOTES = 20  # links to folders inside a walk named one by one (W151), then counted (W152)


def expand_paths(paths: Iterable[str | Path], notes: list | None = None) -> list[str]:
    """Files as given; folders walked recursively (sorted) for the draft types the
    workbench reads, skipping hidden files and folders and the '~$name.docx' owner files
    Word keeps beside an open draft. A path that does not exist is kept, so reading it
    reports E101 naming it. A file named more than once (a folder and a file in it) is
    listed once, where it first came.

    Links are never followed silently: a link to a folder given by a name without a draft's
    suffix is walked as that folder (W150); one named like a draft ('drafts.txt' -> /tmp) is
    given as a file, so it is kept and refused when read (E116, a link to a folder), never
    walked; a link to a folder found inside a walk is not followed (a loop) and is named
    (W151, the first MAX_LINK_NOTES, then W152 counting the rest). The coded notes go to
    ``notes`` (the CLI prints them, the GUI shows them)."""
    said: list = [] if notes is None else notes
    links: list[tuple[Path, str]] = []
    out: list[str] = []
    for given in paths:
        p = Path(given)
        if _is_dir(p) and _is_link(p) and p.suffix.lower() in SUPPORTED_SUFFIXES:
            out.append(str(p))  # given as a file: read_draft refuses it (E116)
        elif _is_dir(p):
            if _is_link(p):
                said.append(msg(I.W150, path=str(p), target=_target(p)))
            out.extend(
                str(f)
                for f in sorted(_walk(p, links))
                if f.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
                and not f.name.startswith("~$")
            )
        else:
            out.append(str(p))
    for link, target in links[:MAX_LINK_NOTES]:
        said.append(msg(I.W151, path=str(link), target=target))
    if len(links) > MAX_LINK_NOTES:
        said.append(msg(I.W152, count=len(links) - MAX_LINK_NOTES))
    seen: set[object] = set()
    unique = []
    for f in out:
        key = _identity(f)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def _is_dir(p: Path) -> bool:
    try:
        return p.is_dir()
    except (OSError, ValueError):
        return False


def _is_link(p: Path) -> bool:
    try:
        return p.is_symlink()
    except (OSError, ValueError):
        return False


def _target(p: Path) -> str:
    try:
        return str(p.resolve(strict=True))
    except (OSError, RuntimeError, ValueError):  # a broken or looping link: where it points
        try:
            return os.readlink(p)
        except (OSError, ValueError):
            return str(p)


def _walk(top: Path, links: list | None = None) -> list[Path]:
    """Every entry under ``top`` that is not a folder, without following symbolic links
    to folders (a link loop cannot trap the walk; each one is added to ``links`` with its
    target). Named-like-a-draft entries that are not regular files (a FIFO, a broken or
    looping link) are kept: reading them reports a coded error naming them instead of
    leaving them out unsaid."""
    found: list[Path] = []
    for root, dirs, files in os.walk(top, followlinks=False, onerror=lambda _e: None):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        if links is not None:
            links.extend((Path(root) / d, _target(Path(root) / d)) for d in dirs if _is_link(Path(root) / d))
        found.extend(Path(root) / name for name in files)
    return found


def _identity(f: str) -> object:
    """The same file named twice (a folder and a file in it, a link) is one key; a path
    that cannot be resolved (a link loop, a name too long) is its own."""
    try:
        st = os.stat(f)
        return (st.st_dev, st.st_ino)
    except (OSError, ValueError):
        try:
            return Path(f).absolute()
        except (OSError, ValueError):
            return f
