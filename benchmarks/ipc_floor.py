"""The IPC suggestions' confidence floor (workbench/classify/suggest_floor.py): chosen on the
calibration split of the office-coded records, then measured on the 140 uspto-grants with the
previous release in the same run.

1. Calibration split (first claims and drone titles; never the test split, never the grants):
   each record's suggestions as the engine ranks them (``Engine.assess`` on its text, the unit a
   short record is screened as). For each floor on a 0.005 grid: the share of records whose first
   suggestion reaches it, and of those the share whose first suggestion is an office subclass
   (top-1) and whose first three kept meet one (top-3). The floor chosen is the lowest at which
   that top-1 share is >= FLOOR_PRECISION in every source; it is compared with the shipped
   CONFIDENCE_FLOOR.
2. The 140 uspto-grants screened as text (``triage.screen_text``, no printed codes given), each tree
   in its own process: the share that gets a suggestion, and top-1 / top-3 subclass accuracy over
   all 140 (a withheld suggestion is not right) and over the drafts that get one - with the floor,
   without it, and the previous release as it shipped (it lists every suggestion).
3. The bundled examples: what each lists with the floor.

Usage: nice -n 10 .venv/bin/python -m benchmarks.ipc_floor [--prev /tmp/prev]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GRID = [round(0.05 + 0.005 * i, 3) for i in range(91)]  # 0.05 .. 0.50


def worker(inp: str, out: str) -> int:
    """Inside the measured tree: each item's suggestions (code, shown confidence) as its screen ranks them."""
    from workbench import triage

    eng = triage.get_engine()
    items = json.loads(Path(inp).read_text(encoding="utf-8"))
    res = {}
    for it in items:
        if it["kind"] == "record":
            a = eng.assess([it["text"]])[0]
            ipc = a.ipc
        elif it["kind"] == "path":
            from workbench.ingest import read_draft

            ipc = triage.screen_draft(read_draft(it["path"]), engine=eng).ipc
        else:
            ipc = triage.screen_text(it["text"], engine=eng).ipc
        res[it["key"]] = [[s.code, float(s.score)] for s in ipc]
    Path(out).write_text(json.dumps({"results": res, "model": eng.model_version}), encoding="utf-8")
    return 0


def run_tree(root: Path, items: list[dict], label: str) -> dict:
    from benchmarks.trees import run_worker  # here, not at the top: the worker runs in the measured tree

    d, _, seconds = run_worker(root, __file__, items, label)
    print(f"  {label}: {root}; model {d['model']}, {len(items)} texts in {seconds:.0f} s")
    return d["results"]


def kept(ipc: list, floor: float | None, at_most: int = 5) -> list[str]:
    return [c[:4] for c, s in ipc if floor is None or s >= floor][:at_most]


def figures(lists: list[list[str]], gold: list[set[str]]) -> dict:
    n = len(gold)
    got = [i for i in range(n) if lists[i]]
    t1 = sum(bool(lists[i]) and lists[i][0] in gold[i] for i in range(n))
    t3 = sum(bool(set(lists[i][:3]) & gold[i]) for i in range(n))
    return {"shown": len(got) / n if n else float("nan"), "top1": t1 / n if n else float("nan"), "top3": t3 / n if n else float("nan"),
            "top1_shown": t1 / len(got) if got else float("nan"), "top3_shown": t3 / len(got) if got else float("nan"), "n": n}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.environ.get("WORKBENCH_SHARED_DATA") or str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--prev", default="/tmp/prev")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from workbench.classify import data as D
    from workbench.classify.fulltext import load_grants
    from workbench.classify.suggest_floor import CONFIDENCE_FLOOR, FLOOR_PRECISION

    data = Path(args.data)
    titles = D.load_title_table(data)
    recs = [r for r in D.load_records(data, {k for k in titles if len(k) == 4}) if r.split == "calib"]
    grants = load_grants(data)
    examples = sorted((ROOT / "workbench" / "examples").glob("*.txt"))
    items = [{"key": f"rec|{i}", "kind": "record", "text": r.text} for i, r in enumerate(recs)]
    items += [{"key": f"grant|{d.id}", "kind": "text", "text": d.text(None)} for d in grants]
    items += [{"key": f"ex|{p.name}", "kind": "path", "path": str(p)} for p in examples]
    trees = {"current": ROOT}
    if Path(args.prev, "workbench").is_dir():
        trees["previous"] = Path(args.prev)
    else:
        print(f"  previous release not found at {args.prev}: its column is left out")
    res = {name: run_tree(root, items if name == "current" else [x for x in items if not x["key"].startswith("rec|")], name)
           for name, root in trees.items()}
    cur = res["current"]

    # 1. the floor, on the calibration split only
    gold_r = [{c[:4] for c in (r.subclasses or r.codes)} for r in recs]
    sources = sorted({r.source for r in recs})
    print(f"\n== calibration split of the records: {len(recs)} (" + ", ".join(f"{s} {sum(r.source == s for r in recs)}" for s in sources) + ")")
    print(f"   {'floor':>6}" + "".join(f"  {s + ': shown':>14} {'top-1':>6} {'top-3':>6}" for s in sources))
    chosen = None
    for f in GRID:
        row, ok = [], True
        for s in sources:
            idx = [i for i, r in enumerate(recs) if r.source == s]
            fig = figures([kept(cur[f"rec|{i}"], f) for i in idx], [gold_r[i] for i in idx])
            row.append(fig)
            ok = ok and fig["top1_shown"] == fig["top1_shown"] and fig["top1_shown"] >= FLOOR_PRECISION
        if ok and chosen is None:
            chosen = f
        if f in (0.05, 0.07, 0.08, 0.085, 0.09, 0.095, 0.1, 0.12, 0.15, 0.2, 0.3, 0.4, 0.5) or f == chosen:
            print(f"   {f:>6.3f}" + "".join(f"  {x['shown']:>14.3f} {x['top1_shown']:>6.3f} {x['top3_shown']:>6.3f}" for x in row)
                  + ("   <- lowest with top-1 >= %.2f in every source" % FLOOR_PRECISION if f == chosen else ""))
    print(f"   chosen floor {chosen}; shipped CONFIDENCE_FLOOR {CONFIDENCE_FLOOR}"
          + ("" if chosen == CONFIDENCE_FLOOR else "   ** differs: set suggest_floor.CONFIDENCE_FLOOR to the chosen value **"))

    # 2. the 140 grants
    gold_g = [{c[:4] for c in d.codes} for d in grants]
    print(f"\n== 140 uspto-grants as text (office subclasses; never used to choose the floor): {len(grants)}")
    print(f"   {'':<34}{'shown':>7}{'top-1':>8}{'top-3':>8}   {'top-1 | shown':>14}{'top-3 | shown':>14}")
    variants = [("current, with the floor", "current", CONFIDENCE_FLOOR), ("current, without it", "current", None)]
    if "previous" in res:
        variants.append(("previous release (0afbe34), as shipped", "previous", None))
    for label, tree, floor in variants:
        fig = figures([kept(res[tree][f"grant|{d.id}"], floor) for d in grants], gold_g)
        print(f"   {label:<34}{fig['shown']:>7.3f}{fig['top1']:>8.3f}{fig['top3']:>8.3f}   {fig['top1_shown']:>14.3f}{fig['top3_shown']:>14.3f}")

    # 3. the bundled examples
    print("\n== bundled examples: what the screen lists with the floor (current)")
    for p in examples:
        lst = [f"{c} {s:.2f}" for c, s in cur[f"ex|{p.name}"] if s >= CONFIDENCE_FLOOR][:5]
        best = cur[f"ex|{p.name}"][:1]
        print(f"   {p.name:<36} " + (", ".join(lst) if lst else f"(no confident suggestion; best {best[0][0]} {best[0][1]:.2f})" if best else "(none)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
