"""What IP staff read on the console after screening a real draft, in both languages: found by
screening real drafts (a real US grant rendered as text, a JPO-format Shift_JIS draft) with
`workbench triage` and reading them back with `workbench log show`."""

from __future__ import annotations

import re

from workbench.cli.main import main


def _screen(tmp_path, capsys, monkeypatch, lang, name, text, encoding="utf-8"):
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


def test_field_lines_show_whole_field_names(tmp_path, capsys, monkeypatch):
    # a field name was cut at 60 characters, mid-word ("...autonomous contr")
    out, _ = _screen(tmp_path, capsys, monkeypatch, "en", "drone.txt", DRONE)
    from workbench.rules import load_ruleset  # the names as the rule set gives them

    names = {f.id: f.name_en for f in load_ruleset().fields}
    lines = [line for line in out.splitlines() if re.match(r"  field +\d+ ", line)]
    assert lines, out
    for line in lines:
        fid = int(line.split()[1])
        assert line.rstrip().endswith(names[fid]), line


JA = """【書類名】特許請求の範囲
【請求項１】
　一対の導電性レールと、前記レール間に配置され電流により加速される電機子と、を備え、前記電機子により飛しょう体を発射する電磁加速式発射装置。
【書類名】明細書
【発明の名称】電磁加速式発射装置
【技術分野】
【０００１】
　本発明は、レールガン等の電磁加速式発射装置に関する。
"""


def test_log_show_names_the_file_format_in_japanese(tmp_path, capsys, monkeypatch):
    # 草稿 1: レールガン.txt（text、日本語）: the format was the reader's internal name
    _, db = _screen(tmp_path, capsys, monkeypatch, "ja", "レールガン.txt", JA.replace("\n", "\r\n"), "shift_jis")
    assert main(["log", "show", "1", "--db", str(db)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert "（テキスト、日本語）" in first and "text" not in first
    monkeypatch.setenv("WORKBENCH_LANG", "en")
    assert main(["log", "show", "1", "--db", str(db)]) == 0
    assert "(text, ja)" in capsys.readouterr().out.splitlines()[0]


def test_the_clearance_plans_sooner_release_says_what_it_is_sooner_than(tmp_path, capsys, monkeypatch):
    # a step of its own read "Japan: or earlier, on the JPO's notice ..." (日本：又はそれより早く、…による),
    # sorted by date after the US/EP/CN filings it did not belong to
    _, db = _screen(tmp_path, capsys, monkeypatch, "en", "レールガン.txt", JA, "shift_jis")
    assert main(["log", "decide", "1", "--db", str(db), "--decision", "file_jp_first", "--rationale", "JP first",
                 "--completed-in-japan", "yes", "--countries", "US,CN", "--jp-filing-date", "2026-11-20"]) == 0
    capsys.readouterr()
    for lang, sooner in (("en", "filing outside Japan may start sooner, once the JPO's notice"), ("ja", "日本国外への出願をより早く始められる")):
        monkeypatch.setenv("WORKBENCH_LANG", lang)
        assert main(["clearance", "1", "--db", str(db), "--file-in", "JP,US,CN"]) == 0
        out = capsys.readouterr().out
        assert sooner in out and "or earlier" not in out and "又はそれより早く" not in out


def test_filing_check_ends_with_the_same_disclaimer_as_every_screen(capsys, monkeypatch):
    # 審査の補助であり… where every other screen and report says 判定の補助 (審査 is the JPO's examination)
    monkeypatch.setenv("WORKBENCH_LANG", "ja")
    assert main(["filing", "check", "--completed-in", "JP", "--residence", "JP", "--plan", "US", "--level", "likely"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith("判定の補助であり、法的助言ではありません。") and "審査の補助" not in last


def test_log_show_says_when_no_jp_filing_date_is_recorded(tmp_path, capsys, monkeypatch):
    # "JP filing - -> review due -, 10 months without designation -": three dashes to decode
    _, db = _screen(tmp_path, capsys, monkeypatch, "en", "drone.txt", DRONE)
    assert main(["log", "decide", "1", "--db", str(db), "--decision", "hold", "--rationale", "waiting"]) == 0
    for lang, said in (("en", "no JP filing date recorded"), ("ja", "日本の出願日は記録されていません")):
        monkeypatch.setenv("WORKBENCH_LANG", lang)
        capsys.readouterr()
        assert main(["log", "show", "1", "--db", str(db)]) == 0
        out = capsys.readouterr().out
        assert said in out and "-> review due -" not in out and "→ 一次審査期限 -" not in out


def test_decide_help_names_every_answer_completed_in_japan_takes(capsys):
    # the synopsis said 'yes|no' while the option takes 'unknown' too (its help said so)
    import pytest

    with pytest.raises(SystemExit):
        main(["log", "decide", "--help"])
    assert "--completed-in-japan yes|no|unknown" in " ".join(capsys.readouterr().out.split())
