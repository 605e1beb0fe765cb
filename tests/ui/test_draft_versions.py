"""A draft that comes back edited, in the window: one queue row for the matter (its latest
version), the draft view says what changed, the annotations of unchanged claims are there
and the changed ones are marked for re-review, the decision panel says which version the
decision was made on."""

from __future__ import annotations

from pathlib import Path

from ui_fakes import fake_screen_files, wait_for_log_write

EXAMPLE = Path(__file__).resolve().parents[2] / "workbench" / "examples" / "draft_en_coffee_grinder.txt"


def _screen(win, qtbot, paths):
    with qtbot.waitSignal(win.batch_finished, timeout=60000):
        assert win.open_paths([str(p) for p in paths], screen_files=fake_screen_files) is not None


def _rows(win):
    return [win.queue_model.row_at(i) for i in range(win.queue_model.rowCount())]


def test_an_edited_draft_reimported_is_the_next_version_in_the_window(window, qtbot, tmp_path):
    draft = tmp_path / "grinder.txt"
    text = EXAMPLE.read_text(encoding="utf-8")
    draft.write_text(text, encoding="utf-8")
    _screen(window, qtbot, [draft])
    (v1,) = _rows(window)
    log = window.session.log
    log.annotate(v1.draft_id, 1, 1, "agree", "a kitchen appliance", reviewer="sato")
    log.annotate(v1.draft_id, 2, 1, "disagree", "lighting only", reviewer="sato")
    log.decide(v1.draft_id, "hold", "waiting for the inventor", reviewer="kimura")
    window.refresh_log()

    # the attorney amends claim 2 and the draft comes back under the same name
    edited = text.replace("wherein the scale is illuminated.", "wherein the scale is illuminated by a light guide fed by an LED.")
    assert edited != text
    draft.write_text(edited, encoding="utf-8")
    _screen(window, qtbot, [draft])
    window.refresh_log()
    rows = _rows(window)
    assert len(rows) == 1, rows  # one row per matter
    (row,) = rows
    assert row.draft_id != v1.draft_id and (row.version, row.versions) == (2, 2)
    assert row.decision == "hold" and row.decision_version == 1
    name = window.queue_model.data(window.queue_model.index(0, 0))
    assert name == "grinder.txt · v2"
    window.select_key(row.key)
    view = window.draft_view
    assert window.current_key == row.key  # the reviewer stays on the matter: now its version 2
    assert view.changes.isVisibleTo(view)
    changes = view.changes.toPlainText()
    assert "Changes since version 1: 2 unchanged, 1 amended, 0 added, 0 removed" in changes
    assert "Claim 2 amended" in changes
    assert "version 2 of 2" in view.header.text()
    items = [view.annotations.item(i).text() for i in range(view.annotations.count())]
    assert any(t.startswith("#1 F1") and "from version 1" in t for t in items), items
    assert any(t.startswith("⚠ Re-review claim 2 F1") for t in items), items
    history = [window.decision_panel.history.item(i).text() for i in range(window.decision_panel.history.count())]
    assert len(history) == 1 and "[on version 1]" in history[0]
    # a decision on the new version names it
    panel = window.decision_panel
    panel.rationale.setPlainText("claim 2 still civil")
    panel.decision.setCurrentIndex(panel.decision.findData("hold"))
    window.act_save_decision.trigger()
    wait_for_log_write(window, qtbot)
    rec = log.draft(row.draft_id)
    assert [rec.version_of(d.draft_id) for d in rec.decisions] == [1, 2]
    assert log.verify().ok


def test_a_language_switch_keeps_one_row_per_matter_with_its_version_and_decision(qtbot, qapp, tmp_path):
    """The rebuilt window (Settings ▸ language) re-adds the session's verdicts: the earlier
    version's verdict must not come back as a second row, nor the latest lose 'v2' and the
    version its decision was made on (the Japanese screenshots showed two grinder rows)."""
    from ui_fakes import fake_screen_files

    from workbench.ui import i18n
    from workbench.ui.app import Controller
    from workbench.ui.notifications import NotificationManager
    from workbench.ui.session import Session

    draft = tmp_path / "grinder.txt"
    text = EXAMPLE.read_text(encoding="utf-8")
    draft.write_text(text, encoding="utf-8")
    session = Session.start(db_path=str(tmp_path / "log.sqlite"), notes=NotificationManager())
    ctl = Controller(qapp, session)
    win = ctl.build("en")
    try:
        _screen(win, qtbot, [draft])
        (v1,) = _rows(win)
        session.log.decide(v1.draft_id, "hold", "waiting for the inventor", reviewer="kimura")
        draft.write_text(text.replace("the scale is illuminated.", "the scale is lit by an LED."), encoding="utf-8")
        _screen(win, qtbot, [draft])
        win.refresh_log()
        assert len(_rows(win)) == 1 and len(session.verdicts) == 2  # both versions screened in this session
        new = ctl.build("ja")
        qtbot.addWidget(new)
        rows = _rows(new)
        assert len(rows) == 1, rows
        (row,) = rows
        assert (row.version, row.versions, row.decision, row.decision_version) == (2, 2, "hold", 1)
        assert new.queue_model.data(new.queue_model.index(0, 0)) == "grinder.txt · 第2版"  # in the UI's language
        new.close()
    finally:
        i18n.install_translators(qapp, "en")
        session.close_log()


def test_the_log_view_names_a_version_in_the_ui_language(qapp):
    """The Details of a new-version event: 'version 2' / '第2版' (it read 'v2' on the Japanese screen)."""
    from workbench.ui import i18n
    from workbench.ui.backend import history_row
    from workbench.ui.models.history import HistoryModel

    event = {"id": 7, "at": "2026-12-02T10:00:00Z", "who": "tanaka", "kind": "draft.versioned", "draft_id": 3,
             "payload": {"matter_id": 2, "version": 2, "basis": "same_name"}}
    row = history_row(event, {3: "grinder.txt"})
    assert row.version == 2 and "v2" not in row.summary
    assert "version 2" in HistoryModel.details(row)
    try:
        assert i18n.install_translators(qapp, "ja") == "ja"
        details = HistoryModel.details(row)
        assert "第2版" in details and "version" not in details
    finally:
        i18n.install_translators(qapp, "en")


def test_two_versions_screened_in_one_batch_leave_one_row_for_their_matter(window, qtbot, tmp_path):
    """Walking the window: the seeker draft as .txt, then its PDF and its DOCX dropped in one
    folder showed two rows of one matter - the PDF (v2) stayed beside the DOCX (v3): the refresh
    after the batch reads only the latest version of each matter it touched, and the v2 row,
    added by the batch without its matter, was never told it had been overtaken."""
    text = EXAMPLE.read_text(encoding="utf-8")
    first = tmp_path / "grinder.txt"
    first.write_text(text, encoding="utf-8")
    _screen(window, qtbot, [first])
    window.refresh_log()
    folder = tmp_path / "back"
    folder.mkdir()
    (folder / "grinder_rev_a.txt").write_text(text.replace("a hopper", "a large hopper"), encoding="utf-8")
    (folder / "grinder_rev_b.txt").write_text(text.replace("a hopper", "a steel hopper"), encoding="utf-8")
    _screen(window, qtbot, [folder])
    window.refresh_log()
    rows = _rows(window)
    log = window.session.log
    assert len({r.draft_id for r in rows}) == len(rows)
    versions = {s.id: (s.version, s.versions) for s in log.drafts()}
    assert sorted(versions.values()) == [(1, 3), (2, 3), (3, 3)], versions  # one matter of three versions
    assert len(rows) == 1, [(r.name, r.version, r.versions) for r in rows]
    assert (rows[0].version, rows[0].versions) == (3, 3)
