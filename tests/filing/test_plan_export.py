"""Exports carry each decision's filing facts (as they stood when it was recorded) and its
clearance plan (computed as of the decision day), in CSV, XLSX, JSON and PDF, each with the
screening-aid line and the unverified rules marked (issue 15 items 3-4)."""

from __future__ import annotations

import json

import pytest

from tests.store.factories import make_verdict
from workbench.store import TriageLog
from workbench.store.export import export_log, read_csv_export


@pytest.fixture
def log(tmp_path):
    with TriageLog.open(tmp_path / "log.db", reviewer="t") as lg:
        did = lg.record_verdict(make_verdict(level="likely"))
        lg.decide(did, "hold", "before any facts", completed_in_japan=True, planned_countries=["US"])
        lg.record_facts(did, inventors=[{"name": "山田", "residence": "JP", "made_in": ["JP"]},
                                        {"name": "Smith", "residence": "US", "made_in": ["US"]}],
                        applicants=[{"name": "Acme KK", "seat": "JP"}], filings=[{"office": "JP"}, {"office": "US"}])
        lg.decide(did, "file_jp_first", "joint JP/US", completed_in_japan=True, completed_abroad=["US"],
                  planned_countries=["US"])
        yield lg


def test_csv_and_xlsx_have_the_facts_and_the_plan(log, tmp_path):
    rows = read_csv_export(export_log(log, "csv", tmp_path / "e.csv").path)
    before, after = rows
    assert before["inventors"] == "not recorded" and after["inventors"] == "山田:JP::JP; Smith:US::US"
    assert after["applicants"] == "Acme KK:JP" and after["planned_filings"] == "JP; US"
    assert "US: earliest permissible date" in after["clearance_plan"] and "not legal advice" in after["clearance_plan"]
    assert "最も早い出願可能日" in after["clearance_plan_ja"] and "法的助言ではありません" in after["clearance_plan_ja"]
    from openpyxl import load_workbook

    ws = load_workbook(export_log(log, "xlsx", tmp_path / "e.xlsx").path).worksheets[0]
    header = [c.value for c in ws[1]]
    assert "clearance_plan" in header and "inventors" in header
    assert "not legal advice" in ws.cell(row=4, column=header.index("clearance_plan") + 1).value


def test_json_has_the_facts_and_the_whole_plan(log, tmp_path):
    data = json.loads(export_log(log, "json", tmp_path / "e.json").path.read_text(encoding="utf-8"))
    before, after = data["decisions"]
    assert before["filing_facts"] is None and after["filing_facts"]["applicants"] == [{"name": "Acme KK", "seat": "JP"}]
    plan = after["clearance_plan"]
    assert plan["screening_aid"] is True and plan["unverified_rules"] == ["JP"]
    assert {f["office"] for f in plan["filings"]} == {"JP", "US"}
    assert all("verified" in s and "sources" in s for s in plan["steps"])


def test_pdf_has_a_plan_section_in_both_languages(log, tmp_path):
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(export_log(log, "pdf", tmp_path / "e.pdf").path).pages)
    assert "Clearance plans" in text and "earliest permissible date" in text
    assert "not legal advice" in text and "unverified" in text
    assert "最も早い出願可能日" in text
