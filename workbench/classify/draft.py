"""The draft-level score: is this whole draft in a specified field?

Designed for full drafts (what users screen), trained on them (``train.fit_draft_scorer``):

- the text is normalised first (``features.normalise``: line wraps, hyphen wraps, white space),
  so a draft scores the same whatever its wrapping or file format;
- a **draft head** (logistic regression on the hashed features, which are sublinear in the
  term counts and L2-normalised, so a longer text does not score higher by its length) reads
  the whole draft, and also each passage of about ``PASSAGE_CHARS`` characters;
- a small **second stage** combines the whole-draft value, the strongest passages and the
  number of passages (so the strongest of many passages is discounted for their number) into
  the probability. It was fit on out-of-fold values of the training drafts, so it learnt how a
  passage's value relates to a draft's label at every length: a weapon claim inside a long
  civilian description still counts (its passage scores high), a long civilian text does not
  rise by having many passages.
- Japanese text: the head learnt from English drafts only, so a Japanese draft is scored by the
  **base stage**: a regression of the English drafts' second-stage logit on what reads Japanese
  (the rule set's evidence terms, the IPC model's field scores), which puts it on the same scale.

Each passage's value is kept for the evidence (``DraftScore.passages``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

PASSAGE_CHARS = 1500
TOP_PASSAGES = 3
STAGE2_FEATURES = ("whole", "top1", "top3", "log_passages")
PASSAGE_STAGE_FEATURES = STAGE2_FEATURES[1:]  # the passage stage: strongest passages and their number only
BASE_FEATURES = ("log_terms", "has_terms", "logit_code_with_terms", "logit_field_head_with_terms")
CLIP = 12.0


def passages(text: str, size: int = PASSAGE_CHARS) -> list[tuple[int, int]]:
    """(start, end) spans of ``text`` (already normalised), about ``size`` characters each,
    cut after a sentence end when one is in the second half of the window."""
    out, i, n = [], 0, len(text)
    while i < n:
        j = min(n, i + size)
        if j < n:
            k = max(text.rfind(". ", i + size // 2, j), text.rfind("。", i + size // 2, j))
            if k > 0:
                j = k + 1
        out.append((i, j))
        i = j
    return out


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=np.float64)))


@dataclass
class DraftScore:
    probability: float
    whole: float  # the draft head on the whole text (decision value); NaN for Japanese
    passages: tuple[tuple[int, int, float], ...] = ()  # (start, end, value) of the strongest passages
    n_passages: int = 0
    base: bool = False  # scored by the base stage (Japanese)
    text: str = ""  # the normalised text the spans point into


@dataclass
class DraftScorer:
    coef: np.ndarray  # (n_features,) float32 head weights
    intercept: float
    stage2: np.ndarray  # coefficients over STAGE2_FEATURES
    stage2_intercept: float
    base: np.ndarray = field(default_factory=lambda: np.zeros(len(BASE_FEATURES)))  # regression over BASE_FEATURES
    base_intercept: float = 0.0
    passage_chars: int = PASSAGE_CHARS
    # the passage stage: a sensitive passage counts wherever it is, however long the draft
    # around it (the whole-draft value is diluted by a long civilian description; the
    # strongest passages are not, and their number corrects for the many chances of a long text)
    pstage: np.ndarray = field(default_factory=lambda: np.zeros(len(PASSAGE_STAGE_FEATURES)))
    pstage_intercept: float = -30.0

    def head(self, X) -> np.ndarray:
        return np.clip(np.asarray(X @ self.coef, dtype=np.float64).ravel() + self.intercept, -CLIP, CLIP)

    @staticmethod
    def stage2_inputs(whole: float, values: np.ndarray) -> np.ndarray:
        v = np.sort(np.asarray(values, dtype=np.float64))[::-1] if len(values) else np.array([whole])
        return np.array([whole, v[0], v[:TOP_PASSAGES].mean(), np.log(max(1, len(values)))])

    def stage2_logit(self, feats: np.ndarray) -> np.ndarray:
        """The draft's logit: the larger of the second stage (whole + passages) and the
        passage stage (passages alone)."""
        f = np.atleast_2d(feats)
        return np.maximum(f @ self.stage2 + self.stage2_intercept, f[:, 1:] @ self.pstage + self.pstage_intercept)

    def base_logit(self, feats: np.ndarray) -> np.ndarray:
        return np.atleast_2d(feats) @ self.base + self.base_intercept

    # -- persistence --------------------------------------------------------------
    def to_dict(self) -> dict:
        nz = np.flatnonzero(self.coef).astype(np.int32)
        return {
            "indices": nz,
            "data": np.asarray(self.coef[nz], dtype=np.float32),
            "n_features": int(len(self.coef)),
            "intercept": float(self.intercept),
            "stage2": np.asarray(self.stage2, dtype=np.float64),
            "stage2_intercept": float(self.stage2_intercept),
            "stage2_features": list(STAGE2_FEATURES),
            "base": np.asarray(self.base, dtype=np.float64),
            "base_intercept": float(self.base_intercept),
            "base_features": list(BASE_FEATURES),
            "passage_chars": int(self.passage_chars),
            "pstage": np.asarray(self.pstage, dtype=np.float64),
            "pstage_intercept": float(self.pstage_intercept),
        }

    @classmethod
    def from_dict(cls, d: dict | None) -> "DraftScorer | None":
        if not d:
            return None
        if list(d.get("stage2_features", ())) != list(STAGE2_FEATURES) or list(d.get("base_features", ())) != list(BASE_FEATURES):
            raise ValueError("draft scorer built for other inputs")
        w = np.zeros(int(d["n_features"]), dtype=np.float32)
        w[np.asarray(d["indices"], dtype=np.int64)] = np.asarray(d["data"], dtype=np.float32)
        return cls(
            w, float(d["intercept"]), np.asarray(d["stage2"], dtype=np.float64), float(d["stage2_intercept"]),
            np.asarray(d["base"], dtype=np.float64), float(d["base_intercept"]), int(d.get("passage_chars", PASSAGE_CHARS)),
            np.asarray(d["pstage"], dtype=np.float64), float(d["pstage_intercept"]),
        )


def base_inputs(n_terms: float, code_score: float, field_head: float) -> np.ndarray:
    def logit(p):
        p = min(max(float(p), 1e-4), 1 - 1e-4)
        return float(np.log(p / (1 - p)))

    # the IPC model's field scores count only beside an evidence term: on Japanese text they come
    # from character n-grams learnt from the rules' Japanese terms alone, and common kanji
    # (制御部, 検出) lift them for any Japanese draft; a Japanese draft without a single evidence
    # term gets the English drafts' no-term value
    has = float(n_terms > 0)
    return np.array([np.log1p(n_terms), has, has * (logit(code_score) + 9.21), has * (logit(field_head) + 9.21)])
