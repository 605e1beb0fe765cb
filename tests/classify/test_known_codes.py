"""IPC codes known for a draft (typed by the user, or printed in the document) are facts:
the rules decide on them directly, whatever the model predicts."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from workbench.cli.main import main
from workbench.domain import AdditionalAnswers
from workbench.errors import IpcError
from workbench.ingest import draft_from_text
from workbench.messages import code_of
from workbench.messages import rules as R
from workbench.messages import screening as S
from workbench.triage import screen_draft, screen_text

PLAIN = "A coffee grinder comprising a hopper, a pair of conical burrs and an adjustment ring."


def _field(v, fid):
    return next(f for f in v.fields if f.field_id == fid)


def _field_of(engine, code):
    """The first field whose rule the code meets (from the loaded rule set, not hard-coded)."""
    for m in engine.ruleset.match([code], answers=AdditionalAnswers(True, True)):
        if m.status == "hit":
            return m.field_id
    raise AssertionError(f"{code} meets no field")


def test_a_typed_code_inside_a_field_makes_it_a_hit_with_its_reason(engine):
    plain = screen_text(PLAIN, engine=engine)
    fid = _field_of(engine, "F41H 3/00")
    assert _field(plain, fid).likelihood < 0.5  # the text alone says little
    v = screen_text(PLAIN, engine=engine, ipc_codes=["F41H3/00"])
    f = _field(v, fid)
    assert f.status == "hit" and f.likelihood == 1.0
    assert any(code_of(r) == R.R330 and "F41H 3/00" in str(r) for r in f.reasons)  # entered for the draft
    assert any(e.source == "ipc" and e.term == "F41H 3/00" and e.weight == 1.0 for e in f.evidence)
    assert v.level == "likely"


def test_additional_requirement_still_governs_known_codes(engine):
    rs = engine.ruleset
    dual = next(fr for fr in rs.fields if fr.additional_requirement.applies and any("/" in c for c in fr.codes))
    code = next(c for c in dual.codes if "/" in c and "-" not in c)
    unanswered = _field(screen_text(PLAIN, engine=engine, ipc_codes=[code]), dual.id)
    assert unanswered.status == "possible" and unanswered.likelihood == 1.0
    both_no = _field(screen_text(PLAIN, engine=engine, ipc_codes=[code], answers=AdditionalAnswers(False, False)), dual.id)
    assert both_no.status == "no" and both_no.likelihood == 0.0


def test_codes_printed_in_the_document_count_and_non_ipc_ones_are_noted(engine):
    draft = replace(draft_from_text(PLAIN), ipc_codes=("F41H 3/00", "Y02E"))
    v = screen_draft(draft, engine=engine)
    f = _field(v, _field_of(engine, "F41H 3/00"))
    assert f.status == "hit" and any(code_of(r) == R.R331 for r in f.reasons)  # printed in the document
    assert any(code_of(n) == S.N403 and n.get("symbol") == "Y02E" for n in v.notes)


def test_a_malformed_typed_code_is_a_coded_error(engine):
    with pytest.raises(IpcError) as err:
        screen_text(PLAIN, engine=engine, ipc_codes=["not-a-code"])
    assert err.value.code == "E301"


def test_cli_ipc_option(isolated_env, capsys):
    assert main(["triage", "--no-log", "--json", "--text", PLAIN, "--ipc", "F41H 3/00,G21J 1/00"]) == 0
    out = json.loads(capsys.readouterr().out)
    hits = {f["id"] for f in out["fields"] if f["status"] == "hit"}
    assert len(hits) >= 2 and out["level"] == "likely"
    assert main(["triage", "--no-log", "--text", PLAIN, "--ipc", "bogus"]) == 2
    assert "E301" in capsys.readouterr().err
