"""Claim extraction accuracy and speed on real patent text. Prints its figures.

    .venv/bin/python -m benchmarks.claims_accuracy [--repeat N]

1. The real USPTO publications in ../shared/data/uspto-xml, rendered as a
   drafter's TXT, DOCX and PDF (benchmarks/corpus.py), read back with
   ``read_draft`` and split with ``extract_claims``, compared with the office's
   own claim structure (<claim-ref> markup):
   - % of documents (x format) with exactly the office's claim numbers;
   - % of dependency links right (recall over the office's links, precision
     over ours), on the publications that carry dependency markup;
   - claims/s of ``extract_claims`` alone (warm: pipelines loaded, files read).
2. The 1,000 real first claims of US grants (patents/first_claims_cpc.jsonl):
   each should come out as one independent claim 1 with a preamble, a
   transition, and a specific category; plus claims/s on them.
3. The same real claims re-laid out the ways drafts come (all on one line,
   "1)" labels, "Claim 1." labels, the label alone on its line, wrapped at 70
   columns), split from text: % exact claim numbers and links right.
4. Japanese: claims/s on the bundled JPO-format example (written for the
   project - there is no real Japanese patent text here), for speed only.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import default_cache_dir, render_corpus, shared_data_dir
from workbench.claims import extract_claims, split_claims
from workbench.claims.analysis import analysis_of
from workbench.claims.pipeline import analyse, get_pipeline
from workbench.ingest import read_draft
from workbench.ingest.uspto_xml import ground_truth_claims, has_dependency_markup, parse_publication

FORMATS = ("txt", "docx", "pdf")
TARGET_COUNT = 99.0
TARGET_LINKS = 98.0


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
    return "What is claimed is:\n" + LAYOUTS[layout](_blocks(pub)) + "\n\nAbstract\n\n" + " ".join(pub.abstract)


def layout_figures(shared: Path) -> dict:
    exact = total = links = right = 0
    for xml in sorted((shared / "uspto-xml").glob("*.xml")):
        pub = parse_publication(xml)
        truth = [(n, tuple(sorted(d))) for n, d in ground_truth_claims(xml)]
        t_links = {(n, p) for n, deps in truth for p in deps}
        marked = has_dependency_markup(xml)
        for layout in LAYOUTS:
            got = [(c.number, c.depends_on) for c in split_claims(layout_text(pub, layout)).claims]
            total += 1
            exact += [n for n, _ in got] == [n for n, _ in truth]
            if marked:
                g_links = {(n, p) for n, deps in got for p in deps}
                links += len(t_links | g_links)
                right += len(t_links & g_links)
    return {"documents": total, "exact_count_pct": _pct(exact, total), "links_right_pct": _pct(right, links)}


def _pct(a: int, b: int) -> float:
    return 100.0 * a / b if b else float("nan")


def uspto_figures(shared: Path, cache: Path, repeat: int) -> dict:
    docs = render_corpus(shared, cache)
    drafts = []
    exact = 0
    truth_links = found_links = pred_links = right_pred = 0
    failures: list[str] = []
    for doc in docs:
        truth = [(n, tuple(sorted(d))) for n, d in doc.truth]
        t_links = {(n, p) for n, deps in truth for p in deps}
        for fmt in FORMATS:
            draft = read_draft(getattr(doc, fmt))
            drafts.append(draft)
            got = [(c.number, tuple(sorted(c.depends_on))) for c in extract_claims(draft).claims]
            if [n for n, _ in got] == [n for n, _ in truth]:
                exact += 1
            else:
                failures.append(f"{doc.name}.{fmt}: {len(got)} claims, office {len(truth)}")
            if doc.deps_marked:
                g_links = {(n, p) for n, deps in got for p in deps}
                truth_links += len(t_links)
                found_links += len(t_links & g_links)
                pred_links += len(g_links)
                right_pred += len(t_links & g_links)
                if g_links != t_links:
                    failures.append(f"{doc.name}.{fmt}: links missed {sorted(t_links - g_links)} extra {sorted(g_links - t_links)}")
    # speed: extraction only, warm
    for d in drafts:
        extract_claims(d)
    n_claims = 0
    t0 = time.perf_counter()
    for _ in range(repeat):
        for d in drafts:
            n_claims += len(extract_claims(d).claims)
    elapsed = time.perf_counter() - t0
    return {
        "publications": len(docs),
        "with_markup": sum(d.deps_marked for d in docs),
        "documents": len(docs) * len(FORMATS),
        "exact_count_pct": _pct(exact, len(docs) * len(FORMATS)),
        "office_links": truth_links,
        "link_recall_pct": _pct(found_links, truth_links),
        "link_precision_pct": _pct(right_pred, pred_links),
        "claims_per_s": n_claims / elapsed,
        "claims_timed": n_claims,
        "failures": failures,
    }


def first_claim_figures(shared: Path, repeat: int) -> dict:
    path = shared / "patents" / "first_claims_cpc.jsonl"
    with path.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
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
    t0 = time.perf_counter()
    n = 0
    for _ in range(repeat):
        for r in records:
            n += len(split_claims(r["text"], "en").claims)
    elapsed = time.perf_counter() - t0
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
        "claims_per_s": n / elapsed,
    }


def japanese_speed(repeat: int) -> dict:
    example = Path(__file__).resolve().parent.parent / "workbench" / "examples" / "draft_ja_quantum_dot_detector.txt"
    draft = read_draft(example)
    extract_claims(draft)
    t0 = time.perf_counter()
    n = 0
    for _ in range(repeat * 50):
        n += len(extract_claims(draft).claims)
    return {"claims_per_s": n / (time.perf_counter() - t0), "claims": len(extract_claims(draft).claims)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="timing repetitions (default 3)")
    ap.add_argument("--cache", type=Path, default=None, help="where rendered drafts are cached (default benchmarks/.cache/corpus)")
    ap.add_argument("--fresh", action="store_true", help="render into a new temporary folder")
    args = ap.parse_args(argv)
    shared = shared_data_dir()
    if not shared.is_dir():
        print(f"real patent data not found at {shared} (set WORKBENCH_SHARED_DATA)", file=sys.stderr)
        return 2
    t_load = time.perf_counter()
    get_pipeline("en")
    get_pipeline("ja")
    load_s = time.perf_counter() - t_load
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) if args.fresh else (args.cache or default_cache_dir())
        u = uspto_figures(shared, cache, args.repeat)
    f = first_claim_figures(shared, args.repeat)
    lay = layout_figures(shared)
    j = japanese_speed(args.repeat)

    print("Claim extraction on real USPTO publications (office <claim-ref> structure as truth)")
    print(f"  publications: {u['publications']} ({u['with_markup']} with dependency markup) x {len(FORMATS)} formats = {u['documents']} documents")
    print(f"  documents with the exact claim numbers: {u['exact_count_pct']:.1f}%  (target >= {TARGET_COUNT:.0f}%)")
    print(f"  dependency links right: recall {u['link_recall_pct']:.1f}% of {u['office_links']} office links, precision {u['link_precision_pct']:.1f}%  (target >= {TARGET_LINKS:.0f}%)")
    print(f"  extraction speed (warm, files already read): {u['claims_per_s']:,.0f} claims/s over {u['claims_timed']} claims")
    for line in u["failures"]:
        print(f"  MISMATCH {line}")
    print("Real first claims of US grants (patents/first_claims_cpc.jsonl)")
    print(f"  records: {f['records']}; split as exactly one claim 1: {f['one_claim_pct']:.1f}%; independent: {f['independent_pct']:.1f}%")
    print(f"  non-empty preamble: {f['preamble_pct']:.1f}%; transitional phrase found: {f['transition_pct']:.1f}%")
    print(f"  category not 'other': {f['not_other_pct']:.1f}%  categories: {f['categories']}")
    print(f"  category read from: {f['category_source']} (default = unknown product noun -> apparatus)")
    print(f"  speed: {f['claims_per_s']:,.0f} claims/s")
    print(f"Real claims re-laid out {len(LAYOUTS)} ways ({', '.join(LAYOUTS)}), split from text")
    print(f"  {lay['documents']} documents: exact claim numbers {lay['exact_count_pct']:.1f}%; links right {lay['links_right_pct']:.1f}% (right / union of office and ours)")
    print("Japanese (JPO-format example written for the project; speed only)")
    print(f"  speed: {j['claims_per_s']:,.0f} claims/s ({j['claims']} claims per draft)")
    print(f"Pipelines load (en + ja, once): {load_s:.2f} s")
    ok = u["exact_count_pct"] >= TARGET_COUNT and u["link_recall_pct"] >= TARGET_LINKS and u["link_precision_pct"] >= TARGET_LINKS
    print("targets met" if ok else "TARGETS NOT MET")
    return 0


if __name__ == "__main__":
    sys.exit(main())
