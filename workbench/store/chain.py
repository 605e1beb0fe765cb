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
