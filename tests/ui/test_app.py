"""The app (workbench/ui/app.py): `workbench gui` keeps the CLI Qt-free until it runs; the
leak check itself catches a worker left running; a language switch rebuilds the window where
the reviewer was; the log chosen instead of a damaged one is the log from then on."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.ui.ui_fakes import fake_classify
from workbench.ingest import read_draft
from workbench.ui.workers import FunctionWorker, active_workers, start_worker


def test_gui_command_is_registered_without_importing_qt():
    code = (
        "import sys\n"
        "from workbench.cli.main import build_parser\n"
        "a = build_parser().parse_args(['gui', '--db', 'x.sqlite', 'a.txt'])\n"
        "assert a.db == 'x.sqlite' and a.files == ['a.txt'] and callable(a.func)\n"
        "print(any(m.startswith('PySide6') for m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_gui_script_entry_point_exists():
    from workbench.ui.app import main

    assert callable(main)


def test_a_running_worker_is_seen_as_leaked_until_it_finishes(qtbot):
    gate = threading.Event()
    w = FunctionWorker(gate.wait, 5)
    with qtbot.waitSignal(w.signals.started, timeout=5000):
        start_worker(w)
    assert w in active_workers()  # what the autouse leak check reports
    with qtbot.waitSignal(w.signals.finished, timeout=5000):
        gate.set()
    assert w not in active_workers()


def test_gui_command_runs_the_app_screens_the_files_given_and_exits(qtbot, qapp, tmp_path, monkeypatch, example_drafts):
    """`workbench gui --db LOG FILE` end to end: the window opens, FILE is screened into LOG."""
    import gc

    from PySide6.QtCore import QTimer

    from workbench.cli.main import main as cli_main
    from workbench.ui import app as app_mod

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs the notification hook
    built = []
    original_build = app_mod.Controller.build

    def build(self, language=None):
        win = original_build(self, language)
        win.batch_finished.connect(lambda ok, failed: (built.append((ok, failed)), win.close(), QTimer.singleShot(0, qapp.quit)))
        return win

    monkeypatch.setattr(app_mod.Controller, "build", build)
    db = tmp_path / "gui.sqlite"
    try:
        assert cli_main(["gui", "--db", str(db), str(example_drafts[0])]) == 0
    finally:
        gc.unfreeze()
    assert built == [(1, 0)]
    from workbench.store import TriageLog

    with TriageLog.open(db) as log:
        assert [d.name for d in log.drafts()] == [example_drafts[0].name]


def test_a_language_switch_keeps_the_draft_and_the_tab_the_reviewer_was_on(qtbot, qapp, tmp_path, example_drafts):
    """Switching to English from the log tab while on the third draft came back on the
    Draft tab of the first draft screened: the reviewer lost their place."""
    from tests.ui.ui_fakes import fake_screen_files
    from workbench.ui import i18n
    from workbench.ui.app import Controller
    from workbench.ui.notifications import NotificationManager
    from workbench.settings import Settings
    from workbench.ui.session import Session

    session = Session.start(Settings(), db_path=str(tmp_path / "log.sqlite"), notes=NotificationManager())
    ctl = Controller(qapp, session)
    win = ctl.build("ja")
    win.in_process = False
    try:
        with qtbot.waitSignal(win.batch_finished, timeout=30000):
            win.open_paths([str(p) for p in example_drafts], screen_files=fake_screen_files)
        keys = [win.queue_model.row_at(i).key for i in range(win.queue_model.rowCount())]
        assert len(keys) == len(example_drafts)
        win.select_key(keys[2])
        win.tabs.setCurrentWidget(win.log_view)
        assert win.current_key == keys[2]
        new = ctl.build("en")
        qtbot.addWidget(new)
        assert new is not win
        assert new.current_key == keys[2]
        assert new.queue.currentIndex().data(Qt.ItemDataRole.DisplayRole) == win.queue_model.row_at(2).name
        assert new.tabs.currentWidget() is new.log_view
        assert new.draft_view.verdict is session.verdicts[keys[2]]
        new.close()
    finally:
        i18n.install_translators(qapp, "en")
        session.close_log()


@pytest.mark.parametrize("choice", ["new", "backup"])
def test_the_log_chosen_instead_of_a_damaged_one_is_the_log_at_the_next_start(qtbot, qapp, tmp_path, monkeypatch, choice):
    """After 'Start a new log (log-2.sqlite)' the next start opened the damaged file again
    and offered log-3: the decisions recorded in log-2 were no longer found."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from workbench.store.backups import backup
    from workbench.ui.app import recover_log
    from workbench.ui.notifications import NotificationManager
    from workbench.settings import Settings
    from workbench.ui.preferences import load_preferences, save_preferences
    from workbench.ui.session import Session

    monkeypatch.delenv("WORKBENCH_DB")  # the log comes from Settings, as for a user
    damaged = tmp_path / "log.sqlite"
    save_preferences(Settings(reviewer="tanaka", db_path=str(damaged)))
    s = Session.start(load_preferences(), notes=NotificationManager())
    s.close_log()
    made = backup(damaged)
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)

    session = Session.start(load_preferences(), notes=NotificationManager())
    assert session.log is None and session.last_log_error is not None
    clicked = []

    def click():
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        word = "new log" if choice == "new" else "backup"
        button = next(b for b in box.buttons() if word in b.text())
        clicked.append(button.text())
        button.click()

    QTimer.singleShot(200, click)
    recover_log(session)
    assert clicked
    chosen = Path(session.db_path)
    assert chosen == (tmp_path / "log-2.sqlite" if choice == "new" else made)
    session.log.decide(session.log.record_verdict(_verdict_for_log(), reviewer="tanaka"), "hold", "why", None, (), None,
                       reviewer="tanaka")
    session.close_log()
    assert damaged.read_bytes().startswith(b"SQLite format 3\x00\xff")  # the damaged file untouched

    again = Session.start(load_preferences(), notes=NotificationManager())
    try:
        assert again.log is not None and Path(again.db_path) == chosen
        assert len(again.log.decisions()) == 1  # the decision recorded after the recovery is found
    finally:
        again.close_log()


def _verdict_for_log():
    root = Path(__file__).resolve().parents[2] / "workbench" / "examples"
    return fake_classify(read_draft(next(root.glob("draft_en_*.txt"))))
