"""Which language the command line speaks to its user, and the coded error line in it.

Only what is printed for the user changes; logs and stored records keep English.
"""

from __future__ import annotations

import codecs
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
