"""`workbench gui [--db PATH] [FILES...]`: start the desktop app (Qt is imported only here,
inside the command, so the rest of the CLI stays Qt-free)."""

from __future__ import annotations

import argparse

from workbench.cli.options import add_db
from workbench.errors import E901, SettingsError
from workbench.messages import M, msg
from workbench.messages.causes import cause


def register(sub) -> None:
    p = sub.add_parser(
        "gui",
        help="open the desktop app (review drafts, annotate, decide, export)",
        description="Open the desktop app. Needs PySide6 (pip install 'patent-triage-workbench[gui]').",
    )
    add_db(p)
    p.add_argument("files", nargs="*", metavar="FILES", help="draft files or folders to screen when the app opens")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        from workbench.ui.app import run as run_app
    except ImportError as exc:  # PySide6 not installed
        raise SettingsError(E901, name="gui", value="PySide6", detail=msg(M.D917, x=cause(exc, en=str(exc)))) from None
    return run_app(args.db, args.files)
