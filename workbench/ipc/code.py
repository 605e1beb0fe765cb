"""IPC symbols: parsing the spellings people and offices write, and the hierarchy.

Accepted spellings (full-width characters are folded first)::

    "F"  "F41"  "F41H"                  section, class, subclass
    "F41H 3/00"  "F41H3/00"  "f41h 3/00"  main group ("/00")
    "F41H 3/02"  "F41H 3/02 (2006.01)"     subgroup (an edition tag is dropped)
    "F41H0003000000"  "F41H0003020000"     the 14-character WIPO form
    "B01D 59"                              a main group written without "/00"
    "G06F 21/86 230"  "F41H 3/02 Z"        JPO FI symbols: the IPC part is kept

The dot hierarchy of subgroups (which subgroup is indented under which) is not
derivable from the numbers, so containment is approximated: a main group contains
all its subgroups; a subgroup contains itself and its decimal extensions (8/28
contains 8/285, not 8/30); a range "G21C 19/42-19/50" contains every subgroup
numerically between its ends, plus the decimal extensions of its last end.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Literal

from workbench.errors import E301, E306, IpcError
from workbench.messages import M, msg

IpcLevel = Literal["section", "class", "subclass", "main_group", "subgroup"]
LEVELS: tuple[IpcLevel, ...] = ("section", "class", "subclass", "main_group", "subgroup")

# Dashes people use between the ends of a range.
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u301c\uff5e~"
_EDITION_TAG = re.compile(r"[(\[]\s*\d{4}\s*[.-]\s*\d{2}\s*[)\]]\s*$")
# A JPO FI symbol is an IPC group plus an optional 3-digit subdivision and file
# discrimination letter ("G06F 21/86 230", "F41H 3/02 Z", "F41H3/02@Z"): keep the IPC part.
_FI_SUFFIX = re.compile(r"(/\s*\d{2,6})(?:\s*,?\s*\d{3})?(?:\s*[@,]?\s*[A-Z])?$")
_SECTION = re.compile(r"^([A-H])$")
_CLASS = re.compile(r"^([A-H])(\d{2})$")
_SUBCLASS = re.compile(r"^([A-H])(\d{2})([A-Z])$")
_GROUP = re.compile(r"^([A-H])(\d{2})([A-Z])\s*(\d{1,4})(?:\s*/\s*(\d{2,6}))?$")
_SYMBOL14 = re.compile(r"^([A-H])(\d{2})([A-Z])(\d{4})(\d{6})$")


def _fold(text: str) -> str:
    """Full-width to ASCII, trimmed, upper case, inner whitespace collapsed."""
    text = unicodedata.normalize("NFKC", str(text))
    return re.sub(r"\s+", " ", text).strip().upper()


def _subgroup_key(subgroup: str) -> str:
    """IPC subgroups are decimal fractions: 28 < 285 < 30. Pad right to compare."""
    return subgroup.ljust(6, "0")


@dataclass(frozen=True, order=False)
class IpcCode:
    """One IPC symbol at any level; missing parts are empty strings.

    ``subgroup`` is the digits after "/" without padding ("00" for a main group,
    "02", "0352", ...). Compare codes with ``contains``; ``str()`` is canonical.
    """

    section: str
    class_: str = ""
    subclass: str = ""
    main_group: str = ""
    subgroup: str = ""
    # Precomputed for fast containment tests (not part of identity).
    _depth: int = field(default=0, init=False, repr=False, compare=False)
    _parts: tuple = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.main_group:  # one spelling per code: "3/00", never "03/" or "3/"
            object.__setattr__(self, "main_group", str(int(self.main_group)))
            object.__setattr__(self, "subgroup", self.subgroup or "00")
        if not self.class_:
            depth = 0
        elif not self.subclass:
            depth = 1
        elif not self.main_group:
            depth = 2
        elif self.subgroup in ("", "00"):
            depth = 3
        else:
            depth = 4
        object.__setattr__(self, "_depth", depth)
        mg = int(self.main_group) if self.main_group else -1
        object.__setattr__(self, "_parts", (self.section, self.class_, self.subclass, mg))

    @property
    def level(self) -> IpcLevel:
        return LEVELS[self._depth]

    @property
    def depth(self) -> int:
        return self._depth

    @property
    def subclass_symbol(self) -> str:
        """"F41H" (or shorter when the code is coarser)."""
        return f"{self.section}{self.class_}{self.subclass}"

    @property
    def main_group_code(self) -> IpcCode:
        """The main group containing this code (itself if coarser)."""
        if self.depth < 3:
            return self
        return IpcCode(self.section, self.class_, self.subclass, self.main_group, "00")

    @property
    def symbol14(self) -> str:
        """The 14-character WIPO form, "F41H0003000000" (shorter for coarse codes)."""
        if self.depth < 3:
            return self.subclass_symbol
        return f"{self.subclass_symbol}{int(self.main_group):04d}{_subgroup_key(self.subgroup or '00')}"

    def __str__(self) -> str:
        if self.depth < 3:
            return self.subclass_symbol
        return f"{self.subclass_symbol} {int(self.main_group)}/{self.subgroup or '00'}"

    def parent(self) -> IpcCode | None:
        """The next coarser level (a subgroup's parent is its main group)."""
        level = self.level
        if level == "section":
            return None
        if level == "class":
            return IpcCode(self.section)
        if level == "subclass":
            return IpcCode(self.section, self.class_)
        if level == "main_group":
            return IpcCode(self.section, self.class_, self.subclass)
        return self.main_group_code

    def ancestors(self) -> tuple[IpcCode, ...]:
        """Section first, this code excluded."""
        chain = []
        node = self.parent()
        while node is not None:
            chain.append(node)
            node = node.parent()
        return tuple(reversed(chain))

    def sort_key(self) -> tuple:
        return (
            self.section,
            self.class_,
            self.subclass,
            int(self.main_group) if self.main_group else -1,
            _subgroup_key(self.subgroup) if self.main_group else "",
        )

    def contains(self, other: IpcCode) -> bool:
        """True when ``other`` lies inside this code (a code contains itself)."""
        depth = self._depth
        if other._depth < depth:
            return False
        n = depth + 1 if depth < 4 else 4
        if self._parts[:n] != other._parts[:n]:
            return False
        return depth < 4 or other.subgroup.startswith(self.subgroup)

    def overlaps(self, other: IpcCode) -> bool:
        return self.contains(other) or other.contains(self)


@dataclass(frozen=True)
class IpcRange:
    """Subgroups from ``start`` to ``end`` (inclusive) within one subclass."""

    start: IpcCode
    end: IpcCode

    def __str__(self) -> str:
        return f"{self.start}-{int(self.end.main_group)}/{self.end.subgroup}"

    @property
    def level(self) -> IpcLevel:
        return "subgroup"

    @property
    def subclass_symbol(self) -> str:
        return self.start.subclass_symbol

    def contains(self, other: IpcCode) -> bool:
        if other.depth < 3 or other.subclass_symbol != self.start.subclass_symbol:
            return False
        if self.end.contains(other):
            return True  # the last end and its decimal extensions
        lo = (int(self.start.main_group), _subgroup_key(self.start.subgroup))
        hi = (int(self.end.main_group), _subgroup_key(self.end.subgroup))
        key = (int(other.main_group), _subgroup_key(other.subgroup or "00"))
        return lo <= key <= hi

    def overlaps(self, other: IpcCode) -> bool:
        """``other`` is inside the range or is a coarser code around part of it."""
        return self.contains(other) or other.contains(self.start) or other.contains(self.end)

    def members(self) -> tuple[IpcCode, ...]:
        """The two ends (for display and tests)."""
        return (self.start, self.end)


def _strip_edition(text: str) -> str:
    text = _EDITION_TAG.sub("", text).strip()
    return _FI_SUFFIX.sub(r"\1", text)


def parse_ipc(text: str | IpcCode) -> IpcCode:
    """Parse one IPC symbol; raise ``IpcError(E301)`` when it is not one."""
    if isinstance(text, IpcCode):
        return text
    if not isinstance(text, str):
        raise IpcError(E301, symbol=repr(text))
    return _parse_text(text)


@lru_cache(maxsize=65536)
def _parse_text(text: str) -> IpcCode:
    folded = _strip_edition(_fold(text))
    if m := _SYMBOL14.match(folded.replace(" ", "")):
        sec, cls, sub, mg, sg = m.groups()
        sg = sg.rstrip("0").ljust(2, "0")
        if int(mg) == 0:
            raise IpcError(E301, symbol=text)
        return IpcCode(sec, cls, sub, str(int(mg)), sg)
    if m := _GROUP.match(folded):
        sec, cls, sub, mg, sg = m.groups()
        if int(mg) == 0:
            raise IpcError(E301, symbol=text)
        return IpcCode(sec, cls, sub, str(int(mg)), sg or "00")
    if m := _SUBCLASS.match(folded):
        return IpcCode(*m.groups())
    if m := _CLASS.match(folded):
        return IpcCode(*m.groups())
    if m := _SECTION.match(folded):
        return IpcCode(m.group(1))
    raise IpcError(E301, symbol=text)


def try_parse_ipc(text: str | IpcCode) -> IpcCode | None:
    """Like :func:`parse_ipc` but None for text that is not IPC (e.g. CPC-only "Y02E")."""
    try:
        return parse_ipc(text)
    except IpcError:
        return None


def is_range(text: str) -> bool:
    folded = _strip_edition(_fold(text))
    return any(d in folded for d in _DASHES)


def parse_range(text: str) -> IpcRange:
    """Parse "G21C 19/42-19/50" (also "–", "G21C19/42-G21C19/50", "G21C 19/42-50")."""
    folded = _strip_edition(_fold(text))
    parts = re.split("[" + re.escape(_DASHES) + "]", folded)
    if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
        raise IpcError(E306, text=text, detail=msg(M.D312))
    left, right = parts[0].strip(), parts[1].strip()
    try:
        start = parse_ipc(left)
    except IpcError:
        raise IpcError(E301, symbol=text) from None  # not IPC at all, e.g. "NOT-IPC"
    if start.depth < 3:
        raise IpcError(E306, text=text, detail=msg(M.D313))
    if re.fullmatch(r"\d{2,6}", right):
        right = f"{start.subclass_symbol} {int(start.main_group)}/{right}"
    elif re.fullmatch(r"\d{1,4}\s*/\s*\d{2,6}", right):
        right = f"{start.subclass_symbol} {right}"
    try:
        end = parse_ipc(right)
    except IpcError:
        raise IpcError(E306, text=text, detail=msg(M.D314, group=parts[1].strip())) from None
    if end.depth < 3 or end.subclass_symbol != start.subclass_symbol:
        raise IpcError(E306, text=text, detail=msg(M.D315))
    if end.sort_key() < start.sort_key():
        raise IpcError(E306, text=text, detail=msg(M.D316))
    return IpcRange(start, end)


def parse_ipc_or_range(text: str) -> IpcCode | IpcRange:
    """A rule entry: one symbol, or a range when the text holds a dash."""
    return parse_range(text) if is_range(text) else parse_ipc(text)
