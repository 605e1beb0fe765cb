"""A big log changes one row at a time: the queue and the log view follow incrementally.

Measured by benchmarks/team_log.py (a 10,000-draft team log, py-spy/pyinstrument on the GUI
thread): 'Save decision' took 1.5 s and a refresh 0.2-1 s because each filtered every event
of the log tab again (HistoryFilterProxy, in Python) and measured the queue's columns again
(visible + FIT_ROWS rows x 8 columns); the first load was quadratic (QueueModel.find scanned
every row for a key not yet there, once per upsert). These tests count the work, not time.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from workbench.ui.models.queue import QueueModel
from workbench.ui.rows import QueueRow


def _rows(n: int, prefix: str = "db:") -> list[QueueRow]:
    return [QueueRow(key=f"{prefix}{i}", name=f"draft_{i:05d}.txt", level=("clear", "review", "likely")[i % 3],
                     likelihood=0.1 + (i % 7) / 10, top_field="13. Unmanned underwater vehicles",
                     path=f"/drafts/d{i}.txt", draft_id=i) for i in range(n)]


def test_upsert_many_ends_as_upserts_one_by_one_would(qapp):
    """Replaced by key, by path (a screened row the log's row replaces), new rows appended
    in one insertion, a key twice in one call: the last one wins."""
    screened = QueueRow(key="/drafts/d3.txt", name="d3.txt", level="review", path="/drafts/d3.txt")
    start = [*_rows(3), screened]
    batch = [
        replace(_rows(3)[1], decision="hold", status="decided"),  # changed, by key
        QueueRow(key="db:3", name="d3.txt", level="likely", path="/drafts/d3.txt", draft_id=3),  # replaces the screened row
        QueueRow(key="db:7", name="new.txt", level="clear", path="/drafts/new.txt", draft_id=7),
        QueueRow(key="db:8", name="other.txt", level="clear", path="/drafts/other.txt", draft_id=8),
        QueueRow(key="db:7", name="new.txt", level="likely", path="/drafts/new.txt", draft_id=7),  # again: wins
        _rows(3)[0],  # unchanged
    ]
    one_by_one = QueueModel(start)
    for r in batch:
        one_by_one.upsert(r)
    many = QueueModel(start)
    inserted, changed = [], []
    many.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    many.dataChanged.connect(lambda a, b, *_: changed.append(a.row()))
    many.upsert_many(batch)
    assert many.rows == one_by_one.rows
    assert inserted == [(4, 5)]  # the two new drafts in one insertion
    assert sorted(changed) == [1, 3]  # the unchanged row sent nothing
    assert many.find("db:3") == 3 and many.find("/drafts/d3.txt") == -1 and many.find("db:7") == 4
    assert many.row_at(many.find("db:7")).level == "likely"


def test_a_changed_row_is_measured_alone_not_the_whole_queue(qtbot):
    """Fitting after a decision saved measured visible + FIT_ROWS rows again; now the changed
    row only, and the columns are fitted again only when it is wider."""
    from workbench.ui.models.queue import COL_NAME
    from workbench.ui.queue_view import QueueView

    rows_read: set[int] = set()

    class CountingModel(QueueModel):
        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            rows_read.add(index.row())
            return super().data(index, role)

    model = CountingModel(_rows(2000))
    view = QueueView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(1300, 400)  # room for the name to grow
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view._fit_timer.isActive(), timeout=2000)  # the fits of showing it are done
    width = view.columnWidth(COL_NAME)
    rows_read.clear()
    with qtbot.waitSignal(view._fit_timer.timeout, timeout=2000):  # the coalesced fit of this change
        model.upsert(replace(model.row_at(1500), decision="hold", status="decided"))
    assert rows_read and rows_read <= {1500} | set(range(0, 40))  # that row (and what is painted)
    rows_read.clear()
    wide = replace(model.row_at(1600), name="a_much_longer_draft_name_than_any_other_in_the_queue.txt")
    with qtbot.waitSignal(view._fit_timer.timeout, timeout=2000):
        model.upsert(wide)
    assert 1600 in rows_read and len(rows_read - set(range(0, 40))) <= 1
    assert view.columnWidth(COL_NAME) > width  # wider: fitted again (from what was measured)


@pytest.fixture
def filter_calls(monkeypatch):
    """The rows the log tab's filter is asked about (patched before the window is built:
    PySide looks a Python override up when the object first calls it)."""
    from workbench.ui.models.history import HistoryFilterProxy

    calls: list[int] = []
    real = HistoryFilterProxy.filterAcceptsRow
    monkeypatch.setattr(HistoryFilterProxy, "filterAcceptsRow", lambda self, r, p: (calls.append(r), real(self, r, p))[1])
    return calls


@pytest.fixture
def big_window(qtbot, tmp_path, filter_calls):
    """The main window on a SQLite log of 300 screened drafts (a tenth decided)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
    from factories import make_verdict

    from workbench.store import TriageLog
    from workbench.ui.main_window import MainWindow
    from workbench.ui.notifications import NotificationManager
    from workbench.ui.session import Session

    db = str(tmp_path / "big.sqlite")
    with TriageLog.open(db, reviewer="seed") as log:
        base = make_verdict("d.txt")
        for i in range(300):
            d = replace(base.draft, sha256=f"{i:064x}", source_path=f"/drafts/d{i}.txt")
            log.record_verdict(replace(base, draft=d))
        for i in range(1, 301, 10):
            log.decide(i, "hold", f"seed {i}")
    session = Session.start(db_path=db, notes=NotificationManager())
    win = MainWindow(session)
    win.in_process = False
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    session.close_log()


def test_a_refresh_filters_the_new_events_only(big_window, qtbot, filter_calls):
    """After another client's decision, the refresh ran the log tab's filter over all 330
    events again (20,000+ on a department's log)."""
    from ui_fakes import wait_for_log_write

    from workbench.store import TriageLog

    win = big_window
    calls = filter_calls
    events = len(win.session.log.history())
    assert win.queue_model.rowCount() == 300 and events > 330
    assert win.log_view.model.rowCount() == events
    assert len(calls) >= events  # (the count works: the first load filtered them all)
    calls.clear()
    with TriageLog.open(win.session.db_path, reviewer="other") as other:
        other.decide(150, "file_jp_first", "another client")
    win.refresh_log()
    QCoreApplication.processEvents()  # whatever the refresh posted (it reads and filters synchronously)
    assert win.log_view.model.rowCount() == events + 1 and win.log_view.proxy.rowCount() == events + 1
    assert len(calls) <= 3, len(calls)  # the new event, not all of them
    row = win.queue_model.row_at(win.queue_model.find("db:150"))
    assert row.decision == "file_jp_first"
    # a kind of event the log had not held yet: listed in the filter, nothing else refiltered
    calls.clear()
    with TriageLog.open(win.session.db_path, reviewer="other") as other:
        other.annotate(150, 1, 5, "agree", note="a new kind of event")
    win.refresh_log()
    assert len(calls) <= 3, len(calls)
    assert win.log_view.kind.findData("annotation.added") > 0 and win.log_view.model.rowCount() == events + 2
    events += 1
    # a filter typed still applies to the events that arrive after it
    win.log_view.who.setText("nobody-like-this")
    assert win.log_view.proxy.rowCount() == 0
    with TriageLog.open(win.session.db_path, reviewer="other") as other:
        other.decide(151, "hold", "another client again")
    win.refresh_log()
    assert win.log_view.model.rowCount() == events + 2 and win.log_view.proxy.rowCount() == 0
    win.log_view.who.setText("")
    assert win.log_view.proxy.rowCount() == events + 2

    # 'Save decision' from this window: the row follows, the log tab gains one event
    assert win.select_key("db:42")
    win.decision_panel.rationale.setPlainText("saved in the window")
    calls.clear()
    win.decision_panel.request_save()
    assert win.log_write_pending()
    wait_for_log_write(win, qtbot)
    assert win.queue_model.row_at(win.queue_model.find("db:42")).status == "decided"
    assert win.log_view.model.rowCount() == events + 3
    assert len(calls) <= 3, len(calls)


def test_removing_a_row_keeps_every_look_up_right(qapp):
    """remove() renumbers the rows after it by key and by path (the first row of a path)."""
    rows = _rows(6)
    rows[4] = replace(rows[4], path=rows[2].path)  # two rows of one file
    m = QueueModel(rows)
    assert m.remove("db:2") and not m.remove("db:2")
    assert [m.find(f"db:{i}") for i in range(6)] == [0, 1, -1, 2, 3, 4]
    again = QueueRow(key="/drafts/d2.txt", name="d2.txt", path=rows[2].path)  # screened again: replaces db:4
    m.upsert(again)
    assert m.row_at(3).key == "/drafts/d2.txt" and m.rowCount() == 5
    m.remove("db:0")
    m.upsert(replace(_rows(6)[5], level="likely"))
    assert m.row_at(m.find("db:5")).level == "likely" and m.find("db:5") == 3
