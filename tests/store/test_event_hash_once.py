"""A verdict's payload is serialised once when it is recorded: the event's hash is computed
from the payload's canonical JSON as stored (chain.event_hash_of_json), byte for byte the
hash of chain.event_hash over the whole event - the chain of every log written before stays
valid, and verify() recomputes it the one way it always has."""

from __future__ import annotations

import pytest
from factories import make_verdict

from workbench.store.chain import GENESIS, canonical_json, event_hash, event_hash_of_json


@pytest.mark.parametrize("payload", [
    {},
    {"b": [1, 2.5, None, True], "a": {"z": "ü", "y": "無人機"}, "n": -0.0},
    {"name": "a\\udcff.txt", "text": "tab\tnew\nline \"quoted\" \u2028"},
])
@pytest.mark.parametrize("draft_id", [None, 7])
def test_the_hash_of_the_payloads_json_is_the_hash_of_the_event(payload, draft_id):
    ev = dict(id=12, at="2026-12-02T17:00:00.000000Z", who="山田 taro", kind="verdict.recorded", draft_id=draft_id)
    assert event_hash_of_json("ab" * 32, payload_json=canonical_json(payload), **ev) == event_hash("ab" * 32, payload=payload, **ev)


def test_recorded_events_verify_and_hold_their_payload_as_stored(log):
    did = log.record_verdict(make_verdict("uav.txt", level="review", likelihood=0.42))
    log.record_verdict(make_verdict("n\udcffme.txt", text="a pump"))  # a file name of undecodable bytes: stored escaped
    log.decide(did, "hold", "why")
    assert log.verify().ok
    events = log.history()
    prev = GENESIS
    for e in events:  # the chain, recomputed over the whole event as verify() does
        assert e.hash == event_hash(prev, id=e.id, at=e.at, who=e.who, kind=e.kind, draft_id=e.draft_id, payload=e.payload)
        prev = e.hash
    assert "n\\udcffme.txt" in [s.name for s in log.drafts()]  # the escape, visible
