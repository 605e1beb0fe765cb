"""What a file is (by its magic bytes, not just its suffix) and what language a text is in."""

from __future__ import annotations

import io
import re
import zipfile

from workbench.domain import Language

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


def unpacked_size(data: bytes) -> int:
    """What a ZIP package claims its members add up to once decompressed."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return sum(info.file_size for info in zf.infolist())
    except Exception:  # noqa: BLE001 - docx_problem reports the damage
        return 0


def docx_problem(data: bytes) -> str | None:
    """Why these bytes are not a Word document, or None when they are one."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except zipfile.BadZipFile as exc:
        return f"not a valid ZIP package: {exc}"
    except Exception as exc:  # noqa: BLE001 - any damage is reported, never raised raw
        return f"damaged ZIP package: {exc}"
    if "word/document.xml" not in names:
        sample = ", ".join(sorted(names)[:3]) or "nothing"
        return f"a ZIP without word/document.xml (holds {sample})"
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
