"""Which language the command line speaks to its user, and the coded error line in it.

Only what is printed for the user changes; logs and stored records keep English.
"""

from __future__ import annotations

import argparse
import codecs
import re
import sys
from typing import TextIO

from workbench.errors import WorkbenchError
from workbench.errors_ja import user_language

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


# argparse's usage errors (a mistyped command line), in Japanese; anything not listed
# keeps argparse's English words inside the Japanese frame.
_INVALID_TYPE_JA = {"int": "整数", "float": "数値"}
_USAGE_JA = tuple(
    (re.compile(pattern), ja)
    for pattern, ja in (
        (r"the following arguments are required: (?P<a>.+)", "次の引数が必要です：{a}"),
        (r"one of the arguments (?P<a>.+) is required", "次の引数のいずれかが必要です：{a}"),
        (r"unrecognized arguments: (?P<a>.+)", "認識できない引数があります：{a}"),
        (r"argument (?P<n>\S+): invalid (?P<t>int|float) value: (?P<v>'.*')", "引数 {n}：{v} は{t}ではありません"),
        (r"argument (?P<n>\S+): invalid choice: (?P<v>'.*?') \(choose from (?P<c>.+)\)", "引数 {n}：{v} は選べません（{c} から選んでください）"),
        (r"argument (?P<n>\S+): expected one argument", "引数 {n} には値を1つ指定してください"),
        (r"argument (?P<n>\S+): not allowed with argument (?P<m>\S+)", "引数 {n} は {m} と同時に指定できません"),
        (r"argument (?P<n>\S+): (?P<v>'.*') is not a whole number of days", "引数 {n}：{v} は日数（整数）ではありません"),
        (r"argument (?P<n>\S+): (?P<v>-?\d+) is outside 1-3660 days", "引数 {n}：{v} は 1～3660 日の範囲外です"),
        (r"argument (?P<n>\S+): (?P<x>.+)", "引数 {n}：{x}"),
    )
)


def usage_message_ja(message: str) -> str:
    """argparse's error ``message`` in Japanese (its own words when not a known phrase)."""
    for pattern, ja in _USAGE_JA:
        m = pattern.fullmatch(message)
        if m:
            parts = m.groupdict()
            if "t" in parts:
                parts["t"] = _INVALID_TYPE_JA.get(parts["t"], parts["t"])
            return ja.format(**parts)
    return message


class UsageParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors read in the user's language (exit code 2 as
    argparse's); its sub-command parsers are of the same class."""

    def error(self, message: str):  # type: ignore[override]
        text = f"{self.prog}: error: {usage_message_ja(message)}\n'{self.prog} --help' で使い方を確認してください。\n"
        if cli_language() != "ja" or not _encodable(text, sys.stderr):
            super().error(message)
        self.print_usage(sys.stderr)
        self.exit(2, text)
