"""Signed checkpoints: the head of a log's hash chain, signed with Ed25519, kept outside
the log file (a checkpoint file, an export).

The hash chain alone shows an edit that was not followed by recomputing every later
hash. Someone who can write the file can recompute them all, delete the last events
with their rows, or append an event with a valid hash; only a record of the head kept
*elsewhere* shows that. A checkpoint is that record::

    {"format": "workbench-log-checkpoint/1", "database": ..., "head_event": N,
     "head_hash": "...", "events": N, "at": "...Z", "who": "...",
     "key": {"algorithm": "Ed25519", "public": "<base64>", "fingerprint": "<sha256[:16]>"},
     "signature": "<base64 Ed25519 over the canonical JSON of all other fields>"}

:func:`compare` checks a log against one: the event the checkpoint signed must still be
there with the same hash (else the history was *truncated* or *rewritten*), and events
after it are *later* events the checkpoint does not cover (an *extended* chain unless they
are expected). A checkpoint is only as good as the key: it is trusted when its public key
is the user's own or one listed as trusted (see :func:`trusted_keys`).

Keys: one PEM file per user (``<config dir>/keys/log-signing-key.pem``, created with mode
0600 on first use) or a department key named by ``$WORKBENCH_SIGNING_KEY`` / ``--key``;
the public half is written beside it (``.pub``) to hand to whoever verifies.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from workbench.errors import E531, E532, E533, StoreError
from workbench.store.chain import canonical_json
from workbench.messages import M, msg
from workbench.messages.causes import cause

FORMAT = "workbench-log-checkpoint/1"
KEY_NAME = "log-signing-key.pem"
MAX_CHECKPOINT_BYTES = 50_000_000  # a checkpoint is ~1 kB; an export holding one is larger


def default_key_path() -> Path:
    env = os.environ.get("WORKBENCH_SIGNING_KEY", "").strip()
    if env:
        return Path(env).expanduser()
    from workbench.settings import config_dir

    return config_dir() / "keys" / KEY_NAME


def default_checkpoint_dir() -> Path:
    from workbench.settings import config_dir

    return config_dir() / "checkpoints"


def _raw_public(key) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(public_raw: bytes) -> str:
    return hashlib.sha256(public_raw).hexdigest()[:16]


def load_key(path: str | Path | None = None, *, create: bool = True):
    """The Ed25519 private key at ``path`` (default :func:`default_key_path`); created
    (0600, with its ``.pub`` beside it) when absent and ``create``. E533 when unreadable."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    p = Path(path).expanduser() if path else default_key_path()
    if p.exists():
        try:
            key = serialization.load_pem_private_key(p.read_bytes(), password=None)
        except (OSError, ValueError, TypeError) as exc:
            raise StoreError(E533, path=p, detail=cause(exc, en=str(exc)[:200] or type(exc).__name__)) from None
        if not isinstance(key, Ed25519PrivateKey):
            raise StoreError(E533, path=p, detail=msg(M.D560))
        return key
    if not create:
        raise StoreError(E533, path=p, detail=msg(M.D504))
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(pem)
        p.with_suffix(".pub").write_bytes(public_pem(key.public_key()))
    except FileExistsError:  # another process made it first: use theirs
        return load_key(p, create=False)
    except OSError as exc:
        raise StoreError(E533, path=p, detail=cause(exc, en=exc.strerror or str(exc))) from None
    return key


def public_pem(public_key) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return public_key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def read_public_key(path: str | Path) -> bytes:
    """Raw public key bytes from a ``.pub`` PEM file, a private key file or a checkpoint."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

    p = Path(path).expanduser()
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise StoreError(E533, path=p, detail=cause(exc, en=exc.strerror or str(exc))) from None
    try:
        if b"PRIVATE KEY" in data:
            key = serialization.load_pem_private_key(data, password=None)
            if isinstance(key, Ed25519PrivateKey):
                return _raw_public(key.public_key())
        else:
            key = serialization.load_pem_public_key(data)
            if isinstance(key, Ed25519PublicKey):
                return _raw_public(key)
    except (ValueError, TypeError) as exc:
        raise StoreError(E533, path=p, detail=cause(exc, en=str(exc)[:200])) from None
    raise StoreError(E533, path=p, detail=msg(M.D560))


def trusted_keys(extra: list[str | Path] | tuple = ()) -> dict[str, bytes]:
    """fingerprint -> raw public key: the user's own key (if it exists), every ``*.pub``
    in ``<config dir>/keys/trusted/`` and the files given (``--trust``)."""
    out: dict[str, bytes] = {}
    own = default_key_path()
    if own.exists():
        raw = read_public_key(own)
        out[fingerprint(raw)] = raw
    folder = own.parent / "trusted"
    files = sorted(folder.glob("*.pub")) if folder.is_dir() else []
    for f in [*files, *extra]:
        raw = read_public_key(f)
        out[fingerprint(raw)] = raw
    return out


def _body(cp: dict) -> bytes:
    return canonical_json({k: v for k, v in cp.items() if k != "signature"}).encode("utf-8")


def sign(log, key=None, *, who: str | None = None) -> dict:
    """A signed checkpoint of ``log``'s current head."""
    from workbench.store.log import utc_now

    key = key if key is not None else load_key()
    head_id, head_hash = log.head()
    raw = _raw_public(key.public_key())
    cp = {
        "format": FORMAT,
        "database": log.where if getattr(log, "path", None) else "",
        "head_event": head_id,
        "head_hash": head_hash,
        "at": utc_now(),
        "who": who or log.reviewer,
        "key": {"algorithm": "Ed25519", "public": base64.b64encode(raw).decode("ascii"), "fingerprint": fingerprint(raw)},
    }
    cp["signature"] = base64.b64encode(key.sign(_body(cp))).decode("ascii")
    return cp


def write(cp: dict, path: str | Path) -> Path:
    """Write a checkpoint file atomically (never half a file)."""
    p = Path(path).expanduser()
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=str(p.parent))
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(cp, ensure_ascii=False, indent=2) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, p)
    except OSError as exc:
        raise StoreError(E531, path=p, detail=cause(exc, en=exc.strerror or str(exc))) from None
    return p


def default_path(cp: dict) -> Path:
    stem = Path(cp.get("database") or "log").stem
    stamp = cp["at"].replace(":", "").replace("-", "")[:15]
    return default_checkpoint_dir() / f"{stem}-event{cp['head_event']}-{stamp}.json"


def read(path: str | Path) -> dict:
    """The checkpoint in a checkpoint file, or in an export (JSON ``meta.checkpoint``, the
    CSV ``# checkpoint:`` line, the XLSX About sheet). E531 when there is none."""
    p = Path(path).expanduser()
    try:
        if not p.is_file():
            raise StoreError(E531, path=p, detail=msg(M.D504))
        if p.stat().st_size > MAX_CHECKPOINT_BYTES:
            raise StoreError(E531, path=p, detail=msg(M.D561))
        if p.suffix.lower() == ".xlsx":
            cp = _from_xlsx(p)
        else:
            text = p.read_text(encoding="utf-8-sig")
            cp = _from_csv(text) if p.suffix.lower() == ".csv" else _from_json(text)
    except StoreError:
        raise
    except Exception as exc:  # noqa: BLE001 - any damage of a file we did not write is E531
        raise StoreError(E531, path=p, detail=cause(exc, en=f"{type(exc).__name__}: {exc}"[:200])) from None
    if not isinstance(cp, dict) or cp.get("format") != FORMAT:
        raise StoreError(E531, path=p, detail=msg(M.D562))
    for name, kind in (("head_event", int), ("head_hash", str), ("signature", str), ("key", dict)):
        if not isinstance(cp.get(name), kind):
            raise StoreError(E531, path=p, detail=msg(M.D563, name=name))
    return cp


def _from_json(text: str) -> dict | None:
    data = json.loads(text)
    if isinstance(data, dict) and "meta" in data and isinstance(data["meta"], dict):
        return data["meta"].get("checkpoint")
    return data


def _from_csv(text: str) -> dict | None:
    for row in csv.reader(text.splitlines()):
        if len(row) == 1 and row[0].startswith("# checkpoint: "):
            return json.loads(row[0][len("# checkpoint: ") :])
    return None


def _from_xlsx(p: Path) -> dict | None:
    from openpyxl import load_workbook

    wb = load_workbook(p, read_only=True)
    try:
        if "About" not in wb.sheetnames:
            return None
        for row in wb["About"].iter_rows(values_only=True):
            if row and row[0] == "checkpoint" and isinstance(row[1], str):
                return json.loads(row[1].lstrip("'"))
    finally:
        wb.close()
    return None


def check_signature(cp: dict, trusted: dict[str, bytes], *, path: str | Path | None = None) -> str:
    """Raise E532 unless ``cp`` is signed, unaltered, by a trusted key; returns its fingerprint."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        raw = base64.b64decode(cp["key"]["public"], validate=True)
        sig = base64.b64decode(cp["signature"], validate=True)
        Ed25519PublicKey.from_public_bytes(raw).verify(sig, _body(cp))
    except InvalidSignature:
        raise StoreError(E532, path=path, detail=msg(M.D564)) from None
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError(E532, path=path, detail=msg(M.D565, x=cause(exc, en=str(exc)[:180]))) from None
    fp = fingerprint(raw)
    if fp not in trusted:
        raise StoreError(
            E532, path=path,
            detail=msg(M.D566, key=fp),
        )
    return fp


@dataclass(frozen=True)
class Comparison:
    """How a log stands to a checkpoint: ``state`` is "same" (the head is the signed one),
    "later" (the signed event is intact and ``later`` events follow it), "truncated" or
    "rewritten"."""

    state: str
    head_event: int
    log_head: int
    later: tuple = field(default=())  # the Events after the checkpoint

    @property
    def ok(self) -> bool:
        return self.state in ("same", "later")


def compare(log, cp: dict) -> Comparison:
    """Compare ``log`` with a (signature-checked) checkpoint. Works on any backend that
    offers ``head()`` and ``history(after=)``."""
    n, signed_hash = int(cp["head_event"]), str(cp["head_hash"])
    log_head, _ = log.head()
    if n == 0:
        later = tuple(log.history(after=0)) if log_head else ()
        return Comparison("later" if later else "same", 0, log_head, later)
    events = log.history(after=n - 1)
    if not events or events[0].id != n:
        return Comparison("truncated", n, log_head)
    if events[0].hash != signed_hash:
        return Comparison("rewritten", n, log_head)
    later = tuple(events[1:])
    return Comparison("later" if later else "same", n, log_head, later)
