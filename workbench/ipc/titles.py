"""IPC scheme titles: "F41H 3/00" -> "Camouflage, i.e. means or methods for concealment ...".

The titles file (WIPO's scheme as ``symbol14 TAB title``, e.g. ``../shared/data/ipc/
ipc_titles.tsv``) is not shipped with the product: its path is a parameter, found by
default through ``WORKBENCH_IPC_TITLES`` or ``WORKBENCH_SHARED_DATA``. Without it the
product still works and titles are empty. Each file is read once, lazily.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from workbench.ipc.code import IpcCode, try_parse_ipc

_REPO = Path(__file__).resolve().parents[2]
_CACHE: dict[str, dict[str, str]] = {}
_LOCK = threading.Lock()
SEPARATOR = " > "


def default_titles_path() -> Path | None:
    """Where the titles file is expected when no path is given (None if absent)."""
    candidates = []
    if env := os.environ.get("WORKBENCH_IPC_TITLES"):
        candidates.append(Path(env))
    if env := os.environ.get("WORKBENCH_SHARED_DATA"):
        candidates.append(Path(env) / "ipc" / "ipc_titles.tsv")
    candidates.append(_REPO.parent / "shared" / "data" / "ipc" / "ipc_titles.tsv")
    for path in candidates:
        if path.is_file():
            return path
    return None


def _read(path: Path) -> dict[str, str]:
    titles: dict[str, str] = {}
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            symbol, sep, title = line.rstrip("\n").partition("\t")
            if not sep:
                continue
            code = try_parse_ipc(symbol)
            if code is None:
                continue
            key = str(code)
            # The scheme repeats a main-group symbol for a guide heading; keep the first.
            titles.setdefault(key, title.strip())
    return titles


def load_titles(path: str | Path | None = None) -> dict[str, str]:
    """Titles keyed by canonical code ("F", "F41", "F41H", "F41H 3/00", "F41H 3/02").

    Read once per path and cached; returns {} when the file does not exist (the
    product works without titles). Do not mutate the returned dict.
    """
    resolved = Path(path) if path is not None else default_titles_path()
    if resolved is None or not resolved.is_file():
        return {}
    key = str(resolved.resolve())
    with _LOCK:
        if key not in _CACHE:
            _CACHE[key] = _read(resolved)
        return _CACHE[key]


def title(code: str | IpcCode, path: str | Path | None = None) -> str:
    """The local title of one code ("" when unknown or no titles file)."""
    parsed = try_parse_ipc(code) if not isinstance(code, IpcCode) else code
    if parsed is None:
        return ""
    return load_titles(path).get(str(parsed), "")


def full_title(code: str | IpcCode, path: str | Path | None = None) -> str:
    """The titles of the parent chain joined: section > class > subclass > main group > subgroup.

    Subgroup titles are local ("by distillation"); this makes them readable. Levels
    without a title are skipped; "" when nothing is known.
    """
    parsed = try_parse_ipc(code) if not isinstance(code, IpcCode) else code
    if parsed is None:
        return ""
    titles = load_titles(path)
    if not titles:
        return ""
    chain = [*parsed.ancestors(), parsed]
    parts = [titles[str(c)] for c in chain if titles.get(str(c))]
    return SEPARATOR.join(parts)
