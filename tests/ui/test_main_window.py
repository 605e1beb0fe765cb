"""The main window end to end, offscreen: open drafts, see claims, annotate, decide,
export; batch import with a bad file; cancel mid-batch."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from workbench.ui.main_window import MainWindow
from workbench.ui.models.claims import CLAIM_NUMBER_ROLE
from workbench.ui.notifications import NotificationManager
from workbench.ui.session import Session

from ui_fakes import fake_screen_files, wait_for_log_write
from PySide6.QtCore import QDate, Qt


def _screen(win, qtbot, paths, screen_files=fake_screen_files):
    with qtbot.waitSignal(win.batch_finished, timeout=60000) as sig:
        assert win.open_paths([str(p) for p in paths], screen_files=screen_files) is not None
    return sig.args


def _export(win, qtbot, monkeypatch, fmt, path):
    """Export and wait for the worker's end. The wait is armed as the worker starts: a fast
    worker (an unwritable folder fails at once) could finish before the test connects to it,
    and a queued signal emitted before the connection never arrives."""
    from workbench.ui import main_window as mw

    blockers = []
    real_start = mw.start_worker

    def start(worker):
        blockers.append(qtbot.waitSignal(worker.signals.finished, timeout=60000))
        return real_start(worker)

    monkeypatch.setattr(mw, "start_worker", start)
    assert win.export_dialog(fmt, str(path)) is not None
    blockers[0].wait()


def _queue_rows(win):
    m = win.queue_model
    return [m.row_at(r) for r in range(m.rowCount())]


def test_open_real_drafts_shows_claims_and_evidence(window, qtbot, example_drafts, uspto_drafts):
    ok, failed = _screen(window, qtbot, [*example_drafts, uspto_drafts[0]])
    assert (ok, failed) == (len(example_drafts) + 1, 0)
    rows = _queue_rows(window)
    assert len(rows) == ok and all(r.draft_id is not None for r in rows)
    uspto = next(r for r in rows if r.name == uspto_drafts[0].name)
    assert window.select_key(uspto.key)
    view = window.draft_view
    verdict = view.verdict
    assert verdict is not None and verdict.draft.format == "uspto-xml"
    tree = view.claim_model
    roots = [tree.item(r, 0).data(CLAIM_NUMBER_ROLE) for r in range(tree.rowCount())]
    assert roots == list(verdict.claims.roots())
    first = verdict.claims.by_number(roots[0])
    assert first.text[:40] in view.text.toPlainText()
    assert view.highlighted and view.highlighted[0][1] in first.text  # evidence span highlighted
    assert view.field_model.rowCount() == 2


def test_annotate_and_decide_are_recorded_in_the_log(window, qtbot, example_drafts):
    _screen(window, qtbot, example_drafts[:1])
    row = _queue_rows(window)[0]
    window.select_key(row.key)
    view = window.draft_view
    view.ann_note.setText("sonar is civil here")
    view.ann_ipc.setText("G01S 15/00")
    view.disagree_button.click()
    wait_for_log_write(window, qtbot)
    record = window.session.log.draft(row.draft_id)
    ann = record.annotations[-1]
    assert (ann.verdict, ann.note, ann.corrected_ipc, ann.claim_number) == ("disagree", "sonar is civil here", "G01S 15/00", view.current_claim)
    assert ann.reviewer == "tester"
    assert view.annotations.count() == 1
    window.act_agree.trigger()  # Ctrl+1: an agree with the selected field of the current claim, held
    assert view.pending is not None and window.log_writer is None  # nothing recorded by the key alone
    assert f"claim {view.current_claim}" in view.pending_text() and view.pending_box.isVisibleTo(view)
    window.act_save_annotation.trigger()  # Ctrl+S records it
    wait_for_log_write(window, qtbot)
    agreed = window.session.log.draft(row.draft_id).annotations[-1]
    assert agreed.verdict == "agree" and agreed.field_id == view.ann_field.currentData()

    panel = window.decision_panel
    window.act_decide.trigger()
    assert window.tabs.currentWidget() is panel
    panel.decision.setCurrentIndex(panel.decision.findData("prior_confirmation"))
    panel.save_button.click()  # no rationale yet: refused in the panel, nothing recorded
    assert "rationale" in panel.error.text() and window.session.log.draft(row.draft_id).decision is None
    panel.rationale.setPlainText("Sonar navigation may fall in field 9; ask the JPO.")
    panel.place.setCurrentIndex(panel.place.findData(True))
    panel.countries.setText("us, ep")
    panel.jp_filed.setChecked(True)
    from PySide6.QtCore import QDate

    panel.jp_date.setDate(QDate(2026, 1, 31))
    assert panel.primary_due.text() == "2026-04-30" and panel.free_date.text() == "2026-11-30"
    window.act_save_decision.trigger()
    wait_for_log_write(window, qtbot)
    d = window.session.log.draft(row.draft_id).decision
    assert d.decision == "prior_confirmation" and d.planned_countries == ("US", "EP")
    assert d.completed_in_japan is True and d.primary_review_due == "2026-04-30"
    assert panel.history.count() == 1 and "Sonar navigation" in panel.history.item(0).text()
    updated = window.queue_model.row_at(window.queue_model.find(row.key))
    assert updated.decision == "prior_confirmation" and updated.foreign_filing_free == "2026-11-30"
    kinds = [window.log_view.model.rows[i].kind for i in range(len(window.log_view.model.rows))]
    assert "decision.recorded" in kinds and "annotation.added" in kinds


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_export_writes_exactly_the_filtered_decisions(window, qtbot, monkeypatch, example_drafts, tmp_path, fmt):
    _screen(window, qtbot, example_drafts[:2])
    rows = _queue_rows(window)
    log = window.session.log
    log.decide(rows[0].draft_id, "hold", "needs a second look", reviewer="tester")
    log.decide(rows[1].draft_id, "clear_abroad", "=cmd|' /C calc'!A0 outside all fields", reviewer="tester")
    view = window.log_view
    view.exp_decision.setCurrentIndex(view.exp_decision.findData("hold"))
    assert view.export_filters() == {"decision": "hold"}
    out = tmp_path / f"export.{fmt}"
    got = []
    window.session.notes.connect(got.append)
    _export(window, qtbot, monkeypatch, fmt, out)
    assert f"Exported 1 decision(s) to {out}" in [n.message for n in got], [n.render() for n in got]
    if fmt == "csv":
        text = out.read_text(encoding="utf-8-sig")
        assert "needs a second look" in text and "calc" not in text
    elif fmt == "xlsx":
        import openpyxl

        cells = [str(c.value) for ws in openpyxl.load_workbook(out).worksheets for row in ws.iter_rows() for c in row if c.value]
        assert any("needs a second look" in c for c in cells) and not any("calc" in c for c in cells)
    else:
        assert out.read_bytes()[:5] == b"%PDF-" and out.stat().st_size > 1000


def test_export_to_an_unwritable_place_reports_a_coded_error(window, qtbot, monkeypatch, example_drafts, tmp_path):
    _screen(window, qtbot, example_drafts[:1])
    got = []
    window.session.notes.connect(got.append)
    _export(window, qtbot, monkeypatch, "csv", tmp_path / "no-such-folder" / "x.csv")
    errors = [n for n in got if n.severity == "error"]
    assert [n.code for n in errors] == ["E601"], [n.render() for n in got]
    window.notifier.last_dialog.close()


def test_batch_with_a_corrupt_pdf_lists_it_and_screens_the_rest(window, qtbot, example_drafts, corrupt_pdf):
    from workbench.ui.dialogs import BatchFailuresDialog

    ok, failed = _screen(window, qtbot, [corrupt_pdf, *example_drafts])
    assert (ok, failed) == (len(example_drafts), 1)
    assert len(_queue_rows(window)) == len(example_drafts)
    dlg = window.notifier.last_dialog
    assert isinstance(dlg, BatchFailuresDialog)
    assert dlg.table.rowCount() == 1
    assert dlg.table.item(0, 0).text() == str(corrupt_pdf)
    assert dlg.table.item(0, 1).text().startswith("E1")  # an ingest error code, e.g. E104
    assert dlg.table.item(0, 2).text()
    dlg.close()


def test_cancel_mid_batch_stops_between_files(window, qtbot, example_drafts, uspto_drafts):
    files = [*example_drafts, *uspto_drafts]
    release = threading.Event()
    calls = []

    def slow_screen(paths, **kw):
        for item in fake_screen_files(paths, **kw):
            calls.append(item[0])
            yield item
            release.wait(10)  # hold after the first file until the test cancelled

    first = []

    def on_item(item):
        if not first:
            first.append(item)
            window.cancel_button.click()
            release.set()

    with qtbot.waitSignal(window.batch_finished, timeout=60000) as sig:
        w = window.open_paths([str(p) for p in files], screen_files=slow_screen)
        w.signals.yielded.connect(on_item)
    ok, failed = sig.args
    assert 1 <= ok < len(files) and len(calls) < len(files)
    assert window.worker is None and not window.cancel_button.isVisible()


def test_queue_keyboard_review_loop_moves_between_drafts(window, qtbot, example_drafts):
    _screen(window, qtbot, example_drafts)
    window.queue_proxy.sort(0)
    window.queue.setCurrentIndex(window.queue_proxy.index(0, 0))
    first = window.current_key
    window.act_next.trigger()
    assert window.current_key != first
    window.act_prev.trigger()
    assert window.current_key == first
    window.search.setText(Path(example_drafts[-1]).stem)
    assert window.queue_proxy.rowCount() == 1


def test_shortcuts_dialog_lists_the_review_actions(window, qtbot):
    dlg = window.show_shortcuts()
    texts = {dlg.table.item(r, 0).text(): dlg.table.item(r, 1).text() for r in range(dlg.table.rowCount())}
    assert texts["Next draft"] and texts["Agree with the flag"] == "Ctrl+1" and texts["Disagree with the flag"] == "Ctrl+2"
    assert "Decide…" in texts
    dlg.close()


def test_a_damaged_log_is_reported_and_never_overwritten(qtbot, tmp_path):
    bad = tmp_path / "damaged.sqlite"
    junk = b"this is not a database" * 100
    bad.write_bytes(junk)
    notes = NotificationManager()
    got = []
    notes.connect(got.append)
    session = Session.start(db_path=str(bad), notes=notes)
    assert session.log is None and got and got[0].code == "E501"
    win = MainWindow(session)
    qtbot.addWidget(win)
    assert win.db_label.text() == "No triage log open"
    assert bad.read_bytes() == junk


def test_batch_in_a_child_process_records_verdicts_and_lists_the_bad_file(window, qtbot, example_drafts, corrupt_pdf):
    window.in_process = True
    ok, failed = _screen(window, qtbot, [corrupt_pdf, *example_drafts])
    assert (ok, failed) == (len(example_drafts), 1)
    rows = _queue_rows(window)
    assert len(rows) == len(example_drafts) and all(r.draft_id is not None for r in rows)
    assert {s.id for s in window.session.log.drafts()} == {r.draft_id for r in rows}  # recorded by the child
    dlg = window.notifier.last_dialog
    assert dlg.table.item(0, 1).text().startswith("E1")
    dlg.close()
    assert window.draft_view.verdict is not None and window.draft_view.claim_model.rowCount() > 0


def test_cancel_in_a_child_process_stops_between_files(window, qtbot, example_drafts, uspto_drafts):
    from ui_fakes import slow_fake_screen_files

    window.in_process = True
    files = [*example_drafts, *uspto_drafts]
    first = []

    def on_item(item):
        if not first:
            first.append(item)
            window.act_cancel.trigger()

    with qtbot.waitSignal(window.batch_finished, timeout=60000) as sig:
        w = window.open_paths([str(p) for p in files], screen_files=slow_fake_screen_files)
        w.signals.yielded.connect(on_item)
    ok, _failed = sig.args
    assert 1 <= ok < len(files)


def test_changing_an_answer_rescreens_the_draft(window, qtbot, example_drafts):
    _screen(window, qtbot, example_drafts[:1])
    seen = []
    import ui_fakes

    def screen(paths, *, answers=None, **kw):
        seen.append(answers)
        yield from ui_fakes.fake_screen_files(paths, answers=answers, **kw)

    from workbench.domain import AdditionalAnswers

    with qtbot.waitSignal(window.batch_finished, timeout=30000):
        window.rescreen_current(AdditionalAnswers(defence_use=True), screen_files=screen)
    assert seen == [AdditionalAnswers(defence_use=True)]


def test_drafts_from_an_earlier_session_open_from_the_log(qtbot, tmp_path, example_drafts):
    """Close the app, start it again on the same log: the queue and the draft view come back."""
    db = str(tmp_path / "log.sqlite")
    first = Session.start(db_path=db, notes=NotificationManager())
    win = MainWindow(first)
    win.in_process = False
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.batch_finished, timeout=30000):
        win.open_paths([str(example_drafts[0])], screen_files=fake_screen_files)
    shown = win.draft_view.verdict
    win.close()
    first.close_log()

    again = Session.start(db_path=db, notes=NotificationManager())
    win2 = MainWindow(again)
    qtbot.addWidget(win2)
    assert win2.queue_model.rowCount() == 1
    row = win2.queue_model.row_at(0)
    assert row.status == "logged" and row.level == shown.level
    win2.select_key(row.key)
    v = win2.draft_view.verdict
    assert v is not None and [c.number for c in v.claims.claims] == [c.number for c in shown.claims.claims]
    assert win2.draft_view.claim_model.rowCount() == len(shown.claims.roots())
    assert win2.draft_view.field_model.rowCount() > 0
    win2.close()
    again.close_log()


def test_dropping_files_on_the_window_screens_them(window, qtbot, example_drafts):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    window.open_paths  # the drop goes through the same path as File > Open
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(example_drafts[0].parent))])  # a folder
    ev = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    import ui_fakes

    original = window.open_paths
    window.open_paths = lambda paths, **kw: original(paths, screen_files=ui_fakes.fake_screen_files, **kw)
    with qtbot.waitSignal(window.batch_finished, timeout=30000) as sig:
        window.dropEvent(ev)
    assert sig.args[0] == len(example_drafts)


def test_recovery_offers_backups_and_a_new_file_never_the_damaged_one(tmp_path):
    from workbench.store.backups import backup
    from workbench.ui.app import recovery_choices

    good = tmp_path / "log.sqlite"
    s = Session.start(db_path=str(good), notes=NotificationManager())
    s.close_log()
    made = backup(good)
    backups, fresh = recovery_choices(good)
    assert backups and backups[0] == made
    assert fresh is not None and fresh != good and not fresh.exists()


def test_an_encrypted_pdf_can_be_screened_again_with_its_password(window, qtbot, example_drafts, tmp_path):
    """E105 in the failure list offers a password; the file is then screened with it."""
    from pypdf import PdfWriter

    from workbench.ui.dialogs import BatchFailuresDialog

    locked = tmp_path / "locked.pdf"
    w = PdfWriter()
    w.add_blank_page(200, 200)
    w.encrypt("s3cret")
    with locked.open("wb") as fh:
        w.write(fh)
    seen = []
    import ui_fakes

    def real_ingest_screen(paths, *, password=None, should_cancel=None, **kw):
        from workbench.ingest import read_draft

        seen.append(password)
        for p in paths:
            try:
                yield p, ui_fakes.fake_classify(read_draft(p, password=password))
            except Exception as exc:  # noqa: BLE001 - coded errors are what is tested
                yield p, exc

    _screen(window, qtbot, [locked], screen_files=real_ingest_screen)
    dlg = window.notifier.last_dialog
    assert isinstance(dlg, BatchFailuresDialog) and dlg.table.item(0, 1).text() == "E105"
    assert dlg.password_button is not None
    window.notifier.password_given.disconnect()
    window.notifier.password_given.connect(lambda path, pw: window.open_paths([path], password=pw, screen_files=real_ingest_screen))
    with qtbot.waitSignal(window.batch_finished, timeout=30000):
        assert dlg.ask_password(asker=lambda path: ("s3cret", True)) == 1
    assert seen == [None, "s3cret"]
    dlg.close()


def test_about_names_the_cjk_font_and_says_it_is_not_legal_advice(window, qtbot):
    box = window.show_about()
    assert "IPA Gothic" in box.text() and "not legal advice" in box.text()
    box.close()


def test_switching_to_a_damaged_log_in_settings_keeps_the_current_one(window, qtbot, example_drafts, tmp_path, monkeypatch):
    from dataclasses import replace as dc_replace

    monkeypatch.delenv("WORKBENCH_DB")  # the environment wins over Settings

    _screen(window, qtbot, example_drafts[:1])
    bad = tmp_path / "damaged.sqlite"
    bad.write_bytes(b"not sqlite" * 50)
    got = []
    window.session.notes.connect(got.append)
    before = window.session.db_path
    window.apply_preferences(dc_replace(window.session.prefs, db_path=str(bad)))
    assert [n.code for n in got if n.severity == "error"] == ["E501"]
    assert window.session.db_path == before and window.session.log is not None
    assert window.queue_model.rowCount() == 1  # nothing lost
    assert bad.read_bytes() == b"not sqlite" * 50
    window.notifier.last_dialog.close()


def test_switching_to_another_log_in_settings_shows_its_drafts(window, qtbot, example_drafts, tmp_path, monkeypatch):
    from dataclasses import replace as dc_replace

    monkeypatch.delenv("WORKBENCH_DB")  # the environment wins over Settings

    _screen(window, qtbot, example_drafts[:1])
    other = tmp_path / "other.sqlite"
    window.apply_preferences(dc_replace(window.session.prefs, db_path=str(other)))
    assert window.session.db_path == str(other) and window.queue_model.rowCount() == 0
    assert window.db_label.text() == "Log: other.sqlite"


def test_review_shortcuts_work_from_the_keyboard(window, qtbot, example_drafts):
    from PySide6.QtCore import Qt

    _screen(window, qtbot, example_drafts)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=5000)
    window.queue.setFocus()
    window.queue.setCurrentIndex(window.queue_proxy.index(0, 0))
    first = window.current_key
    qtbot.keyClick(window.queue, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key != first
    n = len(window.session.log.draft(window.current_row().draft_id).annotations)
    qtbot.keyClick(window.queue, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.draft_view.pending is not None  # held, named, not recorded by the key alone
    assert window.log_writer is None and len(window.session.log.draft(window.current_row().draft_id).annotations) == n
    qtbot.keyClick(window.queue, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_for_log_write(window, qtbot)
    assert len(window.session.log.draft(window.current_row().draft_id).annotations) == n + 1
    qtbot.keyClick(window.queue, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.decision_panel


def test_screening_sends_no_thresholds_unless_the_user_set_them(window, qtbot, example_drafts):
    """Untouched settings must not override the model card's recall-first defaults."""
    from workbench.domain import Thresholds
    from workbench.settings import Settings

    sent = []

    def recording(paths, *, thresholds=None, **kw):
        sent.append(thresholds)
        yield from fake_screen_files(paths, thresholds=thresholds, **kw)

    _screen(window, qtbot, example_drafts[:1], recording)
    assert sent == [None]
    window.apply_preferences(Settings(review_threshold=0.01, likely_threshold=0.4))
    _screen(window, qtbot, example_drafts[:1], recording)
    assert sent[-1] == Thresholds(review=0.01, likely=0.4)
    window.apply_preferences(Settings())  # ticked "use the model's" again
    _screen(window, qtbot, example_drafts[:1], recording)
    assert sent[-1] is None


def _tab_chain(qtbot, start, n):
    """The widgets that get the focus pressing Tab ``n`` times from ``start``."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    chain = []
    for _ in range(n):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        chain.append(QApplication.focusWidget())
    return chain


def test_tab_leaves_the_tables_so_keyboard_only_use_reaches_the_rest_of_the_window(window, qtbot, example_drafts):
    """Keyboard-only use: Tab in the queue (and the field table, the log, the checklist)
    walked from cell to cell and never left the table; arrow keys move between rows."""
    from tests.ui.ui_fakes import fake_screen_files

    window.activateWindow()
    with qtbot.waitSignal(window.batch_finished, timeout=60000):
        window.open_paths([str(p) for p in example_drafts], screen_files=fake_screen_files)
    chain = _tab_chain(qtbot, window.queue, 3)
    assert any(w is not window.queue for w in chain), "Tab never left the queue"
    for table in (window.queue, window.draft_view.fields, window.log_view.table, window.decision_panel.checklist):
        assert not table.tabKeyNavigation()


def test_tab_in_the_rationale_moves_on_instead_of_typing_a_tab(window, qtbot, example_drafts):
    """Ctrl+D puts the cursor in the rationale; Tab typed a tab character into it and the
    keyboard user could not reach 'Place of completion' and the rest of the form."""
    from tests.ui.ui_fakes import fake_screen_files

    window.activateWindow()
    with qtbot.waitSignal(window.batch_finished, timeout=60000):
        window.open_paths([str(p) for p in example_drafts], screen_files=fake_screen_files)
    window.show_decision()
    panel = window.decision_panel
    panel.rationale.setPlainText("why")
    chain = _tab_chain(qtbot, panel.rationale, 1)
    assert panel.rationale.toPlainText() == "why"
    assert chain[0] is not panel.rationale


def _rules_fail(paths, **_):
    """A screening that cannot start: the user rules folder is unreadable (E307)."""
    from workbench.errors import E307, RulesError

    raise RulesError(E307, path="/nowhere/rules", detail="not a folder")
    yield  # pragma: no cover - a generator, as the pipeline is


def test_a_batch_that_fails_as_a_whole_is_not_reported_as_screened_0_drafts(window, qtbot, example_drafts):
    """With an unreadable rules folder the coded error was shown, then at once replaced
    in the status bar by 'Screened 0 draft(s).' as if nothing had gone wrong."""
    with qtbot.waitSignal(window.batch_finished, timeout=60000):
        window.open_paths([str(example_drafts[0])], screen_files=_rules_fail)
    last = window.session.notes.history[-1]
    assert "E307" in last.render("en")
    assert not any("Screened 0" in n.render("en") for n in window.session.notes.history)
    assert "Screened 0" not in window.statusBar().currentMessage()


@pytest.mark.parametrize("lang, words", [("en", "starts after it ends"), ("ja", "開始日が終了日より後")])
def test_an_export_period_that_ends_before_it_starts_is_refused_not_exported_empty(window, qtbot, qapp, tmp_path, lang, words):
    """From 2026-12-01 to 2026-01-01 wrote a file 'of 0 decisions', as if the log had none."""
    from workbench.ui import i18n

    i18n.install_translators(qapp, lang)
    try:
        lv = window.log_view
        lv.exp_since_on.setChecked(True)
        lv.exp_until_on.setChecked(True)
        lv.exp_since.setDate(QDate(2026, 12, 1))
        lv.exp_until.setDate(QDate(2026, 1, 1))
        out = tmp_path / "period.csv"
        assert window.export_dialog("csv", str(out)) is None
        assert not out.exists()
        last = window.session.notes.history[-1]
        assert words in last.render(lang) and "2026-12-01" in last.render(lang)
        lv.exp_until.setDate(QDate(2026, 12, 31))  # a real period exports
        w = window.export_dialog("csv", str(out))
        assert w is not None
        with qtbot.waitSignal(w.signals.finished, timeout=30000):
            pass
        assert out.exists()
    finally:
        i18n.install_translators(qapp, "en")


@pytest.mark.parametrize("lang, words", [("en", "Cancelled: 1 of "), ("ja", "中止しました")])
def test_a_cancelled_batch_says_how_many_drafts_were_not_screened(window, qtbot, qapp, example_drafts, uspto_drafts, lang, words):
    """After Ctrl+. the batch ended on 'Screened 18 draft(s).' - as if the folder were
    done - while 32 of its 50 files had not been screened."""
    import threading

    from tests.ui.ui_fakes import fake_screen_files
    from workbench.ui import i18n

    files = [*example_drafts, *uspto_drafts]
    release = threading.Event()

    def slow_screen(paths, **kw):
        for item in fake_screen_files(paths, **kw):
            yield item
            release.wait(10)  # hold after the first file until the test cancelled

    def on_item(_item):
        if not release.is_set():
            window.act_cancel.trigger()
            release.set()

    i18n.install_translators(qapp, lang)
    try:
        with qtbot.waitSignal(window.batch_finished, timeout=60000) as sig:
            w = window.open_paths([str(p) for p in files], screen_files=slow_screen)
            w.signals.yielded.connect(on_item)
        ok, failed = sig.args
        left = len(files) - ok - failed
        assert ok == 1 and left > 0
        text = window.session.notes.history[-1].render(lang)
        assert words in text and str(left) in text and str(len(files)) in text
        # the next batch, not cancelled, reports as before
        with qtbot.waitSignal(window.batch_finished, timeout=60000):
            window.open_paths([str(example_drafts[0])], screen_files=fake_screen_files)
        assert words not in window.session.notes.history[-1].render(lang)
    finally:
        i18n.install_translators(qapp, "en")


def test_one_file_that_could_not_be_screened_reads_naturally_in_japanese(window, qtbot, qapp, tmp_path):
    """'1 件のファイルをいずれも判定できませんでした' ('none of the 1 file') for a single file."""
    from tests.ui.ui_fakes import fake_screen_files
    from workbench.ui import i18n

    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    i18n.install_translators(qapp, "ja")
    try:
        with qtbot.waitSignal(window.batch_finished, timeout=60000):
            window.open_paths([str(empty)], screen_files=fake_screen_files)
        text = window.session.notes.history[-1].render("ja")
        assert "いずれも" not in text
        assert "1 件も判定できませんでした" in text and "全 1 件" in text
    finally:
        i18n.install_translators(qapp, "en")


def test_the_import_shows_done_of_total_rate_and_time_left_in_both_languages(window, qtbot, example_drafts, monkeypatch):
    """The status line said only 'Screened 3 of 40: x.pdf'; it now gives the rate and the time
    left (coded I840/I841, English and Japanese), and cancelling stays one click away."""
    from workbench.ui import notifications

    window._batch_total, window._batch_started = 40, 100.0
    assert window.batch_progress_text(4, "x.pdf", now=110.0) == "Screened 4 of 40 draft(s), 0.40 drafts/s, about 1:30 left: x.pdf"
    assert "time left is known after the first draft" in window.batch_progress_text(0, "x.pdf", now=100.0)
    window._batch_total = 20_000
    assert "about 13:53:10 left" in window.batch_progress_text(4, "x.pdf", now=110.0)
    monkeypatch.setattr(notifications, "_ui_language", "ja")
    window._batch_total = 40
    assert window.batch_progress_text(4, "x.pdf", now=110.0) == "40 件中 4 件の草稿を判定しました（0.40 件/秒、残り約 1:30）：x.pdf"
    monkeypatch.setattr(notifications, "_ui_language", "en")

    shown = []
    window.statusBar().messageChanged.connect(shown.append)
    with qtbot.waitSignal(window.batch_finished, timeout=60000):
        w = window.open_paths([str(p) for p in example_drafts], screen_files=fake_screen_files)
        assert w is not None and window.cancel_button.isVisible()
    n = len(example_drafts)
    lines = [s for s in shown if s.startswith("Screened ") and "drafts/s" in s]
    assert lines and lines[-1].startswith(f"Screened {n} of {n} draft(s), ") and "about 0:00 left" in lines[-1]


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_windows_xlsx_and_csv_exports_label_their_columns_in_its_language(window, qtbot, monkeypatch, example_drafts,
                                                                              tmp_path, language):
    """A Japanese session's export was headed in English only: the labels (XLSX row 2, the CSV's
    '#' label line) follow the window's language; the keys and the stored values do not."""
    import openpyxl

    from workbench.store.export import COLUMNS, read_csv_export
    from workbench.ui.notifications import set_ui_language

    _screen(window, qtbot, example_drafts[:1])
    row = _queue_rows(window)[0]
    window.session.log.decide(row.draft_id, "hold", "要確認：発明者に確認中", reviewer="tester")
    set_ui_language(language)
    try:
        _export(window, qtbot, monkeypatch, "xlsx", tmp_path / "d.xlsx")
        _export(window, qtbot, monkeypatch, "csv", tmp_path / "d.csv")
    finally:
        set_ui_language("en")
    ws = openpyxl.load_workbook(tmp_path / "d.xlsx")["Decisions"]
    assert [c.value for c in ws[1]] == [h for h, _ in COLUMNS]
    assert ws["A2"].value == ("出願方針番号" if language == "ja" else "Decision no.")
    text = (tmp_path / "d.csv").read_text(encoding="utf-8-sig")
    assert ("# 出願方針番号," if language == "ja" else "# Decision no.,") in text
    got = read_csv_export(tmp_path / "d.csv")
    assert [(r["decision"], r["rationale"]) for r in got] == [("hold", "要確認：発明者に確認中")]
