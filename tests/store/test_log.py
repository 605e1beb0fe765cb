"""Recording, reading and correcting through the TriageLog API."""

from __future__ import annotations

import pytest
from factories import make_verdict

from workbench.domain import DECISIONS
from workbench.errors import IpcError, StoreError
from workbench.store import SCHEMA_VERSION, TriageLog


def test_same_file_hash_links_to_the_same_draft(log):
    v = make_verdict("a.txt")
    first = log.record_verdict(v)
    again = log.record_verdict(make_verdict("a.txt", likelihood=0.6, level="likely"))  # same text -> same hash
    assert first == again
    assert len(log.drafts()) == 1
    rec = log.draft(first)
    assert rec.verdict_count == 2
    assert rec.summary.level == "likely" and rec.summary.top_likelihood == pytest.approx(0.6)
    kinds = [e.kind for e in log.history(first)]
    assert kinds == ["draft.added", "verdict.recorded", "verdict.recorded"]
    other = log.record_verdict(make_verdict("b.txt"))
    assert other != first and len(log.drafts()) == 2


def test_draft_record_holds_claims_verdicts_and_versions(log, recorded):
    v = make_verdict("uav.txt", likelihood=0.42)
    did = log.record_verdict(v, reviewer="鈴木")
    rec = log.draft(did)
    assert rec.summary.sha256 == v.draft.sha256 and rec.summary.name == "uav.txt"
    assert rec.source_path == "/drafts/uav.txt"
    assert [c.number for c in rec.claims] == [1, 2]
    assert rec.claims[1].depends_on == (1,) and rec.claims[0].independent and not rec.claims[1].independent
    assert rec.claims[0].text == v.claims.claims[0].text
    sv = rec.verdict
    assert sv.who == recorded("鈴木") and sv.level == "review"
    assert sv.ruleset_version == "2024-05-01" and sv.model_version == "m-test-1" and sv.ruleset_checksum == "abc123"
    assert sv.fields == v.fields  # evidence and names survive the round trip exactly
    assert sv.claim_fields[2] == v.claim_verdicts[1].fields
    assert sv.ipc == v.ipc
    assert sv.thresholds == {"review": 0.15, "likely": 0.5}
    assert rec.summary.top_field_id == 5 and rec.summary.top_field_name_ja == "無人航空機"
    assert rec.summary.claims == 2
    # the event payload holds no full draft text (confidential), only the hash and claims
    payload = log.history(did)[0].payload
    assert payload["sha256"] == v.draft.sha256 and "text" not in payload


def test_draft_lookup_by_hash_prefix_and_errors(populated):
    log, (a, b, c) = populated
    sha = log.draft(b).summary.sha256
    assert log.draft(sha[:8]).id == b
    assert log.draft(sha.upper()[:12]).id == b
    with pytest.raises(StoreError) as err:
        log.draft(999)
    assert err.value.code == "E507"
    with pytest.raises(StoreError) as err:
        log.draft("zzzz")
    assert err.value.code == "E507"


def test_ambiguous_prefix_is_e510(log):
    shas = []
    i = 0
    while True:  # find two drafts whose hashes share the first 4 hex digits
        v = make_verdict(f"d{i}.txt")
        for s in shas:
            if s[:4] == v.draft.sha256[:4]:
                log.record_verdict(v)
                log.record_verdict(make_verdict(f"d{shas.index(s)}.txt"))
                with pytest.raises(StoreError) as err:
                    log.draft(s[:4])
                assert err.value.code == "E510"
                return
        shas.append(v.draft.sha256)
        i += 1


def test_decision_records_key_dates_and_supersedes(populated, recorded):
    log, (a, b, c) = populated
    d1 = log.decide(b, "hold", "Waiting for the inventor's answer", reviewer="山田")
    assert d1.jp_filing_date is None and d1.primary_review_due is None
    d2 = log.decide(b, "file_jp_first", "  Field 5 likely; invention completed in Japan  ", True, ["us", "EP", "us"],
                    "2024-01-31", reviewer="山田")
    assert d2.rationale == "Field 5 likely; invention completed in Japan"
    assert d2.planned_countries == ("US", "EP")
    assert (d2.jp_filing_date, d2.primary_review_due, d2.foreign_filing_free) == ("2024-01-31", "2024-04-30", "2024-11-30")
    rec = log.draft(b)
    assert rec.decision == d2
    assert rec.decisions == (d1, d2)  # history kept, latest current
    assert rec.summary.decision == "file_jp_first"
    ev = log.history(b)[-1]
    assert ev.kind == "decision.recorded" and ev.who == recorded("山田") and ev.payload["supersedes"] is not None
    assert ev.at.endswith("Z") and ev.at[:4].isdigit()
    rows = log.decisions()
    assert [r.current for r in rows] == [False, True]
    assert [r.id for r in log.decisions(current_only=True)] == [rows[1].id]


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"decision": "maybe", "rationale": "x"}, "E508"),
        ({"decision": "hold", "rationale": ""}, "E506"),
        ({"decision": "hold", "rationale": "   \n"}, "E506"),
        ({"decision": "hold", "rationale": "x", "jp_filing_date": "2024-02-30"}, "E508"),
        ({"decision": "hold", "rationale": "x", "planned_countries": ["U S A!"]}, "E508"),
        ({"decision": "hold", "rationale": "x", "completed_in_japan": "yes"}, "E508"),
        ({"decision": "hold", "rationale": "x", "residences": ["JP", "India"]}, "E508"),
        ({"decision": "hold", "rationale": "x", "residences": ["PCT"]}, "E508"),  # a filing route, not a country
        ({"decision": "hold", "rationale": "x", "residences": "JP 1"}, "E508"),
        ({"decision": "hold", "rationale": "x", "completed_abroad": ["US", "China"]}, "E508"),
        ({"decision": "hold", "rationale": "x", "completed_abroad": ["XX"]}, "E508"),  # not in ISO 3166-1
        ({"decision": "hold", "rationale": "x", "completed_abroad": ["JPN"]}, "E508"),  # alpha-3 of Japan: still Japan
        ({"decision": "hold", "rationale": "x", "planned_countries": ["XX"]}, "E508"),
        ({"decision": "hold", "rationale": "x", "residences": ["QQ"]}, "E508"),
        ({"decision": "hold", "rationale": "x", "completed_abroad": "US 1"}, "E508"),
        # Japan is the completed-in-Japan answer, never a place 'abroad' (whatever that answer is)
        ({"decision": "hold", "rationale": "x", "completed_in_japan": True, "completed_abroad": ["US", "jp"]}, "E508"),
        ({"decision": "hold", "rationale": "x", "completed_in_japan": False, "completed_abroad": "JP"}, "E508"),
    ],
)
def test_bad_decisions_are_refused_and_nothing_is_recorded(populated, kwargs, code):
    log, (a, b, c) = populated
    before = len(log.history())
    with pytest.raises(StoreError) as err:
        log.decide(a, **kwargs)
    assert err.value.code == code
    assert len(log.history()) == before
    assert log.verify().ok


def test_decision_residences_are_stored_and_none_given_is_not_not_recorded(populated):
    log, (a, b, c) = populated
    given = log.decide(a, "hold", "given", residences=[" jp", "IN", "jp"])
    empty = log.decide(b, "hold", "none given", residences=())
    omitted = log.decide(c, "hold", "not recorded")
    text = log.decide(c, "hold", "as text", residences="gb, us")
    assert (given.residences, empty.residences, omitted.residences, text.residences) == (("JP", "IN"), (), None, ("GB", "US"))
    assert [d.residences for d in log.draft(c).decisions] == [None, ("GB", "US")]
    assert [r.residences for r in log.decisions()] == [("JP", "IN"), (), None, ("GB", "US")]
    payloads = [e.payload["residences"] for e in log.history() if e.kind == "decision.recorded"]
    assert payloads == [["JP", "IN"], [], None, ["GB", "US"]]
    assert log.verify().ok


def test_decision_places_of_completion_abroad_are_stored_apart_from_the_japan_answer(populated):
    log, (a, b, c) = populated
    partly = log.decide(a, "hold", "partly in the US", True, completed_abroad=[" us", "CN", "us"])
    abroad_unsaid = log.decide(b, "hold", "abroad, country not given", False, completed_abroad=())
    omitted = log.decide(c, "hold", "not recorded", False)
    text = log.decide(c, "hold", "as text", False, completed_abroad="de, kr")
    got = [(d.completed_in_japan, d.completed_abroad) for d in (partly, abroad_unsaid, omitted, text)]
    assert got == [(True, ("US", "CN")), (False, ()), (False, None), (False, ("DE", "KR"))]
    assert [d.completed_abroad for d in log.draft(c).decisions] == [None, ("DE", "KR")]
    assert [r.completed_abroad for r in log.decisions()] == [("US", "CN"), (), None, ("DE", "KR")]
    assert [r.residences for r in log.decisions()] == [None] * 4  # one fact never fills in the other
    payloads = [e.payload["completed_abroad"] for e in log.history() if e.kind == "decision.recorded"]
    assert payloads == [["US", "CN"], [], None, ["DE", "KR"]]
    assert log.verify().ok


def test_jp_as_a_place_abroad_is_refused_with_a_hint_to_the_japan_answer(populated):
    log, (a, _, _) = populated
    with pytest.raises(StoreError) as err:
        log.decide(a, "hold", "x", False, completed_abroad=["US", "JP"])
    e = err.value
    assert e.code == "E508" and "'JP'" in str(e) and "completed-in-Japan answer" in str(e)
    assert log.decisions() == []


def test_decide_unknown_draft_is_e507(log):
    with pytest.raises(StoreError) as err:
        log.decide(42, DECISIONS[0], "why")
    assert err.value.code == "E507"


def test_annotations_are_kept_and_latest_is_the_example(populated, recorded):
    log, (a, b, c) = populated
    first = log.annotate(b, 1, 5, "agree", note="clearly a drone", reviewer="佐藤")
    assert first.verdict == "agree" and first.reviewer == recorded("佐藤") and first.at
    log.annotate(b, 1, 5, "disagree", note="civil use only", corrected_ipc="b64u  10/00", reviewer="佐藤")
    log.annotate(b, 2, 5, "agree", reviewer="tester")
    rec = log.draft(b)
    assert [x.verdict for x in rec.annotations] == ["agree", "disagree", "agree"]
    assert {(x.claim_number, x.verdict) for x in rec.current_annotations} == {(1, "disagree"), (2, "agree")}
    ex = log.annotation_examples()
    assert [(e.claim_number, e.verdict, e.corrected_ipc) for e in ex] == [(1, "disagree", "B64U 10/00"), (2, "agree", None)]
    assert ex[0].claim_text.startswith("無人航空機であって") and ex[0].language == "ja" and ex[0].field_id == 5


@pytest.mark.parametrize(
    ("args", "code", "exc"),
    [
        ((1, 5, "maybe"), "E508", StoreError),
        ((9, 5, "agree"), "E508", StoreError),  # no claim 9
        ((1, 99, "agree"), "E508", StoreError),  # no field 99 in the draft's verdict
        (("x", 5, "agree"), "E508", StoreError),
    ],
)
def test_bad_annotations_are_refused(populated, args, code, exc):
    log, (a, b, c) = populated
    with pytest.raises(exc) as err:
        log.annotate(a, *args)
    assert err.value.code == code


def test_bad_corrected_ipc_is_e301(populated):
    log, (a, b, c) = populated
    with pytest.raises(IpcError) as err:
        log.annotate(a, 1, 5, "disagree", corrected_ipc="drone stuff")
    assert err.value.code == "E301"


def test_drafts_filters(populated, backend):
    log, (a, b, c) = populated
    log.decide(a, "clear_abroad", "not in a field", reviewer="alice")
    log.decide(b, "file_jp_first", "field 5", reviewer="bob")
    assert [s.id for s in log.drafts(level="likely")] == [b]
    assert [s.id for s in log.drafts(decision="clear_abroad")] == [a]
    assert [s.id for s in log.drafts(decision="none")] == [c]
    assert [s.id for s in log.drafts(reviewer="bob")] == ([b] if backend == "sqlite" else [])  # team log: logins only
    assert [s.id for s in log.drafts(search="無人")] == [b]
    assert [s.id for s in log.drafts(search="PUMP")] == [c]
    today = log.draft(a).summary.ingested_at[:10]
    assert len(log.drafts(since=today, until=today)) == 3
    assert log.drafts(until="2000-01-01") == []
    with pytest.raises(StoreError):
        log.drafts(level="urgent")


def test_due_soon_lists_key_dates_in_window_soonest_first(populated):
    log, (a, b, c) = populated
    log.decide(a, "file_jp_first", "x", jp_filing_date="2024-01-31")  # review due 2024-04-30, free 2024-11-30
    log.decide(b, "file_jp_first", "y", jp_filing_date="2024-01-15")  # review due 2024-04-15, free 2024-11-15
    log.decide(c, "clear_abroad", "z")
    assert [s.id for s in log.due_soon(30, today="2024-04-01")] == [b, a]
    assert [s.id for s in log.due_soon(20, today="2024-04-20")] == [a]
    assert [s.id for s in log.due_soon(30, today="2024-11-01")] == [b, a]
    assert [s.id for s in log.due_soon(30, today="2025-01-01")] == []
    assert log.due_soon(0, today="2024-04-30")[0].id == a  # the due day itself counts


def test_reviewer_defaults_to_settings_then_os_user(db_path, monkeypatch):
    from workbench import settings as st

    with TriageLog.open(db_path) as lg:
        did = lg.record_verdict(make_verdict())
        assert lg.history()[-1].who == st._os_user()
        monkeypatch.setenv("WORKBENCH_REVIEWER", "env-person")
        lg.decide(did, "hold", "why")
        assert lg.history()[-1].who == "env-person"


def test_open_none_uses_default_db_path(isolated_settings):
    with TriageLog.open() as lg:
        assert lg.path == isolated_settings / "default-log.sqlite"
        assert lg.schema_version == SCHEMA_VERSION
    assert (isolated_settings / "default-log.sqlite").exists()


def test_reopen_keeps_everything(populated, log_ref):
    log, ids = populated
    log.decide(ids[0], "hold", "x")
    before = [s for s in log.drafts()]
    log.close()
    with TriageLog.open(log_ref) as again:
        assert again.drafts() == before
        assert again.verify().ok
        assert [e.kind for e in again.history()].count("schema.migrated") == 1


def test_a_stored_verdict_reads_back_whole_through_the_one_dict_pair(log):
    """The draft view of an earlier session's draft shows the verdict as screened: fields,
    claims, claim verdicts (with their IPC), answers, thresholds and notes - rebuilt from the
    event by workbench.domain_dicts, not by hand (the hand rebuild dropped the thresholds
    and the claims' predicted codes)."""
    from dataclasses import replace

    from workbench.domain import AdditionalAnswers, Thresholds
    from workbench.messages import M, msg

    v = replace(make_verdict("whole.txt"), answers=AdditionalAnswers(defence_use=False), thresholds=Thresholds(0.2, 0.6),
                notes=(msg(M.N401),))
    did = log.record_verdict(v, reviewer="sato")
    back = log.draft(did).verdict.screened
    assert back.draft == replace(v.draft, text="")  # the log keeps the hash, not the text
    for name in ("claims", "level", "fields", "ipc", "claim_verdicts", "answers", "thresholds", "notes",
                 "ruleset_version", "ruleset_checksum", "model_version"):
        assert getattr(back, name) == getattr(v, name), name
