"""Backups of a triage log, and what the GUI offers when a log cannot be opened:
open a backup (``find_backups``) or start a new file (``suggest_new_path``). The
damaged file itself is never modified or overwritten."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from workbench.errors import E501, E513, StoreError
from workbench.messages import M, msg
from workbench.messages.causes import cause

BACKUP_MARK = ".backup-"


def _backup_name(path: Path) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    return path.with_name(f"{path.stem}{BACKUP_MARK}{stamp}{path.suffix or '.sqlite'}")


def backup_connection(conn: sqlite3.Connection, path: Path, dest: str | Path | None = None) -> Path:
    target = Path(dest) if dest is not None else _backup_name(path)
    if target.exists():
        raise StoreError(E513, path=target, detail=msg(M.D507))
    if not target.parent.is_dir():
        raise StoreError(E513, path=target, detail=msg(M.D508, path=str(target.parent)))
    try:
        out = sqlite3.connect(str(target))
        try:
            conn.backup(out)
        finally:
            out.close()
    except sqlite3.Error as exc:
        raise StoreError(E513, path=target, detail=cause(exc, en=str(exc))) from None
    return target


def backup(path: str | Path, dest: str | Path | None = None) -> Path:
    """Copy the log at ``path`` with SQLite's online backup API (safe while another
    program writes it) to ``dest`` or ``<stem>.backup-<UTC stamp>.sqlite`` beside it."""
    p = Path(path)
    if not p.is_file():
        raise StoreError(E501, path=p, detail=msg(M.D504))
    from workbench.store.log import _check_file, _check_integrity, _open_here

    if not _open_here(p):  # open in this process: checked then, and reading it again would drop its locks
        _check_file(p)  # E501 for a file that is not SQLite at all
    try:
        src = sqlite3.connect(f"file:{p}?mode=ro", uri=True, timeout=5.0)
    except sqlite3.Error as exc:
        raise StoreError(E501, path=p, detail=cause(exc, en=str(exc))) from None
    try:
        try:
            _check_integrity(src, p)
        except sqlite3.DatabaseError as exc:
            raise StoreError(E501, path=p, detail=cause(exc, en=str(exc))) from None
        return backup_connection(src, p, dest)
    finally:
        src.close()


def find_backups(path: str | Path) -> list[Path]:
    """Backups of the log at ``path`` (made by :func:`backup`), newest first."""
    p = Path(path)
    if not p.parent.is_dir():
        return []
    found = [q for q in p.parent.glob(f"{p.stem}{BACKUP_MARK}*") if q.is_file() and not q.name.endswith(("-wal", "-shm"))]
    return sorted(found, key=lambda q: q.name, reverse=True)


def suggest_new_path(path: str | Path) -> Path:
    """A free file name beside ``path`` for starting a new log (never the damaged one)."""
    p = Path(path)
    suffix = p.suffix or ".sqlite"
    n = 2
    while True:
        candidate = p.with_name(f"{p.stem}-{n}{suffix}")
        if not candidate.exists():
            return candidate
        n += 1
