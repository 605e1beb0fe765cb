"""The coded-message catalogue: every code renders in both languages; values round-trip."""

import re

import pytest

from workbench import messages
from workbench.messages import CATALOGUE, Message, define, msg

_SAMPLES = {"terms": ("laser weapon", "missile"), "field": 3, "n": 2, "p": 0.25, "name": "x.pdf"}


def _sample_args(spec):
    return {name: _SAMPLES.get(name, "X") for name in spec.placeholders("en")}


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_code_renders_in_both_languages(code):
    spec = CATALOGUE[code]
    m = msg(code, **_sample_args(spec))
    en, ja = m.render("en"), m.render("ja")
    assert en and ja and "{" not in en and "{" not in ja
    # Japanese text must contain Japanese (no English-only entry)
    assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", ja), f"{code}: Japanese text has no Japanese"
    assert ja != en


def test_placeholders_must_agree():
    with pytest.raises(RuntimeError):
        define("N999", "needs {a}", "{b} が必要")
    assert "N999" not in CATALOGUE


def test_a_code_outside_the_ranges_is_refused():
    spec_code = "T1"
    with pytest.raises(RuntimeError):
        define(spec_code, "bad", "悪い")  # not N/R/W/I


def test_round_trip_and_nested_rendering(monkeypatch):
    monkeypatch.setitem(CATALOGUE, "I990", messages.MessageSpec("I990", "terms: {terms}; {inner}", "用語：{terms}；{inner}"))
    inner = msg("N401")
    m = msg("I990", terms=["a", "b"], inner=inner)
    assert m.render("en").startswith("terms: a, b; No claims")
    assert m.render("ja").startswith("用語：a、b；請求の範囲")
    back = Message.from_dict(m.to_dict())
    assert back == m
    assert m.to_dict()["en"] == str(m)


def test_unknown_code_from_a_newer_record_renders_without_crash():
    m = Message("R9999", (("x", 1),))
    assert "R9999" in m.render("ja")


def test_msg_refuses_unknown_codes_and_missing_args(monkeypatch):
    with pytest.raises(KeyError):
        msg("N000")
    monkeypatch.setitem(CATALOGUE, "I991", messages.MessageSpec("I991", "{a}", "{a}件"))
    with pytest.raises(KeyError):
        msg("I991")
