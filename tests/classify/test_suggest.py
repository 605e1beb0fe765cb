"""IPC subclass suggestions (workbench/classify/suggest.py): the shipped model's suggester, the
ranking it gives a draft, and its file form."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from workbench import triage
from workbench.classify import model as M
from workbench.classify.engine import Engine
from workbench.classify.suggest import IpcSuggester, fit_centroids, top_k_accuracy

# a real granted claim (US 4,196,862, a coffee mill): office subclass A47J
COFFEE = ("1. A coffee grinder comprising a housing, a hopper for whole coffee beans, a pair of grinding burrs driven by an "
          "electric motor, and means for adjusting the spacing of the burrs to set the fineness of the ground coffee.")


def test_the_shipped_model_has_a_suggester_that_round_trips_through_its_file_form():
    m = M.load_model()
    s = m.suggester
    assert s is not None and len(s.subclasses) == sum(k == "subclass" for k in m.kinds) and s.weight > 0
    back = IpcSuggester.from_dict(s.to_dict())
    texts = [COFFEE, "A pharmaceutical composition comprising an antibody."]
    assert np.array_equal(back.cosine(texts), s.cosine(texts))
    assert back.display == s.display and back.subclasses == s.subclasses
    assert IpcSuggester.from_dict(None) is None  # models before it: no suggester


def test_the_centroids_rank_the_subclass_whose_examples_a_text_shares_first():
    texts = ["coffee mill with grinding burrs", "spice mill grinding pepper", "antibody for treating cancer",
             "pharmaceutical composition antibody", "vehicle brake disc caliper"]
    labels = [{"A47J"}, {"A47J"}, {"A61K"}, {"A61K"}, {"F16D"}]
    idf, C, params = fit_centroids(texts, labels, ["A47J", "A61K", "F16D"], {"min_df": 1})
    s = IpcSuggester(("A47J", "A61K", "F16D"), idf, C, 1.0, (1.0, 0.0), params)
    cos = s.cosine(["a burr coffee grinding mill", "a composition with an antibody"])
    assert [s.subclasses[i] for i in cos.argmax(axis=1)] == ["A47J", "A61K"]
    assert top_k_accuracy(cos, [{"A47J"}, {"F16D"}], list(s.subclasses), k=1) == (0.5, 0.5)


def test_a_drafts_suggestions_come_from_the_suggester_and_do_not_follow_its_line_wrapping():
    eng = triage.get_engine()
    v = triage.screen_text(COFFEE)
    assert "A47J" in [s.code for s in v.ipc[:5]], v.ipc
    words = COFFEE.split(" ")  # wrapped as a PDF wraps it: a line break every seven words
    wrapped = triage.screen_text("".join(w + ("\n" if i % 7 == 6 else " ") for i, w in enumerate(words)).strip())
    assert [s.code for s in wrapped.ipc] == [s.code for s in v.ipc]
    # the same engine without its suggester ranks by the scorers' best piece, as models before it did
    old = Engine(eng.ruleset, replace(eng.model, suggester=None), eng.thresholds)
    before = triage.screen_text(COFFEE, engine=old)
    assert [s.code for s in before.ipc] != [s.code for s in v.ipc]


def test_the_engine_reads_the_scorers_word_features_and_they_give_the_suggesters_own_cosine():
    """The suggester hashes words as the scorers do, so a draft's text is hashed once (the second
    pass cost ~6 ms of a ~50 ms full draft); the cosine from the scorers' word block is the
    suggester's own, to rounding."""
    m = M.load_model()
    s = m.suggester
    assert s.shares_features_with(m.feature_params)
    texts = [COFFEE, "A pharmaceutical composition comprising an antibody.", "赤外線シーカを備えた誘導弾。"]
    X = m.featurizer.transform(texts)
    words = X[:, : 2 ** int(m.feature_params["word_bits"])]
    assert np.allclose(s.cosine_of_words(words), s.cosine(texts), atol=1e-5)
    assert s.cosine(texts)[0].max() > 0.05  # not two zero matrices
