"""``workbench`` entry point: builds the parser from the command modules and turns
core errors into readable, coded messages at the boundary."""

from __future__ import annotations

import argparse
import importlib
import sys

from workbench import __version__
from workbench.cli.console import protect
from workbench.cli.language import HELP as LANGUAGE_HELP
from workbench.cli.language import UsageParser, argparse_language, print_error, translate_help
from workbench.errors import WorkbenchError

# Command groups, in the order ``workbench --help`` lists them.
COMMAND_MODULES = (
    "workbench.cli.demo",
    "workbench.cli.claims",
    "workbench.cli.triage",
    "workbench.cli.batch",
    "workbench.cli.rules",
    "workbench.cli.model",
    "workbench.cli.log",
    "workbench.cli.filing",
    "workbench.cli.clearance",
    "workbench.cli.gui",
)

EXIT_OK = 0
EXIT_ERROR = 2  # a coded WorkbenchError
EXIT_PARTIAL = 3  # some files of a batch failed, the rest were processed


def build_parser() -> argparse.ArgumentParser:
    parser = UsageParser(  # argparse's, with usage errors in the user's language
        prog="workbench",
        description=(
            "Patent Non-Disclosure Triage Workbench: screen draft patent applications "
            "for Japan's specified technology fields before filing abroad. "
            "A screening aid, not legal advice."
        ),
        epilog=LANGUAGE_HELP,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return translate_help(parser)  # the help texts in the user's language (gettext, as argparse's own)


def main(argv: list[str] | None = None) -> int:
    protect()  # a legacy code page (cp932) gets look-alikes, never a UnicodeEncodeError
    with argparse_language():  # argparse's own words (usage:, error:, options) in the user's language
        parser = build_parser()  # its headings are translated when the parser is built
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help()
            return EXIT_ERROR
    try:
        return int(args.func(args) or EXIT_OK)
    except WorkbenchError as exc:
        print_error(exc)
        return EXIT_ERROR
    except KeyboardInterrupt:
        from workbench.cli.language import cli_language
        from workbench.messages import cli as C
        from workbench.messages import msg

        print(msg(C.I993).render(cli_language()), file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. piped into `head`
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
