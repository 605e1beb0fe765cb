"""The queue (workbench/ui/queue_view.py, ui/models/queue.py): names, room for them, fitting the columns."""

from __future__ import annotations
from dataclasses import replace
from PySide6.QtCore import Qt


def test_queue_names_elide_in_the_middle_so_drafts_with_one_prefix_stay_apart(window, qtbot, example_drafts):
    """At 1280x800 the queue's name column is ~80 px: every name read 'draft_en_…' or
    'PatentPub…'. Names elide in the middle, keeping the end that tells them apart."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    from tests.ui.ui_fakes import fake_screen_files
    from workbench.ui.models.queue import COL_NAME

    with qtbot.waitSignal(window.batch_finished, timeout=60000):
        window.open_paths([str(p) for p in example_drafts], screen_files=fake_screen_files)
    view = window.queue
    index = view.model().index(0, COL_NAME)
    delegate = view.itemDelegateForColumn(COL_NAME)
    assert delegate is not None
    opt = QStyleOptionViewItem()
    delegate.initStyleOption(opt, index)
    assert opt.textElideMode == Qt.TextElideMode.ElideMiddle
    assert opt.text.endswith(".txt")  # the whole name is what gets elided
    # the other columns keep eliding at the end ("13. 無人水…")
    assert view.textElideMode() == Qt.TextElideMode.ElideRight


def test_at_1280x800_in_japanese_the_queue_keeps_room_for_draft_names(qtbot, qapp, tmp_path, example_drafts):
    """The log tab's export filters on one line made the tabs ~940 px wide in Japanese,
    so in a 1280 px window the queue got ~330 px and every draft name ~80 px."""
    from tests.ui.ui_fakes import fake_screen_files
    from workbench.ui import i18n
    from workbench.ui.main_window import MainWindow
    from workbench.ui.models.queue import COL_NAME
    from workbench.ui.notifications import NotificationManager
    from workbench.ui.queue_view import NAME_MIN
    from workbench.ui.session import Session

    i18n.install_translators(qapp, "ja")
    session = Session.start(db_path=str(tmp_path / "log.sqlite"), notes=NotificationManager())
    try:
        win = MainWindow(session)
        win.in_process = False
        qtbot.addWidget(win)
        win.resize(1280, 800)
        win.show()
        qtbot.waitExposed(win)
        with qtbot.waitSignal(win.batch_finished, timeout=60000):
            win.open_paths([str(p) for p in example_drafts], screen_files=fake_screen_files)
        assert win.log_view.minimumSizeHint().width() <= 700
        queue_pane, _tabs = win.centralWidget().sizes()
        assert queue_pane >= 400, win.centralWidget().sizes()
        assert win.queue.columnWidth(COL_NAME) >= NAME_MIN
        win.close()
    finally:
        session.close_log()
        i18n.install_translators(qapp, "en")


def test_a_burst_of_queue_changes_fits_the_columns_once_not_once_per_row(qtbot, monkeypatch):
    """refresh_log at the end of a batch upserts every row; each upsert measured every
    cell of the queue again, so 50 drafts stalled the window ~600 ms (benchmarks/gui.py),
    and it grows with the square of the log's size."""
    from workbench.ui.models.queue import COL_NAME, QueueModel
    from workbench.ui.queue_view import QueueView
    from workbench.ui.rows import QueueRow

    calls = []
    real_fit = QueueView.fit_columns

    def counting_fit(self):
        calls.append(1)
        return real_fit(self)

    monkeypatch.setattr(QueueView, "fit_columns", counting_fit)
    model = QueueModel()
    view = QueueView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(440, 400)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view._fit_timer.isActive(), timeout=1000)  # the fit of showing it is done
    calls.clear()
    for i in range(60):
        model.upsert(QueueRow(key=f"db:{i}", name=f"draft_{i:03d}_a_rather_long_file_name.txt", level="review",
                              top_field="13. Unmanned underwater vehicles", likelihood=0.3))
    for i in range(60):  # the same rows again, changed (as refresh_log does)
        model.upsert(replace(model.row_at(i), status="logged"))
    qtbot.waitUntil(lambda: len(calls) >= 1 and not view._fit_timer.isActive(), timeout=1000)  # every burst handled
    assert len(calls) <= 3  # one per burst (+ a resize when the scroll bar appears), not 120
    assert view.columnWidth(COL_NAME) >= 80  # and the one fit did fit


def test_fitting_the_queue_measures_a_bounded_number_of_rows_in_a_large_log(qtbot):
    """With a year's log (1,000 drafts) every refresh - after each decision saved - measured
    every cell of the queue: 0.34 s of the 0.84 s the window froze on 'Save decision'."""
    from workbench.ui.models.queue import QueueModel
    from workbench.ui.queue_view import FIT_ROWS, QueueView
    from workbench.ui.rows import QueueRow

    rows_read: set[int] = set()

    class CountingModel(QueueModel):
        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            rows_read.add(index.row())
            return super().data(index, role)

    model = CountingModel()
    model.set_rows([QueueRow(key=f"db:{i}", name=f"draft_{i:04d}.txt", level="review", likelihood=0.2,
                             top_field="13. Unmanned underwater vehicles") for i in range(1000)])
    view = QueueView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(440, 400)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view._fit_timer.isActive(), timeout=1000)
    rows_read.clear()
    view.fit_columns()
    assert rows_read, "fitting measured nothing"
    assert len(rows_read) <= FIT_ROWS + 50 < 1000


def _painted_names(view) -> list[str]:
    """The name column's text as the delegate paints it, row by row."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    from workbench.ui.models.queue import COL_NAME

    delegate = view.itemDelegateForColumn(COL_NAME)
    out = []
    for r in range(view.model().rowCount()):
        index = view.model().index(r, COL_NAME)
        opt = QStyleOptionViewItem()
        opt.initFrom(view.viewport())
        opt.widget = view
        opt.rect = view.visualRect(index)
        delegate.initStyleOption(opt, index)
        assert view.fontMetrics().horizontalAdvance(opt.text) <= opt.rect.width(), opt.text
        out.append(opt.text)
    return out


def test_two_long_names_that_share_both_ends_are_shortened_differently(qtbot):
    """Walking the window at 1366x768: draft_ja_ir_seeker.txt and draft_ja_rice_cooker.txt
    both showed 'draft_j…ker.txt', two publications both 'Paten…1.xml' (Qt's middle
    elision keeps both ends, and these names share both). Each keeps what tells it apart;
    a matter's version is never elided; the tooltip has the whole path."""
    from workbench.ui.models.queue import COL_NAME, QueueModel
    from workbench.ui.queue_view import ELLIPSIS, QueueView
    from workbench.ui.rows import QueueRow

    names = ["draft_ja_ir_seeker.txt", "draft_ja_rice_cooker.txt", "draft_en_coffee_grinder.txt",
             "PatentPublicData_pap_US20230123454A1.xml", "PatentPublicData_pap_US20230123453A1.xml"]
    model = QueueModel()
    model.set_rows([QueueRow(key=f"db:{i}", name=n, level="clear", likelihood=0.001, path=f"/drafts/{n}",
                             version=2 if i == 2 else 1, versions=2 if i == 2 else 1) for i, n in enumerate(names)])
    view = QueueView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(440, 300)
    view.show()
    qtbot.waitExposed(view)
    view.auto_fit = False
    view.setColumnWidth(COL_NAME, 100)  # as at 1366x768
    painted = _painted_names(view)
    assert all(ELLIPSIS in p for p in painted), painted  # narrow enough to shorten every one
    fm, width = view.fontMetrics(), view.columnWidth(COL_NAME) - 8
    plain = {fm.elidedText(n, Qt.TextElideMode.ElideMiddle, width) for n in names[:2]}
    assert len(plain) == 1, plain  # the premise: Qt's middle elision alone shows these two alike
    assert len(set(painted)) == len(painted), painted
    assert painted[2].endswith(" · v2"), painted[2]
    assert model.data(model.index(0, COL_NAME), Qt.ItemDataRole.ToolTipRole) == "/drafts/draft_ja_ir_seeker.txt"
    # a new name sharing the ends of one shown is told apart from it too (the cache follows the rows)
    model.upsert(QueueRow(key="db:9", name="draft_ja_ir_seeker_v2_final_draft_ja_ir_seeker.txt", level="clear"))
    painted = _painted_names(view)
    assert len(set(painted)) == len(painted), painted


def test_the_names_tooltip_and_the_search_know_the_drafts_title(qtbot):
    """At 1366x768 'US068…l.pdf' and 'US069…d.pdf' tell two publications apart but not what
    they are: the name's tooltip heads with the title, and the search finds a draft by it."""
    from workbench.ui.models.queue import COL_NAME, QueueFilterProxy, QueueModel
    from workbench.ui.rows import QueueRow

    model = QueueModel()
    model.set_rows([QueueRow(key="db:1", name="US06838984_Air_pressure.pdf", path="/d/US06838984_Air_pressure.pdf",
                             title="Air pressure detection device for wheel", level="clear"),
                    QueueRow(key="db:2", name="US06982817_Method.pdf", path="/d/US06982817_Method.pdf", level="clear")])
    tip = model.data(model.index(0, COL_NAME), Qt.ItemDataRole.ToolTipRole)
    assert tip == "Air pressure detection device for wheel\n/d/US06838984_Air_pressure.pdf"
    assert model.data(model.index(1, COL_NAME), Qt.ItemDataRole.ToolTipRole) == "/d/US06982817_Method.pdf"
    proxy = QueueFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search("detection device")
    assert proxy.rowCount() == 1


def test_a_screened_drafts_row_carries_its_title(example_drafts):
    from ui_fakes import fake_classify
    from workbench.ingest import read_draft
    from workbench.ui import backend

    path = next(p for p in example_drafts if "underwater" in p.name)
    row = backend.row_from_verdict(str(path), fake_classify(read_draft(path)), 3)
    assert row.title == "Autonomous Underwater Vehicle With Passive Sonar Navigation"
