"""benchmarks/hostile: hostile drafts through `workbench triage` and `workbench claims`.

    nice -n 10 .venv/bin/python -m benchmarks.hostile [--vs /tmp/prev-hostile] [--out DIR] [--no-big]

Generates the cases (``generate.py``: >= 300 files built to attack the readers, good drafts
beside them, odd paths and a mixed folder), runs each through both commands as a child
process of a warm parent (``driver.py``; per child: wall and CPU time, peak RSS, exit
status, output), and prints per source tree, side by side: counts per outcome, the worst
wall time, CPU time and peak RSS, and the failures against the targets of issue 14:
0 tracebacks, 0 hangs, every file within the time limit + 2 s and 1 GB, 0 silent wrong
successes, and the mixed folder screening every one of its good drafts.

How time is counted: the readers' limit is processor time (``TIMEOUT_S``, 10 s), so a run
fails the time target when its *CPU time* (the command's, its reading child's included:
``wait4`` rusage) passes the limit + 2 s; the clock is the backstop that ends a read that
stalls (``WALL_S``, 60 s), so a run fails when its *wall time* passes that + 2 s. Runs over
12 s wall are counted apart (the machine's load, not a failure), and the 1-minute load
average is sampled through the run and printed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from benchmarks.hostile.generate import generate

ROOT = Path(__file__).resolve().parents[2]
LIMIT_S = 10.0  # the readers' time limit, processor seconds (workbench.ingest.limits.TIMEOUT_S)
WALL_S = 60.0  # the clock's backstop for a read that stalls (workbench.ingest.limits.WALL_S)
RSS_LIMIT_MB = 1024
CODE = re.compile(r"\[(E\d{3})\]")


loads: list[float] = []  # the 1-minute load average, sampled every 5 s during run_trees


def _classify(case: dict, res: dict) -> tuple[str, list[str]]:
    """(outcome, [target failures]) of one run."""
    problems = []
    text = res["out"] + res["err"]
    codes = res.get("codes") or CODE.findall(res["err"])
    if res["killed"] == "hang":
        outcome = "hang"
    elif res["killed"] == "memory-killed":
        outcome = "memory-killed"
    elif "Traceback (most recent call last)" in res["err"] or res["rc"] not in (0, 2, 3):
        outcome = "traceback"
    elif res["rc"] == 0:
        outcome = "screened" if res["command"] == "triage" else "split"
    elif res["rc"] == 3:
        outcome = "partial"
    else:
        outcome = f"coded {codes[0]}" if codes else "error without code"
    if outcome in ("hang", "memory-killed", "traceback", "error without code"):
        problems.append(outcome)
    if res["cpu"] > LIMIT_S + 2:
        problems.append(f"cpu {res['cpu']:.1f} s")
    if res["wall"] > WALL_S + 2:
        problems.append(f"wall {res['wall']:.1f} s")
    if res["rss_mb"] > RSS_LIMIT_MB:
        problems.append(f"RSS {res['rss_mb']:.0f} MB")
    if case.get("leak") and case["leak"] in text:
        problems.append("silent wrong success (leaked file contents)")
    if case["expect"] == "refuse" and res["rc"] == 0:
        problems.append("silent wrong success (read a file it must refuse)")
    if case["expect"] == "accept" and outcome.startswith("coded") and not (res["command"] == "claims" and "E201" in codes):
        problems.append("good draft refused")
    if case["expect"] == "partial" and res["command"] == "triage":
        screened = set(res.get("files") or ())
        for line in res["out"].splitlines():  # results of a driver before "files" was kept
            try:
                screened.add(json.loads(line).get("file"))
            except ValueError:
                continue
        missing = [g for g in case["args"] if g not in screened]
        if missing:
            problems.append(f"mixed folder: {len(missing)} good draft(s) not screened")
    return outcome, problems


def run_trees(roots: list[Path], cases_file: Path, hang_s: float, shards: int = 1) -> list[list[dict]]:
    """One driver per source tree, run at the same time (on a shared machine each child waits
    for a core far longer than it computes; both trees then see the same load)."""
    procs = []
    started = time.monotonic()
    loads.clear()
    for i, root in enumerate(roots):
        env = dict(os.environ, PYTHONPATH=str(root))
        for k in range(shards):
            results_file = cases_file.with_name(f"results-{i}.{k}.json")
            cmd = [sys.executable, "-P", str(ROOT / "benchmarks" / "hostile" / "driver.py"), str(root), str(cases_file),
                   str(results_file), str(hang_s), f"{k}/{shards}"]
            procs.append((i, root, results_file, subprocess.Popen(cmd, env=env)))
    out: list[list[dict]] = [[] for _ in roots]
    while any(p.poll() is None for *_, p in procs):
        loads.append(os.getloadavg()[0])
        time.sleep(5)
    for i, root, results_file, proc in procs:
        if proc.wait() != 0:
            raise SystemExit(f"the driver for {root} failed (exit {proc.returncode})")
        out[i] += json.loads(results_file.read_text(encoding="utf-8", errors="surrogateescape"))
    print(f"  (done after {time.monotonic() - started:.0f} s)", file=sys.stderr)
    return out


def summarise(cases: list[dict], results: list[dict]) -> dict:
    by_name = {c["name"]: c for c in cases}
    outcomes: Counter = Counter()
    failures: list[tuple[str, str, list[str]]] = []
    for res in results:
        outcome, problems = _classify(by_name[res["case"]], res)
        outcomes[f"{res['command']}: {outcome}"] += 1
        if problems:
            failures.append((res["case"], res["command"], problems))
    kinds = Counter()
    for f in failures:
        for p in f[2]:
            kinds[p.split(" ")[0] if p.startswith(("wall", "cpu", "RSS")) else p] += 1
    kinds["slow wall"] = sum(1 for r in results if r["wall"] > LIMIT_S + 2)
    kinds["slow wall, cpu ok"] = sum(1 for r in results if r["wall"] > LIMIT_S + 2 and r["cpu"] <= LIMIT_S + 2)
    worst = lambda key: max(results, key=lambda r: r[key])  # noqa: E731
    return {
        "runs": len(results), "outcomes": outcomes, "failures": failures, "failure_kinds": kinds,
        "worst_wall": worst("wall"), "worst_cpu": worst("cpu"), "worst_rss": worst("rss_mb"),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--vs", metavar="PREV", help="a worktree of the previous release, measured in the same run")
    ap.add_argument("--out", metavar="DIR", help="where the cases are written (default: a temporary folder, removed)")
    ap.add_argument("--no-big", action="store_true", help="leave out the 150 MB and 190 MB real files")
    ap.add_argument("--shards", type=int, default=1, help="drivers per tree, each on every n-th case")
    ap.add_argument("--hang", type=float, default=WALL_S + 30,
                    help="seconds after which a child counts as hung and is killed (default: the readers' clock backstop + 30)")
    ap.add_argument("--report", metavar="DIR", help="print the figures of an earlier run kept with --out DIR (its "
                    "cases.json + results-0.json, and results-1.json or cases-prev.json + results-prev.json)")
    args = ap.parse_args(argv)
    if args.report:
        return _report(Path(args.report))
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="hostile-"))
    try:
        cases = [c.__dict__ for c in generate(out, big=not args.no_big)]
        cases_file = out / "cases.json"
        cases_file.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8", errors="surrogateescape")
        n_files = sum(1 for c in cases if c["expect"] != "partial")
        print(f"hostile benchmark: {n_files} inputs + 1 mixed folder ({Counter(c['expect'] for c in cases)}), "
              f"each through `triage` and `claims`; time limit {LIMIT_S:g} s CPU (+2), clock backstop {WALL_S:g} s (+2), RSS limit {RSS_LIMIT_MB} MB")
        trees = [("this tree", ROOT)] + ([("previous", Path(args.vs))] if args.vs else [])
        results = run_trees([root for _, root in trees], cases_file, args.hang, args.shards)
        summaries = {label: summarise(cases, res) for (label, _), res in zip(trees, results)}
        _print(summaries)
        if loads:
            print(f"\n1-minute load average during the run (2 cores here: {os.cpu_count()}): "
                  f"min {min(loads):.1f}, median {sorted(loads)[len(loads) // 2]:.1f}, max {max(loads):.1f}")
        this = summaries["this tree"]
        return 0 if not this["failures"] else 1
    finally:
        if not args.out:
            shutil.rmtree(out, ignore_errors=True)


def _load(p: Path):
    return json.loads(p.read_text(encoding="utf-8", errors="surrogateescape"))


def _results(d: Path, tree: int) -> list[dict]:
    """A tree's results: the finished shards' files, else what the drivers wrote so far."""
    out: list[dict] = []
    for f in sorted(d.glob(f"results-{tree}.*.json")) or sorted(d.glob(f"results-{tree}.json")):
        out += _load(f)
    if not out:
        for f in sorted(d.glob(f"results-{tree}*.partial")):
            out += [json.loads(line) for line in f.read_text(encoding="utf-8", errors="surrogateescape").splitlines() if line]
    return out


def _report(d: Path) -> int:
    """Figures of a kept run; the previous release may have run on a subset of the cases
    (``cases-prev.json``): then both are also shown on that subset, side by side."""
    cases = _load(d / "cases.json")
    this = _results(d, 0)
    summaries = {"this tree": summarise(cases, this)}
    if list(d.glob("results-1.*")):
        summaries["previous"] = summarise(cases, _results(d, 1))
    elif (d / "results-prev.json").exists():
        sub = _load(d / "cases-prev.json")
        names = {c["name"] for c in sub}
        summaries["this (subset)"] = summarise(sub, [r for r in this if r["case"] in names])
        summaries["prev (subset)"] = summarise(sub, _load(d / "results-prev.json"))
    print(f"hostile benchmark: {sum(1 for c in cases if c['expect'] != 'partial')} inputs + 1 mixed folder, "
          f"each through `triage` and `claims`; time limit {LIMIT_S:g} s CPU (+2), clock backstop {WALL_S:g} s (+2), RSS limit {RSS_LIMIT_MB} MB")
    _print(summaries)
    return 0 if not summaries["this tree"]["failures"] else 1


def _print(summaries: dict) -> None:
    labels = list(summaries)
    keys = sorted(set().union(*(s["outcomes"] for s in summaries.values())))
    w = max(len(k) for k in keys) + 2
    print("\noutcome".ljust(w + 1) + "".join(f"{lab:>14}" for lab in labels))
    for k in keys:
        print(k.ljust(w) + "".join(f"{summaries[lab]['outcomes'].get(k, 0):>14}" for lab in labels))
    rows = [
        ("runs", lambda s: s["runs"]),
        ("tracebacks", lambda s: s["failure_kinds"].get("traceback", 0)),
        ("hangs (killed)", lambda s: s["failure_kinds"].get("hang", 0)),
        ("memory-killed (>4 GB)", lambda s: s["failure_kinds"].get("memory-killed", 0)),
        (f"over {LIMIT_S + 2:g} s CPU", lambda s: s["failure_kinds"].get("cpu", 0)),
        (f"over {WALL_S + 2:g} s wall", lambda s: s["failure_kinds"].get("wall", 0)),
        (f"(over {LIMIT_S + 2:g} s wall)", lambda s: s["failure_kinds"].get("slow wall", 0)),
        (f"(... of them <= {LIMIT_S + 2:g} s CPU)", lambda s: s["failure_kinds"].get("slow wall, cpu ok", 0)),
        (f"over {RSS_LIMIT_MB} MB RSS", lambda s: s["failure_kinds"].get("RSS", 0)),
        ("silent wrong successes", lambda s: sum(v for k, v in s["failure_kinds"].items() if k.startswith("silent"))),
        ("good drafts refused", lambda s: s["failure_kinds"].get("good draft refused", 0)),
        ("mixed folder misses", lambda s: sum(v for k, v in s["failure_kinds"].items() if k.startswith("mixed"))),
        ("worst wall s", lambda s: f"{s['worst_wall']['wall']:.2f}"),
        ("worst CPU s", lambda s: f"{s['worst_cpu']['cpu']:.2f}"),
        ("worst peak RSS MB", lambda s: f"{s['worst_rss']['rss_mb']:.0f}"),
    ]
    print()
    for name, get in rows:
        print(name.ljust(w) + "".join(f"{get(summaries[lab])!s:>14}" for lab in labels))
    for lab in labels:
        s = summaries[lab]
        print(f"\n{lab}: worst wall {s['worst_wall']['case']} ({s['worst_wall']['command']}), "
              f"worst RSS {s['worst_rss']['case']} ({s['worst_rss']['command']})")
        for case, command, problems in s["failures"][:40]:
            print(f"  FAIL {command:7} {case.encode('utf-8', 'backslashreplace').decode()[:60]:60} {'; '.join(problems)}")
        if len(s["failures"]) > 40:
            print(f"  ... and {len(s['failures']) - 40} more")


if __name__ == "__main__":
    sys.exit(main())
