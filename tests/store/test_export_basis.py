"""Exports an auditor can follow: the attorneys' annotations and the additional-requirement
answers behind each decision, and its override and sign-off, in CSV, XLSX, JSON and PDF; an
export of a log that fails verify warns on the console, not only in the file."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import subprocess

import pytest
from factories import make_verdict

from workbench.cli.main import main
from workbench.domain import AdditionalAnswers
from workbench.store import TriageLog
from workbench.store.export import export_log, read_csv_export


@pytest.fixture
def audited(log, reopen):
    """A 'likely' draft screened with defence use answered yes, annotated twice, cleared
    abroad with an override that a second manager approved; a second draft not annotated."""
    v = dataclasses.replace(make_verdict("uuv.txt", level="likely", likelihood=0.9),
                            answers=AdditionalAnswers(defence_use=True, state_commissioned=None))
    did = log.record_verdict(v)
    log.annotate(did, 1, 5, "disagree", note="civil use only", corrected_ipc="B63G 8/00")
    log.annotate(did, 2, 5, "agree")
    log.decide(did, "clear_abroad", "licensed", completed_in_japan=True, planned_countries=["US"],
               override_reason="JPO prior confirmation: not covered")
    reopen("mgr1").approve_override(did, note="letter seen")
    log.annotate(did, 1, 5, "agree", note="after the decision")  # not part of its basis
    other = log.record_verdict(make_verdict("pump.txt", level="clear", likelihood=0.01, claims=("A pump.",)))
    log.decide(other, "hold", "waiting")
    return log, did, other


def test_csv_and_xlsx_carry_the_basis_and_the_sign_off(audited, tmp_path):
    from openpyxl import load_workbook

    log, did, other = audited
    rows = read_csv_export(export_log(log, "csv", tmp_path / "a.csv").path)
    first, second = rows
    assert first["defence_use"] == "yes" and first["state_commissioned"] == "not answered"
    assert "claim 1, field 5: disagree (IPC B63G 8/00) — civil use only" in first["annotations"]
    assert "claim 2, field 5: agree" in first["annotations"] and "after the decision" not in first["annotations"]
    assert first["override_status"] == "approved" and first["approved_by"] == "mgr1" and first["approved_at"]
    assert first["override_reason"] == "JPO prior confirmation: not covered"
    assert set(first["override_risks"].split(",")) == {"verdict_likely", "jp_first_filing"}
    assert second["annotations"] == "" and second["override_status"] == "" and second["defence_use"] == "not answered"
    ws = load_workbook(export_log(log, "xlsx", tmp_path / "a.xlsx").path)["Decisions"]
    header = [c.value for c in ws[1]]
    row = {h: c.value for h, c in zip(header, ws[3])}  # row 2: the labels
    assert row["defence_use"] == "yes" and "civil use only" in row["annotations"] and row["override_status"] == "approved"


def test_json_keeps_the_basis_as_values(audited, tmp_path):
    log, did, other = audited
    data = json.loads(export_log(log, "json", tmp_path / "a.json").path.read_text(encoding="utf-8"))
    first, second = data["decisions"]
    assert first["defence_use"] is True and first["state_commissioned"] is None  # null: not answered
    assert [(a["claim_number"], a["verdict"], a["corrected_ipc"]) for a in first["annotations"]] == [
        (1, "disagree", "B63G 8/00"), (2, "agree", None)]
    assert first["override_status"] == "approved" and first["approved_by"] == "mgr1"
    assert second["annotations"] == [] and second["override_reason"] is None


def test_pdf_has_a_basis_section_in_both_languages(audited, tmp_path):
    log, did, other = audited
    res = export_log(log, "pdf", tmp_path / "a.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(res.path), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    for needle in ("Basisofeachdecision", "出願方針の根拠", "civiluseonly", "approvedbymgr1", "mgr1により承認されました", "防衛用途"):
        assert needle in flat, needle


@pytest.mark.sqlite_only  # a tampered SQLite file; the team log's: test_team_roles.py
def test_exporting_a_log_that_fails_verify_warns_on_the_console(db_path, tmp_path, capsys):
    with TriageLog.open(db_path, reviewer="x") as lg:
        did = lg.record_verdict(make_verdict())
        lg.decide(did, "hold", "original")
    raw = sqlite3.connect(db_path)
    raw.execute("DROP TRIGGER decisions_no_update")
    raw.execute("UPDATE decisions SET rationale = 'forged'")
    raw.commit()
    raw.close()
    out = tmp_path / "e.csv"
    assert main(["log", "export", "--db", str(db_path), "-o", str(out)]) == 0
    cap = capsys.readouterr()
    assert "Wrote 1 decision" in cap.out
    assert "[W556]" not in cap.err and "fails verification" in cap.err and str(out) in cap.err
    assert "BROKEN" in out.read_text(encoding="utf-8-sig")
    # an intact log: no warning
    with TriageLog.open(tmp_path / "ok.sqlite", reviewer="x") as lg:
        lg.decide(lg.record_verdict(make_verdict()), "hold", "fine")
    assert main(["log", "export", "--db", str(tmp_path / "ok.sqlite"), "-o", str(tmp_path / "ok.csv")]) == 0
    assert "fails verification" not in capsys.readouterr().err


def test_an_export_result_says_whether_the_chain_held(log, tmp_path):
    log.decide(log.record_verdict(make_verdict()), "hold", "fine")
    res = export_log(log, "json", tmp_path / "x.json")
    assert res.chain_ok and res.warning is None
