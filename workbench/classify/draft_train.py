"""Training, calibration and held-out figures of the draft-level score (draft.py).

Data (read from ../shared/data; the split is a hash of the publication id, fulltext.py):
  full drafts: reviewed positives (weight by the reviewer's confidence: low 0.5), reviewed
  negatives (hard negatives), the portfolio (near-certain negatives); the office-coded short
  records' training split (sensitive by their codes through the rule set) and the IPC
  definitions / the rules' English terms, both at a lower weight (``SHORT_WEIGHT``).
  The 140 uspto-grants are never trained on.
Steps: the head (class-balanced logistic regression); the second stage on out-of-fold head
values of the training drafts (5 folds by id); the base stage for Japanese (a ridge
regression of that logit on what reads Japanese); default thresholds on the calibration
drafts; figures on the test drafts. Deterministic (fixed folds, solvers without randomness).
"""

from __future__ import annotations

import time

import numpy as np
import scipy.sparse as sp

from workbench.classify import data as D
from workbench.classify.draft import BASE_FEATURES, STAGE2_FEATURES, DraftScorer, _sigmoid, passages
from workbench.classify.features import normalise

HEAD_C = 10.0  # chosen on the calibration drafts over 0.3-30 (AUC and clear rate at the lowest positive)
SHORT_WEIGHT = 0.3  # records and IPC definitions beside the drafts (0 and 1 tried: 0.3 best on calibration)
FOLDS = 5
REVIEW_RECALL = 0.97  # on the pooled calibration + out-of-fold training positives (about 60 of them)
LIKELY_PRECISION = 0.8
LIKELY_MIN_RECALL = 0.6


def definition_examples(titles, rs, targets) -> tuple[list[str], np.ndarray]:
    """IPC main-group definitions (title chain + subgroup titles) and every subgroup of the
    main groups the rules name, positive when the code is in a field; the fields' English
    names and evidence terms as positives."""
    from workbench.classify.train import code_fields

    subs_of = D.subgroups_by_main_group(titles)
    target_mgs = {D.parent_main_group(t.code) for t in targets}
    texts, ys = [], []
    for code in sorted(titles):
        if " " in code and code.endswith("/00"):
            body = " ; ".join(D.clean_title(titles[s]) for s in subs_of.get(code, ()))
            texts.append((D.title_chain(code, titles) + " ; " + body)[:1200])
            ys.append(bool(code_fields(rs, [code])))
            if code in target_mgs:
                for s in subs_of.get(code, ()):
                    texts.append(D.title_chain(s, titles))
                    ys.append(bool(code_fields(rs, [s])))
    for f in rs.fields:
        for t in list(getattr(f, "terms_en", ()) or ()) + [f.name_en]:
            texts.append(str(t))
            ys.append(True)
    return texts, np.array(ys, dtype=bool)


class Featurised:
    """Whole-draft and passage features of a list of drafts (normalised once)."""

    def __init__(self, feat, drafts, cut: int | None = None, passage_chars: int = 1500):
        self.texts = [normalise(d.text(cut)) for d in drafts]
        self.X = feat.transform(self.texts, normalised=True)
        ptexts, owner = [], []
        for i, t in enumerate(self.texts):
            spans = passages(t, passage_chars)
            if len(spans) > 1:
                ptexts += [t[a:b] for a, b in spans]
                owner += [i] * len(spans)
        self.XP = feat.transform(ptexts, normalised=True) if ptexts else sp.csr_matrix((0, self.X.shape[1]), dtype=np.float32)
        self.owner = np.asarray(owner, dtype=np.int64)

    def stage2(self, coef: np.ndarray, intercept: float, rows=None) -> np.ndarray:
        whole = np.clip(np.asarray(self.X @ coef).ravel() + intercept, -12, 12)
        pv = np.clip(np.asarray(self.XP @ coef).ravel() + intercept, -12, 12) if self.XP.shape[0] else np.zeros(0)
        out = np.zeros((len(self.texts), len(STAGE2_FEATURES)))
        by = {}
        for v, o in zip(pv, self.owner):
            by.setdefault(int(o), []).append(v)
        for i in range(len(self.texts)) if rows is None else rows:
            out[i] = DraftScorer.stage2_inputs(whole[i], np.array(by.get(i, [whole[i]])))
        return out


def _fit_head(X, y, w):
    from sklearn.linear_model import LogisticRegression

    w = w * np.where(y, w[~y].sum() / max(w[y].sum(), 1e-9), 1.0)  # positives weigh as much as negatives
    lr = LogisticRegression(C=HEAD_C, max_iter=3000)
    lr.fit(X.astype(np.float64), y, sample_weight=w)
    return lr.coef_[0].astype(np.float32), float(lr.intercept_[0])


def fit_draft_scorer(model, engine, rs, titles, targets, records, fulltext, feat, log=print) -> tuple[DraftScorer, dict]:
    from sklearn.linear_model import LogisticRegression, Ridge

    from workbench.classify.train import sensitive_fields

    t0 = time.time()
    train = [d for d in fulltext if d.split == "train"]
    ftr = Featurised(feat, train)
    y = np.array([d.sensitive for d in train])
    w = np.array([d.weight for d in train])
    dtexts, dy = definition_examples(titles, rs, targets)
    Xd = feat.transform(dtexts)
    rtr = [r for r in records if r.split == "train"]
    Xr = feat.transform([r.text for r in rtr])
    yr = np.array([bool(sensitive_fields(rs, r.codes, r.text)) for r in rtr])
    short_X = sp.vstack([Xd, Xr], format="csr")
    short_y = np.concatenate([dy, yr])
    short_w = np.full(len(short_y), SHORT_WEIGHT)
    log(f"draft scorer: {len(train)} training drafts ({int(y.sum())} sensitive), {len(dy)} definitions/terms, "
        f"{len(rtr)} short records; featurised in {time.time() - t0:.0f} s")
    # out-of-fold head values for the second stage
    fold = np.array([D.bucket(d.id) % FOLDS for d in train])
    S2 = np.zeros((len(train), len(STAGE2_FEATURES)))
    for k in range(FOLDS):
        tr, te = fold != k, fold == k
        coef, b = _fit_head(sp.vstack([ftr.X[tr], short_X], format="csr"), np.concatenate([y[tr], short_y]), np.concatenate([w[tr], short_w]))
        S2[te] = ftr.stage2(coef, b, rows=np.flatnonzero(te))[te]
    st2 = LogisticRegression(C=1.0, max_iter=1000).fit(S2, y, sample_weight=w)
    pst = LogisticRegression(C=1.0, max_iter=1000).fit(S2[:, 1:], y, sample_weight=w)
    coef, b = _fit_head(sp.vstack([ftr.X, short_X], format="csr"), np.concatenate([y, short_y]), np.concatenate([w, short_w]))
    scorer = DraftScorer(coef, b, st2.coef_[0].astype(np.float64), float(st2.intercept_[0]),
                         pstage=pst.coef_[0].astype(np.float64), pstage_intercept=float(pst.intercept_[0]))
    # the base stage (Japanese): regress the out-of-fold logit on what reads Japanese
    z = scorer.stage2_logit(S2)
    P = model._probabilities(ftr.X)
    B = np.stack([engine.base_inputs(t, P[i : i + 1], "en") for i, t in enumerate(ftr.texts)])
    rg = Ridge(alpha=1.0).fit(B, z)
    scorer.base, scorer.base_intercept = rg.coef_.astype(np.float64), float(rg.intercept_)
    # a text without a single evidence term sits at the median of the English portfolio drafts
    # without one (the mean would sit above most of them: the few sensitive ones pull it up)
    none = (B[:, 1] == 0) & np.array([d.source == "portfolio" for d in train])
    if none.any():
        mid = float(np.median(z[none]))
        scorer.base[1] += scorer.base_intercept - mid
        scorer.base_intercept = mid
    log(f"draft scorer: stage 2 {dict(zip(STAGE2_FEATURES, np.round(scorer.stage2, 3)))} + {scorer.stage2_intercept:.2f}; "
        f"passage stage {np.round(scorer.pstage, 3).tolist()} + {scorer.pstage_intercept:.2f}; "
        f"base {dict(zip(BASE_FEATURES, np.round(scorer.base, 3)))} + {scorer.base_intercept:.2f} (R2 {rg.score(B, z):.2f}); "
        f"{time.time() - t0:.0f} s")
    info = {"train_drafts": len(train), "train_sensitive": int(y.sum()), "definitions": len(dy), "short_records": len(rtr)}
    return scorer, info, _sigmoid(z), train  # out-of-fold probabilities of the training drafts, for the thresholds


def draft_probabilities(scorer: DraftScorer, fz: Featurised) -> np.ndarray:
    return _sigmoid(scorer.stage2_logit(fz.stage2(scorer.coef, scorer.intercept)))


def _groups(drafts):
    src = np.array([d.source for d in drafts])
    sens = np.array([d.sensitive for d in drafts])
    hm = np.array([d.confidence in ("high", "medium") for d in drafts])
    return {
        "sensitive": (src == "reviewed") & sens & hm,
        "sensitive_low": (src == "reviewed") & sens & ~hm,
        "hard": (src == "reviewed") & ~sens,
        "portfolio": src == "portfolio",
        "grants": src == "grants",
    }


def choose_draft_thresholds(p: np.ndarray, drafts) -> tuple[dict, dict]:
    """On the calibration drafts: review just under the recall-first point (the lower of the
    empirical REVIEW_RECALL point and a normal fit to the positives' logits, as for records);
    likely: the lowest threshold above it at which >= 80 % of the flagged calibration drafts are
    sensitive (reviewed + portfolio as they come), else the one giving 60 % of positives."""
    from statistics import NormalDist

    g = _groups(drafts)
    pos = np.sort(p[g["sensitive"]])
    k = int(np.floor((1 - REVIEW_RECALL) * len(pos) + 1e-9))
    emp = float(pos[k]) * 0.999
    zp = np.log(np.clip(pos, 1e-9, 1 - 1e-9) / (1 - np.clip(pos, 1e-9, 1 - 1e-9)))
    q = NormalDist(float(zp.mean()), float(zp.std(ddof=1)) or 1.0).inv_cdf(1 - REVIEW_RECALL)
    review = emp  # the normal tail (``normal_tail`` in the report) flagged most of the portfolio: see the card's note
    pool = g["sensitive"] | g["hard"] | g["portfolio"]
    sens = g["sensitive"] | g["sensitive_low"]
    likely = None
    for t in np.unique(np.round(p[pool | g["sensitive_low"]], 5)):
        flag = (p >= t) & (pool | g["sensitive_low"])
        if t > review and flag.sum() >= 3 and (flag & sens).sum() / flag.sum() >= LIKELY_PRECISION:
            likely = float(t)
            break
    if likely is None:
        likely = float(np.quantile(pos, 1 - LIKELY_MIN_RECALL))
    thr = {"review": round(review, 6), "likely": round(max(likely, review * 1.01), 6)}
    lowest = [round(float(x), 5) for x in pos[:5]]
    points = []
    for target in (1.0, 0.97, 0.9, 0.8, 0.7, 0.6, 0.5):
        kk = int(np.floor((1 - target) * len(pos)))
        t = float(pos[min(kk, len(pos) - 1)]) * 0.999
        points.append({"recall": round(float((pos >= t).mean()), 4), "threshold": round(t, 6),
                       "clear_portfolio": round(float((p[g["portfolio"]] < t).mean()), 4),
                       "clear_hard": round(float((p[g["hard"]] < t).mean()), 4),
                       "flag_rate_at_1pct": round(float(0.01 * (pos >= t).mean() + 0.99 * (p[g["portfolio"] | g["hard"]] >= t).mean()), 4)})
    return thr, {"chosen_on": "calibration drafts + out-of-fold scores of the training drafts (split by publication id; never the test split)",
                 "calib_sensitive": int(len(pos)), "lowest_positives": lowest, "normal_tail": round(float(_sigmoid(q)), 6),
                 "policy": f"review: just under the {REVIEW_RECALL:.1%}-recall point of the sensitive (high/medium-confidence) drafts "
                 "of the calibration split and the training split's out-of-fold scores, pooled; "
                 f"likely: the lowest threshold above it where >= {LIKELY_PRECISION:.0%} of the flagged drafts of the same pool are sensitive",
                 "operating_points": points}


def draft_figures(p: np.ndarray, drafts, thr: dict) -> dict:
    from sklearn.metrics import roc_auc_score

    g = _groups(drafts)
    lv = np.where(p >= thr["likely"], 2, np.where(p >= thr["review"], 1, 0))
    pool = g["sensitive"] | g["hard"] | g["portfolio"] | g["sensitive_low"]
    sens = g["sensitive"] | g["sensitive_low"]

    def share(mask, cond):
        return round(float(cond[mask].mean()), 4) if mask.any() else float("nan")

    likely = (lv == 2) & pool
    scored = g["sensitive"] | g["hard"] | g["portfolio"]
    yy = g["sensitive"][scored]
    tpr = float((lv[g["sensitive"]] == 2).mean()) if g["sensitive"].any() else 0.0
    fpr = float((lv[g["hard"] | g["portfolio"]] == 2).mean())
    return {
        "recall": share(g["sensitive"], lv >= 1),
        "recall_low_confidence": share(g["sensitive_low"], lv >= 1),
        "likely_sensitive": share(g["sensitive"], lv == 2),
        "likely_precision": round(float((likely & sens).sum() / likely.sum()), 4) if likely.any() else float("nan"),
        "likely_precision_at_1pct": round(0.01 * tpr / (0.01 * tpr + 0.99 * fpr), 4) if (tpr + fpr) else float("nan"),
        "portfolio_clear": share(g["portfolio"], lv == 0),
        "hard_negatives_clear": share(g["hard"], lv == 0),
        "grants_clear": share(g["grants"], lv == 0),
        "negatives_flag_rate": share(g["hard"] | g["portfolio"], lv >= 1),
        "auc": round(float(roc_auc_score(yy, p[scored])), 4) if 0 < yy.sum() < len(yy) else float("nan"),
        "positives": int(g["sensitive"].sum()),
        "n": int(len(drafts)),
    }
