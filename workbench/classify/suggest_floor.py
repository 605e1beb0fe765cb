"""The confidence floor of the IPC suggestions: below it a screen says "no confident IPC
suggestion" (screening I432) instead of listing codes that are noise.

Kept apart from ``suggest.py`` (the suggester itself, which needs numpy/scikit-learn) so the
window can apply it without loading the classifier. It is a code constant, not part of the
model file: it was chosen by ``benchmarks/ipc_floor.py`` on the **calibration split** of the
office-coded records (first claims and drone titles, each source on its own; never the test
split nor the 140 uspto-grants) as the lowest value, on a 0.005 grid, at which the first
suggestion shown is one of the office's subclasses for at least half of the records whose
first suggestion reaches it (FLOOR_PRECISION), in every source. A retrained model moves the
suggester's shown confidences: run the benchmark again and set the value it prints
(docs/quality.md, "IPC suggestions")."""

from __future__ import annotations

from collections.abc import Iterable

CONFIDENCE_FLOOR = 0.095  # benchmarks/ipc_floor.py on model 20261202.181522 (docs/quality.md)
FLOOR_PRECISION = 0.5  # the share of first suggestions right at and above the floor, in each calibration source
SHOWN_MAX = 5  # suggestions a screen lists at most


def confident(ipc: Iterable, floor: float = CONFIDENCE_FLOOR, at_most: int = SHOWN_MAX) -> tuple:
    """The suggestions a screen lists: those whose shown confidence (``.score``) reaches the floor,
    best first, at most ``at_most``. Empty: say "no confident IPC suggestion" (I432)."""
    return tuple(s for s in ipc if float(s.score) >= floor)[:at_most]
