"""The checklist's sources are links that open or can be copied (not only in a tooltip),
and a partly confirmed jurisdiction does not say "unverified" over a note that says
"... are confirmed"."""

from __future__ import annotations

from PySide6.QtCore import Qt

from workbench.ui.decision_panel import DecisionPanel


def _panel(qtbot, language="en"):
    p = DecisionPanel(language=language)
    qtbot.addWidget(p)
    p.set_draft("uuv.txt", level="likely")
    p.place.setCurrentIndex(p.place.findData(True))
    p.countries.setText("US, EP, CN")
    p.residences.setText("JP, IN, GB")  # India (yes) and the UK (possible) join Japan
    return p


def _row(p, code):
    return next(r for r, row in enumerate(p.checklist_rows()) if row[0].endswith(f"({code})"))


def test_the_selected_rows_sources_are_links(qtbot):
    p = _panel(qtbot)
    assert len(p.checklist_rows()) >= 2
    label = p.checklist_sources
    assert not label.isHidden() and label.openExternalLinks()  # a click opens the browser
    assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse  # can be selected and copied
    assert label.minimumSizeHint().width() < 200  # a long URL wraps: it never widens the window
    assert p.source_links() and all(u.startswith(("https://", "http://")) for u in p.source_links())
    p.checklist.setCurrentCell(_row(p, "JP"), 0)
    jp_links = p.source_links()
    assert "jpo.go.jp" in jp_links[0] and "(JP)" in p.sources_text() and jp_links[0] in p.sources_text()
    p.checklist.setCurrentCell(_row(p, "IN"), 0)
    assert p.source_links() and p.source_links() != jp_links and "(IN)" in p.sources_text()


def test_a_partly_confirmed_rule_says_so_in_its_tooltip(qtbot):
    p = _panel(qtbot, "ja")
    item = p.checklist.item(_row(p, "JP"), 0)
    jp = item.data(Qt.ItemDataRole.UserRole + 1)
    assert not jp.jurisdiction.verified and "確認済み" in jp.text("note", "ja")
    tip = item.toolTip()
    head = tip.split("<br>")[0]
    assert "partly verified" in head or "一部確認済み" in head
    assert head.count("未確認") == 0  # the header no longer contradicts the note
