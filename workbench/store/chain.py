"""The hash chain of the event history.

hash = sha256(prev_hash + canonical JSON of {id, at, who, kind, draft_id, payload});
the first event's prev_hash is GENESIS. Canonical JSON: sorted keys, no spaces,
UTF-8 kept as is, so the same event always hashes the same on every machine.
"""

from __future__ import annotations

import hashlib
import json

GENESIS = "0" * 64


def canonical_json(obj: object) -> str:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def event_hash(prev_hash: str, *, id: int, at: str, who: str, kind: str, draft_id: int | None, payload: dict) -> str:
    body = canonical_json({"id": id, "at": at, "who": who, "kind": kind, "draft_id": draft_id, "payload": payload})
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def event_hash_of_json(prev_hash: str, *, id: int, at: str, who: str, kind: str, draft_id: int | None, payload_json: str) -> str:
    """:func:`event_hash` of a payload already in canonical JSON (``canonical_json(payload)``):
    the same body, byte for byte (the event's keys in sorted order, the payload's JSON as it is
    stored), without serialising the payload a second time - a verdict's payload is most of
    the cost of recording it."""
    body = (
        '{"at":' + canonical_json(at) + ',"draft_id":' + canonical_json(draft_id) + ',"id":' + canonical_json(id)
        + ',"kind":' + canonical_json(kind) + ',"payload":' + payload_json + ',"who":' + canonical_json(who) + "}"
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()
