"""What the manager reads is what the log stores, in the reader's language: found by using the
product as an IP manager would (decide against a 'likely' verdict, have it approved, show and
export the log) in Japanese and English."""

from __future__ import annotations

import json
import subprocess

from factories import make_verdict

from workbench.cli.main import main
from workbench.store import TriageLog
from workbench.store.export import export_log, read_csv_export
from workbench.store.signoff import RISK_JP_FIRST, RISK_LIKELY, risks_message


def test_the_first_filing_risk_names_the_level_in_the_readers_words():
    # it read 「likely」 in the Japanese sentence, and 「-」 when the caller had no level at hand
    ja = risks_message((RISK_LIKELY, RISK_JP_FIRST), "likely").render("ja")
    assert "「送付の可能性大」と判定" in ja and "likely" not in ja
    assert "triaged 'review'" in risks_message((RISK_JP_FIRST,), "review").render("en")
    assert "「要検討」" in risks_message((RISK_JP_FIRST,), "review").render("ja")


def _likely_decided_and_approved(db_path):
    with TriageLog.open(db_path) as log:
        did = log.record_verdict(make_verdict("railgun.txt", level="likely", likelihood=0.99))
        log.decide(did, "clear_abroad", "civil use only", completed_in_japan=True, planned_countries=["US"],
                   override_reason="JPO prior confirmation: not covered", reviewer="sato")
        log.approve_override(did, note="confirmation letter seen", reviewer="suzuki")
    return did


def test_cli_decide_says_which_level_the_first_filing_duty_comes_from(db_path, capsys, monkeypatch):
    monkeypatch.setenv("WORKBENCH_LANG", "ja")
    with TriageLog.open(db_path) as log:
        did = log.record_verdict(make_verdict("railgun.txt", level="likely", likelihood=0.99))
    rc = main(["log", "decide", str(did), "--db", str(db_path), "--decision", "clear_abroad", "--rationale", "民生用",
               "--completed-in-japan", "yes", "--countries", "US", "--override-reason", "防衛用途なし", "--reviewer", "佐藤"])
    out = capsys.readouterr().out
    assert rc == 0
    assert "「送付の可能性大」と判定された" in out and "「-」" not in out and "likely" not in out


def test_the_approvers_note_is_kept_with_the_decision_shown_and_exported(db_path, tmp_path, capsys, monkeypatch):
    did = _likely_decided_and_approved(db_path)
    with TriageLog.open(db_path) as log:
        assert log.draft(did).decision.approval_note == "confirmation letter seen"
        row = read_csv_export(export_log(log, "csv", tmp_path / "a.csv").path)[0]
        assert row["approved_by"] == "suzuki" and row["approval_note"] == "confirmation letter seen"
        data = json.loads(export_log(log, "json", tmp_path / "a.json").path.read_text(encoding="utf-8"))
        assert data["decisions"][0]["approval_note"] == "confirmation letter seen"
        from openpyxl import load_workbook

        ws = load_workbook(export_log(log, "xlsx", tmp_path / "a.xlsx").path)["Decisions"]
        header = [c.value for c in ws[1]]
        assert dict(zip(header, (c.value for c in ws[3])))["approval_note"] == "confirmation letter seen"
        pdf = export_log(log, "pdf", tmp_path / "a.pdf").path
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "confirmation letter seen" in text
    monkeypatch.setenv("WORKBENCH_LANG", "ja")
    assert main(["log", "show", str(did), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "confirmation letter seen" in out and "suzuki" in out


def test_a_decision_approved_without_a_note_exports_an_empty_note(db_path, tmp_path):
    with TriageLog.open(db_path) as log:
        did = log.record_verdict(make_verdict("railgun.txt", level="likely", likelihood=0.99))
        log.decide(did, "clear_abroad", "civil", completed_in_japan=False, completed_abroad=["US"],
                   override_reason="checked", reviewer="sato")
        log.approve_override(did, reviewer="suzuki")
        assert log.draft(did).decision.approval_note in ("", None)
        row = read_csv_export(export_log(log, "csv", tmp_path / "a.csv").path)[0]
    assert row["approval_note"] == "" and row["approved_by"] == "suzuki"


def test_a_new_version_keeps_the_matters_filing_facts(log, tmp_path):
    """The inventors, applicants and planned filings are the invention's: recorded on version 1,
    version 2 of the same matter said 'no filing facts recorded' (log show, the clearance plan,
    the Decision panel) while its decision carried over."""
    claims = ("A launcher comprising a pair of rails and an armature.",)
    v1 = log.record_verdict(make_verdict("railgun.txt", level="review", likelihood=0.2, claims=claims))
    log.record_facts(v1, inventors=[{"name": "Yamada", "residence": "JP", "nationality": "JP", "completed_in": "JP"}],
                     filings=[{"office": "JP"}, {"office": "US"}])
    v2 = log.record_verdict(make_verdict("railgun.txt", level="review", likelihood=0.2,
                                         claims=(*claims, "The launcher of claim 1, wherein the rails are copper.")))
    assert log.draft(v2).version == 2
    facts = log.filing_facts(v2)
    assert facts is not None and [i["name"] for i in facts["inventors"]] == ["Yamada"]
    assert [f["office"] for f in facts["filings"]] == ["JP", "US"]
    # a decision on version 2 is exported with the facts it was taken on
    log.decide(v2, "file_jp_first", "JP first", completed_in_japan=True, planned_countries=["US"])
    row = read_csv_export(export_log(log, "csv", tmp_path / "a.csv").path)[0]
    assert "Yamada" in row["inventors"] and row["planned_filings"] != "not recorded"
    # facts recorded on version 2 are the matter's latest, for version 1 too
    log.record_facts(v2, inventors=[{"name": "Sato", "residence": "JP", "nationality": "JP", "completed_in": "JP"}])
    assert [i["name"] for i in log.filing_facts(v1)["inventors"]] == ["Sato"]


def test_the_japanese_report_says_who_approved_an_override_and_when(db_path, tmp_path):
    # the Japanese cell said only 承認済み: the approver and the time were in the English only
    _likely_decided_and_approved(db_path)
    with TriageLog.open(db_path) as log:
        pdf = export_log(log, "pdf", tmp_path / "ja.pdf", language="ja").path
    text = "".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "オーバーライドはsuzukiにより承認されました" in text and "承認者のメモ：confirmationletterseen" in text
