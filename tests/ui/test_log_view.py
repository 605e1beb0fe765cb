"""The log tab (workbench/ui/log_view.py, ui/models/history.py): the history read and refreshed in steps."""

from __future__ import annotations
from workbench.ingest import read_draft
from tests.ui.ui_fakes import fake_classify, wait_for_log_write


def test_the_log_history_builds_only_the_cell_asked_for(monkeypatch):
    """Every cell of the log's history built all six (the translated details and event
    names included): with a year's log (2,300 events) refreshing the log tab after each
    decision took ~0.25 s in the model alone."""
    from workbench.ui.models import history as hist
    from workbench.ui.rows import HistoryRow

    row = HistoryRow(7, "2026-11-25T10:00:00", "tanaka", "decision", 3, "draft.txt", "why", decision="hold")
    model = hist.HistoryModel([row])
    built = []
    real = hist.HistoryModel.details
    monkeypatch.setattr(hist.HistoryModel, "details", staticmethod(lambda r: (built.append(1), real(r))[1]))
    assert model.data(model.index(0, hist.COL_H_ID)) == 7
    assert model.data(model.index(0, hist.COL_H_AT)) == "2026-11-25 10:00:00"
    assert model.data(model.index(0, hist.COL_H_DRAFT)) == "draft.txt"
    assert built == []
    assert "why" in model.data(model.index(0, hist.COL_H_SUMMARY))
    assert built == [1]


def test_refreshing_the_log_reads_only_the_new_events_and_shows_each_once(window, qtbot, example_drafts, monkeypatch):
    """Each refresh (after every decision or annotation saved) decoded every event's
    payload again - whole verdicts - 0.5 s of GUI-thread time with a year's log."""
    from tests.ui.ui_fakes import fake_screen_files

    with qtbot.waitSignal(window.batch_finished, timeout=60000):
        window.open_paths([str(p) for p in example_drafts], screen_files=fake_screen_files)
    log = window.session.log
    shown = window.log_view.model.rowCount()
    assert shown == len(log.history()) > 0
    asked = []
    real_history = type(log).history

    def spy(self, draft_id=None, *, after=0, **kw):  # kw: the payload fields the log tab asks for
        events = real_history(self, draft_id, after=after, **kw)
        asked.append((after, len(events)))
        return events

    monkeypatch.setattr(type(log), "history", spy)
    row = window.current_row()
    window.decision_panel.rationale.setPlainText("Civil use only.")
    assert window.save_decision(window.decision_panel.values())
    wait_for_log_write(window, qtbot)
    window.refresh_log()  # nothing new: nothing read again
    assert asked[0][0] > 0 and asked[0][1] == 1  # only the decision event
    assert asked[-1][1] == 0
    model = window.log_view.model
    ids = [model.rows[i].event_id for i in range(model.rowCount())]
    assert len(ids) == len(set(ids)) == shown + 1
    assert model.rows[-1].decision == "hold" and model.rows[-1].draft_name == row.name


def test_the_log_history_after_an_event_id(tmp_path):
    from workbench.store.log import TriageLog
    from tests.ui.ui_fakes import fake_classify

    log = TriageLog.open(tmp_path / "log.sqlite")
    try:
        root = __import__("pathlib").Path(__file__).resolve().parents[2] / "workbench" / "examples"
        for p in sorted(root.glob("draft_*.txt")):
            log.record_verdict(fake_classify(read_draft(p)), reviewer="t")
        every = log.history()
        assert [e.id for e in log.history(after=every[1].id)] == [e.id for e in every[2:]]
        assert log.history(after=every[-1].id) == []
        one = every[-1].draft_id
        assert [e.id for e in log.history(one, after=0)] == [e.id for e in every if e.draft_id == one]
    finally:
        log.close()
