"""Draft versions: a re-imported, edited draft is the next version of its matter, the
annotations of its unchanged claims carry over, those of changed claims are flagged for
re-review, and the decision stays with the matter saying which version it was made on."""

from __future__ import annotations

import pytest

from tests.store.factories import make_verdict
from workbench.errors import StoreError
from workbench.store import TriageLog
from workbench.store.versions import compare_claims

C1 = "A grinder comprising a burr set and a motor driving the burr set."
C2 = "The grinder of claim 1, wherein the motor is brushless."
C3 = "The grinder of claim 1, further comprising a dosing cup."
C2_EDITED = "The grinder of claim 1, wherein the motor is a brushless DC motor with a speed controller."
C4_NEW = "A method of descaling a household appliance by pumping citric acid solution through its boiler."


# ``log`` is the store's fixture: every test runs on the SQLite log and on a PostgreSQL team log


def _v1(log):
    did = log.record_verdict(make_verdict("grinder.txt", claims=(C1, C2, C3)))
    log.annotate(did, 1, 5, "agree", "burr grinder, civil", reviewer="sato")
    log.annotate(did, 2, 5, "disagree", "motor is generic", corrected_ipc="A47J 42/00", reviewer="sato")
    log.annotate(did, 3, 5, "agree", reviewer="sato")
    log.decide(did, "hold", "no specified field applies", completed_in_japan=True, reviewer="kimura")
    return did


def test_a_reimported_edited_draft_is_the_next_version_of_its_matter(log):
    v1 = _v1(log)
    # the attorney edits claim 2, drops claim 3 and adds a claim: same file name, new content
    v2 = log.record_verdict(make_verdict("grinder.txt", claims=(C1, C2_EDITED, C4_NEW)))
    assert v2 != v1
    rec = log.draft(v2)
    assert (rec.summary.matter_id, rec.version, rec.summary.versions) == (v1, 2, 2)
    assert [(v.draft_id, v.version, v.basis) for v in rec.versions] == [(v1, 1, ""), (v2, 2, "same_name")]
    assert rec.previous.draft_id == v1
    # what changed, claim by claim
    kinds = {(c.old_number, c.new_number): c.kind for c in rec.changes}
    assert kinds == {(1, 1): "unchanged", (2, 2): "amended", (None, 3): "added", (3, None): "removed"}
    amended = next(c for c in rec.changes if c.kind == "amended")
    assert amended.old_text == C2 and amended.new_text == C2_EDITED
    assert amended.before is not None and amended.after is not None  # the verdict before and after
    # the queue: one row per matter, its latest version
    matters = log.matters()
    assert [(m.id, m.version, m.versions) for m in matters] == [(v2, 2, 2)]
    assert len(log.drafts()) == 2  # both versions stay in the log
    assert log.verify().ok


def test_unchanged_claims_keep_their_annotations_changed_ones_are_flagged(log, recorded):
    v1 = _v1(log)
    v2 = log.record_verdict(make_verdict("grinder.txt", claims=(C1, C2_EDITED, C4_NEW)))
    rec = log.draft(v2)
    carried = [(a.claim_number, a.field_id, a.verdict, a.note, a.reviewer, a.carried_from) for a in rec.current_annotations]
    assert carried == [(1, 5, "agree", "burr grinder, civil", recorded("sato"), v1)]  # claim 1 unchanged: carried
    flags = {(f.claim_number, f.from_claim_number, f.reason, f.verdict) for f in rec.review_flags}
    assert flags == {(2, 2, "amended", "disagree"), (None, 3, "removed", "agree")}
    assert all(f.open for f in rec.review_flags) and rec.summary.review_flags == 2
    assert log.matters()[0].review_flags == 2
    # the attorney looks at the amended claim again: its flag closes
    log.annotate(v2, 2, 5, "agree", "speed controller: still civil", reviewer="sato")
    rec = log.draft(v2)
    assert {(f.claim_number, f.open) for f in rec.review_flags} == {(2, False), (None, True)}
    # the carried annotation is not a second training example of the same claim text
    examples = log.annotation_examples()
    assert sum(1 for e in examples if e.claim_text == C1) == 1
    assert log.verify().ok


def test_the_decision_stays_with_the_matter_and_names_its_version(log):
    v1 = _v1(log)
    v2 = log.record_verdict(make_verdict("grinder.txt", claims=(C1, C2_EDITED)))
    rec = log.draft(v2)
    assert rec.decision is not None and rec.decision.draft_id == v1 and rec.version_of(rec.decision.draft_id) == 1
    assert rec.summary.decision == "hold" and rec.summary.decision_version == 1
    row = log.matters()[0]
    assert (row.decision, row.decision_version, row.version) == ("hold", 1, 2)
    # deciding again on version 2 supersedes the one made on version 1
    log.decide(v2, "file_jp_first", "amended claim 2 may touch field 5", completed_in_japan=True, reviewer="kimura")
    rec = log.draft(v2)
    assert [(d.draft_id, d.decision) for d in rec.decisions] == [(v1, "hold"), (v2, "file_jp_first")]
    assert log.matters()[0].decision_version == 2
    rows = log.decisions()
    assert [(r.version, r.current, r.matter_id) for r in rows] == [(1, False, v1), (2, True, v1)]
    event = [e for e in log.history(v2) if e.kind == "decision.recorded"][-1]
    assert (event.payload["matter_id"], event.payload["version"]) == (v1, 2)
    assert len(log.decisions(current_only=True)) == 1
    assert log.verify().ok


def test_same_title_links_and_user_choice_links_and_false_keeps_apart(log):
    a = log.record_verdict(make_verdict("grinder.txt", claims=(C1, C2)))
    # another file name, the same title: a version of the same matter
    renamed = make_verdict("grinder-v2.docx", claims=(C1, C2_EDITED))
    renamed = renamed.__class__(**{**renamed.__dict__, "draft": renamed.draft.__class__(
        **{**renamed.draft.__dict__, "title": "grinder"})})
    b = log.record_verdict(renamed)
    assert log.draft(b).versions[-1].basis == "same_title" and log.draft(b).version == 2
    # kept apart on request
    c = log.record_verdict(make_verdict("grinder.txt", claims=(C1, C3)), version_of=False)
    assert log.draft(c).version == 1 and log.draft(c).summary.matter_id == c
    # then chosen by the user
    assert log.link_version(c, a) == 3
    rec = log.draft(c)
    assert (rec.summary.matter_id, rec.version, rec.versions[-1].basis) == (a, 3, "chosen")
    with pytest.raises(StoreError):
        log.link_version(c, b)  # already a version of that matter
    assert [m.id for m in log.matters()] == [c]
    assert log.verify().ok


def test_a_rescreen_of_the_same_file_is_not_a_new_version(log):
    v1 = log.record_verdict(make_verdict("grinder.txt", claims=(C1, C2)))
    assert log.record_verdict(make_verdict("grinder.txt", claims=(C1, C2))) == v1
    assert log.draft(v1).versions[0].version == 1 and len(log.draft(v1).versions) == 1


def test_compare_claims_pairs_renumbered_and_rewrapped_claims():
    from workbench.domain import Claim

    old = (Claim(1, C1, True), Claim(2, C2, False, (1,)), Claim(3, C3, False, (1,)))
    new = (Claim(1, C1.replace(" a motor", "\n a  motor"), True), Claim(2, C3, False, (1,)), Claim(3, C2, False, (1,)))
    changes = compare_claims(old, new)
    assert [(c.kind, c.old_number, c.new_number) for c in changes] == [
        ("unchanged", 1, 1), ("unchanged", 3, 2), ("unchanged", 2, 3)]
    assert changes[1].renumbered and not changes[0].renumbered
    # the same number with a wholly other text is a claim replaced, not amended
    other = (Claim(1, C1, True), Claim(2, C4_NEW, True))
    assert [c.kind for c in compare_claims(old[:2], other)] == ["unchanged", "added", "removed"]
    # a new number for an amended claim is still the same claim
    moved = (Claim(1, C1, True), Claim(5, C2_EDITED, False, (1,)))
    assert [(c.kind, c.old_number, c.new_number) for c in compare_claims(old[:2], moved)] == [
        ("unchanged", 1, 1), ("amended", 2, 5)]


def test_a_japanese_claim_rewrapped_by_a_pdf_or_indented_by_a_docx_is_unchanged():
    """The JPO-format seeker draft saved as PDF, then as DOCX: all four claims read 'amended'
    (the PDF wraps inside words, '検出\nする'; the DOCX indents with U+3000). A real edit
    still counts."""
    from workbench.domain import Claim

    pdf = "赤外線シーカであって、\n赤外線を透過するドームと、前記光学系で集光された赤外線を検出\nする赤外線検出器と、を備える赤外線シーカ。"
    docx = "赤外線シーカであって、\n\u3000赤外線を透過するドームと、前記光学系で集光された赤外線を検出する赤外線検出器と、を備える赤外線シーカ。"
    edited = docx.replace("赤外線検出器と", "冷却された赤外線検出器と")
    assert [c.kind for c in compare_claims((Claim(1, pdf, True),), (Claim(1, docx, True),))] == ["unchanged"]
    assert [c.kind for c in compare_claims((Claim(1, pdf, True),), (Claim(1, edited, True),))] == ["amended"]
    # the Shift_JIS text file reads 0x8160 as U+301C, Word and cp932 as U+FF5E: one character
    sjis, word = "請求項１\u301c３のいずれか一項に記載の赤外線シーカ。", "請求項１\uff5e３のいずれか一項に記載の赤外線シーカ。"
    assert [c.kind for c in compare_claims((Claim(4, sjis, False, (1, 2, 3)),), (Claim(4, word, False, (1, 2, 3)),))] == ["unchanged"]
    # English keeps its word spaces: 'a motor' and 'amotor' are not one text
    assert [c.kind for c in compare_claims((Claim(1, "A pump with a motor.", True),),
                                           (Claim(1, "A pump with amotor.", True),))] == ["amended"]


def test_the_command_line_shows_matters_changes_and_what_to_re_review(tmp_path, capsys, monkeypatch):
    from workbench.cli.main import main

    db = tmp_path / "log.sqlite"
    with TriageLog.open(db, reviewer="tanaka") as lg:
        v1 = _v1(lg)
        v2 = lg.record_verdict(make_verdict("grinder.txt", claims=(C1, C2_EDITED, C4_NEW)))
        other = lg.record_verdict(make_verdict("mill.txt", claims=(C1, C2)))
    assert main(["log", "list", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "grinder.txt (v2 of 2)" in out and out.count("grinder.txt") == 1 and "mill.txt" in out
    assert main(["log", "list", "--db", str(db), "--all-versions"]) == 0
    assert capsys.readouterr().out.count("grinder.txt") == 2
    assert main(["log", "show", "--db", str(db), str(v2)]) == 0
    out = capsys.readouterr().out
    assert "version 2 of 2 of matter" in out and f"v1 #{v1} grinder.txt" in out
    assert "changes since version 1: 1 claim(s) unchanged, 1 amended, 1 added, 1 removed" in out
    assert "claim 2 -> 2 amended; top field before 5 (42%), after 5 (42%)" in out
    assert "to re-review: claim 2, field 5: 'disagree' by sato on version 1 (claim 2 was amended)" in out
    assert "carried over from version 1" in out and "made on version 1" in out
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert main(["log", "show", "--db", str(db), str(v2)]) == 0
    out = capsys.readouterr().out
    assert "第1版からの変更" in out and "要再確認" in out and "第1版に対して記録" in out
    assert "sato が「不同意」" in out and "disagree" not in out  # the annotation's verdict in Japanese too
    assert "      第1版から引き継ぎ" in out  # under the annotation it belongs to
    assert main(["log", "list", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "grinder.txt（第2版／全2版）" in out and " of 2)" not in out
    monkeypatch.delenv("LANG")
    assert main(["log", "link", "--db", str(db), str(other), "--version-of", str(v1)]) == 0
    out = capsys.readouterr().out
    assert f"Draft {other} is now version 3 of matter {v1}" in out
    with TriageLog.open(db) as lg:
        assert [m.id for m in lg.matters()] == [other] and lg.verify().ok
