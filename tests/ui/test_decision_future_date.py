"""A JP filing date after today asks for confirmation before the decision is saved
(issue 15 item 2); today or earlier saves at once; the question is the core's W704."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate

from workbench.ui.decision_panel import DecisionPanel


@pytest.fixture
def panel(qtbot):
    p = DecisionPanel(language="en")
    qtbot.addWidget(p)
    p.set_draft("seeker.txt", level="likely")
    p.rationale.setPlainText("field 3 likely: file at the JPO first")
    p.jp_filed.setChecked(True)
    return p


@pytest.mark.parametrize("answer", [False, True])
def test_future_date_asks_and_saves_only_when_confirmed(panel, qtbot, answer):
    asked, saved = [], []
    panel.confirm_future_date = lambda text: asked.append(text) or answer
    panel.save_requested.connect(saved.append)
    panel.jp_date.setDate(QDate.currentDate().addDays(30))
    panel.request_save()
    assert len(asked) == 1 and "in the future" in asked[0]
    assert QDate.currentDate().addDays(30).toString("yyyy-MM-dd") in asked[0]
    assert len(saved) == (1 if answer else 0)


def test_today_saves_without_asking(panel):
    asked, saved = [], []
    panel.confirm_future_date = lambda text: asked.append(text) or False
    panel.save_requested.connect(saved.append)
    panel.jp_date.setDate(QDate.currentDate())
    panel.request_save()
    assert asked == [] and len(saved) == 1


def test_the_question_is_japanese_for_a_japanese_panel(qtbot):
    p = DecisionPanel(language="ja")
    qtbot.addWidget(p)
    p.set_draft("seeker.txt", level="likely")
    p.rationale.setPlainText("x")
    p.jp_filed.setChecked(True)
    p.jp_date.setDate(QDate.currentDate().addDays(3))
    asked = []
    p.confirm_future_date = lambda text: asked.append(text) or False
    p.request_save()
    assert asked and "将来の日付" in asked[0]
