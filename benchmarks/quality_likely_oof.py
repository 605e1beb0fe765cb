"""The "likely" level out of fold: which second-stage inputs buy precision at the top.

Reads only the TRAINING + CALIBRATION drafts of ../shared/data/fulltext (split by publication id,
workbench/classify/fulltext.py; the test split is never loaded here). The heads' values are out of
fold (5 folds by id, as `model train` fits them); the second stage is itself cross-validated over
several fold assignments, so no figure is in-sample. Printed per input set:

  likely@80  share of the sensitive (high/medium) drafts at or above the lowest threshold where
             >= 80 % of the drafts above it are sensitive (the card's rule), mean +- sd over folds
  likely@70  the same at 70 %
  AP         average precision, sensitive against hard negatives + portfolio
  and, with the training folds' second stage, the default thresholds and the figures the card gets.

This is how the inputs of model 20261202.194136 were chosen (docs/quality.md, "The likely level").
Optional: --embeddings FILE.npz with an array "mean" (one row per training+calibration draft, in
load order) adds a logistic head over it (how the MiniLM encoder was measured; not shipped).

Usage: nice -n 10 .venv/bin/python -m benchmarks.quality_likely_oof [--embeddings F.npz]
About 5-10 minutes on one core.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import time
from pathlib import Path

import numpy as np
import scipy.sparse as sp

ROOT = Path(__file__).resolve().parents[1]
SALTS = 6


def main(argv=None) -> int:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import average_precision_score

    from workbench import triage
    from workbench.classify import data as D
    from workbench.classify import draft_train as DT
    from workbench.classify.fulltext import load_fulltext
    from workbench.classify.train import rule_targets, sensitive_fields

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.environ.get("WORKBENCH_SHARED_DATA") or str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--embeddings", default="")
    args = ap.parse_args(argv)
    data = Path(args.data)
    t0 = time.time()
    eng = triage.get_engine()
    feat, rs = eng.model.featurizer, eng.ruleset
    drafts = [d for d in load_fulltext(data) if d.split in DT.TRAIN_SPLITS]
    assert not any(d.split == "test" for d in drafts)
    fz = DT.Featurised(feat, drafts, eng)
    titles = D.load_title_table(data)
    records = D.load_records(data, {k for k in titles if len(k) == 4})
    dtexts, dy = DT.definition_examples(titles, rs, rule_targets(rs))
    rtr = [r for r in records if r.split == "train"]
    short_X = sp.vstack([feat.transform(dtexts), feat.transform([r.text for r in rtr])], format="csr")
    short_y = np.concatenate([dy, np.array([bool(sensitive_fields(rs, r.codes, r.text)) for r in rtr])])
    short_w = np.full(len(short_y), DT.SHORT_WEIGHT)
    print(f"{len(drafts)} training + calibration drafts featurised in {time.time() - t0:.0f} s", flush=True)

    y = np.array([d.sensitive for d in drafts])
    w = np.array([d.weight for d in drafts])
    g = DT._groups(drafts)
    S, sens = g["sensitive"], g["sensitive"] | g["sensitive_low"]
    judged = sens | g["hard"] | g["portfolio"]
    fold = np.array([D.bucket(d.id) % DT.FOLDS for d in drafts])

    def val(X, c, b):
        return np.clip(np.asarray(X @ c).ravel() + b, -12, 12)

    H = {k: np.zeros(len(y)) for k in ("whole", "front", "title_abstract")}
    for k in range(DT.FOLDS):
        tr, te = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        H["whole"][te] = val(fz.X[te], *DT._fit_head(fz.X[tr], y[tr], w[tr]))
        H["front"][te] = val(fz.XF[te], *DT._fit_head(sp.vstack([fz.XF[tr], short_X], format="csr"),
                                                     np.concatenate([y[tr], short_y]), np.concatenate([w[tr], short_w])))
        H["title_abstract"][te] = val(fz.XT[te], *DT._fit_head(fz.XT[tr], y[tr], w[tr]))
    print(f"out-of-fold heads in {time.time() - t0:.0f} s", flush=True)
    inputs = {"whole": H["whole"], "front": H["front"], "log_terms": np.log1p(fz.n_terms),
              "title_abstract": H["title_abstract"], "log_title_abstract_terms": np.log1p(fz.ta_terms)}
    if args.embeddings:
        E = np.load(args.embeddings)["mean"]
        z = np.zeros(len(y))
        cw = w * np.where(y, w[~y].sum() / w[y].sum(), 1.0)
        for k in range(DT.FOLDS):
            tr, te = fold != k, fold == k
            z[te] = LogisticRegression(C=1.0, max_iter=3000).fit(E[tr], y[tr], sample_weight=cw[tr]).decision_function(E[te])
        inputs["embedding"] = z

    salts = [np.array([int(hashlib.sha256(f"{s}{d.id}".encode()).hexdigest()[:8], 16) % DT.FOLDS for d in drafts]) for s in range(SALTS)]

    def oof(cols, folds):
        Z = np.column_stack([inputs[c] for c in cols])
        p = np.zeros(len(y))
        for k in np.unique(folds):
            tr, te = folds != k, folds == k
            p[te] = LogisticRegression(C=1.0, max_iter=2000).fit(Z[tr], y[tr], sample_weight=w[tr]).predict_proba(Z[te])[:, 1]
        return p

    def likely_at(p, prec):
        for t in np.unique(np.round(p[judged], 5)):
            fl = (p >= t) & judged
            if fl.sum() >= 3 and (fl & sens).sum() / fl.sum() >= prec:
                return float((p[S] >= t).mean())
        return 0.0

    base = ["whole", "front", "log_terms"]
    sets = {"previous inputs (whole, front, log terms)": base,
            "+ title-abstract head": base + ["title_abstract"],
            "+ title-abstract head + title-abstract terms (shipped)": base + ["title_abstract", "log_title_abstract_terms"]}
    if "embedding" in inputs:
        sets["shipped + embedding head"] = sets["+ title-abstract head + title-abstract terms (shipped)"] + ["embedding"]
    print(f"sensitive high/medium {int(S.sum())}, low {int(g['sensitive_low'].sum())}, hard negatives {int(g['hard'].sum())}, portfolio {int(g['portfolio'].sum())}")
    print(f"{'second-stage inputs':58s} {'likely@80':>13s} {'likely@70':>9s} {'AP':>6s}   training folds: thresholds, likely share / precision, recall")
    for name, cols in sets.items():
        r8, r7, aps = [], [], []
        for fo in salts:
            p = oof(cols, fo)
            r8.append(likely_at(p, 0.8))
            r7.append(likely_at(p, 0.7))
            aps.append(average_precision_score(sens[judged], p[judged]))
        p = oof(cols, fold)
        thr, _ = DT.choose_draft_thresholds(p, drafts, fz.n_terms)
        f = DT.draft_figures(p, drafts, thr, fz.n_terms)
        print(f"{name:58s} {np.mean(r8):6.3f} ± {np.std(r8):.3f} {np.mean(r7):9.3f} {np.mean(aps):6.3f}   "
              f"review {thr['review']:.4f} likely {thr['likely']:.3f}: {f['likely_sensitive']:.3f} / {f['likely_precision']:.3f}, recall {f['recall']:.3f}", flush=True)
    print(f"done in {time.time() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
