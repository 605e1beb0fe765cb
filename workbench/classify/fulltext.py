"""The real full-length drafts: the two ``fulltext/`` sets and the 140 ``uspto-grants``.

These are what users screen (a whole draft), so the draft-level model, its calibration and
the default thresholds belong to them. Labels:

- ``us_grants_reviewed``: a *reviewer's* labels (``review.fields``, ``review.confidence``),
  not an office's; ``low`` confidence is uncertain (weighted down in training, reported
  apart in the benchmark);
- ``us_grants_portfolio``: a broad random sample, taken as near-certain negatives (300 of
  them reviewed at random: none in a field);
- ``uspto-grants``: office-coded civilian grants; **never trained on** (kept whole for the
  benchmark's clear rate and IPC top-k figures).

The split is by publication id (a hash of it), fixed across runs and machines, with the same
bucket ranges as the short records (``data.TEST_BUCKETS`` 0-24, ``data.CALIB_BUCKETS`` 25-44,
training 45-99). Everything is read from ``../shared/data``; nothing is copied.
"""

from __future__ import annotations

import ast
import gzip
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from workbench.classify import data as D

REVIEWED_FILE = "fulltext/us_grants_reviewed.jsonl.gz"
PORTFOLIO_FILE = "fulltext/us_grants_portfolio.jsonl.gz"
GRANTS_DIR = "uspto-grants"
FULLTEXT_FILES = (REVIEWED_FILE, PORTFOLIO_FILE)
CONFIDENCE_WEIGHT = {"high": 1.0, "medium": 1.0, "low": 0.5}


@dataclass(frozen=True)
class FullDraft:
    source: str  # "reviewed" | "portfolio" | "grants"
    id: str
    title: str
    abstract: str
    description: str
    sensitive: bool
    confidence: str = ""  # reviewed: high | medium | low; others ""
    fields: tuple[int, ...] = ()
    split: str = "train"
    codes: tuple[str, ...] = ()  # office IPC (grants only)
    claims: tuple[str, ...] = ()  # grants only (fulltext records carry no claims)
    extra: dict = field(default_factory=dict, compare=False)

    def text(self, max_description: int | None = None) -> str:
        """The draft as a drafter's text: title, abstract, description (optionally cut),
        claims when known."""
        desc = self.description if max_description is None else self.description[:max_description]
        parts = [self.title, "", "Abstract", self.abstract, "", desc]
        if self.claims:
            parts += ["", "What is claimed is:", ""] + [f"{i}. {c}" for i, c in enumerate(self.claims, 1)]
        return "\n".join(parts)

    @property
    def weight(self) -> float:
        return CONFIDENCE_WEIGHT.get(self.confidence, 1.0)


def id_bucket(pub_id: str) -> int:
    return int(hashlib.sha256(pub_id.strip().upper().encode("utf-8")).hexdigest()[:8], 16) % 100


def split_of_id(pub_id: str) -> str:
    b = id_bucket(pub_id)
    if b in D.TEST_BUCKETS:
        return "test"
    if b in D.CALIB_BUCKETS:
        return "calib"
    return "train"


def _review(raw) -> dict:
    if isinstance(raw, dict):
        return raw
    try:
        return ast.literal_eval(str(raw))  # the file stores the review as a Python dict literal
    except (ValueError, SyntaxError):
        return {}


def _rows(path: Path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def load_fulltext(data_dir: Path) -> list[FullDraft]:
    data_dir = Path(data_dir)
    out: list[FullDraft] = []
    for row in _rows(D.require(data_dir, REVIEWED_FILE)):
        rv = _review(row.get("review"))
        fields = tuple(int(x) for x in rv.get("fields") or ())
        out.append(
            FullDraft(
                "reviewed", str(row["id"]), str(row.get("title") or ""), str(row.get("abstract") or ""),
                str(row.get("description") or ""), bool(fields), str(rv.get("confidence") or "high"), fields,
                split_of_id(str(row["id"])),
            )
        )
    for row in _rows(D.require(data_dir, PORTFOLIO_FILE)):
        out.append(
            FullDraft(
                "portfolio", str(row["id"]), str(row.get("title") or ""), str(row.get("abstract") or ""),
                str(row.get("description") or ""), False, "", (), split_of_id(str(row["id"])),
            )
        )
    return out


_IPCR = re.compile(
    r"<classification-ipcr>.*?<section>\s*([A-H])\s*</section>\s*<class>\s*(\d\d)\s*</class>\s*"
    r"<subclass>\s*([A-Z])\s*</subclass>\s*<main-group>\s*(\d+)\s*</main-group>\s*<subgroup>\s*(\d+)\s*</subgroup>",
    re.S,
)
_IPC7 = re.compile(r"<(?:main|further)-classification>([A-H]\d\d[A-Z])([ \d]{3})(\d{2,})\s*</(?:main|further)-classification>")


def office_codes(xml: str) -> tuple[str, ...]:
    """The office IPC of a grant: ``classification-ipcr`` elements, or the 7th-edition
    fixed-width form ("A43B 1314" = A43B 13/14) inside ``classification-ipc``."""
    codes = [f"{a}{b}{c} {int(g)}/{s}" for a, b, c, g, s in _IPCR.findall(xml)]
    block = re.search(r"<classification-ipc>.*?</classification-ipc>", xml, re.S)
    if block:
        codes += [f"{sub} {int(g)}/{s}" for sub, g, s in _IPC7.findall(block.group(0)) if g.strip()]
    return tuple(dict.fromkeys(codes))


def load_grants(data_dir: Path) -> list[FullDraft]:
    """The 140 office-coded grants (all claims, office IPC); evaluation only."""
    from workbench.ingest.uspto_xml import parse_publication

    out = []
    for p in sorted((Path(data_dir) / GRANTS_DIR).glob("*.xml")):
        pub = parse_publication(p)
        desc = "\n".join(t for kind, t in pub.description)
        claims = tuple(" ".join(t for _, t in c.lines) for c in pub.claims if not c.canceled)
        codes = office_codes(p.read_text(encoding="utf-8", errors="replace")) or tuple(
            dict.fromkeys(c for c in (D.normalise_code(x) for x in pub.ipc_codes) if c))
        out.append(
            FullDraft("grants", p.stem, pub.title, " ".join(pub.abstract), desc, False, "", (), "test", codes, claims,
                      {"path": str(p)})
        )
    return out
