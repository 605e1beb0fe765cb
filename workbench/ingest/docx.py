"""Word drafts (python-docx): body paragraphs in order, Word's automatic
list numbering reconstructed (it is not in the paragraph text), tables as
one line per row, explicit page breaks as page boundaries."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from workbench.domain import Draft
from workbench.errors import E108, E111, IngestError
from workbench.ingest.build import assemble, sha256_of
from workbench.ingest.detect import docx_problem, measure_unpacked, unpacked_size
from workbench.ingest.limits import Deadline, Limits, check_chars
from workbench.messages import M, msg
from workbench.messages.causes import cause

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class _Level:
    fmt: str
    text: str
    start: int
    left: int = 0  # the level's left indent in twips (w:pPr/w:ind/@w:left)


def _roman(n: int) -> str:
    vals = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def _letter(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if not 0 < n <= 10_000:  # a crafted start value: letters/roman numerals would be megabytes
        return str(n)
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class Numbering:
    """Word's list numbering: which label each numbered paragraph shows."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, _Level]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except Exception:  # noqa: BLE001 - no numbering part: nothing is numbered
            return
        abstract: dict[str, dict[int, _Level]] = {}
        for an in root.iter(f"{_W}abstractNum"):
            levels = {}
            for lvl in an.iter(f"{_W}lvl"):
                ind = lvl.find(f"{_W}pPr/{_W}ind")
                left = ind.get(f"{_W}left", ind.get(f"{_W}start", "0")) if ind is not None else "0"
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = _Level(
                    fmt=_val(lvl, "numFmt", "decimal"), text=_val(lvl, "lvlText", "%1."), start=int(_val(lvl, "start", "1")),
                    left=int(left) if left.lstrip("-").isdigit() else 0,
                )
            abstract[an.get(f"{_W}abstractNumId")] = levels
        for num in root.iter(f"{_W}num"):
            an_id = _val(num, "abstractNumId", "")
            levels = dict(abstract.get(an_id, {}))
            for ov in num.iter(f"{_W}lvlOverride"):
                ilvl = int(ov.get(f"{_W}ilvl", "0"))
                so = ov.find(f"{_W}startOverride")
                if so is not None and ilvl in levels:
                    lv = levels[ilvl]
                    levels[ilvl] = _Level(lv.fmt, lv.text, int(so.get(f"{_W}val", "1")), lv.left)
            self.levels[num.get(f"{_W}numId")] = levels

    def indent(self, num_id: str, ilvl: int, p_el=None) -> str:
        """Tabs that stand for a numbered paragraph's indentation (its own w:ind, else its
        level's), one per 360 twips beyond the first: a list nested in a claim ("List
        Number 2": 1. a frame; 2. a lid) is deeper than the claims' own list, and the claim
        splitter can tell its labels from claim numbers."""
        left = None
        if p_el is not None:
            ind = p_el.find(f"{_W}pPr/{_W}ind")
            raw = ind.get(f"{_W}left", ind.get(f"{_W}start")) if ind is not None else None
            if raw is not None and raw.lstrip("-").isdigit():
                left = int(raw)
        if left is None:
            lv = self.levels.get(num_id, {}).get(ilvl)
            left = lv.left if lv else 0
        return "\t" * max(0, round(left / 360) - 1)

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        lv = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, lv.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if lv.fmt in ("bullet", "none"):
            return ""
        text = lv.text
        for k in range(9):
            if f"%{k + 1}" in text:
                klv = levels.get(k, lv)
                value = counters.get(k, klv.start)
                text = text.replace(f"%{k + 1}", format_number(value, klv.fmt))
        return text


def _val(el, child: str, default: str) -> str:
    c = el.find(f"{_W}{child}")
    return c.get(f"{_W}val", default) if c is not None else default


class StyleNumbering:
    """Numbering inherited from paragraph styles ("List Number"), resolved once per style."""

    def __init__(self, document) -> None:
        self._styles: dict[str, object] = {}
        self._cache: dict[str, tuple[str, int] | None] = {}
        try:
            root = document.styles.element
        except Exception:  # noqa: BLE001 - no styles part
            return
        for st in root.iter(f"{_W}style"):
            self._styles[st.get(f"{_W}styleId")] = st

    def of(self, style_id: str | None) -> tuple[str, int] | None:
        if not style_id:
            return None
        if style_id not in self._cache:
            found, seen, sid = None, set(), style_id
            while sid and sid not in seen and found is None:
                seen.add(sid)
                st = self._styles.get(sid)
                if st is None:
                    break
                num_pr = st.find(f"{_W}pPr/{_W}numPr")
                if num_pr is not None:
                    found = _num_pr_value(num_pr)
                based = st.find(f"{_W}basedOn")
                sid = based.get(f"{_W}val") if based is not None else None
            self._cache[style_id] = found
        return self._cache[style_id]


def _num_pr_value(num_pr) -> tuple[str, int] | None:
    nid = num_pr.find(f"{_W}numId")
    if nid is None or nid.get(f"{_W}val") in (None, "0"):
        return None
    ilvl = num_pr.find(f"{_W}ilvl")
    return nid.get(f"{_W}val"), int(ilvl.get(f"{_W}val", "0")) if ilvl is not None else 0


def _num_pr(p_el, styles: StyleNumbering) -> tuple[str, int] | None:
    p_pr = p_el.find(f"{_W}pPr")
    if p_pr is not None:
        num_pr = p_pr.find(f"{_W}numPr")
        if num_pr is not None:
            return _num_pr_value(num_pr)
        ps = p_pr.find(f"{_W}pStyle")
        if ps is not None:
            return styles.of(ps.get(f"{_W}val"))
    return None


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# subtrees whose text is not part of the accepted document text
_SKIP = frozenset(
    f"{_W}{t}" for t in ("del", "moveFrom", "pPr", "rPr", "txbxContent", "instrText", "delText", "footnoteReference", "endnoteReference", "commentReference")
) | {_MC_FALLBACK}


def paragraph_text(p_el) -> str:
    """The text of a paragraph as Word shows it with all changes accepted:
    tracked insertions, content controls, hyperlinks and fields included,
    tracked deletions and text boxes left out (python-docx's
    ``Paragraph.text`` misses insertions and content controls)."""
    parts: list[str] = []

    def walk(el) -> None:
        for child in el:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == f"{_W}t":
                parts.append(child.text or "")
            elif tag == f"{_W}tab":
                parts.append("\t")
            elif tag == f"{_W}br":
                if child.get(f"{_W}type") in (None, "textWrapping"):
                    parts.append("\n")
            elif tag == f"{_W}cr":
                parts.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                parts.append("-")
            else:
                walk(child)

    walk(p_el)
    return "".join(parts)


def _blocks(container):
    """Paragraphs and tables in document order, including those inside
    block-level content controls (templates put title and claims there)."""
    for el in container.iterchildren():
        if el.tag in (f"{_W}p", f"{_W}tbl"):
            yield el
        elif el.tag in (f"{_W}sdt", f"{_W}customXml"):
            content = el.find(f"{_W}sdtContent") if el.tag == f"{_W}sdt" else el
            if content is not None:
                yield from _blocks(content)


def _breaks_before(p_el) -> bool:
    p_pr = p_el.find(f"{_W}pPr")
    return p_pr is not None and p_pr.find(f"{_W}pageBreakBefore") is not None


def _page_breaks(p_el) -> int:
    return sum(1 for br in p_el.iter(f"{_W}br") if br.get(f"{_W}type") == "page")


def _table_lines(table, deadline: Deadline | None = None) -> list[str]:
    lines = []
    for row in table.rows:
        if deadline is not None:
            deadline.check()
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue  # a merged cell is returned once per grid column
            seen.add(id(cell._tc))
            texts = (paragraph_text(p._p).strip() for p in cell.paragraphs)
            cells.append(" ".join(t for t in texts if t))
        if any(cells):
            lines.append(" | ".join(cells))
    return lines


_MAX_GRID_SPAN = 1000  # python-docx makes one cell object per spanned grid column


def read_docx(
    path: str | Path,
    data: bytes,
    *,
    max_bytes: int = 200_000_000,
    timeout_s: float = 10.0,
    limits: Limits | None = None,
    deadline: Deadline | None = None,
) -> Draft:
    lim = limits or Limits(timeout_s=timeout_s, max_unpacked=max_bytes)
    deadline = deadline or Deadline(path, lim.timeout_s, lim.wall_s)
    problem = docx_problem(data)
    if problem:
        raise IngestError(E108, path=path, detail=problem)
    unpacked = unpacked_size(data)
    if unpacked > max_bytes:  # a ZIP bomb, or a document too big to be one draft (as declared)
        raise IngestError(E111, path=path, size=msg(M.D117, n=unpacked), limit=msg(M.D118, n=max_bytes))
    # ... and as measured: a header that lies about a size is refused before python-docx
    # asks zipfile for whole members (which would unpack everything there is in one go)
    measure_unpacked(path, data, max_total=max_bytes, max_part=lim.max_part, deadline=deadline)
    chars = 0
    try:
        from docx import Document
        from docx.table import Table

        document = Document(io.BytesIO(data))
        numbering = Numbering(document)
        styles = StyleNumbering(document)
        pages: list[list[str]] = [[]]
        for span in document.element.body.iter(f"{_W}gridSpan"):
            if not span.get(f"{_W}val", "1").isdigit() or int(span.get(f"{_W}val", "1")) > _MAX_GRID_SPAN:
                raise IngestError(E108, path=path, detail=msg(M.D142, n=span.get(f'{_W}val', '')[:20]))
        for count, el in enumerate(_blocks(document.element.body)):
            if count % 50 == 0:
                deadline.check()
                check_chars(path, chars, lim.max_chars)
            if el.tag == f"{_W}p":
                if _breaks_before(el) and pages[-1]:
                    pages.append([])
                text = paragraph_text(el)
                num = _num_pr(el, styles)
                if num is not None and text.strip():
                    label = numbering.label(*num)
                    if label:
                        text = f"{numbering.indent(*num, el)}{label} {text.lstrip()}"
                chars += len(text) + 1
                breaks = _page_breaks(el)
                if breaks and "\f" not in text:
                    pages[-1].append(text)
                    pages.extend([] for _ in range(breaks))
                else:
                    pages[-1].append(text)
            elif el.tag == f"{_W}tbl":
                lines = _table_lines(Table(el, document), deadline)
                chars += sum(len(t) + 1 for t in lines)
                pages[-1].extend(lines)
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 - python-docx/lxml raise many types for damage
        raise IngestError(E108, path=path, detail=cause(exc, en=f"{type(exc).__name__}: {exc}"[:200])) from None
    texts = ["\n".join(lines) for lines in pages]
    while len(texts) > 1 and not texts[-1].strip():
        texts.pop()
    return assemble(path, sha256_of(data), "docx", texts, page_sep="\n\n", deadline=deadline, limits=lim)
