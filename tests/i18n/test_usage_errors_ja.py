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
        (["triage", "--defence", "maybe", "x.txt"], "引数 --defence：'maybe' は選べません（'yes', 'no' から選んでください）"),
        (["log", "backup", "out.db"], "認識できない引数があります：out.db"),
        (["log", "due", "--days", "0"], "引数 --days：0 は 1～3660 日の範囲外です"),
    ],
)
def test_usage_errors_in_japanese(capsys, monkeypatch, argv, expected):
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    err = _usage_error(capsys, argv)
    assert expected in err
    assert "--help" in err and "usage:" in err


def test_usage_errors_stay_as_argparse_says_in_english(capsys):
    err = _usage_error(capsys, ["log", "export"])
    assert "the following arguments are required: -o/--out" in err
    assert "引数" not in err
