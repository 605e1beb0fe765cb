"""The manager's view: the Deadlines tab shows the same drafts and dates as `workbench log
due`, overdue matters still on hold and this month's dates; the queue shows the decision's
override status."""

from __future__ import annotations

from factories_path import make_verdict  # noqa: F401  (tests/store/factories via conftest path)


def test_deadlines_tab_matches_log_due(window, qtbot, capsys):
    from workbench.cli.main import main

    log = window.session.log
    a = log.record_verdict(make_verdict("a.txt", text="a"))
    b = log.record_verdict(make_verdict("b.txt", text="b"))
    c = log.record_verdict(make_verdict("c.txt", text="c"))
    log.decide(a, "file_jp_first", "x", jp_filing_date="2024-01-31")  # 3 mo. 2024-04-30, 10 mo. 2024-11-30
    log.decide(b, "hold", "y", jp_filing_date="2023-12-15")  # 3 mo. 2024-03-15: past and still on hold
    log.decide(c, "file_jp_first", "z", jp_filing_date="2024-01-05")  # 3 mo. 2024-04-05
    window.tabs.setCurrentWidget(window.deadlines_view)
    view = window.deadlines_view
    view.load(log, "2024-04-01")
    due = view.rows()
    assert [r[3] for r in due] == ["2024-04-05", "2024-04-30"] and due[0][0].startswith(f"{c}:")
    assert main(["log", "due", "--db", window.session.db_path, "--days", "30", "--today", "2024-04-01"]) == 0
    cli = capsys.readouterr().out
    assert [line.split()[0] for line in cli.splitlines()] == [str(c), str(a)]  # the same drafts, same order
    view.set_bucket("overdue")
    assert [(r[0].split(":")[0], r[3]) for r in view.rows()] == [(str(b), "2024-03-15")]
    view.set_bucket("this_month")
    assert {r[3] for r in view.rows()} == {"2024-04-05", "2024-04-30"}
    assert "2" in view.count.text()


def test_the_deadlines_are_read_off_the_gui_thread_and_a_later_load_wins(window, qtbot):
    """Showing the tab read every draft of the log on the GUI thread (a 10,000-draft team
    log: the window froze ~1 s); now a worker on its own connection reads them."""
    import threading

    from workbench.ui import backend

    log = window.session.log
    a = log.record_verdict(make_verdict("a.txt", text="a"))
    log.decide(a, "hold", "x", jp_filing_date="2024-01-31")
    threads = []
    real = backend.deadlines

    def spy(*args, **kw):
        threads.append(threading.current_thread())
        return real(*args, **kw)

    backend.deadlines = spy
    try:
        window.tabs.setCurrentWidget(window.deadlines_view)  # the tab shown: a read starts
        w = window.refresh_deadlines("2024-04-01")
        with qtbot.waitSignal(w.signals.finished, timeout=10000):
            pass
        qtbot.waitUntil(lambda: bool(window.deadlines_view.rows()), timeout=5000)
    finally:
        backend.deadlines = real
    assert threads and all(t is not threading.main_thread() for t in threads)
    view = window.deadlines_view
    assert [r[3] for r in view.rows()] == ["2024-04-30"]  # 31 Jan + 3 months, due within 30 days of 1 Apr
    # a read still running when a newer one begins is not shown over it
    stale = view.begin_load()
    view.load(log, "2024-11-20")  # 10 months: 2024-11-30
    view.show_loaded(stale, {"due": [], "overdue": [], "this_month": []}, view._today)
    assert [r[3] for r in view.rows()] == ["2024-11-30"]


def test_an_empty_deadlines_list_says_where_dates_come_from(qtbot):
    """An empty tab showed a blank table and '0 key dates', nothing saying why or what to do."""
    from workbench.ui.deadlines_view import DeadlinesView

    view = DeadlinesView()
    qtbot.addWidget(view)
    view.show()
    view.show_loaded(view.begin_load(), {"due": [], "overdue": [], "this_month": []}, __import__("datetime").date(2026, 12, 2))
    assert view.empty.isVisibleTo(view) and "JP filing date" in view.empty.text()
