"""The foreign-filing checklist: triggers, scopes, validation of the data file."""

from __future__ import annotations

import json

import pytest

from workbench.cli.main import main
from workbench.errors import RulesError
from workbench.filing import FilingFacts, filing_checks, load_jurisdictions


def codes(checks):
    return {c.jurisdiction.code: c.applies for c in checks}


def test_installed_data_loads_with_sources_and_verification_flags():
    rules = load_jurisdictions()
    assert len(rules) >= 15
    assert all(j.sources for j in rules)
    assert any(j.verified for j in rules) and any(not j.verified for j in rules)


def test_japan_applies_only_when_completed_in_japan_and_not_clear():
    likely = filing_checks(FilingFacts(completed_in=("JP",), planned=("US",), jp_level="likely"))
    assert codes(likely).get("JP") == "yes"
    clear = filing_checks(FilingFacts(completed_in=("JP",), planned=("US",), jp_level="clear"))
    assert "JP" not in codes(clear)
    unknown = filing_checks(FilingFacts(completed_in=("JP",), planned=("US",)))
    assert codes(unknown).get("JP") == "possible"
    abroad = filing_checks(FilingFacts(completed_in=("DE",), planned=("US",), jp_level="likely"))
    assert "JP" not in codes(abroad)


def test_place_and_residence_triggers():
    checks = codes(filing_checks(FilingFacts(completed_in=("US", "CN"), residences=("in",), planned=("EP",))))
    assert checks["US"] == "yes" and checks["CN"] == "yes" and checks["IN"] == "yes"
    assert "GB" not in checks  # no UK residence


def test_uk_alias_and_sensitive_scope_depends_on_content():
    unknown = codes(filing_checks(FilingFacts(residences=("UK",), planned=("US",))))
    assert unknown.get("GB") == "possible"
    defence = codes(filing_checks(FilingFacts(residences=("GB",), planned=("US",), defence_related=True)))
    assert defence.get("GB") == "yes"
    civil = codes(filing_checks(FilingFacts(residences=("GB",), planned=("US",), defence_related=False, jp_level="clear")))
    assert "GB" not in civil


def test_no_first_filing_duty_when_only_filing_at_home():
    assert "US" not in codes(filing_checks(FilingFacts(completed_in=("US",), planned=("US",))))


def test_a_joint_invention_filed_at_home_still_needs_the_other_countrys_clearance():
    # completed partly in Japan and partly in the US, only a US filing planned: Japan's Art. 78
    # makes the first filing a JPO one - a filing abroad seen from the US, so the US licence
    # row must stay (it disappeared when "only filing at home" looked at the plan alone)
    joint = codes(filing_checks(FilingFacts(completed_in=("JP", "US"), planned=("US",), jp_level="likely")))
    assert joint == {"JP": "yes", "US": "yes"}
    # the same for a residence rule: an Indian inventor, invention completed in Japan, only India planned
    india = codes(filing_checks(FilingFacts(completed_in=("JP",), residences=("IN",), planned=("IN",), jp_level="likely")))
    assert india.get("IN") == "yes" and india.get("JP") == "yes"
    # and when Japan's duty does not bite (a clear draft), filing only in the US is filing at home
    assert "US" not in codes(filing_checks(FilingFacts(completed_in=("JP", "US"), planned=("US",), jp_level="clear")))


def test_yes_sorted_before_possible():
    checks = filing_checks(FilingFacts(completed_in=("JP", "US"), residences=("GB",), planned=("EP",)))
    kinds = [c.applies for c in checks]
    assert kinds == sorted(kinds, key=lambda k: k != "yes")


@pytest.mark.parametrize(
    "body, needle",
    [
        ("jurisdictions: [{code: XX}]\n", "missing key"),
        ("jurisdictions:\n  - {code: XX, name: n, law: l, trigger: moon, scope: all, requirement: r, wait: w, penalty: p, verified: false, sources: [s]}\n", "trigger must be"),
        ("jurisdictions: [\n", "parsed"),
        ("other: 1\n", "jurisdictions"),
    ],
)
def test_malformed_data_is_a_coded_error_with_file_and_line(tmp_path, body, needle):
    path = tmp_path / "bad.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(RulesError) as err:
        load_jurisdictions(path)
    assert err.value.code in ("E302", "E303")
    assert str(path) in err.value.render() and needle in err.value.render()
    assert err.value.line is not None


def test_cli_json(capsys):
    assert main(["filing", "check", "--completed-in", "JP", "--plan", "US,CN", "--level", "review", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    jp = [r for r in rows if r["code"] == "JP"]
    assert jp and jp[0]["applies"] == "yes" and jp[0]["sources"]


def test_cli_reads_country_lists_as_the_decision_panel_does(capsys):
    """'--completed-in "JP US"' (or 'jp、us') was read as one unknown country 'JP US', so
    Japan's first-filing duty silently disappeared: 'no rule applies'."""
    for given in ("JP US", "jp、us", "ＪＰ，US"):
        assert main(["filing", "check", "--completed-in", given, "--plan", "CN", "--level", "likely", "--json"]) == 0
        codes = {c["code"] for c in json.loads(capsys.readouterr().out)}
        assert {"JP", "US"} <= codes, given


def test_cli_refuses_what_is_not_a_country_code(capsys):
    rc = main(["filing", "check", "--completed-in", "Japan", "--plan", "US", "--level", "likely"])
    err = capsys.readouterr().err
    assert rc == 2 and "[E901]" in err and "Japan" in err


def test_filing_check_without_the_place_of_completion_is_refused(capsys):
    # without --completed-in no first-filing duty can apply: "no rule applies" would be a false all-clear
    assert main(["filing", "check", "--plan", "US,EP"]) == 2
    err = capsys.readouterr().err
    assert "[E901]" in err and "--completed-in" in err and "Traceback" not in err


def test_filing_check_without_the_place_of_completion_in_japanese(capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert main(["filing", "check", "--residence", "JP", "--plan", "US"]) == 2
    err = capsys.readouterr().err
    assert "[E901]" in err and "--completed-in" in err and "発明を完成した国" in err


def test_filing_check_with_the_place_of_completion_still_runs(capsys):
    assert main(["filing", "check", "--completed-in", "JP", "--plan", "US"]) == 0
    assert "JP" in capsys.readouterr().out
