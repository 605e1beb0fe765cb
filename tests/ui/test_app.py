"""Entry points: `workbench gui` keeps the CLI Qt-free until it runs; the leak check
itself catches a worker left running."""

from __future__ import annotations

import subprocess
import sys
import threading

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
