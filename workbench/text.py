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


# -- text as a reader sees it (display only; stored text and offsets never change) -----------
# A PDF breaks lines wherever the page ends: inside a sentence ("(PDA) selected\nby the buyer"),
# inside a Japanese word (JA_LINE_WRAP above) and inside an English word with a hyphen
# ("hydro-\ngen"). A break after ";" or ":" (claim elements on their own lines) and a blank
# line (a new paragraph) are the writer's, and stay.
_EOL_HYPHEN = re.compile(r"(?<=[A-Za-z])-[ \t]*\r?\n[ \t]*(?=[a-z])")
_SOFT_BREAK = re.compile(r"(?<=[^\s;:])[ \t]*\r?\n[ \t]*(?=\S)")
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text))


def reader_text(text: str, vocabulary: str | frozenset[str] | None = None) -> tuple[str, list[int]]:
    """``text`` as a reader sees it, and for each position of ``text`` (and its end) the
    position in the result, so offsets into the stored text (evidence, parts) still mark
    the same words in what is shown.

    - a Japanese line wrap (:data:`JA_LINE_WRAP`) is removed;
    - an end-of-line hyphen inside an English word is removed when the word is written
      whole elsewhere in ``vocabulary`` (default: ``text``) and not with its hyphen
      ("hydro-\\ngen" -> "hydrogen"), else the hyphen stays ("computer-\\nreadable");
    - any other single line break inside a sentence becomes one space.
    """
    words = vocabulary if isinstance(vocabulary, frozenset) else _words(vocabulary if vocabulary is not None else text)
    edits: list[tuple[int, int, str]] = []
    for m in JA_LINE_WRAP.finditer(text):
        edits.append((m.start(), m.end(), ""))
    for m in _EOL_HYPHEN.finditer(text):
        left = re.search(r"[A-Za-z]+$", text[max(0, m.start() - 40) : m.start()])
        right = _WORD.match(text, m.end())
        head, tail = (left.group(0) if left else ""), (right.group(0).split("-")[0] if right else "")
        whole = (head + tail).lower()
        keep = not (whole in words and f"{head}-{tail}".lower() not in words)
        edits.append((m.start(), m.end(), "-" if keep else ""))
    for m in _SOFT_BREAK.finditer(text):
        edits.append((m.start(), m.end(), " "))
    edits.sort()
    out: list[str] = []
    where: list[int] = []
    pos = 0
    size = 0
    for start, end, repl in edits:
        if start < pos:
            continue  # overlapping rules: the first one (Japanese wrap, hyphen) wins
        out.append(text[pos:start])
        where.extend(range(size, size + start - pos))
        size += start - pos
        where.extend([size] * (end - start))
        out.append(repl)
        size += len(repl)
        pos = end
    out.append(text[pos:])
    where.extend(range(size, size + len(text) - pos))
    where.append(size + len(text) - pos)
    return "".join(out), where


def reader_words(text: str) -> frozenset[str]:
    """The words of ``text`` (a whole draft), to pass as ``vocabulary`` to :func:`reader_text`."""
    return _words(text)


def reader_line(text: str, vocabulary: str | frozenset[str] | None = None) -> str:
    """``text`` as a reader sees it, on one line (a matched term, a claim in a console list)."""
    shown, _ = reader_text(text, vocabulary)
    return " ".join(shown.split())


# A name shown on one line: control characters (a newline could forge a line of output), the
# bidirectional controls (U+202E turns 'x\u202egnp.txt' into what reads as 'xtxt.png') and the
# escaped bytes of an undecodable name (lone surrogates) are shown as escapes.
_UNSAFE_IN_NAME = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def shown_name(name: str) -> str:
    """``name`` (a file name or path) as a person reads it: one line, in its true order, every
    character it really holds visible (a newline as ``\\x0a``, U+202E as ``\\u202e``)."""
    return _UNSAFE_IN_NAME.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", name)
