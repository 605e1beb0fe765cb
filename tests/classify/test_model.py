"""The shipped model: loads once, verifies its hash, predicts deterministically."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from workbench.classify import model as M
from workbench.errors import ModelError

TEXT = "A guided missile with an infrared seeker and a steering fin actuator for terminal homing."


def test_model_loads_with_card_and_is_small():
    m = M.load_model()
    card = M.read_card(M.default_model_dir())
    assert (M.default_model_dir() / M.MODEL_FILE).stat().st_size <= 25 * 1024 * 1024
    assert card["model_sha256"] == M.sha256_file(M.default_model_dir() / M.MODEL_FILE)
    assert m.coef.dtype == np.float32
    assert len(m.labels) == m.coef.shape[0] == len(m.kinds)
    assert {"subclass", "target"} <= set(m.kinds)
    for key in ("command", "data", "environment", "held_out", "thresholds"):
        assert key in card


def test_predicts_deterministically_and_sensibly():
    m = M.load_model()
    a = m.probabilities([TEXT, "A pharmaceutical composition comprising an antibody."])
    b = M.load_model().probabilities([TEXT, "A pharmaceutical composition comprising an antibody."])
    assert np.array_equal(a, b)
    top_weapon = [c for c, _, _ in m.top(a[0], k=5, kind="subclass")]
    top_pharma = [c for c, _, _ in m.top(a[1], k=5, kind="subclass")]
    assert any(c.startswith(("F41", "F42")) for c in top_weapon), top_weapon
    assert any(c.startswith(("A61", "C07")) for c in top_pharma), top_pharma


def _copy_model(tmp_path):
    d = tmp_path / "models"
    d.mkdir()
    for name in (M.MODEL_FILE, M.CARD_FILE):
        shutil.copy(M.default_model_dir() / name, d / name)
    return d


def test_tampered_model_is_refused(tmp_path):
    d = _copy_model(tmp_path)
    p = d / M.MODEL_FILE
    data = bytearray(p.read_bytes())
    data[len(data) // 2] ^= 0xFF
    p.write_bytes(bytes(data))
    with pytest.raises(ModelError) as exc:
        M.load_model(d)
    assert exc.value.code == "E402"
    assert str(p) in exc.value.render()


def test_card_hash_mismatch_is_refused(tmp_path):
    d = _copy_model(tmp_path)
    card = json.loads((d / M.CARD_FILE).read_text())
    card["model_sha256"] = "0" * 64
    (d / M.CARD_FILE).write_text(json.dumps(card))
    with pytest.raises(ModelError) as exc:
        M.load_model(d)
    assert exc.value.code == "E402"


def test_missing_model_and_card(tmp_path):
    with pytest.raises(ModelError) as exc:
        M.load_model(tmp_path)
    assert exc.value.code == "E401"
    d = _copy_model(tmp_path)
    (d / M.CARD_FILE).unlink()
    with pytest.raises(ModelError) as exc:
        M.load_model(d)
    assert exc.value.code == "E403"


def test_get_model_loads_once(tmp_path):
    d = _copy_model(tmp_path)
    before = M.LOAD_COUNT["n"]
    a = M.get_model(d)
    b = M.get_model(d)
    assert a is b
    assert M.LOAD_COUNT["n"] == before + 1
