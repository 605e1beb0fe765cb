"""The main window: the queue of drafts, the draft view, the decision panel and the log.

Long work (screening, batch import, export) runs in one generic
:mod:`workbench.ui.workers` worker; errors go through the notification route.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.errors import WorkbenchError
from workbench.ui import backend
from workbench.ui.decision_panel import DecisionPanel
from workbench.ui.dialogs import ShortcutsDialog, about_text
from workbench.ui.draft_view import DraftView
from workbench.ui.log_view import LogView
from workbench.ui.models.queue import COL_LEVEL, COL_NAME, ROW_ROLE, QueueFilterProxy, QueueModel
from workbench.ui.notifications import Failure
from workbench.ui.notify_qt import QtNotifier
from workbench.ui.preferences import save_preferences
from workbench.ui.queue_view import QueueView
from workbench.ui.rows import QueueRow
from workbench.ui.session import Session
from workbench.ui.settings_dialog import SettingsDialog
from workbench.ui.workers import BaseWorker, FunctionWorker, GeneratorWorker, start_worker


def default_size() -> QSize:
    """The window's first size: 1480 x 900 where the screen has room, else the screen's
    available area (a 1366 x 768 laptop gets the whole of it, status bar included)."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1366, 768)
    avail = screen.availableGeometry()
    return QSize(min(1480, avail.width()), min(900, avail.height()))


class MainWindow(QMainWindow):
    batch_finished = Signal(int, int)  # screened, failed
    rescreen_finished = Signal(int)  # drafts whose level or top field changed
    stale_checked = Signal(int)  # stored drafts screened with other rules or another model
    draft_shown = Signal(str)  # queue key
    language_change_requested = Signal(str)

    def __init__(self, session: Session, cjk_font: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.cjk_font = cjk_font
        self.worker: BaseWorker | None = None
        # the one pending write to the triage log (a decision or an annotation): it runs in
        # a worker on its own connection, so a log locked by another program never freezes
        # the window; one at a time keeps the hash chain's appends in the order pressed
        self.log_writer: BaseWorker | None = None
        self.log_write_timeout: float | None = None  # seconds a write waits for a lock (None: the store's)
        self.in_process = True  # run the pipeline in the session's screening process (see process_runner)
        self.current_key: str | None = None
        self._batch_failures: list[Failure] = []
        self._batch_total = 0
        self._batch_started = time.monotonic()
        self._batch_ok = 0
        self._batch_skipped = 0  # of those, already screened with the same rules and model: not screened again
        self._batch_ipc_codes: tuple[str, ...] = ()  # the known IPC codes the running batch screens with
        self._batch_error = False  # the running batch failed as a whole (reported by _batch_errored)
        self._batch_cancelled = False  # the user cancelled the running batch
        self._history: list = []  # the log's events shown in the log tab (HistoryRow), oldest first
        self._history_of: str | None = None  # the log they were read from
        self.setWindowTitle(self.tr("Patent Non-Disclosure Triage Workbench"))
        self.setAcceptDrops(True)
        self.resize(default_size())  # never taller or wider than the screen (a 1366 x 768 laptop)

        # queue panel
        self.queue_model = QueueModel(parent=self)
        self.queue_proxy = QueueFilterProxy(self)
        self.queue_proxy.setSourceModel(self.queue_model)
        self.queue = QueueView()  # sorting, single-row selection, columns fitted to the pane
        self.queue.setModel(self.queue_proxy)
        self.queue.sortByColumn(COL_LEVEL, Qt.SortOrder.DescendingOrder)
        self.queue.selectionModel().currentRowChanged.connect(self._queue_row_changed)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search drafts (name, field, level, decision)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.queue_proxy.set_search)
        self.level_filter = QComboBox()
        self.level_filter.addItem(self.tr("All levels"), None)
        self.level_filter.addItem(self.tr("Needs attention (review + likely)"), ("review", "likely"))
        self.level_filter.addItem(self.tr("Likely referral only"), ("likely",))
        self.level_filter.addItem(self.tr("Undecided"), "undecided")
        self.level_filter.addItem(self.tr("Key date within 30 days"), "due30")
        self.level_filter.currentIndexChanged.connect(self._level_filter_changed)
        queue_panel = QWidget()
        ql = QVBoxLayout(queue_panel)
        ql.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.level_filter)
        ql.addLayout(top)
        ql.addWidget(self.queue, 1)
        self.drop_hint = QLabel(self.tr("Drop draft files or folders here (PDF, DOCX, TXT, MD, USPTO XML)."))
        self.drop_hint.setWordWrap(True)
        ql.addWidget(self.drop_hint)

        # right side
        self.draft_view = DraftView()
        self.draft_view.answers_changed.connect(self.rescreen_current)
        self.draft_view.ipc_codes_applied.connect(self.apply_ipc_codes)
        self.draft_view.annotation_requested.connect(self.annotate)
        self.decision_panel = DecisionPanel(language=self.session.language)
        self.decision_panel.save_requested.connect(self.save_decision)
        self.decision_panel.approve_requested.connect(self.approve_override)
        # the checklist follows the defence answer at once, before the re-screen finishes
        self.draft_view.answers_changed.connect(lambda a: self.decision_panel.set_defence_related(a.defence_use))
        self.log_view = LogView()
        self.log_view.refresh_requested.connect(self.refresh_log)
        self.log_view.export_requested.connect(self.export_dialog)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.draft_view, self.tr("Draft"))
        self.tabs.addTab(self.decision_panel, self.tr("Decision"))
        self.tabs.addTab(self.log_view, self.tr("Triage log"))
        # the manager's deadlines (due / overdue / this month; the data of `workbench log due`),
        # read when the tab is shown: a team log of 10,000 drafts is not read on every refresh
        from workbench.messages import M, msg
        from workbench.ui.deadlines_view import DeadlinesView
        from workbench.ui.notifications import ui_language

        self.deadlines_view = DeadlinesView()
        self.tabs.addTab(self.deadlines_view, msg(M.I560).render(ui_language()))
        self.tabs.currentChanged.connect(lambda _i: self.refresh_deadlines())
        self.deadlines_view.draft_activated.connect(lambda did: self.select_key(f"db:{did}"))

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(queue_panel)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        self.main_splitter = split
        self._split_by_hand = False  # until the reviewer drags it, the queue keeps 40 % (its decision and dates fit)
        split.splitterMoved.connect(lambda *_: setattr(self, "_split_by_hand", True))
        self._fit_splitter()
        self.setCentralWidget(split)

        # status bar: progress + cancel
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(240)
        self.progress.setFormat("%v / %m")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_work)
        self.db_label = QLabel()
        # offered when stored verdicts were made with other rules or another model (check_rescreen)
        self.rescreen_button = QPushButton()
        self.rescreen_button.clicked.connect(lambda: self.rescreen_log())
        self.rescreen_button.setVisible(False)
        self.stale: backend.StaleVerdicts | None = None
        self.stale_worker: BaseWorker | None = None
        self._rescreen_report: backend.RescreenReport | None = None
        self.statusBar().addPermanentWidget(self.rescreen_button)
        self.statusBar().addPermanentWidget(self.db_label)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self._set_busy(False)
        self.notifier = QtNotifier(session.notes, self, self.statusBar())
        self.notifier.password_given.connect(lambda path, pw: self.open_paths([path], password=pw))

        self._build_actions()
        self._update_db_label()
        self.refresh_log()
        self._manager_columns_for_log()

    def _fit_splitter(self) -> None:
        if not self._split_by_hand:
            w = max(1, self.main_splitter.width() or self.width())
            self.main_splitter.setSizes([w * 2 // 5, w - w * 2 // 5])

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_splitter()

    # -- menus and shortcuts ---------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, menu=None) -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(slot)
        self.addAction(a)
        if menu is not None:
            menu.addAction(a)
        self.review_actions.append(a)
        return a

    def _build_actions(self) -> None:
        self.review_actions: list[QAction] = []
        mb = self.menuBar()
        m_file = mb.addMenu(self.tr("&File"))
        self.act_open = self._action(self.tr("&Open drafts…"), self.open_dialog, QKeySequence.StandardKey.Open, m_file)
        self.act_import = self._action(self.tr("&Import folder…"), self.import_folder_dialog, "Ctrl+Shift+O", m_file)
        from workbench.messages import M as _M
        from workbench.messages import msg as _msg
        from workbench.ui.notifications import ui_language as _lang

        # drafts already screened with the same rules and model are skipped on import: this screens them anew
        self.act_screen_again = self._action(_msg(_M.I832).render(_lang()), self.screen_again_dialog, None, m_file)
        self.act_export = self._action(self.tr("&Export log…"), lambda: self.export_dialog("csv"), "Ctrl+E", m_file)
        m_file.addSeparator()
        self.act_settings = self._action(self.tr("&Settings…"), self.settings_dialog, "Ctrl+,", m_file)
        m_file.addSeparator()
        self.act_quit = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, m_file)
        m_review = mb.addMenu(self.tr("&Review"))
        self.act_next = self._action(self.tr("&Next draft"), lambda: self.step_draft(+1), "Ctrl+Down", m_review)
        self.act_prev = self._action(self.tr("&Previous draft"), lambda: self.step_draft(-1), "Ctrl+Up", m_review)
        self.act_agree = self._action(self.tr("&Agree with the flag"), lambda: self._annotate_key("agree"), "Ctrl+1", m_review)
        self.act_disagree = self._action(self.tr("&Disagree with the flag"), lambda: self._annotate_key("disagree"), "Ctrl+2", m_review)
        self.act_save_annotation = self._action(self.tr("Sa&ve the pending annotation"), self.save_pending_annotation, "Ctrl+S", m_review)
        self.act_undo_annotation = self._action(self.tr("&Undo the pending annotation"), self.undo_pending_annotation, "Ctrl+Z", m_review)
        self.act_decide = self._action(self.tr("De&cide…"), self.show_decision, "Ctrl+D", m_review)
        self.act_save_decision = self._action(self.tr("&Save decision"), self.decision_panel.request_save, "Ctrl+Return", m_review)
        self.act_cancel = self._action(self.tr("&Cancel running work"), self.cancel_work, "Ctrl+.", m_review)
        m_view = mb.addMenu(self.tr("&View"))
        self.act_show_log = self._action(self.tr("Triage &log"), lambda: self.tabs.setCurrentWidget(self.log_view), "Ctrl+L", m_view)
        from workbench.messages import M, msg
        from workbench.ui.notifications import ui_language

        # the manager's columns: decision status and the 3-/10-month dates in the narrow queue
        self.act_manager_columns = QAction(msg(M.I572).render(ui_language()), self)
        self.act_manager_columns.setCheckable(True)
        self.act_manager_columns.toggled.connect(self.queue.set_manager_columns)
        m_view.addAction(self.act_manager_columns)
        m_help = mb.addMenu(self.tr("&Help"))
        self.act_shortcuts = self._action(self.tr("Keyboard &shortcuts"), self.show_shortcuts, "F1", m_help)
        self.act_about = self._action(self.tr("&About"), self.show_about, None, m_help)

    # -- opening drafts ------------------------------------------------------------------
    def open_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open drafts"), "", self.tr("Drafts (*.pdf *.docx *.txt *.md *.xml);;All files (*)")
        )
        if paths:
            self.open_paths(paths)

    def screen_again_dialog(self) -> None:
        """Open drafts and screen them even if the log holds a verdict of the same rules,
        model, thresholds and answers (a new verdict event each; the earlier ones stay)."""
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open drafts"), "", self.tr("Drafts (*.pdf *.docx *.txt *.md *.xml);;All files (*)")
        )
        if paths:
            self.open_paths(paths, force=True)

    def import_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder of drafts"))
        if folder:
            self.open_paths([folder])

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths)

    def open_paths(self, paths, *, screen_files=None, answers=None, password=None, ipc_codes=(), force=False) -> BaseWorker | None:
        """Screen files and folders in the background; returns the worker (None if busy
        or nothing to do). With :attr:`in_process` (the default) the pipeline runs in a
        child process so the window never stalls; ``screen_files`` replaces the core
        pipeline (tests, benchmarks). ``ipc_codes`` (already valid) are IPC codes the
        user knows for the draft(s); each verdict remembers the codes it was screened with."""
        if self.worker is not None:
            self.session.notes.warning(self.tr("Please wait for the running work to finish, or cancel it."))
            return None
        walk_notes: list = []  # links to folders: walked when dropped, named when not followed (coded)
        files = backend.expand_paths(paths, walk_notes)
        if walk_notes:
            from workbench.ui.notifications import ui_language

            self.session.notes.warning("\n".join(n.render(ui_language()) for n in walk_notes))
        if not files:
            self.session.notes.warning(self.tr("No draft files were found (PDF, DOCX, TXT, MD, XML)."))
            return None
        self._batch_failures = []
        self._batch_total = len(files)
        self._batch_started = time.monotonic()  # the import's rate and time left (batch_progress_text)
        self._batch_ok = 0
        self._batch_skipped = 0
        self._batch_ipc_codes = tuple(ipc_codes)
        self._batch_error = False
        self._batch_cancelled = False
        kwargs = {
            "db_path": self.session.db_path,
            "reviewer": self.session.reviewer,
            "thresholds": self.session.prefs.thresholds,  # None unless the user set their own: the model card's
            "record": self.session.recording,
        }
        if force:
            kwargs["force"] = True
        if answers is not None:
            kwargs["answers"] = answers
        if ipc_codes:
            kwargs["ipc_codes"] = tuple(ipc_codes)
        if password:
            kwargs["password"] = password
        rules_dir = self.session.rules_dir
        if rules_dir and screen_files is None:
            kwargs["rules_dir"] = rules_dir
        if screen_files is not None:
            kwargs["screen_files"] = screen_files
        if self.in_process:
            w = GeneratorWorker(self.session.screener.run, "workbench.ui.backend:screen_batch", files, total=len(files), **kwargs)
        else:
            w = GeneratorWorker(backend.screen_batch, files, total=len(files), **kwargs)
        w.signals.yielded.connect(self._batch_item)
        w.signals.errored.connect(self._batch_errored)
        w.signals.finished.connect(self._batch_done)
        self._run(w, len(files))
        self.statusBar().showMessage(self.tr("Screening %n draft(s)…", "", len(files)))
        return w

    def _batch_item(self, item: backend.BatchItem) -> None:
        done = self._batch_ok + len(self._batch_failures) + 1
        self.statusBar().showMessage(self.batch_progress_text(done, Path(item.path).name))
        if item.verdict is not None:
            key = backend.queue_key(item.path, item.draft_id)
            if self._batch_ipc_codes:  # the codes stay with the draft: the next re-screen uses them too
                self.session.ipc_codes[key] = self._batch_ipc_codes
            else:  # screened without codes: the view must not show codes its verdict did not use
                self.session.ipc_codes.pop(key, None)
            self._add_verdict(item.path, item.verdict, item.draft_id)
        if item.skipped and item.draft_id is not None:  # its stored verdict stands: its row, as the log has it
            self._batch_skipped += 1
            key = backend.queue_key(item.path, item.draft_id)
            if self.queue_model.find(key) < 0:
                self.refresh_log()
            if self.current_key is None or self.current_key == key:
                self.select_key(key)
        if item.error is not None:
            self._batch_failures.append(Failure.from_exception(item.path, item.error))
        else:
            self._batch_ok += 1

    def batch_progress_text(self, done: int, name: str, now: float | None = None) -> str:
        """'Screened 3 of 40 draft(s), 0.85 drafts/s, about 0:44 left: x.pdf' (coded, in the
        window's language): the rate is over the drafts done since the import started (the
        first one pays for loading the engine in the screening process)."""
        from workbench.messages import M, msg
        from workbench.ui.notifications import ui_language

        elapsed = (time.monotonic() if now is None else now) - self._batch_started
        total = self._batch_total
        if done < 1 or elapsed <= 0:
            return msg(M.I841, done=done, total=total, name=name).render(ui_language())
        rate = done / elapsed
        seconds = int(round(max(0, total - done) / rate))
        h, rest = divmod(seconds, 3600)
        m, sec = divmod(rest, 60)
        eta = f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"
        return msg(M.I840, done=done, total=total, rate=f"{rate:.2f}", eta=eta, name=name).render(ui_language())

    def _add_verdict(self, path: str, verdict, draft_id) -> str:
        row = backend.row_from_verdict(path, verdict, draft_id, self.session.language)
        old = self.queue_model.find(row.key)
        if old >= 0:  # keep the decision the log already holds
            prev = self.queue_model.row_at(old)
            row = replace(row, decision=prev.decision, override=prev.override, primary_review_due=prev.primary_review_due,
                          foreign_filing_free=prev.foreign_filing_free, ingested_at=prev.ingested_at,
                          status="decided" if prev.decision else row.status,
                          # and its matter: 'grinder.txt · v2', the version the decision was made on
                          matter_id=prev.matter_id, version=prev.version, versions=prev.versions,
                          decision_version=prev.decision_version, review_flags=prev.review_flags)
        self.session.verdicts[row.key] = verdict
        self.session.paths[row.key] = path
        self.queue_model.upsert(row)
        if self.current_key is not None and self.queue_model.find(self.current_key) < 0:
            self.current_key = None  # its row became this one (a new version of the same file)
        if self.current_key is None or self.current_key == row.key:
            self.select_key(row.key)
            if self.current_key == row.key:
                self._show(row.key)
        return row.key

    def _batch_errored(self, exc) -> None:
        """The batch as a whole failed (unreadable rules folder, the screening process
        died): its coded error is the last word, not a 'Screened 0 draft(s).' after it."""
        self._batch_error = True
        self.session.notes.error(exc)

    def _batch_done(self) -> None:
        failed = len(self._batch_failures)
        self._finish()
        if self.current_key is not None:
            self._show(self.current_key)
        if failed:
            n_failed = len(self._batch_failures)
            headline = (
                self.tr("None of the %n file(s) could be screened", "", n_failed) if n_failed >= self._batch_total
                else self.tr("%1 of %2 file(s) could not be screened; the others were processed")
                .replace("%1", str(n_failed)).replace("%2", str(self._batch_total))
            )
            self.session.notes.batch_failures(self._batch_failures, total=self._batch_total, message=headline)
        elif self._batch_cancelled:  # say what was left, not only what was done
            left = self._batch_total - self._batch_ok - failed
            self.session.notes.info(
                self.tr("Cancelled: %1 of %2 draft(s) screened; %3 not screened.")
                .replace("%1", str(self._batch_ok)).replace("%2", str(self._batch_total)).replace("%3", str(left))
            )
        elif not self._batch_error and (self._batch_ok > self._batch_skipped or not self._batch_skipped):
            # (a batch that failed as a whole was reported with its code)
            self.session.notes.info(self.tr("Screened %n draft(s).", "", self._batch_ok - self._batch_skipped))
        if self._batch_skipped:
            from workbench.messages import M, msg
            from workbench.ui.notifications import ui_language

            self.session.notes.info(msg(M.I831, n=self._batch_skipped).render(ui_language()))
        self.refresh_log()
        self.batch_finished.emit(self._batch_ok, failed)

    # -- background work -------------------------------------------------------------------
    def _run(self, worker: BaseWorker, total: int = 0) -> None:
        self.worker = worker
        self.progress.setRange(0, total)  # 0..0: busy indicator
        self.progress.setValue(0)
        worker.signals.progress.connect(lambda done, tot, _l: (self.progress.setMaximum(tot), self.progress.setValue(done)))
        self._set_busy(True)
        start_worker(worker)

    def _finish(self) -> None:
        self.worker = None
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)

    def cancel_work(self) -> None:
        if self.worker is not None:
            self.worker.abort()
            self._batch_cancelled = True  # read by _batch_done (an export's worker never gets there)
            self.cancel_button.setEnabled(False)
            self.statusBar().showMessage(self.tr("Cancelling after the current file…"))

    def closeEvent(self, event) -> None:  # noqa: N802
        from workbench.ui.workers import abort_all

        abort_all(30000)  # every running worker (screening, exports, log reads), not only the batch
        self.session.screener.close()  # started again on demand if another window screens
        self.notifier.close()
        super().closeEvent(event)

    # -- the queue -------------------------------------------------------------------------
    def _level_filter_changed(self) -> None:
        data = self.level_filter.currentData()
        self.queue_proxy.set_undecided_only(data == "undecided")
        due = (dt.date.today() + dt.timedelta(days=30)).isoformat() if data == "due30" else None
        self.queue_proxy.set_due_by(due)
        self.queue_proxy.set_levels(data if isinstance(data, tuple) else None)

    def select_key(self, key: str) -> bool:
        row = self.queue_model.find(key)
        if row < 0:
            return False
        idx = self.queue_proxy.mapFromSource(self.queue_model.index(row, COL_NAME))
        if not idx.isValid():
            return False
        self.queue.setCurrentIndex(idx)
        if self.current_key != key:  # the selection was on that row already (its key changed): no signal came
            self._show(key)
        return True

    def step_draft(self, delta: int) -> None:
        n = self.queue_proxy.rowCount()
        if not n:
            return
        cur = self.queue.currentIndex().row()
        nxt = 0 if cur < 0 else max(0, min(n - 1, cur + delta))
        self.queue.setCurrentIndex(self.queue_proxy.index(nxt, COL_NAME))

    def _queue_row_changed(self, current: QModelIndex, _previous) -> None:
        row: QueueRow | None = self.queue_proxy.data(current, ROW_ROLE) if current.isValid() else None
        if row is not None and row.key != self.current_key:
            self._show(row.key)

    def current_row(self) -> QueueRow | None:
        i = self.queue_model.find(self.current_key) if self.current_key else -1
        return self.queue_model.row_at(i) if i >= 0 else None

    def _show(self, key: str) -> None:
        if self.draft_view.pending is not None and getattr(self, "_pending_key", None) not in (None, key):
            was = self.draft_view.undo_pending()  # it named a claim of the draft left: never recorded on another
            self.session.notes.warning(
                self.tr("The annotation of claim %1 was not saved (another draft was opened): nothing was recorded.")
                .replace("%1", str(was["claim_number"]))
            )
        self.current_key = key
        row = self.current_row()
        verdict = self.session.verdicts.get(key)
        annotations, decisions = (), ()
        record = None
        if row is not None and row.draft_id is not None and self.session.log is not None:
            try:
                record = self.session.log.draft(row.draft_id)
            except WorkbenchError as exc:
                self.session.notes.error(exc)
        if record is not None:
            annotations = record.current_annotations or record.annotations
            decisions = record.decisions
            if verdict is None:
                verdict = backend.verdict_from_record(record)
                if record.source_path:
                    self.session.paths.setdefault(key, record.source_path)
        self.draft_view.record = record if record is not None and verdict is not None else None
        self.draft_view.set_verdict(verdict, self.session.language, annotations)
        self.draft_view.set_record(self.draft_view.record)
        self.draft_view.set_ipc_codes(self.session.ipc_codes.get(key, ()) if verdict is not None else ())
        facts = None
        if record is not None:
            try:
                facts = self.session.log.filing_facts(record.id)
            except WorkbenchError as exc:
                self.session.notes.error(exc)
        self.decision_panel.versions = (
            {v.draft_id: v.version for v in record.versions} if record is not None and len(record.versions) > 1 else {}
        )  # the decision stays with the matter: its history says which version each was made on
        self.decision_panel.set_draft(
            row.name if row else None, decisions, key=key,
            level=verdict.level if verdict is not None else (row.level if row else None),
            defence_related=verdict.answers.defence_use if verdict is not None else None,
            facts=facts,
        )
        if row is not None and row.draft_id is None:
            self.decision_panel.setEnabled(False)
        self.draft_shown.emit(key)

    # -- re-screening the log when the rules or the model changed ------------------------------
    def check_rescreen(self) -> BaseWorker | None:
        """Ask the screening process (off the GUI thread, and where the engine it builds is
        reused by the next screening) whether stored verdicts were made with other rules or
        another model than now; if so, the status bar offers to re-screen them."""
        if self.session.db_path is None or self.stale_worker is not None:
            return None
        rules_dir = self.session.rules_dir
        if self.in_process:
            w = GeneratorWorker(self.session.screener.run, "workbench.ui.backend:stale_verdicts", self.session.db_path, rules_dir=rules_dir)
        else:
            w = GeneratorWorker(backend.stale_verdicts, self.session.db_path, rules_dir=rules_dir)
        w.signals.yielded.connect(self._stale_found)
        w.signals.errored.connect(self.session.notes.error)
        w.signals.finished.connect(lambda: setattr(self, "stale_worker", None))
        self.stale_worker = w
        start_worker(w)
        return w

    def _stale_found(self, stale: backend.StaleVerdicts) -> None:
        from workbench.messages import M, msg

        self.stale = stale
        if stale.count <= 0:
            self.rescreen_button.setVisible(False)
            self.stale_checked.emit(0)
            return
        lang = self.session.language
        text = msg(M.I827, n=stale.count, rules=stale.ruleset_version, model=stale.model_version).render(lang)
        self.rescreen_button.setText(msg(M.I829, n=stale.count).render(lang))
        self.rescreen_button.setToolTip(text)
        self.rescreen_button.setVisible(True)
        self.session.notes.info(text)
        self.stale_checked.emit(stale.count)

    def rescreen_log(self, *, stale_only: bool = True) -> BaseWorker | None:
        """Re-screen the stored drafts made with other rules or another model (all of them
        with ``stale_only=False``) through the batch core: a new verdict event each, the
        queue updated as each finishes, then the drafts whose verdict changed, before -> after."""
        if self.worker is not None:
            self.session.notes.warning(self.tr("Please wait for the running work to finish, or cancel it."))
            return None
        if self.session.db_path is None:
            self.session.notes.warning(self.tr("No triage log is open."))
            return None
        total = self.stale.count if stale_only and self.stale is not None else self.queue_model.rowCount()
        self._batch_failures, self._batch_total, self._batch_ok = [], total, 0
        self._batch_started = time.monotonic()
        self._batch_ipc_codes, self._batch_error, self._batch_cancelled = (), False, False
        self._rescreen_report = None
        kwargs = {
            "reviewer": self.session.reviewer,
            "thresholds": self.session.prefs.thresholds,
            "rules_dir": self.session.rules_dir,
            "stale_only": stale_only,
        }
        if self.in_process:
            w = GeneratorWorker(self.session.screener.run, "workbench.ui.backend:rescreen_batch", self.session.db_path, total=total, **kwargs)
        else:
            w = GeneratorWorker(backend.rescreen_batch, self.session.db_path, total=total, **kwargs)
        w.signals.yielded.connect(self._rescreen_item)
        w.signals.errored.connect(self._batch_errored)
        w.signals.finished.connect(self._rescreen_done)
        self._run(w, total)
        self.rescreen_button.setEnabled(False)
        self.statusBar().showMessage(self.tr("Re-screening…"))
        return w

    def _rescreen_item(self, item) -> None:
        if isinstance(item, backend.RescreenReport):
            self._rescreen_report = item
        else:
            self._batch_item(item)

    def _rescreen_done(self) -> None:
        report = self._rescreen_report
        self._batch_total = self._batch_ok + len(self._batch_failures) if report is not None else self._batch_total
        self._batch_done()
        self.rescreen_button.setEnabled(True)
        if report is None:
            return
        lang = self.session.language
        self.session.notes.info("\n".join([report.verdict_line.render(lang), *(line.render(lang) for line in report.changed)]))
        if not report.missing and not self._batch_cancelled:
            self.rescreen_button.setVisible(False)
            self.stale = None
        self.rescreen_finished.emit(len(report.changed))

    # -- re-screening, annotations, decisions ---------------------------------------------------
    def rescreen_current(self, answers, *, screen_files=None, ipc_codes=None) -> BaseWorker | None:
        """Screen the current draft again with new additional-requirement answers (and
        the IPC codes known for it: those it was screened with unless ``ipc_codes``)."""
        key = self.current_key
        path = self.session.paths.get(key or "")
        if key is None or not path:
            self.session.notes.warning(self.tr("The source file of this draft is not known; open it again to re-screen."))
            return None
        codes = self.session.ipc_codes.get(key, ()) if ipc_codes is None else tuple(ipc_codes)
        w = self.open_paths([path], screen_files=screen_files, answers=answers, ipc_codes=codes)
        if w is not None:
            self.statusBar().showMessage(self.tr("Re-screening…"))
        return w

    def apply_ipc_codes(self, typed, *, screen_files=None) -> BaseWorker | None:
        """The user applied "IPC codes known for this draft": check every code with the
        core's parser (a malformed one is its coded E301 through the notification route,
        and nothing is re-screened), then re-screen the draft with them, as a changed
        answer does. Codes that are already in use change nothing."""
        from workbench.ipc import parse_ipc

        key = self.current_key
        if key is None or self.draft_view.verdict is None:
            return None
        try:
            codes = tuple(dict.fromkeys(str(parse_ipc(c)) for c in typed))
        except WorkbenchError as exc:
            self.session.notes.error(exc)
            return None
        if codes == self.session.ipc_codes.get(key, ()):
            self.draft_view.set_ipc_codes(codes)
            return None
        return self.rescreen_current(self.draft_view.answers(), screen_files=screen_files, ipc_codes=codes)

    # -- writes to the log (off the GUI thread) -------------------------------------------
    def _start_log_write(self, fn, draft_id: int, values: dict, on_result, on_error) -> BaseWorker | None:
        """Run one write to the log (``backend.decide`` / ``backend.annotate``) in a worker
        on its own connection. None (nothing written) while another write is pending."""
        if self.log_writer is not None:
            self.session.notes.warning(self.tr("Please wait: the previous change is still being saved in the triage log."))
            return None
        kwargs = dict(values, reviewer=self.session.reviewer)
        if self.log_write_timeout is not None:
            kwargs["timeout"] = self.log_write_timeout
        w = FunctionWorker(fn, self.session.db_path, draft_id, **kwargs)
        w.signals.result.connect(on_result)
        w.signals.errored.connect(on_error)
        w.signals.finished.connect(self._log_write_done)
        self.log_writer = w
        start_worker(w)
        return w

    def _log_write_done(self) -> None:
        self.log_writer = None
        self.decision_panel.set_saving(False)
        self.draft_view.set_annotating(False)

    def _log_write_failed(self, exc) -> None:
        """E502 (locked) or any other failure: the coded message, and every input keeps
        what was typed so the user can retry as it is."""
        self.statusBar().clearMessage()
        self.session.notes.error(exc)

    def log_write_pending(self) -> bool:
        return self.log_writer is not None

    def annotate(self, values: dict) -> BaseWorker | None:
        """Record an annotation of the current draft in the background; the view shows it
        when it is stored. Returns the worker (None: nothing started)."""
        row = self._row_in_log(self.tr("Annotations need the triage log; check the database in Settings."))
        if row is None:
            return None
        key, values, db = row.key, dict(values), self.session.db_path
        w = self._start_log_write(
            backend.annotate, row.draft_id, values,
            lambda res: self._annotation_stored(key, db, values, res), self._log_write_failed,
        )
        if w is not None:
            self.draft_view.set_annotating(True)
            self.statusBar().showMessage(self.tr("Saving the annotation in the triage log…"))
        return w

    def _annotation_stored(self, key: str, db: str | None, values: dict, result) -> None:
        _annotation, in_force = result
        if self.current_key == key and self.session.db_path == db:  # the reviewer may have moved on while it was saved
            self.draft_view.set_annotations(in_force)
            self.draft_view.annotation_saved(values)
        self.session.notes.info(self.tr("Annotation saved for claim %1.").replace("%1", str(values["claim_number"])))

    def _annotate_key(self, verdict: str) -> None:
        """Ctrl+1 / Ctrl+2: hold an annotation of the claim shown against the field chosen,
        named in the draft view and the status bar, until Ctrl+S saves or Ctrl+Z undoes it;
        on a draft without claims, a claim without a field or no field chosen, say why not."""
        if self.draft_view.verdict is None:
            return
        why_not = self.draft_view.stage_annotation(verdict)
        if why_not:
            self.session.notes.warning(why_not)
            return
        self._pending_key = self.current_key
        self.statusBar().showMessage(self.draft_view.pending_text())

    def save_pending_annotation(self) -> BaseWorker | None:
        """Ctrl+S: record the annotation Ctrl+1 / Ctrl+2 is holding."""
        if self.draft_view.pending is None:
            return None
        if self.log_writer is not None:
            self.session.notes.warning(self.tr("Please wait: the previous change is still being saved in the triage log."))
            return None
        self.draft_view.save_pending()
        return self.log_writer

    def undo_pending_annotation(self) -> None:
        """Ctrl+Z: drop the held annotation; nothing was recorded."""
        was = self.draft_view.undo_pending()
        if was is not None:
            self.session.notes.info(
                self.tr("Annotation of claim %1 undone: nothing was recorded.").replace("%1", str(was["claim_number"]))
            )

    def show_decision(self) -> None:
        self.tabs.setCurrentWidget(self.decision_panel)
        self.decision_panel.rationale.setFocus()

    def _row_in_log(self, warning: str):
        """The current draft's row when it is recorded in an open triage log (the one rule
        for annotating, deciding and approving); otherwise ``warning`` is shown and None."""
        row = self.current_row()
        if row is None or row.draft_id is None or self.session.log is None:
            self.session.notes.warning(warning)
            return None
        return row

    def _write_decision(self, call, values: dict, stored) -> BaseWorker | None:
        """A write of the Decision panel (a decision, an approval of its override) for the
        current draft, in the background; ``stored(key, db, decision)`` follows when it is
        stored. Returns the worker (None: nothing started)."""
        row = self._row_in_log(self.tr("Decisions need the triage log; check the database in Settings."))
        if row is None:
            return None
        key, db = row.key, self.session.db_path
        w = self._start_log_write(call, row.draft_id, values, lambda d: stored(key, db, d), self._log_write_failed)
        if w is not None:
            self.decision_panel.set_saving(True)
        return w

    def save_decision(self, values: dict) -> BaseWorker | None:
        """Record the decision for the current draft in the background (the window keeps
        running while the log is busy); the panel, queue and log view follow when it is
        stored. Returns the worker (None: nothing started)."""
        w = self._write_decision(backend.decide, dict(values), self._decision_stored)
        if w is not None:
            self.statusBar().showMessage(self.tr("Saving the decision in the triage log…"))
        return w

    def approve_override(self, note: str = "") -> BaseWorker | None:
        """A manager approves the override of the current draft's decision (in the
        background, as a decision is saved). Returns the worker (None: nothing started)."""
        return self._write_decision(backend.approve_override, {"note": note}, self._override_approved)

    def _override_approved(self, key: str, db: str | None, decision) -> None:
        from workbench.messages import M, msg

        if self.session.db_path == db:
            if self.decision_panel.key == key:
                self.decision_panel.approved(decision)
            i = self.queue_model.find(key)
            if i >= 0:
                self.queue_model.upsert(replace(self.queue_model.row_at(i), override=decision.override_status))
            self.refresh_log()
        from workbench.ui.notifications import ui_language

        self.session.notes.info(msg(M.I550, who=decision.approved_by, at=decision.approved_at).render(ui_language()))

    def _decision_stored(self, key: str, db: str | None, decision) -> None:
        if self.session.db_path != db:  # another log was opened meanwhile: its rows are not this draft's
            self.session.notes.info(self.tr("Decision saved in the triage log."))
            return
        if self.decision_panel.key == key:  # the reviewer may have moved on while it was saved
            self.decision_panel.saved(decision)
        i = self.queue_model.find(key)
        if i >= 0:
            self.queue_model.upsert(
                replace(self.queue_model.row_at(i), decision=decision.decision, status="decided",
                        override=getattr(decision, "override_status", None),
                        primary_review_due=decision.primary_review_due, foreign_filing_free=decision.foreign_filing_free)
            )
        self.session.notes.info(self.tr("Decision saved in the triage log."))
        self.refresh_log()
        self.refresh_deadlines()

    # -- the log ---------------------------------------------------------------------------
    def refresh_log(self) -> None:
        log = self.session.log
        if log is None:
            return
        if self._history_of != self.session.db_path:  # another log: read its history whole
            self._history, self._history_of = [], self.session.db_path
        try:
            # the log is append-only: read the events after those shown (every verdict's
            # payload again took ~0.5 s of each refresh with a year's log), and then only the
            # drafts they touched (a team log of 10,000 drafts: the whole list took seconds)
            whole = not self._history
            events = log.history(after=self._history[-1].event_id if self._history else 0, fields=backend.HISTORY_FIELDS)
            touched = {e.draft_id for e in events if e.draft_id is not None}
            summaries = log.drafts(latest_only=True) if whole else log.drafts(ids=touched, latest_only=True)
        except WorkbenchError as exc:
            self.session.notes.error(exc)
            return
        names = backend.field_names(self.session.language, self.session.rules_dir)
        rows = [backend.row_from_summary(s, names, self.session.language) for s in summaries]
        model = self.queue_model
        for n, r in enumerate(rows):  # a row shown keeps the file it was opened from
            i = model.find(r.key)
            if i >= 0 and model.row_at(i).path:
                rows[n] = replace(r, path=model.row_at(i).path)
        # one pass: changed rows replaced, new rows appended in one insertion, equal rows
        # left alone (upserting 10,000 rows one at a time re-sorted the proxy each time)
        model.upsert_many(rows)
        # one row per matter: an earlier version gives its row to the newest
        in_summaries = {s.id for s in summaries}
        latest_of = {s.matter_id: s.id for s in summaries if s.matter_id is not None}
        follow = None
        gone = []
        rows_now = model.rows
        # a draft the new events touched that the latest-only read left out is an earlier version
        # of its matter: two versions screened in one batch (the earlier one's row came from the
        # batch, without its matter, and stayed beside the newer one)
        overtaken = touched - in_summaries if not whole else set()
        if not whole:  # a refresh: only rows of the matters read now can give way (10,000 rows, every refresh)
            rows_now = [r for r in rows_now
                        if (r.matter_id if r.matter_id is not None else r.draft_id) in latest_of or r.draft_id in overtaken]
        for r in rows_now:
            if r.draft_id is None:
                continue
            newest = latest_of.get(r.matter_id if r.matter_id is not None else r.draft_id)
            if newest == r.draft_id or (newest is None and not whole and r.draft_id not in overtaken) or not r.key.startswith("db:"):
                continue
            if newest is not None or r.draft_id not in in_summaries:
                if self.current_key == r.key and newest is not None:
                    follow = f"db:{newest}"
                gone.append(r.key)
        for key in gone:
            model.remove(key)
        if follow is not None:
            self.current_key = None
            self.select_key(follow)
        by_id = {s.id: s.name for s in summaries}
        missing = {e.draft_id for e in events if e.draft_id is not None and e.draft_id not in by_id}
        for d in list(missing):  # events of drafts not read now: the name the queue shows
            i = model.find(f"db:{d}")
            if i >= 0:
                by_id[d] = model.row_at(i).name
                missing.discard(d)
        if missing:  # events of an earlier version keep its name
            try:
                by_id.update({s.id: s.name for s in log.drafts(ids=missing)})
            except WorkbenchError:
                pass
        new = [backend.history_row(e, by_id) for e in events]
        self._history += new
        if whole:
            self.log_view.set_history(list(self._history))
        else:
            self.log_view.append_history(new)
        if whole or summaries:  # the chart counts the drafts: only when one was read
            self.log_view.set_drafts([r for r in model.rows if r.draft_id is not None])
        if whole:
            self.queue.fit_columns()  # (changed rows refit through the queue's coalescing timer)

    def refresh_deadlines(self, today=None) -> BaseWorker | None:
        """Read the deadlines when their tab is shown (or asked for, e.g. after a decision),
        in a worker on its own connection: every draft of a 10,000-draft team log is read,
        which froze the window ~1 s on the GUI thread. Returns the worker (None: not shown)."""
        if self.session.log is None or self.session.db_path is None or self.tabs.currentWidget() is not self.deadlines_view:
            return None
        view = self.deadlines_view
        ticket = view.begin_load()  # a later load (or a direct view.load) wins over this one
        w = FunctionWorker(backend.deadlines, self.session.db_path, view.days, today)
        w.signals.result.connect(lambda res: view.show_loaded(ticket, *res))
        w.signals.errored.connect(lambda exc: self.session.notes.error(exc))
        start_worker(w)
        return w

    def export_dialog(self, fmt: str = "csv", path: str | None = None) -> BaseWorker | None:
        if self.session.db_path is None:
            self.session.notes.warning(self.tr("No triage log is open."))
            return None
        chosen_filters = self.log_view.export_filters()
        # an empty export 'of 0 decisions' would look like a log without decisions: the use
        # case's period check, asked before the file dialog
        problem = backend.period_problem(chosen_filters.get("since"), chosen_filters.get("until"))
        if problem is not None:
            from workbench.ui.notifications import ui_language

            self.session.notes.warning(problem.render(ui_language()), code=problem.code)
            return None
        if path is None:
            filters = {"csv": self.tr("CSV (*.csv)"), "xlsx": self.tr("Excel workbook (*.xlsx)"), "pdf": self.tr("PDF report (*.pdf)")}
            path, chosen = QFileDialog.getSaveFileName(
                self, self.tr("Export the triage log"), f"triage-log.{fmt}", ";;".join(filters.values()), filters.get(fmt, "")
            )
            if not path:
                return None
            path, fmt = self.export_target(path, chosen, filters, fmt)
        if self.worker is not None:
            self.session.notes.warning(self.tr("Please wait for the running work to finish, or cancel it."))
            return None
        from workbench.ui.notifications import ui_language

        # a CSV's / XLSX's column labels in the window's language beside their fixed keys (the PDF: both)
        language = "both" if fmt == "pdf" else ui_language()
        w = FunctionWorker(backend.export, self.session.db_path, fmt, path, language=language, **chosen_filters)
        w.signals.result.connect(
            lambda res: self.session.notes.info(
                self.tr("Exported %1 decision(s) to %2").replace("%1", str(getattr(res, "rows", "?"))).replace("%2", str(path))
            )
        )
        w.signals.result.connect(self._export_chain_warning)
        w.signals.errored.connect(lambda exc: self.session.notes.error(exc))
        w.signals.finished.connect(self._finish)
        self._run(w, 0)
        return w

    def _export_chain_warning(self, res) -> None:
        """An export of a log that fails verify: a warning in the window, not only in the file."""
        warning = getattr(res, "warning", None)
        if warning is not None:
            from workbench.ui.notifications import ui_language

            self.session.notes.warning(warning.render(ui_language()), code=warning.code)

    EXPORT_ENDINGS = ("csv", "xlsx", "pdf", "json")

    def export_target(self, path: str, chosen: str, filters: dict, fmt: str) -> tuple[str, str]:
        """The file and format an export writes: the typed ending decides (``log.pdf`` with
        the XLSX filter chosen is a PDF, and the status bar says so, never ``log.pdf.xlsx``);
        a name without a known ending gets the chosen filter's."""
        picked = next((code for code, label in filters.items() if chosen == label), fmt)
        typed = Path(path).suffix.lower().lstrip(".")
        if typed in self.EXPORT_ENDINGS:
            if typed != picked:
                self.session.notes.info(
                    self.tr("The file name ends in .%1, so the log is exported as %2 (not %3).")
                    .replace("%1", typed).replace("%2", typed.upper()).replace("%3", picked.upper())
                )
            return path, typed
        return f"{path}.{picked}", picked

    # -- settings and help -----------------------------------------------------------------------
    def settings_dialog(self) -> None:
        dlg = SettingsDialog(self.session.prefs, self)
        dlg.accepted.connect(lambda: self.apply_preferences(dlg.preferences()))
        dlg.open()

    def apply_preferences(self, prefs) -> None:
        old = self.session.prefs
        try:
            save_preferences(prefs)
        except WorkbenchError as exc:
            self.session.notes.error(exc)
            return
        if prefs.effective_db_path != old.effective_db_path and not self._switch_log(prefs.effective_db_path):
            prefs = replace(prefs, db_path=old.db_path)  # keep working on the log that opens
            save_preferences(prefs)
        self.session.prefs = prefs
        if prefs.active_rules_dir() != old.active_rules_dir():
            self.check_rescreen()  # verdicts of the old rules: offer to re-screen them
        if prefs.language != old.language:
            self.language_change_requested.emit(prefs.language)
        if prefs.thresholds != old.thresholds and self.queue_model.rowCount():
            # the levels in the queue were set with the old thresholds: say so, not only 'saved'
            self.session.notes.info(self.tr(
                "Settings saved. The new thresholds apply to drafts screened from now on; "
                "the levels shown were set with the old ones (open a draft again to re-screen it)."
            ))
        else:
            self.session.notes.info(self.tr("Settings saved."))

    def _manager_columns_for_log(self) -> None:
        """A team log's manager gets the manager's columns (decision status, key dates) first."""
        log = self.session.log
        try:
            manager = bool(log is not None and log.is_team and log.role() == "manager")
        except WorkbenchError:
            manager = False
        if manager:
            self.act_manager_columns.setChecked(True)  # (toggled: the queue reorders its columns)

    def _switch_log(self, path) -> bool:
        if not self.session.open_log(path):
            return False
        self._manager_columns_for_log()
        self.queue_model.set_rows(())
        self.session.verdicts.clear()
        self.session.paths.clear()
        self.session.ipc_codes.clear()
        self.current_key = None
        self._show_nothing()
        self.refresh_log()
        self._update_db_label()
        return True

    def _show_nothing(self) -> None:
        self.draft_view.set_verdict(None)
        self.decision_panel.set_draft(None)

    def _update_db_label(self) -> None:
        if self.session.db_path:
            from workbench.store.dialect import is_team_url, redact_url

            team = is_team_url(self.session.db_path)  # a team log: its URL, never its password
            shown = redact_url(self.session.db_path) if team else self.session.db_path
            self.db_label.setText(self.tr("Log: %1").replace("%1", shown if team else Path(shown).name))
            self.db_label.setToolTip(shown)
        else:
            self.db_label.setText(self.tr("No triage log open"))

    def show_shortcuts(self) -> ShortcutsDialog:
        dlg = ShortcutsDialog(self.review_actions, self)
        dlg.open()
        return dlg

    def show_about(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About"), about_text(self.cjk_font), QMessageBox.StandardButton.Ok, self)
        box.open()
        return box
