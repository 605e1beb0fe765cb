"""Derive sample codes from a loaded rule set (never from a hard-coded list of fields):
a code inside each entry, and a sibling code just outside the field."""

from __future__ import annotations

from workbench.ipc import IpcCode, IpcRange, parse_ipc
from workbench.rules import FieldRule, IpcEntry


def inside(symbol: IpcCode | IpcRange) -> IpcCode:
    """A full code (group level) that lies inside ``symbol``."""
    if isinstance(symbol, IpcRange):
        return symbol.start
    level = symbol.level
    if level == "section":
        return parse_ipc(f"{symbol.section}01B 1/00")
    if level == "class":
        return parse_ipc(f"{symbol.subclass_symbol}B 1/00")
    if level == "subclass":
        return parse_ipc(f"{symbol} 1/00")
    if level == "main_group":
        return parse_ipc(f"{symbol.subclass_symbol} {symbol.main_group}/02")
    return symbol


def entry_codes(entry: IpcEntry) -> list[IpcCode]:
    """One code per part of the entry: together they satisfy it."""
    return [inside(part.alternatives[0]) for part in entry.parts]


def _candidates(code: IpcCode):
    if code.level == "subgroup":
        n, width = int(code.subgroup), len(code.subgroup)
        for delta in (1, 2, 3, -1, -2, 10, 20):
            if n + delta > 0:
                yield parse_ipc(f"{code.subclass_symbol} {code.main_group}/{n + delta:0{width}d}")
    if code.depth >= 3:
        for delta in (1, 2, 3, -1, -2, 5, 10):
            mg = int(code.main_group) + delta
            if mg > 0:
                yield parse_ipc(f"{code.subclass_symbol} {mg}/00")
    for letter in "BCDEFGHJKLMNPQRSTUVWXYZ":
        if letter != code.subclass:
            yield parse_ipc(f"{code.section}{code.class_}{letter} 1/00")
    for delta in (1, -1, 2, -2, 3, -3):
        number = int(code.class_) + delta
        if 0 < number < 100:
            yield parse_ipc(f"{code.section}{number:02d}{code.subclass} 1/00")


def in_field(field: FieldRule, code: IpcCode) -> bool:
    return any(alt.contains(code) for e in field.ipc for p in e.parts for alt in p.alternatives)


def sibling(field: FieldRule, code: IpcCode) -> IpcCode:
    """A nearby code (same main group or subclass where possible) outside every entry of the field."""
    for candidate in _candidates(code):
        if not in_field(field, candidate):
            return candidate
    raise AssertionError(f"no sibling outside field {field.id} near {code}")  # pragma: no cover
