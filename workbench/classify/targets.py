"""Which IPC groups the model must predict below subclass level: the ones the rule set
names (read from the rule set - rules are data; nothing is hard-coded here)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from workbench.ipc.code import parse_ipc, parse_ipc_or_range


@dataclass(frozen=True)
class Target:
    label: str  # as written in the rule: "F41H 3/00", "G21C 19/42-19/50"
    code: str  # a representative code inside it, given to rs.match ("G21C 19/42")
    field_ids: tuple[int, ...]


def entry_parts(entry) -> list[list[str]]:
    """An IPC entry as parts (all needed) of alternatives (any one suffices), as text."""
    return [[str(a) for a in part.alternatives] for part in entry.parts]


def is_group_level(symbol: str) -> bool:
    return "/" in symbol


def representative(label: str) -> str:
    return label.replace("–", "-").split("-")[0].strip()


def rule_targets(rs) -> tuple[Target, ...]:
    """Group-level symbols and ranges named anywhere in the rule set (subclass- and
    class-level ones are covered by the subclass labels)."""
    found: dict[str, set[int]] = {}
    for f in rs.fields:
        for entry in f.ipc:
            for part in entry_parts(entry):
                for sym in part:
                    if is_group_level(sym):
                        found.setdefault(sym, set()).add(int(f.id))
    return tuple(Target(k, representative(k), tuple(sorted(v))) for k, v in sorted(found.items()))


@lru_cache(maxsize=4096)
def _symbol(label: str):
    return parse_ipc_or_range(label)


@lru_cache(maxsize=200_000)
def target_contains(label: str, code: str) -> bool:
    """Is ``code`` inside the rule symbol ``label`` (class, subclass, group, subgroup or
    range), by the IPC package's own containment rules?"""
    try:
        return bool(_symbol(label).contains(parse_ipc(code)))
    except Exception:  # noqa: BLE001 - a malformed code in the data simply does not count
        return False
