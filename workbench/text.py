"""Text rules shared by the claim splitter and the classifier (no I/O, no heavy imports)."""

from __future__ import annotations

import re

# One line break (with the spaces around it) beside a Japanese character: a PDF wraps
# Japanese lines mid-word without a hyphen (「無人航\n空機」, 「を特徴と\nする」). Japanese = any
# character above U+3000 (kana, kanji, full-width forms); the ideographic space is a space.
# Blank lines, and breaks between two non-Japanese words, are not wraps.
_JA = r"[^\x00-\u3000]"
JA_LINE_WRAP = re.compile(rf"(?<={_JA})[ \t]*\r?\n[ \t]*(?=\S)|(?<=\S)[ \t]*\r?\n[ \t]*(?={_JA})")


def join_japanese_wraps(text: str) -> str:
    """``text`` with its Japanese line wraps removed."""
    return JA_LINE_WRAP.sub("", text)
