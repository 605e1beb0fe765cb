"""Which language the command line speaks to its user, and the coded error line in it.

Only what is printed for the user changes; logs and stored records keep English.
"""

from __future__ import annotations

import argparse
import codecs
import gettext
import os
import re
import sys
import unicodedata
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
    text = msg(C.I902, text=exc.render_in(lang)).render(lang)
    if lang != "en" and not _encodable(text, stream or sys.stderr):
        text = msg(C.I902, text=exc.render()).render("en")
    return text


def group_help(parser: argparse.ArgumentParser) -> int:
    """A command group run without its sub-command: its help in the user's language, exit 2."""
    with argparse_language():
        parser.print_help()
    return 2


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


def translate_help(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The help texts of every command and option (written in English in workbench/cli/*.py,
    the source language gettext expects) in the language argparse speaks now, from the same
    catalogue as argparse's own words (workbench-cli.po). Called once the parser is built; a
    text without a translation stays English (tests/i18n/test_every_command_ja.py fails on it)."""
    if _ARGPARSE_LANGUAGE == "en":
        return parser
    tr = gettext.gettext
    seen: set[int] = set()

    def walk(p: argparse.ArgumentParser) -> None:
        if id(p) in seen:  # an alias of a sub-command is the same parser
            return
        seen.add(id(p))
        if p.description:
            p.description = tr(p.description)
        if p.epilog:
            p.epilog = tr(p.epilog)
        for action in p._actions:
            if action.help and action.help is not argparse.SUPPRESS:
                action.help = tr(action.help)
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    if choice.help:
                        choice.help = tr(choice.help)
                for sub in action.choices.values():
                    walk(sub)

    walk(parser)
    return parser


def _cells(text: str) -> int:
    """Columns ``text`` takes on a terminal: East Asian wide and full-width characters two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


_NO_BREAK_BEFORE = set("、。，．）」』】〕・：；！？ー々ゝゞぁぃぅぇぉっゃゅょァィゥェォッャュョ")
_NO_BREAK_AFTER = set("（「『【〔")


def _units(text: str) -> list[str]:
    """Text cut where a line may break: between wide characters (Japanese breaks anywhere, but
    not before 、。） nor after （), at spaces, never inside a run of Latin letters, digits or
    symbols (an option, a path, a code stays whole) nor inside a quoted command or value."""
    glued = {i for m in _QUOTED.finditer(text) for i in range(m.start() + 1, m.end())}
    units: list[str] = []
    for i, ch in enumerate(text):
        wide = unicodedata.east_asian_width(ch) in "WF"
        if units and i in glued:
            units[-1] += ch
        elif not units or ch == " " or units[-1] == " ":
            units.append(ch)
        elif wide or _cells(units[-1][-1]) == 2:
            if ch in _NO_BREAK_BEFORE or units[-1][-1] in _NO_BREAK_AFTER:
                units[-1] += ch
            else:
                units.append(ch)
        else:
            units[-1] += ch
    return units


_QUOTED = re.compile(r"(?<![A-Za-z])'[^'\s][^']*'(?![A-Za-z])")


def wrap_cells(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns (a unit longer than that gets a line)."""
    lines: list[str] = []
    line = ""
    for unit in _units(" ".join(text.split())):
        if line and _cells(line.rstrip() + unit.rstrip()) > width:
            lines.append(line.rstrip())
            line = "" if unit == " " else unit
        else:
            line = (line + unit) if (line or unit != " ") else line
    if line.strip():
        lines.append(line.rstrip())
    return lines


class _CellWrap:
    """Help text wrapped by terminal columns, not characters (a Japanese character takes two)."""

    def _split_lines(self, text, width):  # noqa: D401 - argparse's hook
        return wrap_cells(text, width)

    def _fill_text(self, text, width, indent):
        return "\n".join(indent + line for line in wrap_cells(text, width - len(indent)))


class UsageParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors point a Japanese user to the command's --help
    (exit code 2 as argparse's); its sub-command parsers are of the same class."""

    def _get_formatter(self):
        if _ARGPARSE_LANGUAGE == "en":
            return super()._get_formatter()
        cls = type(f"Cells{self.formatter_class.__name__}", (_CellWrap, self.formatter_class), {})
        return cls(prog=self.prog)

    def error(self, message: str):  # type: ignore[override]
        if _ARGPARSE_LANGUAGE == "en":
            super().error(message)
        self.print_usage(sys.stderr)
        hint = msg(C.I901, command=self.prog).render(_ARGPARSE_LANGUAGE)
        self.exit(2, gettext.gettext("%(prog)s: error: %(message)s\n") % {"prog": self.prog, "message": message} + hint + "\n")
