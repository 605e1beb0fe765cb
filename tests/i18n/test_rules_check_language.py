"""`workbench rules check` lists every problem of a user's rule file: in Japanese under a
Japanese locale, and in both languages with the hint saying what to do."""

from __future__ import annotations

from workbench.cli.main import main

BROKEN = 'id: acme\nextends: jp-specified-fields\nversion: "a1"\nfields:\n  - id: 19\n    name_ja: 通信妨害\n    ipc: [{code: H04K 3/00\n'
SHIFT_JIS = 'id: acme\nextends: jp-specified-fields\nversion: "a1"\nfields:\n  - id: 26\n    name_ja: 社内分野\n'


def test_rules_check_speaks_japanese_under_a_japanese_locale(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(BROKEN, encoding="utf-8")
    assert main(["rules", "check", str(bad)]) == 2
    out = capsys.readouterr().out
    assert "[E302]" in out and str(bad) in out and "行目" in out
    assert "ルールファイルを解析できません" in out and "書式を修正してください" in out  # what, and what to do
    assert "The rule file cannot be parsed" not in out
    assert "1 件の問題" in out


def test_rules_check_says_what_to_do_in_english(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("WORKBENCH_LANG", "en")
    bad = tmp_path / "sjis.yaml"
    bad.write_bytes(SHIFT_JIS.encode("shift_jis"))
    assert main(["rules", "check", str(bad)]) == 2
    out = capsys.readouterr().out
    assert f"{bad}, line" in out and "[E302]" in out and "not UTF-8" in out
    assert "UTF-8" in out.split("not UTF-8", 1)[1]  # the hint: save it as UTF-8


def test_a_valid_rules_folder_is_confirmed_in_japanese(capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert main(["rules", "check"]) == 0
    assert "正しい形式です" in capsys.readouterr().out


def test_schema_problems_read_in_japanese(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    bad = tmp_path / "acme.yaml"
    bad.write_text(
        'id: acme\nextends: jp-specified-fields\nversion: "a1"\nfields:\n  - id: 26\n    name_ja: 社内分野\n'
        "    name_en: In-house\n    ipc: [A01B 1/00]\n    additional_requirement: {applies: false}\n"
        "    verified: maybe\n    colour: red\n",
        encoding="utf-8",
    )
    assert main(["rules", "check", str(bad)]) == 2
    out = capsys.readouterr().out
    assert "fields[0].verified は真偽値（'true' か 'false'）にしてください" in out
    assert "未知の項目 'colour'" in out
    assert "must be" not in out and "unknown key" not in out
