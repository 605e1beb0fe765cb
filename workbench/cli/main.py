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
    except Exception as exc:  # noqa: BLE001 - a defect: told in the user's language, its traceback kept for support
        return _unexpected(exc)


def _unexpected(exc: Exception) -> int:
    """An exception no part of the workbench raised on purpose: one coded line (E905) in the
    user's language, the cause said from what the exception is; the traceback (English,
    what support needs) goes to a report file in the settings folder, or to the console
    when that cannot be written."""
    import time
    import traceback

    from workbench.errors import E905
    from workbench.messages import M, msg
    from workbench.messages.causes import cause

    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    report = None
    try:
        from workbench.settings import config_dir

        folder = config_dir()
        folder.mkdir(parents=True, exist_ok=True)
        report = folder / time.strftime("error-report-%Y%m%d-%H%M%S.txt", time.gmtime())
        report.write_text(f"workbench {__version__}\n{' '.join(sys.argv)}\n\n{text}", encoding="utf-8")
    except Exception:  # noqa: BLE001 - the report is a help, never a second failure
        report = None
    detail = cause(exc, en=f"{type(exc).__name__}: {exc}"[:300])
    if report is None:
        print(text, file=sys.stderr)
    print_error(WorkbenchError(E905, detail=detail, report=str(report) if report else msg(M.D559)))
    return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
