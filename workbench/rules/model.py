"""The rule objects a rule set is made of: fields, their IPC entries, limitations and
additional requirements. Frozen data; the only behaviour is how an IPC entry meets a
set of codes (containment, combinations, alternatives)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from workbench.ipc.code import IpcCode, IpcRange

Symbol = IpcCode | IpcRange
Fit = Literal["inside", "broader"]


@dataclass(frozen=True)
class IpcPart:
    """One part of an entry: any of ``alternatives`` satisfies it ("F41" or "F42")."""

    alternatives: tuple[Symbol, ...]

    def __str__(self) -> str:
        texts = [str(a) for a in self.alternatives]
        return texts[0] if len(texts) == 1 else "(" + " | ".join(texts) + ")"

    def fit(self, codes: tuple[IpcCode, ...], broader: bool) -> tuple[Fit, tuple[IpcCode, ...]] | None:
        inside = tuple(c for c in codes if any(a.contains(c) for a in self.alternatives))
        if inside:
            return "inside", inside
        if broader:
            around = tuple(c for c in codes if any(a.overlaps(c) for a in self.alternatives))
            if around:
                return "broader", around
        return None


@dataclass(frozen=True)
class EntryFit:
    entry: IpcEntry
    fit: Fit  # "inside": the codes lie in the entry; "broader": a code is coarser than it
    codes: tuple[IpcCode, ...]


@dataclass(frozen=True)
class IpcEntry:
    """A field's IPC definition item: a symbol, a range, or a combination (all parts needed)."""

    parts: tuple[IpcPart, ...]
    verified: bool = False
    editions: str | None = None  # e.g. "<2025.01": the IPC editions the symbol belongs to
    source: tuple[str, ...] = ()
    note: str = ""
    line: int | None = None

    @property
    def is_combination(self) -> bool:
        return len(self.parts) > 1

    @property
    def text(self) -> str:
        return " + ".join(str(p) for p in self.parts)

    def __str__(self) -> str:
        return self.text

    def symbols(self) -> tuple[Symbol, ...]:
        return tuple(a for p in self.parts for a in p.alternatives)

    def fit(self, codes: tuple[IpcCode, ...], broader: bool = False) -> EntryFit | None:
        """How ``codes`` meet this entry: every part needs a code; None if any part has none."""
        matched: list[IpcCode] = []
        kind: Fit = "inside"
        for part in self.parts:
            got = part.fit(codes, broader)
            if got is None:
                return None
            if got[0] == "broader":
                kind = "broader"
            matched.extend(c for c in got[1] if c not in matched)
        return EntryFit(self, kind, tuple(matched))


@dataclass(frozen=True)
class Limitation:
    """The field counts only when one of ``requires_terms`` is evidenced (e.g. U/Pu)."""

    requires_terms: tuple[str, ...]
    verified: bool = False
    note: str = ""


@dataclass(frozen=True)
class AdditionalRequirement:
    """付加要件: when ``applies``, the field needs defence use or State-funded R&D."""

    applies: bool
    wording_en: str = ""
    wording_ja: str = ""
    verified: bool = False
    note: str = ""


@dataclass(frozen=True)
class TermCondition:
    """An evidence term that counts only with a context word in the same text
    (``with_any``, e.g. "unmanned aerial vehicle" with a weapon word) and not as part of
    a longer word (``exclude``, e.g. 重水 inside 重水素)."""

    term: str
    with_any: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class FieldRule:
    id: int
    name_en: str
    name_ja: str
    ipc: tuple[IpcEntry, ...]
    additional_requirement: AdditionalRequirement
    terms_en: tuple[str, ...] = ()
    terms_ja: tuple[str, ...] = ()
    limitation: Limitation | None = None
    verified: bool = False
    name_verified: bool = False
    source: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    term_conditions: tuple[TermCondition, ...] = ()  # terms that need context (see TermCondition)
    origin: str = ""  # the file that defined this field (installed or user folder)
    line: int | None = None

    @property
    def terms(self) -> tuple[str, ...]:
        return self.terms_en + self.terms_ja

    @property
    def codes(self) -> tuple[str, ...]:
        """The IPC entries as text, e.g. ("B63C 7/26 + F41", "G21C 19/42-19/50")."""
        return tuple(e.text for e in self.ipc)

    @property
    def verified_entries(self) -> tuple[IpcEntry, ...]:
        return tuple(e for e in self.ipc if e.verified)

    @property
    def verification(self) -> str:
        """"verified" (the whole field), "partial" (some IPC entries or the name) or "unverified"."""
        if self.verified:
            return "verified"
        if self.verified_entries or self.name_verified:
            return "partial"
        return "unverified"


@dataclass(frozen=True)
class TermHit:
    """An evidence term of field ``field_id`` found at ``text[start:end]``."""

    field_id: int
    term: str
    start: int
    end: int
    language: str = ""


@dataclass(frozen=True)
class RuleSetInfo:
    """What identifies a rule set in a verdict: name, version, checksum and files."""

    name: str
    version: str
    checksum: str
    effective_date: str = ""
    ipc_edition: str = ""
    sources: tuple[str, ...] = field(default_factory=tuple)
