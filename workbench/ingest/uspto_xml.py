"""USPTO publication XML (pap-v1x 2001, ST.36 v4.0 2004-2006, v4.x 2014-2022).

Parses the office's own structure: title, abstract, description headings and
paragraphs, IPC codes, and the claims with their dependencies as marked by
``<claim-ref>`` (v4.x) or ``<dependent-claim-reference>`` (pap 2001). The
parsed :class:`Publication` is also what ``benchmarks/corpus.py`` renders
into drafter-style TXT/DOCX/PDF files for golden tests.

The DOCTYPE is removed before parsing, in one linear pass (no external DTD or
entity is ever fetched, defined or expanded; a second DOCTYPE or an ENTITY
declaration is refused) and HTML named entities (&minus;, &ldquo; ...) used by
the 2001 schema are replaced by their characters. Parsing counts the nesting
depth and refuses a file nested deeper than ``limits.MAX_DEPTH`` (E115) before
the recursive walks below could overflow the stack.
"""

from __future__ import annotations

import codecs
import html.entities
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from workbench.domain import Draft
from workbench.errors import E101, E114, E115, IngestError
from workbench.ingest.limits import Deadline, Limits, check_chars
from workbench.messages import M, msg
from workbench.messages.causes import cause

_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
_XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}
_LABEL = re.compile(r"^\s*(\d+)\s*(?:[-–]\s*(\d+)\s*)?[.)]\s*")
_CANCELED = re.compile(r"^\(?\s*(?:canceled|cancelled|deleted)\s*\)?\.?$", re.I)
_IPC_FLAT = re.compile(r"([A-H])\s?(\d{2})\s?([A-Z])\s*0*(\d{1,4})\s*/\s*(\d{1,6})")
# the 7th-edition fixed-width form of 2005-era grants' <classification-ipc>: "F25D 2312" is F25D 23/12,
# "H05K  720" H05K 7/20 (the main group right-aligned in 3 places, the subgroup after it); 18 of the
# 140 uspto-grants print only this form, and their codes were not read
_IPC_FIXED = re.compile(r"^\s*([A-H])(\d{2})([A-Z])([ \d]{3})(\d{2,6})\s*$")


@dataclass(frozen=True)
class XmlClaim:
    number: int
    lines: tuple[tuple[int, str], ...]  # (nesting depth, text); the number label removed
    depends_on: tuple[int, ...] = ()
    canceled: bool = False
    last_number: int | None = None  # for a canceled range "1-18. (canceled)"

    @property
    def text(self) -> str:
        return " ".join(t for _, t in self.lines)

    @property
    def label(self) -> str:
        return f"{self.number}-{self.last_number}" if self.last_number else str(self.number)


@dataclass(frozen=True)
class Publication:
    path: str
    doc_number: str
    schema: str  # "pap-v1x" | "us-patent-grant" | "us-patent-application"
    title: str
    abstract: tuple[str, ...]
    description: tuple[tuple[str, str], ...]  # ("heading" | "p", text)
    claims: tuple[XmlClaim, ...]
    ipc_codes: tuple[str, ...]
    claims_heading: str = "What is claimed is:"


def _entity(m: re.Match[str]) -> str:
    name = m.group(1)
    if name in _XML_ENTITIES:
        return m.group(0)
    char = html.entities.html5.get(name + ";")
    if char is None:
        return " "
    return {"&": "&amp;", "<": "&lt;", ">": "&gt;"}.get(char, char)


# Encodings a USPTO file may declare. Anything else (punycode, idna: decoders with
# quadratic cases; codecs that are not text) is refused rather than tried.
_ENCODINGS = frozenset({"utf-8", "utf-16", "utf-16-le", "utf-16-be", "ascii", "latin-1", "iso8859-1", "cp1252", "shift_jis", "cp932", "euc_jp"})
_DECL = re.compile(r"^\s*<\?xml[^>]{0,500}\?>")
_CLOSE_SUBSET = re.compile(r"\][ \t\r\n]*>")


def _strip_doctype(text: str, path: str | Path) -> str:
    """Remove the one DOCTYPE before the root element (its internal subset included), in
    one pass. Any other DOCTYPE or ENTITY declaration is refused: entities are never
    defined, expanded or fetched."""
    start = text.find("<!DOCTYPE")
    if start >= 0 and "<" not in text[:start].replace("<?", "", 1).replace("<!--", "", 1):
        i = start + len("<!DOCTYPE")
        stop = min((j for j in (text.find("[", i), text.find(">", i)) if j >= 0), default=-1)
        if stop < 0:
            raise IngestError(E114, path=path, detail=msg(M.D145))
        if text[stop] == "[":
            m = _CLOSE_SUBSET.search(text, stop)
            if m is None:
                raise IngestError(E114, path=path, detail=msg(M.D145))
            end = m.end()
        else:
            end = stop + 1
        text = text[:start] + text[end:]
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise IngestError(E114, path=path, detail=msg(M.D146))
    return text


def _root(
    path: str | Path, data: bytes | None = None, *, limits: Limits | None = None, deadline: Deadline | None = None
) -> ET.Element:
    lim = limits or Limits()
    deadline = deadline or Deadline(path, lim.timeout_s, lim.wall_s)
    try:
        data = Path(path).read_bytes() if data is None else data
    except OSError as exc:
        raise IngestError(E101, path=path) from exc
    m = re.search(rb'encoding="([^"]{1,40})"', data[:200])
    enc = m.group(1).decode("ascii", "replace") if m else "utf-8"
    try:
        if codecs.lookup(enc).name not in {codecs.lookup(e).name for e in _ENCODINGS}:
            raise LookupError(f"'{enc}' is not an encoding of USPTO files")
        text = data.decode(enc)
    except (LookupError, UnicodeDecodeError) as exc:
        raise IngestError(E114, path=path, detail=msg(M.D122, x=cause(exc, en=str(exc)[:180]))) from None
    check_chars(path, len(text), lim.max_chars)
    deadline.check()
    text = _strip_doctype(text, path)
    text = _DECL.sub("", text, count=1)
    text = _ENTITY.sub(_entity, text)
    deadline.check()
    return _parse_bounded(path, text, lim, deadline)


def _parse_bounded(path: str | Path, text: str, lim: Limits, deadline: Deadline) -> ET.Element:
    """Parse in chunks, counting the nesting depth as elements open: a file nested deeper
    than ``lim.max_depth`` is refused (E115) before any recursive walk could overflow."""
    parser = ET.XMLPullParser(events=("start", "end"))
    depth = 0
    root = None
    step = 1 << 16
    try:
        for i in range(0, len(text), step):
            parser.feed(text[i : i + step])
            for event, el in parser.read_events():
                if event == "start":
                    depth += 1
                    if root is None:
                        root = el
                    if depth > lim.max_depth:
                        raise IngestError(E115, path=path, depth=msg(M.D134, n=lim.max_depth), limit=lim.max_depth)
                else:
                    depth -= 1
            deadline.check()
        parser.close()
    except ET.ParseError as exc:
        raise IngestError(E114, path=path, detail=cause(exc, en=str(exc))) from None
    if root is None:
        raise IngestError(E114, path=path, detail=msg(M.D147))
    return root


def _clean(s: str) -> str:
    return " ".join(s.split())


def _flat(el: ET.Element, skip: tuple[str, ...] = ()) -> str:
    parts = [el.text or ""]
    for child in el:
        if child.tag not in skip:
            parts.append(_flat(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


def _claim_lines(el: ET.Element, depth: int, out: list[tuple[int, str]]) -> None:
    """Each <claim-text> gives a line; nested ones are deeper lines."""
    buf = [el.text or ""]
    for child in el:
        if child.tag == "claim-text":
            if _clean("".join(buf)):
                out.append((depth, _clean("".join(buf))))
            buf = []
            _claim_lines(child, depth + 1, out)
        else:
            buf.append(_flat(child))
        buf.append(child.tail or "")
    if _clean("".join(buf)):
        out.append((depth, _clean("".join(buf))))


def _claim_number(el: ET.Element) -> tuple[int | None, int | None]:
    for raw in (el.get("num"), el.get("id")):
        if raw:
            nums = re.findall(r"\d+", raw)
            if nums:
                first = int(nums[0])
                last = int(nums[1]) if len(nums) > 1 else None
                return first, last
    return None, None


def _claims(root: ET.Element) -> tuple[XmlClaim, ...]:
    id_to_num: dict[str, int] = {}
    raw: list[tuple[ET.Element, int, int | None]] = []
    for i, el in enumerate(root.iter("claim"), start=1):
        first, last = _claim_number(el)
        first = first or i
        raw.append((el, first, last))
        if el.get("id"):
            id_to_num[el.get("id")] = first
    claims = []
    for el, number, last in raw:
        lines: list[tuple[int, str]] = []
        for child in el:
            if child.tag == "claim-text":
                _claim_lines(child, 0, lines)
        if not lines:
            lines = [(0, _clean(_flat(el)))]
        depth, first_line = lines[0]
        m = _LABEL.match(first_line)
        if m:
            number = int(m.group(1))
            last = int(m.group(2)) if m.group(2) else last
            first_line = first_line[m.end() :]
        lines[0] = (depth, first_line)
        lines = [(d, t) for d, t in lines if t]
        deps: list[int] = []
        for ref in el.iter("claim-ref"):
            for idref in (ref.get("idref") or "").split():
                if idref in id_to_num and id_to_num[idref] not in deps:
                    deps.append(id_to_num[idref])
        for ref in el.iter("dependent-claim-reference"):
            idref = ref.get("depends_on") or ""
            if idref in id_to_num and id_to_num[idref] not in deps:
                deps.append(id_to_num[idref])
        text = " ".join(t for _, t in lines)
        canceled = bool(_CANCELED.match(text.strip()))
        claims.append(XmlClaim(number, tuple(lines), tuple(deps), canceled, last if (last and last != number) else None))
    return tuple(claims)


def _ipc(root: ET.Element) -> tuple[str, ...]:
    from workbench.ingest.sections import normalise_ipc

    codes: list[str] = []
    for r in root.iter("classification-ipcr"):
        parts = [(r.findtext(t) or "").strip() for t in ("section", "class", "subclass", "main-group", "subgroup")]
        if all(parts[:3]):
            code = normalise_ipc(parts[0], parts[1], parts[2], parts[3] or None, parts[4] or "00")
            if code not in codes:
                codes.append(code)
    for tag in ("ipc", "main-classification", "further-classification"):
        for el in root.iter(tag):
            parent_ok = tag == "ipc" or any(el in list(p) for p in root.iter("classification-ipc"))
            if not parent_ok:
                continue
            m = _IPC_FLAT.search(el.text or "")
            if m is None and tag != "ipc":
                m = _IPC_FIXED.match(el.text or "")
                if m is not None and not m.group(4).strip():
                    m = None  # no main group: not a code
            if m:
                code = normalise_ipc(*(g.strip() for g in m.groups()))
                if code not in codes:
                    codes.append(code)
    return tuple(codes)


def _description(root: ET.Element) -> tuple[tuple[str, str], ...]:
    desc = root.find(".//description")
    if desc is None:
        desc = root.find(".//subdoc-description")
    if desc is None:
        return ()
    items: list[tuple[str, str]] = []
    for el in desc.iter():
        if el.tag == "heading":
            t = _clean(_flat(el))
            if t:
                items.append(("heading", t))
        elif el.tag in ("p", "paragraph"):
            t = _clean(_flat(el, skip=("number",)))
            if t:
                items.append(("p", t))
    return tuple(items)


def parse_publication(
    path: str | Path, data: bytes | None = None, *, limits: Limits | None = None, deadline: Deadline | None = None
) -> Publication:
    root = _root(path, data, limits=limits, deadline=deadline)
    schema = "pap-v1x" if root.tag == "patent-application-publication" else root.tag
    title = _clean(root.findtext(".//invention-title") or root.findtext(".//title-of-invention") or "")
    ab = root.find(".//abstract")
    if ab is None:
        ab = root.find(".//subdoc-abstract")
    abstract = tuple(
        t for t in (_clean(_flat(p)) for p in (ab.iter() if ab is not None else ()) if p.tag in ("p", "paragraph")) if t
    )
    heading = "What is claimed is:"
    ch = root.find(".//subdoc-claims/heading")
    if ch is not None and _clean(_flat(ch)):
        heading = _clean(_flat(ch))
    doc_number = _clean(root.findtext(".//publication-reference//doc-number") or root.findtext(".//document-id/doc-number") or "")
    claims = _claims(root)
    if not claims:
        raise IngestError(E114, path=path, detail=msg(M.D121))
    return Publication(str(path), doc_number, schema, title, abstract, _description(root), claims, _ipc(root), heading)


def ground_truth_claims(xml_path: str | Path) -> list[tuple[int, tuple[int, ...]]]:
    """(claim number, claims it depends on) as the office marked them, in
    order. Canceled claims ("1-18. (canceled)") are not claims and are left out."""
    pub = parse_publication(xml_path)
    return [(c.number, c.depends_on) for c in pub.claims if not c.canceled]


def has_dependency_markup(xml_path: str | Path) -> bool:
    """False when claims refer to other claims in their text but the file has
    no <claim-ref> markup (then ground_truth_claims cannot tell dependencies)."""
    pub = parse_publication(xml_path)
    if any(c.depends_on for c in pub.claims):
        return True
    return not any(re.search(r"\bclaims?\s+\d", c.text, re.I) for c in pub.claims)


def publication_text(pub: Publication) -> str:
    """The publication laid out as a drafter's text: title, description,
    claims heading and numbered claims, abstract last."""
    out = [pub.title, ""]
    for kind, text in pub.description:
        out += [text, ""]
    out += ["What is claimed is:", ""]
    for c in pub.claims:
        first, *rest = c.lines or ((0, ""),)
        out.append(f"{c.label}. {first[1]}")
        out += ["    " * d + t for d, t in rest]
        out.append("")
    if pub.abstract:
        out += ["Abstract", ""] + [p + "\n" for p in pub.abstract]
    return "\n".join(out)


def read_uspto_xml(
    path: str | Path, data: bytes | None = None, *, limits: Limits | None = None, deadline: Deadline | None = None
) -> Draft:
    from workbench.ingest.build import assemble, sha256_of

    if data is None:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise IngestError(E101, path=path) from exc
    pub = parse_publication(path, data, limits=limits, deadline=deadline)
    if deadline is not None:
        deadline.check()
    return assemble(
        path, sha256_of(data), "uspto-xml", [publication_text(pub)], ipc_codes=pub.ipc_codes, clean=False,
        deadline=deadline, limits=limits,
    )
