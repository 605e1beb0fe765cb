"""Every command's options are described in --help, and the same option means the same
name on every command (``-o`` is ``--out`` wherever a command writes a file)."""

from __future__ import annotations

import argparse

from workbench.cli.main import build_parser, main


def _commands(parser: argparse.ArgumentParser, path=("workbench",)):
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*path, name))


def _options(parser):
    for action in parser._actions:
        if isinstance(action, (argparse._HelpAction, argparse._VersionAction, argparse._SubParsersAction)):
            continue
        yield action


def test_every_option_of_every_command_has_help_text():
    missing = []
    seen = 0
    for path, parser in _commands(build_parser()):
        for action in _options(parser):
            seen += 1
            if action.help == argparse.SUPPRESS:  # hidden on purpose (e.g. log due --today, a test hook)
                continue
            if not (action.help or "").strip():
                missing.append(f"{' '.join(path)} {'/'.join(action.option_strings) or action.dest}")
    assert seen > 60  # the walk reached the subcommands
    assert not missing, "options without help text:\n" + "\n".join(missing)


def test_annotate_help_describes_claim_field_agree_disagree(capsys):
    try:
        main(["log", "annotate", "--help"])
    except SystemExit as exc:
        assert exc.code == 0
    out = " ".join(capsys.readouterr().out.split())
    for option, words in (("--claim", "claim number"), ("--field", "field id"), ("--agree", "the flag is right"),
                          ("--disagree", "the flag is wrong")):
        assert option in out and words in out, option


def test_out_has_the_short_form_o_on_every_command():
    without = [
        " ".join(path) for path, parser in _commands(build_parser())
        for action in _options(parser) if "--out" in action.option_strings and "-o" not in action.option_strings
    ]
    assert not without, without


def test_log_backup_takes_o_like_log_export(tmp_path, capsys):
    db = tmp_path / "log.sqlite"
    from workbench.store import TriageLog

    TriageLog.open(db).close()
    out = tmp_path / "copy.sqlite"
    assert main(["log", "backup", "--db", str(db), "-o", str(out)]) == 0
    assert out.is_file() and str(out) in capsys.readouterr().out
    assert main(["log", "export", "--db", str(db), "-o", str(tmp_path / "d.csv")]) == 0


def test_decide_takes_plan_like_filing_check(tmp_path):
    parser = build_parser()
    a = parser.parse_args(["log", "decide", "1", "--decision", "file_jp_first", "--rationale", "x", "--plan", "US,EP"])
    b = parser.parse_args(["filing", "check", "--completed-in", "JP", "--plan", "US,EP"])
    assert a.countries == "US,EP" and b.plan == "US,EP"
