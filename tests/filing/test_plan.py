"""The clearance plan (issue 15 item 4), table-driven from ../shared/reference/foreign-filing-rules.md:
each jurisdiction's waiting period after a home filing, and the joint cases the issue names -
JP + US, US + CN, an Indian resident co-inventor, a non-resident first filing and GB, a draft
outside every field, a PCT via the JPO. Dates are computed from a fixed 'today'."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.filing.plan import Applicant, Facts, Filing, Inventor, PermitRecord, add_period, clearance_plan
from workbench.messages import M

TODAY = date(2026, 12, 2)


def plan(**kw):
    return clearance_plan(Facts(**kw), today=TODAY)


def codes(p):
    return {m.code for m in (*p.notes, *p.conflicts, *p.ways_out)}


# Reference §1: "Requirement & timing" - the period after a filing at home with no order, after
# which filing abroad is permitted. (code, facts that trigger the rule, home filing office, period)
PERIODS = [
    ("US", dict(completed_in=("US",)), "US", date(2027, 5, 30)),  # 6 months (35 USC 184)
    ("JP", dict(completed_in=("JP",), jp_level="likely"), "JP", date(2027, 9, 30)),  # 10 months without designation
    ("GB", dict(residences=("GB",), defence_related=True), "GB", date(2027, 1, 11)),  # 6 weeks (s.23(1)(b))
    ("IN", dict(residences=("IN",)), "IN", date(2027, 1, 11)),  # 6 weeks (s.39(1)(a))
    ("SG", dict(residences=("SG",)), "SG", date(2027, 1, 30)),  # 2 months (s.34(1)(b))
    ("FR", dict(residences=("FR",), applicants=(Applicant("SA", "FR"),)), "FR", date(2027, 4, 30)),  # 5 months (L612-9)
    ("DE", dict(completed_in=("DE",), defence_related=True), "DE", date(2027, 3, 30)),  # 4 months (§ 53)
    ("IT", dict(applicants=(Applicant("SpA", "IT"),), defence_related=True), "IT", date(2027, 2, 28)),  # 90 days
    ("ES", dict(completed_in=("ES",)), "ES", date(2026, 12, 30)),  # 1 month (Art. 115)
    ("RU", dict(completed_in=("RU",)), "RU", date(2027, 5, 30)),  # 6 months (Art. 1395)
    ("FI", dict(residences=("FI",), defence_related=True), "FI", date(2027, 5, 30)),  # 6 months
    ("CN", dict(completed_in=("CN",)), "CN", date(2027, 5, 30)),  # old rules: 6 months for a decision (⚠)
]


@pytest.mark.parametrize("code, facts, home, free", PERIODS, ids=[p[0] for p in PERIODS])
def test_each_jurisdictions_waiting_period_after_a_home_filing(code, facts, home, free):
    filed = date(2026, 11, 30)  # the home filing, made three days ago
    p = plan(filings=(Filing(home, filed_on=filed), Filing("EP", "ep", "EP")), **facts)
    ep = p.filing("EP")
    assert code in ep.needs
    assert ep.without_response == free.isoformat(), (code, ep)
    rule = next(r for r in p.rules if r.code == code)
    steps = [s for s in p.steps if s.rule == code]
    assert steps and all(s.law is not None for s in steps)  # every step says its law ...
    assert all(s.verified == rule.verified for s in steps)  # ... and whether the rule is verified
    assert all(s.sources for s in steps)


def test_joint_jp_us_the_us_licence_petition_comes_before_the_jpo_first_filing():
    p = plan(inventors=(Inventor("山田", "JP", "JP", ("JP",)), Inventor("Smith", "US", "US", ("US",))),
             applicants=(Applicant("Acme KK", "JP"),), filings=(Filing("JP"), Filing("US")), jp_level="likely")
    assert M.W710 in codes(p) and {M.N704, M.N705} <= codes(p)  # the conflict and both known ways out
    us_rule = next(r for r in p.rules if r.code == "US")
    assert us_rule.clearance == "permit"  # the 5.12(b) petition, not a US first filing
    jp, us = p.filing("JP"), p.filing("US")
    assert jp.needs == ("US",) and jp.waits_for  # the licence has no fixed period: no invented date
    assert us.needs == ("JP",)
    assert us.earliest == "2027-03-02"  # JP filing today + 3 months: the non-referral notice (on request)
    assert us.without_response == "2027-10-02"  # the 10-month point, without designation
    texts = [s.text.code for s in p.steps]
    assert texts.index(M.I711) < texts.index(M.I721)  # ask for the licence, then file at the JPO
    assert M.I727 in texts  # ask the JPO for the notice (申出)


def test_joint_jp_us_with_the_jp_filing_recorded_counts_from_its_date():
    p = plan(inventors=(Inventor("A", "JP", made_in=("JP",)), Inventor("B", "US", made_in=("US",))),
             filings=(Filing("US"),), jp_level="likely", jp_filing_date=date(2026, 10, 31),
             permits=(PermitRecord("US", date(2026, 10, 1), date(2026, 10, 20)),))
    us = p.filing("US")
    assert us.earliest == "2027-01-31" and us.without_response == "2027-08-31"
    assert M.W712 not in codes(p)  # the JP filing came after the US licence


def test_a_filing_made_before_its_clearance_is_flagged():
    p = plan(inventors=(Inventor("A", "JP", made_in=("JP",)), Inventor("B", "US", made_in=("US",))),
             filings=(Filing("US", filed_on=date(2026, 11, 1)),), jp_level="likely", jp_filing_date=date(2026, 10, 31))
    assert M.W712 in codes(p)  # a US filing one day after the JP filing, before any JP release


def test_us_cn_each_review_before_the_other_and_the_pct_at_cnipa_way_out():
    p = plan(inventors=(Inventor("A", "US", made_in=("US",)), Inventor("B", "CN", made_in=("CN",))),
             applicants=(Applicant("Acme Inc", "US"),), filings=(Filing("US"), Filing("CN"), Filing("PCT", "pct")))
    assert M.W710 in codes(p) and M.N706 in codes(p)
    us, cn = p.filing("US"), p.filing("CN")
    assert "CN" in us.needs and "US" in cn.needs  # each country's review before filing in the other
    pct = next(f for f in p.filings if f.filing.route == "pct")
    assert pct.filing.receiving_office in ("US", "CN") and M.N701 in codes(p)  # a receiving office that clears a rule


@pytest.mark.parametrize(
    "applicants, expect",
    [((), "permit"), ((Applicant("Acme KK", "JP"),), "exempt"), ((Applicant("Acme India", "IN"),), "permit")],
    ids=["applicant unknown", "Japanese applicant: s.39(3)", "Indian applicant"],
)
def test_an_indian_resident_co_inventor(applicants, expect):
    p = plan(inventors=(Inventor("A", "JP", made_in=("JP",)), Inventor("B", "IN", "IN", ("JP",))),
             applicants=applicants, filings=(Filing("JP"), Filing("US")), jp_level="clear")
    india = next(r for r in p.rules if r.code == "IN")
    assert india.clearance == expect
    if expect == "permit":  # Form 25: normally within 21 days; the filings wait for it
        assert p.filing("JP").earliest == "2026-12-23" and p.filing("US").earliest == "2026-12-23"
    else:
        assert p.filing("JP").earliest == TODAY.isoformat() and M.N708 in codes(p)  # the §3.4 caution


def test_a_non_resident_first_filing_abroad_exempts_gb_and_gb_comes_after_it():
    p = plan(inventors=(Inventor("A", "GB", made_in=("GB",)),), applicants=(Applicant("Acme Inc", "US"),),
             filings=(Filing("US"), Filing("GB")), defence_related=True)
    gb = next(r for r in p.rules if r.code == "GB")
    assert gb.clearance == "exempt" and M.I728 in {s.text.code for s in p.steps}
    assert p.filing("US").earliest == "2026-12-02" and p.filing("GB").earliest == "2026-12-03"  # GB not first


def test_a_first_filing_made_in_gb_by_the_non_resident_keeps_the_six_weeks():
    p = plan(inventors=(Inventor("A", "GB", made_in=("GB",)),), applicants=(Applicant("Acme Inc", "US"),),
             filings=(Filing("GB", filed_on=date(2026, 11, 20)), Filing("US")), defence_related=True)
    gb = next(r for r in p.rules if r.code == "GB")
    assert gb.clearance in ("home", "permit")
    assert p.filing("US").without_response == "2027-01-01"  # 6 weeks after the UK filing


def test_a_draft_outside_every_field_keeps_only_the_licence_rules():
    p = plan(inventors=(Inventor("A", "JP", made_in=("JP",)), Inventor("B", "US", made_in=("US",))),
             filings=(Filing("JP"), Filing("US"), Filing("EP", "ep")), jp_level="clear", defence_related=False)
    assert [r.code for r in p.rules] == ["US"]
    assert p.filing("US").needs == () and p.filing("JP").needs == ("US",) and p.filing("EP").needs == ("US",)
    assert M.W710 not in codes(p)


@pytest.mark.parametrize("ro", ["JP", None])
def test_a_pct_via_the_jpo(ro):
    p = plan(inventors=(Inventor("A", "JP", made_in=("JP",)),), applicants=(Applicant("K", "JP"),),
             filings=(Filing("PCT", "pct", ro), Filing("US")), jp_level="likely")
    pct = next(f for f in p.filings if f.filing.route == "pct")
    assert pct.filing.receiving_office == "JP" and pct.needs == () and pct.earliest == TODAY.isoformat()
    assert p.filing("US").needs == ("JP",) and p.filing("US").earliest == "2027-03-02"
    assert (M.N701 in codes(p)) == (ro is None)  # said when the plan chose the receiving office


def test_no_rule_applies():
    p = plan(inventors=(Inventor("A", "BR", made_in=("BR",)),), filings=(Filing("US"), Filing("EP", "ep")))
    assert p.rules == () and M.I745 in codes(p) and p.filing("US").earliest == TODAY.isoformat()


def test_intended_date_before_the_earliest_is_a_warning():
    p = plan(inventors=(Inventor("A", "IN", made_in=("IN",)),), filings=(Filing("US", intended=date(2026, 12, 5)),))
    assert M.W711 in codes(p) and p.filing("US").earliest == "2026-12-23"


def test_every_output_says_screening_aid_and_marks_unverified_rules():
    p = plan(inventors=(Inventor("A", "JP", made_in=("JP",)),), filings=(Filing("JP"), Filing("US")), jp_level="likely")
    for lang, aid, mark in (("en", "not legal advice", "unverified"), ("ja", "法的助言ではありません", "未確認")):
        lines = p.lines(lang)
        assert aid in lines[-1]
        assert any(mark in line for line in lines if "JP" in line or "日本" in line or "特許庁" in line)
    d = p.to_dict()
    assert d["screening_aid"] is True and "not legal advice" in d["disclaimer"] and d["unverified_rules"] == ["JP"]
    assert all("verified" in s and "sources" in s and "text_ja" in s for s in d["steps"])


def test_periods_are_calendar_months_weeks_and_days():
    assert add_period(date(2026, 1, 31), "1m") == date(2026, 2, 28)
    assert add_period(date(2026, 1, 31), "6w") == date(2026, 3, 14)
    assert add_period(date(2026, 1, 31), "21d") == date(2026, 2, 21)


def test_a_rule_that_may_apply_is_planned_for_and_said_so():
    p = plan(inventors=(Inventor("A", "JP", made_in=("JP",)),), filings=(Filing("JP"), Filing("US")))  # not screened
    jp = next(r for r in p.rules if r.code == "JP")
    assert jp.applies == "possible" and M.W714 in codes(p) and p.filing("US").needs == ("JP",)
    assert any("may apply" in line for line in p.lines("en")) and any("可能性" in line for line in p.lines("ja"))
