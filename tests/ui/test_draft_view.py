"""The draft view (workbench/ui/draft_view.py): the claim tree, notes, IPC titles and a draft without claims."""

from __future__ import annotations
from dataclasses import replace
from workbench.domain import FieldVerdict, IpcScore
from workbench.ingest import read_draft
from workbench.messages import msg
from workbench.messages import rules as R
from workbench.ui.draft_view import DraftView
from tests.ui.ui_fakes import fake_classify


def _verdict(example_drafts, word="underwater"):
    path = next(p for p in example_drafts if word in p.name)
    return fake_classify(read_draft(path))


def _known_code_verdict(example_drafts):
    """A verdict screened with a known IPC code that puts the draft in field 2 (100%)
    while every claim's own top field is field 1 at 30%."""
    v = _verdict(example_drafts)
    known = FieldVerdict(2, "hit", 1.0, "Test field two", "テスト分野二",
                         (msg(R.R330, reason="F41H 3/00 inside the field"),), (), True)
    return replace(v, fields=(known, *v.fields), level="likely")


def _tree_top(view, row=0):
    return view.claim_model.item(row, 2).text()


def test_claim_tree_top_column_agrees_with_the_field_table_for_a_known_code(qtbot, example_drafts):
    """A known IPC code is a fact about the whole draft: the field table shows its field
    at 100% for every claim, so the claim tree's 'Top' column must not still say 30% F1."""
    view = DraftView()
    qtbot.addWidget(view)
    view.set_verdict(_known_code_verdict(example_drafts), "ja")
    assert view.field_model.field_at(0).field_id == 2 and view.field_model.field_at(0).likelihood == 1.0
    assert _tree_top(view) == "100% F2"
    # without the known code the tree shows the claim's own top field
    view.set_verdict(_verdict(example_drafts), "ja")
    assert _tree_top(view) == "30% F1"


def test_a_long_annotation_note_wraps_instead_of_being_cut_off(qtbot, example_drafts):
    """The annotation list beside a 1280x800 window is ~330 px wide: a Japanese reason
    was cut off behind a horizontal scroll bar. It wraps, and the whole note is shown."""
    from workbench.domain import Annotation

    view = DraftView()
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    view.set_verdict(_verdict(example_drafts), "ja")
    view.annotations.setFixedWidth(330)
    note = "赤外線暗視装置への転用可能性があるため、第一国出願を日本とすることを推奨する"
    view.set_annotations([Annotation(1, 1, 17, "disagree", note, "H01L 31/0352", "tanaka", "2026-11-25T10:00:00")])
    qtbot.waitUntil(lambda: view.annotations.isVisible())
    view.annotations.doItemsLayout()
    assert view.annotations.horizontalScrollBar().maximum() == 0
    item_rect = view.annotations.visualItemRect(view.annotations.item(0))
    assert item_rect.width() <= view.annotations.viewport().width()
    assert item_rect.height() > view.annotations.fontMetrics().height() * 1.5  # more than one line


def test_a_long_ipc_title_is_clipped_at_a_word_with_an_ellipsis_and_whole_in_the_tooltip(qtbot, example_drafts):
    """WIPO titles run to hundreds of characters; the top-IPC list cut them at 90
    characters mid-word ('... disposition of the semico') with no sign text was missing."""
    title = ("characterised by their shape or by the shapes, relative sizes or disposition of the "
             "semiconductor regions (semiconductor bodies per se H01L 29/02)")
    v = _verdict(example_drafts)
    cvs = tuple(replace(cv, ipc=(IpcScore("H01L 31/0352", 0.30, title),)) for cv in v.claim_verdicts)  # above the floor: listed
    view = DraftView()
    qtbot.addWidget(view)
    view.set_verdict(replace(v, claim_verdicts=cvs), "en")
    shown = view.ipc.text()
    assert "semico<" not in shown and "semico…" not in shown
    assert "disposition of the…" in shown
    assert title in view.ipc.toolTip()


def _whole_text_screen(paths, **_):
    """As the pipeline screens a draft without a claims section: the whole text, no claims."""
    from workbench.domain import ClaimSet, DraftVerdict

    for p in paths:
        draft = read_draft(p)
        field = FieldVerdict(2, "possible", 0.03, "Test field two", "テスト分野二", ("test",), (), False)
        yield p, DraftVerdict(draft, ClaimSet((), draft.language), "review", (field,), (), ())


def test_a_draft_without_claims_shows_its_text_and_says_why_it_cannot_be_annotated(window, qtbot, tmp_path):
    """A draft with no claims section showed one line and no text, and Agree / Disagree
    (and Ctrl+1 / Ctrl+2) silently did nothing."""
    draft = tmp_path / "jp_noclaims.txt"
    body = "本発明は、複数の無人航空機を編隊飛行させる制御装置に関する。"
    draft.write_bytes(f"【書類名】明細書\n【発明の名称】無人航空機の編隊制御装置\n【技術分野】\n【０００１】\n{body}\n".encode("cp932"))
    with qtbot.waitSignal(window.batch_finished, timeout=60000):
        window.open_paths([str(draft)], screen_files=_whole_text_screen)
    view = window.draft_view
    assert view.verdict is not None and not view.verdict.claims.claims
    assert body in view.text.toPlainText()
    assert not view.agree_button.isEnabled() and not view.disagree_button.isEnabled()
    assert "rationale" in view.agree_button.toolTip()
    before = len(window.session.notes.history)
    window.act_agree.trigger()
    assert len(window.session.notes.history) == before + 1
    assert "No claims to annotate" in window.session.notes.history[-1].render("en")
    assert window.session.log.draft(window.current_row().draft_id).annotations == ()


def test_the_claim_shown_says_its_annotations_under_its_text(qtbot, example_drafts):
    """The attorneys' annotations were listed only at the bottom of the side panel's scroll
    area, below the questions and the known codes (off a 1366 x 768 screen): reading a claim,
    nothing said it was already agreed or disputed. The claim shown lists its own."""
    from workbench.domain import Annotation

    view = DraftView()
    qtbot.addWidget(view)
    view.resize(1300, 700)
    view.show()
    view.set_verdict(_verdict(example_drafts), "en")
    view.set_annotations([
        Annotation(1, 1, 1, "agree", "sonar array for a naval AUV", None, "tanaka", "2026-12-02T10:00:00"),
        Annotation(1, 2, 1, "disagree", "a battery only", "H01M 10/44", "sato", "2026-12-02T11:00:00"),
    ])
    view.select_claim(1)
    assert view.claim_annotations.isVisibleTo(view)
    said = view.claim_annotations.text()
    assert "sonar array for a naval AUV" in said and "tanaka" in said and "a battery only" not in said
    view.select_claim(2)
    said = view.claim_annotations.text()
    assert "a battery only" in said and "H01M 10/44" in said and "sonar" not in said
    view.select_claim(3)
    assert not view.claim_annotations.isVisibleTo(view)


def test_a_claims_reasons_and_the_whole_drafts_are_told_apart(qtbot, example_drafts):
    """The field explanation listed the claim's reasons and the draft's one after the other
    ('likelihood 0.0296 is at or above…', then 'likelihood 0.173 is at or above…'): two
    likelihoods for one field, nothing saying which was the claim's."""
    v = _verdict(example_drafts)
    claim_fv = replace(v.claim_verdicts[0].fields[0], reasons=("claim reason A",))
    cvs = (replace(v.claim_verdicts[0], fields=(claim_fv,)), *v.claim_verdicts[1:])
    draft_fv = replace(v.fields[0], reasons=("draft reason B",))
    view = DraftView()
    qtbot.addWidget(view)
    for lang, whole in (("en", "Whole draft"), ("ja", "草稿全体")):
        view.set_verdict(replace(v, fields=(draft_fv,), claim_verdicts=cvs), lang)
        view.select_claim(1)
        why = view.why.toPlainText()
        assert why.index("claim reason A") < why.index(whole) < why.index("draft reason B"), why
