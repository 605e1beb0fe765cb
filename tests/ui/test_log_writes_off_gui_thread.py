"""Saving a decision or an annotation never freezes the window.

Found by a GUI walk: with the triage log locked by another program (a second instance
mid-transaction, a backup tool) 'Save decision' and 'Annotate' waited out SQLite's busy
timeout on the GUI thread, the window frozen, before the E502 message. The writes now run
in the app's worker on their own connection: the event loop keeps running (a heartbeat
timer is measured), the same coded message arrives, nothing typed is lost, and a retry
stores the change exactly once with the hash chain intact.
"""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from PySide6.QtCore import QTimer
from ui_fakes import wait_for_log_write

from workbench.ui import backend

LOCK_WAIT = 1.0  # seconds a write waits for the lock here (the app's default is the store's 5 s)
MAX_GAP = 0.2  # the longest the event loop may stall while a write waits


class Heartbeat:
    """A 20 ms timer on the GUI thread; the longest gap between its ticks is how long
    the event loop (the window) stood still."""

    def __init__(self) -> None:
        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(lambda: self.ticks.append(time.monotonic()))

    def __enter__(self) -> "Heartbeat":
        self.ticks.append(time.monotonic())
        self.timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self.timer.stop()
        self.ticks.append(time.monotonic())

    @property
    def longest_gap(self) -> float:
        return max(b - a for a, b in zip(self.ticks, self.ticks[1:]))


def _lock(db_path: str, how: str = "EXCLUSIVE") -> sqlite3.Connection:
    """Another program holding the log mid-transaction."""
    other = sqlite3.connect(db_path, isolation_level=None, timeout=0)
    other.execute(f"BEGIN {how}")
    return other


def _release(other: sqlite3.Connection) -> None:
    other.execute("ROLLBACK")
    other.close()


@pytest.fixture
def shown(window, open_example):
    window.log_write_timeout = LOCK_WAIT
    notes = []
    window.session.notes.connect(notes.append)
    return window, open_example(), notes


def _events(window, kind: str) -> int:
    return sum(1 for e in window.session.log.history() if e.kind == kind)


@pytest.mark.parametrize("how", ["IMMEDIATE", "EXCLUSIVE"])
def test_save_decision_on_a_locked_log_keeps_the_window_running_and_the_form_filled(shown, qtbot, how):
    window, row, notes = shown
    panel = window.decision_panel
    log = window.session.log
    panel.decision.setCurrentIndex(panel.decision.findData("prior_confirmation"))
    panel.rationale.setPlainText("Sonar navigation may fall in field 9; ask the JPO.")
    panel.countries.setText("US, EP")
    other = _lock(window.session.db_path, how)
    try:
        with Heartbeat() as beat:
            started = time.monotonic()
            panel.save_button.click()
            assert window.log_write_pending()
            assert not panel.save_button.isEnabled()  # one pending write: no second press
            assert "Saving the decision" in window.statusBar().currentMessage()
            wait_for_log_write(window, qtbot)
            waited = time.monotonic() - started
    finally:
        _release(other)
    assert waited >= LOCK_WAIT * 0.8  # it really waited for the lock ...
    assert beat.longest_gap < MAX_GAP, f"the window stood still {beat.longest_gap:.3f} s"  # ... off the GUI thread
    assert [n.code for n in notes if n.code] == ["E502"]  # the same coded message as before
    assert panel.rationale.toPlainText() == "Sonar navigation may fall in field 9; ask the JPO."  # nothing typed lost
    assert panel.countries.text() == "US, EP" and panel.decision.currentData() == "prior_confirmation"
    assert panel.save_button.isEnabled() and panel.save_button.text() == "Save decision"
    assert log.draft(row.draft_id).decision is None and _events(window, "decision.recorded") == 0

    panel.save_button.click()  # the lock is gone: the same form, saved as it is
    wait_for_log_write(window, qtbot)
    decisions = log.draft(row.draft_id).decisions
    assert len(decisions) == 1 and _events(window, "decision.recorded") == 1  # once, not twice
    assert decisions[0].rationale.startswith("Sonar navigation") and decisions[0].planned_countries == ("US", "EP")
    assert log.verify().ok
    assert panel.rationale.toPlainText() == "" and panel.history.count() == 1
    queued = window.queue_model.row_at(window.queue_model.find(row.key))
    assert queued.decision == "prior_confirmation" and queued.status == "decided"


def test_annotate_on_a_locked_log_keeps_the_window_running_and_the_note_typed(shown, qtbot):
    window, row, notes = shown
    view = window.draft_view
    log = window.session.log
    view.ann_note.setText("sonar is civil here")
    view.ann_ipc.setText("G01S 15/00")
    other = _lock(window.session.db_path, "IMMEDIATE")
    try:
        with Heartbeat() as beat:
            view.disagree_button.click()
            assert window.log_write_pending()
            assert not view.agree_button.isEnabled() and not view.disagree_button.isEnabled()
            assert "Saving the annotation" in window.statusBar().currentMessage()
            window.act_agree.trigger()  # Ctrl+1 while it waits: not a second annotation
            wait_for_log_write(window, qtbot)
    finally:
        _release(other)
    assert beat.longest_gap < MAX_GAP, f"the window stood still {beat.longest_gap:.3f} s"
    assert [n.code for n in notes if n.code] == ["E502"]
    assert (view.ann_note.text(), view.ann_ipc.text()) == ("sonar is civil here", "G01S 15/00")
    assert view.agree_button.isEnabled() and view.disagree_button.isEnabled()
    assert log.draft(row.draft_id).annotations == () and view.annotations.count() == 0

    view.disagree_button.click()
    wait_for_log_write(window, qtbot)
    anns = log.draft(row.draft_id).annotations
    assert len(anns) == 1 and _events(window, "annotation.added") == 1
    assert (anns[0].verdict, anns[0].note, anns[0].corrected_ipc) == ("disagree", "sonar is civil here", "G01S 15/00")
    assert view.annotations.count() == 1 and view.ann_note.text() == "" and view.ann_ipc.text() == ""
    assert log.verify().ok


def test_a_lock_released_during_the_wait_stores_the_decision_once_despite_repeated_presses(shown, qtbot):
    window, row, notes = shown
    panel = window.decision_panel
    window.log_write_timeout = 5.0
    panel.rationale.setPlainText("Civil use only.")
    other = _lock(window.session.db_path)
    QTimer.singleShot(300, lambda: _release(other))  # the other program commits its work
    with Heartbeat() as beat:
        panel.save_button.click()
        panel.save_button.click()  # disabled: nothing
        window.act_save_decision.trigger()  # Ctrl+Return: refused while one is pending
        panel.request_save()
        wait_for_log_write(window, qtbot)
    assert beat.longest_gap < MAX_GAP
    assert not [n for n in notes if n.code]
    assert len(window.session.log.draft(row.draft_id).decisions) == 1 and _events(window, "decision.recorded") == 1
    assert window.session.log.verify().ok


def test_the_normal_path_writes_in_a_worker_once_and_refreshes_the_views(shown, qtbot, monkeypatch):
    window, row, notes = shown
    threads = []
    real_decide, real_annotate = backend.decide, backend.annotate

    def decide(*a, **kw):
        threads.append(threading.current_thread())
        return real_decide(*a, **kw)

    def annotate(*a, **kw):
        threads.append(threading.current_thread())
        return real_annotate(*a, **kw)

    monkeypatch.setattr(backend, "decide", decide)
    monkeypatch.setattr(backend, "annotate", annotate)
    view, panel = window.draft_view, window.decision_panel
    view.agree_button.click()
    wait_for_log_write(window, qtbot)
    assert view.annotations.count() == 1 and "Annotation saved" in window.statusBar().currentMessage()
    panel.rationale.setPlainText("Hold until the JPO answers.")
    panel.save_button.click()
    wait_for_log_write(window, qtbot)
    assert len(threads) == 2 and all(t is not threading.main_thread() for t in threads)
    log = window.session.log
    assert len(log.draft(row.draft_id).decisions) == 1 and len(log.draft(row.draft_id).annotations) == 1
    assert panel.history.count() == 1 and panel.rationale.toPlainText() == ""
    assert window.queue_model.row_at(window.queue_model.find(row.key)).status == "decided"
    kinds = [window.log_view.model.rows[i].kind for i in range(window.log_view.model.rowCount())]
    assert len(kinds) == len(log.history()) and kinds[-2:] == ["annotation.added", "decision.recorded"]
    assert "Decision saved" in window.statusBar().currentMessage() and not [n for n in notes if n.code]
    assert log.verify().ok


def test_a_decision_saved_after_the_reviewer_moved_on_lands_on_its_own_draft(window, qtbot, example_drafts):
    from ui_fakes import fake_screen_files

    with qtbot.waitSignal(window.batch_finished, timeout=60000):
        window.open_paths([str(p) for p in example_drafts[:2]], screen_files=fake_screen_files)
    window.log_write_timeout = 5.0
    rows = [window.queue_model.row_at(i) for i in range(window.queue_model.rowCount())]
    first, second = rows[0], rows[1]
    assert window.select_key(first.key)
    panel = window.decision_panel
    panel.rationale.setPlainText("First draft: hold.")
    other = _lock(window.session.db_path)
    QTimer.singleShot(300, lambda: _release(other))
    panel.save_button.click()
    assert window.select_key(second.key)  # moves on while it is saved
    panel.rationale.setPlainText("Typed for the second draft")
    wait_for_log_write(window, qtbot)
    log = window.session.log
    assert len(log.draft(first.draft_id).decisions) == 1 and log.draft(second.draft_id).decisions == ()
    assert panel.key == second.key and panel.history.count() == 0  # not shown under the other draft
    assert panel.rationale.toPlainText() == "Typed for the second draft"
    assert window.queue_model.row_at(window.queue_model.find(first.key)).status == "decided"
    assert window.queue_model.row_at(window.queue_model.find(second.key)).status != "decided"
