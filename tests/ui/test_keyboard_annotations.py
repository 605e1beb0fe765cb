"""Annotations by keyboard cannot record by accident: Ctrl+1 / Ctrl+2 hold an annotation
that names its claim and field until Ctrl+S saves it, Ctrl+Z (or another draft) drops it;
a claim without a field of its own gets none. And the GUI export writes the format its
file name says."""

from __future__ import annotations

from dataclasses import replace

from ui_fakes import fake_classify, wait_for_log_write


def _screen(win, qtbot, paths, screen_files):
    with qtbot.waitSignal(win.batch_finished, timeout=60000):
        assert win.open_paths([str(p) for p in paths], screen_files=screen_files) is not None


def _last_claim_without_fields(paths, **_):
    """As the fake classifier, but the last claim of each draft has no field of its own."""
    from workbench.ingest import read_draft

    for p in paths:
        v = fake_classify(read_draft(p))
        cvs = list(v.claim_verdicts)
        cvs[-1] = replace(cvs[-1], fields=(), evidence=())
        yield p, replace(v, claim_verdicts=tuple(cvs))


def _annotations(window):
    return window.session.log.draft(window.current_row().draft_id).annotations


def test_ctrl_1_holds_a_named_annotation_until_ctrl_s(window, qtbot, example_drafts):
    _screen(window, qtbot, example_drafts[:1], _last_claim_without_fields)
    view = window.draft_view
    first = view.current_claim
    window.act_agree.trigger()
    assert view.pending == {"claim_number": first, "field_id": 1, "verdict": "agree", "note": "", "corrected_ipc": None}
    shown = view.pending_label.text()
    assert f"claim {first}" in shown and "1. Test field one" in shown and "Ctrl+Z" in shown
    assert shown in window.statusBar().currentMessage()
    assert _annotations(window) == () and window.log_writer is None
    window.act_disagree.trigger()  # changes its mind: still one, now a disagree
    assert view.pending["verdict"] == "disagree" and "Disagree" in view.pending_label.text()
    window.act_undo_annotation.trigger()  # Ctrl+Z
    assert view.pending is None and not view.pending_box.isVisibleTo(view)
    assert "nothing was recorded" in window.session.notes.history[-1].render("en")
    window.act_save_annotation.trigger()  # nothing held: nothing recorded
    assert window.log_writer is None and _annotations(window) == ()
    window.act_agree.trigger()
    window.act_save_annotation.trigger()
    wait_for_log_write(window, qtbot)
    (a,) = _annotations(window)
    assert (a.claim_number, a.field_id, a.verdict) == (first, 1, "agree")
    assert view.pending is None and window.session.log.verify().ok


def test_no_keyboard_annotation_on_a_claim_without_a_field(window, qtbot, example_drafts):
    _screen(window, qtbot, example_drafts[:1], _last_claim_without_fields)
    view = window.draft_view
    last = view.verdict.claims.claims[-1].number
    assert view.select_claim(last)
    assert view.ann_field.currentData() is None  # "(whole claim)", never the draft's top field
    window.act_agree.trigger()
    assert view.pending is None
    assert f"Claim {last} has no field flagged" in window.session.notes.history[-1].render("en")
    window.act_save_annotation.trigger()
    assert window.log_writer is None and _annotations(window) == ()


def test_a_held_annotation_is_dropped_when_another_draft_is_opened(window, qtbot, example_drafts):
    _screen(window, qtbot, example_drafts[:2], _last_claim_without_fields)
    rows = [window.queue_model.row_at(i) for i in range(window.queue_model.rowCount())]
    window.select_key(rows[0].key)
    window.act_agree.trigger()
    assert window.draft_view.pending is not None
    window.select_key(rows[1].key)
    assert window.draft_view.pending is None
    assert "was not saved" in window.session.notes.history[-1].render("en")
    window.act_save_annotation.trigger()
    assert window.log_writer is None
    assert all(window.session.log.draft(r.draft_id).annotations == () for r in rows)


def test_the_typed_ending_decides_the_export_format(window, qtbot, tmp_path, monkeypatch, example_drafts):
    from PySide6.QtWidgets import QFileDialog

    from workbench.ui import main_window as mw

    _screen(window, qtbot, example_drafts[:1], _last_claim_without_fields)
    chosen = {}

    def save_name(parent, title, name, filters, selected):
        return chosen["path"], chosen["filter"]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    started = []
    real_start = mw.start_worker
    monkeypatch.setattr(mw, "start_worker", lambda w: (started.append(qtbot.waitSignal(w.signals.finished, timeout=60000)), real_start(w))[1])
    for typed, filt, written in (("log.pdf", "Excel workbook (*.xlsx)", "log.pdf"), ("log", "Excel workbook (*.xlsx)", "log.xlsx"),
                                 ("log2.CSV", "PDF report (*.pdf)", "log2.CSV")):
        chosen.update(path=str(tmp_path / typed), filter=filt)
        assert window.export_dialog("xlsx") is not None
        started[-1].wait()
        assert (tmp_path / written).is_file(), written
    assert not (tmp_path / "log.pdf.xlsx").exists()
    assert (tmp_path / "log.pdf").read_bytes()[:5] == b"%PDF-"
    assert (tmp_path / "log.xlsx").read_bytes()[:2] == b"PK"
    assert (tmp_path / "log2.CSV").read_text(encoding="utf-8-sig").startswith("# ")
    said = [n.render("en") for n in window.session.notes.history]
    assert any("ends in .pdf, so the log is exported as PDF (not XLSX)" in s for s in said)
