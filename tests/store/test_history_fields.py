"""history(fields=...): the events with only the payload keys asked for, read by the
database (the GUI's log tab lists 20,000+ events of a team log without parsing every
verdict's claims and evidence); the same values as the whole payload, on both backends."""

from __future__ import annotations

from factories import make_verdict


def test_the_chosen_payload_keys_are_those_of_the_whole_payload(populated):
    log, (did, _b, _c) = populated
    log.annotate(did, 1, 5, "disagree", note="civil use only — 民生用")
    log.decide(did, "hold", "waiting for the inventors")
    whole = log.history()
    keys = ("rationale", "note", "name", "version", "verdict", "decision", "level", "file", "format")
    light = log.history(fields=keys)
    assert [(e.id, e.kind, e.who, e.at, e.draft_id, e.hash) for e in light] == \
        [(e.id, e.kind, e.who, e.at, e.draft_id, e.hash) for e in whole]
    for full, part in zip(whole, light):
        expected = {k: full.payload[k] for k in keys if full.payload.get(k) is not None}
        assert part.payload == expected, full.kind
    kinds = {e.kind for e in light}
    assert {"verdict.recorded", "decision.recorded", "annotation.added"} <= kinds
    verdict = next(e for e in light if e.kind == "verdict.recorded")
    assert verdict.payload["level"] in ("clear", "review", "likely") and "claims" not in verdict.payload
    note = next(e for e in light if e.kind == "annotation.added")
    assert note.payload["note"] == "civil use only — 民生用" and note.payload["verdict"] == "disagree"


def test_after_and_draft_still_select_the_events(log):
    a = log.record_verdict(make_verdict("a.txt", level="likely"))
    b = log.record_verdict(make_verdict("b.txt"))
    head = log.head()[0]
    log.decide(b, "hold", "waiting")
    assert [e.kind for e in log.history(after=head, fields=("decision",))] == ["decision.recorded"]
    assert log.history(after=head, fields=("decision",))[0].payload == {"decision": "hold"}
    assert {e.draft_id for e in log.history(a, fields=("level",))} == {a}
