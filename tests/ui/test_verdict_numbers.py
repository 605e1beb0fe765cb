"""What the verdict screen says about its numbers, on the real pipeline and the bundled drafts:
IPC suggestions under the confidence floor are not listed (the panel says there is no confident
suggestion), a claim's field likelihoods say they read that claim alone beside the whole draft's,
and the reasons show likelihoods as the table does ("<1%", never a raw 0.00334)."""

from __future__ import annotations

import re

import pytest

from workbench import triage
from workbench.classify.suggest_floor import CONFIDENCE_FLOOR
from workbench.domain import percent_text
from workbench.ui.draft_view import DraftView

RAW_DECIMAL = re.compile(r"(?<![\w.])0\.\d{2,}")  # 0.00334, 0.09: what a reason showed beside the table's "<1%"


@pytest.fixture(scope="module")
def verdicts():
    from workbench.resources import examples_dir

    return {p.stem: triage.screen_file(p) for p in sorted(examples_dir().glob("draft_*.txt"))}


@pytest.mark.parametrize("language", ["en", "ja"])
def test_noise_under_the_floor_is_not_listed_as_a_suggestion(qtbot, verdicts, language):
    v = verdicts["draft_en_coffee_grinder"]
    # the grinder's suggestions are all noise (H04N, G06F, H04W at ~6 %, A47J sixth): under the floor
    assert v.ipc and max(s.score for s in v.ipc) < CONFIDENCE_FLOOR
    view = DraftView()
    qtbot.addWidget(view)
    view.set_verdict(v, language)
    shown = view.ipc.text()
    assert ("no confident suggestion" if language == "en" else "確度の高い候補なし") in shown
    assert not any(s.code in shown for s in v.ipc)
    assert percent_text(CONFIDENCE_FLOOR) in shown  # the floor the panel names, on the panel's scale


def test_a_confident_suggestion_is_listed_as_a_percent_and_only_those_above_the_floor(qtbot, verdicts):
    v = verdicts["draft_en_underwater_vehicle"]
    view = DraftView()
    qtbot.addWidget(view)
    view.set_verdict(v, "en")
    view.select_claim(1)
    cv = next(c for c in v.claim_verdicts if c.claim_number == 1)
    ipc = cv.ipc or v.ipc
    above = [s for s in ipc if s.score >= CONFIDENCE_FLOOR][:5]
    below = [s for s in ipc[:5] if s.score < CONFIDENCE_FLOOR and s.code not in {a.code for a in above}]
    assert above, "the sonar AUV has confident suggestions"
    shown = view.ipc.text()
    for s in above:
        assert f"<b>{s.code}</b> {percent_text(s.score).replace('>', '&gt;').replace('<', '&lt;')}" in shown
    for s in below:
        assert f"<b>{s.code}</b>" not in shown


@pytest.mark.parametrize("language", ["en", "ja"])
def test_a_claims_likelihoods_say_they_read_the_claim_alone(qtbot, verdicts, language):
    v = verdicts["draft_ja_ir_seeker"]
    top = v.top_field
    claim1 = next(c for c in v.claim_verdicts if c.claim_number == 1)
    # the contradiction a reader saw: the draft is >99 %, its claim's fields a few per cent
    assert v.level == "likely" and claim1.fields and max(f.likelihood for f in claim1.fields) < top.likelihood / 10
    view = DraftView()
    qtbot.addWidget(view)
    view.set_verdict(v, language)
    view.select_claim(1)
    label = view.fields_label.text()
    if language == "en":
        assert "claim 1 read alone" in label and f"the whole draft: {percent_text(top.likelihood)}" in label
    else:
        assert "請求項1を単独で読んだ値" in label and f"草稿全体: {percent_text(top.likelihood)}" in label
    from PySide6.QtCore import Qt

    if claim1.ipc:  # the IPC panel says whose codes it lists too
        assert view.ipc_label.text() == ("Top IPC codes — claim 1 read alone" if language == "en" else "予測IPC（上位） — 請求項1を単独で読んだ値")
    tip = view.claim_model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert ("read alone" if language == "en" else "単独で読んだ") in tip


def test_a_draft_screened_as_a_whole_text_says_the_table_is_the_whole_drafts(qtbot):
    v = triage.screen_text("A guided missile with an infrared seeker head, a rocket motor and control fins. " * 3)
    assert not v.claim_verdicts
    view = DraftView()
    qtbot.addWidget(view)
    view.set_verdict(v, "ja")
    assert view.fields_label.text() == "分野ごとの該当可能性 — 草稿全体"


@pytest.mark.parametrize("language", ["en", "ja"])
def test_reasons_show_likelihoods_as_the_table_does(qtbot, verdicts, language):
    """Every field's explanation, for every claim of every bundled draft: no raw decimal (the
    likelihoods and the predicted codes' probabilities are percentages like the table's)."""
    view = DraftView()
    qtbot.addWidget(view)
    seen, with_percent = 0, 0
    for v in verdicts.values():
        view.set_verdict(v, language)
        for claim in v.claims.claims:
            view.select_claim(claim.number)
            for row in range(view.field_model.rowCount()):
                view.fields.selectRow(row)
                why = view.why.toPlainText()
                assert not RAW_DECIMAL.search(why), why
                seen += 1
                with_percent += "%" in why
    assert seen >= 20 and with_percent >= 10
