"""Drafts and a helper for the console tests of several commands: a draft screened into a log
with `workbench triage` in a chosen language, then read back by the command under test.

(These tests were tests/i18n/test_cli_walkthrough.py, named after how their defects were found -
screening real drafts and reading them back; each now stands beside what it tests:
tests/classify/test_cli.py, tests/store/test_log_cli.py, tests/filing/test_clearance_cli.py.)"""

from __future__ import annotations

from workbench.cli.main import main


def screen_into_log(tmp_path, capsys, monkeypatch, lang, name, text, encoding="utf-8"):
    """Screen ``text`` saved as ``name`` into a new log as a user of ``lang``; (stdout, log path)."""
    monkeypatch.setenv("WORKBENCH_LANG", lang)
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path / "config"))
    db = tmp_path / "log.sqlite"
    draft = tmp_path / name
    draft.write_bytes(text.encode(encoding))
    assert main(["triage", str(draft), "--db", str(db)]) == 0
    return capsys.readouterr().out, db


DRONE = """Weapon-carrying unmanned aerial vehicle with autonomous target tracking

What is claimed is:
1. An unmanned aerial vehicle comprising a warhead, a seeker that tracks a target autonomously, and a
flight controller that steers the vehicle to the target.
2. The unmanned aerial vehicle of claim 1, wherein the seeker is an infrared seeker.
"""


JA_RAILGUN = """【書類名】特許請求の範囲
【請求項１】
　一対の導電性レールと、前記レール間に配置され電流により加速される電機子と、を備え、前記電機子により飛しょう体を発射する電磁加速式発射装置。
【書類名】明細書
【発明の名称】電磁加速式発射装置
【技術分野】
【０００１】
　本発明は、レールガン等の電磁加速式発射装置に関する。
"""
