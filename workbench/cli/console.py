"""What the terminal can show. A Japanese Windows console redirected to a file writes cp932
(Shift_JIS), which lacks characters the workbench prints ("—", "✔", "～"): without care a
command dies with UnicodeEncodeError half-way through its output. Every command's stdout and
stderr get an error handler that prints a look-alike the code page has, else '?'."""

from __future__ import annotations

import codecs
import io
import sys

HANDLER = "workbench-lookalike"
# character -> look-alikes to try, in order
LOOKALIKES = {
    "\u2014": "\u2015-",  # em dash -> horizontal bar (cp932 0x815C), '-'
    "\uff5e": "\u301c~",  # fullwidth tilde <-> wave dash
    "\u301c": "\uff5e~",
    "\u2714": "\u2713\u25cbv",  # heavy check mark -> check mark, circle, 'v'
    "\u2713": "\u25cbv",
    "\u2716": "\u00d7x",  # heavy multiplication x -> multiplication sign, 'x'
    "\u26a0": "\u25b3!",  # warning sign -> white up-pointing triangle, '!'
    "\u2026": "...",
}


def _lookalike(err: UnicodeError):
    if not isinstance(err, UnicodeEncodeError):
        raise err
    out = []
    for ch in err.object[err.start : err.end]:
        for candidate in LOOKALIKES.get(ch, ""):
            try:
                candidate.encode(err.encoding)
            except UnicodeEncodeError:
                continue
            out.append(candidate)
            break
        else:
            out.append("?")
    return "".join(out), err.end


codecs.register_error(HANDLER, _lookalike)


def _encoding(stream) -> str:
    enc = getattr(stream, "encoding", None) or "utf-8"
    try:
        return codecs.lookup(enc).name
    except LookupError:
        return "utf-8"


def printable(text: str, stream=None) -> str:
    """``text`` as ``stream`` (default stdout) can show it: unchanged when it can, else each
    missing character as a look-alike (— ―, ～ 〜, ✔ ✓) or '?'."""
    enc = _encoding(stream or sys.stdout)
    return text.encode(enc, errors=HANDLER).decode(enc)


def protect(*streams) -> None:
    """Make the given text streams (default stdout and stderr) print look-alikes instead of
    raising on characters their encoding lacks; UTF streams are left alone."""
    for stream in streams or (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue
        try:
            if not _encoding(stream).startswith("utf"):
                stream.reconfigure(errors=HANDLER)
            elif stream.errors == "strict":  # a file name of undecodable bytes is shown escaped
                stream.reconfigure(errors="backslashreplace")
        except (ValueError, OSError):  # a closed or detached stream: nothing to protect
            pass


def columns(text: str) -> int:
    """Terminal columns ``text`` takes (wcwidth: a kanji or kana takes two, a combining mark
    none); a character the terminal cannot show counts one."""
    try:
        from wcwidth import wcwidth
    except ImportError:  # a checkout whose environment predates the dependency: East Asian width
        import unicodedata

        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return sum(w if (w := wcwidth(ch)) >= 0 else 1 for ch in text)


def pad(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` terminal columns (as ``str.ljust`` does for ASCII)."""
    return text + " " * max(0, width - columns(text))


def table(rows, headers=(), align=()) -> list[str]:
    """Console table lines: columns two spaces apart and lined up in terminal columns, so a
    Japanese name (two columns a character) does not push the rest out of line. ``align``:
    "left"/"right" per column (default left). The cells are shown as given (no number
    parsing); trailing blanks are cut."""
    from tabulate import tabulate  # knows East Asian widths through wcwidth

    rows = [[str(c) for c in r] for r in rows]
    if not rows and not headers:
        return []
    ncols = max(len(headers), *(len(r) for r in rows)) if rows else len(headers)
    colalign = tuple(align) + ("left",) * (ncols - len(align))
    text = tabulate(rows, headers=list(headers), tablefmt="plain", disable_numparse=True, colalign=colalign)
    return [line.rstrip() for line in text.splitlines()]
