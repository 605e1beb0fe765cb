"""The sensitivity head: stored as plain arrays, round-trips through save/load, feeds the
field-likelihood calibrator; a model without a head (older files) still scores."""

from __future__ import annotations

import dataclasses

import numpy as np

from workbench.classify import fields as F
from workbench.classify import model as M
from workbench.classify.engine import Engine

TEXTS = [
    "Unmanned aerial vehicle carrying a warhead with a proximity fuze for intercepting missiles.",
    "A kitchen blender with a removable jar.",
]


def test_head_round_trips_through_save_and_load(tmp_path):
    m = M.load_model()
    w = np.zeros(m.featurizer.n_features, dtype=np.float32)
    w[[3, 70000, 200000]] = (0.5, -1.25, 2.0)
    m2 = dataclasses.replace(m, head=M.SensitivityHead(w, -0.75), _featurizer=None)
    path = tmp_path / M.MODEL_FILE
    m2.save(path)
    back = M.IpcModel.from_dict(__import__("joblib").load(path))
    assert back.head is not None
    assert np.array_equal(back.head.coef, w) and back.head.intercept == -0.75
    X = back.featurizer.transform(TEXTS)
    assert np.allclose(back.scores(TEXTS)[1], X @ w - 0.75)
    assert np.array_equal(back.scores(TEXTS)[0], m.probabilities(TEXTS))


def test_calibrator_features_follow_the_calibrators_names():
    cs, nt = np.array([[0.2, 0.01]]), np.array([[1.0, 0.0]])
    six = F.calibrator_features(cs, nt, cs, cs, np.array([50.0]))
    assert six.shape == (1, 2, len(F.CALIBRATOR_FEATURES))
    assert np.all(six[..., F.CALIBRATOR_FEATURES.index("sensitive_head")] == F.SENS_CLIP)  # broadcast and clipped
    five = F.calibrator_features(cs, nt, cs, cs, np.array([50.0]), names=F.CALIBRATOR_FEATURES[:5])
    assert np.array_equal(five, six[..., :5])


def test_the_head_moves_the_likelihood_and_a_headless_model_still_scores(engine):
    m = engine.model
    names = F.CALIBRATOR_FEATURES[:5]
    headless = dataclasses.replace(m, head=None, calibrator=M.Calibrator(np.array([1.0, 0, 0, 0, 0]), 0.0, names))
    e0 = Engine(engine.ruleset, headless, engine.thresholds)
    base = [a.max_likelihood for a in e0.assess(TEXTS)]
    assert all(0.0 < x < 1.0 for x in base)
    # the same calibrator plus a strongly weighted head: a head that says "sensitive" raises every field
    cal = M.Calibrator(np.array([1.0, 0, 0, 0, 0, 1.0]), 0.0, F.CALIBRATOR_FEATURES)
    w = np.zeros(m.featurizer.n_features, dtype=np.float32)
    e1 = Engine(engine.ruleset, dataclasses.replace(headless, head=M.SensitivityHead(w, 3.0), calibrator=cal), engine.thresholds)
    raised = [a.max_likelihood for a in e1.assess(TEXTS)]
    assert all(r > b for r, b in zip(raised, base)), (raised, base)
    _, sens = e1.text_scores(TEXTS + ["word " * 80])  # a long text: the head reads the whole text once
    assert np.allclose(sens, 3.0)


def test_japanese_text_is_scored_without_the_head(engine):
    """The head learnt from English records only: Japanese text gets no head value and
    is scored by the calibrator fit without it."""
    m = engine.model
    w = np.zeros(m.featurizer.n_features, dtype=np.float32)
    base = M.Calibrator(np.array([1.0, 0, 0, 0, 0]), 0.0, F.CALIBRATOR_FEATURES[:5])
    with_head = M.Calibrator(np.array([1.0, 0, 0, 0, 0, 1.0]), 0.0, F.CALIBRATOR_FEATURES)
    ja = "無人航空機に搭載した弾頭と近接信管とを備える迎撃装置。"
    mixed = dataclasses.replace(m, head=M.SensitivityHead(w, 3.0), calibrator=with_head, calibrator_base=base)
    e = Engine(engine.ruleset, mixed, engine.thresholds)
    _, sens = e.text_scores([TEXTS[0], ja])
    assert sens[0] == 3.0 and np.isnan(sens[1])
    e_base = Engine(engine.ruleset, dataclasses.replace(mixed, head=None, calibrator=base, calibrator_base=None), engine.thresholds)
    got, want = e.assess([TEXTS[0], ja]), e_base.assess([TEXTS[0], ja])
    assert got[1].max_likelihood == want[1].max_likelihood  # Japanese: exactly the headless score
    assert got[0].max_likelihood > want[0].max_likelihood  # English: the head (3.0) raises it
    # without a base calibrator a Japanese text still gets a finite score (head input 0)
    e_nobase = Engine(engine.ruleset, dataclasses.replace(mixed, calibrator_base=None), engine.thresholds)
    assert all(np.isfinite(f.likelihood) for f in e_nobase.assess([ja])[0].fields)
