"""Issue 15 item 3: the rule data where the reference disagreed with it, and the statutory
exemptions the engine now models (GB s.23(2), IN s.39(3), SG s.34(2): first filed abroad by
a non-resident), the applicant-only duty (Italy) and an unconfirmed scope that never clears.
Each case is a row from ../shared/reference/foreign-filing-rules.md."""

from __future__ import annotations

import pytest

from workbench.filing import FilingFacts, load_jurisdictions
from workbench.filing.checklist import screen

RULES = {j.code: j for j in load_jurisdictions()}


def result(**facts):
    checks, exempted = screen(FilingFacts(**facts))
    return {c.jurisdiction.code: c.applies for c in checks}, {e.jurisdiction.code for e in exempted}


# (case, facts, expected applies for the code, or "exempt", or None for absent)
CASES = [
    # GB s.23(2): a UK-resident co-inventor, the applicant is a US company that files first in the US
    ("GB non-resident first filing abroad", "GB",
     dict(residences=("GB", "US"), applicants=("US",), first_filing="US", planned=("US", "EP"), defence_related=True),
     "exempt"),
    # the same without knowing where the first filing is: still caught
    ("GB first filing unknown", "GB",
     dict(residences=("GB", "US"), applicants=("US",), planned=("US", "EP"), defence_related=True), "yes"),
    # a UK-resident applicant is never exempt, wherever it files first
    ("GB resident applicant", "GB",
     dict(residences=("GB",), applicants=("GB",), first_filing="US", planned=("US",), defence_related=True), "yes"),
    # s.23(1A)(b): national security or public safety; unknown content is possible, never cleared
    ("GB unknown content", "GB", dict(residences=("GB",), planned=("US",)), "possible"),
    # IN s.39(3): Indian co-inventor, Japanese applicant filing first at the JPO
    ("IN non-resident first filing abroad", "IN",
     dict(completed_in=("JP",), residences=("IN", "JP"), applicants=("JP",), first_filing="JP", planned=("JP", "US"),
          jp_level="clear"), "exempt"),
    ("IN resident co-inventor, applicant unknown", "IN",
     dict(completed_in=("JP",), residences=("IN", "JP"), planned=("JP", "US"), jp_level="clear"), "yes"),
    ("IN first filed in India", "IN",
     dict(residences=("IN",), applicants=("JP",), first_filing="IN", planned=("IN", "US")), "yes"),
    # SG s.34(2)
    ("SG non-resident first filing abroad", "SG",
     dict(residences=("SG",), applicants=("US",), first_filing="US", planned=("US",)), "exempt"),
    ("SG resident applicant", "SG", dict(residences=("SG",), applicants=("SG",), first_filing="US", planned=("US",)), "yes"),
    # IT: the duty lies with the applicants (Reg. Art. 45(1)); scope unconfirmed -> possible for civil work
    ("IT applicant, defence", "IT", dict(applicants=("IT",), residences=("IT",), planned=("EP",), defence_related=True), "yes"),
    ("IT applicant, civil: scope unconfirmed", "IT",
     dict(applicants=("IT",), residences=("IT",), planned=("EP",), defence_related=False, jp_level="clear"), "possible"),
    ("IT inventor only, applicant known elsewhere", "IT",
     dict(applicants=("DE",), residences=("IT", "DE"), planned=("EP",), defence_related=True), None),
    ("IT resident, applicant not recorded", "IT", dict(residences=("IT",), planned=("EP",), defence_related=True), "possible"),
    # DE: content rule, state secrets only
    ("DE defence", "DE", dict(completed_in=("DE",), planned=("US",), defence_related=True), "yes"),
    ("DE civil and clear", "DE", dict(completed_in=("DE",), planned=("US",), defence_related=False, jp_level="clear"), None),
    # US: place of invention, all technology; a US-only plan is filing at home
    ("US made in the US", "US", dict(completed_in=("US",), planned=("EP",)), "yes"),
    ("US only filed at home", "US", dict(completed_in=("US",), planned=("US",)), None),
    # CN: place, all technology
    ("CN made in China", "CN", dict(completed_in=("CN",), planned=("US",)), "yes"),
    # JP: place and specified fields
    ("JP likely", "JP", dict(completed_in=("JP",), planned=("US",), jp_level="likely"), "yes"),
    ("JP clear", "JP", dict(completed_in=("JP",), planned=("US",), jp_level="clear"), None),
    # FR: French applicant
    ("FR applicant", "FR", dict(residences=("FR",), applicants=("FR",), planned=("US",)), "yes"),
]


@pytest.mark.parametrize("case, code, facts, expected", CASES, ids=[c[0] for c in CASES])
def test_rule_per_jurisdiction(case, code, facts, expected):
    applies, exempted = result(**facts)
    if expected == "exempt":
        assert code in exempted and code not in applies
    else:
        assert code not in exempted
        assert applies.get(code) == expected


def test_exemption_names_its_citation_in_both_languages():
    checks, exempted = screen(FilingFacts(residences=("GB",), applicants=("US",), first_filing="US", planned=("US",),
                                          defence_related=True))
    gb = next(e for e in exempted if e.jurisdiction.code == "GB")
    assert "s.23(2)" in gb.why and "第23条(2)" in gb.text("why", "ja")
    caught = screen(FilingFacts(residences=("GB",), planned=("US",), defence_related=True))[0]
    assert "s.23(2)" in next(c for c in caught if c.jurisdiction.code == "GB").why  # says how the exemption would hold


def test_corrected_data_cites_what_the_reference_says():
    gb, de, fr, it, kr, jp = (RULES[c] for c in ("GB", "DE", "FR", "IT", "KR", "JP"))
    assert "s.23(1A)(b)" in gb.requirement and "safety of the public" in gb.requirement and gb.exemption
    assert RULES["IN"].exemption_text == "s.39(3)" and RULES["SG"].exemption_text == "s.34(2)"
    assert "§ 52" in de.law and "§ 53" in de.law and "30c" not in " ".join(de.sources) and not de.verified
    assert any("gesetze-im-internet.de/patg" in s for s in de.sources)
    assert "L614-20" in fr.law and "13 months" in fr.wait and not fr.verified
    assert "1 year" in it.penalty and "refused" in it.penalty and it.trigger == "applicant" and not it.scope_confirmed
    assert not it.verified and all(len(s) > len("https://x.y/") + 10 for s in it.sources + kr.sources)  # no bare domains
    assert "申出" in jp.wait and "request" in jp.wait and "without a security designation" in jp.wait
    assert "free to file abroad" not in jp.wait.lower() and not jp.verified


def test_a_draft_outside_every_field_keeps_only_the_licence_rules():
    # completed in Japan and the US, triaged clear, civil content: Japan's duty drops, the US licence stays
    applies, _ = result(completed_in=("JP", "US"), planned=("JP", "US", "EP"), jp_level="clear", defence_related=False)
    assert applies == {"US": "yes"}


def test_cli_filing_check_models_the_exemption(capsys):
    import json

    from workbench.cli.main import main

    args = ["filing", "check", "--completed-in", "US", "--residence", "GB", "--plan", "US,GB", "--defence", "yes"]
    assert main([*args, "--json"]) == 0
    rows = {r["code"]: r["applies"] for r in json.loads(capsys.readouterr().out)}
    assert rows["GB"] == "yes"  # nothing known about the applicant or the first filing
    assert main([*args, "--applicant", "US", "--first-filing", "US", "--json"]) == 0
    rows = {r["code"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["GB"]["applies"] == "exempt" and "s.23(2)" in rows["GB"]["why"]
    assert main([*args, "--applicant", "US", "--first-filing", "US", "--lang", "ja"]) == 0
    assert "適用除外" in capsys.readouterr().out


def test_the_panels_checklist_reads_the_applicants_typed_in_the_facts(qtbot):
    from workbench.ui.decision_panel import DecisionPanel

    p = DecisionPanel(language="en")
    qtbot.addWidget(p)
    p.set_draft("d.txt", level="clear", defence_related=True)
    p.residences.setText("IT")
    p.countries.setText("EP")
    assert any(r[0].endswith("(IT)") and r[1] == "Possible" for r in p.checklist_rows())  # applicant not known
    p.applicants.setPlainText("Fabbrica SpA: IT")
    assert any(r[0].endswith("(IT)") and r[1] == "Yes" for r in p.checklist_rows())
    p.applicants.setPlainText("Werk GmbH: DE")
    assert not any(r[0].endswith("(IT)") for r in p.checklist_rows())  # the duty lies with the applicants
