"""The window over the real pipeline (model + rule set), as a user runs it: screening
happens in the child process, evidence spans come from the real term matcher."""

from __future__ import annotations

import pytest

from workbench.domain import LEVELS, AdditionalAnswers

pytestmark = pytest.mark.slow




def test_real_drafts_screened_by_the_real_pipeline(real_window, qtbot, example_drafts, uspto_drafts):
    win = real_window
    files = [*example_drafts, uspto_drafts[0]]
    with qtbot.waitSignal(win.batch_finished, timeout=300000) as sig:
        assert win.open_paths([str(p) for p in files]) is not None
    assert sig.args == [len(files), 0], [n.render() for n in win.session.notes.history]
    rows = [win.queue_model.row_at(i) for i in range(win.queue_model.rowCount())]
    assert {r.level for r in rows} <= set(LEVELS)
    uuv = next(r for r in rows if r.name == "draft_en_underwater_vehicle.txt")
    grinder = next(r for r in rows if r.name == "draft_en_coffee_grinder.txt")
    assert uuv.likelihood > grinder.likelihood  # the sonar AUV scores above the coffee grinder
    win.select_key(uuv.key)
    view = win.draft_view
    v = view.verdict
    assert v.top_field is not None and (v.top_field.name_en or v.top_field.name_ja)
    from workbench.settings import recommended_thresholds

    assert v.thresholds == recommended_thresholds().thresholds  # untouched settings: the model card's
    assert view.field_model.rowCount() > 0 and view.claim_model.rowCount() == len(v.claims.roots())
    # the selected field is explained: its reasons, and evidence outside the claims
    why = view.why.toPlainText()
    assert view.field_model.field_at(0).name_en.split()[0] in why and "•" in why
    # every highlighted span is the evidence term found in the claim text
    for claim in v.claims.claims:
        view.select_claim(claim.number)
        for _fid, text in view.highlighted:
            assert text and text in claim.text


def test_changing_an_answer_rescreens_with_the_real_pipeline(real_window, qtbot, example_drafts):
    win = real_window
    uuv = next(p for p in example_drafts if "underwater" in p.name)
    with qtbot.waitSignal(win.batch_finished, timeout=300000):
        win.open_paths([str(uuv)])
    view = win.draft_view
    assert view.verdict.answers == AdditionalAnswers()
    with qtbot.waitSignal(win.batch_finished, timeout=300000):
        view.defence.buttons[True].click()  # the user answers "defence use: yes"
    assert view.verdict.answers.defence_use is True
    record = win.session.log.draft(win.current_row().draft_id)
    assert record.verdict_count == 2  # the re-screen is a new verdict event in the log
