"""Screening quality on real FULL drafts, held out by publication id, with the previous
release and a keyword-list baseline in the same run.

Drafts (read from ../shared/data, never copied):
  - fulltext/us_grants_reviewed: reviewed-sensitive drafts (a reviewer's labels; recall is on
    high + medium confidence, low confidence reported apart) and the reviewed non-sensitive
    ones (hard negatives: military owners, near-miss topics);
  - fulltext/us_grants_portfolio: a broad portfolio (near-certain negatives);
  - uspto-grants: 140 office-coded civilian grants with all their claims, screened as text
    (their printed IPC is NOT given to the screen here; a second line gives them as XML with
    the printed codes, as a user reading the office file would).
The split is a hash of the publication id (workbench/classify/fulltext.py): only the test split
(25 %) is printed unless --split says otherwise; the model never trained or calibrated on it
(the 140 grants are never trained on at all).

Every figure is printed twice: with the full text, and with each description cut to its first
15,000 characters (a length-matched check: the sets' lengths differ).

Methods: the current tree, the previous release (a worktree of it: --prev, default
/tmp/prev-screening, e.g. `git worktree add /tmp/prev-screening 0ec98ae`), each run in its own
process through its own `workbench.triage.screen_text`, and (c) a keyword list: the rule set's
English evidence terms (review when any is found, likely when a field has >= 2 distinct terms).

Also: the office-coded short records (titles, first claims; test split by text hash): AUC and
what the default does with them; IPC subclass top-1/top-3 of the 140 grants against their
office codes; the bundled examples' levels.

Usage: .venv/bin/python -m benchmarks.quality_drafts [--prev /tmp/prev-screening] [--split test]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CUT = 15_000


# ---------------------------------------------------------------------------------------
# worker: runs inside the tree being measured (its own workbench package on sys.path)
def worker(inp: str, out: str) -> int:
    from workbench import triage
    from workbench.ingest import read_draft

    import workbench

    eng = triage.get_engine()
    print("worker: workbench from", Path(workbench.__file__).parent, file=sys.stderr)
    items = json.loads(Path(inp).read_text(encoding="utf-8"))
    res = []
    t0 = time.perf_counter()
    for it in items:
        if it.get("path"):
            v = triage.screen_draft(read_draft(it["path"]), engine=eng)
        else:
            v = triage.screen_text(it["text"], engine=eng)
        top = v.top_field
        res.append(
            {
                "key": it["key"],
                "level": v.level,
                "p": float(top.likelihood) if top else 0.0,
                "field": int(top.field_id) if top else None,
                "ipc": [s.code[:4] for s in v.ipc][:8],
            }
        )
    Path(out).write_text(json.dumps({"results": res, "seconds": time.perf_counter() - t0, "model": eng.model_version}), encoding="utf-8")
    return 0


def run_tree(root: Path, items: list[dict], label: str, cache: bool = False) -> dict:
    """Screen ``items`` in a fresh process of the tree at ``root``. With ``cache`` (the previous
    release, which does not change) the results are kept under the system's temp folder, keyed by
    the tree's commit and the items."""
    import hashlib

    key = None
    if cache:
        head = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
        key = Path(tempfile.gettempdir(), "quality_drafts_cache",
                   hashlib.sha256((head + json.dumps(items, sort_keys=True)).encode()).hexdigest()[:24] + ".json")
        if head and key.is_file():
            d = json.loads(key.read_text(encoding="utf-8"))
            print(f"  {label}: {root} at {head[:7]}; model {d['model']} (cached results of an earlier run)")
            return {x["key"]: x for x in d["results"]}
    from benchmarks.trees import run_worker  # here, not at the top: the worker runs in the measured tree

    d, stderr, seconds = run_worker(root, __file__, items, label)
    where = [ln for ln in stderr.splitlines() if ln.startswith("worker: workbench from")]
    print(f"  {label}: {where[-1][8:] if where else ''}; model {d['model']}, {len(items)} texts in {seconds:.0f} s")
    if key is not None:
        key.parent.mkdir(parents=True, exist_ok=True)
        key.write_text(json.dumps(d), encoding="utf-8")
    return {x["key"]: x for x in d["results"]}


# ---------------------------------------------------------------------------------------
def keyword_levels(rs, texts: dict[str, str]) -> dict:
    out = {}
    for k, t in texts.items():
        per: dict[int, set] = {}
        for h in rs.find_terms(t, "en"):
            per.setdefault(int(h.field_id), set()).add(h.term.lower())
        n = max((len(v) for v in per.values()), default=0)
        out[k] = {"level": "likely" if n >= 2 else ("review" if n >= 1 else "clear"), "p": float(n), "field": None, "ipc": []}
    return out


def auc(p, y) -> float:
    from sklearn.metrics import roc_auc_score

    y = np.asarray(y, bool)
    return float(roc_auc_score(y, p)) if 0 < y.sum() < len(y) else float("nan")


def share(xs) -> float:
    xs = list(xs)
    return sum(xs) / len(xs) if xs else float("nan")


def draft_figures(drafts, res) -> dict:
    """The issue's figures for one method on one variant."""
    lv = {d.id: res[d.id]["level"] for d in drafts}
    sens_hm = [d for d in drafts if d.source == "reviewed" and d.sensitive and d.confidence in ("high", "medium")]
    sens_low = [d for d in drafts if d.source == "reviewed" and d.sensitive and d.confidence == "low"]
    hard = [d for d in drafts if d.source == "reviewed" and not d.sensitive]
    port = [d for d in drafts if d.source == "portfolio"]
    grants = [d for d in drafts if d.source == "grants"]
    likely = [d for d in drafts if lv[d.id] == "likely" and d.source != "grants"]
    # precision of "likely" at ~1 % prevalence: sensitive recall-to-likely x 1 % against the
    # negatives' likely rate (portfolio and hard negatives pooled as they come) x 99 %
    neg = hard + port
    tpr = share(lv[d.id] == "likely" for d in sens_hm)
    fpr = share(lv[d.id] == "likely" for d in neg)
    prec1 = (0.01 * tpr) / (0.01 * tpr + 0.99 * fpr) if (tpr + fpr) > 0 else float("nan")
    scored = [d for d in drafts if d.source in ("reviewed", "portfolio") and (not d.sensitive or d.confidence in ("high", "medium"))]
    return {
        "recall_hm": share(lv[d.id] != "clear" for d in sens_hm),
        "n_hm": len(sens_hm),
        "recall_low": share(lv[d.id] != "clear" for d in sens_low),
        "likely_hm": share(lv[d.id] == "likely" for d in sens_hm),
        "likely_prec": share(d.sensitive for d in likely),
        "n_likely": len(likely),
        "likely_prec_1pct": prec1,
        "hard_clear": share(lv[d.id] == "clear" for d in hard),
        "port_clear": share(lv[d.id] == "clear" for d in port),
        "grants_clear": share(lv[d.id] == "clear" for d in grants),
        "auc": auc([res[d.id]["p"] for d in scored], [d.sensitive for d in scored]),
        "auc_hard": auc([res[d.id]["p"] for d in scored if d.source == "reviewed"], [d.sensitive for d in scored if d.source == "reviewed"]),
    }


ROWS = (
    ("recall_hm", "recall of reviewed-sensitive (high+medium), review or likely", ">= 0.97"),
    ("recall_low", "  the same, low-confidence sensitive (uncertain labels)", "-"),
    ("port_clear", "broad portfolio clear", ">= 0.90"),
    ("likely_hm", "sensitive (high+medium) likely", ">= 0.60"),
    ("likely_prec", "share of all likely that are sensitive (test mix)", ">= 0.80"),
    ("likely_prec_1pct", "  the same at 1 % prevalence", "-"),
    ("hard_clear", "reviewed non-sensitive (hard negatives) clear", ">= 0.60"),
    ("grants_clear", "140 uspto-grants clear (as text, no codes)", ">= 0.90"),
    ("auc", "AUC, reviewed + portfolio", "-"),
    ("auc_hard", "AUC, reviewed only (hard)", "-"),
)


def print_table(title: str, figs: dict[str, dict]):
    names = list(figs)
    print(f"\n== {title}")
    print(f"   {'figure':<62}{'target':>9}" + "".join(f"{n:>14}" for n in names))
    for key, label, target in ROWS:
        print(f"   {label:<62}{target:>9}" + "".join(f"{figs[n][key]:>14.3f}" for n in names))
    n = figs[names[0]]
    print(f"   (n: sensitive high+medium {n['n_hm']}; likely counts " + ", ".join(f"{k} {figs[k]['n_likely']}" for k in names) + ")")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.environ.get("WORKBENCH_SHARED_DATA") or str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--prev", default="/tmp/prev-screening")
    ap.add_argument("--split", default="test", choices=("test", "calib", "train"))
    ap.add_argument("--limit", type=int, default=0, help="at most this many fulltext drafts (quick looks)")
    ap.add_argument("--only-previous", action="store_true", help="run (and cache) the previous release only")
    ap.add_argument("--no-cut", action="store_true", help="skip the 15,000-character variant")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from workbench.classify import data as D
    from workbench.classify.fulltext import load_fulltext, load_grants
    from workbench.rules import get_ruleset

    data = Path(args.data)
    t0 = time.time()
    drafts = [d for d in load_fulltext(data) if d.split == args.split]
    if args.limit:
        drafts = drafts[: args.limit]
    grants = load_grants(data)
    drafts_all = drafts + grants
    print(f"full drafts, {args.split} split: {sum(d.source == 'reviewed' for d in drafts)} reviewed "
          f"({sum(d.sensitive for d in drafts)} sensitive), {sum(d.source == 'portfolio' for d in drafts)} portfolio; "
          f"{len(grants)} uspto-grants (never trained on)")
    variants = [("full", None)] + ([] if args.no_cut else [("cut", CUT)])
    items = []
    texts: dict[str, dict[str, str]] = {}
    for vname, cut in variants:
        texts[vname] = {}
        for d in drafts_all:
            t = d.text(cut)
            texts[vname][d.id] = t
            items.append({"key": f"{vname}|{d.id}", "text": t})
    for d in grants:
        items.append({"key": f"xml|{d.id}", "path": d.extra["path"]})
    # the office-coded short records, test split by text hash (as benchmarks/quality.py)
    titles = D.load_title_table(data)
    recs = [r for r in D.load_records(data, {k for k in titles if len(k) == 4}) if r.split == args.split]
    rs = get_ruleset()
    from workbench.classify.train import sensitive_fields

    y_rec = np.array([bool(sensitive_fields(rs, r.codes, r.text)) for r in recs])
    for i, r in enumerate(recs):
        items.append({"key": f"rec|{i}", "text": r.text})
    examples = sorted((ROOT / "workbench" / "examples").glob("*.txt"))
    for p in examples:
        items.append({"key": f"ex|{p.name}", "path": str(p)})

    trees = {} if args.only_previous else {"current": ROOT}
    if args.prev and Path(args.prev, "workbench").is_dir():
        trees["previous"] = Path(args.prev)
    else:
        print(f"  previous release not found at {args.prev}: its columns are left out")
    results = {}
    for name, root in trees.items():
        results[name] = run_tree(root, items, name, cache=(name == "previous"))
    if args.only_previous:
        return 0
    methods = list(trees) + ["keywords"]
    for vname, cut in variants:
        kw = keyword_levels(rs, texts[vname])
        figs = {}
        for m in methods:
            res = kw if m == "keywords" else {k.split("|", 1)[1]: v for k, v in results[m].items() if k.startswith(vname + "|")}
            figs[m] = draft_figures(drafts_all, res)
        print_table(f"{args.split} split, {'full text' if cut is None else f'descriptions cut to {cut:,} characters'}", figs)
    print("\n== 140 uspto-grants read from their XML (the printed office IPC given to the screen as known codes)")
    for m in trees:
        lv = [results[m][f"xml|{d.id}"]["level"] for d in grants]
        print(f"   {m:<12} clear {share(x == 'clear' for x in lv):.3f}  review {share(x == 'review' for x in lv):.3f}  likely {share(x == 'likely' for x in lv):.3f}")
    print("\n== IPC subclass suggestions on the 140 uspto-grants (office codes; draft read as text)")
    for m in trees:
        top1 = share(results[m][f"full|{d.id}"]["ipc"][:1] and results[m][f"full|{d.id}"]["ipc"][0] in {c[:4] for c in d.codes} for d in grants)
        top3 = share(bool(set(results[m][f"full|{d.id}"]["ipc"][:3]) & {c[:4] for c in d.codes}) for d in grants)
        print(f"   {m:<12} top-1 {top1:.3f}  top-3 {top3:.3f}")
    print(f"\n== office-coded short records ({args.split} split: {len(recs)} titles / first claims, {int(y_rec.sum())} sensitive by office codes)")
    for m in trees:
        p = [results[m][f"rec|{i}"]["p"] for i in range(len(recs))]
        lv = [results[m][f"rec|{i}"]["level"] for i in range(len(recs))]
        print(f"   {m:<12} AUC {auc(p, y_rec):.3f}  clear {share(x == 'clear' for x in lv):.3f}  review {share(x == 'review' for x in lv):.3f}  "
              f"likely {share(x == 'likely' for x in lv):.3f}  recall(not clear) {share(lv[i] != 'clear' for i in range(len(recs)) if y_rec[i]):.3f}")
    print("\n== bundled examples (workbench/examples)")
    for p in examples:
        print(f"   {p.name:<40}" + "".join(f"{m}: {results[m][f'ex|{p.name}']['level']:<7} {results[m][f'ex|{p.name}']['p']:.4f}   " for m in trees))
    print(f"\nelapsed {time.time() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
