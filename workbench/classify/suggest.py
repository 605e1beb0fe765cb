"""IPC subclass suggestions for a draft: what an attorney reads in the "predicted IPC" line.

The per-label scorers (``model.py``) learnt one binary model per label from short texts; read
over a full draft their best piece rises with what the description dwells on, and on the 140
office-coded grants their first subclass was right for one draft in five. The suggester adds
a length-free second opinion: each subclass is the centroid of its examples (the IPC
definitions of the subclass and its groups, and the real office-coded records of the training
split) in a hashed TF-IDF word space, and a draft is compared with every centroid by cosine.
A subclass is ranked by ``probability (whole text) + weight * cosine``; the weight is chosen on
the calibration split of the records, never on the test split or the 140 grants. What is shown
beside a suggestion is the calibrated chance that the office would give that subclass (a
logistic fit of the blended value on the calibration records).

Stored as plain arrays (idf per hash bucket, the centroids as a CSR matrix): no vocabulary,
no code in the model file."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize

from workbench.classify.features import normalise

# the scorers' word hashing (features.FEATURE_PARAMS word_bits / word_ngrams): the same buckets, so the
# engine reuses the scorers' word features of a draft instead of hashing its text a second time
SUGGEST_PARAMS = {"bits": 17, "ngrams": (1, 2), "min_df": 2}
WEIGHTS_TRIED = (0.5, 1.0, 2.0, 4.0)
# what a screen lists of the ranking: suggestions at or above this shown confidence (suggest_floor.py)
from workbench.classify.suggest_floor import CONFIDENCE_FLOOR, confident  # noqa: E402,F401


def _vectorizer(bits: int, ngrams) -> HashingVectorizer:
    return HashingVectorizer(analyzer="word", ngram_range=tuple(ngrams), n_features=2**bits, stop_words="english",
                             alternate_sign=False, norm=None, lowercase=True, dtype=np.float32)


@dataclass
class IpcSuggester:
    subclasses: tuple[str, ...]  # the order of the centroid rows
    idf: np.ndarray  # (2**bits,) float32; 0 for buckets seen in fewer than min_df examples
    centroids: sp.csr_matrix  # (n_subclasses, 2**bits) float32, rows l2-normalised
    weight: float  # of the cosine, beside the scorer's probability
    display: tuple[float, float]  # logistic (a, b): shown confidence = sigmoid(a * blended + b)
    params: dict

    def __post_init__(self) -> None:
        self._vec = _vectorizer(int(self.params["bits"]), self.params["ngrams"])
        self._ct = self.centroids.T.tocsr()

    def vectors(self, texts: list[str], normalised: bool = False) -> sp.csr_matrix:
        X = self._vec.transform(list(texts) if normalised else [normalise(t) for t in texts])
        X.data = np.log1p(X.data)
        X = X.multiply(self.idf[np.newaxis, :]).tocsr()
        return normalize(X)

    def shares_features_with(self, feature_params: dict) -> bool:
        """Are the scorers' word features (the first 2**word_bits columns of Featurizer.transform)
        this suggester's hashed words? Then :meth:`cosine_of_words` reads them as they are."""
        return (int(feature_params.get("word_bits", -1)) == int(self.params["bits"])
                and tuple(feature_params.get("word_ngrams", ())) == tuple(self.params["ngrams"]))

    def cosine_of_words(self, words: sp.csr_matrix) -> np.ndarray:
        """The cosine from the scorers' word block of a text: log tf, l2-normalised, so times the
        idf and normalised again it is exactly :meth:`vectors` of the same text."""
        X = normalize(sp.csr_matrix(words).multiply(self.idf[np.newaxis, :]).tocsr())
        return np.asarray((X @ self._ct).todense(), dtype=np.float32)

    def cosine(self, texts: list[str], normalised: bool = False) -> np.ndarray:
        """(n_texts, n_subclasses) cosine of each text with each subclass centroid."""
        return np.asarray((self.vectors(texts, normalised) @ self._ct).todense(), dtype=np.float32)

    def blended(self, sub_probs: np.ndarray, cos: np.ndarray) -> np.ndarray:
        return sub_probs + self.weight * cos

    def confidence(self, blended: np.ndarray) -> np.ndarray:
        a, b = self.display
        return (1.0 / (1.0 + np.exp(-(a * blended + b)))).astype(np.float32)

    # -- persistence ------------------------------------------------------------------------
    def to_dict(self) -> dict:
        nz = np.flatnonzero(self.idf).astype(np.int32)
        c = self.centroids.tocsr()
        return {
            "subclasses": list(self.subclasses),
            "idf_indices": nz,
            "idf_data": self.idf[nz].astype(np.float32),
            "c_data": c.data.astype(np.float32),
            "c_indices": c.indices.astype(np.int32),
            "c_indptr": c.indptr.astype(np.int64),
            "c_shape": tuple(c.shape),
            "weight": float(self.weight),
            "display": [float(x) for x in self.display],
            "params": {"bits": int(self.params["bits"]), "ngrams": list(self.params["ngrams"]), "min_df": int(self.params["min_df"])},
        }

    @classmethod
    def from_dict(cls, d: dict | None) -> IpcSuggester | None:
        if not d:
            return None
        params = dict(d["params"])
        idf = np.zeros(2 ** int(params["bits"]), dtype=np.float32)
        idf[np.asarray(d["idf_indices"], dtype=np.int64)] = np.asarray(d["idf_data"], dtype=np.float32)
        c = sp.csr_matrix((d["c_data"], d["c_indices"], d["c_indptr"]), shape=tuple(d["c_shape"]), dtype=np.float32)
        return cls(tuple(d["subclasses"]), idf, c, float(d["weight"]), (float(d["display"][0]), float(d["display"][1])), params)


def fit_centroids(texts: list[str], labels: list[set[str]], subclasses: list[str], params: dict | None = None):
    """(idf, centroids) from labelled texts: a subclass's centroid is the l2-normalised sum of
    its examples' l2-normalised TF-IDF vectors."""
    params = dict(SUGGEST_PARAMS, **(params or {}))
    vec = _vectorizer(params["bits"], params["ngrams"])
    X = vec.transform([normalise(t) for t in texts]).tocsr()
    df = np.bincount(X.indices, minlength=X.shape[1]).astype(np.float64)
    n = X.shape[0]
    idf = (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)
    idf[df < params["min_df"]] = 0.0
    X.data = np.log1p(X.data)
    X = normalize(X.multiply(idf[np.newaxis, :]).tocsr())
    index = {s: i for i, s in enumerate(subclasses)}
    rows, cols = [], []
    for i, labs in enumerate(labels):
        for lab in labs:
            if lab in index:
                rows.append(index[lab])
                cols.append(i)
    A = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(subclasses), n))
    C = normalize((A @ X).tocsr()).astype(np.float32)
    C.eliminate_zeros()
    return idf, C, params


def top_k_accuracy(scores: np.ndarray, gold: list[set[str]], subclasses, k: int = 3) -> tuple[float, float]:
    """(top-1, top-k) share of rows whose first / first k subclasses meet the gold set."""
    if not len(gold):
        return 0.0, 0.0
    order = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    t1 = sum(subclasses[o[0]] in g for o, g in zip(order, gold))
    tk = sum(bool({subclasses[i] for i in o} & g) for o, g in zip(order, gold))
    return t1 / len(gold), tk / len(gold)


def fit_suggester(texts, labels, subclasses, calib_texts, calib_gold, calib_probs, calib_groups) -> tuple[IpcSuggester, dict]:
    """Centroids from the training examples; the cosine weight and the display calibration
    from the calibration records (``calib_probs``: the scorers' subclass probabilities of
    each calibration text, columns in ``subclasses`` order; ``calib_groups``: each record's
    source). The weight maximises top-1 + top-3 averaged over the sources, so that the
    drone titles (a handful of subclasses, most of the records) do not outvote the broad
    first claims."""
    from sklearn.linear_model import LogisticRegression

    idf, C, params = fit_centroids(texts, labels, list(subclasses), None)
    sugg = IpcSuggester(tuple(subclasses), idf, C, 0.0, (1.0, 0.0), params)
    cos = sugg.cosine(calib_texts)
    groups = sorted(set(calib_groups))
    tried: dict[float, dict[str, tuple[float, float]]] = {}
    for w in (0.0,) + WEIGHTS_TRIED:
        tried[w] = {}
        for g in groups:
            rows = [i for i, x in enumerate(calib_groups) if x == g]
            t1, t3 = top_k_accuracy((calib_probs + w * cos)[rows], [calib_gold[i] for i in rows], subclasses)
            tried[w][g] = (round(t1, 4), round(t3, 4))

    def macro(w: float) -> float:
        return sum(a + b for a, b in tried[w].values()) / max(1, len(groups))

    best = max(tried, key=lambda w: (round(macro(w), 6), -w))
    sugg.weight = float(best)
    # display: logistic of the blended value over each record's top 10 candidates
    bl = sugg.blended(calib_probs, cos)
    top = np.argsort(-bl, axis=1)[:, :10]
    x = np.concatenate([bl[i, top[i]] for i in range(len(bl))])
    y = np.concatenate([[subclasses[j] in calib_gold[i] for j in top[i]] for i in range(len(bl))]).astype(int)
    if 0 < y.sum() < len(y):
        lr = LogisticRegression(C=100.0).fit(x.reshape(-1, 1), y)
        sugg.display = (float(lr.coef_[0, 0]), float(lr.intercept_[0]))
    report = {"weights_tried": {str(k): {g: list(v) for g, v in r.items()} for k, r in tried.items()}, "weight": sugg.weight,
              "calib": {g: list(v) for g, v in tried[best].items()}, "calib_scorers_alone": {g: list(v) for g, v in tried[0.0].items()},
              "centroid_weights": int(C.nnz)}
    return sugg, report
