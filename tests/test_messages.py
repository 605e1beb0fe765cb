"""The coded-message catalogue: every code renders in both languages; values round-trip."""

import re

import pytest

from workbench import messages
from workbench.messages import CATALOGUE, Message, define, msg

_SAMPLES = {"terms": ("laser weapon", "missile"), "field": 3, "n": 2, "p": 0.25, "name": "x.pdf",
            "t": {"en": "Japan", "ja": "日本"}}  # I703: a rule-data text in both languages (filing.py)


def _sample_args(spec):
    """A sample per placeholder: a number where the template formats one (``{n:,}``, ``{p:.3g}``)."""
    formatted = {name.split(".")[0] for _, name, fmt, _ in messages._FORMATTER.parse(spec.en) if name and fmt}
    return {name: 1234 if name in formatted else _SAMPLES.get(name, "X") for name in spec.placeholders("en") | spec.placeholders("ja")}


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
    assert m.render("ja").startswith("用語：a、b；特許請求の範囲")
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


# -- every catalogue module, every code -------------------------------------------------
import ast  # noqa: E402
import importlib  # noqa: E402
import pkgutil  # noqa: E402
from pathlib import Path  # noqa: E402

# Words a Japanese text may keep in Latin letters: codes, formats, law and product names.
ALLOWED_LATIN = {
    "IPC", "CPC", "JPO", "PDF", "DOCX", "TXT", "MD", "XML", "CSV", "XLSX", "JSON", "YAML", "UTF", "OCR",
    "ISO", "USPTO", "PCT", "EP", "WO", "JP", "US", "CN", "DE", "IN", "GB", "FR", "KR", "SQLite", "PostgreSQL",
    "ZIP", "OLE", "Word", "BOM", "Shift_JIS", "sha256", "ID", "CLI", "GUI", "Dask", "workbench", "UTC",
    # names in error details: formats, standards and notations the user types or sees in files
    "UTF-8", "EOF", "FIFO", "DOCTYPE", "Ed25519", "URL", "YYYY-MM-DD", "WO/PCT", "JPN", "USA",
}


def _catalogue_modules():
    pkg = importlib.import_module("workbench.messages")
    return sorted(m.name for m in pkgutil.iter_modules(pkg.__path__))


@pytest.mark.parametrize("module", _catalogue_modules())
def test_every_catalogue_module_is_loaded_and_its_codes_are_in_the_catalogue(module):
    """A new workbench/messages/<area>.py is imported by the package (else its codes would be
    missing at run time when nothing else imports it) and every code it defines is there."""
    path = Path(messages.__file__).with_name(f"{module}.py")
    init = Path(messages.__file__).read_text(encoding="utf-8")
    assert re.search(rf"^\s+{module},$", init, re.M), f"workbench/messages/__init__.py does not import {module}"
    defined = [
        node.args[0].value
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "define"
        and node.args and isinstance(node.args[0], ast.Constant)
    ]
    assert all(code in CATALOGUE for code in defined), [c for c in defined if c not in CATALOGUE]


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_japanese_text_keeps_no_english_words(code):
    """Latin words in a Japanese entry are only codes, symbols, formats and names."""
    spec = CATALOGUE[code]
    text = re.sub(r"\{[^}]*\}", " ", spec.ja)
    text = re.sub(r"'[^']*'|「[^」]*」|--[\w-]+|\[[EWNRI]\d+\]|workbench(?: [a-z-]+)*", " ", text)  # quoted names, options, codes, commands
    words = {w for w in re.findall(r"[A-Za-z][A-Za-z_0-9/.-]*[A-Za-z0-9]|[A-Za-z]", text)}
    english = {w for w in words if w not in ALLOWED_LATIN and not re.fullmatch(r"[A-H]\d\d[A-Z]?(?:\s?\d+/\d+)?|[A-Z]{2}|[A-Z]", w)}
    assert not english, f"{code}: English left in the Japanese text: {sorted(english)}"


def test_the_catalogue_follows_the_glossary():
    """One Japanese word per concept (workbench/ui/translations/glossary.ja.tsv), in the
    core's messages as in the UI: 草稿, 判定, 判定記録, 出願方針, 分野, 特許請求の範囲..."""
    from tests.ui.test_glossary import load_glossary, problems

    pairs = [(re.sub(r"\{[^}]*\}", " ", spec.en), spec.ja) for spec in CATALOGUE.values()]  # placeholders are no words
    assert problems(pairs, load_glossary()) == []


def test_a_coded_name_argument_is_rendered_in_the_readers_language():
    """A ``name`` argument is escaped when it is a file name (text); when it is itself a coded
    message (a label), it is rendered in the same language, not in English."""
    from workbench.messages import cli as C

    m = msg("I990", name=msg(C.HELD_OUT_LABELS["claims"]), scores="n=1")
    assert m.render("ja").startswith("評価用データ 請求項") and m.render("en").startswith("held-out claims")
    assert "\\x0a" in msg("I990", name="a\nb", scores="").render("en")  # a file name is still escaped
