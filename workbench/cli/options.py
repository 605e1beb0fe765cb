"""Options that several commands share, written once: the same option reads the same on every
command (tests/test_cli_options.py). Plain strings: argparse's help goes through gettext
(workbench/cli/language.py) like every other help text."""

from __future__ import annotations

DB_HELP = "triage log: a file, or a team log postgresql://LOGIN@HOST/DB (default: Settings or $WORKBENCH_DB)"
WHO_HELP = "who records it on a local log (default: Settings' reviewer, then the login name); a team log records the login"


def add_db(parser) -> None:
    """``--db PATH|URL``: the triage log a command reads or records to (None: the default log)."""
    parser.add_argument("--db", default=None, metavar="PATH|URL", help=DB_HELP)


def number(text: str) -> float:
    """``type=`` of an option that takes a number (a threshold): argparse's own complaint
    names Python's type ("invalid float value"); this one says what is wanted, in the
    user's language."""
    import argparse

    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_say("N906", text)) from None


def whole_number(text: str) -> int:
    """``type=`` of an option that takes a whole number (a claim, a field, a count)."""
    import argparse

    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_say("N907", text)) from None


def _say(code: str, text: str) -> str:
    from workbench.cli.language import cli_language
    from workbench.messages import msg

    return msg(code, text=text).render(cli_language())
