"""The window on a 1366 x 768 laptop and a 1920 x 1080 monitor, in both languages: it shrinks
to the screen, nothing is cut off (status bar, Agree / Disagree, Save decision), the queue
shows each draft's decision and key dates without a horizontal scroll bar, the claim tree
has room for the preambles; and the header says its whole sentence."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from ui_fakes import fake_screen_files
from workbench.ui.models.queue import COL_DECISION, COL_DUE_3M, COL_FREE_10M, COL_LEVEL, COL_LIKELIHOOD, COL_NAME


def _screen(win, qtbot, paths):
    with qtbot.waitSignal(win.batch_finished, timeout=60000):
        assert win.open_paths([str(p) for p in paths], screen_files=fake_screen_files) is not None


def _on_screen(widget, win) -> bool:
    """Wholly inside the window and not hidden."""
    if not widget.isVisibleTo(win):
        return False
    top_left = widget.mapTo(win, widget.rect().topLeft())
    bottom_right = widget.mapTo(win, widget.rect().bottomRight())
    return win.rect().contains(top_left) and win.rect().contains(bottom_right)


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_window_fits_the_screen_with_nothing_cut_off(qtbot, qapp, tmp_path, example_drafts, size, language):
    from workbench.ui import i18n
    from workbench.ui.main_window import MainWindow
    from workbench.ui.notifications import NotificationManager
    from workbench.ui.session import Session

    assert i18n.install_translators(qapp, language) == language
    i18n.apply_font_fallback(qapp)
    session = Session.start(db_path=str(tmp_path / "log.sqlite"), notes=NotificationManager())
    session.language = language
    try:
        window = MainWindow(session)  # built after the translators: its words are the language's
        window.in_process = False
        qtbot.addWidget(window)
        if language == "ja":
            assert window.tabs.tabText(0) == "草稿"
        _screen(window, qtbot, example_drafts)
        row = window.queue_model.row_at(0)
        session.log.decide(row.draft_id, "hold", "waiting", jp_filing_date="2026-01-31", reviewer="t")
        window.refresh_log()
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: (window.width(), window.height()) == size and _on_screen(window.statusBar(), window),
                        timeout=2000)  # the window manager's resize and the layout are done
        min_hint = window.minimumSizeHint()
        assert min_hint.width() <= size[0] and min_hint.height() <= size[1], min_hint
        assert (window.width(), window.height()) == size
        view = window.draft_view
        for w in (window.statusBar(), view.agree_button, view.disagree_button, view.ann_field):
            assert _on_screen(w, window), w
        q = window.queue
        shown = q.shown_columns()
        for col in (COL_NAME, COL_LEVEL, COL_LIKELIHOOD, COL_DECISION, COL_DUE_3M, COL_FREE_10M):
            assert col in shown, (col, shown)
        assert q.horizontalScrollBar().maximum() == 0  # nothing behind a horizontal scroll bar
        right = max(q.columnViewportPosition(c) + q.columnWidth(c) for c in shown)
        assert right <= q.viewport().width()
        # the claim tree: at least as wide as the claim text, and a preamble's first words fit
        assert view.tree.width() >= 0.9 * view.text.width()
        assert view.tree.columnWidth(0) >= 200
        # the annotation's field: a long name ends in '…' inside the box, never cut mid-word
        combo = view.ann_field
        longest = max(range(combo.count()), key=lambda i: combo.fontMetrics().horizontalAdvance(combo.itemText(i)))
        combo.setCurrentIndex(longest)
        painted = combo.shown_text()
        assert combo.fontMetrics().horizontalAdvance(painted) <= combo.width()
        assert painted == combo.itemText(longest) or painted.endswith("…"), painted
        assert combo.toolTip() == combo.itemText(longest)
        # the field table: the field's name gets the room its status, likelihood and rule leave
        # ('12. …' at 1366 x 768 when the three panes were equal), and its tooltip the whole name
        table, model = view.fields, view.field_model
        assert model.rowCount() > 0
        name_col = table.columnWidth(0)
        assert name_col >= table.fontMetrics().horizontalAdvance("12. Submari…") + 24, name_col  # + the swatch
        f = model.field_at(0)
        whole = f.name_ja if language == "ja" and f.name_ja else f.name_en
        assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole).startswith(f"{f.field_id}. {whole}")
        window.tabs.setCurrentWidget(window.decision_panel)
        qtbot.waitUntil(lambda: _on_screen(window.decision_panel.save_button, window), timeout=2000)
        window.close()
    finally:
        session.close_log()
        i18n.install_translators(qapp, "en")


def test_the_header_keeps_a_small_likelihood_and_its_parenthesis(qtbot):
    """'<1%' in the rich-text header opened an HTML tag: the header read '(the rule behind
    this field is not verified' with the percent and the ')' gone."""
    from dataclasses import replace

    from ui_fakes import fake_classify
    from workbench.ingest import read_draft
    from workbench.ui.draft_view import DraftView
    from pathlib import Path

    draft = read_draft(Path(__file__).resolve().parents[2] / "workbench" / "examples" / "draft_en_coffee_grinder.txt")
    v = fake_classify(draft)
    v = replace(v, level="review", fields=(replace(v.fields[0], likelihood=0.002, verified=False),))
    view = DraftView()
    qtbot.addWidget(view)
    view.set_verdict(v, "en")
    doc = QTextDocument()
    doc.setHtml(view.header.text())
    shown = doc.toPlainText()
    assert "top field: 1. Test field one (<1%) · the rule behind this field is not verified" in shown, shown
    # a cleared draft's top field is its nearest one, far from it (as the CLI says), not a finding
    view.set_verdict(replace(v, level="clear"), "ja")
    doc.setHtml(view.header.text())
    shown = doc.toPlainText()
    assert "最も近い分野（離れています）: 1. " in shown and "（<1%）" in shown and "最有力" not in shown, shown
