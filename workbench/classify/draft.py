"""The draft-level score: is this whole draft in a specified field?

Designed for full drafts (what users screen), trained on them (``draft_train.fit_draft_scorer``):

- the text is normalised first (``features.normalise``: line wraps, hyphen wraps, white space),
  so a draft scores the same whatever its wrapping or file format;
- two **heads** (logistic regression on the hashed features, which are sublinear in the term
  counts and L2-normalised, so a longer text does not score higher by its length):
  the *whole* head reads the whole draft; the *front* head reads what states the invention -
  the opening of the draft (title, abstract, field, first part of the description: the first
  ``FRONT_CHARS`` characters) and every claim, wherever the claims stand. A weapon claim inside a
  long civilian description is read by the front head at full strength;
- a third head, the *title-abstract* head, reads the title and the abstract only (what the
  reviewers of the training drafts read to label them; ``title_abstract_text``);
- a small **second stage** (logistic regression over ``STAGE2_FEATURES``: the three heads, the
  number of distinct evidence terms of the best-supported field in the whole text and the most
  distinct terms of one field in the title and abstract) gives the probability. It was fit on
  out-of-fold head values of the training drafts. The title-abstract inputs were added for the
  "likely" level (precision at the top: out of fold 37 % -> 70 % of the sensitive drafts likely
  at >= 80 % precision, docs/quality.md);
- the **levels** (``draft_train.choose_draft_thresholds``, ``triage._draft_level``): a draft with
  an evidence term of a field anywhere in its text is never cleared by the model; one without
  any is cleared below the review threshold.
- Japanese text: the heads learnt from English drafts only, so a Japanese draft is scored by the
  **base stage**: a regression of the English drafts' second-stage logit on what reads Japanese
  (the rule set's evidence terms, the IPC model's field scores), which puts it on the same scale.

The whole head's value on each passage of about ``PASSAGE_CHARS`` characters is kept for the
evidence (``DraftScore.passages``: where in a long text the draft reads most like a field).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

PASSAGE_CHARS = 1500
TOP_PASSAGES = 3
FRONT_CHARS = 4000  # the opening of a draft the front head reads (title, abstract, field, first description)
FRONT_CLAIMS_CHARS = 30_000  # the claims it reads beside it (bounded: a 10,000-claim file is not read whole)
TA_CHARS = 2000  # what the title-abstract head reads at most (a title and an abstract; the opening of a text without them)
STAGE2_FEATURES = ("whole", "front", "log_terms", "title_abstract", "log_title_abstract_terms")
PLAIN_FEATURES = STAGE2_FEATURES[:3]  # the plain second stage: a text without an abstract
FORMAT = 4  # the persisted layout (3: two heads, before 2026-12-02 evening; 2: whole head + passage stage)
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


def front_text(text: str, claims: str = "") -> str:
    """What the front head reads: the opening of the (normalised) draft and its claims."""
    head = text[:FRONT_CHARS]
    claims = claims.strip()[:FRONT_CLAIMS_CHARS]
    return f"{head} {claims}" if claims else head


def title_abstract_text(title: str, abstract: str) -> str:
    """What the title-abstract head reads: the draft's title and abstract as the section finder
    found them; "" when no abstract was found (a title, a pasted claim, a bare description): such a
    text is scored by the plain second stage (``DraftScorer.plain``), fit without the title-abstract
    inputs - read on a title alone they counted the same words three times (the office-coded titles'
    AUC fell from 0.835 to 0.777)."""
    title, abstract = (title or "").strip(), (abstract or "").strip()
    return f"{title}\n{abstract}"[:TA_CHARS] if abstract else ""


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=np.float64)))


@dataclass
class DraftScore:
    probability: float
    whole: float  # the whole head's value (decision value); NaN for Japanese
    passages: tuple[tuple[int, int, float], ...] = ()  # (start, end, value) of the strongest passages
    n_passages: int = 0
    base: bool = False  # scored by the base stage (Japanese)
    text: str = ""  # the normalised text the spans point into
    front: float = float("nan")  # the front head's value; NaN for Japanese
    n_terms: int = 0  # distinct evidence terms of the best-supported field in the whole text
    title_abstract: float = float("nan")  # the title-abstract head's value; NaN for Japanese
    ta_terms: int = 0  # most distinct evidence terms of one field in the title and abstract


@dataclass
class DraftScorer:
    coef: np.ndarray  # (n_features,) float32 whole-head weights
    intercept: float
    front_coef: np.ndarray  # (n_features,) float32 front-head weights
    front_intercept: float
    stage2: np.ndarray  # coefficients over STAGE2_FEATURES
    stage2_intercept: float
    ta_coef: np.ndarray  # (n_features,) float32 title-abstract head weights
    ta_intercept: float
    plain: np.ndarray  # second stage over PLAIN_FEATURES (a text without an abstract)
    plain_intercept: float
    base: np.ndarray = field(default_factory=lambda: np.zeros(len(BASE_FEATURES)))  # regression over BASE_FEATURES
    base_intercept: float = 0.0
    passage_chars: int = PASSAGE_CHARS

    def head(self, X) -> np.ndarray:
        return np.clip(np.asarray(X @ self.coef, dtype=np.float64).ravel() + self.intercept, -CLIP, CLIP)

    def front_head(self, X) -> np.ndarray:
        return np.clip(np.asarray(X @ self.front_coef, dtype=np.float64).ravel() + self.front_intercept, -CLIP, CLIP)

    def ta_head(self, X) -> np.ndarray:
        return np.clip(np.asarray(X @ self.ta_coef, dtype=np.float64).ravel() + self.ta_intercept, -CLIP, CLIP)

    @staticmethod
    def stage2_inputs(whole, front, n_terms, ta, ta_terms) -> np.ndarray:
        """One row per draft: (whole head, front head, log(1 + distinct terms of the best field),
        title-abstract head, log(1 + most distinct terms of one field in the title and abstract))."""
        def log1p(x):
            return np.log1p(np.atleast_1d(x).astype(np.float64))

        return np.column_stack([np.atleast_1d(whole), np.atleast_1d(front), log1p(n_terms), np.atleast_1d(ta), log1p(ta_terms)])

    def stage2_logit(self, feats: np.ndarray, has_abstract=True) -> np.ndarray:
        """The second stage's logit; rows without an abstract (``has_abstract`` False) by the plain
        second stage over the first three inputs."""
        feats = np.atleast_2d(feats)
        full = feats @ self.stage2 + self.stage2_intercept
        plain = feats[:, : len(PLAIN_FEATURES)] @ self.plain + self.plain_intercept
        return np.where(np.broadcast_to(np.asarray(has_abstract, dtype=bool), full.shape), full, plain)

    def base_logit(self, feats: np.ndarray) -> np.ndarray:
        return np.atleast_2d(feats) @ self.base + self.base_intercept

    # -- persistence --------------------------------------------------------------
    @staticmethod
    def _sparse(w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        nz = np.flatnonzero(w).astype(np.int32)
        return nz, np.asarray(w[nz], dtype=np.float32)

    def to_dict(self) -> dict:
        nz, data = self._sparse(self.coef)
        fnz, fdata = self._sparse(self.front_coef)
        tnz, tdata = self._sparse(self.ta_coef)
        return {
            "format": FORMAT,
            "indices": nz,
            "data": data,
            "front_indices": fnz,
            "front_data": fdata,
            "ta_indices": tnz,
            "ta_data": tdata,
            "ta_intercept": float(self.ta_intercept),
            "plain": np.asarray(self.plain, dtype=np.float64),
            "plain_intercept": float(self.plain_intercept),
            "n_features": int(len(self.coef)),
            "intercept": float(self.intercept),
            "front_intercept": float(self.front_intercept),
            "stage2": np.asarray(self.stage2, dtype=np.float64),
            "stage2_intercept": float(self.stage2_intercept),
            "stage2_features": list(STAGE2_FEATURES),
            "base": np.asarray(self.base, dtype=np.float64),
            "base_intercept": float(self.base_intercept),
            "base_features": list(BASE_FEATURES),
            "passage_chars": int(self.passage_chars),
        }

    @classmethod
    def from_dict(cls, d: dict | None) -> "DraftScorer | None":
        if not d:
            return None
        if (int(d.get("format", 2)) != FORMAT or list(d.get("stage2_features", ())) != list(STAGE2_FEATURES)
                or list(d.get("base_features", ())) != list(BASE_FEATURES)):
            raise ValueError("draft scorer built for other inputs")
        n = int(d["n_features"])

        def dense(ix, data):
            w = np.zeros(n, dtype=np.float32)
            w[np.asarray(ix, dtype=np.int64)] = np.asarray(data, dtype=np.float32)
            return w

        return cls(
            dense(d["indices"], d["data"]), float(d["intercept"]), dense(d["front_indices"], d["front_data"]), float(d["front_intercept"]),
            np.asarray(d["stage2"], dtype=np.float64), float(d["stage2_intercept"]),
            dense(d["ta_indices"], d["ta_data"]), float(d["ta_intercept"]),
            np.asarray(d["plain"], dtype=np.float64), float(d["plain_intercept"]),
            np.asarray(d["base"], dtype=np.float64), float(d["base_intercept"]), int(d.get("passage_chars", PASSAGE_CHARS)),
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
