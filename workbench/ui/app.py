"""Starting the desktop app: QApplication, language, fonts, the log, the main window.

``main()`` is the ``workbench-gui`` entry point; ``workbench gui`` calls :func:`run`.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Sequence

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from workbench.ui import i18n
from workbench.ui.main_window import MainWindow
from workbench.ui.notifications import Notification
from workbench.ui.preferences import APP, ORG, load_preferences
from workbench.ui.session import Session


def ensure_app(argv: Sequence[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName(ORG)
        QCoreApplication.setApplicationName(APP)
        app = QApplication(list(argv or sys.argv[:1]))
    return app


class Controller:
    """Owns the session across windows (a language switch rebuilds the window)."""

    def __init__(self, app: QApplication, session: Session) -> None:
        self.app = app
        self.session = session
        self.cjk_font = i18n.apply_font_fallback(app)
        self.window: MainWindow | None = None

    def build(self, language: str | None = None) -> MainWindow:
        self.session.language = i18n.install_translators(self.app, language or self.session.prefs.language)
        old = self.window
        win = MainWindow(self.session, self.cjk_font)
        win.language_change_requested.connect(self.switch_language)
        if old is not None:
            win.setGeometry(old.geometry())
            for key, verdict in self.session.verdicts.items():
                if key.startswith("db:") and win.queue_model.find(key) < 0:
                    continue  # an earlier version of a matter: the new window read the log, its row is the latest's
                path = self.session.paths.get(key, "")
                win._add_verdict(path, verdict, int(key[3:]) if key.startswith("db:") else None)
            # the reviewer stays where they were: the same draft, the same tab
            if old.current_key is not None:
                win.select_key(old.current_key)
            win.tabs.setCurrentIndex(old.tabs.currentIndex())
            old.notifier.close()
            old.hide()
            old.deleteLater()
        self.window = win
        return win

    @staticmethod
    def settle() -> None:
        """Move everything loaded at start-up out of the garbage collector's reach:
        full collections over Qt wrappers and verdicts otherwise pause the event loop
        for 100-200 ms during a batch (measured by benchmarks/gui.py)."""
        gc.collect()
        gc.freeze()

    def switch_language(self, language: str) -> None:
        # rebuild after the current event (the old window's dialog is still closing)
        QTimer.singleShot(0, lambda: self.build(language).show())


def recovery_choices(path: str | Path | None) -> tuple[list[Path], Path | None]:
    """What the user can do when the log at ``path`` cannot be opened: its backups
    (newest first) and a free file name beside it for a new log. Never the damaged file."""
    if not path:
        return [], None
    from workbench.store.backups import find_backups, suggest_new_path

    return find_backups(path), suggest_new_path(path)


def recover_log(session: Session, parent=None) -> None:
    """The log could not be opened (damaged, locked, too new): offer its latest backup or
    a new file beside it; the damaged file is never touched."""
    exc = session.last_log_error
    if exc is None:
        return
    backups, fresh = recovery_choices(exc.path)
    text = Notification.from_exception(exc).render(session.language)
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("App", "Triage log"), text, parent=parent)
    backup_btn = new_btn = None
    if backups:
        backup_btn = box.addButton(QCoreApplication.translate("App", "Open the latest backup (%1)").replace("%1", backups[0].name), QMessageBox.ButtonRole.AcceptRole)
    if fresh is not None:
        new_btn = box.addButton(QCoreApplication.translate("App", "Start a new log (%1)").replace("%1", fresh.name), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QCoreApplication.translate("App", "Continue without a log"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    chosen = backups[0] if backup_btn is not None and clicked is backup_btn else fresh if new_btn is not None and clicked is new_btn else None
    if chosen is not None and session.open_log(chosen):
        remember_log(session, chosen)


def remember_log(session: Session, path: str | Path) -> None:
    """The log the user chose instead of a damaged one is the log from now on (Settings):
    otherwise the next start opens the damaged file again and offers yet another new file,
    and the decisions recorded meanwhile are no longer found."""
    from dataclasses import replace

    from workbench.errors import WorkbenchError
    from workbench.ui.preferences import save_preferences

    prefs = replace(session.prefs, db_path=str(path))
    try:
        save_preferences(prefs)
    except WorkbenchError as exc:
        session.notes.error(exc)
        return
    session.prefs = prefs
    session.notes.info(
        QCoreApplication.translate("App", "The triage log is now %1 (saved in Settings).").replace("%1", str(path))
    )


def run(db: str | None = None, files: Sequence[str] = (), argv: Sequence[str] | None = None, exit_after_screening: bool = False) -> int:
    app = ensure_app(argv)
    session = Session.start(load_preferences(), db_path=db)
    session.notes.install_excepthook()
    controller = Controller(app, session)
    win = controller.build()
    win.show()
    controller.settle()
    if session.log is None:
        recover_log(session, win)
        win._update_db_label()
        win.refresh_log()
    if files:
        if exit_after_screening:  # the packaging smoke test: screen, record, quit with 0 (1 if any file failed)
            controller.window.batch_finished.connect(lambda ok, failed: app.exit(0 if ok and not failed else 1))
        QTimer.singleShot(0, lambda: controller.window.open_paths(list(files)))
    # stored verdicts of other rules or another model: offered for re-screening (in the screening process)
    QTimer.singleShot(0, lambda: controller.window.check_rescreen())
    code = app.exec()
    session.shutdown()
    return code


def main(argv: Sequence[str] | None = None) -> int:
    """The ``workbench-gui`` entry point."""
    import argparse

    parser = argparse.ArgumentParser(prog="workbench-gui")
    from workbench.cli.options import add_db  # the same option as `workbench gui --db`

    add_db(parser)
    parser.add_argument("files", nargs="*", help="draft files or folders to screen at start")
    parser.add_argument("--exit-after-screening", action="store_true",
                        help="quit once the files given are screened and recorded: exit 0, or 1 if any failed (smoke tests)")
    args, qt_args = parser.parse_known_args(argv if argv is not None else sys.argv[1:])
    return run(args.db, args.files, [sys.argv[0], *qt_args], exit_after_screening=args.exit_after_screening)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
