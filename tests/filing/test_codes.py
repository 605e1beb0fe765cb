"""ISO 3166-1 country codes and the route codes (issue 15 item 2): what is accepted, what is
refused and with which hint, and that the log stores one form (alpha-2)."""

from __future__ import annotations

import pytest

from workbench.cli.main import main
from workbench.filing.checklist import COUNTRY, FILING, parse_codes
from workbench.filing.codes import countries, country_name, read_code, refusal
from workbench.messages import M


def test_the_list_is_iso_3166_1_with_japanese_names():
    cs = countries()
    assert len(cs) == 249 and cs["JP"].alpha_3 == "JPN" and cs["JP"].name_ja == "日本"
    assert country_name("TW", "ja") == "台湾" and country_name("US") == "United States"
    assert "XX" not in cs and "UK" not in cs and "EP" not in cs


@pytest.mark.parametrize(
    "typed, routes, codes, refused",
    [
        ("JP, us", False, ("JP", "US"), ()),
        ("USA", False, ("US",), ()),  # alpha-3 accepted, stored as alpha-2
        ("ＪＰＮ、chn", False, ("JP", "CN"), ()),  # full-width, Japanese comma
        ("UK", False, ("GB",), ()),
        ("XX", False, (), ("XX",)),  # was accepted before issue 15
        ("Japan", False, (), ("JAPAN",)),
        ("EP, PCT", False, (), ("EP", "PCT")),  # routes are not countries
        ("EP, PCT, WO, US", True, ("EP", "PCT", "US"), ()),  # WO is PCT's WIPO code
        ("QZ", True, (), ("QZ",)),
    ],
)
def test_reading(typed, routes, codes, refused):
    got, bad = parse_codes(typed, FILING if routes else COUNTRY)
    assert got == codes and bad == refused


def test_refusals_say_what_to_write():
    assert refusal(["Japan"]).code == M.W702 and refusal(["Japan"]).render() .endswith("write JP")
    assert "JP" in refusal(["日本"]).render("ja")
    assert refusal(["PCT"]).code == M.W703
    xx = refusal(["XX"])
    assert xx.code == M.W701 and "ISO 3166-1" in xx.render() and "ISO 3166-1" in xx.render("ja")
    assert read_code("USA").note == "alpha-3" and read_code("US").note == ""


def test_cli_refuses_xx_and_names_it(capsys):
    rc = main(["filing", "check", "--completed-in", "XX", "--plan", "US"])
    err = capsys.readouterr().err
    assert rc == 2 and "[E901]" in err and "XX" in err and "ISO 3166-1" in err


def test_cli_hints_the_code_of_a_name(capsys):
    rc = main(["filing", "check", "--completed-in", "Japan", "--plan", "US"])
    err = capsys.readouterr().err
    assert rc == 2 and "write JP" in err


def test_the_log_stores_alpha_2_for_alpha_3(tmp_path):
    from tests.store.factories import make_verdict
    from workbench.store import TriageLog

    with TriageLog.open(tmp_path / "log.db", reviewer="t") as log:
        did = log.record_verdict(make_verdict())
        d = log.decide(did, "hold", "x", planned_countries=["USA", "WO", "EP"], residences=["IND"],
                       completed_abroad=["CHN"])
        assert d.planned_countries == ("US", "WO", "EP") and d.residences == ("IN",) and d.completed_abroad == ("CN",)
        assert log.verify().ok


def test_a_future_jp_filing_date_needs_the_flag(tmp_path, capsys):
    from datetime import date, timedelta

    from tests.store.factories import make_verdict
    from workbench.store import TriageLog

    db = tmp_path / "log.db"
    with TriageLog.open(db, reviewer="t") as log:
        did = log.record_verdict(make_verdict())
    future = (date.today() + timedelta(days=40)).isoformat()
    args = ["log", "decide", str(did), "--db", str(db), "--decision", "hold", "--rationale", "x", "--jp-filing-date", future]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "[E901]" in err and future in err and "--future-date-ok" in err
    with TriageLog.open(db) as log:
        assert log.decisions() == []
    assert main([*args, "--future-date-ok"]) == 0
    today = date.today().isoformat()
    assert main([*args[:-1], today]) == 0  # today is not the future
    with TriageLog.open(db) as log:
        assert [d.jp_filing_date for d in log.decisions()] == [future, today]


def test_cli_says_when_it_read_an_alpha_3_code(capsys):
    assert main(["filing", "check", "--completed-in", "USA", "--plan", "EP", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "'USA' read as US" in out and "United States" in out
