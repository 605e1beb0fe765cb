"""Text encoding detection for plain-text drafts.

Detected, not guessed: a byte-order mark decides first; binary data is
refused; then strict decodes are tried in a principled order (ISO-2022-JP when
its escape sequences are present, since it is also valid ASCII; UTF-8, which
almost never decodes legacy Japanese by accident; then Shift_JIS/CP932 and
EUC-JP). When both Japanese legacy encodings decode strictly,
charset-normalizer arbitrates between just those two. A single-byte Western
encoding is accepted only for mostly-ASCII text (an English draft with a few
smart quotes); anything else is refused with E109 rather than decoded into
mojibake.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from workbench.errors import E109, E110, IngestError
from workbench.messages import M, msg

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 control bytes that never occur in a text draft (TAB, LF, VT, FF, CR and
# ESC — used by ISO-2022-JP — are allowed).
_CONTROL = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x1B)) | frozenset(range(0x1C, 0x20))
_SAMPLE = 1 << 16


def looks_binary(data: bytes) -> bool:
    """True when the bytes are not text: NUL bytes, or more than 1% control bytes."""
    sample = data[:_SAMPLE]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls / len(sample) > 0.01


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _japanese_score(text: str) -> float:
    """Share of characters that are common in Japanese prose (hiragana,
    katakana, CJK ideographs, full-width forms and punctuation). Mojibake from
    the wrong legacy codec is full of half-width katakana and rare symbols."""
    if not text:
        return 0.0
    good = 0
    for ch in text:
        o = ord(ch)
        if (
            0x3040 <= o <= 0x30FF  # kana
            or 0x4E00 <= o <= 0x9FFF  # CJK ideographs
            or 0x3000 <= o <= 0x303F  # CJK punctuation
            or 0xFF01 <= o <= 0xFF5E  # full-width ASCII
            or o < 0x80
        ):
            good += 1
    return good / len(text)


def _arbitrate(data: bytes, candidates: dict[str, str]) -> str:
    """Pick between encodings that all decoded strictly."""
    if len(candidates) == 1:
        return next(iter(candidates))
    scores = {enc: _japanese_score(text) for enc, text in candidates.items()}
    best = max(scores.values())
    leaders = [enc for enc, s in scores.items() if s >= best - 0.02]
    if len(leaders) == 1:
        return leaders[0]
    try:
        from charset_normalizer import from_bytes

        match = from_bytes(data[:_SAMPLE], cp_isolation=leaders).best()
        if match is not None:
            name = match.encoding.lower()
            for enc in leaders:
                if codecs.lookup(enc).name == codecs.lookup(name).name:
                    return enc
    except Exception:  # pragma: no cover - the arbiter is advisory only
        pass
    return leaders[0]


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a BOM (NUL bytes, yet it decodes strictly into
    ASCII/Japanese text, not the scatter of code points binary data gives)."""
    sample = data[:_SAMPLE]
    if len(sample) < 8 or b"\x00" not in sample:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        text = _strict(data[: len(data) - len(data) % 2], enc) if len(data) % 2 == 0 else None
        if text is None:
            continue
        head = text[:4096]
        printable = sum(1 for c in head if c.isprintable() or c in "\t\r\n\f") / max(1, len(head))
        if printable > 0.97 and _japanese_score(head) > 0.97:
            return text, enc
    return None


def decode_bytes(data: bytes, path: str | Path = "<bytes>") -> tuple[str, str]:
    """Decode a text draft; return ``(text, encoding name)``.

    Raises IngestError E110 for binary data and E109 when no encoding fits.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = _strict(data, name)
            if text is None:
                raise IngestError(E109, path=path, tried=msg(M.D120, x=name))
            return text.lstrip("\ufeff"), ("utf-8-sig" if name == "utf-8-sig" else name)
    bomless = _utf16_without_bom(data)
    if bomless is not None:
        return bomless
    if looks_binary(data):
        raise IngestError(E110, path=path)
    if b"\x1b$" in data[:_SAMPLE] and data.isascii():
        # 7-bit ISO-2022-JP (JIS, old mail) is valid ASCII too: its escape
        # sequences decide before UTF-8 would accept the bytes as gibberish
        text = _strict(data, "iso2022_jp")
        if text is not None:
            return text, "iso2022_jp"
    text = _strict(data, "utf-8")
    if text is not None:
        return text, ("ascii" if data.isascii() else "utf-8")
    tried = ["utf-8"]
    candidates: dict[str, str] = {}
    for enc in ("shift_jis", "cp932", "euc_jp"):
        tried.append(enc)
        decoded = _strict(data, enc)
        if decoded is not None:
            if enc == "cp932" and "shift_jis" in candidates:
                continue  # plain Shift_JIS is the narrower, truer name
            candidates[enc] = decoded
    if candidates:
        enc = _arbitrate(data, candidates)
        return candidates[enc], enc
    ascii_share = sum(1 for b in data[:_SAMPLE] if b < 0x80) / min(len(data), _SAMPLE)
    if ascii_share >= 0.9:
        for enc in ("cp1252", "latin-1"):
            tried.append(enc)
            decoded = _strict(data, enc)
            if decoded is not None:
                return decoded, enc
    raise IngestError(E109, path=path, tried=", ".join(tried))
