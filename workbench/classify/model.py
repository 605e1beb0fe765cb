"""The IPC prediction model: one pruned linear scorer per label (IPC subclass, or an IPC
group named by a rule), stored as plain arrays so the file holds no code.

``models/ipc_model.joblib`` is a dict of numpy/scipy arrays and lists; its SHA-256 is in
``models/ipc_model.card.json`` and :func:`load_model` refuses any file whose hash differs
(a joblib file is a pickle: we load only our own, from the bytes that were hashed).
:func:`get_model` loads it once.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import threading
from dataclasses import dataclass, field
from pathlib import Path

import joblib
import numpy as np
import scipy.sparse as sp

from workbench import resources
from workbench.classify.data import sha256_file
from workbench.classify.draft import DraftScorer
from workbench.classify.features import Featurizer
from workbench.classify.suggest import IpcSuggester
from workbench.errors import E401, E402, E403, E406, ModelError
from workbench.messages.causes import cause

MODEL_FILE = "ipc_model.joblib"
CARD_FILE = "ipc_model.card.json"
FORMAT = 1


def default_model_dir() -> Path:
    return resources.models_dir()  # env WORKBENCH_MODEL_DIR > bundle > checkout > wheel data


@dataclass
class Calibrator:
    """Logistic calibration of per-field scores: p = sigmoid(w . features + b)."""

    coef: np.ndarray
    intercept: float
    feature_names: tuple[str, ...]

    def predict(self, feats: np.ndarray) -> np.ndarray:
        z = feats @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))


@dataclass
class SensitivityHead:
    """A linear scorer fit directly on the training records' "in any specified field"
    label (class-balanced logistic regression): ``decision = X . coef + intercept``.
    Its value is one more input of the field-likelihood calibrator."""

    coef: np.ndarray  # (n_features,) float32, sparse-stored on disk
    intercept: float

    def decision(self, X) -> np.ndarray:
        return np.asarray(X @ self.coef, dtype=np.float64).ravel() + self.intercept


@dataclass
class IpcModel:
    labels: tuple[str, ...]  # "G06F", "F41H 3/00", "G21C 19/42-19/50" ...
    kinds: tuple[str, ...]  # "subclass" | "target"
    titles: tuple[str, ...]
    coef: sp.csr_matrix  # (n_labels, n_features) float32, pruned
    intercept: np.ndarray  # (n_labels,) float32
    scale: np.ndarray  # (n_labels, 2) per-label Platt scaling of the decision value
    feature_params: dict
    calibrator: Calibrator | None = None
    head: SensitivityHead | None = None  # absent in models trained before it existed
    # the calibrator fit without the head's input: for text the head never learnt from (Japanese)
    calibrator_base: Calibrator | None = None
    draft: "DraftScorer | None" = None  # the draft-level score (models from 2026-12 on)
    suggester: "IpcSuggester | None" = None  # the subclass suggestions' second opinion (suggest.py)
    meta: dict = field(default_factory=dict)
    _featurizer: Featurizer | None = field(default=None, repr=False)

    @property
    def featurizer(self) -> Featurizer:
        if self._featurizer is None:
            self._featurizer = Featurizer(**self.feature_params)
        return self._featurizer

    @property
    def version(self) -> str:
        return str(self.meta.get("version", ""))

    def _decision(self, X) -> np.ndarray:
        return np.asarray((X @ self.coef.T).todense(), dtype=np.float32) + self.intercept

    def decision(self, texts: list[str]) -> np.ndarray:
        return self._decision(self.featurizer.transform(texts))

    def _probabilities(self, X) -> np.ndarray:
        z = self._decision(X) * self.scale[:, 0] + self.scale[:, 1]
        return (1.0 / (1.0 + np.exp(-z))).astype(np.float32)

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """Per label: the probability that the office would assign it (Platt-scaled)."""
        return self._probabilities(self.featurizer.transform(texts))

    def scores(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(label probabilities, sensitivity-head decision values or zeros without a head),
        from one featurisation of ``texts``."""
        X = self.featurizer.transform(texts)
        sens = self.head.decision(X) if self.head is not None else np.zeros(len(texts))
        return self._probabilities(X), sens

    def subclass_mask(self) -> np.ndarray:
        return np.array([k == "subclass" for k in self.kinds])

    def top(self, probs_row: np.ndarray, k: int = 10, kind: str | None = None) -> list[tuple[str, float, str]]:
        idx = np.argsort(-probs_row, kind="stable")
        out = []
        for i in idx:
            if kind and self.kinds[i] != kind:
                continue
            out.append((self.labels[i], float(probs_row[i]), self.titles[i]))
            if len(out) >= k:
                break
        return out

    # -- persistence ---------------------------------------------------------
    def to_dict(self) -> dict:
        def cal_dict(c):
            if c is None:
                return None
            return {"coef": np.asarray(c.coef, dtype=np.float64), "intercept": float(c.intercept), "feature_names": list(c.feature_names)}

        cal = cal_dict(self.calibrator)
        coef = self.coef.tocsr()
        head = None
        if self.head is not None:
            nz = np.flatnonzero(self.head.coef).astype(np.int32)
            head = {
                "indices": nz,
                "data": np.asarray(self.head.coef[nz], dtype=np.float32),
                "n_features": int(len(self.head.coef)),
                "intercept": float(self.head.intercept),
            }
        return {
            "format": FORMAT,
            "labels": list(self.labels),
            "kinds": list(self.kinds),
            "titles": list(self.titles),
            "coef_data": coef.data.astype(np.float32),
            "coef_indices": coef.indices.astype(np.int32),
            "coef_indptr": coef.indptr.astype(np.int64),
            "coef_shape": tuple(coef.shape),
            "intercept": self.intercept.astype(np.float32),
            "scale": self.scale.astype(np.float32),
            "feature_params": dict(self.feature_params),
            "calibrator": cal,
            "head": head,
            "calibrator_base": cal_dict(self.calibrator_base),
            "draft": self.draft.to_dict() if self.draft is not None else None,
            "suggester": self.suggester.to_dict() if self.suggester is not None else None,
            "meta": dict(self.meta),
        }

    @classmethod
    def from_dict(cls, d: dict) -> IpcModel:
        coef = sp.csr_matrix((d["coef_data"], d["coef_indices"], d["coef_indptr"]), shape=tuple(d["coef_shape"]))
        cal = d.get("calibrator")
        h = d.get("head")
        head = None
        if h:
            w = np.zeros(int(h["n_features"]), dtype=np.float32)
            w[np.asarray(h["indices"], dtype=np.int64)] = np.asarray(h["data"], dtype=np.float32)
            head = SensitivityHead(w, float(h["intercept"]))
        return cls(
            labels=tuple(d["labels"]),
            kinds=tuple(d["kinds"]),
            titles=tuple(d["titles"]),
            coef=coef,
            intercept=np.asarray(d["intercept"], dtype=np.float32),
            scale=np.asarray(d["scale"], dtype=np.float32),
            feature_params=dict(d["feature_params"]),
            calibrator=Calibrator(np.asarray(cal["coef"]), float(cal["intercept"]), tuple(cal["feature_names"])) if cal else None,
            head=head,
            calibrator_base=_calibrator(d.get("calibrator_base")),
            draft=DraftScorer.from_dict(d.get("draft")),
            suggester=IpcSuggester.from_dict(d.get("suggester")),
            meta=dict(d.get("meta") or {}),
        )

    def save(self, path: Path) -> str:
        """Write the model (replacing any previous file) and return its SHA-256."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        joblib.dump(self.to_dict(), tmp, compress=("zlib", 6))
        Path(tmp).replace(path)
        return sha256_file(path)


def _calibrator(c) -> Calibrator | None:
    return Calibrator(np.asarray(c["coef"]), float(c["intercept"]), tuple(c["feature_names"])) if c else None


def read_card(model_dir: Path) -> dict:
    p = Path(model_dir) / CARD_FILE
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise ModelError(E403, path=p) from None


MAX_MODEL_BYTES = 512_000_000  # the shipped model is <= 25 MB; anything this big is not ours


def load_model(model_dir: Path | None = None) -> IpcModel:
    """Load and verify: missing -> E401, no card -> E403, hash differs from the card -> E402,
    verified but unreadable -> E406.

    The file is read once; its bytes are hashed and those same bytes are unpickled (from
    memory). A file swapped after the check can never be the one loaded: a joblib file is
    a pickle, and only the one whose hash the card names may run."""
    model_dir = Path(model_dir) if model_dir else default_model_dir()
    path = model_dir / MODEL_FILE
    card = None
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a folder or a pipe is no model (and never blocks)
            raise ModelError(E401, path=path)
        with open(path, "rb") as fh:
            card = read_card(model_dir)
            data = fh.read(MAX_MODEL_BYTES + 1)  # more than this is no model of ours: its hash differs
    except FileNotFoundError:
        raise ModelError(E401, path=path) from None
    except IsADirectoryError:
        raise ModelError(E401, path=path) from None
    except OSError:
        raise ModelError(E401, path=path) from None
    expected = str(card.get("model_sha256", ""))
    actual = hashlib.sha256(data).hexdigest()
    if actual != expected:
        raise ModelError(E402, path=path, actual=actual[:12], expected=expected[:12] or "none")
    try:
        d = joblib.load(io.BytesIO(data))  # the very bytes that were hashed
        del data
        if not isinstance(d, dict) or d.get("format") != FORMAT:
            raise ValueError("unknown format")
        model = IpcModel.from_dict(d)
    except Exception as exc:  # noqa: BLE001 - a verified but unreadable file is still a broken model
        raise ModelError(E406, path=path, sha=actual[:12], detail=cause(exc, en=f"{type(exc).__name__}: {exc}"[:200])) from None
    model.meta.setdefault("card", card)
    return model


_lock = threading.Lock()
_cache: dict[str, IpcModel] = {}
LOAD_COUNT = {"n": 0}  # how many times a model file was actually read (tests check "once")


def get_model(model_dir: Path | None = None) -> IpcModel:
    """The model, loaded lazily and once per directory."""
    key = str(Path(model_dir) if model_dir else default_model_dir())
    with _lock:
        m = _cache.get(key)
        if m is None:
            m = load_model(Path(key))
            LOAD_COUNT["n"] += 1
            _cache[key] = m
        return m


def clear_cache() -> None:
    with _lock:
        _cache.clear()
