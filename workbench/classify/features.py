"""Text -> hashed feature vectors (no fitted vocabulary, so nothing to ship but the
parameters). Word uni/bigrams carry English meaning; character 2-4-grams carry
Japanese (no spaces, no training text: the JA rule terms and field names match by
their characters). With ``char_scope="all"`` (models before 2026-12) the character
n-grams were taken over the whole text (English word variants too); ``"cjk"`` takes them
over the Japanese runs only: on a full English draft the character analyser was 85 % of
the featurising time and full drafts are what users screen.

Normalisation (``normalise``) comes first, so a text's features do not depend on its
line wrapping or file format: NFKC, Japanese line wraps joined, a line break after a
hyphen joined ("radar-\nabsorbing" -> "radar-absorbing"), every run of white space one
space."""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize

from workbench.text import join_japanese_wraps

FEATURE_PARAMS = {"word_bits": 17, "char_bits": 17, "char_ngrams": (2, 4), "word_ngrams": (1, 2), "char_scope": "cjk"}
_HYPHEN_WRAP = re.compile(r"(?<=\w)-[ \t]*\r?\n\s*(?=\w)")
_SPACE = re.compile(r"\s+")
_CJK_RUN = re.compile(r"[^\x00-\u2fff]+")  # kana, kanji, full-width forms (after NFKC)


def normalise(text: str) -> str:
    """The text as the features see it: the same words whatever the wrapping."""
    t = join_japanese_wraps(unicodedata.normalize("NFKC", text))
    return _SPACE.sub(" ", _HYPHEN_WRAP.sub("-", t)).strip()


def _prep(text: str) -> str:
    # full-width letters/digits -> ASCII; katakana stays katakana; Japanese line wraps joined
    return join_japanese_wraps(unicodedata.normalize("NFKC", text))


def cjk_runs(text: str) -> str:
    return " ".join(_CJK_RUN.findall(text))


class Featurizer:
    """Stateless: the same parameters always give the same vectors."""

    def __init__(self, word_bits: int = 17, char_bits: int = 17, char_ngrams=(2, 4), word_ngrams=(1, 2), char_scope: str = "all") -> None:
        self.params = {
            "word_bits": int(word_bits),
            "char_bits": int(char_bits),
            "char_ngrams": tuple(char_ngrams),
            "word_ngrams": tuple(word_ngrams),
            "char_scope": str(char_scope),
        }
        common = dict(alternate_sign=False, norm=None, lowercase=True, preprocessor=None, dtype=np.float32)
        self._word = HashingVectorizer(
            analyzer="word", ngram_range=tuple(word_ngrams), n_features=2**word_bits, stop_words="english", **common
        )
        self._char = HashingVectorizer(analyzer="char_wb", ngram_range=tuple(char_ngrams), n_features=2**char_bits, **common)

    @property
    def n_features(self) -> int:
        return 2 ** self.params["word_bits"] + 2 ** self.params["char_bits"]

    def transform(self, texts: list[str], normalised: bool = False) -> sp.csr_matrix:
        if self.params["char_scope"] == "cjk":
            texts = list(texts) if normalised else [normalise(t) for t in texts]
            w = self._word.transform(texts)
            c = self._char.transform([cjk_runs(t) for t in texts])
        else:
            texts = [_prep(t) for t in texts]
            w = self._word.transform(texts)
            c = self._char.transform(texts)
        # char n-grams outnumber words ~5:1; damp them so words still count
        w.data = np.log1p(w.data)
        c.data = np.log1p(c.data) * 0.5
        X = sp.hstack([normalize(w), normalize(c)], format="csr", dtype=np.float32)
        return normalize(X)
