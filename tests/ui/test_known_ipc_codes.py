""""IPC codes known for this draft" in the Draft view, over the real pipeline in its
child process (as the app runs it): applying a code re-screens the draft the way a
changed answer does, a malformed code is one coded E301 and no re-screen, and the
codes stay with their draft for the session."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from workbench.domain import AdditionalAnswers
from workbench.ipc import IpcCode
from workbench.rules import get_ruleset
from workbench.ui.draft_view import split_ipc_codes
from workbench.ui.models.claims import COL_F_LIKELIHOOD, COL_F_STATUS
from workbench.ui.models.queue import COL_LIKELIHOOD
from workbench.ui import labels

TIMEOUT = 300000  # the first call starts the screening process and loads the model


@pytest.fixture
def window(real_window):
    return real_window


def _group_code_field():
    """The first field of the loaded rule set defined by a plain group-level code (no
    combination, no limitation): (field id, that code as the rule set writes it)."""
    for f in get_ruleset().fields:
        if f.limitation is not None:
            continue
        for entry in f.ipc:
            if not entry.is_combination and len(entry.parts[0].alternatives) == 1:
                sym = entry.parts[0].alternatives[0]
                if isinstance(sym, IpcCode) and sym.level == "main_group":
                    return f.id, str(sym)
    pytest.fail("the rule set has no field defined by a plain group-level IPC code")


def _open(win, qtbot, paths):
    with qtbot.waitSignal(win.batch_finished, timeout=TIMEOUT) as sig:
        assert win.open_paths([str(p) for p in paths]) is not None
    assert sig.args == [len(paths), 0], [n.render() for n in win.session.notes.history]


def _draft(example_drafts, word):
    return next(p for p in example_drafts if word in p.name)


def _field_row(view, field_id):
    m = view.field_model
    rows = [r for r in range(m.rowCount()) if m.field_at(r).field_id == field_id]
    assert rows, f"field {field_id} is not in the field table"
    return rows[0]


def _apply(win, qtbot, text):
    view = win.draft_view
    view.known_ipc.setText(text)
    with qtbot.waitSignal(win.batch_finished, timeout=TIMEOUT):
        view.apply_ipc_button.click()


def test_codes_are_split_on_commas_semicolons_and_japanese_commas():
    assert split_ipc_codes("F41H 3/00, H04K3/00") == ["F41H 3/00", "H04K3/00"]
    assert split_ipc_codes(" F41H 3/00；H04K 3/00、B64G 1/56 ;") == ["F41H 3/00", "H04K 3/00", "B64G 1/56"]
    assert split_ipc_codes("   ") == []


def test_a_known_code_inside_a_field_makes_it_a_hit_at_100_percent(window, qtbot, example_drafts):
    win, view = window, window.draft_view
    field_id, code = _group_code_field()
    _open(win, qtbot, [_draft(example_drafts, "underwater")])  # its claims have field verdicts of their own
    key = win.current_key
    before = view.verdict
    assert view.current_claim is not None and before.claim_verdicts[0].fields
    assert before.top_field is None or before.top_field.likelihood < 1.0
    assert view.known_ipc.isEnabled() and view.known_ipc.placeholderText()

    _apply(win, qtbot, code)

    v = view.verdict
    assert v is not before and win.current_key == key
    fv = next(f for f in v.fields if f.field_id == field_id)
    assert fv.likelihood == 1.0 and fv.status in ("hit", "possible")
    assert v.top_field.field_id == field_id and v.level != "clear"
    # the field table (the selected claim's) shows the draft's fact, and why
    r = _field_row(view, field_id)
    m = view.field_model
    assert m.index(r, COL_F_LIKELIHOOD).data() == "100%"
    assert m.index(r, COL_F_STATUS).data() == labels.status_label(fv.status)
    view.fields.selectRow(r)
    assert "known IPC code (entered for the draft)" in view.why.toPlainText()
    # the queue row follows
    row = win.current_row()
    assert row.top_field_id == field_id and row.likelihood == 1.0 and row.level == v.level
    q = win.queue_model.find(key)
    assert win.queue_model.index(q, COL_LIKELIHOOD).data() == "100%"
    # recorded like any re-screen, and the codes stay for the next one (a changed answer)
    assert win.session.log.draft(row.draft_id).verdict_count == 2
    with qtbot.waitSignal(win.batch_finished, timeout=TIMEOUT):
        view.state.buttons[True].click()
    v2 = view.verdict
    assert v2.answers == AdditionalAnswers(state_commissioned=True)
    assert next(f for f in v2.fields if f.field_id == field_id).likelihood == 1.0
    assert view.known_ipc.text() == code
    assert win.session.log.draft(row.draft_id).verdict_count == 3


def test_a_malformed_code_shows_e301_and_does_not_rescreen(window, qtbot, example_drafts):
    win, view = window, window.draft_view
    _open(win, qtbot, [_draft(example_drafts, "coffee")])
    before = view.verdict
    row = win.current_row()
    with qtbot.waitSignal(win.notifier.shown, timeout=10000, check_params_cb=lambda n: n.code == "E301") as sig:
        view.known_ipc.setText("F41H 3/00, F41X 99/0Z")
        qtbot.keyClick(view.known_ipc, Qt.Key.Key_Return)  # Enter applies, as the button does
    assert "F41X 99/0Z" in sig.args[0].render()
    assert "[E301]" in win.notifier.last_dialog.text()
    assert win.worker is None  # no re-screen started
    assert view.verdict is before and win.current_row() == row
    assert win.session.log.draft(row.draft_id).verdict_count == 1
    assert win.current_key not in win.session.ipc_codes  # nothing half-applied


def test_codes_stay_with_their_draft_when_switching(window, qtbot, example_drafts):
    win, view = window, window.draft_view
    field_id, code = _group_code_field()
    coffee, auv = _draft(example_drafts, "coffee"), _draft(example_drafts, "underwater")
    _open(win, qtbot, [coffee, auv])
    rows = {win.queue_model.row_at(i).name: win.queue_model.row_at(i).key for i in range(win.queue_model.rowCount())}
    coffee_key, auv_key = rows[coffee.name], rows[auv.name]

    assert win.select_key(coffee_key) and win.current_key == coffee_key
    _apply(win, qtbot, code.replace(" ", ""))  # typed without the space: shown in canonical form
    assert view.known_ipc.text() == code

    assert win.select_key(auv_key) and win.current_key == auv_key
    assert view.known_ipc.text() == ""  # the other draft has no codes
    auv_fields = {f.field_id: f.likelihood for f in view.verdict.fields}

    assert win.select_key(coffee_key)
    assert view.known_ipc.text() == code
    assert next(f for f in view.verdict.fields if f.field_id == field_id).likelihood == 1.0
    assert win.select_key(auv_key)
    assert {f.field_id: f.likelihood for f in view.verdict.fields} == auv_fields  # untouched by coffee's codes

    # emptying the box and applying screens the draft again without them
    assert win.select_key(coffee_key)
    _apply(win, qtbot, "")
    assert view.known_ipc.text() == "" and coffee_key not in win.session.ipc_codes
    assert next(f for f in view.verdict.fields if f.field_id == field_id).likelihood < 1.0
