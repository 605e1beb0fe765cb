"""The law behind each foreign-filing rule, cited in Japanese: every jurisdiction has a
``law_ja`` that translates its ``law`` (same article numbers, the original citation kept
recognisable), Japan's is the Act's Japanese name with the articles the reference supports,
and the Japanese checklist (CLI and JSON) shows it while English stays as it was."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from workbench.cli.main import main
from workbench.filing import FilingFacts, filing_checks, load_jurisdictions
from workbench.filing.checklist import FILE, TRANSLATED
from workbench.rules.loader import installed_rules_dir

DATA_PATH = installed_rules_dir() / FILE
DATA = yaml.safe_load(DATA_PATH.read_text(encoding="utf-8"))
RULES = {j.code: j for j in load_jurisdictions()}
ENGLISH_ARTICLE = re.compile(r"\bArts?\.|\bRules?\b|\bss?\.\s?\d|§")  # 'Art. 19', 's.35', 'ss.22-23', '§52'


def test_law_is_one_of_the_translated_texts_and_the_data_version_was_bumped():
    assert "law" in TRANSLATED
    assert DATA["version"] != "2026.11-1"  # the release without law_ja


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_jurisdiction_cites_its_law_in_japanese(code):
    j = RULES[code]
    assert j.law_ja and j.law_ja != j.law, f"{code}: no law_ja"
    assert j.text("law", "ja") == j.law_ja and j.text("law") == j.law and j.text("law", "en") == j.law
    assert not ENGLISH_ARTICLE.search(j.law_ja), f"{code}: article left in English: {j.law_ja!r}"


def test_foreign_citations_stay_recognisable():
    keep = {"US": ["35 U.S.C.", "37 CFR 5.11"], "DE": ["PatG"], "FR": ["CPI", "L612-8", "L615-16"],
            "IL": ["5727-1967"], "IT": ["CPI", "33/2010"], "ES": ["Ley 24/2015"], "FI": ["551/1967"],
            "SE": ["1971:1078"], "AU": ["Defence Trade Controls Act 2012"], "NO": ["Patentstyret"]}
    for code, parts in keep.items():
        for part in parts:
            assert part in RULES[code].law_ja, (code, part)
    assert RULES["CN"].law_ja == "中国専利法第19条、専利法実施細則第8条～第9条"
    assert RULES["GB"].law_ja == "英国1977年特許法 第22条・第23条（第23条(1A)、第23条(2)）"  # the s.23(1A)(b) limb, the s.23(2) exemption
    assert "第181条～第188条" in RULES["US"].law_ja and "第35条、第39条、第40条、第118条" in RULES["IN"].law_ja


def test_japan_cites_the_act_by_its_japanese_names_and_only_the_articles_the_reference_supports():
    law = RULES["JP"].law_ja
    assert law.startswith("経済安全保障推進法")
    assert "経済施策を一体的に講ずることによる安全保障の確保の推進に関する法律" in law  # the formal name
    assert "第65条～第85条" in law and "第78条 外国出願の禁止" in law and "第79条 事前確認" in law
    assert set(re.findall(r"第(\d+)条", law)) == {"65", "85", "78", "79"}  # nothing the English does not say


def test_cli_in_japanese_prints_the_japanese_law_and_english_is_unchanged(capsys):
    args = ["filing", "check", "--completed-in", "JP,US,CN", "--residence", "GB,IN", "--plan", "EP", "--level", "likely"]
    assert main([*args, "--lang", "ja"]) == 0
    out = capsys.readouterr().out
    shown = [c.jurisdiction for c in filing_checks(FilingFacts(("JP", "US", "CN"), ("GB", "IN"), ("EP",), "likely"))]
    assert {j.code for j in shown} >= {"JP", "US", "CN", "GB", "IN"}
    for j in shown:
        assert f"— {j.law_ja}（" in out, j.code  # then （確認済み） or （未確認 …）
        assert j.law not in out, j.code
    assert main(args) == 0  # English (the tests run as an English user)
    out = capsys.readouterr().out
    for j in shown:
        assert f"— {j.law} (" in out and j.law_ja not in out, j.code


def test_cli_follows_the_users_language_for_the_law_too(capsys, monkeypatch):
    monkeypatch.setenv("WORKBENCH_LANG", "ja")
    assert main(["filing", "check", "--completed-in", "US", "--plan", "EP"]) == 0
    assert RULES["US"].law_ja in capsys.readouterr().out
    assert main(["filing", "check", "--completed-in", "US", "--plan", "EP", "--lang", "en"]) == 0  # --lang wins
    out = capsys.readouterr().out
    assert RULES["US"].law in out and RULES["US"].law_ja not in out


def test_json_carries_law_and_law_ja(capsys):
    assert main(["filing", "check", "--completed-in", "DE", "--plan", "US", "--defence", "yes", "--json"]) == 0
    de = next(r for r in json.loads(capsys.readouterr().out) if r["code"] == "DE")
    # the current Patentgesetz §§ 52-53 (issue 15), not § 30c of the 1936 Act
    assert de["law"].startswith("PatG §§ 50-56 (§ 52") and "30c" not in de["law"] and de["law_ja"] == RULES["DE"].law_ja


def test_a_users_file_without_law_ja_loads_and_shows_the_english_law(tmp_path, capsys):
    """As for the other *_ja keys: optional in a user's own file, the English law shown instead
    (the shipped data must have it: see test_every_jurisdiction_cites_its_law_in_japanese)."""
    path = tmp_path / "own.yaml"
    path.write_text(
        "jurisdictions:\n"
        "  - {code: JP, name: Japan, name_ja: 日本, law: 'Own Act s.1', trigger: place, scope: all,\n"
        "     requirement: r, wait: w, penalty: p, verified: false, sources: [s]}\n",
        encoding="utf-8",
    )
    (own,) = load_jurisdictions(path)
    assert own.law_ja == "" and own.text("law", "ja") == "Own Act s.1"
    check = filing_checks(FilingFacts(completed_in=("JP",), planned=("US",)), (own,))[0]
    assert check.to_dict()["law_ja"] == "Own Act s.1" and check.text("law", "ja") == "Own Act s.1"


def _run_with_stdout(monkeypatch, encoding: str, args: list[str]) -> str:
    import io
    import sys

    buffer = io.BytesIO()
    stream = io.TextIOWrapper(buffer, encoding=encoding, errors="strict", newline="\n")
    monkeypatch.setattr(sys, "stdout", stream)
    assert main(args) == 0
    stream.flush()
    return buffer.getvalue().decode(encoding)


@pytest.mark.parametrize("encoding", ["cp932", "shift_jis", "euc_jp"])
def test_japanese_checklist_prints_on_a_legacy_japanese_code_page(monkeypatch, encoding):
    """Japanese Windows writes redirected output in cp932, which has no em dash; Shift_JIS and
    EUC-JP have no fullwidth tilde (～). The line is printed with look-alikes, never a traceback."""
    out = _run_with_stdout(monkeypatch, encoding, ["filing", "check", "--completed-in", "US,FR", "--residence", "FR", "--plan", "EP", "--lang", "ja"])
    us = RULES["US"].law_ja
    assert (us if encoding == "cp932" else us.replace("～", "〜")) in out
    assert "米国特許法（35 U.S.C.）第181条" in out and "フランス知的財産法典（CPI）L612-8条" in out and "法的助言ではありません" in out
    assert "?" not in out  # nothing replaced by '?': every missing character had a look-alike


def test_json_on_a_terminal_that_cannot_show_japanese_is_escaped_not_lost(monkeypatch):
    out = _run_with_stdout(monkeypatch, "ascii", ["filing", "check", "--completed-in", "US", "--plan", "EP", "--json"])
    us = next(r for r in json.loads(out) if r["code"] == "US")
    assert us["law_ja"] == RULES["US"].law_ja and "\\u7c73" in out  # the same JSON, as \u escapes


def test_japanese_detail_lines_line_up_under_the_code(capsys):
    import unicodedata

    assert main(["filing", "check", "--completed-in", "US", "--residence", "GB", "--plan", "EP", "--level", "likely", "--lang", "ja"]) == 0
    lines = capsys.readouterr().out.splitlines()
    heads = [ln for ln in lines if ln.startswith("[")]
    assert any("[該当の可能性]" in h for h in heads) and any("[該当 " in h for h in heads)
    cols = {sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in h[: h.index("] ") + 2]) for h in heads}
    detail = {len(ln) - len(ln.lstrip(" ")) for ln in lines if ln.startswith(" ") and "：" in ln}
    assert cols == detail and len(cols) == 1  # '[該当        ] US' and '[該当の可能性] GB': one column for all
