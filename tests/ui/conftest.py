"""Fixtures for the desktop-app tests: an isolated QSettings / settings file / log per
test, a leak check that fails any test leaving threads running, and a plain-function
stand-in for the classifier built on the real ingest + claims code."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402


pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch, qapp):
    """Per-test QSettings (ini files under tmp) and a per-test core settings file and log."""
    QCoreApplication.setOrganizationName("PatentTriageWorkbenchTest")
    QCoreApplication.setApplicationName(f"ui-test-{tmp_path.name}")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    # QSettings(org, app) - what preferences.qsettings() opens - is the native format, an
    # ini file under ~/.config on Linux: without this the tests wrote there and read back
    # what an earlier run had saved
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "log.sqlite"))
    monkeypatch.setenv("WORKBENCH_REVIEWER", "tester")
    from workbench.ui import preferences

    monkeypatch.setattr(preferences, "ORG", "PatentTriageWorkbenchTest")
    monkeypatch.setattr(preferences, "APP", f"ui-test-{tmp_path.name}")
    yield


@pytest.fixture(autouse=True)
def no_leaked_threads(qapp):
    """Fail a test that leaves Qt pool threads or Python threads running (napari-style)."""
    from workbench.ui.workers import active_workers, thread_pool

    before = {t.ident for t in threading.enumerate()}
    yield
    pool = thread_pool()
    leaked_workers = active_workers()  # work still running when the test ended
    idle = pool.waitForDone(2000)  # a finished worker's thread returns to the pool at once
    if leaked_workers:
        for w in leaked_workers:
            w.abort()
        pool.waitForDone(10000)  # tidy up so the next test starts clean, then report
    QCoreApplication.processEvents()
    extra = [
        t for t in threading.enumerate()
        if t.ident not in before and t.is_alive() and not isinstance(t, threading._DummyThread)  # type: ignore[attr-defined]
    ]
    assert not leaked_workers and idle, f"test left Qt worker threads running: {leaked_workers or pool.activeThreadCount()}"
    assert not extra, f"test left Python threads running: {extra}"


@pytest.fixture
def example_drafts() -> list[Path]:
    root = Path(__file__).resolve().parents[2] / "workbench" / "examples"
    files = sorted(root.glob("draft_*.txt"))
    assert files, "the bundled example drafts are missing"
    return files


@pytest.fixture
def corrupt_pdf(tmp_path) -> Path:
    p = tmp_path / "broken.pdf"
    p.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a pdf body\n")
    return p


@pytest.fixture(scope="session")
def uspto_drafts(shared_data) -> list[Path]:
    """Real USPTO publications (read in place; the ingest reads their XML directly)."""
    xmls = sorted((shared_data / "uspto-xml").glob("*.xml"))
    assert xmls, "no USPTO XML in the shared data"
    return xmls


def _open_window(qtbot, tmp_path, *, in_process: bool, show: bool = True):
    from workbench.ui.main_window import MainWindow
    from workbench.ui.notifications import NotificationManager
    from workbench.ui.session import Session

    session = Session.start(db_path=str(tmp_path / "log.sqlite"), notes=NotificationManager())
    win = MainWindow(session)
    win.in_process = in_process
    qtbot.addWidget(win)
    if show:
        win.show()
    yield win
    win.close()
    session.close_log()


@pytest.fixture
def real_window(qtbot, tmp_path):
    """The main window as the app runs it: screening in the real child process, a tmp log."""
    yield from _open_window(qtbot, tmp_path, in_process=True)


@pytest.fixture
def window(qtbot, tmp_path):
    """The main window with the pipeline in a pool thread (fast; the child process is
    exercised by the real_window tests), a tmp log."""
    yield from _open_window(qtbot, tmp_path, in_process=False)


@pytest.fixture
def japanese(qapp):
    """The app's Japanese translators installed for the test, English again after it."""
    from workbench.ui import i18n

    assert i18n.install_translators(qapp, "ja") == "ja"
    yield
    i18n.install_translators(qapp, "en")


@pytest.fixture
def open_example(window, qtbot, example_drafts):
    """A function that screens the first example draft in ``window`` (fake pipeline, fast),
    selects it and returns its queue row."""
    import ui_fakes

    def _open():
        with qtbot.waitSignal(window.batch_finished, timeout=60000):
            window.open_paths([str(example_drafts[0])], screen_files=ui_fakes.fake_screen_files)
        row = window.queue_model.row_at(0)
        assert window.select_key(row.key)
        return row

    return _open
