"""The foreign-filing checklist in Japanese: every jurisdiction carries its Japanese texts
(a new one without them fails here), they say the same numbers as the English, the loader
takes the *_ja keys but still refuses unknown ones, and the CLI speaks Japanese on --lang ja."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter

import pytest
import yaml

from workbench.cli.main import main
from workbench.errors import RulesError
from workbench.filing import FilingFacts, filing_checks, load_jurisdictions
from workbench.filing.checklist import FILE, TRANSLATED
from workbench.rules.loader import installed_rules_dir

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")  # kana or kanji
DIGITS = re.compile(r"\d+")
RULES = load_jurisdictions()
DATA = yaml.safe_load((installed_rules_dir() / FILE).read_text(encoding="utf-8"))["jurisdictions"]
MINIMAL = "{code: XX, name: n, law: l, trigger: place, scope: all, requirement: r, wait: w, penalty: p, verified: false, sources: [s]"


def numbers(text: str) -> Counter:
    return Counter(DIGITS.findall(unicodedata.normalize("NFKC", text)))


@pytest.mark.parametrize("item", DATA, ids=[str(d["code"]) for d in DATA])
def test_every_jurisdiction_has_faithful_japanese_for_each_english_text(item):
    for key in TRANSLATED:
        if key not in item:  # 'note' is optional; then so is 'note_ja'
            assert f"{key}_ja" not in item
            continue
        ja = item.get(f"{key}_ja")
        assert ja and ja.strip(), f"{item['code']}: '{key}_ja' is missing"
        assert JAPANESE.search(ja), f"{item['code']}: '{key}_ja' has no Japanese: {ja!r}"
        assert numbers(ja) == numbers(item[key]), f"{item['code']}: {key} numbers differ: {item[key]!r} vs {ja!r}"


def test_currency_amounts_are_carried_over_exactly():
    for item in DATA:
        for key in TRANSLATED:
            for amount in re.findall(r"(?:USD|EUR|SGD|JPY) [\d.,]+\d", item.get(key, "")):
                assert amount in item[f"{key}_ja"], (item["code"], amount)


def test_loaded_jurisdictions_give_japanese_or_fall_back_to_english(tmp_path):
    jp = next(j for j in RULES if j.code == "JP")
    assert jp.text("name", "ja") == "日本" and jp.text("name") == "Japan" and jp.text("name", "en") == "Japan"
    assert "第一国出願" in jp.text("requirement", "ja") and "事前確認" in jp.text("requirement", "ja")
    assert jp.text("requirement", "en") == jp.requirement
    kr = next(j for j in RULES if j.code == "KR")
    assert kr.note == "" and kr.text("note", "ja") == ""  # no note in either language
    path = tmp_path / "bare.yaml"
    path.write_text(f"jurisdictions:\n  - {MINIMAL}}}\n", encoding="utf-8")
    bare = load_jurisdictions(path)[0]
    assert bare.name_ja == "" and bare.text("requirement", "ja") == "r"  # no Japanese: the English
    assert bare.law_ja == "" and bare.text("law", "ja") == "l"  # law_ja too falls back to the English
    with pytest.raises(ValueError):
        jp.text("sources", "ja")


@pytest.mark.parametrize(
    "extra, needle, line",
    [
        ("name_fr: Japon", "unknown key 'name_fr' in jurisdictions[0]", 3),
        ("requirement_ja: [not, text]", "jurisdictions[0].requirement_ja must be string, not array", 3),
        ("law_ja: 42", "jurisdictions[0].law_ja must be string, not integer", 3),
        ("note_ja: 注記", "has 'note_ja' but not 'note' beside it", 3),
    ],
)
def test_loader_rejects_unknown_keys_and_bad_japanese_with_the_line(tmp_path, extra, needle, line):
    body = f"jurisdictions:\n  - {MINIMAL},\n     {extra}}}\n"
    path = tmp_path / "bad.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(RulesError) as err:
        load_jurisdictions(path)
    assert err.value.code == "E303" and needle in err.value.render() and str(path) in err.value.render()
    assert err.value.line == line


def test_why_is_given_in_both_languages():
    checks = {c.jurisdiction.code: c for c in filing_checks(FilingFacts(completed_in=("JP",), residences=("GB",), planned=("US",), jp_level="review"))}
    jp, gb = checks["JP"], checks["GB"]
    assert "Japan" in jp.why and "'review'" in jp.why  # the English stays as it was
    assert "日本で完成" in jp.text("why", "ja") and "「要検討」" in jp.text("why", "ja") and not re.search(r"[A-Za-z]", jp.why_ja)
    assert gb.applies == "possible" and "英国に居住" in gb.text("why", "ja") and gb.text("why") == gb.why
    defence = filing_checks(FilingFacts(residences=("GB",), planned=("US",), defence_related=True))
    assert "軍事・安全保障に関連する" in defence[0].text("why", "ja")


def test_cli_lang_ja_prints_the_japanese_texts(capsys):
    assert main(["filing", "check", "--completed-in", "JP", "--residence", "IN", "--plan", "US", "--level", "likely", "--lang", "ja"]) == 0
    out = capsys.readouterr().out
    jp = next(j for j in RULES if j.code == "JP")
    assert jp.requirement_ja in out and jp.note_ja in out and "インド" in out and "法的助言ではありません" in out
    assert jp.requirement not in out and "UNVERIFIED" not in out and "未確認" in out
    assert main(["filing", "check", "--completed-in", "JP", "--plan", "US", "--level", "likely"]) == 0  # default: English
    out = capsys.readouterr().out
    assert jp.requirement in out and jp.requirement_ja not in out


def test_cli_lang_ja_with_nothing_applying_says_so_in_japanese(capsys):
    assert main(["filing", "check", "--completed-in", "JP", "--plan", "US", "--level", "clear", "--lang", "ja"]) == 0
    assert "適用される" in capsys.readouterr().out


def test_cli_rejects_another_language(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["filing", "check", "--completed-in", "JP", "--lang", "fr"])
    assert exc.value.code == 2 and "--lang" in capsys.readouterr().err


def test_cli_json_has_both_languages(capsys):
    assert main(["filing", "check", "--completed-in", "CN", "--plan", "US", "--json", "--lang", "ja"]) == 0
    cn = next(r for r in json.loads(capsys.readouterr().out) if r["code"] == "CN")
    rule = next(j for j in RULES if j.code == "CN")
    assert cn["requirement"] == rule.requirement and cn["requirement_ja"] == rule.requirement_ja
    assert cn["name"] == "China" and cn["name_ja"] == "中国" and cn["note_ja"] == rule.note_ja
    assert JAPANESE.search(cn["why_ja"]) and "China" in cn["why"]
    assert {f"{k}_ja" for k in TRANSLATED} | {"why_ja"} <= set(cn)
