"""The ceiling benchmark's figures: thresholds, not positions (ties never help)."""

import numpy as np
import pytest

from benchmarks.quality_ceiling import ranking_figures


def test_perfect_ranking_needs_only_the_true_share():
    y = np.array([1, 1, 0, 0, 0, 0, 0, 0, 0, 0], dtype=np.int8)
    s = np.array([0.9, 0.8, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05, 0.02, 0.01])
    r = ranking_figures(s, y)
    assert r["auc"] == pytest.approx(1.0)
    assert r["flag_for_target"] == pytest.approx(0.2)
    assert r["recall_at_2x"] == pytest.approx(1.0)


def test_a_positive_tied_with_every_negative_forces_flagging_everything():
    # 30 positives: recall 0.97 needs all 30 (29/30 = 0.967); 29 are ranked first, the last is
    # tied with every negative at 0 -> only flagging every record reaches the target
    y = np.r_[np.ones(30), np.zeros(970)].astype(np.int8)
    s = np.r_[np.linspace(1, 0.5, 29), [0.0], np.zeros(970)]
    r = ranking_figures(s, y)
    assert r["flag_for_target"] == pytest.approx(1.0)
    # the order of the records must not matter
    perm = np.random.default_rng(1).permutation(len(y))
    assert ranking_figures(s[perm], y[perm]) == r
    # with 34 positives 0.97 needs 33: the 33 ranked first suffice
    y2 = np.r_[np.ones(34), np.zeros(966)].astype(np.int8)
    s2 = np.r_[np.linspace(1, 0.5, 33), [0.0], np.zeros(966)]
    assert ranking_figures(s2, y2)["flag_for_target"] == pytest.approx(0.033)


def test_recall_at_2x_counts_only_what_a_threshold_can_flag():
    y = np.array([1, 0, 0, 0, 1, 0, 0, 0, 0, 0], dtype=np.int8)  # share 0.2 -> 2x = 4 records
    s = np.array([0.9, 0.8, 0.7, 0.6, 0.6, 0.6, 0.1, 0.1, 0.1, 0.1])  # 4th score ties with a positive
    r = ranking_figures(s, y)
    assert r["recall_at_2x"] == pytest.approx(0.5)
