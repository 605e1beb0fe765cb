"""Draft versions: what changed between two versions of the same matter, and what happens
to the attorneys' annotations when a draft comes back edited.

A *matter* is one invention's draft over time: the first draft screened, then every
re-imported version with changed content (same file name, same title, or chosen by the
user). Each version is its own draft in the log (its own file hash, claims and verdicts);
the ``draft.versioned`` event links it to its matter with a version number.

Claims are paired by text first (unchanged, even when renumbered), then by number when
the texts are still alike (or by the most similar remaining text): a pair with different text is
*amended*; a new claim without a partner is *added*, an old one *removed*. An annotation
of an unchanged claim carries over to the new version; one of an amended or removed claim
is flagged for re-review instead (never silently kept on text the attorney never saw).

Pure functions over stored values: no database, no Qt.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from workbench.domain import Annotation, Claim, FieldVerdict

CHANGE_KINDS = ("unchanged", "amended", "added", "removed")
SIMILAR = 0.6  # two claims of different numbers are one amended claim from this text similarity up
SAME_NUMBER = 0.35  # a claim of the same number is amended from here; below, one claim replaced another
VERSION_BASES = ("same_name", "same_title", "chosen")
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@dataclass(frozen=True)
class ClaimChange:
    """One claim across two versions: its number and text before and after, and the top
    field the screening gave it before and after (None: no field found in that claim)."""

    kind: str  # one of CHANGE_KINDS
    old_number: int | None
    new_number: int | None
    old_text: str = ""
    new_text: str = ""
    before: FieldVerdict | None = None
    after: FieldVerdict | None = None

    @property
    def renumbered(self) -> bool:
        return self.old_number is not None and self.new_number is not None and self.old_number != self.new_number


@dataclass(frozen=True)
class ReviewFlag:
    """An annotation made on an earlier version whose claim was amended or removed: it
    is not carried over, the attorney looks at the claim again."""

    draft_id: int  # the version that needs the re-review
    claim_number: int | None  # the claim in that version (None: the claim was removed)
    field_id: int | None
    verdict: str  # what the earlier annotation said
    reason: str  # "amended" | "removed"
    from_draft_id: int
    from_claim_number: int
    reviewer: str = ""  # who made the earlier annotation
    note: str = ""
    at: str = ""  # when the flag was raised
    open: bool = True  # False once a new annotation of that claim and field is recorded


@dataclass(frozen=True)
class VersionInfo:
    """One version of a matter."""

    draft_id: int
    matter_id: int
    version: int
    name: str = ""
    sha256: str = ""
    basis: str = ""  # how it was linked: one of VERSION_BASES ("" for the first version)
    previous_draft_id: int | None = None
    at: str = ""


def _tokens(text: str) -> list[str]:
    """Words of an English claim, characters of a Japanese one (no spaces between words)."""
    t = normalized(text)
    if _CJK.search(t):
        return [ch for ch in t if not ch.isspace()]
    return re.findall(r"\w+|[^\w\s]", t.casefold())


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, _tokens(a), _tokens(b), autojunk=False).ratio()


# a space beside a Japanese character (above U+3000, after NFKC) is layout, not text: a DOCX
# indents its paragraphs with U+3000, a PDF wraps inside a word ('検出\nする')
_JA_SPACE = re.compile(r"(?<=[^\x00-\u3000]) | (?=[^\x00-\u3000])")
# the characters Shift_JIS and Windows' cp932 decode differently (the same byte, 0x8160, is
# U+301C '〜' read as Shift_JIS and U+FF5E '～' read as cp932 / typed in Word): one character each
_SJIS_CP932 = str.maketrans({"\u301c": "~", "\u2212": "-", "\u2016": "\u2225", "\u2014": "\u2015",
                             "\u00a2": "\uffe0", "\u00a3": "\uffe1", "\u00ac": "\uffe2"})


def normalized(text: str) -> str:
    """Claim text as compared: NFKC (full-width letters and digits as ASCII), runs of white
    space as one space and none beside a Japanese character, so a re-wrapped or re-typed
    claim is the same claim (a Japanese draft saved as PDF and as DOCX: every claim read
    'amended', its top field '4 (1%) -> 4 (1%)'), and a character Shift_JIS and cp932 read
    differently is one character ('請求項１〜３' from a Shift_JIS text file, '請求項１～３'
    from the same draft in Word)."""
    from workbench.text import join_japanese_wraps

    text = unicodedata.normalize("NFKC", join_japanese_wraps(text or "").translate(_SJIS_CP932))
    return _JA_SPACE.sub("", " ".join(text.split()))


def top_field(fields) -> FieldVerdict | None:
    """The claim's most likely field that is not "no" (None when it has none)."""
    flagged = [f for f in fields or () if getattr(f, "status", "no") != "no"]
    return max(flagged, key=lambda f: f.likelihood) if flagged else None


def compare_claims(
    old: tuple[Claim, ...],
    new: tuple[Claim, ...],
    old_fields: dict[int, tuple[FieldVerdict, ...]] | None = None,
    new_fields: dict[int, tuple[FieldVerdict, ...]] | None = None,
) -> tuple[ClaimChange, ...]:
    """Pair the claims of two versions (see the module doc), in the new version's order,
    removed claims last in their old order."""
    old_fields, new_fields = old_fields or {}, new_fields or {}
    left = {c.number: c for c in old}
    pairs: dict[int, int | None] = {}
    by_text: dict[str, list[int]] = {}
    for c in old:
        by_text.setdefault(normalized(c.text), []).append(c.number)
    for c in new:  # 1. the same text: unchanged (the same number first)
        same = [n for n in by_text.get(normalized(c.text), []) if n in left]
        if same:
            n = c.number if c.number in same else same[0]
            pairs[c.number] = n
            del left[n]
    for c in new:  # 2. the same number, else the most similar text: amended
        if c.number in pairs:
            continue
        if c.number in left and _similarity(left[c.number].text, c.text) >= SAME_NUMBER:
            pairs[c.number] = c.number
            del left[c.number]
            continue
        best, score = None, SIMILAR
        for n, o in left.items():
            r = _similarity(o.text, c.text)
            if r >= score:
                best, score = n, r
        if best is not None:
            pairs[c.number] = best
            del left[best]
    olds = {c.number: c for c in old}
    out = []
    for c in new:
        n = pairs.get(c.number)
        after = top_field(new_fields.get(c.number, ()))
        if n is None:
            out.append(ClaimChange("added", None, c.number, "", c.text, None, after))
            continue
        o = olds[n]
        kind = "unchanged" if normalized(o.text) == normalized(c.text) else "amended"
        out.append(ClaimChange(kind, n, c.number, o.text, c.text, top_field(old_fields.get(n, ())), after))
    for c in old:
        if c.number in left:
            out.append(ClaimChange("removed", c.number, None, c.text, "", top_field(old_fields.get(c.number, ())), None))
    return tuple(out)


def carry_over(
    changes: tuple[ClaimChange, ...], annotations: tuple[Annotation, ...], open_flags: tuple[ReviewFlag, ...] = ()
) -> tuple[list[dict], list[dict]]:
    """What a new version takes from the previous one's annotations (the ones in force) and
    its open re-review flags: (carried annotations, re-review flags), as event payload items.

    An annotation of an unchanged claim is carried (to the claim's new number); one of an
    amended or removed claim becomes a re-review flag. A flag still open on the previous
    version stays open on the new one while its claim is unchanged."""
    by_old = {c.old_number: c for c in changes if c.old_number is not None}
    carried, flags = [], []
    for a in annotations:
        ch = by_old.get(a.claim_number)
        if ch is None:  # the claim is in neither version's claims (e.g. a whole-text draft)
            continue
        base = {"field_id": a.field_id, "verdict": a.verdict, "note": a.note or "", "reviewer": a.reviewer,
                "from_claim": a.claim_number}
        if ch.kind == "unchanged":
            carried.append({**base, "claim_number": ch.new_number, "corrected_ipc": a.corrected_ipc, "at": a.at})
        else:
            flags.append({**base, "claim_number": ch.new_number, "reason": ch.kind})
    for f in open_flags:
        ch = by_old.get(f.claim_number) if f.claim_number is not None else None
        if ch is not None and ch.kind == "unchanged":
            flags.append({"field_id": f.field_id, "verdict": f.verdict, "note": f.note, "reviewer": f.reviewer,
                          "from_claim": f.from_claim_number, "claim_number": ch.new_number, "reason": f.reason})
    return carried, flags


def summary_counts(changes: tuple[ClaimChange, ...]) -> dict[str, int]:
    """{kind: how many claims} for every kind in CHANGE_KINDS."""
    counts = dict.fromkeys(CHANGE_KINDS, 0)
    for c in changes:
        counts[c.kind] += 1
    return counts
