"""Every field of the installed rule set, parametrized over the loaded data (not a list
written here): a code inside hits, a sibling outside does not, combinations need every part,
limitations need their terms, additional requirements behave as the Act describes."""

from __future__ import annotations

import pytest
from rules_samples import entry_codes, in_field, sibling

from workbench.domain import AdditionalAnswers
from workbench.messages import rules as R
from workbench.rules import load_ruleset

RULESET = load_ruleset()
FIELDS = RULESET.fields
ENTRIES = [(f, e) for f in FIELDS for e in f.ipc]
YES = AdditionalAnswers(defence_use=True, state_commissioned=True)


def _status(rs, field_id, codes, **kw):
    matches = {m.field_id: m for m in rs.match(codes, **kw)}
    return matches[field_id]


def _evidence(field):
    """Terms that satisfy the field's limitation (None: no limitation, nothing needed)."""
    if field.limitation is None:
        return None
    return [(field.id, field.limitation.requires_terms[0])]


def test_the_installed_rule_set_has_25_fields_numbered_1_to_25():
    assert [f.id for f in FIELDS] == list(range(1, 26))
    assert RULESET.name == "jp-specified-fields"
    assert RULESET.version and RULESET.effective_date and RULESET.ipc_edition
    assert len(RULESET.checksum) == 64


@pytest.mark.parametrize("field, entry", ENTRIES, ids=[f"f{f.id}:{e.text}" for f, e in ENTRIES])
def test_a_code_inside_each_entry_hits_its_field(field, entry):
    codes = entry_codes(entry)
    m = _status(RULESET, field.id, codes, answers=YES, terms=_evidence(field))
    assert m.status == "hit", m.reasons
    assert any(r.code == R.R301 and entry.text in str(r) for r in m.reasons)
    assert m.verified is (entry.verified and (field.limitation is None or field.limitation.verified))


@pytest.mark.parametrize("field, entry", ENTRIES, ids=[f"f{f.id}:{e.text}" for f, e in ENTRIES])
def test_a_sibling_code_outside_the_field_does_not_hit_it(field, entry):
    codes = entry_codes(entry)
    outside = [sibling(field, c) for c in codes]
    assert not any(in_field(field, c) for c in outside)
    m = _status(RULESET, field.id, outside, answers=YES, terms=_evidence(field))
    assert m.status != "hit", m.reasons


COMBOS = [(f, e) for f, e in ENTRIES if e.is_combination]


def test_the_rule_set_has_combinations_to_test():
    assert COMBOS, "the JP rule set defines combinations (e.g. B63C 7/26 with F41)"


@pytest.mark.parametrize("field, entry", COMBOS, ids=[f"f{f.id}:{e.text}" for f, e in COMBOS])
def test_combinations_need_every_part(field, entry):
    codes = entry_codes(entry)
    assert entry.fit(tuple(codes)) is not None
    for i in range(len(codes)):
        partial = codes[:i] + codes[i + 1 :]
        assert entry.fit(tuple(partial)) is None
        others_fit = any(e.fit(tuple(partial)) for e in field.ipc if e is not entry)
        m = _status(RULESET, field.id, partial, answers=YES, terms=_evidence(field))
        if not others_fit:
            assert m.status == "no", m.reasons


LIMITED = [f for f in FIELDS if f.limitation is not None]


def test_the_rule_set_has_a_limited_field():
    assert LIMITED, "B01D 59 is limited to uranium/plutonium"


@pytest.mark.parametrize("field", LIMITED, ids=lambda f: f"f{f.id}")
def test_limitation_needs_its_term(field):
    codes = entry_codes(field.ipc[0])
    # Evidence given, but none of the required terms: not the field.
    assert _status(RULESET, field.id, codes, answers=YES, terms=[]).status == "no"
    assert _status(RULESET, field.id, codes, answers=YES, text="A method of separating carbon isotopes.").status == "no"
    # A required term among the terms, or in the text: hit.
    for term in field.limitation.requires_terms:
        assert _status(RULESET, field.id, codes, answers=YES, terms=[(0, term)]).status == "hit", term
    assert _status(RULESET, field.id, codes, answers=YES, text=f"... enrichment of {field.limitation.requires_terms[0]} by ...").status == "hit"
    # The pipeline passes only the terms find_terms found: every required term must be one.
    for term in field.limitation.requires_terms:
        found = [(h.field_id, h.term) for h in RULESET.find_terms(f"A process for {term} ({term}).")]
        assert _status(RULESET, field.id, codes, answers=YES, terms=found).status == "hit", term
    # Nothing given at all: the limitation cannot be checked, so never "no" silently.
    m = _status(RULESET, field.id, codes, answers=YES)
    assert m.status == "possible" and any(r.code == R.R311 for r in m.reasons)


ANSWER_CASES = [
    (AdditionalAnswers(None, None), "possible"),
    (AdditionalAnswers(True, None), "hit"),
    (AdditionalAnswers(None, True), "hit"),
    (AdditionalAnswers(True, False), "hit"),
    (AdditionalAnswers(False, True), "hit"),
    (AdditionalAnswers(False, None), "possible"),
    (AdditionalAnswers(None, False), "possible"),
    (AdditionalAnswers(False, False), "no"),
]


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: f"f{f.id}")
@pytest.mark.parametrize("answers, expected", ANSWER_CASES, ids=[f"{a.defence_use}-{a.state_commissioned}" for a, _ in ANSWER_CASES])
def test_additional_requirement_semantics(field, answers, expected):
    codes = entry_codes(field.ipc[0])
    m = _status(RULESET, field.id, codes, answers=answers, terms=_evidence(field))
    if field.additional_requirement.applies:
        assert m.status == expected, m.reasons
    else:
        assert m.status == "hit", m.reasons  # answers do not matter without a requirement


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: f"f{f.id}")
def test_evidence_terms_alone_make_a_field_possible(field):
    term = (field.terms_en or field.terms_ja)[0]
    m = _status(RULESET, field.id, [], terms=[(field.id, term)])
    assert m.status == "possible"
    assert term in m.terms and any(r.code == R.R310 and term in r.get("terms") for r in m.reasons)
    if field.additional_requirement.applies:
        declined = AdditionalAnswers(False, False)
        assert _status(RULESET, field.id, [], terms=[(field.id, term)], answers=declined).status == "no"


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: f"f{f.id}")
def test_every_field_has_names_terms_and_a_source(field):
    assert field.name_ja and field.name_en
    assert field.terms_en and field.terms_ja
    assert field.source
    if field.additional_requirement.applies:
        assert field.additional_requirement.wording_en and field.additional_requirement.wording_ja


TERMS = [(f, t) for f in FIELDS for t in f.terms]


def _norm(term: str) -> str:
    return "".join(term.lower().replace("-", " ").split())


def _same(a: str, b: str) -> bool:
    return _norm(a) == _norm(b)


@pytest.mark.parametrize("field, term", TERMS, ids=[f"f{f.id}:{t}" for f, t in TERMS])
def test_every_evidence_term_is_found_for_its_field(field, term):
    """Each term is found in a sentence holding it; a conditional term only with its context."""
    cond = next((c for c in field.term_conditions if c.term == term), None)
    japanese = any(ord(ch) > 0x2FFF for ch in term)
    sentence = f"本発明は{term}に関する。" if japanese else f"The invention relates to a {term} arrangement."
    if cond is not None and cond.with_any:
        assert not any(h.field_id == field.id and _same(h.term, term) for h in RULESET.find_terms(sentence)), "needs context"
        sentence += f" ({cond.with_any[0]})"
    hits = [h for h in RULESET.find_terms(sentence) if h.field_id == field.id]
    # spelling variants ("rail gun"/"railgun") are one term; a longer term may cover this one
    assert any(_same(h.term, term) or _norm(term) in _norm(h.term) for h in hits), hits
    if cond is not None and cond.exclude:
        longer = cond.exclude[0]
        text = f"本発明は{longer}に関する。" if japanese else f"The invention relates to a {longer}."
        assert not any(h.field_id == field.id and _same(h.term, term) for h in RULESET.find_terms(text))


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: f"f{f.id}")
def test_every_verified_fact_names_its_source(field):
    """A verified entry or limitation carries its own source (or the field's); an unverified
    field says why in its notes."""
    for entry in field.verified_entries:
        assert entry.source or field.source
        assert entry.source and all(s.startswith("http") for s in entry.source)
    if field.limitation is not None and field.limitation.verified:
        assert field.verified_entries  # a verified limitation belongs to a verified entry
    if not field.verified:
        assert field.notes
    assert field.verification in ("verified", "partial", "unverified")
    assert (field.verification == "unverified") == (not field.verified and not field.verified_entries and not field.name_verified)


def test_only_few_facts_are_verified():
    """The reference confirms very little: most of the rule set must stay unverified."""
    entries = [e for f in FIELDS for e in f.ipc]
    assert 0 < sum(e.verified for e in entries) < len(entries) / 4
    assert not any(f.verified for f in FIELDS)
    assert not any(f.additional_requirement.verified for f in FIELDS)


def test_a_japanese_railgun_claim_is_evidence_of_field_5_and_a_motor_armature_is_not():
    # found walking the CLI: claim 1 of a JPO-format railgun draft (電磁加速式発射装置, レール, 電機子) got field 4 only
    claim = "電磁加速式発射装置であって、一対のレールと、前記レールの間を移動する電機子とを備える。"
    assert {h.field_id for h in RULESET.find_terms(claim, "ja")} >= {5}
    assert not [h for h in RULESET.find_terms("電動機の電機子巻線と固定子を備える。", "ja") if h.field_id == 5]
