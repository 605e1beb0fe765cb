"""The policy that turns out-of-fold draft scores into the default thresholds (draft_train)."""

from types import SimpleNamespace

import numpy as np

from workbench.classify import draft_train as DT


def _drafts(n_pos, n_hard, n_port):
    pos = [SimpleNamespace(source="reviewed", sensitive=True, confidence="high") for _ in range(n_pos)]
    hard = [SimpleNamespace(source="reviewed", sensitive=False, confidence="high") for _ in range(n_hard)]
    port = [SimpleNamespace(source="portfolio", sensitive=False, confidence="") for _ in range(n_port)]
    return pos + hard + port


def test_review_needs_the_score_alone_even_when_the_terms_flag_every_positive():
    rng = np.random.default_rng(0)
    drafts = _drafts(40, 200, 400)
    p = np.concatenate([rng.uniform(0.05, 0.95, 40), rng.uniform(0.0, 0.5, 200), rng.uniform(0.0, 0.1, 400)])
    terms = np.concatenate([np.ones(40), np.zeros(600)]).astype(int)  # the term rule alone flags every positive
    thr, rep = DT.choose_draft_thresholds(p, drafts, terms)
    flagged_by_score = (p[:40] >= thr["review"]).mean()
    assert flagged_by_score >= DT.SCORE_RECALL
    # not lower than needed: just under the score of the positive that makes the share
    need = int(np.ceil(DT.SCORE_RECALL * 40))
    assert thr["review"] >= np.sort(p[:40])[::-1][need - 1] * 0.99
    assert "alone" in rep["policy"]


def test_likely_is_the_lowest_threshold_with_the_precision_and_review_stays_below_it():
    drafts = _drafts(10, 10, 80)
    # positives spread high; hard negatives overlap them in the middle
    p = np.concatenate([np.linspace(0.3, 0.99, 10), np.linspace(0.2, 0.6, 10), np.linspace(0.0, 0.05, 80)])
    terms = np.zeros(100, dtype=int)
    thr, _ = DT.choose_draft_thresholds(p, drafts, terms)
    flag = p >= thr["likely"]
    sens = np.arange(100) < 10
    assert (flag & sens).sum() / flag.sum() >= DT.LIKELY_PRECISION
    # one step lower the precision would fall below the target (or fewer than three flagged)
    lower = np.sort(np.unique(np.round(p, 5)))
    below = lower[lower < thr["likely"]][-1]
    f2 = p >= below
    assert (f2 & sens).sum() / f2.sum() < DT.LIKELY_PRECISION
    assert thr["review"] < thr["likely"]
    lv = DT.levels(p, terms, thr)
    assert (lv[p >= thr["likely"]] == 2).all() and (lv[p < thr["review"]] == 0).all()


def test_the_settings_table_steps_by_the_score_even_when_the_terms_flag_every_positive():
    rng = np.random.default_rng(1)
    drafts = _drafts(40, 200, 400)
    p = np.concatenate([rng.uniform(0.05, 0.95, 40), rng.uniform(0.0, 0.5, 200), rng.uniform(0.0, 0.1, 400)])
    terms = np.concatenate([np.ones(40), np.zeros(600)]).astype(int)
    _, rep = DT.choose_draft_thresholds(p, drafts, terms)
    pts = rep["operating_points"]
    assert len(pts) >= 5  # one row per score-alone recall target reached, not one row for "recall 1.0"
    thresholds = [pt["threshold"] for pt in pts]
    assert thresholds == sorted(thresholds)  # from score recall 1.0 (the lowest threshold) up
    assert [pt["score_recall"] for pt in pts] == sorted((pt["score_recall"] for pt in pts), reverse=True)
    clear = [pt["clear_hard"] for pt in pts]
    assert clear == sorted(clear) and clear[-1] > clear[0]  # a higher threshold clears more hard negatives
