"""The matching engine: results, reasons, code handling. Field-independent checks use
fields looked up by their data (which entry is verified, which is a combination), not by number."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from rules_samples import entry_codes

from workbench.domain import AdditionalAnswers, RuleMatch
from workbench.errors import E301, IpcError
from workbench.ipc import try_parse_ipc
from workbench.messages import rules as R

YES = AdditionalAnswers(True, True)


def by_id(matches: list[RuleMatch]) -> dict[int, RuleMatch]:
    return {m.field_id: m for m in matches}


def test_match_returns_one_result_per_field_in_order(ruleset):
    result = ruleset.match([])
    assert [m.field_id for m in result] == [f.id for f in ruleset.fields]
    assert all(m.status == "no" and not m.reasons for m in result)


def test_all_code_spellings_give_the_same_answer(ruleset):
    spellings = ["F41H 3/02", "F41H3/02", "F41H0003020000", "F41H 3/02 (2006.01)", "Ｆ４１Ｈ３／０２"]
    answers = [[(m.field_id, m.status) for m in ruleset.match([s])] for s in spellings]
    assert all(a == answers[0] for a in answers)
    assert any(status == "hit" for _, status in answers[0])


def test_a_malformed_code_is_a_coded_error_not_a_silent_miss(ruleset):
    with pytest.raises(IpcError) as info:
        ruleset.match(["F41H 3/00", "garbage"])
    assert info.value.code == E301 and "garbage" in info.value.message


def test_reasons_name_the_code_the_entry_and_the_answers(ruleset):
    field = next(f for f in ruleset.fields if f.additional_requirement.applies)
    codes = [str(c) for c in entry_codes(field.ipc[0])]
    m = by_id(ruleset.match(codes, answers=AdditionalAnswers(True, None)))[field.id]
    text = " ".join(map(str, m.reasons))
    assert m.status == "hit"
    assert codes[0] in text and field.ipc[0].text in text
    met = next(r for r in m.reasons if r.code == R.R321)  # additional requirement met, with its answers
    answers = met.get("answers")
    assert answers.get("defence").code == R.R392 and answers.get("state").code == R.R394  # yes / unanswered
    assert "defence/foreign-military use: yes" in text and "unanswered" in text
    assert tuple(codes) == m.codes


def test_verified_reflects_the_entry_that_matched(ruleset):
    field = next(f for f in ruleset.fields if f.verified_entries and any(not e.verified for e in f.ipc) and f.limitation is None)
    verified_entry = field.verified_entries[0]
    unverified_entry = next(e for e in field.ipc if not e.verified)
    hit_v = by_id(ruleset.match(entry_codes(verified_entry), answers=YES))[field.id]
    hit_u = by_id(ruleset.match(entry_codes(unverified_entry), answers=YES))[field.id]
    assert hit_v.status == hit_u.status == "hit"
    assert hit_v.verified is True and hit_u.verified is False
    assert hit_v.reasons[0].code == hit_u.reasons[0].code == R.R301  # within the entry
    assert hit_v.reasons[0].get("rule").get("verified").code == R.R390
    assert hit_u.reasons[0].get("rule").get("verified").code == R.R391
    assert "(verified rule" in str(hit_v.reasons[0]) and "(unverified rule" in str(hit_u.reasons[0])


def test_terms_only_give_possible_never_hit(ruleset):
    hits = ruleset.find_terms("A stealth coating with a radar absorbing material.", "en")
    result = by_id(ruleset.match([], terms=[(h.field_id, h.term) for h in hits]))
    flagged = {fid for fid, m in result.items() if m.status != "no"}
    assert flagged and all(result[fid].status == "possible" for fid in flagged)
    assert all(any(r.code == R.R310 for r in result[fid].reasons) for fid in flagged)


def test_text_argument_is_searched_for_terms(ruleset):
    result = by_id(ruleset.match([], text="本発明は量子ドットを有する赤外線検出器に関する。"))
    flagged = [m for m in result.values() if m.status == "possible"]
    assert flagged and all("量子ドット" in m.terms or "赤外線検出器" in m.terms for m in flagged)


def test_a_coarser_code_is_possible_only_when_asked(ruleset):
    field = next(f for f in ruleset.fields if f.ipc[0].parts[0].alternatives[0].level in ("main_group", "subgroup") and not f.ipc[0].is_combination)
    subclass = field.ipc[0].parts[0].alternatives[0].subclass_symbol
    assert by_id(ruleset.match([subclass]))[field.id].status == "no"
    m = by_id(ruleset.match([subclass], answers=YES, broader=True))[field.id]
    assert m.status == "possible" and m.reasons[0].code == R.R302 and "broader" in str(m.reasons[0])


def test_duplicate_codes_are_reported_once(ruleset):
    field = ruleset.fields[0]
    code = str(entry_codes(field.ipc[0])[0])
    m = by_id(ruleset.match([code, code, code], answers=YES))[field.id]
    assert m.codes == (code,)


def _code_strings_and_id_comparisons(path: Path):
    """String constants that are not docstrings, and comparisons of an ``.id`` with a number."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    strings, comparisons = [], []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            strings.append(node.value)
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(isinstance(s, ast.Attribute) and s.attr == "id" for s in sides) and any(
                isinstance(s, ast.Constant) and isinstance(s.value, int) for s in sides
            ):
                comparisons.append(ast.unparse(node))
    return strings, comparisons


def test_engine_holds_no_field_specific_code():
    files = sorted((Path(__file__).parents[2] / "workbench" / "rules").glob("*.py"))
    assert files
    for path in files:
        strings, comparisons = _code_strings_and_id_comparisons(path)
        assert comparisons == [], path
        text = "\n".join(strings)
        for symbol in ("F41", "B01D", "B63", "G21C", "H01L", "H10F", "uranium", "ウラン"):
            assert symbol not in text, (path, symbol)


def test_every_real_office_code_parses_and_hits_are_plausible(ruleset, shared_data: Path):
    """Real IPC codes of 6,356 drone-related publications: all parse; a minority hits a field."""
    records = [json.loads(line) for line in (shared_data / "patents" / "drone_titles.jsonl").open(encoding="utf-8")]
    unparsed = [c for r in records for c in r["ipc"] if try_parse_ipc(c) is None]
    assert unparsed == []
    flagged = sum(1 for r in records if any(m.status == "hit" for m in ruleset.match(r["ipc"], answers=YES)))
    assert 0 < flagged < len(records) * 0.25
    weapon = [r for r in records if any(c.startswith(("F41G7", "F41G 7")) for c in r["ipc"])]
    assert weapon and all(any(m.status == "hit" for m in ruleset.match(r["ipc"], answers=YES)) for r in weapon)
