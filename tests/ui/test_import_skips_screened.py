"""The window's import skips a draft already screened with the same rules, model, thresholds and
answers, as `workbench batch` does - it recorded a new verdict event for every re-import - and
File > Screen again screens it anew (the user forces it)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _import(win, qtbot, paths, **kw):
    with qtbot.waitSignal(win.batch_finished, timeout=300000) as sig:
        assert win.open_paths([str(p) for p in paths], **kw) is not None
    return sig.args


def test_a_reimported_draft_shows_its_recorded_verdict_and_is_recorded_again_only_when_forced(window, qtbot, example_drafts):
    win = window
    grinder = next(p for p in example_drafts if "coffee" in p.name)
    uuv = next(p for p in example_drafts if "underwater" in p.name)
    assert _import(win, qtbot, [grinder]) == [1, 0]
    did = win.current_row().draft_id
    assert win.session.log.draft(did).verdict_count == 1

    win.session.notes.history.clear()
    assert _import(win, qtbot, [grinder, uuv]) == [2, 0]
    assert win.session.log.draft(did).verdict_count == 1  # not screened, not recorded again
    keys = [win.queue_model.row_at(i).key for i in range(win.queue_model.rowCount())]
    assert keys.count(f"db:{did}") == 1  # its row, once
    said = [n.render() for n in win.session.notes.history]
    assert any("1 draft(s) were already screened with the same rules" in s for s in said), said
    assert any("Screened 1 draft(s)." in s for s in said), said  # the new one only

    assert _import(win, qtbot, [grinder], force=True) == [1, 0]
    assert win.session.log.draft(did).verdict_count == 2  # forced: a new verdict event, the first kept
    assert win.act_screen_again.text().startswith("Screen &again")
