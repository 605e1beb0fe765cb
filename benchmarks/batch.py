"""Batch screening throughput: the same real full-length drafts screened and recorded with
``--jobs 1``, ``--jobs 2`` and on a local Dask cluster, and the previous release's
``workbench triage FOLDER`` (one process, one draft after another) side by side.

    nice -n 10 .venv/bin/python -m benchmarks.batch [--grants 140] [--fulltext 260] [--prev /tmp/prev-batch]

Drafts: every real US grant of ``../shared/data/uspto-grants`` (the office's XML, claims
included) and the first ``--fulltext`` records of ``fulltext/us_grants_portfolio.jsonl.gz``
(title, abstract, full description; no claims) written out as text drafts in a temp dir.
Each configuration runs in a fresh process (cold: engine and pipelines load in it and in
each worker) and records into its own throw-away triage log, as a user's run does. Printed:
wall time and drafts/s (start to last verdict recorded), the rate after the first verdict
(start-up excluded), the ratio to ``--jobs 1``, this release's pipeline without the batch core
(its own overhead: hashing, per-draft transactions, results crossing processes), and the resident memory of each worker
process (its peak over the drafts it screened). Target: ``--jobs 2`` >= 1.7x ``--jobs 1`` on
2 cores. The machine is shared: the load average is printed before and after.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def write_drafts(shared: Path, out: Path, n_grants: int, n_fulltext: int) -> list[str]:
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for f in sorted((shared / "uspto-grants").glob("*.xml"))[:n_grants]:
        files.append(str(shutil.copy(f, out / f.name)))
    with gzip.open(shared / "fulltext" / "us_grants_portfolio.jsonl.gz", "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= n_fulltext:
                break
            r = json.loads(line)
            p = out / f"{r['id']}.txt"
            p.write_text(f"{r['title']}\n\nABSTRACT\n\n{r['abstract']}\n\nDESCRIPTION\n\n{r['description']}\n", encoding="utf-8")
            files.append(str(p))
    return files


# -- one configuration, in its own process ------------------------------------------------------
def child(mode: str, files: list[str], db: str) -> dict:
    t0 = time.perf_counter()
    if mode in ("prev", "seq"):  # screen_files with one engine, then record (prev: the previous release; seq: this one)
        from workbench import triage
        from workbench.store import TriageLog

        eng = triage.get_engine()
        results = list(triage.screen_files(files, engine=eng))
        first = None
        with TriageLog.open(db) as log:
            for _p, v in results:
                if not isinstance(v, Exception):
                    log.record_verdict(v)
        end = time.perf_counter()
        import resource

        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        ok = sum(1 for _p, v in results if not isinstance(v, Exception))
        return {"wall": end - t0, "screened": ok, "failed": len(files) - ok, "first": first, "workers": {str(os.getpid()): rss}}
    from workbench.batch import run_batch
    from workbench.store import TriageLog

    kind, _, arg = mode.partition(":")
    kwargs = {"jobs": int(arg)} if kind == "jobs" else {"scheduler": arg}
    first = None
    ok = failed = 0
    peak: dict[int, int] = {}
    with TriageLog.open(db) as log:
        for out in run_batch(files, log=log, **kwargs):
            if first is None:
                first = time.perf_counter() - t0
            ok += out.status == "screened"
            failed += out.status == "failed"
            if out.worker is not None and out.worker_rss:
                peak[out.worker] = max(peak.get(out.worker, 0), out.worker_rss)
    return {"wall": time.perf_counter() - t0, "screened": ok, "failed": failed, "first": first,
            "workers": {str(k): v for k, v in peak.items()}}


def run_child(mode: str, files_json: Path, db: Path, pythonpath: Path) -> dict:
    """Run :func:`child` in a fresh interpreter with ``pythonpath``'s workbench first on the path
    (this file is loaded by its path, so the previous release needs no copy of it)."""
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    code = (
        "import importlib.util, json, sys; sys.path.insert(0, %r); "
        "spec = importlib.util.spec_from_file_location('wb_batch_bench', %r); m = importlib.util.module_from_spec(spec); "
        "spec.loader.exec_module(m); print('RESULT ' + json.dumps(m.child(%r, json.load(open(%r)), %r)))"
    ) % (str(pythonpath), str(Path(__file__).resolve()), mode, str(files_json), str(db))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=str(pythonpath))
    line = [x for x in out.stdout.splitlines() if x.startswith("RESULT ")]
    if out.returncode != 0 or not line:
        raise SystemExit(f"{mode} failed:\n{out.stderr[-3000:]}")
    return json.loads(line[-1][7:])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.environ.get("WORKBENCH_SHARED_DATA", str(ROOT.parent / "shared" / "data")))
    ap.add_argument("--grants", type=int, default=140)
    ap.add_argument("--fulltext", type=int, default=260)
    ap.add_argument("--prev", default=None, help="a worktree of the previous release (git worktree add /tmp/prev-batch 0ec98ae)")
    ap.add_argument("--no-dask", action="store_true")
    args = ap.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="wb-batch-bench-"))
    try:
        files = write_drafts(Path(args.shared), tmp / "drafts", args.grants, args.fulltext)
        files_json = tmp / "files.json"
        files_json.write_text(json.dumps(files))
        mb = sum(Path(f).stat().st_size for f in files) / 1e6
        print(f"drafts: {len(files)} real full-length drafts ({args.grants} uspto-grants XML, {args.fulltext} fulltext portfolio grants as text), {mb:.1f} MB")
        print(f"machine: {os.cpu_count()} CPUs; load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        modes = []
        if args.prev:
            modes.append(("prev", "previous release (0ec98ae): workbench triage FOLDER, one process", Path(args.prev)))
        modes += [("seq", "this release's pipeline without the batch core (screen_files, then record)", ROOT),
                  ("jobs:1", "batch --jobs 1", ROOT), ("jobs:2", "batch --jobs 2", ROOT)]
        cluster = None
        if not args.no_dask:
            from distributed import LocalCluster

            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None)
            modes.append((f"dask:{cluster.scheduler_address}", "batch --scheduler (local Dask cluster, 2 worker processes x 1 thread)", ROOT))
        results = {}
        for mode, label, path in modes:
            r = run_child(mode, files_json, tmp / f"{mode.replace(':', '_').replace('/', '')}.sqlite", path)
            results[mode] = r
            rate = r["screened"] / r["wall"]
            steady = (r["screened"] - 1) / (r["wall"] - r["first"]) if r.get("first") and r["screened"] > 1 else None
            mem = ", ".join(f"{v / 2**20:.0f} MB" for v in r["workers"].values())
            base = results.get("jobs:1")
            ratio = f"  {rate / (base['screened'] / base['wall']):.2f}x --jobs 1" if base and mode != "jobs:1" else ""
            print(f"{label}: {r['screened']} screened, {r['failed']} failed in {r['wall']:.1f} s = {rate:.2f} drafts/s"
                  + (f" (after the first verdict: {steady:.2f} drafts/s)" if steady else "") + ratio
                  + f"; memory per worker: {mem}")
        if cluster is not None:
            cluster.close()
        j1, j2 = results["jobs:1"], results["jobs:2"]
        print(f"ratio --jobs 2 / --jobs 1: {(j2['screened'] / j2['wall']) / (j1['screened'] / j1['wall']):.2f}x (target >= 1.7x)")
        sq = results["seq"]
        print(f"batch --jobs 1 / the same pipeline without the batch core: {(j1['screened'] / j1['wall']) / (sq['screened'] / sq['wall']):.2f}x")
        if "prev" in results:
            p = results["prev"]
            print(f"--jobs 2 / previous release: {(j2['screened'] / j2['wall']) / (p['screened'] / p['wall']):.2f}x; "
                  f"--jobs 1 / previous release: {(j1['screened'] / j1['wall']) / (p['screened'] / p['wall']):.2f}x")
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
