"""The model is loaded from the very bytes whose hash was checked (issue 14): a second
process swapping the file for a foreign pickle between the check and the load never gets
its pickle run, and E402 names the real hash and the expected one."""

from __future__ import annotations

import hashlib
import json
import multiprocessing as mp
import os
import pickle
import time

import numpy as np
import pytest
import scipy.sparse as sp

from workbench.classify import model as M
from workbench.errors import ModelError


class _Foreign:
    """What an attacker's pickle does when it is loaded: here, leave a mark."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "a"))


def _tiny_model_dir(tmp_path):
    d = tmp_path / "models"
    d.mkdir()
    m = M.IpcModel(
        labels=("F41H", "A61K"), kinds=("subclass", "subclass"), titles=("armour", "medicine"),
        coef=sp.csr_matrix(np.zeros((2, 4), dtype=np.float32)), intercept=np.zeros(2, dtype=np.float32),
        scale=np.ones((2, 2), dtype=np.float32), feature_params={}, meta={"version": "tiny"},
    )
    sha = m.save(d / M.MODEL_FILE)
    (d / M.CARD_FILE).write_text(json.dumps({"model_sha256": sha}))
    return d, sha


def _swapper(model_dir: str, good: bytes, foreign: bytes, stop_at: float) -> None:
    target = os.path.join(model_dir, M.MODEL_FILE)
    i = 0
    while time.monotonic() < stop_at:
        tmp = f"{target}.swap{i % 2}"
        with open(tmp, "wb") as fh:
            fh.write(foreign if i % 2 else good)
        os.replace(tmp, target)  # atomic: the loader sees one file or the other, whole
        if i == 1:
            open(os.path.join(model_dir, "swapping"), "w").close()
        i += 1


def test_a_file_swapped_between_check_and_load_never_runs(tmp_path):
    d, sha = _tiny_model_dir(tmp_path)
    good = (d / M.MODEL_FILE).read_bytes()
    marker = tmp_path / "foreign-pickle-ran"
    foreign = pickle.dumps(_Foreign(str(marker)))
    ctx = mp.get_context("spawn")
    proc = ctx.Process(target=_swapper, args=(str(d), good, foreign, time.monotonic() + 120))
    proc.start()
    loaded = refused = 0
    try:
        deadline = time.monotonic() + 50
        while not (d / "swapping").exists() and time.monotonic() < deadline:
            time.sleep(0.05)  # the swapper is running
        started = time.monotonic()
        # at least 300 loads, and on until both files were seen (a busy machine may starve the swapper)
        while loaded + refused < 300 or (not (loaded and refused) and time.monotonic() - started < 50):
            try:
                m = M.load_model(d)
            except ModelError as exc:
                assert exc.code == "E402", exc.render()  # never E406: the bytes loaded are the bytes hashed
                refused += 1
            else:
                assert m.labels == ("F41H", "A61K") and m.version == "tiny"
                loaded += 1
            assert not marker.exists(), "a foreign pickle was loaded"
    finally:
        proc.terminate()
        proc.join(10)
    assert loaded + refused >= 300
    assert loaded > 0 and refused > 0  # both files were really seen: the race was on


def test_e402_names_the_real_hash_and_the_expected_one(tmp_path):
    d, sha = _tiny_model_dir(tmp_path)
    p = d / M.MODEL_FILE
    data = bytearray(p.read_bytes())
    data[len(data) // 2] ^= 0xFF
    p.write_bytes(bytes(data))
    with pytest.raises(ModelError) as exc:
        M.load_model(d)
    actual = hashlib.sha256(bytes(data)).hexdigest()
    assert exc.value.code == "E402"
    assert exc.value.details["actual"] == actual[:12] and exc.value.details["expected"] == sha[:12]
    assert actual[:12] in exc.value.render() and sha[:12] in exc.value.render()


def test_a_verified_file_that_cannot_be_loaded_is_e406_not_a_hash_mismatch(tmp_path):
    d, _ = _tiny_model_dir(tmp_path)
    junk = pickle.dumps({"format": 999})
    (d / M.MODEL_FILE).write_bytes(junk)
    (d / M.CARD_FILE).write_text(json.dumps({"model_sha256": hashlib.sha256(junk).hexdigest()}))
    with pytest.raises(ModelError) as exc:
        M.load_model(d)
    assert exc.value.code == "E406" and hashlib.sha256(junk).hexdigest()[:12] in exc.value.render()


def test_the_model_file_is_read_once(tmp_path, monkeypatch):
    d, _ = _tiny_model_dir(tmp_path)
    opened = []
    real_open = open

    def counting_open(file, *args, **kwargs):
        if str(file).endswith(M.MODEL_FILE):
            opened.append(file)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", counting_open)
    M.load_model(d)
    assert len(opened) == 1


def test_a_swap_right_after_the_hash_is_checked_changes_nothing(tmp_path, monkeypatch):
    """The race made certain: the file is replaced by a foreign pickle the moment its hash
    has been computed (whichever way the loader computes it)."""
    d, _ = _tiny_model_dir(tmp_path)
    marker = tmp_path / "foreign-pickle-ran"
    foreign = d / "foreign.tmp"
    foreign.write_bytes(pickle.dumps(_Foreign(str(marker))))

    def swap():
        if foreign.exists():
            os.replace(foreign, d / M.MODEL_FILE)

    real_sha256, real_file = hashlib.sha256, M.sha256_file

    class SwappingHash:
        def __init__(self, data=b""):
            self._h = real_sha256(data)

        def update(self, data):
            self._h.update(data)

        def hexdigest(self):
            out = self._h.hexdigest()
            swap()
            return out

    def swapping_file(path):
        out = real_file(path)
        swap()
        return out

    monkeypatch.setattr(M.hashlib, "sha256", SwappingHash)
    monkeypatch.setattr(M, "sha256_file", swapping_file)
    m = M.load_model(d)
    assert not foreign.exists()  # the swap did happen
    assert not marker.exists() and m.version == "tiny"
