"""Held-out figures: screening recall/precision/flag rate, IPC top-k accuracy, calibration
error; and the choice of default thresholds (on the calibration split, never the test
split)."""

from __future__ import annotations

import numpy as np

from workbench.domain import Thresholds

RECALL_TARGET = 0.97
CHOOSE_RECALL = 0.985  # aim a little higher on the calibration split, so the test split keeps >= 0.97


def draft_scores(engine, records, batch: int = 256) -> np.ndarray:
    out = []
    for i in range(0, len(records), batch):
        chunk = [r.text for r in records[i : i + batch]]
        out += [a.max_likelihood for a in engine.assess(chunk)]
    return np.array(out, dtype=np.float64)


def truth(rs, records) -> np.ndarray:
    from workbench.classify.train import sensitive_fields

    return np.array([bool(sensitive_fields(rs, r.codes, r.text)) for r in records], dtype=bool)


def ece(p: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error over equal-width bins."""
    p = np.asarray(p, dtype=float)
    y = np.asarray(y, dtype=float)
    if len(p) == 0:
        return float("nan")
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        m = (p >= lo) & ((p < hi) if hi < 1 else (p <= hi))
        if m.any():
            total += m.sum() / len(p) * abs(p[m].mean() - y[m].mean())
    return float(total)


def screening(p: np.ndarray, y: np.ndarray, threshold: float) -> dict:
    flag = p >= threshold
    tp = int((flag & y).sum())
    pos = int(y.sum())
    return {
        "recall": tp / pos if pos else float("nan"),
        "precision": tp / int(flag.sum()) if flag.any() else float("nan"),
        "flag_rate": float(flag.mean()) if len(p) else float("nan"),
        "true_share": float(y.mean()) if len(y) else float("nan"),
        "flagged": int(flag.sum()),
        "positives": pos,
        "n": int(len(y)),
    }


def recall_threshold(p: np.ndarray, y: np.ndarray, recall: float = CHOOSE_RECALL) -> float:
    """The highest threshold that still flags ``recall`` of the positives."""
    pos = np.sort(p[y])
    if len(pos) == 0:
        return 1.0
    k = int(np.floor((1 - recall) * len(pos)))
    return float(pos[k]) * 0.999  # just under the k-th lowest positive


def tail_threshold(p: np.ndarray, y: np.ndarray, recall: float = CHOOSE_RECALL) -> float:
    """A parametric estimate of the same threshold: with a few dozen positives the empirical
    1.5 % quantile is just the lowest one, so also fit a normal to the positives' logits
    and take its (1 - recall) quantile; the lower of the two is used."""
    from statistics import NormalDist

    pos = np.clip(p[y], 1e-6, 1 - 1e-6)
    if len(pos) < 5:
        return 1.0
    z = np.log(pos / (1 - pos))
    q = NormalDist(float(z.mean()), float(z.std(ddof=1)) or 1.0).inv_cdf(1 - recall)
    return float(1 / (1 + np.exp(-q)))


def choose_thresholds(engine, rs, records) -> tuple[Thresholds, dict]:
    p = draft_scores(engine, records)
    y = truth(rs, records)
    if y.sum() == 0:
        return Thresholds(), {"note": "no sensitive record in the calibration split; built-in defaults kept"}
    review = min(recall_threshold(p, y), tail_threshold(p, y))
    # 'likely': the lowest threshold where at least 80 % of what is flagged is sensitive
    likely = None
    for t in np.unique(np.round(p, 4)):
        flag = p >= t
        if flag.sum() >= 3 and (flag & y).sum() / flag.sum() >= 0.8 and t > review:
            likely = float(t)
            break
    if likely is None:
        likely = max(0.5, review + 0.05)
    s = screening(p, y, review)
    points = []
    for target in (0.99, 0.97, 0.9, 0.8, 0.7, 0.5):
        t = recall_threshold(p, y, target)
        st = screening(p, y, t)
        points.append({"recall": round(st["recall"], 4), "threshold": round(t, 5), "flag_rate": round(st["flag_rate"], 4)})
    k = max(1, int(round(2 * y.mean() * len(p))))
    t2 = float(np.sort(p)[::-1][k - 1])
    s2 = screening(p, y, t2)
    return Thresholds(review=round(review, 5), likely=round(likely, 4)), {
        "calib_recall": round(s["recall"], 4),
        "calib_flag_rate": round(s["flag_rate"], 4),
        "calib_true_share": round(s["true_share"], 4),
        "policy": f"review: the lower of (the highest threshold keeping recall >= {CHOOSE_RECALL} on the calibration split) and "
        f"(the {1 - CHOOSE_RECALL:.3f} quantile of a normal fitted to the positives' logits) - recall first; "
        "likely: the lowest threshold above it where >= 80 % of flagged records are sensitive, else 0.5",
        "operating_points": points,
        "at_2x_true_share": {"threshold": round(t2, 5), "recall": round(s2["recall"], 4), "flag_rate": round(s2["flag_rate"], 4)},
    }


def topk_accuracy(engine, records, ks=(1, 3), batch: int = 512) -> dict:
    model = engine.model
    mask = model.subclass_mask()
    sub_labels = np.array(model.labels)[mask]
    hits = {k: 0 for k in ks}
    if model.suggester is not None:  # what the user is shown: the suggester's ranking (suggest.py)
        sub_labels = np.array(model.suggester.subclasses)
    for i in range(0, len(records), batch):
        chunk = records[i : i + batch]
        texts = [r.text for r in chunk]
        if model.suggester is not None:
            probs = engine._suggested(texts, model.probabilities(texts))
        else:
            probs = model.probabilities(texts)[:, mask]
        order = np.argsort(-probs, axis=1, kind="stable")
        for r, row in zip(chunk, order):
            gold = set(r.subclasses)
            for k in ks:
                if any(sub_labels[j] in gold for j in row[:k]):
                    hits[k] += 1
    return {f"top{k}": hits[k] / len(records) if records else float("nan") for k in ks}


def evaluate(engine, rs, records) -> dict:
    """All held-out figures for the engine at its thresholds, per source and overall."""
    out = {}
    groups = {"all": records}
    for src in sorted({r.source for r in records}):
        groups[src] = [r for r in records if r.source == src]
    for name, recs in groups.items():
        p = draft_scores(engine, recs)
        y = truth(rs, recs)
        s = screening(p, y, engine.thresholds.review)
        s.update(topk_accuracy(engine, recs))
        s["ece"] = ece(p, y)
        s["likely_share"] = float((p >= engine.thresholds.likely).mean()) if len(p) else float("nan")
        out[name] = {k: (round(v, 4) if isinstance(v, float) else v) for k, v in s.items()}
    return out
