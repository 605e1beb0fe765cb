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
