"""Claim extraction accuracy and speed on real patent text, this tree against the
previous release side by side in one run. Prints its figures.

    .venv/bin/python -m benchmarks.claims_accuracy [--prev /tmp/prev] [--repeat N]

``--prev`` is a checkout of the previous release (``git worktree add /tmp/prev 0ec98ae``);
it is measured by the same child process (``benchmarks/claims_worker.py``) on the same
rendered files, with its own ``workbench`` first on ``PYTHONPATH``.

1. All 152 real USPTO publications (``uspto-xml`` 12 + ``uspto-grants`` 140), rendered as a
   drafter's TXT, DOCX and PDF (``benchmarks/corpus.py``), read with ``read_draft`` and
   split with ``extract_claims``, compared with the office's own claim structure
   (``<claim-ref>`` markup): % of documents with exactly the office's claim numbers;
   dependency links right (recall over the office's links, precision over ours), per
   format; every miss, grouped by the form of the reference in the office's claim text.
2. Speed: claims/s of ``extract_claims`` alone on those drafts (warm: pipelines loaded,
   files read), of ``split_claims`` on the 1,000 real first claims
   (``patents/first_claims_cpc.jsonl``), and Japanese on the bundled JPO-format example
   (written for the project - there is no real Japanese patent text here).
3. The real first claims: one independent claim 1 with a preamble, a transition and a
   category (this tree only).
4. The same real claims re-laid out the ways drafts come (all on one line, "1)" labels,
   "Claim 1." labels, the label alone on its line, wrapped at 70 columns), split from text.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.corpus import SOURCES, default_cache_dir, render_corpus, shared_data_dir
from benchmarks.layouts import TEXT_LAYOUTS
from workbench.claims import split_claims
from workbench.claims.analysis import analysis_of
from workbench.claims.pipeline import analyse, get_pipeline
from workbench.ingest.uspto_xml import parse_publication

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("txt", "docx", "pdf")
TARGET_COUNT = 100.0
TARGET_LINKS = 99.5
JA_EXAMPLE = ROOT / "workbench" / "examples" / "draft_ja_quantum_dot_detector.txt"


def _blocks(pub) -> list[tuple[str, str]]:
    """(label, whole claim text on one line) of each claim of a parsed publication."""
    out = []
    for c in pub.claims:
        first, *rest = c.lines or ((0, ""),)
        out.append((c.label, " ".join([first[1], *(t for _, t in rest)])))
    return out


LAYOUTS = {
    "one_line": lambda b: " ".join(f"{label}. {text}" for label, text in b),
    "paren_labels": lambda b: "\n".join(f"{label}) {text}" for label, text in b),
    "claim_word": lambda b: "\n\n".join(f"Claim {label}. {text}" for label, text in b),
    "label_own_line": lambda b: "\n".join(f"{label}.\n{text}" for label, text in b),
    "wrapped_70": lambda b: "\n".join(re.sub(r"(.{1,70})(\s|$)", r"\1\n", f"{label}. {text}") for label, text in b),
}


def layout_text(pub, layout: str) -> str:
    if layout in TEXT_LAYOUTS:
        return TEXT_LAYOUTS[layout](pub)
    return "What is claimed is:\n" + LAYOUTS[layout](_blocks(pub)) + "\n\nAbstract\n\n" + " ".join(pub.abstract)


ALL_LAYOUTS = (*LAYOUTS, *(name for name in TEXT_LAYOUTS if name != "uspto"))



def _pct(a: int, b: int) -> float:
    return 100.0 * a / b if b else float("nan")


# -- the form of a reference, for grouping misses ---------------------------------------
_REF = re.compile(
    r"(?i)\bclaims?\s*\d+(?:\s*(?:,|and/or|or|and|to|through|-|\u2013)\s*(?:claims?\s*)?\d+)*"
)


def reference_form(text: str, target: int) -> str:
    """How claim ``text`` names claim ``target``: where (start / body / end) and in which
    words ("of claim N", "any of claims N, N, ... and N"), digits replaced by N."""
    for m in _REF.finditer(text):
        if target not in [int(x) for x in re.findall(r"\d+", m.group(0))]:
            continue
        before = text[max(0, m.start() - 30) : m.start()]
        lead = re.search(r"(?i)((?:\b(?:according|as|in|of|to|by|any|one|the|preceding|with|from|under|recited|claimed|defined|set|forth|under)\b\s*)+)$", before)
        words = (lead.group(1).strip() + " " if lead else "") + m.group(0)
        shape = re.sub(r"\d+", "N", words.lower())
        shape = re.sub(r"N(?:\s*,\s*N){2,}", "N, N, ..., N", shape)
        shape = re.sub(r"\s+", " ", shape)
        where = "start" if m.start() < 80 and not re.search(r"(?i)\b(comprising|wherein|consisting)\b", text[: m.start()]) else (
            "end" if len(text) - m.end() < 40 else "body")
        return f"{where}: {shape}"
    return "no reference in the office text"


# -- the corpus and the child-process measurements ------------------------------------
def build_job(shared: Path, cache: Path, repeat: int) -> tuple[dict, list, dict, list[dict]]:
    docs = render_corpus(shared, cache, SOURCES)
    job_docs = []
    layouts = {}
    layout_files = {}
    pubs = {}
    for doc in docs:
        pub = parse_publication(doc.xml)
        pubs[doc.name] = pub
        for fmt in FORMATS:
            job_docs.append({"key": f"{doc.name}.{fmt}", "path": str(getattr(doc, fmt))})
        for layout in LAYOUTS:  # claims re-laid out: split from the text
            layouts[f"{doc.name}:{layout}"] = layout_text(pub, layout)
        for layout in TEXT_LAYOUTS:  # whole drafts in a layout: written to a file and read as a user's file
            if layout == "uspto":
                continue
            path = cache / f"{doc.txt.stem}.{layout}.txt"
            path.write_text(layout_text(pub, layout), encoding="utf-8")
            layout_files[f"{doc.name}:{layout}"] = str(path)
    with (shared / "patents" / "first_claims_cpc.jsonl").open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    job = {
        "docs": job_docs,
        "layouts": layouts,
        "layout_files": layout_files,
        "repeat": repeat,
        "first_claims": [r["text"] for r in records],
        "ja_drafts": [str(JA_EXAMPLE)],
    }
    return job, docs, pubs, records


def measure(job: dict, root: Path) -> dict:
    """Run the worker with ``root``'s workbench first on the path."""
    env = dict(os.environ, PYTHONPATH=str(root))
    worker = ROOT / "benchmarks" / "claims_worker.py"
    proc = subprocess.run(
        [sys.executable, "-P", str(worker)] if sys.version_info >= (3, 11) else [sys.executable, str(worker)],
        input=json.dumps(job), capture_output=True, text=True, env=env, cwd=str(root), check=False,
    )
    if proc.returncode:
        raise SystemExit(f"claims worker failed for {root}:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout)


CORRECTIONS = ROOT / "benchmarks" / "claims_truth_corrections.json"


def load_corrections() -> dict[tuple[str, int], dict]:
    data = json.loads(CORRECTIONS.read_text(encoding="utf-8"))
    return {(c["file"], c["claim"]): c for c in data["corrections"]}


def corrected_truth(doc, corrections: dict) -> tuple[list, set[int]]:
    """The office's (claim, parents) with the audited corrections applied, and the claims excluded."""
    truth, excluded = [], set()
    for n, deps in doc.truth:
        c = corrections.get((doc.xml.name, n))
        if c and c.get("exclude"):
            excluded.add(n)
        truth.append((n, tuple(sorted(c["depends_on"])) if c and "depends_on" in c else tuple(sorted(deps))))
    return truth, excluded


def score(result: dict, docs, pubs, corrections: dict | None = None) -> dict:
    per_fmt = {fmt: collections.Counter() for fmt in FORMATS}
    misses: dict[str, list[str]] = collections.defaultdict(list)
    count_misses: list[str] = []
    for doc in docs:
        truth, excluded = corrected_truth(doc, corrections or {})
        t_links = {(n, p) for n, deps in truth for p in deps if n not in excluded}
        texts = {c.number: c.text for c in pubs[doc.name].claims}
        for fmt in FORMATS:
            key = f"{doc.name}.{fmt}"
            c = per_fmt[fmt]
            c["documents"] += 1
            got = result["docs"].get(key)
            if got is None:
                count_misses.append(f"{key}: refused ({result['errors'].get(key, '?')})")
                got = []
            if [n for n, _ in got] == [n for n, _ in truth]:
                c["exact"] += 1
            elif key not in result["errors"]:
                count_misses.append(f"{key}: {len(got)} claims {[n for n, _ in got][:8]}..., office {len(truth)}")
            if not doc.deps_marked:
                continue
            g_links = {(n, p) for n, deps in got for p in deps if n not in excluded}
            c["office_links"] += len(t_links)
            c["found"] += len(t_links & g_links)
            c["ours"] += len(g_links)
            for n, p in sorted(t_links - g_links):
                misses["missed " + reference_form(texts.get(n, ""), p)].append(f"{doc.name}.{fmt} {n}->{p}")
            for n, p in sorted(g_links - t_links):
                misses["extra " + reference_form(texts.get(n, ""), p)].append(f"{doc.name}.{fmt} {n}->{p}")
    total = collections.Counter()
    for c in per_fmt.values():
        total.update(c)
    return {"per_format": per_fmt, "total": total, "misses": misses, "count_misses": count_misses}


def layout_score(result: dict, docs, corrections: dict, layouts=ALL_LAYOUTS) -> dict:
    exact = total = links = right = 0
    for doc in docs:
        truth, excluded = corrected_truth(doc, corrections)
        t_links = {(n, p) for n, deps in truth for p in deps if n not in excluded}
        for layout in layouts:
            got = result["layouts"].get(f"{doc.name}:{layout}", [])
            total += 1
            exact += [n for n, _ in got] == [n for n, _ in truth]
            if doc.deps_marked:
                g_links = {(n, p) for n, deps in got for p in deps if n not in excluded}
                links += len(t_links | g_links)
                right += len(t_links & g_links)
    return {"documents": total, "exact_count_pct": _pct(exact, total), "links_right_pct": _pct(right, links)}


def first_claims_ok(result: dict) -> float:
    claims = result.get("first_claims", [])
    return _pct(sum(c == [[1, []]] for c in claims), len(claims))


def _fmt_links(c) -> str:
    return f"recall {_pct(c['found'], c['office_links']):5.1f}%  precision {_pct(c['found'], c['ours']):5.1f}%"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="timing repetitions (default 3)")
    ap.add_argument("--prev", type=Path, default=None, help="checkout of the previous release to measure side by side")
    ap.add_argument("--cache", type=Path, default=None, help="where rendered drafts are cached (default benchmarks/.cache/corpus)")
    ap.add_argument("--fresh", action="store_true", help="render into a new temporary folder")
    ap.add_argument("--misses", type=int, default=6, help="examples printed per miss form (default 6)")
    args = ap.parse_args(argv)
    shared = shared_data_dir()
    if not shared.is_dir():
        print(f"real patent data not found at {shared} (set WORKBENCH_SHARED_DATA)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) if args.fresh else (args.cache or default_cache_dir())
        job, docs, pubs, records = build_job(shared, cache, args.repeat)
        runs = [("this tree", ROOT)]
        if args.prev:
            runs.insert(0, ("previous release", args.prev.resolve()))
        results = {name: measure(job, root) for name, root in runs}
    corrections = load_corrections()
    raw = {name: score(r, docs, pubs) for name, r in results.items()}
    scores = {name: score(r, docs, pubs, corrections) for name, r in results.items()}
    names = [name for name, _ in runs]
    cur = scores["this tree"]

    n_pub = len(docs)
    n_marked = sum(d.deps_marked for d in docs)
    print("Claim extraction on real USPTO publications (office <claim-ref> structure as truth)")
    print(f"  publications: {n_pub} ({', '.join(SOURCES)}; {n_marked} with dependency markup) x {len(FORMATS)} formats = {n_pub * len(FORMATS)} documents;"
          f" {cur['total']['office_links'] // len(FORMATS)} office links per format")
    width = max(len(n) for n in names)
    print(f"  against the office's <claim-ref> markup as is:")
    for name in names:
        t = raw[name]["total"]
        print(f"  [{name:<{width}}] exact claim numbers {_pct(t['exact'], t['documents']):5.1f}%; links {_fmt_links(t)}")
    print(f"  against the markup with the {len(corrections)} audited corrections of {CORRECTIONS.name}"
          " (ranges the office marked by their first claim only, two unmarked references, one claim citing itself):")
    for name in names:
        s = scores[name]
        t = s["total"]
        print(f"  [{name:<{width}}] exact claim numbers {_pct(t['exact'], t['documents']):5.1f}% (target {TARGET_COUNT:.0f}%);"
              f" links {_fmt_links(t)} (target >= {TARGET_LINKS}%)")
        for fmt in FORMATS:
            c = s["per_format"][fmt]
            print(f"  [{name:<{width}}]   {fmt:<4} exact {_pct(c['exact'], c['documents']):5.1f}%  links {_fmt_links(c)}  misses {c['office_links'] - c['found'] + c['ours'] - c['found']}")
    print("Speed (warm; claims per CPU second, best of --repeat rounds; same files, one run)")
    for name in names:
        r = results[name]
        print(f"  [{name:<{width}}] EN drafts {r['en_claims_per_s']:7,.0f} claims/s ({r['en_claims_timed']} claims);"
              f" EN first claims {r.get('first_claims_per_s', float('nan')):7,.0f} claims/s;"
              f" JA example {r.get('ja_claims_per_s', float('nan')):7,.0f} claims/s; pipelines load {r['load_s']:.2f} s")
    if args.prev:
        p, c = results["previous release"], results["this tree"]
        print(f"  ratio this/previous: EN drafts {c['en_claims_per_s'] / p['en_claims_per_s']:.2f}x,"
              f" EN first claims {c['first_claims_per_s'] / p['first_claims_per_s']:.2f}x, JA {c['ja_claims_per_s'] / p['ja_claims_per_s']:.2f}x")
    for name in names:
        s = scores[name]
        print(f"Misses of {name} (against the corrected markup), by the form of the reference in the office's claim text")
        if not s["misses"] and not s["count_misses"]:
            print("  none")
        for line in s["count_misses"]:
            print(f"  CLAIM NUMBERS {line}")
        for form, where in sorted(s["misses"].items(), key=lambda kv: (-len(kv[1]), kv[0])):
            by_fmt = collections.Counter(w.split(" ")[0].rsplit(".", 1)[1] for w in where)
            fmts = ", ".join(f"{f} {by_fmt[f]}" for f in FORMATS if by_fmt[f])
            shown = "; ".join(where[: args.misses]) + (" ..." if len(where) > args.misses else "")
            print(f"  {len(where):4d}  {form}  ({fmts})  e.g. {shown}")
    f = first_claim_figures(records)
    print("Real first claims of US grants (patents/first_claims_cpc.jsonl), this tree")
    for name in names:
        print(f"  [{name:<{width}}] split as exactly one independent claim 1: {first_claims_ok(results[name]):.1f}%")
    print(f"  non-empty preamble: {f['preamble_pct']:.1f}%; transitional phrase found: {f['transition_pct']:.1f}%")
    print(f"  category not 'other': {f['not_other_pct']:.1f}%  categories: {f['categories']}")
    print(f"  category read from: {f['category_source']} (default = unknown product noun -> apparatus)")
    print(f"Real claims in {len(ALL_LAYOUTS)} more layouts (the first {len(LAYOUTS)} split from the claims text, the others"
          " whole drafts read from a file); links: right / union of office and ours")
    for layout in ALL_LAYOUTS:
        row = []
        for name in names:
            lay = layout_score(results[name], docs, corrections, (layout,))
            row.append(f"[{name}] numbers {lay['exact_count_pct']:5.1f}% links {lay['links_right_pct']:5.1f}%")
        print(f"  {layout:<15} " + "   ".join(row))
    t = cur["total"]
    ok = (_pct(t["exact"], t["documents"]) >= TARGET_COUNT and _pct(t["found"], t["office_links"]) >= TARGET_LINKS
          and _pct(t["found"], t["ours"]) >= TARGET_LINKS)
    print("targets met" if ok else "TARGETS NOT MET")
    return 0



def first_claim_figures(records: list[dict]) -> dict:
    one = indep = pre = trans = 0
    cats: collections.Counter[str] = collections.Counter()
    sources: collections.Counter[str] = collections.Counter()
    nlp = get_pipeline("en")
    for r in records:
        cs = split_claims(r["text"], "en")
        if len(cs.claims) != 1 or cs.claims[0].number != 1:
            continue
        one += 1
        c = cs.claims[0]
        indep += c.independent
        pre += bool(c.preamble)
        trans += bool(c.transition)
        cats[c.category] += 1
        sources[analysis_of(analyse(nlp, c.text)).category_from or "none"] += 1
    total = len(records)
    return {
        "records": total,
        "one_claim_pct": _pct(one, total),
        "independent_pct": _pct(indep, total),
        "preamble_pct": _pct(pre, total),
        "transition_pct": _pct(trans, total),
        "not_other_pct": _pct(total - cats["other"], total),
        "categories": dict(cats.most_common()),
        "category_source": dict(sources.most_common()),
    }


if __name__ == "__main__":
    sys.exit(main())
