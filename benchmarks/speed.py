"""Screening speed: warm drafts/s and claims/s in one process (engine loaded once), and
the cold time of one `workbench triage` call in a fresh process (model + rules load).

Drafts: the 12 real USPTO publications in ../shared/data/uspto-xml (full text with
claims), each read, split into claims and classified.
Usage: .venv/bin/python benchmarks/speed.py [--data ../shared/data] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    from workbench import triage
    from workbench.ingest import read_draft

    files = sorted(Path(args.data, "uspto-xml").glob("*.xml"))
    if not files:
        print(f"no USPTO XML files under {args.data}")
        return 1

    t0 = time.perf_counter()
    engine = triage.get_engine()
    print(f"engine load (model + rules, in-process): {time.perf_counter() - t0:.2f} s")
    drafts = [read_draft(f) for f in files]
    triage.screen_draft(drafts[0], engine=engine)  # warm-up: spaCy pipelines etc.

    n_drafts = n_claims = 0
    t0 = time.perf_counter()
    for _ in range(args.rounds):
        for d in drafts:
            v = triage.screen_draft(d, engine=engine)
            n_drafts += 1
            n_claims += len(v.claims.claims)
    dt = time.perf_counter() - t0
    print(f"warm, classify from Draft (claims split + classify): {n_drafts / dt:.2f} drafts/s, {n_claims / dt:.1f} claims/s "
          f"({n_drafts} drafts, {n_claims} claims, {dt:.2f} s)")

    n = 0
    t0 = time.perf_counter()
    for _ in range(args.rounds):
        for f in files:
            triage.screen_file(f, engine=engine)
            n += 1
    dt = time.perf_counter() - t0
    print(f"warm, from file (read + split + classify): {n / dt:.2f} drafts/s")

    texts = [c.text for d in drafts for c in __import__("workbench.claims", fromlist=["x"]).extract_claims(d).claims]
    t0 = time.perf_counter()
    engine.assess(texts)
    dt = time.perf_counter() - t0
    print(f"warm, classifier alone on {len(texts)} claim texts in one batch: {len(texts) / dt:.1f} claims/s")

    env = dict(os.environ)
    exe = str(Path(sys.executable).with_name("workbench"))
    cmd = [exe, "triage", "--no-log", "--json", str(files[0])]
    times = []
    for _ in range(2):
        t0 = time.perf_counter()
        r = subprocess.run(cmd, capture_output=True, text=True, env=env)
        times.append(time.perf_counter() - t0)
        if r.returncode != 0:
            print(f"cold run failed ({r.returncode}): {r.stderr[-400:]}")
            return 1
    print(f"cold `workbench triage` (new process, 1 draft): {min(times):.2f} s best of {len(times)} ({', '.join(f'{t:.2f}' for t in times)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
