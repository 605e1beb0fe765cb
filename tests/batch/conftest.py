"""Fixtures the batch and rescreen tests share."""

from __future__ import annotations

import pytest


@pytest.fixture
def interrupt_at_second_recording(monkeypatch):
    """Call it to make TriageLog.record_verdict raise KeyboardInterrupt just after the second
    verdict's COMMIT (where a Ctrl-C lands while a verdict is being written); it returns the ids
    recorded so far. Armed by the call, so a test can fill its log first."""
    from workbench.store import TriageLog

    real = TriageLog.record_verdict
    calls: list[int] = []

    def record(self, verdict, reviewer=None, **kw):
        draft_id = real(self, verdict, reviewer, **kw)
        calls.append(draft_id)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return draft_id

    def arm() -> list[int]:
        monkeypatch.setattr(TriageLog, "record_verdict", record)
        return calls

    return arm
