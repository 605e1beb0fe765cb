"""Crash test of the triage log: kill -9 the writer at random points, many times.

Each round starts a writer subprocess that opens the log (creating/migrating it on
the first round), records a verdict, then appends decisions (every other one with
residences; places of completion abroad cycle through not recorded / none / US,CN) and prints
``ACK <round> <n>`` after each commit. After a random delay the parent kills it
with SIGKILL (mid-import, mid-open, mid-transaction or between commits), then
opens the log itself and checks: it opens, ``verify()`` passes, and every ACKed
decision is stored with the residences and places abroad it was given. Prints the number of kills, acknowledged decisions and
failures (must be 0).

    .venv/bin/python benchmarks/crash.py [--kills 100] [--db PATH] [--seed N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _residences(n: int) -> tuple[str, ...] | None:
    """Every other decision records residences, the rest leave them "not recorded"."""
    return ("JP", "IN") if n % 2 else None


def _completed_abroad(n: int) -> tuple[str, ...] | None:
    """Places of completion abroad: not recorded, none given, and two countries, in turn."""
    return (None, (), ("US", "CN"))[n % 3]


def _written(n: int) -> tuple:
    """What decision n was given: (residences, completed_abroad)."""
    return _residences(n), _completed_abroad(n)


def writer(db: str, round_no: int) -> None:
    """The process that gets killed: append decisions forever, ACK each commit."""
    sys.path.insert(0, str(ROOT))
    import hashlib

    from workbench.domain import Claim, ClaimSet, Draft, DraftVerdict, FieldVerdict
    from workbench.store import TriageLog

    text = f"crash test draft {round_no % 5}"
    draft = Draft(f"/crash/{round_no % 5}.txt", hashlib.sha256(text.encode()).hexdigest(), "text", "en", text)
    claims = ClaimSet((Claim(1, "A drone comprising a camera.", True),), "en")
    fields = (FieldVerdict(5, "possible", 0.4, name_en="Unmanned aerial vehicles", name_ja="無人航空機"),)
    verdict = DraftVerdict(draft, claims, "review", fields, (), (), ruleset_version="crash", model_version="crash")
    with TriageLog.open(db, reviewer=f"writer-{round_no}") as log:
        did = log.record_verdict(verdict)
        print(f"READY {round_no}", flush=True)
        n = 0
        while True:
            log.decide(did, "hold", f"crash-{round_no}-{n}", n % 3 == 1, jp_filing_date="2024-01-31",
                       residences=_residences(n), completed_abroad=_completed_abroad(n))
            print(f"ACK {round_no} {n}", flush=True)
            n += 1
            if round_no % 7 == 0 and n % 3 == 0:  # also kill during bigger transactions
                log.record_verdict(verdict)


def run(kills: int = 100, db: Path | None = None, seed: int = 1234, max_delay: float = 0.5, quiet: bool = False) -> dict:
    rng = random.Random(seed)
    tmpdir = None
    if db is None:
        tmpdir = tempfile.TemporaryDirectory(prefix="wb-crash-")
        db = Path(tmpdir.name) / "crash.sqlite"
    sys.path.insert(0, str(ROOT))
    from workbench.store import TriageLog

    acked: list[str] = []
    failures: list[str] = []
    killed_before_ready = 0
    started = time.perf_counter()
    try:
        for r in range(kills):
            proc = subprocess.Popen(
                [sys.executable, str(Path(__file__).resolve()), "--writer", str(db), str(r)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                cwd=str(ROOT),
            )
            # a quarter of the kills land during start-up (import, open, migration);
            # the rest after the writer is ready, while it commits decisions
            early = rng.random() < 0.25
            first = ""
            if early:
                time.sleep(rng.uniform(0.0, 0.5))
            else:
                first = proc.stdout.readline()  # blocks until READY (or the writer dies)
                time.sleep(rng.uniform(0.0, max_delay))
            if proc.poll() is not None:
                failures.append(f"round {r}: writer exited by itself ({proc.returncode}): {proc.stderr.read()[-300:]}")
                continue
            os.kill(proc.pid, signal.SIGKILL)
            out, _err = proc.communicate()
            lines = ([first] if first else []) + out.splitlines()
            if not any(line.startswith("READY") for line in lines):
                killed_before_ready += 1
            acked.extend(f"crash-{r}-{line.split()[2]}" for line in lines if line.startswith("ACK "))
            try:
                with TriageLog.open(db) as log:
                    res = log.verify()
                    if not res.ok:
                        failures.append(f"round {r}: verify failed: {res.detail}")
                    stored = {
                        why: tuple(None if v is None else tuple(json.loads(v)) for v in (resid, abroad))
                        for why, resid, abroad in log.conn.execute(
                            "SELECT rationale, residences, completed_abroad FROM decisions"
                        )
                    }
            except Exception as exc:  # any failure to open is a failure of the test
                failures.append(f"round {r}: cannot open the log: {exc}")
                continue
            missing = [a for a in acked if a not in stored]
            if missing:
                failures.append(f"round {r}: {len(missing)} acknowledged decision(s) missing, e.g. {missing[:3]}")
            wrong = [a for a in acked if a in stored and stored[a] != _written(int(a.rsplit("-", 1)[1]))]
            if wrong:
                failures.append(
                    f"round {r}: {len(wrong)} decision(s) with other residences / places abroad than written, e.g. {wrong[:3]}"
                )
        elapsed = time.perf_counter() - started
    finally:
        if tmpdir is not None:
            tmpdir.cleanup()
    result = {
        "kills": kills,
        "acked_decisions": len(acked),
        "killed_before_first_write": killed_before_ready,
        "failures": len(failures),
        "failure_details": failures,
        "seconds": round(elapsed, 1),
    }
    if not quiet:
        print(f"kills: {result['kills']}")
        print(f"acknowledged decisions: {result['acked_decisions']} (all checked present, with their residences and places abroad, after every kill)")
        print(f"kills before the writer's first commit: {result['killed_before_first_write']}")
        print(f"failures: {result['failures']}")
        for f in failures[:10]:
            print(f"  {f}")
        print(f"time: {result['seconds']} s")
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=100)
    ap.add_argument("--db", type=Path, help="log to hammer (default: a temporary file)")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--writer", nargs=2, metavar=("DB", "ROUND"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.writer:
        writer(args.writer[0], int(args.writer[1]))
        return 0
    result = run(args.kills, args.db, args.seed)
    return 1 if result["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
