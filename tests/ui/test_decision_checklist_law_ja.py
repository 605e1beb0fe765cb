"""The decision panel's checklist cites each rule's law in Japanese when the UI is Japanese
(the row's tooltip), and keeps the English citation in English."""

from __future__ import annotations

import html


from workbench.filing import load_jurisdictions
from workbench.ui.decision_panel import COL_COUNTRY, DecisionPanel

RULES = {j.code: j for j in load_jurisdictions()}


def tooltips(panel) -> dict[str, str]:
    t = panel.checklist
    out = {}
    for r in range(t.rowCount()):
        code = t.item(r, COL_COUNTRY).text().rsplit("(", 1)[1].rstrip(")")
        out[code] = t.item(r, COL_COUNTRY).toolTip()
    return out


def fill(panel) -> None:
    panel.set_draft("uuv.txt", level="likely", defence_related=True)
    panel.place.setCurrentIndex(panel.place.findData(True))
    panel.countries.setText("US, EP")
    panel.residences.setText("GB, IN, FR")


def test_japanese_checklist_tooltips_cite_the_law_in_japanese(qtbot, japanese):
    p = DecisionPanel()
    qtbot.addWidget(p)
    assert p.checklist_language() == "ja"
    fill(p)
    tips = tooltips(p)
    assert {"JP", "GB", "IN", "FR"} <= set(tips)
    for code, tip in tips.items():
        rule = RULES[code]
        assert f"<b>根拠法令:</b> {html.escape(rule.law_ja)}<br>" in tip, code
        assert html.escape(rule.law) not in tip, code
    assert "経済安全保障推進法" in tips["JP"] and "第78条 外国出願の禁止" in tips["JP"]
    for label in ("適用理由", "罰則", "出典"):  # the other labels are Japanese too, not 'Why' / 'Penalty' / 'Sources'
        assert f"<b>{label}:</b>" in tips["JP"]
    assert not any(f"<b>{word}:</b>" in tip for tip in tips.values() for word in ("Why", "Law", "Penalty", "Note", "Sources"))


def test_english_checklist_tooltips_keep_the_english_law(qtbot):
    p = DecisionPanel(language="en")
    qtbot.addWidget(p)
    fill(p)
    tips = tooltips(p)
    for code, tip in tips.items():
        assert f"Law:</b> {html.escape(RULES[code].law)}<br>" in tip and RULES[code].law_ja not in tip, code
