"""Plain-function stand-ins for the classifier, for tests about the UI (not about
classification quality): real ingest + real claim splitting, fixed field scores."""

from __future__ import annotations

import re

from workbench.domain import ClaimVerdict, DraftVerdict, Evidence, FieldVerdict, IpcScore
from workbench.errors import WorkbenchError

_WORD = re.compile(r"[A-Za-z]{7,}")


def fake_classify(draft) -> DraftVerdict:
    """A deterministic stand-in for the classifier: field 1 for every claim, with the
    first long word of the claim as evidence. Used where a test is about the UI, not
    about classification quality."""
    from workbench.claims import extract_claims

    claims = extract_claims(draft)
    cvs = []
    for c in claims.claims:
        m = _WORD.search(c.text)
        ev = (Evidence(1, m.group(0), "claim", m.start(), m.end(), 1.0, c.number),) if m else ()
        fv = FieldVerdict(1, "possible", 0.3, "Test field one", "テスト分野", ("test",), ev, False)
        fv2 = FieldVerdict(2, "no", 0.05, "Test field two", "テスト分野二", (), (), True)
        cvs.append(ClaimVerdict(c.number, (fv, fv2), (IpcScore("F41H", 0.4, "Armour"),), ev))
    top = FieldVerdict(1, "possible", 0.3, "Test field one", "テスト分野", ("test",), (), False)
    return DraftVerdict(draft, claims, "review", (top,), (IpcScore("F41H", 0.4, "Armour"),), tuple(cvs))


def fake_screen_files(paths, *, answers=None, thresholds=None, should_cancel=None, **_):
    from workbench.ingest import read_draft

    for p in paths:
        if should_cancel is not None and should_cancel():
            return
        try:
            yield p, fake_classify(read_draft(p))
        except WorkbenchError as exc:
            yield p, exc




def slow_fake_screen_files(paths, **kw):
    """As fake_screen_files, but each file takes a while (a slow PDF, say): for cancelling."""
    import time

    for item in fake_screen_files(paths, **kw):
        yield item
        time.sleep(0.3)  # runs in the screening process, not in the test


def crash(should_cancel=None):
    """A pipeline that dies mid-call (as a native crash would)."""
    import os

    os._exit(3)
    yield  # pragma: no cover - makes this a generator function


def wait_for_log_write(window, qtbot, timeout: int = 10_000) -> None:
    """Let the pending write to the triage log (a decision or an annotation, which runs
    in a worker off the GUI thread) finish, the event loop running meanwhile."""
    qtbot.waitUntil(lambda: not window.log_write_pending(), timeout=timeout)
