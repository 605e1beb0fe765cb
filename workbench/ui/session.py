"""What the app holds between windows: preferences, the open triage log (main-thread
connection), the verdicts screened in this session, and the notification route."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.domain import DraftVerdict
from workbench.errors import WorkbenchError
from workbench.ui import backend
from workbench.ui.notifications import NotificationManager, notifications
from workbench.ui.process_runner import ScreeningProcess
from workbench.settings import Settings
from workbench.ui.preferences import load_preferences, rules_dir

if TYPE_CHECKING:  # the store loads when the log is opened
    from workbench.store import TriageLog


@dataclass
class Session:
    prefs: Settings = field(default_factory=Settings)  # the user's settings (workbench.settings)
    db_path: str | None = None  # the log in use (None: no log open)
    log: TriageLog | None = None  # the GUI thread's connection to the triage log
    verdicts: dict[str, DraftVerdict] = field(default_factory=dict)  # queue key -> verdict
    paths: dict[str, str] = field(default_factory=dict)  # queue key -> source path
    ipc_codes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # queue key -> known IPC codes its verdict used
    notes: NotificationManager = field(default_factory=notifications)
    language: str = "en"  # resolved UI language
    last_log_error: WorkbenchError | None = None
    screener: ScreeningProcess = field(default_factory=ScreeningProcess)  # the pipeline's process

    @classmethod
    def start(cls, prefs: Settings | None = None, db_path: str | None = None, notes: NotificationManager | None = None) -> "Session":
        s = cls(prefs=prefs or load_preferences(), notes=notes or notifications())
        s.open_log(db_path or s.prefs.effective_db_path)
        return s

    def open_log(self, path: str | Path) -> bool:
        """Open (or create) the log at ``path`` and switch to it. On E5xx the error goes to
        the user and the log already open (if any) stays in use; the file that failed is
        never overwritten."""
        try:
            new = backend.open_log(path)
        except WorkbenchError as exc:
            self.last_log_error = exc
            self.notes.error(exc)
            return False
        self.close_log()
        self.log = new
        self.db_path = str(path)
        self.last_log_error = None
        return True

    def close_log(self) -> None:
        if self.log is not None:
            try:
                self.log.close()
            finally:
                self.log = None

    def shutdown(self) -> None:
        """Stop the screening process and close the log (the app is quitting)."""
        self.screener.close()
        self.close_log()

    @property
    def reviewer(self) -> str:
        return self.prefs.effective_reviewer

    @property
    def rules_dir(self) -> str | None:
        """The user rules folder screening uses (None: the installed rules only)."""
        return rules_dir(self.prefs)

    @property
    def recording(self) -> bool:
        return self.db_path is not None
