"""A mistyped command line (argparse's usage errors) reads in Japanese for a Japanese user,
with the command's --help to turn to; English users keep argparse's own words."""

from __future__ import annotations

import pytest

from workbench.cli.main import main


def _usage_error(capsys, argv):
    with pytest.raises(SystemExit) as ei:
        main(argv)
    assert ei.value.code == 2
    return capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["log", "export"], "次の引数が必要です：-o/--out"),
        (["log", "annotate", "1", "--claim", "abc", "--field", "2", "--agree"], "引数 --claim：'abc' は整数ではありません"),
        (["triage", "--review", "abc", "x.txt"], "引数 --review：'abc' は数値ではありません"),  # not "float 型"
        (["triage", "--defence", "maybe", "x.txt"], "引数 --defence：'maybe' は選べません（'yes', 'no' から選んでください）"),
        (["log", "backup", "out.db"], "認識できない引数があります：out.db"),
        (["log", "due", "--days", "0"], "引数 --days：0 は 1～3660 日の範囲外です"),
    ],
)
def test_usage_errors_in_japanese(capsys, monkeypatch, argv, expected):
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    err = _usage_error(capsys, argv)
    assert expected in err
    assert "--help" in err and "使い方:" in err and "usage:" not in err


def test_a_number_option_says_what_it_wants_in_english_too(capsys, monkeypatch):
    monkeypatch.setenv("WORKBENCH_LANG", "en")
    err = _usage_error(capsys, ["batch", "--jobs", "two", "x"])
    assert "argument --jobs/-j: 'two' is not a whole number" in err and "invalid int" not in err


def test_usage_errors_stay_as_argparse_says_in_english(capsys):
    err = _usage_error(capsys, ["log", "export"])
    assert "the following arguments are required: -o/--out" in err
    assert "引数" not in err


def test_help_headings_follow_the_language(capsys, monkeypatch):
    """argparse's own headings come through gettext (workbench/cli/locale): 使い方, オプション."""
    monkeypatch.setenv("WORKBENCH_LANG", "ja")
    with pytest.raises(SystemExit):
        main(["log", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("使い方: workbench log") and "オプション:" in out and "このヘルプを表示して終了します" in out
    monkeypatch.setenv("WORKBENCH_LANG", "en")
    with pytest.raises(SystemExit):
        main(["log", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("usage: workbench log") and "options:" in out  # and the process's gettext is restored


def test_the_compiled_catalogue_matches_its_source():
    """The .mo argparse reads is compiled from the .po beside it (msgfmt)."""
    import gettext
    import re

    from workbench.cli.language import DOMAIN, LOCALE_DIR

    po = (LOCALE_DIR / "ja" / "LC_MESSAGES" / f"{DOMAIN}.po").read_text(encoding="utf-8")
    pairs = re.findall(r'^msgid "(.+)"\nmsgstr "(.*)"$', po, re.M)
    assert len(pairs) > 15
    t = gettext.translation(DOMAIN, str(LOCALE_DIR), languages=["ja"])
    for en, ja in pairs:
        unescape = lambda s: s.replace("\\n", "\n").replace('\\"', '"')  # noqa: E731
        assert t.gettext(unescape(en)) == unescape(ja), en
