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
        ("jurisdictions: [{code: XX}]\n", "missing the required key 'name'"),
        ("jurisdictions:\n  - {code: XX, name: n, law: l, trigger: moon, scope: all, requirement: r, wait: w, penalty: p, verified: false, sources: [s]}\n", "trigger must be one of"),
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


RULE = ("{{code: {code}, name: n, law: l, trigger: place, scope: all, requirement: r, wait: w, "
        "penalty: p, verified: false, sources: [s]{extra}}}")


def bad_file(tmp_path, *rules: str, head: str = ""):
    path = tmp_path / "bad.yaml"
    path.write_text(head + "jurisdictions:\n" + "".join(f"  - {r}\n" for r in rules), encoding="utf-8")
    with pytest.raises(RulesError) as err:
        load_jurisdictions(path)
    return err.value


@pytest.mark.parametrize(
    "extra, needle",
    [
        (", home_wait: 10 months", "jurisdictions[1].home_wait has the wrong form: '10 months'"),
        (", receives: [EP, XX]", "jurisdictions[1].receives[1] must be one of ['EP', 'PCT']"),
        (", exemption: non-resident, exemption_text: s.23(2)", "jurisdictions[1].exemption must be one of ['non-resident-first-filing']"),
        (", exemption: non-resident-first-filing", "has 'exemption' but not 'exemption_text' beside it"),
        (", scope_confirmed: maybe", "jurisdictions[1].scope_confirmed must be boolean"),
        (", sources: []", "jurisdictions[1].sources needs at least 1 item"),
    ],
)
def test_each_rule_problem_is_coded_at_the_rules_line_in_both_languages(tmp_path, extra, needle):
    if extra.startswith(", sources"):
        rule = RULE.format(code="YY", extra="").replace("sources: [s]", "sources: []")
    else:
        rule = RULE.format(code="YY", extra=extra)
    err = bad_file(tmp_path, RULE.format(code="XX", extra=""), rule)
    assert err.code == "E303" and err.line == 3 and needle in err.render(), err.render()
    ja = err.render_in("ja")
    assert "3 行目" in ja and "bad.yaml" in ja and "修正" in ja


def test_a_code_given_twice_in_any_case_is_refused_at_the_second(tmp_path):
    err = bad_file(tmp_path, RULE.format(code="XX", extra=""), RULE.format(code="xx", extra=""))
    assert err.code == "E303" and err.line == 3 and "'XX' is listed twice" in err.render()


def test_an_unknown_top_level_key_and_a_non_country_code_are_refused(tmp_path):
    err = bad_file(tmp_path, RULE.format(code="XX", extra=""), head="colour: blue\n")
    assert err.line == 1 and "unknown key 'colour'" in err.render()
    err = bad_file(tmp_path, RULE.format(code="XYZ", extra=""))
    assert err.line == 2 and "jurisdictions[0].code has the wrong form: 'XYZ'" in err.render()


def test_every_problem_is_counted_and_rules_check_lists_them(tmp_path, capsys):
    folder = tmp_path / "foreign-filing"
    folder.mkdir()
    installed = load_jurisdictions.__globals__["installed_rules_dir"]() / "foreign-filing"
    (folder / "jurisdictions.schema.json").write_bytes((installed / "jurisdictions.schema.json").read_bytes())
    text = (installed / "jurisdictions.yaml").read_text(encoding="utf-8")
    (folder / "jurisdictions.yaml").write_text(text.replace('home_wait: "10m"', 'home_wait: "10 months"').replace(
        "trigger: place", "trigger: moon", 1), encoding="utf-8")
    with pytest.raises(RulesError) as err:
        load_jurisdictions(folder / "jurisdictions.yaml")
    assert "1 more problem" in err.value.render()
    assert main(["rules", "check", str(folder)]) != 0
    out = capsys.readouterr()
    printed = out.out + out.err
    assert "trigger must be one of" in printed and "home_wait has the wrong form" in printed
    assert main(["rules", "check", str(installed)]) == 0  # the installed file passes its schema


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
