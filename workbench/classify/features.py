"""Text -> hashed feature vectors (no fitted vocabulary, so nothing to ship but the
parameters). Word uni/bigrams carry English meaning; character 2-4-grams carry
Japanese (no spaces, no training text: the JA rule terms and field names match by
their characters) and English word variants."""

from __future__ import annotations

import unicodedata

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize

from workbench.text import join_japanese_wraps

FEATURE_PARAMS = {"word_bits": 17, "char_bits": 17, "char_ngrams": (2, 4), "word_ngrams": (1, 2)}


def _prep(text: str) -> str:
    # full-width letters/digits -> ASCII; katakana stays katakana; Japanese line wraps joined
    return join_japanese_wraps(unicodedata.normalize("NFKC", text))


class Featurizer:
    """Stateless: the same parameters always give the same vectors."""

    def __init__(self, word_bits: int = 17, char_bits: int = 17, char_ngrams=(2, 4), word_ngrams=(1, 2)) -> None:
        self.params = {
            "word_bits": int(word_bits),
            "char_bits": int(char_bits),
            "char_ngrams": tuple(char_ngrams),
            "word_ngrams": tuple(word_ngrams),
        }
        common = dict(alternate_sign=False, norm=None, lowercase=True, preprocessor=None, dtype=np.float32)
        self._word = HashingVectorizer(
            analyzer="word", ngram_range=tuple(word_ngrams), n_features=2**word_bits, stop_words="english", **common
        )
        self._char = HashingVectorizer(analyzer="char_wb", ngram_range=tuple(char_ngrams), n_features=2**char_bits, **common)

    @property
    def n_features(self) -> int:
        return 2 ** self.params["word_bits"] + 2 ** self.params["char_bits"]

    def transform(self, texts: list[str]) -> sp.csr_matrix:
        texts = [_prep(t) for t in texts]
        w = self._word.transform(texts)
        c = self._char.transform(texts)
        # char n-grams outnumber words ~5:1; damp them so words still count
        w.data = np.log1p(w.data)
        c.data = np.log1p(c.data) * 0.5
        X = sp.hstack([normalize(w), normalize(c)], format="csr", dtype=np.float32)
        return normalize(X)
