"""Batch screening throughput: the same real full-length drafts screened and recorded with
``--jobs 1``, ``--jobs 2`` and on a local Dask cluster, this release and the previous one side
by side in one run.

    nice -n 10 .venv/bin/python -m benchmarks.batch [--grants 140] [--fulltext 260] [--prev /tmp/prev] [--rounds 1]

Drafts: the first ``--grants`` real US grants of ``../shared/data/uspto-grants`` (the office's
XML, claims included) and the first ``--fulltext`` records of
``fulltext/us_grants_portfolio.jsonl.gz`` (title, abstract, full description; no claims)
written out as text drafts in a temp dir. Each configuration runs in a fresh process (cold:
engine and pipelines load in it and in each worker) and records into its own throw-away
triage log, as a user's run does; with ``--prev`` the previous release's batch core runs the
same configurations, alternated with this one's (previous, this, previous, this...) so a
drift of the machine's speed touches both. Printed per run: wall time and drafts/s (start to
last verdict recorded), the first verdict's time, the rate after it, the processor time of
the whole process tree (parent and loky workers; the Dask workers live in this process's
cluster and are not in it), and each worker's resident memory (its peak over its drafts);
then the ratios, medians over ``--rounds``. Target: ``--jobs 2`` >= 1.7x ``--jobs 1`` on 2
cores. A ratio means something only on a quiet machine: the load average is printed before
and after each run.
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
    if mode == "seq":  # screen_files with one engine, then record: the pipeline without the batch core
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
    (this file is loaded by its path, so the previous release needs no copy of it). Adds the
    processor time of the child and the workers it reaped (``cpu``)."""
    import resource

    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    code = (
        "import importlib.util, json, sys; sys.path.insert(0, %r); "
        "spec = importlib.util.spec_from_file_location('wb_batch_bench', %r); m = importlib.util.module_from_spec(spec); "
        "spec.loader.exec_module(m); print('RESULT ' + json.dumps(m.child(%r, json.load(open(%r)), %r)))"
    ) % (str(pythonpath), str(Path(__file__).resolve()), mode, str(files_json), str(db))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=str(pythonpath))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    line = [x for x in out.stdout.splitlines() if x.startswith("RESULT ")]
    if out.returncode != 0 or not line:
        raise SystemExit(f"{mode} failed:\n{out.stderr[-3000:]}")
    r = json.loads(line[-1][7:])
    r["cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return r


def _rate(r: dict) -> float:
    return r["screened"] / r["wall"]


def _median(xs: list[float]) -> float:
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _revision(path: Path) -> str:
    done = subprocess.run(["git", "-C", str(path), "log", "-1", "--format=%h"], capture_output=True, text=True)
    return done.stdout.strip() or str(path)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.environ.get("WORKBENCH_SHARED_DATA", str(ROOT.parent / "shared" / "data")))
    ap.add_argument("--grants", type=int, default=140)
    ap.add_argument("--fulltext", type=int, default=260)
    ap.add_argument("--prev", default=None, help="a checkout of the previous release (git worktree add /tmp/prev d608f05)")
    ap.add_argument("--rounds", type=int, default=1, help="run every configuration this many times; medians are quoted")
    ap.add_argument("--seq", action="store_true", help="also this release's pipeline without the batch core (screen_files, then record)")
    ap.add_argument("--no-dask", action="store_true")
    args = ap.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="wb-batch-bench-"))
    cluster = None
    try:
        files = write_drafts(Path(args.shared), tmp / "drafts", args.grants, args.fulltext)
        files_json = tmp / "files.json"
        files_json.write_text(json.dumps(files))
        mb = sum(Path(f).stat().st_size for f in files) / 1e6
        print(f"drafts: {len(files)} real full-length drafts ({args.grants} uspto-grants XML, {args.fulltext} fulltext portfolio grants as text), {mb:.1f} MB")
        print(f"machine: {os.cpu_count()} CPUs; load average before: {_load()}")
        this = f"this release ({_revision(ROOT)})"
        prev = f"previous release ({_revision(Path(args.prev))})" if args.prev else None
        modes: list[tuple[str, str, str, Path]] = []  # (key, mode, label, pythonpath)
        for jobs in ("1", "2"):
            if args.prev:
                modes.append((f"prev jobs:{jobs}", f"jobs:{jobs}", f"{prev} batch --jobs {jobs}", Path(args.prev)))
            modes.append((f"jobs:{jobs}", f"jobs:{jobs}", f"{this} batch --jobs {jobs}", ROOT))
        if args.seq:
            modes.append(("seq", "seq", f"{this}: its pipeline without the batch core (screen_files, then record)", ROOT))
        if not args.no_dask:
            from distributed import LocalCluster

            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None)
            modes.append(("dask", f"dask:{cluster.scheduler_address}", f"{this} batch --scheduler (local Dask cluster, 2 worker processes x 1 thread)", ROOT))
        runs: dict[str, list[dict]] = {key: [] for key, *_ in modes}
        for rnd in range(args.rounds):
            for key, mode, label, path in modes:
                load = _load()
                r = run_child(mode, files_json, tmp / f"{rnd}_{key.replace(':', '_').replace(' ', '_')}.sqlite", path)
                runs[key].append(r)
                steady = (r["screened"] - 1) / (r["wall"] - r["first"]) if r.get("first") and r["screened"] > 1 else None
                mem = ", ".join(f"{v / 2**20:.0f} MB" for v in r["workers"].values())
                cpu = f"; CPU {r['cpu']:.1f} s ({r['cpu'] / max(1, r['screened']) * 1000:.0f} ms/draft)" if not key.startswith("dask") else ""
                print(f"{label}: {r['screened']} screened, {r['failed']} failed in {r['wall']:.1f} s = {_rate(r):.2f} drafts/s"
                      + (f"; first verdict {r['first']:.1f} s, then {steady:.2f} drafts/s" if steady else "")
                      + cpu + f"; memory per worker: {mem}; load before {load}")

        def med(key: str, f=_rate) -> float:
            return _median([f(r) for r in runs[key]])

        def steady(r: dict) -> float:
            return (r["screened"] - 1) / (r["wall"] - r["first"])

        n = f" (median of {args.rounds})" if args.rounds > 1 else ""
        print(f"{this}: --jobs 2 / --jobs 1 = {med('jobs:2') / med('jobs:1'):.2f}x whole run, "
              f"{med('jobs:2', steady) / med('jobs:1', steady):.2f}x after the first verdict{n} (target >= 1.7x)")
        print(f"{this}: first verdict --jobs 1 {med('jobs:1', lambda r: r['first']):.1f} s, --jobs 2 {med('jobs:2', lambda r: r['first']):.1f} s; "
              f"CPU --jobs 2 / --jobs 1 = {med('jobs:2', lambda r: r['cpu']) / med('jobs:1', lambda r: r['cpu']):.2f}")
        if args.prev:
            print(f"{prev}: --jobs 2 / --jobs 1 = {med('prev jobs:2') / med('prev jobs:1'):.2f}x whole run, "
                  f"{med('prev jobs:2', steady) / med('prev jobs:1', steady):.2f}x after the first verdict; "
                  f"first verdict --jobs 2 {med('prev jobs:2', lambda r: r['first']):.1f} s")
            print(f"this / previous release: --jobs 1 {med('jobs:1') / med('prev jobs:1'):.2f}x, --jobs 2 {med('jobs:2') / med('prev jobs:2'):.2f}x")
        if "dask" in runs:
            print(f"{this}: local Dask cluster / --jobs 1 = {med('dask') / med('jobs:1'):.2f}x")
        if "seq" in runs:
            print(f"{this}: batch --jobs 1 / the same pipeline without the batch core = {med('jobs:1') / med('seq'):.2f}x")
        print(f"load average after: {_load()}")
    finally:
        if cluster is not None:
            cluster.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
