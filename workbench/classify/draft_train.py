"""Training, calibration and held-out figures of the draft-level score (draft.py).

Data (read from ../shared/data; the split is a hash of the publication id, fulltext.py):
  full drafts: reviewed positives (weight by the reviewer's confidence: low 0.5), reviewed
  negatives (hard negatives), the portfolio (near-certain negatives); beside them, for the front
  head only, the office-coded short records' training split (sensitive by their codes through the
  rule set) and the IPC definitions / the rules' English terms, at a lower weight
  (``SHORT_WEIGHT``): short texts like the opening of a draft, and they cover fields no training
  draft is in. The 140 uspto-grants are never trained on.
Steps: the three heads (whole, front, title-abstract; class-balanced logistic regression) on the
training and calibration drafts (``TRAIN_SPLITS``); the second stage on out-of-fold head values
(5 folds by id) and the evidence-term counts (whole text; title and abstract); the base stage for Japanese (a ridge regression of that logit on what reads
Japanese); default thresholds on the out-of-fold values; figures on the test drafts.
Deterministic (fixed folds, solvers without randomness).
"""

from __future__ import annotations

import time

import numpy as np
import scipy.sparse as sp

from workbench.classify import data as D
from workbench.classify.draft import BASE_FEATURES, PLAIN_FEATURES, STAGE2_FEATURES, DraftScorer, _sigmoid, front_text, title_abstract_text
from workbench.classify.features import normalise
from workbench.messages import model as MD
from workbench.messages import msg

HEAD_C = 10.0  # both heads; 1, 10 and 100 tried on the out-of-fold training drafts: 10 best at 97 % recall
SHORT_WEIGHT = 0.3  # records and IPC definitions beside the drafts, front head only
FOLDS = 5
TRAIN_SPLITS = ("train", "calib")  # the heads learn from both; thresholds come from their out-of-fold values
REVIEW_RECALL = 0.97  # on the out-of-fold positives (high/medium confidence, about 57 of them)
SCORE_RECALL = 0.90  # ... of which the score alone must flag this share: the evidence terms were
# extended after reading these drafts (rules 2025.01-draft.3), so what the term rule flags among
# them is optimistic, and a sensitive draft without a term must still be caught by the score
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
    """Whole-draft, front and title-abstract features of a list of drafts (normalised once) and
    their evidence-term counts (distinct terms of the best-supported field in the whole text and
    in the title and abstract, as the screen counts them)."""

    def __init__(self, feat, drafts, engine, cut: int | None = None):
        raw = [d.text(cut) for d in drafts]
        self.texts = [normalise(t) for t in raw]
        fronts = [front_text(t, normalise("\n".join(d.claims)) if d.claims else "") for t, d in zip(self.texts, drafts)]
        self.X = feat.transform(self.texts, normalised=True)
        self.XF = feat.transform(fronts, normalised=True)
        self.n_terms = np.array([engine.term_count(engine.ruleset.find_terms(t, "en")) for t in raw], dtype=np.int64)
        tas = [normalise(title_abstract_text(d.title, d.abstract)) for d in drafts]
        self.has_abstract = np.array([bool(t) for t in tas])
        self.XT = feat.transform(tas, normalised=True)
        self.ta_terms = np.array([engine.term_count(engine.ruleset.find_terms(t, "en")) for t in tas], dtype=np.int64)

    def stage2(self, coef, intercept, fcoef, fintercept, tcoef, tintercept, rows=None) -> np.ndarray:
        rows = np.arange(len(self.texts)) if rows is None else np.asarray(rows)
        whole = np.clip(np.asarray(self.X[rows] @ coef).ravel() + intercept, -12, 12)
        front = np.clip(np.asarray(self.XF[rows] @ fcoef).ravel() + fintercept, -12, 12)
        ta = np.clip(np.asarray(self.XT[rows] @ tcoef).ravel() + tintercept, -12, 12)
        return DraftScorer.stage2_inputs(whole, front, self.n_terms[rows], ta, self.ta_terms[rows])


def _fit_head(X, y, w):
    from sklearn.linear_model import LogisticRegression

    w = w * np.where(y, w[~y].sum() / max(w[y].sum(), 1e-9), 1.0)  # positives weigh as much as negatives
    lr = LogisticRegression(C=HEAD_C, max_iter=3000)
    lr.fit(X.astype(np.float64), y, sample_weight=w)
    return lr.coef_[0].astype(np.float32), float(lr.intercept_[0])


def fit_draft_scorer(model, engine, rs, titles, targets, records, fulltext, feat, log=print):
    from sklearn.linear_model import LogisticRegression, Ridge

    from workbench.classify.train import sensitive_fields

    t0 = time.time()
    train = [d for d in fulltext if d.split in TRAIN_SPLITS]
    ftr = Featurised(feat, train, engine)
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
    log(msg(MD.I475, drafts=len(train), sensitive=int(y.sum()), definitions=len(dy), records=len(rtr), s=time.time() - t0))

    def heads(tr):
        coef, b = _fit_head(ftr.X[tr], y[tr], w[tr])
        if SHORT_WEIGHT > 0:
            fcoef, fb = _fit_head(sp.vstack([ftr.XF[tr], short_X], format="csr"), np.concatenate([y[tr], short_y]), np.concatenate([w[tr], short_w]))
        else:
            fcoef, fb = _fit_head(ftr.XF[tr], y[tr], w[tr])
        # the title-abstract head learns from the drafts alone (with the short records beside it
        # the likely level was worse out of fold: 39 % against 51 %, docs/quality.md)
        tcoef, tb = _fit_head(ftr.XT[tr], y[tr], w[tr])
        return coef, b, fcoef, fb, tcoef, tb

    # out-of-fold head values for the second stage
    fold = np.array([D.bucket(d.id) % FOLDS for d in train])
    S2 = np.zeros((len(train), len(STAGE2_FEATURES)))
    for k in range(FOLDS):
        tr, te = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        S2[te] = ftr.stage2(*heads(tr), rows=te)
    ab = ftr.has_abstract
    st2 = LogisticRegression(C=1.0, max_iter=1000).fit(S2[ab], y[ab], sample_weight=w[ab])
    # the plain second stage (a text without an abstract: titles, pasted claims) over the first inputs
    plain = LogisticRegression(C=1.0, max_iter=1000).fit(S2[:, : len(PLAIN_FEATURES)], y, sample_weight=w)
    coef, b, fcoef, fb, tcoef, tb = heads(np.arange(len(train)))
    scorer = DraftScorer(coef, b, fcoef, fb, st2.coef_[0].astype(np.float64), float(st2.intercept_[0]), tcoef, tb,
                         plain.coef_[0].astype(np.float64), float(plain.intercept_[0]))
    # the base stage (Japanese): regress the out-of-fold logit on what reads Japanese
    z = scorer.stage2_logit(S2, ab)
    P = model._probabilities(ftr.X)
    B = np.stack([engine.base_inputs(t, P[i : i + 1], "en", int(ftr.n_terms[i])) for i, t in enumerate(ftr.texts)])
    rg = Ridge(alpha=1.0).fit(B, z)
    scorer.base, scorer.base_intercept = rg.coef_.astype(np.float64), float(rg.intercept_)
    # a text without a single evidence term sits at the median of the English portfolio drafts
    # without one (the mean would sit above most of them: the few sensitive ones pull it up)
    none = (B[:, 1] == 0) & np.array([d.source == "portfolio" for d in train])
    if none.any():
        mid = float(np.median(z[none]))
        scorer.base[1] += scorer.base_intercept - mid
        scorer.base_intercept = mid
    log(msg(MD.I476, stage2=str(dict(zip(STAGE2_FEATURES, np.round(scorer.stage2, 3).tolist()))), intercept2=scorer.stage2_intercept,
            base=str(dict(zip(BASE_FEATURES, np.round(scorer.base, 3).tolist()))), intercept=scorer.base_intercept,
            r2=float(rg.score(B, z)), s=time.time() - t0))
    info = {"train_drafts": len(train), "train_sensitive": int(y.sum()), "definitions": len(dy), "short_records": len(rtr)}
    # out-of-fold probabilities and term counts of the training drafts, for the thresholds
    return scorer, info, _sigmoid(z), train, ftr.n_terms


def draft_probabilities(scorer: DraftScorer, fz: Featurised) -> np.ndarray:
    return _sigmoid(scorer.stage2_logit(fz.stage2(scorer.coef, scorer.intercept, scorer.front_coef, scorer.front_intercept,
                                                  scorer.ta_coef, scorer.ta_intercept), fz.has_abstract))


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


def levels(p: np.ndarray, n_terms: np.ndarray, thr: dict) -> np.ndarray:
    """0 clear, 1 review, 2 likely - as the screen decides them for a long English draft: likely
    at or above ``likely``; review at or above ``review`` or with any evidence term of a field in
    the text (a draft with a field's evidence term is never cleared by the model); else clear."""
    return np.where(p >= thr["likely"], 2, np.where((p >= thr["review"]) | (np.asarray(n_terms) > 0), 1, 0))


def choose_draft_thresholds(p: np.ndarray, drafts, n_terms: np.ndarray) -> tuple[dict, dict]:
    """On out-of-fold draft scores (never the test split):
    review: just under the highest threshold at which >= REVIEW_RECALL of the sensitive
    (high/medium confidence) drafts are flagged by the score or the evidence-term rule and
    >= SCORE_RECALL by the score alone; likely: the lowest threshold at which >= 80 % of the
    flagged drafts are sensitive (reviewed + portfolio as they come), else the one giving 60 % of
    positives; review is kept below likely."""
    g = _groups(drafts)
    n_terms = np.asarray(n_terms)
    pos_p, pos_t = p[g["sensitive"]], n_terms[g["sensitive"]] > 0
    need = int(np.ceil(REVIEW_RECALL * len(pos_p) - 1e-9))
    need_score = int(np.ceil(SCORE_RECALL * len(pos_p) - 1e-9))
    review = None
    for t in np.sort(np.unique(pos_p))[::-1]:
        if int(((pos_p >= t) | pos_t).sum()) >= need and int((pos_p >= t).sum()) >= need_score:
            review = float(t) * 0.999
            break
    review = review if review is not None else float(pos_p.min()) * 0.999
    pool = g["sensitive"] | g["hard"] | g["portfolio"]
    sens = g["sensitive"] | g["sensitive_low"]
    likely = None
    judged = pool | g["sensitive_low"]
    for t in np.unique(np.round(p[judged], 5)):
        flag = (p >= t) & judged
        if flag.sum() >= 3 and (flag & sens).sum() / flag.sum() >= LIKELY_PRECISION:
            likely = float(t)
            break
    if likely is None:
        likely = float(np.quantile(pos_p, 1 - LIKELY_MIN_RECALL))
    # a draft at or above "likely" is likely whatever "review" says (levels()): keep review below it
    review = min(review, likely * 0.999)
    thr = {"review": round(review, 6), "likely": round(likely, 6)}
    pos = np.sort(pos_p)
    lowest = [round(float(x), 5) for x in pos[:5]]
    negs = g["portfolio"] | g["hard"]
    points = []
    for t in sorted({float(x) * 0.999 for x in pos}, reverse=True):
        fl = (p >= t) | (n_terms > 0)
        rec = float(fl[g["sensitive"]].mean())
        # the term rule alone flags most of these drafts: the points step by what the score alone
        # flags, so the table still shows what each threshold buys
        srec = float((pos_p >= t).mean())
        if points and srec <= points[-1]["score_recall"]:
            continue
        points.append({"recall": round(rec, 4), "score_recall": round(srec, 4), "threshold": round(t, 6),
                       "clear_portfolio": round(float(1 - fl[g["portfolio"]].mean()), 4),
                       "clear_hard": round(float(1 - fl[g["hard"]].mean()), 4),
                       "flag_rate_at_1pct": round(float(0.01 * rec + 0.99 * fl[negs].mean()), 4)})
    # a few points for the Settings table: recall 1.0 down to 0.5
    keep = [pt for pt in points if pt["score_recall"] >= 0.5]
    pick = []
    for target in (1.0, 0.97, 0.95, 0.9, 0.8, 0.7, 0.6, 0.5):
        cand = [pt for pt in keep if pt["score_recall"] >= target]
        if cand and cand[0] not in pick:  # the highest threshold that reaches it
            pick.append(cand[0])
    return thr, {"chosen_on": "out-of-fold scores of the training and calibration drafts (split by publication id; never the test split)",
                 "calib_sensitive": int(len(pos)), "lowest_positives": lowest,
                 "terms_rule": "a draft with an evidence term of a field in its text is never cleared by the model (review at least)",
                 "recall_by_terms_alone": round(float(pos_t.mean()), 4) if len(pos_t) else float("nan"),
                 "policy": f"review: just under the highest threshold at which {REVIEW_RECALL:.0%} of the sensitive (high/medium-confidence) drafts "
                 f"(out-of-fold scores of the training and calibration splits) are flagged by the score or by the evidence-term rule and {SCORE_RECALL:.0%} by the score alone; "
                 f"likely: the lowest threshold above it where >= {LIKELY_PRECISION:.0%} of the flagged drafts of the same pool are sensitive",
                 "operating_points": pick}


def draft_figures(p: np.ndarray, drafts, thr: dict, n_terms: np.ndarray) -> dict:
    from sklearn.metrics import roc_auc_score

    g = _groups(drafts)
    lv = levels(p, n_terms, thr)
    pool = g["sensitive"] | g["hard"] | g["portfolio"] | g["sensitive_low"]
    sens = g["sensitive"] | g["sensitive_low"]

    def share(mask, cond):
        return round(float(cond[mask].mean()), 4) if mask.any() else float("nan")

    likely = (lv == 2) & pool
    scored = g["sensitive"] | g["hard"] | g["portfolio"]
    yy = g["sensitive"][scored]
    tpr = float((lv[g["sensitive"]] == 2).mean()) if g["sensitive"].any() else 0.0
    fpr = float((lv[g["hard"] | g["portfolio"]] == 2).mean())
    hard = g["sensitive"] | g["hard"]
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
        "auc_vs_hard_negatives": round(float(roc_auc_score(g["sensitive"][hard], p[hard])), 4) if g["sensitive"].any() and g["hard"].any() else float("nan"),
        "positives": int(g["sensitive"].sum()),
        "n": int(len(drafts)),
    }
