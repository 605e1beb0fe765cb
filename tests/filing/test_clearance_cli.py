"""`workbench log facts` and `workbench clearance` end to end through a real log: facts
recorded as events, the plan printed in English and Japanese and as JSON, --file-in, bad
codes refused by name, and the screening-aid line."""

from __future__ import annotations

import json

import pytest

from workbench.cli.main import main
from workbench.store import TriageLog

from tests.store.factories import make_verdict
from tests.cli_samples import JA_RAILGUN, screen_into_log


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "log.db"
    with TriageLog.open(path, reviewer="tester") as log:
        did = log.record_verdict(make_verdict(level="likely"))
        log.decide(did, "file_jp_first", "guided weapon seeker", completed_in_japan=True, completed_abroad=["US"],
                   planned_countries=["US", "EP"], residences=["JP", "US"])
    return str(path), did


def run(capsys, *args):
    rc = main(list(args))
    out, err = capsys.readouterr()
    return rc, out, err


def test_facts_are_recorded_as_events_and_shown(db, capsys):
    path, did = db
    rc, out, err = run(capsys, "log", "facts", str(did), "--db", path, "--inventor", "山田太郎:JP:JPN:JP",
                       "--inventor", "John Smith:USA:US:US", "--applicant", "Acme KK:JP", "--file", "JP",
                       "--file", "PCT@JP:2027-01-15", "--file", "US", "--permit", "US:2026-11-20")
    assert rc == 0, err
    assert "山田太郎:JP:JP:JP" in out and "John Smith:US:US:US" in out and "PCT@JP:2027-01-15" in out
    with TriageLog.open(path) as log:
        events = [e for e in log.history(did) if e.kind == "facts.recorded"]
        assert len(events) == 1 and events[0].payload["applicants"] == [{"name": "Acme KK", "seat": "JP"}]
        assert log.verify().ok
    rc, out, _ = run(capsys, "log", "facts", str(did), "--db", path, "--json")
    assert json.loads(out)["permits"] == [{"rule": "US", "requested": "2026-11-20", "granted": None}]


@pytest.mark.parametrize("bad", ["--inventor=X:XX", "--file=QQ", "--applicant=A:Japan", "--file=US:2027-13-01"])
def test_bad_facts_are_refused_by_name_and_nothing_is_recorded(db, capsys, bad):
    path, did = db
    rc, _, err = run(capsys, "log", "facts", str(did), "--db", path, bad)
    assert rc == 2 and "[E508]" in err
    with TriageLog.open(path) as log:
        assert log.filing_facts(did) is None


def test_clearance_prints_the_plan_in_both_languages(db, capsys):
    path, did = db
    run(capsys, "log", "facts", str(did), "--db", path, "--inventor", "Yamada:JP:JP:JP", "--inventor", "Smith:US:US:US",
        "--applicant", "Acme KK:JP", "--file", "JP", "--file", "US")
    rc, out, err = run(capsys, "clearance", str(did), "--db", path, "--today", "2026-12-02", "--lang", "en")
    assert rc == 0, err
    assert "Way out: petition the USPTO" in out and "US: earliest permissible date 2027-03-02" in out
    assert "unverified" in out and out.strip().endswith("before filing.") and "not legal advice" in out
    rc, out, _ = run(capsys, "clearance", str(did), "--db", path, "--today", "2026-12-02", "--lang", "ja")
    assert "解決策" in out and "最も早い出願可能日 2027-03-02" in out and "法的助言ではありません" in out


def test_a_filing_step_states_its_date_once(db, capsys):
    """The plan's steps stand under a date column: 'File US on or after 2027-02-20' after that column
    printed the date twice ('4. 2027-02-20 2027-02-20以降にUSを出願する。'), on the console and in the PDF."""
    import re

    path, did = db
    for lang, words in (("en", "on or after that date"), ("ja", "この日以降に")):
        rc, out, err = run(capsys, "clearance", str(did), "--db", path, "--today", "2026-12-02", "--file-in", "JP,US",
                           "--lang", lang)
        assert rc == 0, err
        steps = [line for line in out.splitlines() if re.match(r" *\d+\. \d{4}-\d\d-\d\d", line) and words in line]
        assert steps, out
        assert all(len(re.findall(r"\d{4}-\d\d-\d\d", line)) == 1 for line in steps), steps


def test_clearance_file_in_and_json(db, capsys):
    path, did = db
    rc, out, err = run(capsys, "clearance", str(did), "--db", path, "--today", "2026-12-02",
                       "--file-in", "JP,US,CN,EP,PCT", "--json")
    assert rc == 0, err
    data = json.loads(out)
    assert data["screening_aid"] is True and "not legal advice" in data["disclaimer"]
    assert [f["office"] for f in data["filings"]] == ["JP", "US", "CN", "EP", "PCT"]
    assert "JP" in data["unverified_rules"] and data["facts"] is None  # the decision alone (a note says so)
    assert all("verified" in s and "law" in s and "sources" in s for s in data["steps"])
    jp = next(r for r in data["rules"] if r["code"] == "JP")
    assert jp["applies"] == "yes" and jp["verified"] is False


def test_clearance_refuses_bad_file_in(db, capsys):
    path, did = db
    rc, _, err = run(capsys, "clearance", str(did), "--db", path, "--file-in", "JP,XX")
    assert rc == 2 and "[E901]" in err and "XX" in err


def test_clearance_without_facts_says_where_they_come_from(db, capsys):
    path, did = db
    rc, out, _ = run(capsys, "clearance", str(did), "--db", path, "--today", "2026-12-02", "--lang", "en")
    assert rc == 0 and "No filing facts are recorded" in out and "workbench log facts" in out
    assert "US: " in out and "EP" in out  # the decision's planned countries


def test_a_bad_fact_reads_in_japanese(tmp_path):
    with TriageLog.open(tmp_path / "l.db", reviewer="t") as log:
        did = log.record_verdict(make_verdict())
        with pytest.raises(Exception) as info:
            log.record_facts(did, inventors=[{"name": "山田", "residence": "XX"}])
    text = info.value.render_in("ja")
    assert "発明者の居住国" in text and "ISO 3166-1 国コード" in text and "'XX'" in text


def test_log_show_includes_the_filing_facts(db, capsys):
    path, did = db
    rc, out, _ = run(capsys, "log", "show", str(did), "--db", path)
    assert rc == 0 and f"No filing facts recorded for draft {did}." in out
    run(capsys, "log", "facts", str(did), "--db", path, "--applicant", "Acme KK:JP", "--file", "JP")
    rc, out, _ = run(capsys, "log", "show", str(did), "--db", path)
    assert "applicants: Acme KK:JP" in out and "planned filings: JP" in out
    rc, out, _ = run(capsys, "log", "show", str(did), "--db", path, "--json")
    assert json.loads(out)["filing_facts"]["applicants"] == [{"name": "Acme KK", "seat": "JP"}]


def test_the_clearance_plans_sooner_release_says_what_it_is_sooner_than(tmp_path, capsys, monkeypatch):
    # a step of its own read "Japan: or earlier, on the JPO's notice ..." (日本：又はそれより早く、…による),
    # sorted by date after the US/EP/CN filings it did not belong to
    _, db = screen_into_log(tmp_path, capsys, monkeypatch, "en", "レールガン.txt", JA_RAILGUN, "shift_jis")
    assert main(["log", "decide", "1", "--db", str(db), "--decision", "file_jp_first", "--rationale", "JP first",
                 "--completed-in-japan", "yes", "--countries", "US,CN", "--jp-filing-date", "2026-11-20"]) == 0
    capsys.readouterr()
    for lang, sooner in (("en", "filing outside Japan may start sooner, once the JPO's notice"), ("ja", "日本国外への出願をより早く始められる")):
        monkeypatch.setenv("WORKBENCH_LANG", lang)
        assert main(["clearance", "1", "--db", str(db), "--file-in", "JP,US,CN"]) == 0
        out = capsys.readouterr().out
        assert sooner in out and "or earlier" not in out and "又はそれより早く" not in out


def test_filing_check_ends_with_the_same_disclaimer_as_everyscreen_into_log(capsys, monkeypatch):
    # 審査の補助であり… where every other screen and report says 判定の補助 (審査 is the JPO's examination)
    monkeypatch.setenv("WORKBENCH_LANG", "ja")
    assert main(["filing", "check", "--completed-in", "JP", "--residence", "JP", "--plan", "US", "--level", "likely"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith("判定の補助であり、法的助言ではありません。") and "審査の補助" not in last
