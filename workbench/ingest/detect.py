"""What a file is (by its magic bytes, not just its suffix) and what language a text is in."""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib

from workbench.domain import Language
from workbench.errors import E108, E111, IngestError
from workbench.messages import M, Message, msg
from workbench.messages.causes import cause

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
PDF_SUFFIXES = (".pdf",)
DOCX_SUFFIXES = (".docx",)
XML_SUFFIXES = (".xml",)
SUPPORTED_SUFFIXES: tuple[str, ...] = PDF_SUFFIXES + DOCX_SUFFIXES + TEXT_SUFFIXES + XML_SUFFIXES

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_USPTO_ROOTS = (b"<us-patent-grant", b"<us-patent-application", b"<patent-application-publication")


def sniff(head: bytes, suffix: str) -> str:
    """Return "pdf", "zip", "ole", "uspto-xml", "xml" or "other" from the first bytes."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(_OLE_MAGIC):
        return "ole"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<?xml") or stripped.startswith(b"<!DOCTYPE") or stripped.startswith(b"<"):
        if any(root in head for root in _USPTO_ROOTS):
            return "uspto-xml"
        if stripped.startswith(b"<?xml"):
            return "xml"
    return "other"


_LOCAL_HEADER = struct.Struct("<4s5H3L2H")
_MAX_MEMBERS = 20_000


def measure_unpacked(path, data: bytes, *, max_total: int, max_part: int, deadline=None) -> int:
    """Unpack every member of a ZIP package *measuring* what comes out (never trusting the
    sizes its headers declare), in bounded steps; returns the total unpacked size.

    E111 when the package unpacks to more than ``max_total`` bytes, or an XML part to more
    than ``max_part``; E108 when a header misstates a member's size (a decompressor asked
    for the whole member at once, as python-docx does, would otherwise produce all of it),
    the data lies outside the file, or a member is encrypted or oddly compressed."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except Exception as exc:  # noqa: BLE001
        raise IngestError(E108, path=path, detail=msg(M.D113, x=cause(exc, en=str(exc)[:180]))) from None
    if len(infos) > _MAX_MEMBERS:
        raise IngestError(E108, path=path, detail=msg(M.D137, n=len(infos)))
    total = 0
    for info in infos:
        if deadline is not None:
            deadline.check()
        off = info.header_offset
        if off < 0 or off + _LOCAL_HEADER.size > len(data):
            raise IngestError(E108, path=path, detail=msg(M.D138, name=info.filename[:80]))
        sig, _ver, flags, method, _t, _d, _crc, _cs, _us, nlen, xlen = _LOCAL_HEADER.unpack_from(data, off)
        if sig != b"PK\x03\x04":
            raise IngestError(E108, path=path, detail=msg(M.D139, name=info.filename[:80]))
        if flags & 1:
            raise IngestError(E108, path=path, detail=msg(M.D140, name=info.filename[:80]))
        start = off + _LOCAL_HEADER.size + nlen + xlen
        end = start + info.compress_size
        if end > len(data):
            raise IngestError(E108, path=path, detail=msg(M.D138, name=info.filename[:80]))
        part_cap = max_part if info.filename.lower().endswith((".xml", ".rels")) else max_total
        cap = min(part_cap, max_total - total) + 1  # one byte over: enough to know it is too big
        if method == zipfile.ZIP_STORED:
            real = info.compress_size
        elif method == zipfile.ZIP_DEFLATED:
            real = _inflated_size(data, start, end, cap, deadline)
        else:
            raise IngestError(E108, path=path, detail=msg(M.D141, name=info.filename[:80], method=method))
        if real > part_cap or total + real > max_total:
            what = info.filename[:80] if real > part_cap else msg(M.D148)
            raise IngestError(
                E111, path=path, size=msg(M.D130, n=max(real, total + real), what=what),
                limit=msg(M.D118, n=min(part_cap, max_total)),
            )
        if real != info.file_size:
            raise IngestError(E108, path=path, detail=msg(M.D131, name=info.filename[:80]))
        total += real
    return total


def _inflated_size(data: bytes, start: int, end: int, cap: int, deadline=None) -> int:
    """Bytes a raw DEFLATE stream unpacks to, counted 1 MB at a time, stopping past ``cap``."""
    d = zlib.decompressobj(-15)
    out = 0
    pos = start
    try:
        while pos < end or d.unconsumed_tail:
            if d.unconsumed_tail:
                chunk = d.unconsumed_tail
            else:
                chunk = data[pos : min(end, pos + (1 << 16))]
                pos += len(chunk)
            out += len(d.decompress(chunk, 1 << 20))
            if out > cap:
                return out
            if d.eof:
                break
            if deadline is not None:
                deadline.check()
        out += len(d.flush())
    except zlib.error:
        return -1  # damaged: differs from any declared size, so the caller reports it
    return out


def unpacked_size(data: bytes) -> int:
    """What a ZIP package claims its members add up to once decompressed."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return sum(info.file_size for info in zf.infolist())
    except Exception:  # noqa: BLE001 - docx_problem reports the damage
        return 0


def docx_problem(data: bytes) -> Message | None:
    """Why these bytes are not a Word document (a coded detail), or None when they are one."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return msg(M.D112)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except zipfile.BadZipFile as exc:
        return msg(M.D111, x=cause(exc, en=str(exc)[:180]))
    except Exception as exc:  # noqa: BLE001 - any damage is reported, never raised raw
        return msg(M.D113, x=cause(exc, en=str(exc)[:180]))
    if "word/document.xml" not in names:
        return msg(M.D114, x=", ".join(sorted(names)[:3]) or msg(M.D149))
    return None


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
_LATIN = re.compile(r"[A-Za-z]")


def language_of(text: str) -> Language:
    """"ja" when kana/kanji make up a real share of the letters, else "en"."""
    sample = text[:200_000]
    cjk = len(_CJK.findall(sample))
    if cjk == 0:
        return "en"
    latin = len(_LATIN.findall(sample))
    # A Japanese character carries about as much as a 3-4 letter English word
    # piece; weight so that English terms inside Japanese prose do not flip it.
    return "ja" if cjk * 6 >= latin else "en"
