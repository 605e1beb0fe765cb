"""The hostile inputs: files built to attack the readers, and good drafts beside them.

``generate(out_dir)`` writes every case and returns the list of :class:`Case`. Each case
says what a correct workbench does with it:

- ``refuse``: a coded error naming the file (exit 2); success would be a *silent wrong
  success* (a bomb read "fine", a file of another kind screened as a draft);
- ``accept``: a good draft (odd name, odd encoding) that must be screened (exit 0);
- ``either``: legitimate but pathological (a quadratic pattern, a giant table): screened or
  refused with a coded error, but within the time limit.

``leak`` names text that must never appear in the output (the contents of /etc/passwd an
XXE would fetch). Kinds follow issue 14 and the attacks the earlier tests held.
"""

from __future__ import annotations

import io
import os
import random
import socket
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "workbench" / "examples"
SHARED = Path(os.environ.get("WORKBENCH_SHARED_DATA", ROOT.parent.parent / "shared" / "data"))

CLAIMS = "What is claimed is:\n1. A drone comprising a rotor and a frame.\n2. The drone of claim 1, wherein the rotor is shrouded.\n"
GOOD = "Title: Drone with a shrouded rotor\n\nTECHNICAL FIELD\nThe disclosure relates to drones.\n\n" + CLAIMS
XML_HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n'


@dataclass
class Case:
    name: str
    kind: str  # the attack family (for the per-kind counts)
    path: str
    expect: str  # refuse | accept | either
    leak: str = ""
    args: list[str] = field(default_factory=list)  # extra paths (a folder case lists its good drafts)


def _grant(claims: bytes = b'<claim id="c1" num="1"><claim-text>1. A drone comprising a rotor.</claim-text></claim>',
           description: bytes = b"<p>A drone with a rotor.</p>", doctype: bytes = b"") -> bytes:
    return (XML_HEAD + doctype + b"<us-patent-grant><us-bibliographic-data-grant><invention-title>Drone</invention-title>"
            b"</us-bibliographic-data-grant><description>" + description + b"</description><claims>" + claims
            + b"</claims><abstract><p>A drone.</p></abstract></us-patent-grant>")


def _docx_bytes(paragraphs: list[str] | None = None, *, mutate=None) -> bytes:
    from docx import Document

    doc = Document()
    for p in paragraphs or GOOD.split("\n"):
        doc.add_paragraph(p)
    buf = io.BytesIO()
    doc.save(buf)
    if mutate is None:
        return buf.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        members = {i.filename: src.read(i) for i in src.infolist()}
        for name, data in mutate(members).items():
            dst.writestr(name, data)
    return out.getvalue()


def _body(xml: bytes) -> dict:
    """A mutate() that replaces the body of word/document.xml."""
    def mutate(m: dict) -> dict:
        doc = m["word/document.xml"].decode("utf-8")
        head = doc[: doc.index("<w:body>") + len("<w:body>")]
        m["word/document.xml"] = head.encode() + xml + b"</w:body></w:document>"
        return m
    return mutate


def _lie(data: bytes, member: str, declared: int, real_prefix: bytes) -> bytes:
    """Rewrite the size and CRC of ``member`` in both ZIP headers to ``declared`` bytes."""
    data = bytearray(data)
    crc = zlib.crc32(real_prefix[:declared])
    for sig, crc_at, size_at, name_len_at, name_at in ((b"PK\x03\x04", 14, 22, 26, 30), (b"PK\x01\x02", 16, 24, 28, 46)):
        pos = data.find(sig)
        while pos >= 0:
            n = struct.unpack_from("<H", data, pos + name_len_at)[0]
            if bytes(data[pos + name_at : pos + name_at + n]) == member.encode():
                struct.pack_into("<L", data, pos + crc_at, crc)
                struct.pack_into("<L", data, pos + size_at, declared)
            pos = data.find(sig, pos + 4)
    return bytes(data)


def _zip(members: dict, method=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def _pdf_bytes(lines: list[str], pages: int = 1) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=10)
    for _ in range(pages):
        pdf.add_page()
        for ln in lines:
            pdf.cell(0, 5, ln, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _raw_pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF from raw object bodies, with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def _page_pdf(content: bytes, *, filters: bytes = b"") -> bytes:
    return _raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
        b"<< /Length %d %s>>\nstream\n" % (len(content), filters) + content + b"\nendstream",
    ])


def generate(out: Path, *, big: bool = True) -> list[Case]:  # noqa: C901 - one list of attacks, read top to bottom
    """Write every case under ``out`` (created). ``big=False`` leaves out the files of
    more than 100 MB (the 190 MB text is sparse and always made)."""
    out = Path(out)
    cases_dir = out / "cases"
    cases_dir.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(14)
    cases: list[Case] = []

    def add(name: str, kind: str, expect: str, data: bytes | None = None, leak: str = "") -> Path:
        p = cases_dir / name
        if data is not None:
            p.write_bytes(data)
        cases.append(Case(name, kind, str(p), expect, leak))
        return p

    # ---------------------------------------------------------------- good drafts
    for ex in sorted(EXAMPLES.glob("*.txt")):
        add(f"good-{ex.name}", "good", "accept", ex.read_bytes())
        text = ex.read_bytes().decode("utf-8", "ignore") if b"\x82" not in ex.read_bytes()[:200] else None
        if text:
            add(f"good-{ex.stem}-utf16.txt", "good", "accept", text.encode("utf-16"))
            add(f"good-{ex.stem}.md", "good", "accept", ("# " + text.replace("\n\n", "\n\n## ", 1)).encode())
            add(f"good-{ex.stem}.docx", "good", "accept", _docx_bytes(text.split("\n")))
    add("good-drone.pdf", "good", "accept", _pdf_bytes(GOOD.split("\n")))
    add("good-drone-crlf.txt", "good", "accept", GOOD.replace("\n", "\r\n").encode())
    add("good-drone-cp1252.txt", "good", "accept", (GOOD + "\u201cquoted\u201d\n").encode("cp1252"))
    for xml in sorted((SHARED / "uspto-xml").glob("*.xml"))[:6]:
        add(f"good-{xml.name}", "good", "accept", xml.read_bytes())

    # ---------------------------------------------------------------- Markdown / text: quadratic patterns
    for n in (10_000, 40_000, 120_000):
        add(f"md-heading-{n}.md", "markdown-heading", "either", b"# " + b" #" * n + b"x\n\n" + CLAIMS.encode())
        add(f"md-heading-spaces-{n}.md", "markdown-heading", "either", b"## " + b"\t " * n + b"#y\n\n" + CLAIMS.encode())
        add(f"md-bold-{n}.md", "markdown-emphasis", "either", b"Title\n\n" + b"**a " * n + b"\n\n" + CLAIMS.encode())
        add(f"md-under-{n}.md", "markdown-emphasis", "either", b"Title\n\n" + b"__a " * n + b"\n\n" + CLAIMS.encode())
        add(f"md-mixed-{n}.md", "markdown-emphasis", "either", b"Title\n\n" + b"**__a " * n + b"\n\n" + CLAIMS.encode())
    for n in (100_000, 400_000):
        add(f"txt-claim-one-lines-{n}.txt", "text-repeat", "either", b"Claims\n" + b"1. x\n" * n)
        add(f"txt-claims-heads-{n}.txt", "text-repeat", "either", b"Claims\n" * n + CLAIMS.encode())
        add(f"txt-abstract-heads-{n}.txt", "text-repeat", "either", b"Abstract\n" * n + CLAIMS.encode())
        add(f"txt-ipc-lines-{n}.txt", "text-repeat", "either", b"Int. Cl.: G06F 1/00 B64C 39/02\n" * (n // 4) + CLAIMS.encode())
        add(f"txt-para-numbers-{n}.txt", "text-repeat", "either", b"[0001] x\n" * n + CLAIMS.encode())
        add(f"txt-page-headers-{n}.txt", "text-repeat", "either", (b"Page 1 of 9\nDocket 4711\nbody\n\f") * (n // 100) + CLAIMS.encode())
        add(f"txt-jp-claims-{n}.txt", "text-repeat", "either", "【請求項１】\n　装置。\n".encode("utf-8") * (n // 4))
        add(f"txt-jp-open-bracket-{n}.txt", "text-repeat", "either", ("【" + "あ" * n + "\n").encode("utf-8") + CLAIMS.encode())
        add(f"txt-claim-chain-{n}.txt", "text-repeat", "either",
            ("What is claimed is:\n1. A drone.\n" + "".join(f"{i}. The drone of claim {i - 1}.\n" for i in range(2, n // 20))).encode())
    for n in (1_000_000, 10_000_000):
        add(f"txt-one-line-{n}.txt", "text-long-line", "either", b"What is claimed is:\n1. A " + b"rotor " * (n // 6) + b"\n")
        add(f"txt-spaces-{n}.txt", "text-long-line", "either", b"Claims\n1. A" + b" " * n + b"x\n")
        add(f"txt-tabs-{n}.txt", "text-long-line", "either", b"Claims\n" + b"\t" * n + b"1. x\n")
        add(f"txt-zero-width-{n}.txt", "text-unicode", "either", GOOD.encode() + "\u200b".encode() * (n // 3))
        add(f"txt-combining-{n}.txt", "text-unicode", "either", GOOD.encode() + ("a" + "\u0301" * 50).encode() * (n // 101))
    add("txt-huge-claim-numbers.txt", "text-repeat", "either",
        ("What is claimed is:\n1. A drone.\n" + "".join(f"{10**30 + i}. The drone of claim {10**40}.\n" for i in range(2000))).encode())
    add("txt-rtl-override.txt", "text-unicode", "accept", (GOOD + "3. The drone of claim 1 \u202egnirts\u202c.\n").encode())
    # ---------------------------------------------------------------- memory: sizes as measured
    sparse = cases_dir / "txt-190MB-sparse.txt"
    with sparse.open("wb") as fh:
        fh.write(GOOD.encode())
        fh.seek(190_000_000)
        fh.write(b"x")
    cases.append(Case(sparse.name, "text-huge", str(sparse), "refuse"))
    add("txt-17MB.txt", "text-huge", "refuse", (GOOD + "\n").encode() + b"rotor blade hub. " * 1_000_000)
    add("txt-5M-chars.txt", "text-huge", "refuse", b"What is claimed is:\n1. A " + b"a" * 5_000_000 + b".\n")
    if big:
        with (cases_dir / "txt-150MB-one-line.txt").open("wb") as fh:
            fh.write(b"What is claimed is:\n1. A ")
            for _ in range(150):
                fh.write(b"x" * 1_000_000)
        cases.append(Case("txt-150MB-one-line.txt", "text-huge", str(cases_dir / "txt-150MB-one-line.txt"), "refuse"))
        with (cases_dir / "txt-190MB.txt").open("wb") as fh:
            fh.write(GOOD.encode())
            line = b"The rotor blade is mounted on a hub of the drone frame.\n"
            for _ in range(190_000_000 // len(line)):
                fh.write(line)
        cases.append(Case("txt-190MB.txt", "text-huge", str(cases_dir / "txt-190MB.txt"), "refuse"))
    for n in (10_000, 100_000, 1_000_000):
        add(f"txt-form-feeds-{n}.txt", "text-pages", "refuse", CLAIMS.encode() + b"\f" * n)
    # ---------------------------------------------------------------- encodings and binary
    for i, n in enumerate((100, 10_000, 1_000_000)):
        add(f"txt-random-{n}.txt", "text-binary", "refuse", bytes(rnd.getrandbits(8) for _ in range(min(n, 200_000))) * max(1, n // 200_000))
        add(f"txt-nul-{n}.txt", "text-binary", "refuse", b"\x00" * n)
        add(f"txt-high-bytes-{n}.txt", "text-encoding", "refuse", bytes(rnd.choice(range(0x80, 0x100)) for _ in range(min(n, 100_000))))
        add(f"md-controls-{n}.md", "text-binary", "refuse", bytes(rnd.choice(range(1, 9)) for _ in range(min(n, 100_000))))
    add("txt-bom-only.txt", "text-encoding", "refuse", b"\xef\xbb\xbf")
    add("txt-utf16-bom-odd.txt", "text-encoding", "refuse", b"\xff\xfe" + b"a\x00" * 100 + b"\x00")
    add("txt-utf32-bom-garbage.txt", "text-encoding", "refuse", b"\xff\xfe\x00\x00" + b"\xff\xff\xff\xff" * 100)
    add("txt-sjis-broken.txt", "text-encoding", "either", "【請求項１】装置。".encode("shift_jis") + b"\x81" * 1000 + b"\x82\xa0" * 10)
    add("txt-iso2022-garbage.txt", "text-encoding", "either", b"\x1b$B" + b"\x21\x21" * 50_000 + b"\x1b(B" + CLAIMS.encode())
    add("txt-whitespace-only.txt", "text-empty", "refuse", b" \n\t\n\u3000".replace(b"\u3000", "\u3000".encode()) * 1000)
    add("txt-empty.txt", "text-empty", "refuse", b"")
    add("md-empty.md", "text-empty", "refuse", b"\n\n\n")
    add("txt-jpeg-named-txt.txt", "text-binary", "refuse", b"\xff\xd8\xff\xe0" + bytes(rnd.getrandbits(8) for _ in range(5000)))
    add("txt-pdf-inside.txt", "text-misnamed", "either", _pdf_bytes(GOOD.split("\n")))
    add("txt-zip-inside.txt", "text-misnamed", "refuse", _zip({"a.txt": b"hello"}))
    add("photo.jpg", "unsupported", "refuse", b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    add("old-word.doc", "unsupported", "refuse", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    add("noext", "unsupported", "refuse", GOOD.encode())

    # ---------------------------------------------------------------- USPTO XML
    for n in (300, 1_000, 50_000, 200_000):
        add(f"xml-deep-root-{n}.xml", "xml-depth", "refuse", XML_HEAD + b"<us-patent-grant>" + b"<x>" * n + b"</x>" * n + b"</us-patent-grant>")
    for n in (300, 3_000, 20_000):
        add(f"xml-deep-claim-{n}.xml", "xml-depth", "refuse", _grant(
            claims=b'<claim id="c1" num="1">' + b"<claim-text>" * n + b"1. A drone." + b"</claim-text>" * n + b"</claim>"))
        add(f"xml-deep-description-{n}.xml", "xml-depth", "refuse", _grant(description=b"<p>" + b"<b>" * n + b"x" + b"</b>" * n + b"</p>"))
        add(f"xml-deep-unclosed-{n}.xml", "xml-depth", "refuse", XML_HEAD + b"<us-patent-grant>" + b"<x>" * n)
    for n in (10_000, 40_000, 130_000):
        add(f"xml-doctype-repeat-{n}.xml", "xml-doctype", "refuse",
            XML_HEAD + b"<!-- <us-patent-grant> -->" + b"<!DOCTYPE a [" * (n // 13) + _grant()[len(XML_HEAD):])
        add(f"xml-doctype-brackets-{n}.xml", "xml-doctype", "refuse",
            XML_HEAD + b"<!DOCTYPE us-patent-grant [" + b"]" * n + _grant()[len(XML_HEAD):])
        add(f"xml-doctype-open-{n}.xml", "xml-doctype", "refuse",
            XML_HEAD + b"<!-- <us-patent-grant> -->" + (b"<!DOCTYPE x [" + b"] " * 10) * (n // 33) + b"<us-patent-grant/>")
    lol = b'<!ENTITY lol "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10))
    add("xml-billion-laughs.xml", "xml-entities", "either", _grant(
        claims=b'<claim id="c1" num="1"><claim-text>1. A drone &lol9; rotor.</claim-text></claim>',
        doctype=b"<!DOCTYPE us-patent-grant [" + lol + b"]>"))
    add("xml-quadratic-blowup.xml", "xml-entities", "either", _grant(
        claims=b'<claim id="c1" num="1"><claim-text>1. A drone ' + b"&a;" * 20_000 + b"</claim-text></claim>",
        doctype=b'<!DOCTYPE us-patent-grant [<!ENTITY a "' + b"x" * 20_000 + b'">]>'))
    add("xml-xxe-passwd.xml", "xml-xxe", "either", _grant(
        claims=b'<claim id="c1" num="1"><claim-text>1. A drone &xxe; rotor.</claim-text></claim>',
        doctype=b'<!DOCTYPE us-patent-grant [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'), leak="root:x:0:0")
    add("xml-xxe-parameter.xml", "xml-xxe", "either", _grant(
        doctype=b'<!DOCTYPE us-patent-grant [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>'), leak="root:x:0:0")
    add("xml-xxe-inner.xml", "xml-xxe", "refuse", _grant(
        description=b'<p>x</p><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><p>&e;</p>'), leak="root:x:0:0")
    add("xml-external-dtd.xml", "xml-xxe", "either", _grant(doctype=b'<!DOCTYPE us-patent-grant SYSTEM "http://127.0.0.1:9/x.dtd">'))
    for enc in ("punycode", "idna", "utf-7", "rot13", "x-bogus", "zlib"):
        add(f"xml-encoding-{enc}.xml", "xml-encoding", "refuse", _grant().replace(b"UTF-8", enc.encode()))
    full = _grant()
    for frac in (0.3, 0.6, 0.95):
        add(f"xml-truncated-{int(frac * 100)}.xml", "xml-damaged", "refuse", full[: int(len(full) * frac)])
    add("xml-no-claims.xml", "xml-damaged", "refuse", _grant(claims=b""))
    add("xml-unclosed.xml", "xml-damaged", "refuse", _grant().replace(b"</description>", b""))
    add("xml-not-uspto.xml", "xml-other", "refuse", XML_HEAD + b"<root><a/></root>")
    for n in (10_000, 100_000):
        add(f"xml-many-claims-{n}.xml", "xml-size", "either", _grant(claims=b"".join(
            b'<claim id="c%d" num="%d"><claim-text>%d. A drone of <claim-ref idref="c%d">claim %d</claim-ref>.</claim-text></claim>'
            % (i, i, i, max(1, i - 1), max(1, i - 1)) for i in range(1, n))))
    add("xml-claim-ref-loop.xml", "xml-size", "either", _grant(claims=b"".join(
        b'<claim id="c%d" num="%d"><claim-text>%d. The drone of <claim-ref idref="c%d">claim %d</claim-ref>.</claim-text></claim>'
        % (i, i, i, 3 - i, 3 - i) for i in (1, 2))))
    add("xml-huge-attribute.xml", "xml-size", "either", _grant(description=b'<p id="' + b"a" * 5_000_000 + b'">x</p>'))
    add("xml-many-attributes.xml", "xml-size", "either", _grant(description=b"<p " + b" ".join(b'a%d="1"' % i for i in range(50_000)) + b">x</p>"))
    add("xml-cdata.xml", "xml-size", "either", _grant(description=b"<p><![CDATA[" + b"]]" * 1_000_000 + b"]]></p>"))
    add("xml-pis.xml", "xml-size", "either", _grant(description=b"<?pi x?>" * 200_000))
    add("xml-huge-text-20MB.xml", "xml-size", "refuse", _grant(description=b"<p>" + b"rotor " * 3_500_000 + b"</p>"))

    # ---------------------------------------------------------------- DOCX
    for mb in (50, 300, 2000):
        add(f"docx-bomb-{mb}MB.docx", "docx-bomb", "refuse", _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b" " * (mb * 1_000_000)}) if mb <= 300 else
            _docx_bytes(mutate=lambda m, mb=mb: {**m, "word/media/a.bin": b"\0" * (mb * 1_000_000)}))
    for mb, declared in ((50, 1_000), (300, 1_000), (1000, 100), (200, 100_000)):
        real = b"\0" * (mb * 1_000_000)
        data = _docx_bytes(mutate=lambda m, real=real: {**m, "word/media/image1.png": real})
        add(f"docx-lying-header-{mb}MB.docx", "docx-lying-zip", "refuse", _lie(data, "word/media/image1.png", declared, real))
        del real, data
    doc_real = _docx_bytes()
    with zipfile.ZipFile(io.BytesIO(doc_real)) as zf:
        docxml = zf.read("word/document.xml")
    big_doc = docxml.replace(b"</w:body>", b"<w:p><w:r><w:t>" + b"a" * 100_000_000 + b"</w:t></w:r></w:p></w:body>")
    add("docx-lying-document-xml.docx", "docx-lying-zip", "refuse",
        _lie(_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": big_doc}), "word/document.xml", len(docxml), big_doc))
    del big_doc
    add("docx-many-members.docx", "docx-structure", "refuse", _docx_bytes(mutate=lambda m: {**m, **{f"x/{i}.bin": b"" for i in range(30_000)}}))
    W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    for n in (300, 10_000, 100_000):
        add(f"docx-deep-sdt-{n}.docx", "docx-depth", "refuse", _docx_bytes(mutate=_body(
            b"<w:sdt><w:sdtContent>" * n + b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" + b"</w:sdtContent></w:sdt>" * n)))
        add(f"docx-deep-runs-{n}.docx", "docx-depth", "refuse", _docx_bytes(mutate=_body(
            b"<w:p>" + b"<w:ins>" * n + b"<w:r><w:t>x</w:t></w:r>" + b"</w:ins>" * n + b"</w:p>")))
    add("docx-billion-laughs.docx", "docx-entities", "either", _docx_bytes(mutate=lambda m: {**m, "word/document.xml":
        XML_HEAD + b"<!DOCTYPE w:document [" + lol + b"]>" + m["word/document.xml"].split(b"?>", 1)[1].replace(b"<w:body>", b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>", 1)}))
    add("docx-xxe.docx", "docx-entities", "either", _docx_bytes(mutate=lambda m: {**m, "word/document.xml":
        XML_HEAD + b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + m["word/document.xml"].split(b"?>", 1)[1].replace(b"<w:body>", b"<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>", 1)}),
        leak="root:x:0:0")
    add("docx-grid-span.docx", "docx-structure", "refuse", _docx_bytes(mutate=_body(
        b"<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"100000000\"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")))
    add("docx-huge-list-start.docx", "docx-numbering", "either", _docx_bytes(mutate=lambda m: {**m, "word/numbering.xml":
        b'<?xml version="1.0"?><w:numbering ' + W + b'><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="2000000000"/>'
        b'<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>',
        "word/document.xml": m["word/document.xml"].replace(b"<w:p>", b'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>')}))
    # one character after 200,000 page breaks: read in bounded time (1.4 s CPU), then screened as a
    # text too short to judge (N410: review, never clear) or refused by `claims` (E201) - either is honest
    add("docx-many-page-breaks.docx", "docx-structure", "either", _docx_bytes(mutate=_body(
        b"<w:p><w:r>" + b'<w:br w:type="page"/>' * 200_000 + b"<w:t>x</w:t></w:r></w:p>")))
    for n in (50_000, 400_000):
        add(f"docx-many-paragraphs-{n}.docx", "docx-size", "either", _docx_bytes(mutate=_body(b"<w:p><w:r><w:t>rotor</w:t></w:r></w:p>" * n)))
        add(f"docx-many-tables-{n}.docx", "docx-size", "either", _docx_bytes(mutate=_body(
            b"<w:tbl>" + b"<w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr>" * (n // 10) + b"</w:tbl>")))
    full_docx = _docx_bytes()
    for frac in (0.2, 0.5, 0.9):
        add(f"docx-truncated-{int(frac * 100)}.docx", "docx-damaged", "refuse", full_docx[: int(len(full_docx) * frac)])
    add("docx-no-document.docx", "docx-damaged", "refuse", _zip({"[Content_Types].xml": b"<Types/>"}))
    add("docx-broken-xml.docx", "docx-damaged", "refuse", _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document><unclosed>"}))
    add("docx-bzip2.docx", "docx-damaged", "refuse", _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": docxml}, zipfile.ZIP_BZIP2))
    add("docx-lzma.docx", "docx-damaged", "refuse", _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": docxml}, zipfile.ZIP_LZMA))
    add("docx-encrypted-ole.docx", "docx-damaged", "refuse", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000)
    add("docx-random.docx", "docx-damaged", "refuse", bytes(rnd.getrandbits(8) for _ in range(20_000)))
    add("docx-style-cycle.docx", "docx-numbering", "either", _docx_bytes(mutate=lambda m: {**m, "word/styles.xml":
        b'<?xml version="1.0"?><w:styles ' + W + b'><w:style w:styleId="A"><w:basedOn w:val="B"/></w:style><w:style w:styleId="B"><w:basedOn w:val="A"/></w:style></w:styles>',
        "word/document.xml": m["word/document.xml"].replace(b"<w:p>", b'<w:p><w:pPr><w:pStyle w:val="A"/></w:pPr>')}))

    # ---------------------------------------------------------------- PDF
    good_pdf = _pdf_bytes(GOOD.split("\n"))
    for frac in (0.3, 0.7, 0.99):
        add(f"pdf-truncated-{int(frac * 100)}.pdf", "pdf-damaged", "refuse", good_pdf[: int(len(good_pdf) * frac)])
    add("pdf-garbage-body.pdf", "pdf-damaged", "refuse", good_pdf[:20] + b"\x00garbage" * 500 + good_pdf[-30:])
    add("pdf-text-named-pdf.pdf", "pdf-damaged", "refuse", GOOD.encode())
    add("pdf-page-tree-cycle.pdf", "pdf-structure", "refuse", _raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>"]))
    add("pdf-kids-self.pdf", "pdf-structure", "refuse", _raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 2 >>"]))
    for n in (1_000, 50_000):
        add(f"pdf-deep-arrays-{n}.pdf", "pdf-depth", "either", _page_pdf(b"BT /F1 12 Tf 72 700 Td (Claims) Tj ET " + b"[" * n + b"]" * n))
        add(f"pdf-deep-dicts-{n}.pdf", "pdf-depth", "either", _raw_pdf([
            b"<< /Type /Catalog /Pages 2 0 R /X " + b"<< /A " * n + b"1" + b" >>" * n + b" >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]))
    bomb = zlib.compress(b"BT /F1 12 Tf 72 700 Td (" + b"x" * 200 + b") Tj ET\n" + b" " * 400_000_000, 9)
    add("pdf-flate-bomb.pdf", "pdf-bomb", "either", _page_pdf(bomb, filters=b"/Filter /FlateDecode "))
    del bomb
    text_ops = b"BT /F1 10 Tf 72 700 Td " + b"(rotor blade) Tj 0 -1 Td " * 400_000 + b"ET"
    add("pdf-huge-page-text.pdf", "pdf-size", "either", _page_pdf(zlib.compress(text_ops), filters=b"/Filter /FlateDecode "))
    add("pdf-6000-pages.pdf", "pdf-size", "refuse", _raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b"3 0 R " * 6000 + b"] /Count 6000 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"]))
    add("pdf-count-lies.pdf", "pdf-structure", "either", _raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 999999999 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"]))
    add("pdf-length-lies.pdf", "pdf-damaged", "either", _page_pdf(b"BT /F1 12 Tf 72 700 Td (Claims 1. A drone.) Tj ET").replace(b"/Length 48", b"/Length 999999999"))
    add("pdf-scan-only.pdf", "pdf-scan", "refuse", _page_pdf(b"q 100 0 0 100 0 0 cm Q"))
    try:
        from pypdf import PdfReader, PdfWriter

        w = PdfWriter()
        for page in PdfReader(io.BytesIO(good_pdf)).pages:
            w.add_page(page)
        w.encrypt(user_password="s3cret", owner_password="o", algorithm="AES-256")
        buf = io.BytesIO()
        w.write(buf)
        add("pdf-encrypted.pdf", "pdf-encrypted", "refuse", buf.getvalue())
    except Exception:  # noqa: BLE001 - an optional crypto backend
        pass

    # ---------------------------------------------------------------- odd paths
    for raw in (b"bad-\xff\xfe.txt", b"latin1-caf\xe9.txt", b"sjis-\x93\xc1\x8b\x96.txt", b"half-\xe6\x97.md"):
        add(os.fsdecode(raw), "path-undecodable", "accept", GOOD.encode())
    add("name\nwith newline.txt", "path-odd-name", "accept", GOOD.encode())
    add("name-\x1b[31mred\x1b[0m.txt", "path-odd-name", "accept", GOOD.encode())
    add("-rf --db x.txt", "path-odd-name", "accept", GOOD.encode())
    add(" leading space.txt", "path-odd-name", "accept", GOOD.encode())
    add("草稿" * 40 + ".txt", "path-long", "accept", GOOD.encode())  # 240 bytes + suffix
    add("x" * 251 + ".txt", "path-long", "accept", GOOD.encode())  # 255 bytes: the longest ext4 name
    cases.append(Case("name-too-long", "path-long", str(cases_dir / ("y" * 300 + ".txt")), "refuse"))
    cases.append(Case("path-too-long", "path-long", str(cases_dir / "/".join(["d" * 250] * 20) / "a.txt"), "refuse"))
    for name, target in (("loop-a.txt", "loop-b.txt"), ("loop-b.txt", "loop-a.txt"), ("self-loop.txt", "self-loop.txt")):
        link = cases_dir / name
        if not link.is_symlink():
            link.symlink_to(target)
        cases.append(Case(name, "path-symlink", str(link), "refuse"))
    for name, target in (("dev-zero.txt", "/dev/zero"), ("dev-urandom.md", "/dev/urandom"), ("broken-link.docx", "/nonexistent/x.docx"),
                         ("dir-link.txt", "/tmp")):
        link = cases_dir / name
        if not link.is_symlink():
            link.symlink_to(target)
        cases.append(Case(name, "path-special", str(link), "refuse"))
    fifo = cases_dir / "fifo.txt"
    if not fifo.exists():
        os.mkfifo(fifo)
    cases.append(Case(fifo.name, "path-special", str(fifo), "refuse"))
    link = cases_dir / "link-to-fifo.md"
    if not link.is_symlink():
        link.symlink_to(fifo)
    cases.append(Case(link.name, "path-special", str(link), "refuse"))
    sock_path = cases_dir / "socket.txt"
    if not sock_path.exists():
        s = socket.socket(socket.AF_UNIX)
        s.bind(str(sock_path))
        s.close()
    cases.append(Case(sock_path.name, "path-special", str(sock_path), "refuse"))
    (cases_dir / "folder.txt").mkdir(exist_ok=True)
    cases.append(Case("folder.txt", "path-special", str(cases_dir / "folder.txt"), "refuse"))
    cases.append(Case("missing.pdf", "path-special", str(cases_dir / "missing.pdf"), "refuse"))
    cases.append(Case("dev-null-direct", "path-special", "/dev/null", "refuse"))

    # ---------------------------------------------------------------- more names, and fuzzed copies of good drafts
    for name in ("emoji-\U0001f4a3.txt", "rtl-\u202etxt.exe.txt", "nfd-\u304b\u3099.txt", "tab\tin name.md", "cr\rin name.txt",
                 "quote'\"both.txt", "semicolon;rm -rf.txt", "草稿　全角スペース.txt"):
        add(name, "path-odd-name", "accept", GOOD.encode())
    for n in (20_000,):
        add(f"txt-claim-one-lines-{n}.txt", "text-repeat", "either", b"Claims\n" + b"1. x\n" * n)
        add(f"txt-claims-heads-{n}.txt", "text-repeat", "either", b"Claims\n" * n + CLAIMS.encode())
        add(f"txt-jp-claims-{n}.txt", "text-repeat", "either", "【請求項１】\n　装置。\n".encode("utf-8") * (n // 4))
        add(f"md-heading-{n}.md", "markdown-heading", "either", b"# " + b" #" * n + b"x\n\n" + CLAIMS.encode())
        add(f"md-bold-{n}.md", "markdown-emphasis", "either", b"Title\n\n" + b"**a " * n + b"\n\n" + CLAIMS.encode())
    seeds = {
        "docx": _docx_bytes(), "pdf": _pdf_bytes(GOOD.split("\n"), pages=3), "xml": _grant(),
        "txt": (EXAMPLES / "draft_ja_quantum_dot_detector.txt").read_bytes(),
    }
    for ext, seed in seeds.items():
        for i in range(10):  # random bytes flipped: read or refused, never a traceback or a hang
            data = bytearray(seed)
            for _ in range(1 + i * 3):
                data[rnd.randrange(len(data))] = rnd.getrandbits(8)
            add(f"fuzz-flip-{i}.{ext}", f"fuzz-{ext}", "either", bytes(data))
        for i in range(1, 8):  # cut short
            add(f"fuzz-cut-{i}.{ext}", f"fuzz-{ext}", "either" if ext == "txt" else "refuse", seed[: len(seed) * i // 8])

    # ---------------------------------------------------------------- a mixed folder
    mixed = out / "mixed"
    mixed.mkdir(exist_ok=True)
    goods = []
    for ex in sorted(EXAMPLES.glob("*.txt")):
        (mixed / f"good-{ex.name}").write_bytes(ex.read_bytes())
        goods.append(str(mixed / f"good-{ex.name}"))
    (mixed / "good-drone.docx").write_bytes(_docx_bytes())
    goods.append(str(mixed / "good-drone.docx"))
    for bad in ("xml-deep-root-50000.xml", "docx-lying-header-300MB.docx", "md-heading-120000.md", "xml-doctype-repeat-130000.xml",
                "txt-190MB-sparse.txt", "docx-deep-sdt-10000.docx", "pdf-page-tree-cycle.pdf", "txt-random-10000.txt"):
        target = mixed / f"bad-{bad}"
        if not target.exists():
            os.link(cases_dir / bad, target) if not (cases_dir / bad).stat().st_size < 0 else None
    if not (mixed / "bad-fifo.txt").exists():
        os.mkfifo(mixed / "bad-fifo.txt")
    if not (mixed / "bad-loop.txt").is_symlink():
        (mixed / "bad-loop.txt").symlink_to("bad-loop.txt")
    (mixed / os.fsdecode(b"good-\xff.txt")).write_bytes(GOOD.encode())
    goods.append(str(mixed / os.fsdecode(b"good-\xff.txt")))
    cases.append(Case("mixed-folder", "folder", str(mixed), "partial", args=goods))
    return cases
