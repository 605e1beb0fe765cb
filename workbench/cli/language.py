"""Which language the command line speaks to its user, and the coded error line in it.

Only what is printed for the user changes; logs and stored records keep English.
"""

from __future__ import annotations

import argparse
import codecs
import gettext
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from workbench.errors import WorkbenchError
from workbench.errors_ja import user_language
from workbench.messages import cli as C
from workbench.messages import msg

HELP = (
    "Errors are printed in Japanese when WORKBENCH_LANG=ja, or when the language in Settings "
    "is Japanese, or (Settings 'auto') when the locale (LC_ALL, LC_MESSAGES, LANG) starts with "
    "'ja', e.g. LANG=ja_JP.UTF-8; WORKBENCH_LANG=en forces English. The code [Exxx] is always "
    "shown. / エラーは日本語環境（LANG=ja_JP.UTF-8 など）、設定の言語が日本語、または "
    "WORKBENCH_LANG=ja のとき日本語で表示されます。"
)


def cli_language() -> str:
    """'ja' or 'en' (see :func:`workbench.errors_ja.user_language`). A settings file that
    cannot be read counts as 'auto' here: the error being reported matters more."""
    try:
        from workbench.settings import load_settings

        setting = load_settings().language
    except (WorkbenchError, OSError, ValueError):
        setting = None
    return user_language(setting)


def _encodable(text: str, stream: TextIO) -> bool:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        codecs.lookup(encoding)
        text.encode(encoding)
    except (LookupError, UnicodeEncodeError):
        return False
    return True


def error_line(exc: WorkbenchError, lang: str | None = None, stream: TextIO | None = None) -> str:
    """``error: [E102] draft.txt: ...`` in the user's language; English when the terminal's
    encoding cannot show Japanese (it would print as escapes)."""
    lang = lang or cli_language()
    text = f"error: {exc.render_in(lang)}"
    if lang != "en" and not _encodable(text, stream or sys.stderr):
        text = f"error: {exc.render()}"
    return text


def print_error(exc: WorkbenchError, lang: str | None = None) -> None:
    print(error_line(exc, lang, sys.stderr), file=sys.stderr)


# argparse's own words (usage, errors, help headings) come through gettext, as argparse
# provides: it calls gettext.gettext, which reads the process's text domain; the Japanese
# catalogue is workbench/cli/locale/ja/LC_MESSAGES/workbench-cli.po (.mo compiled beside it).
LOCALE_DIR = Path(__file__).resolve().with_name("locale")
DOMAIN = "workbench-cli"
_ARGPARSE_LANGUAGE = "en"  # the language argparse speaks now (set by argparse_language)


@contextmanager
def argparse_language(lang: str | None = None) -> Iterator[None]:
    """Within the block, argparse speaks ``lang`` (default: the user's language); English when
    the terminal cannot show Japanese. The process's text domain and LANGUAGE are restored."""
    lang = lang or cli_language()
    if lang != "en" and not _encodable("使い方", sys.stderr):
        lang = "en"
    global _ARGPARSE_LANGUAGE
    old_domain, old_active = gettext.textdomain(), _ARGPARSE_LANGUAGE
    _ARGPARSE_LANGUAGE = lang
    old_language = os.environ.get("LANGUAGE")
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = lang  # gettext's first choice of catalogue
    try:
        yield
    finally:
        _ARGPARSE_LANGUAGE = old_active
        gettext.textdomain(old_domain)
        if old_language is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = old_language


class UsageParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors point a Japanese user to the command's --help
    (exit code 2 as argparse's); its sub-command parsers are of the same class."""

    def error(self, message: str):  # type: ignore[override]
        if _ARGPARSE_LANGUAGE == "en":
            super().error(message)
        self.print_usage(sys.stderr)
        hint = msg(C.I901, command=self.prog).render(_ARGPARSE_LANGUAGE)
        self.exit(2, gettext.gettext("%(prog)s: error: %(message)s\n") % {"prog": self.prog, "message": message} + hint + "\n")
