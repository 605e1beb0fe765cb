"""The command line prints coded errors in the user's language: Japanese under a
Japanese locale or a Japanese Settings language, English otherwise; the code always."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from workbench.cli import main as cli
from workbench.cli.language import error_line
from workbench.errors import E102, IngestError
from workbench.settings import Settings, save_settings

JA_E102 = "ファイルが空です（0 バイト）。編集ソフトで草稿を保存し直してから、もう一度お試しください。"
EN_E102 = "The file is empty. Save the draft again from your editor and retry."


def _triage(tmp_path, capsys, *names):
    paths = []
    for name in names:
        p = tmp_path / name
        p.write_bytes(b"")
        paths.append(str(p))
    code = cli.main(["triage", "--no-log", *paths])
    return code, capsys.readouterr().err


def test_empty_file_in_japanese_under_a_japanese_locale(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    code, err = _triage(tmp_path, capsys, "empty.txt")
    assert code == 2
    assert err.strip() == f"エラー: [E102] {tmp_path / 'empty.txt'}: {JA_E102}"


def test_empty_file_in_english_otherwise(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "C.UTF-8")
    code, err = _triage(tmp_path, capsys, "empty.txt")
    assert code == 2
    assert err.strip() == f"error: [E102] {tmp_path / 'empty.txt'}: {EN_E102}"


def test_settings_language_and_the_override(tmp_path, capsys, monkeypatch):
    save_settings(Settings(language="ja"))
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert JA_E102 in _triage(tmp_path, capsys, "a.txt")[1]
    monkeypatch.setenv("WORKBENCH_LANG", "en")
    assert EN_E102 in _triage(tmp_path, capsys, "b.txt")[1]


def test_an_unreadable_settings_file_is_reported_in_the_locale_language(tmp_path, capsys, monkeypatch):
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    (config / "settings.json").write_text("{not json", encoding="utf-8")
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    code, err = _triage(tmp_path, capsys, "c.txt")
    assert code == 2 and "Traceback" not in err
    assert err.startswith(f"エラー: [E901] {config / 'settings.json'}: 設定値 設定ファイル=settings.json が正しくありません：JSON として読み取れません（")


def test_errors_outside_triage_use_the_same_language(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert cli.main(["log", "list", "--db", str(tmp_path / "none.sqlite")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"エラー: [E512] {tmp_path / 'none.sqlite'}: このパスに判定記録がありません。")


def test_a_terminal_that_cannot_show_japanese_gets_english():
    exc = IngestError(E102, path="d.txt")
    ascii_stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    assert error_line(exc, "ja", ascii_stream) == f"error: {exc.render()}"
    utf8_stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    assert error_line(exc, "ja", utf8_stream) == f"エラー: [E102] d.txt: {JA_E102}"


def test_the_real_command_and_its_help(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "WORKBENCH_LANG")}
    env.update(LANG="ja_JP.UTF-8", WORKBENCH_CONFIG_DIR=str(tmp_path / "config"), PYTHONIOENCODING="utf-8")
    run = subprocess.run([sys.executable, "-m", "workbench", "triage", "--no-log", str(empty)],
                         capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    assert run.returncode == 2
    assert run.stderr.strip() == f"エラー: [E102] {empty}: {JA_E102}"
    helped = subprocess.run([sys.executable, "-m", "workbench", "--help"],
                            capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    assert "WORKBENCH_LANG" in helped.stdout and "LANG=ja_JP.UTF-8" in helped.stdout


def test_filing_check_speaks_the_users_language_unless_told(capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert cli.main(["filing", "check", "--completed-in", "JP", "--plan", "US", "--level", "likely"]) == 0
    out = capsys.readouterr().out
    assert "JP 日本" in out and "理由：" in out
    assert cli.main(["filing", "check", "--completed-in", "JP", "--plan", "US", "--level", "likely", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "JP Japan" in out and "why: " in out
