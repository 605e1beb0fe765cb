"""The real training/evaluation data: IPC titles and the labelled patent records.

Everything here reads ``../shared/data`` (or ``--data DIR``); nothing is copied into
the repository. The held-out split is fixed: a record's bucket is a hash of its
normalised text, so the split never changes between runs or machines and family
members that share a title (US/WO/EP publications of one invention) always land in
the same split - a title cannot leak from training into the test split.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from workbench.errors import E404, ModelError
from workbench.messages import M, msg
from workbench.messages.causes import cause

TITLES_FILE = "ipc/ipc_titles.tsv"
DRONES_FILE = "patents/drone_titles.jsonl"
CLAIMS_FILE = "patents/first_claims_cpc.jsonl"
DATA_FILES = (TITLES_FILE, DRONES_FILE, CLAIMS_FILE)

# Split by hash bucket 0..99 of the normalised text.
TEST_BUCKETS = range(0, 25)  # 25 %: never trained on, never calibrated on
CALIB_BUCKETS = range(25, 45)  # 20 %: fits the calibrator and picks the default thresholds
# 45..99 (55 %): training

_COMPACT = re.compile(r"^([A-H]\d\d[A-Z])\s*0*(\d{1,4})\s*/\s*(\d{1,6})$")


@dataclass(frozen=True)
class Record:
    """One real, office-labelled patent text."""

    source: str  # "drones" | "claims"
    id: str
    text: str
    text_type: str  # "title" | "first_claim"
    codes: tuple[str, ...]  # normalised IPC codes ("B64C 39/02") or subclasses ("G06F")
    subclasses: tuple[str, ...]
    split: str  # "train" | "calib" | "test"


def normalise_code(raw: str) -> str | None:
    """'E02F3/00' -> 'E02F 3/00'; 'G06F' -> 'G06F'; 14-char symbols too. None if not IPC-like."""
    s = raw.strip().upper().replace(" ", "")
    if len(s) == 4 and re.match(r"^[A-H]\d\d[A-Z]$", s):
        return s
    if len(s) == 14 and s[:4].isalnum() and s[4:].isdigit():
        main = int(s[4:8])
        sub = s[8:14].rstrip("0")
        sub = sub if len(sub) >= 2 else s[8:10]
        return f"{s[:4]} {main}/{sub}"
    m = _COMPACT.match(s)
    if m:
        return f"{m.group(1)} {int(m.group(2))}/{m.group(3)}"
    return None


def bucket(text: str) -> int:
    norm = " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())
    return int(hashlib.sha256(norm.encode("utf-8")).hexdigest()[:8], 16) % 100


def split_of(text: str) -> str:
    b = bucket(text)
    if b in TEST_BUCKETS:
        return "test"
    if b in CALIB_BUCKETS:
        return "calib"
    return "train"


def require(data_dir: Path, rel: str) -> Path:
    p = Path(data_dir) / rel
    if not p.is_file():
        raise ModelError(E404, path=p, detail=msg(M.D401, name=str(rel), folder=str(data_dir)))
    return p


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


_CLAIM_NUMBER = re.compile(r"^\s*1\s*[.)]\s*")


def load_records(data_dir: Path, valid_subclasses: set[str] | None = None) -> list[Record]:
    """Both real record files, each with its fixed split. CPC subclasses that are not
    IPC subclasses (Y02*, Y10*) are dropped when ``valid_subclasses`` is given."""
    out: list[Record] = []
    for rel, source in ((DRONES_FILE, "drones"), (CLAIMS_FILE, "claims")):
        path = require(data_dir, rel)
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.strip()
                if not line:
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ModelError(E404, path=path, line=n, detail=msg(M.D403, x=cause(exc, en=exc.msg))) from None
                text = str(row.get("text") or "").strip()
                if source == "claims":
                    text = _CLAIM_NUMBER.sub("", text)
                    raw = row.get("cpc_subclasses") or []
                    ttype = "first_claim"
                else:
                    raw = row.get("ipc") or []
                    ttype = "title"
                codes = tuple(dict.fromkeys(c for c in (normalise_code(x) for x in raw) if c))
                subs = tuple(dict.fromkeys(c[:4] for c in codes))
                if valid_subclasses is not None:
                    subs = tuple(s for s in subs if s in valid_subclasses)
                    codes = tuple(c for c in codes if c[:4] in valid_subclasses)
                if not text or not subs:
                    continue
                out.append(Record(source, str(row.get("id", n)), text, ttype, codes, subs, split_of(text)))
    return out


def load_title_table(data_dir: Path) -> dict[str, str]:
    """Normalised code -> local title, for every level (section, class, subclass, groups)."""
    path = require(data_dir, TITLES_FILE)
    out: dict[str, str] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            sym, _, title = line.rstrip("\n").partition("\t")
            if not sym:
                continue
            key = sym if len(sym) <= 4 else normalise_code(sym)
            if key:
                out[key] = title
    return out


_PAREN = re.compile(r"\([^()]*\)")


def clean_title(title: str) -> str:
    """Drop the reference parentheses ("(making furrows A01C0005000000)") that name other
    places: they would teach the model the wrong subclass."""
    prev = None
    while prev != title:
        prev, title = title, _PAREN.sub(" ", title)
    return " ".join(title.split())


def parent_main_group(code: str) -> str | None:
    if " " not in code:
        return None
    sub, grp = code.split(" ")
    main = grp.split("/")[0]
    return f"{sub} {main}/00"


def subgroups_by_main_group(titles: dict[str, str]) -> dict[str, list[str]]:
    """Main group ("F41H 3/00") -> its subgroups in the title table, in table order."""
    out: dict[str, list[str]] = {}
    for code in titles:
        if " " in code:
            mg = parent_main_group(code)
            if mg != code:
                out.setdefault(mg, []).append(code)
    return out


def title_chain(code: str, titles: dict[str, str]) -> str:
    """Section > class > subclass > main group > subgroup titles, cleaned."""
    parts = [titles.get(code[:1], ""), titles.get(code[:3], ""), titles.get(code[:4], "")]
    mg = parent_main_group(code)
    if mg:
        parts.append(titles.get(mg, ""))
        if mg != code:
            parts.append(titles.get(code, ""))
    return " ; ".join(clean_title(p) for p in parts if p)
