"""The window on a PostgreSQL team log (Settings / --db postgresql://...): it opens, saves a
decision as the login (never the typed reviewer name), and shows the URL without a password."""

from __future__ import annotations

from factories_path import make_verdict
from ui_fakes import wait_for_log_write


def test_the_window_works_on_a_team_log(qtbot, team_server, monkeypatch):
    from workbench.store import TriageLog
    from workbench.ui.main_window import MainWindow
    from workbench.ui.notifications import NotificationManager
    from workbench.ui.session import Session

    db = team_server.new_database()
    url = team_server.url(db, "tester")
    with TriageLog.open(team_server.url(db, "staff1")) as staff:
        did = staff.record_verdict(make_verdict("team.txt", level="review"))
    monkeypatch.setenv("WORKBENCH_REVIEWER", "Typed Name")
    session = Session.start(db_path=url.replace("tester@", "tester:secret@"), notes=NotificationManager())
    assert session.log is not None and session.log.is_team
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    try:
        win.refresh_log()
        assert "secret" not in win.db_label.text() and "secret" not in win.db_label.toolTip()
        assert win.select_key(f"db:{did}")
        panel = win.decision_panel
        panel.rationale.setPlainText("team decision")
        panel.save_button.click()
        wait_for_log_write(win, qtbot)
        d = session.log.draft(did).decision
        assert d is not None and d.rationale == "team decision" and d.reviewer == "tester"
    finally:
        win.close()
        session.close_log()
