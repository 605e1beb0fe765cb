"""Finding where each numbered claim starts and ends in a claims section.

Pure text work (regexes from ``patterns/<lang>.json``), so it is fast and
keeps exact character offsets. Numbering must run 1, 2, 3...: a number at the
start of a line that breaks the sequence ("5. degrees" wrapped onto a new
line inside claim 2) is text, not a label. A real gap in the numbering is
accepted and noted. Cancelled claims ("5. (canceled)", "1-18. (canceled)",
【請求項５】（削除）) keep their place in the numbering but are not claims.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from workbench.claims.patterns import ClaimPatterns, ascii_digits
from workbench.messages import claims as N
from workbench.messages import Message, msg


_MAX_GAP = 200  # missing numbers looked for in other label styles, per gap
_NESTED_INDENT = 4  # a label a tab (4 columns) or more deeper than claim 1's is a list inside a claim


@dataclass(frozen=True)
class RawClaim:
    number: int
    start: int  # offset of the claim text (after its label) in the section text
    end: int
    label_start: int


@dataclass(frozen=True)
class _Label:
    number: int
    label_start: int
    text_start: int
    last: int | None = None  # "1-18. (canceled)" covers 1..18
    cancelled: bool = False
    indent: int = 0  # columns of white space before the number on its line (a tab counts 4)

    @property
    def top(self) -> int:
        return self.last if self.last and self.last >= self.number else self.number


def _section_end(text: str, after: int, patterns: ClaimPatterns) -> int:
    """Where the claims stop: the first following section heading (Abstract, 【書類名】明細書...)."""
    end = len(text)
    for rx in patterns.section_end:
        m = rx.search(text, after)
        if m and m.start() < end:
            end = m.start()
    return end


def _labels(norm: str, regex, cancelled: list[_Label]) -> list[_Label]:
    found = {c.label_start: c for c in cancelled}
    covered = [(c.label_start, c.text_start) for c in cancelled]
    for m in regex.finditer(norm):
        if any(s <= m.start() < e for s, e in covered):
            continue
        found.setdefault(m.start(), _Label(int(m.group("num")), m.start(), m.end(), indent=_indent(norm, m.start("num"))))
    return [found[k] for k in sorted(found)]


def _indent(norm: str, pos: int) -> int:
    """Columns of white space between the start of the line and ``pos`` (tab = 4); -1 when
    something else stands before it on the line (a label after a sentence)."""
    line_start = norm.rfind("\n", 0, pos) + 1
    lead = norm[line_start:pos]
    if lead.strip():
        return -1
    return lead.count("\t") * 4 + len(lead.replace("\t", ""))


def _cancelled(norm: str, patterns: ClaimPatterns) -> list[_Label]:
    out = []
    for m in patterns.cancelled.finditer(norm):
        last = m.group("last")
        out.append(_Label(int(m.group("num")), m.start(), m.end(), int(last) if last else None, True))
    return out


class _Remaining:
    """A multiset of claim numbers with O(log n) removal and "is any number in (lo, hi)?"
    (a Fenwick tree over the distinct numbers): a list with ``del`` made the sequence
    search quadratic, 31 s for a hostile text of 400,000 lines "1. x"."""

    def __init__(self, numbers: list[int]) -> None:
        self.keys = sorted(set(numbers))
        self.tree = [0] * (len(self.keys) + 1)
        for n in numbers:
            self._add(bisect.bisect_left(self.keys, n) + 1, 1)

    def _add(self, i: int, delta: int) -> None:
        while i < len(self.tree):
            self.tree[i] += delta
            i += i & -i

    def _prefix(self, i: int) -> int:
        total = 0
        while i > 0:
            total += self.tree[i]
            i -= i & -i
        return total

    def remove(self, n: int) -> None:
        self._add(bisect.bisect_left(self.keys, n) + 1, -1)

    def any_between(self, lo: int, hi: int) -> bool:
        """Is a remaining number > lo and < hi?"""
        return self._prefix(bisect.bisect_left(self.keys, hi)) - self._prefix(bisect.bisect_right(self.keys, lo)) > 0


def _sequence(labels: list[_Label]) -> tuple[list[_Label], list[Message]]:
    """Keep the labels that form the claim numbering 1, 2, 3... (gaps allowed, noted)."""
    notes: list[Message] = []
    if not labels:
        return [], notes
    numbers = [lab.number for lab in labels]
    first = 1 if 1 in numbers else min(numbers)
    if first != 1:
        notes.append(msg(N.N205, first=first))
    remaining = _Remaining(numbers)  # numbers of the labels not yet visited, for the gap test
    chosen: list[_Label] = []
    expected = first
    # a label indented deeper than claim 1's is a list inside a claim ("1. a frame; 2. a lid"):
    # always when a tab or more deeper; a little deeper only when the outer list has its number later
    base = next((lab.indent for lab in labels if lab.number == first), 0)
    last_at_base: dict[int, int] = {}  # number -> index of its last label at claim 1's indentation
    for k, lab in enumerate(labels):
        if 0 <= lab.indent <= base:
            last_at_base[lab.number] = k
    for k, lab in enumerate(labels):
        remaining.remove(lab.number)
        if lab.indent > base >= 0 and chosen and (
            lab.indent - base >= _NESTED_INDENT or last_at_base.get(lab.number, -1) > k or lab.number != expected
        ):
            continue  # deeper than claim 1: a list inside a claim, never a jump in the claim numbering
        if lab.number == expected:
            chosen.append(lab)
            expected = lab.top + 1
        elif lab.number > expected and chosen:
            # A gap: accept only when no label later fills it (else this one is text).
            last = chosen[-1].top
            if not remaining.any_between(last, lab.number):
                notes.append(msg(N.N206, last=last, next=lab.number))
                chosen.append(lab)
                expected = lab.top + 1
    return chosen, notes


def _fill_gaps(norm: str, best: list[_Label], notes: list[Message], patterns: ClaimPatterns, cancelled: list[_Label]):
    """Numbers missing from the chosen sequence may be labelled in another way
    ("I claim: 1. A lamp..." on the heading line, then "2." at line starts):
    take a label of exactly the missing number from the other patterns, only
    where it fits between its neighbours."""
    missing_before_first = best[0].number > 1
    gaps = [(a, b) for a, b in zip(best, best[1:]) if b.number > a.top + 1]
    if not missing_before_first and not gaps:
        return best, notes
    by_number: dict[int, list[_Label]] = {}
    for label in patterns.labels:
        for lab in _labels(norm, label.regex, cancelled):
            by_number.setdefault(lab.number, []).append(lab)
    for labs in by_number.values():
        labs.sort(key=lambda x: x.label_start)

    def find(number: int, lo: int, hi: int) -> _Label | None:
        """The first label of ``number`` starting after ``lo`` whose text starts before ``hi``."""
        for lab in by_number.get(number, ()):
            if lab.label_start > lo and lab.text_start <= hi:
                return lab
        return None

    added: list[_Label] = []
    spans = []
    if missing_before_first:
        spans.append((0, best[0].number, -1, best[0].label_start))
    spans += [(a.top + 1, b.number, a.text_start - 1, b.label_start) for a, b in gaps]
    for first, stop, lo, hi in spans:
        if stop - first > _MAX_GAP:
            continue
        for number in range(max(first, 1), stop):
            lab = find(number, lo, hi)
            if lab is None:
                break
            added.append(lab)
            lo = lab.label_start
    if not added:
        return best, notes
    merged = sorted({lab.label_start: lab for lab in [*best, *added]}.values(), key=lambda x: x.label_start)
    return _sequence(merged)


def find_claims(text: str, patterns: ClaimPatterns) -> tuple[list[RawClaim], list[Message]]:
    """Split ``text`` (a claims section) into numbered claims with exact offsets."""
    norm = ascii_digits(text)
    cancelled = _cancelled(norm, patterns)
    best: list[_Label] = []
    notes: list[Message] = []
    for label in patterns.labels:
        chosen, label_notes = _sequence(_labels(norm, label.regex, cancelled))
        if sum(not x.cancelled for x in chosen) > sum(not x.cancelled for x in best):
            best, notes = chosen, label_notes
        if len(best) >= 2:
            break
    if not best:
        return [], notes
    best, notes = _fill_gaps(norm, best, notes, patterns, cancelled)
    stop = _section_end(norm, best[0].text_start, patterns)
    best = [lab for lab in best if lab.label_start < stop]
    claims: list[RawClaim] = []
    for i, lab in enumerate(best):
        if lab.cancelled:
            continue
        end = best[i + 1].label_start if i + 1 < len(best) else stop
        start = lab.text_start
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        claims.append(RawClaim(lab.number, start, end, lab.label_start))
    skipped = [lab for lab in best if lab.cancelled]
    if skipped:
        labels = tuple(f"{x.number}-{x.top}" if x.top != x.number else str(x.number) for x in skipped)
        notes.append(msg(N.N207, labels=labels))
    return claims, notes
