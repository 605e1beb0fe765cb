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
    for option, words in (("--claim", "claim number"), ("--field", "omit it for the claim as a whole"),
                          ("--agree", "the screening is right"), ("--disagree", "the screening is wrong")):
        assert option in out and words in out, option
    # '--field' was required and said 'flagged on that claim': the log takes any field the
    # draft was screened for, and the window records '(whole claim)' annotations too
    assert "flagged on that claim" not in out and "--claim N [--field ID]" in out


def _helps(*path: str) -> dict[str, str]:
    parser = build_parser()
    for name, sub in ((p, s) for p, s in _commands(parser) if p == ("workbench", *path)):
        return {a.option_strings[0] if a.option_strings else a.dest: a.help for a in _options(sub)}
    raise AssertionError(path)


def test_log_list_and_export_filters_say_what_they_filter_on_that_command():
    """The shared filter help read '(list: first screened, export: decided)' and 'only this
    reviewer's drafts (list) or decisions (export)' on both commands: each says its own now."""
    listing, export = _helps("log", "list"), _helps("log", "export")
    for option in ("--since", "--until", "--level", "--reviewer"):
        assert listing[option] != export[option], option
        assert "(list)" not in listing[option] + export[option] and "export:" not in listing[option], option
    assert "screened" in listing["--since"] and "decisions" in export["--since"]
    assert "decisions recorded by NAME" in export["--reviewer"]


def test_who_records_it_reads_alike_on_every_log_command():
    """--reviewer (who records an event) has one help text on every command that records one;
    `log facts` said 'the reviewer in Settings' only, and none said a team log records the login."""
    texts = {path: _helps(*path)["--reviewer"] for path in (("log", "decide"), ("log", "annotate"), ("log", "approve"),
                                                             ("log", "link"), ("log", "facts"))}
    assert len(set(texts.values())) == 1, texts
    assert "team log records the login" in next(iter(texts.values()))


def test_annotate_without_a_field_records_a_whole_claim_annotation(tmp_path, capsys, monkeypatch):
    from tests.store.factories import make_verdict
    from workbench.store import TriageLog

    db = tmp_path / "log.sqlite"
    with TriageLog.open(db) as log:
        draft_id = log.record_verdict(make_verdict())
    assert main(["log", "annotate", str(draft_id), "--db", str(db), "--claim", "1", "--agree", "--note", "civil only"]) == 0
    with TriageLog.open(db) as log:
        ann = log.draft(draft_id).annotations[-1]
    assert (ann.claim_number, ann.field_id, ann.verdict, ann.note) == (1, None, "agree", "civil only")
    # the lines that name it say 'whole claim', not 'field -'
    assert "claim 1 field (whole claim) agree" in capsys.readouterr().out
    assert main(["log", "show", str(draft_id), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "claim 1 field (whole claim) agree" in out and "field -" not in out
    monkeypatch.setenv("WORKBENCH_LANG", "ja")
    assert main(["log", "show", str(draft_id), "--db", str(db)]) == 0
    assert "請求項1 分野 （請求項全体） 同意" in capsys.readouterr().out
    from workbench.store.report import Labels, _annotation

    line = _annotation(Labels("both"), {"claim_number": 1, "field_id": None, "verdict": "agree", "reviewer": "t", "at": ""})
    assert "field (whole claim): agree" in line and "分野 （請求項全体）：同意" in line and "field -" not in line


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


def test_db_reads_alike_on_the_commands_that_open_the_log():
    """--db said 'triage log database (default: the per-user log)' on triage and 'per-user log or
    $WORKBENCH_DB' on clearance, 'a file, or a team log postgresql://...' on log, and batch,
    rescreen, gui and model train had texts of their own: one log, one text, on every command."""
    texts = {
        path: (action.help, action.metavar) for path, parser in _commands(build_parser())
        for action in _options(parser) if "--db" in action.option_strings
    }
    for expected in (("log", "list"), ("triage",), ("clearance",), ("batch",), ("rescreen",), ("gui",), ("model", "train")):
        assert ("workbench", *expected) in texts, expected
    assert len(set(texts.values())) == 1, texts
    assert "postgresql://" in next(iter(texts.values()))[0]


def test_the_planned_filings_are_plan_on_every_command():
    """`clearance` called them --file-in where `filing check` and `log decide` say --plan."""
    parser = build_parser()
    a = parser.parse_args(["clearance", "1", "--plan", "JP,US"])
    b = parser.parse_args(["clearance", "1", "--file-in", "JP,US"])  # the first spelling still works
    assert a.file_in == b.file_in == "JP,US"
