"""The triage log keeps a coded reason or note as its code, arguments and English
rendering; a record stored before messages were coded (plain English) reads as it was."""

from __future__ import annotations

import json
from dataclasses import replace

from factories import make_verdict

from workbench.messages import Message, msg
from workbench.messages import rules as R


def _coded(v):
    reason = msg(R.R330, reason=msg(R.R310, terms=("sonar", "hydrophone")))
    fields = tuple(replace(f, reasons=(reason, "a reason stored as English")) for f in v.fields)
    cvs = tuple(replace(cv, fields=tuple(replace(f, reasons=(reason,)) for f in cv.fields)) for cv in v.claim_verdicts)
    return replace(v, fields=fields, claim_verdicts=cvs, notes=(msg(R.R324), "an old note")), reason


def test_a_coded_reason_is_stored_with_its_code_args_and_english_and_read_back(log):
    v, reason = _coded(make_verdict())
    draft_id = log.record_verdict(v)
    stored = log.draft(draft_id).verdict
    back = stored.fields[0].reasons
    assert back[0] == reason and isinstance(back[0], Message)
    assert back[1] == "a reason stored as English"  # a plain string stays itself
    assert stored.notes == (msg(R.R324), "an old note")
    assert stored.claim_fields[1][0].reasons == (reason,)
    # the event payload (the legal record) holds code, args and the English rendering
    payload = json.loads(log.conn.execute("SELECT payload FROM events WHERE kind = 'verdict.recorded'").fetchone()[0])
    first = payload["fields"][0]["reasons"][0]
    assert first["code"] == R.R330 and first["en"] == str(reason)
    assert first["args"]["reason"]["$message"]["args"]["terms"] == ["sonar", "hydrophone"]
    assert log.verify().ok


def test_japanese_is_rendered_from_the_stored_code(log):
    v, reason = _coded(make_verdict())
    back = log.draft(log.record_verdict(v)).verdict.fields[0].reasons[0]
    assert back.render("ja") == "判明しているIPCコード（この草稿に入力）: この分野の根拠用語: sonar、hydrophone"


def test_log_show_json_gives_the_stored_form_of_a_coded_reason(log, capsys):
    from workbench.cli.main import main

    v, reason = _coded(make_verdict())
    draft_id = log.record_verdict(v)
    log.close()
    assert main(["log", "show", str(draft_id), "--db", str(log.path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    first = data["verdict"]["fields"][0]["reasons"][0]
    assert first["code"] == R.R330 and first["en"] == str(reason)
    assert first["args"]["reason"]["$message"]["args"] == {"terms": ["sonar", "hydrophone"]}
    assert data["verdict"]["fields"][0]["reasons"][1] == "a reason stored as English"
