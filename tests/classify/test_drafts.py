"""The draft-level screen on real full drafts (../shared/data): wrapping, length, answers,
known codes, short texts, Japanese. The texts are real publications (the reviewed and
portfolio sets, the office-coded grants); nothing here is written to make a test pass, except
the bundled examples, which are what a new user tries first."""

from __future__ import annotations

import textwrap
from functools import lru_cache

import pytest

from workbench import triage
from workbench.domain import AdditionalAnswers
from workbench.messages import M


@lru_cache(maxsize=1)
def _sets(data_dir: str):
    from workbench.classify.fulltext import load_fulltext

    drafts = load_fulltext(data_dir)
    test = [d for d in drafts if d.split == "test"]
    return test


def _pick(shared_data, engine, want: str, source: str, sensitive: bool):
    """The first held-out draft of a set that screens as ``want`` on its own."""
    for d in _sets(str(shared_data)):
        if d.source == source and d.sensitive == sensitive and (not sensitive or d.confidence == "high") and len(d.description) > 3000:
            v = triage.screen_text(d.text(), engine=engine)
            if v.level == want:
                return d, v
    pytest.fail(f"no held-out {source} draft screens as {want}")


def _level(engine, text, **kw):
    return triage.screen_text(text, engine=engine, **kw)


def _pdf_wrapped(text: str, width: int = 78) -> str:
    """The text as a PDF reader returns it: every paragraph broken into lines at ``width``
    columns, compound words broken after their hyphen."""
    out = []
    for para in text.split("\n"):
        out.append("\n".join(textwrap.wrap(para, width, break_on_hyphens=True)) if para.strip() else "")
    return "\n".join(out)


def test_a_real_draft_and_its_pdf_wrapped_copy_score_the_same(shared_data, engine):
    for source, sens in (("reviewed", True), ("portfolio", False)):
        d = next(x for x in _sets(str(shared_data)) if x.source == source and x.sensitive == sens and len(x.description) > 5000)
        a = _level(engine, d.text())
        b = _level(engine, _pdf_wrapped(d.text()))
        assert b.draft.text != a.draft.text and b.draft.text.count("\n") > 2 * a.draft.text.count("\n")
        assert a.level == b.level
        assert a.top_field.likelihood == pytest.approx(b.top_field.likelihood, rel=1e-6, abs=1e-9)


def test_a_real_uspto_publication_scores_the_same_from_txt_and_pdf(shared_data, engine):
    from benchmarks.corpus import default_cache_dir, render_corpus

    doc = render_corpus(shared_data, default_cache_dir())[0]
    from workbench.ingest import read_draft

    a = triage.screen_draft(read_draft(doc.txt, timeout_s=300), engine=engine)  # the reader's limit is not under test here
    b = triage.screen_draft(read_draft(doc.pdf, timeout_s=300), engine=engine)
    assert a.level == b.level
    assert a.top_field.likelihood == pytest.approx(b.top_field.likelihood, rel=0.1)


def test_a_sensitive_draft_stays_flagged_inside_a_long_civilian_description(shared_data, engine):
    weapon, v = _pick(shared_data, engine, "likely", "reviewed", True)
    civilian = next(d for d in _sets(str(shared_data)) if d.source == "portfolio" and len(d.description) > 40_000)
    # the sensitive draft's title and abstract as the claimed subject, a long civilian description after it
    text = weapon.text() + "\n\n" + civilian.description
    assert len(text) > 3 * len(weapon.text())
    assert _level(engine, text).level == "likely"
    # and placed after the civilian description, too
    assert _level(engine, civilian.text() + "\n\n" + weapon.title + "\n" + weapon.abstract + "\n" + weapon.description).level in ("likely", "review")


def test_a_civilian_draft_stays_clear_with_a_long_civilian_text_appended(shared_data, engine):
    civ, v = _pick(shared_data, engine, "clear", "portfolio", False)
    # civilian descriptions without an evidence term of any field (one with a term is review by rule, whatever its length)
    other = [d for d in _sets(str(shared_data)) if d.source == "portfolio" and d.id != civ.id and len(d.description) > 30_000
             and not engine.ruleset.find_terms(d.description, "en")][:2]
    text = civ.text() + "\n\n" + "\n\n".join(d.description for d in other)
    assert len(text) > 60_000
    v2 = _level(engine, text)
    assert v2.level == "clear", v2.top_field.likelihood
    assert v2.top_field.likelihood < v2.thresholds.review


def test_a_clear_draft_names_its_nearest_field_and_why_it_is_far(shared_data, engine):
    civ, v = _pick(shared_data, engine, "clear", "portfolio", False)
    top = v.top_field
    codes = [getattr(r, "code", None) for r in top.reasons]
    assert M.R411 in codes
    why = next(r for r in top.reasons if getattr(r, "code", None) == M.R411)
    assert why.get("why").code in (M.R412, M.R413)
    assert why.render("ja") and why.render("en") != why.render("ja")


def test_an_evidence_term_anywhere_in_a_long_draft_keeps_it_from_clear(shared_data, engine):
    """A real civilian draft the screen clears, with one sentence naming a field's evidence term
    put in the middle of its description: never cleared by the model alone, the term shown as
    description evidence where it stands, and the reason says why (R416)."""
    civ, v = _pick(shared_data, engine, "clear", "portfolio", False)
    term = "unmanned underwater vehicle"
    assert any(h.term.lower() == term for h in engine.ruleset.find_terms(term, "en"))
    text = civ.text()
    mid = text.index(". ", len(text) // 2) + 2
    text = text[:mid] + f"The housing may also be carried by an {term}. " + text[mid:]
    v2 = _level(engine, text)
    assert v2.level != "clear"
    ev = [e for f in v2.fields for e in f.evidence if e.source == "description" and e.term.lower() == term]
    assert ev and v2.draft.text[ev[0].start : ev[0].end].lower() == term
    if v2.level == "review" and v2.top_field.likelihood < v2.thresholds.review:
        codes = [getattr(r, "code", None) for f in v2.fields for r in f.reasons]
        assert M.R416 in codes
    # the same draft without the sentence is still clear (the term, not the edit, decides)
    assert _level(engine, civ.text()).level == "clear"


def test_a_short_text_is_never_cleared_by_the_model_alone(engine):
    v = _level(engine, "A coffee grinder with a ceramic burr.")
    assert v.level in ("review", "likely")
    codes = [getattr(n, "code", None) for n in v.notes]
    # N410 "stays at review" only where the model would have cleared it; else N417 "rests on its few words"
    assert (M.N410 in codes) != (M.N417 in codes)


def test_a_short_likely_text_does_not_say_it_stays_at_review(engine):
    v = _level(engine, "赤外線シーカを備えた誘導弾")
    assert v.level == "likely"
    codes = [getattr(n, "code", None) for n in v.notes]
    assert M.N410 not in codes and M.N417 in codes
    rendered = [n.render("ja") for n in v.notes if getattr(n, "code", None) == M.N417]
    assert "要検討のまま" not in rendered[0] and "わずかな語" in rendered[0]


def test_the_draft_level_reason_shows_no_raw_head_values(engine, shared_data):
    from workbench.classify.fulltext import load_grants

    g = load_grants(shared_data)[0]
    v = _level(engine, g.text())
    reasons = [r for f in v.fields for r in f.reasons if getattr(r, "code", None) == M.R417]
    assert len(reasons) == 1
    en = reasons[0].render("en")
    assert "whole draft" not in en and "characters" in en
    assert {k for k, _ in reasons[0].args} == {"score", "start", "end", "passages"}


def test_a_known_civilian_code_without_field_evidence_clears(engine, shared_data):
    from workbench.classify.fulltext import load_grants

    g = next(d for d in load_grants(shared_data) if d.codes and d.codes[0].startswith("A47J"))
    short = g.title  # a title alone stays at review ...
    assert _level(engine, short).level == "review"
    v = _level(engine, short, ipc_codes=[g.codes[0]])  # ... its office code outside every field clears it
    assert v.level == "clear" and M.N413 in [getattr(n, "code", None) for n in v.notes]


def test_a_known_code_in_a_field_makes_it_likely(engine):
    civ = "A coffee grinder with a ceramic burr and a hopper."
    code = next(c for f in engine.ruleset.fields if not f.additional_requirement.applies for c in f.codes if "-" not in c and "+" not in c)
    assert _level(engine, civ, ipc_codes=[code]).level == "likely"


def test_yes_to_the_additional_requirement_with_field_evidence_raises_it(engine):
    from workbench.resources import examples_dir
    from workbench.ingest import read_draft

    d = read_draft(examples_dir() / "draft_ja_quantum_dot_detector.txt")
    before = triage.screen_draft(d, engine=engine)
    after = triage.screen_draft(d, engine=engine, answers=AdditionalAnswers(state_commissioned=True))
    assert after.level == "likely"
    assert after.top_field.likelihood >= before.top_field.likelihood
    assert M.R414 in [getattr(r, "code", None) for r in after.top_field.reasons]
    # and both "no" removes the field (the other direction)
    no = triage.screen_draft(d, engine=engine, answers=AdditionalAnswers(defence_use=False, state_commissioned=False))
    assert no.top_field is None or no.top_field.likelihood <= before.top_field.likelihood


@pytest.mark.parametrize("name, want", [
    ("draft_en_coffee_grinder.txt", {"clear"}),
    ("draft_ja_rice_cooker.txt", {"clear"}),
    ("draft_en_underwater_vehicle.txt", {"likely"}),
    ("draft_ja_ir_seeker.txt", {"likely"}),
])
def test_the_bundled_examples(engine, name, want):
    from workbench.ingest import read_draft
    from workbench.resources import examples_dir

    v = triage.screen_draft(read_draft(examples_dir() / name), engine=engine)
    assert v.level in want, (v.level, v.top_field.likelihood if v.top_field else None)


def test_the_civilian_examples_score_far_below_the_sensitive_ones(engine):
    from workbench.ingest import read_draft
    from workbench.resources import examples_dir

    def p(name):
        return triage.screen_draft(read_draft(examples_dir() / name), engine=engine).top_field.likelihood

    civilian = max(p("draft_en_coffee_grinder.txt"), p("draft_ja_rice_cooker.txt"))
    assert civilian * 10 < min(p("draft_en_underwater_vehicle.txt"), p("draft_ja_ir_seeker.txt"))


def test_the_japanese_rice_cooker_does_not_sit_above_english_civilian_drafts(engine, shared_data):
    from workbench.ingest import read_draft
    from workbench.resources import examples_dir

    rice = triage.screen_draft(read_draft(examples_dir() / "draft_ja_rice_cooker.txt"), engine=engine).top_field.likelihood
    civ = [d for d in _sets(str(shared_data)) if d.source == "portfolio"][:40]
    scores = sorted(_level(engine, d.text()).top_field.likelihood for d in civ)
    assert rice <= scores[len(scores) // 2], (rice, scores[len(scores) // 2])


def test_model_train_refuses_a_model_worse_on_the_held_out_drafts():
    from workbench.classify.train import compare

    old = {"all": {"recall": 0.98, "top3": 0.6}, "drafts": {"recall": 1.0, "portfolio_clear": 0.95, "hard_negatives_clear": 0.65, "positives": 12}}
    same = {"all": {"recall": 0.98, "top3": 0.6}, "drafts": dict(old["drafts"])}
    assert compare(old, same)[0]
    for key, value in (("recall", 0.833), ("portfolio_clear", 0.90), ("hard_negatives_clear", 0.60)):
        worse = {"all": dict(old["all"]), "drafts": {**old["drafts"], key: value}}
        ok, why = compare(old, worse)
        assert not ok and key in str(why)  # a coded message (I481), read in English
    # one positive of 12 is within the allowance, as for the records
    assert compare(old, {"all": dict(old["all"]), "drafts": {**old["drafts"], "recall": 0.9167}})[0]
    # a card from before the draft scorer has no draft figures: the record figures still guard
    assert compare({"all": old["all"]}, same)[0]
