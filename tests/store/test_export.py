"""Exports hold exactly the stored decisions, state their provenance, and neutralise formulas."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess

import pytest
from factories import make_verdict

from workbench.errors import ExportError
from workbench.store import TriageLog
from workbench.store.export import COLUMNS, bilingual_decision, export_log, find_cjk_font, neutralize, read_csv_export

NASTY = ["=HYPERLINK(\"http://x\",\"click\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\tTAB", "\rCR", "=1+1 防衛"]


@pytest.fixture
def decided(populated):
    log, (a, b, c) = populated
    log.decide(a, "clear_abroad", "No field applies; civil pump", False, ["US"], "2024-01-31", reviewer="alice",
               residences=["US"], completed_abroad=["US", "CN"])
    log.decide(b, "file_jp_first", "第5分野（無人航空機）に該当する可能性が高い。日本で完成。", True, ["US", "EP", "CN"],
               "2024-02-29", reviewer="山田 太郎", residences=["JP", "IN"], completed_abroad=())
    log.decide(c, "hold", "Waiting for inventor", reviewer="alice")  # residences, place abroad not recorded
    log.decide(c, "prior_confirmation", "Ask JPO under Art. 79", None, (), None, reviewer="bob", residences=(),
               completed_abroad=["DE"])
    return log, (a, b, c)


def _stored(log, **filters):
    return log.decisions(**filters)


def _expected_flat(row) -> dict:
    out = {}
    from workbench.store.export import BASIS_COLUMNS, FACT_COLUMNS

    for header, attr in COLUMNS:
        if attr in FACT_COLUMNS:  # the filing facts and the plan: tests/filing/test_plan_export.py
            continue
        if attr in BASIS_COLUMNS:  # annotations and answers: tests/store/test_export_basis.py
            continue
        v = getattr(row, attr)
        if attr == "override_risks":
            v = ",".join(v)
        elif attr == "completed_in_japan":
            v = "" if v is None else ("yes" if v else "no")
        elif attr == "current":
            v = "yes" if v else "no"
        elif attr == "planned_countries":
            v = ",".join(v)
        elif attr in ("residences", "completed_abroad"):
            v = "not recorded" if v is None else ",".join(v)
        elif v is None:
            v = ""
        out[header] = v
    return out


def test_neutralize():
    for s in NASTY:
        assert neutralize(s) == "'" + s
    assert neutralize("safe = text") == "safe = text"
    assert neutralize(-3) == -3 and neutralize(None) is None


def test_csv_has_exactly_the_stored_rows(decided, tmp_path):
    log, _ = decided
    res = export_log(log, "csv", tmp_path / "d.csv")
    rows = read_csv_export(res.path)
    stored = _stored(log)
    assert res.rows == len(rows) == len(stored) == 4
    for got, row in zip(rows, stored):
        exp = {k: str(v) for k, v in _expected_flat(row).items()}
        assert {k: v for k, v in got.items() if k in exp} == exp
        assert got["inventors"] == "not recorded"  # no filing facts were recorded in this log
    head = [line for line in res.path.read_text(encoding="utf-8-sig").splitlines() if line.startswith(('#', '"#'))]
    text = "\n".join(head)
    assert log.where in text and "Filter (dates apply to decisions) / 絞り込み（日付は出願方針の記録日）: none (all decisions) / なし" in text
    assert "2024-05-01" in text and "m-test-1" in text and "Exported (UTC) / エクスポート日時（UTC）: 20" in text
    assert "History chain / 履歴の連鎖: intact / 異常なし" in text
    # the note in both languages, a line each; the checkpoint under its stable key (log verify --against)
    assert "# A screening aid, not legal advice." in text and "# 事前判定の補助であり、法的助言ではありません。" in text
    assert any(line.startswith('"# checkpoint: {') for line in head)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_japanese_export_says_where_it_came_from_in_japanese(decided, tmp_path, fmt):
    """A manager exporting in Japanese reads the provenance (database, filter, versions, the
    history chain, the note) in Japanese; only values (paths, versions, hashes, stored values
    such as 'not recorded') and the stable keys stay as they are."""
    import re

    from openpyxl import load_workbook

    log, _ = decided
    res = export_log(log, fmt, tmp_path / f"d.{fmt}", language="ja")
    if fmt == "csv":
        lines = [line for line in res.path.read_text(encoding="utf-8-sig").splitlines()
                 if line.startswith(("#", '"#')) and "checkpoint" not in line]
        words = [line.replace(log.where, "") for line in lines[:-1]]  # the last: the column labels
    else:
        about = list(load_workbook(res.path)["About"].iter_rows(values_only=True))
        assert [r[0] for r in about][:3] == ["title", "database", "schema version"]  # the stable keys stay
        words = [f"{r[1]} {r[2] or ''}".replace(log.where, "") for r in about if r[0] not in ("checkpoint",)]
    text = re.sub(r"\b[0-9a-f]{64}\b|\d{4}-\d\d-\d\dT[\d:.]+Z", "", "\n".join(words))  # hashes, times
    assert "判定記録のエクスポート" in text and "履歴の連鎖" in text and "異常なし" in text and "なし（すべての出願方針）" in text
    allowed = {"sha", "workbench", "JSON", "not", "recorded", "CSV", "UTC", "m", "test"}
    english = {w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in allowed}
    assert not english, english


def test_xlsx_has_exactly_the_stored_rows_and_an_about_sheet(decided, tmp_path):
    from openpyxl import load_workbook

    log, _ = decided
    res = export_log(log, "xlsx", tmp_path / "d.xlsx", decision="hold")
    wb = load_workbook(res.path)
    ws = wb["Decisions"]
    values = list(ws.iter_rows(values_only=True))
    header, body = list(values[0]), values[2:]  # row 2: the labels
    stored = _stored(log, decision="hold")
    assert header == [h for h, _ in COLUMNS]
    assert res.rows == len(body) == len(stored) == 1
    got = dict(zip(header, body[0]))
    exp = _expected_flat(stored[0])
    assert {k: ("" if v is None else v) for k, v in got.items() if k in exp} == exp
    about = {r[0]: r[1] for r in wb["About"].iter_rows(values_only=True)}  # A: the stable key, B: the value
    assert about["database"] == log.where
    assert "decision=hold" in about["filter"]
    assert about["rule-set versions"] == "2024-05-01" and about["model versions"] == "m-test-1"
    assert about["exported at (UTC)"].endswith("Z") and about["rows"] == 1


def test_json_has_meta_and_native_values(decided, tmp_path):
    log, (a, b, c) = decided
    res = export_log(log, "json", tmp_path / "d.json", level="likely")
    data = json.loads(res.path.read_text(encoding="utf-8"))
    stored = _stored(log, level="likely")
    assert len(data["decisions"]) == len(stored) == res.rows == 1
    d = data["decisions"][0]
    assert d["draft_id"] == b and d["completed_in_japan"] is True and d["planned_countries"] == ["US", "EP", "CN"]
    assert d["rationale"] == stored[0].rationale and d["primary_review_due"] == "2024-05-29"
    meta = data["meta"]
    assert meta["database"] == log.where and meta["filter"]["level"] == "likely"
    assert meta["ruleset_versions"] == ["2024-05-01"] and meta["model_versions"] == ["m-test-1"]
    assert meta["chain"]["ok"] is True and meta["exported_at"].endswith("Z") and meta["rows"] == 1
    assert (meta["chain"]["head_event"], meta["chain"]["head_hash"]) == (log.history()[-1].id, log.history()[-1].hash)


def recorded_alice(backend):
    return "alice" if backend == "sqlite" else "tester"


def test_filters_by_reviewer_and_dates(decided, tmp_path, backend):
    log, _ = decided
    today = _stored(log)[0].at[:10]
    assert export_log(log, "csv", tmp_path / "a.csv", reviewer=recorded_alice(backend)).rows == (2 if backend == "sqlite" else 4)
    assert export_log(log, "csv", tmp_path / "b.csv", since=today, until=today).rows == 4
    assert export_log(log, "csv", tmp_path / "c.csv", until="2020-01-01").rows == 0
    assert read_csv_export(tmp_path / "c.csv") == []


@pytest.mark.sqlite_only  # typed reviewer names as formulas: a team log records only logins
def test_formula_injection_is_neutralised_in_csv_and_xlsx(log, tmp_path):
    from openpyxl import load_workbook

    for i, text in enumerate(NASTY):
        did = log.record_verdict(make_verdict("=SUM(1,2).txt" if i == 0 else f"n{i}.txt"))
        log.decide(did, "hold", text, reviewer=text)
    csv_rows = read_csv_export(export_log(log, "csv", tmp_path / "n.csv").path)
    assert [r["rationale"] for r in csv_rows] == [neutralize(t.strip()) for t in NASTY]  # decide() strips rationale
    assert [r["reviewer"] for r in csv_rows] == ["'" + t for t in NASTY]
    assert csv_rows[0]["draft"] == "'=SUM(1,2).txt"
    wb = load_workbook(export_log(log, "xlsx", tmp_path / "n.xlsx").path)
    ws = wb["Decisions"]
    col = [h for h, _ in COLUMNS].index("rationale") + 1
    cells = [ws.cell(row=r, column=col) for r in range(3, 3 + len(NASTY))]  # under the keys and the labels
    assert all(c.data_type == "s" for c in cells)  # text, not formulas
    assert [c.value for c in cells] == [neutralize(t.strip()) for t in NASTY]
    who = [ws.cell(row=r, column=[h for h, _ in COLUMNS].index("reviewer") + 1).value for r in range(3, 3 + len(NASTY))]
    assert who == ["'" + t for t in NASTY]
    # JSON is for machines: it keeps the exact stored text
    data = json.loads(export_log(log, "json", tmp_path / "n.json").path.read_text(encoding="utf-8"))
    assert [d["rationale"] for d in data["decisions"]] == [t.strip() for t in NASTY]
    assert [d["reviewer"] for d in data["decisions"]] == NASTY


def test_pdf_report_renders_japanese(decided, tmp_path, recorded):
    log, _ = decided
    res = export_log(log, "pdf", tmp_path / "r.pdf")
    assert res.rows == 4 and res.path.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(res.path), "-"], capture_output=True, text=True, check=True).stdout
    for needle in ("Triage report", "無人航空機", recorded("山田 太郎"), "第5分野", "Request prior confirmation (Art. 79)",
                   "2024-05-29", "2024-12-29", log.where[:30], "m-test-1"):
        assert needle in text, needle
    # an auditor reading Japanese gets the headings and decisions in Japanese too (narrow cells
    # wrap, so only short words are looked for in the extracted text)
    flat = "".join(text.split())
    for needle in ("判定", "記録日時", "居住国", "外国出願可", "保留"):
        assert needle in flat, needle
    subprocess.run(["pdftoppm", "-r", "30", "-f", "1", "-l", "1", str(res.path), str(tmp_path / "page")], check=True)
    ppm = next(tmp_path.glob("page*.ppm")).read_bytes()
    pixels = ppm.split(b"\n", 3)[3]
    dark = sum(1 for i in range(0, len(pixels), 3) if pixels[i] < 128)
    assert dark > 500  # the page has text on it, not a blank render


def test_pdf_without_cjk_font_is_e602(decided, tmp_path, monkeypatch):
    log, _ = decided
    monkeypatch.setattr("workbench.store.export.CJK_FONT_CANDIDATES", ())
    monkeypatch.setattr("workbench.store.export.shutil.which", lambda name: None)
    with pytest.raises(ExportError) as err:
        export_log(log, "pdf", tmp_path / "r.pdf")
    assert err.value.code == "E602"
    assert not (tmp_path / "r.pdf").exists()
    with pytest.raises(ExportError):
        find_cjk_font(candidates=("/nonexistent.ttf",))


def test_bad_format_and_unwritable_target(decided, tmp_path):
    log, _ = decided
    with pytest.raises(ExportError) as err:
        export_log(log, "docx", tmp_path / "x.docx")
    assert err.value.code == "E603"
    with pytest.raises(ExportError) as err:
        export_log(log, "csv", tmp_path / "missing-dir" / "x.csv")
    assert err.value.code == "E601"
    folder = tmp_path / "a-folder.csv"  # the target is a folder: cannot be replaced by a file
    folder.mkdir()
    with pytest.raises(ExportError) as err:
        export_log(log, "csv", folder)
    assert err.value.code == "E601" and folder.is_dir()
    assert not list(tmp_path.glob(".*.tmp"))  # no half-written temporary file is left


@pytest.mark.shared_data
def test_export_of_real_claims_round_trips(shared_data, tmp_path):
    """Real US first claims (long, with punctuation and symbols) survive log -> CSV/JSON exactly."""
    lines = (shared_data / "patents" / "first_claims_cpc.jsonl").read_text(encoding="utf-8").splitlines()[:60]
    records = [json.loads(x) for x in lines]
    with TriageLog.open(tmp_path / "real.sqlite", reviewer="ip") as lg:
        for r in records:
            v = make_verdict(f"{r['id']}.txt", text=r["text"], claims=(r["text"],))
            did = lg.record_verdict(v)
            lg.decide(did, "hold", r["text"][:300])
        csv_rows = read_csv_export(export_log(lg, "csv", tmp_path / "real.csv").path)
        data = json.loads(export_log(lg, "json", tmp_path / "real.json").path.read_text(encoding="utf-8"))
        stored = lg.decisions()
        assert len(csv_rows) == len(data["decisions"]) == len(stored) == len({r["text"] for r in records})
        for got, js, row in zip(csv_rows, data["decisions"], stored):
            assert got["rationale"] == neutralize(row.rationale) and js["rationale"] == row.rationale
        assert [d.claims for d in lg.drafts()][:3] == [1, 1, 1]
        assert lg.draft(1).claims[0].text == records[0]["text"]
        assert lg.verify().ok


def test_pdf_report_does_not_round_a_small_likelihood_to_zero(log, tmp_path):
    """With a review threshold of ~0.0006 a 'review' draft can score 0.0042: '0.00' beside
    'review' in an audit report reads as a contradiction."""
    from factories import make_verdict

    d = log.record_verdict(make_verdict("grinder.txt", level="review", likelihood=0.0042))
    log.decide(d, "hold", "check the score", reviewer="alice")
    res = export_log(log, "pdf", tmp_path / "r.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(res.path), "-"], capture_output=True, text=True, check=True).stdout
    assert "<1%" in text and "0.0042" not in text and "0.00 " not in text  # as the application shows it


# ------------------------------------------- decision facts stored as country lists
# column -> (CSV/XLSX text per decision, JSON value per decision, the column it stands right after)
COUNTRY_COLUMNS = {
    "residences": (
        {"clear_abroad": "US", "file_jp_first": "JP,IN", "hold": "not recorded", "prior_confirmation": ""},
        {"clear_abroad": ["US"], "file_jp_first": ["JP", "IN"], "hold": None, "prior_confirmation": []},
        "planned_countries",
    ),
    "completed_abroad": (
        {"clear_abroad": "US,CN", "file_jp_first": "", "hold": "not recorded", "prior_confirmation": "DE"},
        {"clear_abroad": ["US", "CN"], "file_jp_first": [], "hold": None, "prior_confirmation": ["DE"]},
        "completed_in_japan",
    ),
}


@pytest.mark.parametrize("column", COUNTRY_COLUMNS)
def test_country_facts_round_trip_store_to_csv(decided, tmp_path, column):
    text, lists, after = COUNTRY_COLUMNS[column]
    log, _ = decided
    assert [getattr(d, column) for d in log.decisions()] == [None if v is None else tuple(v) for v in lists.values()]
    rows = read_csv_export(export_log(log, "csv", tmp_path / "r.csv").path)
    assert {r["decision"]: r[column] for r in rows} == text
    header = list(rows[0])
    assert header.index(column) == header.index(after) + 1
    assert {r["decision"]: r["completed_in_japan"] for r in rows}["clear_abroad"] == "no"  # the yes/no stays as it was


@pytest.mark.parametrize("column", COUNTRY_COLUMNS)
def test_country_facts_round_trip_store_to_xlsx(decided, tmp_path, column):
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    text, _, _ = COUNTRY_COLUMNS[column]
    log, _ = decided
    ws = load_workbook(export_log(log, "xlsx", tmp_path / "r.xlsx").path)["Decisions"]
    values = list(ws.iter_rows(values_only=True))
    header = list(values[0])
    got = {row[header.index("decision")]: row[header.index(column)] for row in values[2:]}
    assert {k: v or "" for k, v in got.items()} == text  # openpyxl reads an empty cell as None
    empty = [k for k, v in text.items() if v == ""]
    assert all(got[k] is None for k in empty)  # 'none given' is an empty cell, not the text 'not recorded'
    rationale = get_column_letter(header.index("rationale") + 1)
    assert ws.column_dimensions[rationale].width == 60  # rationale keeps its wide column after the new ones


@pytest.mark.parametrize("column", COUNTRY_COLUMNS)
def test_country_facts_round_trip_store_to_json(decided, tmp_path, column):
    _, lists, _ = COUNTRY_COLUMNS[column]
    log, _ = decided
    data = json.loads(export_log(log, "json", tmp_path / "r.json").path.read_text(encoding="utf-8"))
    assert {d["decision"]: d[column] for d in data["decisions"]} == lists
    assert column in data["meta"]["note"] or "not recorded" in data["meta"]["note"]


@pytest.mark.parametrize(
    "column, other, headings",
    [("residences", "completed_abroad", ("Residences", "居住国")), ("completed_abroad", "residences", ("abroad in", "国外の完成"))],
)
def test_country_facts_round_trip_store_to_pdf(log, tmp_path, column, other, headings):
    given = {"because-alpha": ["US", "CN"], "because-beta": None, "because-gamma": []}
    for i, (why, codes) in enumerate(given.items()):
        did = log.record_verdict(make_verdict(f"d{i}.txt"))
        # the other fact given on every row, so 'not recorded' / 'none given' can only come from this one
        log.decide(did, "hold", why, False, reviewer="alice", **{column: codes, other: ["KR"]})
    res = export_log(log, "pdf", tmp_path / "r.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(res.path), "-"], capture_output=True, text=True, check=True).stdout
    assert all(h in text for h in headings)  # the heading (its cell may wrap it over two lines)
    # one-line cells of a table row share a baseline: the rationale's line carries the codes
    row = {why: next(line for line in text.splitlines() if why in line) for why in given}
    assert "US, CN" in row["because-alpha"]
    assert "not recorded" in row["because-beta"] and "none given" not in row["because-beta"]
    assert "none given" in row["because-gamma"] and "not recorded" not in row["because-gamma"]
    assert all("KR" in line for line in row.values())


def test_pdf_decision_labels_are_bilingual():
    assert bilingual_decision("file_jp_first") == "File in Japan first (Art. 78) / 日本で第一国出願（第78条）"
    assert bilingual_decision(None) == "undecided / 方針未決定"
    assert bilingual_decision("something_new") == "something_new"  # an unknown stored value is shown as stored


def test_pdf_levels_are_bilingual_and_the_fact_codes_are_explained(decided, tmp_path):
    log, _ = decided
    res = export_log(log, "pdf", tmp_path / "r.pdf")
    flat = "".join(subprocess.run(["pdftotext", str(res.path), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "review要検討" in flat or "likelyreferral送付の可能性大" in flat  # English over Japanese in one cell
    assert "'notrecorded':thedecisionwasloggedwithoutthisfact" in flat and "「記録なし」：この事実を記録せずに" in flat
    assert "'nonegiven':recordedasnone" in flat and "「入力なし」：なしとして記録された" in flat


def test_pdf_never_leaves_the_decisions_heading_alone_at_the_foot_of_a_page(log, tmp_path):
    # grow the drafts table one row at a time, so that for some count it ends just above the
    # foot of page 1: the decisions heading must then move to the next page with its table
    did = None
    for n in range(1, 26):
        did = log.record_verdict(make_verdict(f"draft-{n:02d}.txt"))
        if n == 1:
            log.decide(did, "hold", "why", reviewer="alice")
        if n < 8:
            continue
        res = export_log(log, "pdf", tmp_path / f"r{n}.pdf")
        pages = subprocess.run(["pdftotext", "-layout", str(res.path), "-"], capture_output=True, text=True,
                               check=True).stdout.split("\f")
        for page in pages:
            if "Decisions with rationale" in page:
                assert "Reviewer" in page, f"{n} drafts: the heading sits alone at the foot of a page"


@pytest.mark.parametrize("language", ["en", "ja", "both"])
def test_export_labels_are_translated_and_the_keys_and_the_stored_values_are_not(decided, tmp_path, language):
    """A Japanese manager read English column heads only (decision_id, top_likelihood, ...). The
    labels now follow the language, beside the stable keys a program reads (XLSX row 1, the CSV's
    header row), and every cell is the stored value, byte for byte, in every language."""
    from openpyxl import load_workbook

    from workbench.store.export import COLUMN_LABELS, column_label, read_xlsx_export

    log, _ = decided
    keys = [h for h, _ in COLUMNS]
    assert set(COLUMN_LABELS) == set(keys)  # every column has a label
    xlsx = export_log(log, "xlsx", tmp_path / f"{language}.xlsx", language=language).path
    ws = load_workbook(xlsx)["Decisions"]
    assert [c.value for c in ws[1]] == keys
    labels = [c.value for c in ws[2]]
    assert labels == [column_label(k, language) for k in keys]
    if language == "ja":
        assert labels[:5] == ["出願方針番号", "草稿ID", "草稿", "草稿ファイルの sha256", "判定"]
        assert "\u200b" not in "".join(labels) and len(set(labels)) == len(labels)
    elif language == "both":
        assert labels[0] == "Decision no. / 出願方針番号"
    else:
        assert labels[0] == "Decision no." and not any("\u3000" <= ch for ch in "".join(labels))
    stored = _stored(log)
    exp = [_expected_flat(r) for r in stored]
    got = read_xlsx_export(xlsx)
    assert [{k: ("" if v is None else v) for k, v in g.items() if k in e} for g, e in zip(got, exp)] == exp
    assert len(got) == len(stored)
    # the CSV: the labels as a '#' line aligned with the columns, then the keys, then the stored values
    path = export_log(log, "csv", tmp_path / f"{language}.csv", language=language).path
    with path.open(encoding="utf-8-sig", newline="") as fh:
        records = list(csv.reader(fh))
    at = records.index(keys)
    assert records[at - 1] == ["# " + column_label(keys[0], language)] + [column_label(k, language) for k in keys[1:]]
    rows = read_csv_export(path)
    assert [{k: r[k] for k in e} for r, e in zip(rows, exp)] == [{k: str(v) for k, v in e.items()} for e in exp]
    assert len(rows) == len(stored)


def test_the_cli_exports_labels_in_the_users_language_and_the_pdf_in_both(decided, tmp_path, monkeypatch, capsys):
    from openpyxl import load_workbook

    from workbench.cli.main import main

    log, _ = decided
    where = log.where
    log.close()
    monkeypatch.setenv("WORKBENCH_LANG", "ja")
    assert main(["log", "export", "--db", where, "-o", str(tmp_path / "j.xlsx")]) == 0
    assert load_workbook(tmp_path / "j.xlsx")["Decisions"]["A2"].value == "出願方針番号"
    assert main(["log", "export", "--db", where, "-o", str(tmp_path / "e.xlsx"), "--lang", "en"]) == 0
    assert load_workbook(tmp_path / "e.xlsx")["Decisions"]["A2"].value == "Decision no."
