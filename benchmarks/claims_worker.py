"""The measuring half of ``benchmarks/claims_accuracy.py``, run as a child process.

It reads a job (JSON on stdin), splits claims with whatever ``workbench`` is first
on ``sys.path`` - this tree, or a worktree of the previous release - and writes the
claims it found and its timings (JSON on stdout). It uses only the public API every
release has (``read_draft``, ``extract_claims``, ``split_claims``), so the same job
measures both releases on the same rendered files, side by side in one run.

    PYTHONPATH=/tmp/prev python benchmarks/claims_worker.py < job.json > result.json
"""

from __future__ import annotations

import json
import sys
import time


def _claims(claim_set) -> list:
    return [[c.number, sorted(c.depends_on)] for c in claim_set.claims]


def run(job: dict) -> dict:
    import workbench
    from workbench.claims import extract_claims, split_claims
    from workbench.claims.pipeline import get_pipeline
    from workbench.ingest import read_draft

    t0 = time.perf_counter()
    get_pipeline("en")
    get_pipeline("ja")
    load_s = time.perf_counter() - t0
    repeat = int(job.get("repeat", 3))
    out: dict = {"workbench": workbench.__file__, "load_s": load_s, "docs": {}, "errors": {}, "layouts": {}}
    drafts = []
    for d in job["docs"]:
        try:
            draft = read_draft(d["path"], timeout_s=600.0)  # accuracy, not the reading-time limit, on a shared machine
            out["docs"][d["key"]] = _claims(extract_claims(draft))
            drafts.append(draft)
        except Exception as exc:  # a refused file is a miss to report, not a crash of the benchmark
            out["errors"][d["key"]] = f"{type(exc).__name__}: {exc}"[:300]
    for key, text in job.get("layouts", {}).items():
        out["layouts"][key] = _claims(split_claims(text, "en"))
    for key, path in job.get("layout_files", {}).items():
        try:
            out["layouts"][key] = _claims(extract_claims(read_draft(path, timeout_s=600.0)))
        except Exception as exc:  # a refused layout (E201) reads no claims
            out["layouts"][key] = []
            out["errors"][key] = f"{type(exc).__name__}: {exc}"[:300]

    def rate(fn, items, rounds) -> tuple[float, int]:
        """Claims per second of CPU time, the best of ``rounds`` rounds (the machine is shared:
        CPU time of this process is what the code costs, wall time is what the others cost)."""
        for it in items:  # warm
            fn(it)
        best, n = 0.0, 0
        for _ in range(max(1, rounds)):
            n = 0
            t = time.process_time()
            for it in items:
                n += len(fn(it).claims)
            best = max(best, n / max(time.process_time() - t, 1e-9))
        return best, n

    out["en_claims_per_s"], out["en_claims_timed"] = rate(extract_claims, drafts, repeat)
    first = job.get("first_claims") or []
    if first:
        out["first_claims"] = [_claims(split_claims(t, "en")) for t in first]
        out["first_claims_per_s"], _ = rate(lambda t: split_claims(t, "en"), first, repeat)
    ja_drafts = []
    for path in job.get("ja_drafts", []):
        try:
            ja_drafts.append(read_draft(path, timeout_s=600.0))
        except Exception:
            pass
    if ja_drafts:
        out["ja_claims_per_s"], out["ja_claims_timed"] = rate(extract_claims, ja_drafts, repeat * 50)
    return out


if __name__ == "__main__":
    job = json.load(sys.stdin)
    json.dump(run(job), sys.stdout)
