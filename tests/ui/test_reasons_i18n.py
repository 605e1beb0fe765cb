"""The core's field reasons are shown in Japanese in the Japanese UI.

Every reason the real pipeline produces for the bundled example drafts (and for known
IPC codes, both answers "no", a U/Pu limitation met and not met) is a coded message of the
catalogue (workbench/messages), and its Japanese rendering keeps no English word of the
template: only the parts carried over verbatim (IPC codes, terms, numbers) may stay Latin.
A reason stored as plain English by an earlier version is shown as it was stored; the
English UI shows the catalogue's English (what the record keeps for audit).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workbench.domain import AdditionalAnswers
from workbench.messages import CATALOGUE, Message, code_of, msg, render_all
from workbench.messages import claims as C
from workbench.messages import ingest as I
from workbench.messages import rules as R
from workbench.messages import screening as S
from workbench.ui import i18n


def translate_reasons(reasons, language):
    return render_all(reasons, language)


def translate_reason(reason):
    return reason.render("ja")

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
KEPT_WORDS = {"IPC"}  # the classification's name stays as it is in Japanese prose
EXAMPLES = Path(__file__).resolve().parents[2] / "workbench" / "examples"
NO = AdditionalAnswers(defence_use=False, state_commissioned=False)


def _reasons(verdict) -> set[str]:
    out = {r for f in verdict.fields for r in f.reasons}
    for cv in verdict.claim_verdicts:
        out |= {r for f in cv.fields for r in f.reasons}
    return out


@pytest.fixture(scope="module")
def real_reasons() -> set[str]:
    from workbench.triage import screen_file, screen_text

    example_drafts = sorted(EXAMPLES.glob("draft_*.txt"))
    assert len(example_drafts) >= 3, "the bundled example drafts are missing"

    found: set[str] = set()
    for path in example_drafts:
        found |= _reasons(screen_file(path))
        found |= _reasons(screen_file(path, answers=NO))
        found |= _reasons(screen_file(path, answers=AdditionalAnswers(defence_use=True)))
    uuv = next(p for p in example_drafts if "underwater" in p.name)
    found |= _reasons(screen_file(uuv, ipc_codes=["F41H 3/00"]))
    found |= _reasons(screen_file(uuv, ipc_codes=["F41H 3/00"], answers=NO))
    # a field with a limitation (uranium/plutonium), met and not met, from a known code
    enrich = "A centrifuge cascade for uranium enrichment of uranium hexafluoride gas."
    found |= _reasons(screen_text(enrich, ipc_codes=["B01D 59/20"]))
    found |= _reasons(screen_text("A cascade of gas centrifuges separating argon isotopes.", ipc_codes=["B01D 59/20"]))
    return found


def _verbatim(reason) -> list[str]:
    """The parts of a reason carried over unchanged: a message's plain arguments (codes,
    terms, numbers), a legacy string's pattern groups."""
    assert isinstance(reason, Message), reason
    out: list[str] = []

    def walk(value):
        if isinstance(value, Message):
            for _, v in value.args:
                walk(v)
        elif isinstance(value, tuple):
            for v in value:
                walk(v)
        elif value is not None and not isinstance(value, (bool, float)):  # a float is shown as its template formats it
            out.append(str(value))

    walk(reason)
    return [p for p in out if p]


def test_every_real_reason_is_recognised_by_a_template(real_reasons):
    assert len(real_reasons) > 20
    unknown = sorted(str(r) for r in real_reasons if not isinstance(r, Message) or r.code not in CATALOGUE)
    assert not unknown, f"core reasons neither coded nor recognised (give them a code in workbench/messages): {unknown}"
    # the rules engine's reasons are coded; the screens reach the ones the brief names
    codes = {code_of(r) for r in real_reasons}
    for code in (R.R330, R.R310, R.R312, R.R320, R.R301, S.R401, S.R403):
        assert code in codes, code
    assert any(r.code == R.R301 and r.get("rule").get("verified").code == R.R391 for r in real_reasons)  # unverified rule


def test_japanese_rendering_keeps_no_english_word_of_the_template(real_reasons, japanese):
    for reason in sorted(real_reasons, key=str):
        (ja,) = translate_reasons([reason], "ja")
        assert ja != str(reason) and JAPANESE.search(ja), reason
        rest = ja
        for part in sorted(_verbatim(reason), key=len, reverse=True):
            assert part in ja, f"{part!r} of {reason!r} was lost in {ja!r}"
            rest = rest.replace(part, " ")
        left = set(LATIN_WORD.findall(rest)) - KEPT_WORDS
        assert not left, f"{reason!r} -> {ja!r} still has English {left}"


def test_codes_terms_and_numbers_are_carried_over(japanese):
    within = msg(R.R301, codes=("B63C 7/26 + F41",), entry=msg(R.R395, entry="B63C 7/26 + F41"),
                 rule=msg(R.R397, verified=msg(R.R390), editions="<2025.01"))
    ja = msg(R.R331, reason=within).render("ja")
    assert ja.startswith("判明しているIPCコード（文書に記載）: ")
    assert "B63C 7/26 + F41" in ja and "組合せ" in ja and "確認済み" in ja and "<2025.01" in ja
    assert str(msg(R.R331, reason=within)) == (
        "known IPC code (printed in the document): B63C 7/26 + F41 within combination B63C 7/26 + F41 (verified rule, IPC <2025.01)")
    ja = msg(R.R302, codes=("F41H",), entry="F41H 3/00", rule=msg(R.R396, verified=msg(R.R391))).render("ja")
    assert "F41H" in ja and "F41H 3/00" in ja and "未確認" in ja and "broader" not in ja
    ja = msg(R.R311, required=("uranium", "ウラン")).render("ja")
    assert "uranium、ウラン" in ja and "given" not in ja
    ja = msg(R.R313, required=("uranium", "plutonium")).render("ja")
    assert ja.startswith("限定を満たさない") and "uranium、plutonium" in ja
    # one format for a likelihood everywhere (the window's "<1%"), a threshold beside it on the same scale
    assert msg(S.R402, likelihood=0.0113, review=0.00063).render("ja") == "該当可能性 1% は要検討のしきい値 0.063% 以上です"
    assert msg(S.R402, likelihood=0.00334, review=0.00063).render("en") == "likelihood <1% is at or above the review threshold 0.063%"
    stored = msg(S.R402, likelihood=0.0113, review=0.00063).to_dict()  # the record keeps the exact values
    assert stored["en"] == "likelihood 1% is at or above the review threshold 0.063%"
    assert stored["args"] == {"likelihood": 0.0113, "review": 0.00063}


def test_unknown_text_and_the_english_ui_keep_the_original(japanese):
    odd = "a reason written by a future core version (B63G 8/00)"
    assert translate_reasons([odd], "ja") == [odd]  # an old record's plain English is shown as stored
    newer = Message("R9999", (("code", "B63G 8/00"),))  # a code this version does not know
    assert "R9999" in newer.render("ja") and "B63G 8/00" in newer.render("ja")
    stored = [msg(R.R310, terms=("sonar",)), odd]
    assert translate_reasons(stored, "en") == ["evidence term(s) of this field: sonar", odd]
    assert translate_reasons(stored, "ja") == ["この分野の根拠用語: sonar", odd]


def test_the_draft_view_explains_fields_in_japanese(qtbot, japanese, example_drafts):
    from workbench.triage import screen_file
    from workbench.ui.draft_view import DraftView
    from workbench.ui.models.claims import FieldTableModel
    from PySide6.QtCore import Qt

    uuv = next(p for p in example_drafts if "underwater" in p.name)
    verdict = screen_file(uuv, ipc_codes=["F41H 3/00"])
    view = DraftView()
    qtbot.addWidget(view)
    view.set_verdict(verdict, "ja")
    why = view.why.toPlainText()
    assert "•" in why and "predicted IPC" not in why and "evidence term(s)" not in why
    assert "該当可能性" in why or "根拠用語" in why or "判明しているIPCコード" in why
    tip = view.field_model.data(view.field_model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert tip and JAPANESE.search(tip)
    # the English UI shows the English rendering (what the record keeps for audit)
    assert all(isinstance(r, Message) for f in verdict.fields for r in f.reasons)
    model = FieldTableModel()
    model.set_fields(verdict.fields, "en")
    tip_en = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    f = model.field_at(0)  # the field's whole name (the cell elides it), then its reasons
    assert tip_en == "\n".join([f"{f.field_id}. {f.name_en}", *(str(r) for r in f.reasons)])


def test_the_field_table_keeps_five_rows_in_a_small_japanese_window(qtbot, qapp, japanese, tmp_path, example_drafts):
    """At 1360x820 the side panel (answers, known codes, annotation) scrolls below a
    splitter instead of squeezing the field table to two rows."""
    from workbench.triage import screen_file
    from workbench.ui.main_window import MainWindow
    from workbench.ui.notifications import NotificationManager
    from workbench.ui.session import Session

    i18n.apply_font_fallback(qapp)
    session = Session.start(db_path=str(tmp_path / "log.sqlite"), notes=NotificationManager())
    session.language = "ja"
    try:
        win = MainWindow(session)
        qtbot.addWidget(win)
        win.resize(1360, 820)
        win.show()
        qtbot.waitExposed(win)
        view = win.draft_view
        ja_draft = next(p for p in example_drafts if "seeker" in p.name)
        # known codes of five more fields: the table has rows enough to show its height
        codes = ["F41B 6/00", "F42B 10/00", "F02K 7/10", "B63G 8/00", "F41H 13/00"]
        view.set_verdict(screen_file(ja_draft, ipc_codes=codes), "ja")
        qapp.processEvents()
        assert view.field_model.rowCount() >= 5
        assert view.visible_field_rows() >= 5, view.fields.viewport().height()
        # the lower part scrolls rather than being cut: its content fits the width and
        # the answer boxes are inside the scroll area
        lower = view.side_scroll.widget()
        assert view.side_scroll.viewport().width() >= lower.minimumSizeHint().width()
        assert lower.isAncestorOf(view.defence) and lower.isAncestorOf(view.known_ipc)
        # Agree / Disagree sit under the claim text, outside the scroll area: always on screen
        assert not lower.isAncestorOf(view.agree_button) and view.agree_button.visibleRegion().boundingRect().width() == view.agree_button.width()
        # the explanation of the selected field is Japanese, with its evidence places too
        why = view.why.toPlainText()
        assert "根拠用語" in why and "title:" not in why and "evidence term" not in why
        win.close()
    finally:
        session.close_log()


def test_screening_notes_of_real_drafts_are_shown_in_japanese(qtbot, japanese):
    """The draft view's header notes come from ingest, claims and triage: a draft without
    claims and one with a cancelled claim and a gap in the numbering, screened for real."""
    from workbench.triage import NO_CLAIMS_NOTE, screen_text
    from workbench.ui.draft_view import DraftView

    def translate_note(note):
        return render_all([note], "ja")[0]

    no_claims = screen_text("A sonar array for an unmanned underwater vehicle, towed behind a hull.")
    assert NO_CLAIMS_NOTE in no_claims.notes
    gaps = screen_text(
        "Title: Sonar buoy\n\nClaims\n\n1. A sonar buoy comprising a hydrophone.\n\n2. (Cancelled)\n\n"
        "4. The sonar buoy of claim 1, wherein the hydrophone is towed.\n"
    )
    notes = [n for v in (no_claims, gaps) for n in (*v.notes, *v.draft.notes)]
    assert len(notes) >= 2
    for note in notes:
        ja = translate_note(note)
        assert isinstance(note, Message) and ja != str(note) and JAPANESE.search(ja), f"untranslated screening note: {note!r}"
    assert translate_note(msg(C.N207, labels=("2", "5-7"))) == "削除された請求項を除外しました: 2、5-7"
    assert translate_note(msg(I.N104, empty=5, pages=12)).startswith("12 ページ中 5 ページ")
    odd = "a note from a future reader"
    assert translate_note(odd) == odd and render_all([NO_CLAIMS_NOTE], "en") == [str(NO_CLAIMS_NOTE)]
    view = DraftView()
    qtbot.addWidget(view)
    view.set_verdict(no_claims, "ja")
    assert "請求の範囲が見つからない" in view.header.text() and str(NO_CLAIMS_NOTE) not in view.header.text()
    # said once: the reader's own "claims section not found" is already merged into the verdict's note
    assert view.header.text().count(translate_note(msg(I.N103))) + view.header.text().count(
        translate_note(NO_CLAIMS_NOTE)) == 1
