"""Finding the sections of a draft: title, abstract, technical field,
description, claims (English US/PCT style and the Japanese JPO format), and
any IPC codes printed in it.

Works on the cleaned text; every section is returned as a slice position so
Draft offsets stay exact.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# -- English headings ---------------------------------------------------------
_CLAIMS_HEAD = re.compile(
    r"^[ \t]*(?:"
    r"what\s+(?:is|are)\s+claimed\s+(?:is|are)"
    r"|what\s+(?:i|we)\s+claim\s+(?:is|are)"
    r"|(?:i|we)\s+claim"
    r"|(?:the\s+)?invention\s+claimed\s+is"
    r"|claimed\s+is"
    r"|(?:the\s+|patent\s+)?claims?"
    r"|claims\s+section"
    r")[ \t]*(?::|：|\.)?[ \t]*(?=\n|$|(?<=:)|(?<=：))",
    re.I | re.M,
)
_CLAIM_ONE = re.compile(r"^[ \t]*(?:claim[ \t]+)?1(?:[ \t]*[-–][ \t]*\d+)?[ \t]*[.):][ \t]*\S", re.I | re.M)
_ABSTRACT_HEAD = re.compile(
    r"^[ \t]*(?:abstract(?:[ \t]+of[ \t]+the[ \t]+(?:disclosure|invention))?|summary[ \t]+abstract)[ \t]*:?[ \t]*$",
    re.I | re.M,
)
_TITLE_LINE = re.compile(r"^[ \t]*title(?:[ \t]+of[ \t]+(?:the[ \t]+)?invention)?[ \t]*:[ \t]*(\S.*)$", re.I | re.M)
_TITLE_HEAD = re.compile(r"^[ \t]*title(?:[ \t]+of[ \t]+(?:the[ \t]+)?invention)?[ \t]*:?[ \t]*$", re.I)
# front-matter lines that precede the title of a US-style draft
_TITLE_SKIP = re.compile(
    r"^(?:(?:attorney|atty\.?)\s+(?:docket|dkt\.?)|docket\s+(?:no|number)|our\s+ref|client\s+ref|customer\s+no"
    r"|(?:(?:united\s+states|u\.\s?s\.|us|pct|international|provisional|non-provisional|utility)\s+)*(?:patent\s+)?application(?:\s+for\s+letters\s+patent)?\b"
    r"|in\s+the\s+united\s+states\s+patent|specification$|description$|express\s+mail|inventors?\s*:|applicants?\s*:|confidential)",
    re.I,
)
_FIELD_HEAD = re.compile(
    r"^[ \t]*(?:\d+\.|[IVX]+\.|\(\d+\))?[ \t]*(?:technical[ \t]+field(?:[ \t]+of[ \t]+the[ \t]+invention)?"
    r"|field(?:[ \t]+of[ \t]+(?:the[ \t]+)?(?:invention|disclosure|art|technology))?)[ \t]*:?[ \t]*$",
    re.I | re.M,
)
_KNOWN_HEADINGS = re.compile(
    r"^(?:\d+\.|[IVX]+\.|\(\d+\))?[ \t]*(?:"
    r"technical field|field(?: of (?:the )?(?:invention|disclosure|art|technology))?|background(?: art| of the (?:invention|disclosure))?"
    r"|description(?: of (?:the )?(?:related|prior) art| of (?:the )?invention)?|related art|prior art"
    r"|summary(?: of (?:the )?(?:invention|disclosure))?|disclosure(?: of (?:the )?invention)?"
    r"|brief description of (?:the )?(?:drawings|figures)|detailed description(?: of (?:the )?(?:invention|preferred embodiments?|embodiments?|drawings))?"
    r"|description of (?:the )?(?:preferred )?embodiments?|(?:best )?modes? for carrying out (?:the )?invention|industrial applicability"
    r"|cross[- ]references? to related applications?|related applications?|abstract(?: of the (?:disclosure|invention))?"
    r"|statement regarding federally sponsored research.*|embodiments?|examples?|claims?|what is claimed is"
    r")[ \t]*:?[ \t]*$",
    re.I,
)

# -- Japanese (JPO) -------------------------------------------------------------
_JP_DOC = re.compile(r"^[ \t\u3000]*【書類名】[ \t\u3000]*(\S+)[ \t\u3000]*$", re.M)
_JP_CLAIMS_ALT = re.compile(r"^[ \t\u3000]*(?:【特許請求の範囲】|特許請求の範囲)[ \t\u3000]*$", re.M)
_JP_CLAIM_ONE = re.compile(r"^[ \t\u3000]*【請求項[1１]】", re.M)
_JP_HEAD = re.compile(r"^[ \t\u3000]*【([^】\n]+)】[ \t\u3000]*(.*)$", re.M)
_JP_TITLE = re.compile(r"^[ \t\u3000]*【発明の名称】[ \t\u3000]*(.*)$", re.M)

# -- IPC codes ------------------------------------------------------------------
_IPC_LABEL = re.compile(
    r"^[ \t\u3000]*(?:【国際特許分類(?:第[^】]*版)?】|【ＩＰＣ】|【IPC】|(?:int(?:ernational)?\.?[ \t]*cl(?:assification)?\.?[0-9 ]*|ipc|international patent classification)[ \t]*(?:\([^)]*\))?[ \t]*:)(.*)$",
    re.I | re.M,
)
_IPC_CODE = re.compile(r"\b([A-H])\s?(\d{2})\s?([A-Z])(?:\s*(\d{1,4})\s*/\s*(\d{1,6}))?")


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end].strip()


@dataclass
class Sections:
    title: str = ""
    abstract: Span | None = None
    technical_field: Span | None = None
    description: Span | None = None
    claims: Span | None = None
    ipc_codes: tuple[str, ...] = ()
    claims_head: int = 0  # where the claims heading line starts
    notes: list[str] = field(default_factory=list)


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n\u3000":
        pos += 1
    return pos


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\n\u3000":
        end -= 1
    return end


def _line_end(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl


def is_heading(line: str) -> bool:
    """A line that starts a new section of an English draft."""
    s = line.strip()
    if not s or len(s) > 90:
        return False
    if _KNOWN_HEADINGS.match(s):
        return True
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 4 and s.isupper() and not s.endswith((".", ",", ";")) and not _CLAIM_ONE.match(s)


def _block_after_heading(text: str, head_end: int, stop: int, *, one_paragraph: bool = False) -> Span:
    """From after a heading line to the next heading line (or ``stop``; or,
    with ``one_paragraph``, the first empty line)."""
    start = _skip_ws(text, head_end)
    pos = start
    while pos < stop:
        le = _line_end(text, pos)
        line = text[pos:le]
        if pos > start and (is_heading(line) or (one_paragraph and not line.strip())):
            return Span(start, _trim_end(text, start, pos))
        pos = le + 1
    return Span(start, _trim_end(text, start, min(stop, len(text))))


# ---------------------------------------------------------------------------
def normalise_ipc(section: str, cls: str, sub: str, group: str | None, subgroup: str | None) -> str:
    code = f"{section}{cls}{sub}"
    if group:
        return f"{code} {int(group)}/{subgroup.rstrip('0').ljust(2, '0') if len(subgroup) > 2 else subgroup.zfill(2)}"
    return code


def find_ipc_codes(text: str) -> tuple[str, ...]:
    found: list[str] = []
    for m in _IPC_LABEL.finditer(text):
        line = unicodedata.normalize("NFKC", m.group(1))
        for c in _IPC_CODE.finditer(line):
            code = normalise_ipc(*c.groups())
            if code not in found:
                found.append(code)
    return tuple(found)


# ---------------------------------------------------------------------------
def _find_claims_en(text: str) -> tuple[Span | None, int, list[str]]:
    notes: list[str] = []
    heads = list(_CLAIMS_HEAD.finditer(text))
    chosen = None
    for m in heads:
        line_start = text.rfind("\n", 0, m.start()) + 1
        if text[line_start : m.start()].strip():
            continue
        body = _skip_ws(text, m.end())
        if _CLAIM_ONE.match(text, body) or _CLAIM_ONE.search(text[body : body + 400]):
            chosen = m
    if chosen is None:
        # fall back to the last heading that is followed by numbered text
        for m in reversed(heads):
            body = _skip_ws(text, m.end())
            if re.match(r"[ \t]*\d+[ \t]*[.)]", text[body : body + 20]):
                chosen = m
                break
    if chosen is not None:
        start = _skip_ws(text, chosen.end())
        head = text.rfind("\n", 0, chosen.start()) + 1
    else:
        start = -1
        for m in _CLAIM_ONE.finditer(text):
            if re.search(r"\bclaim\s+1\b", text[m.end() : m.end() + 20000], re.I):
                start = m.start()
                break
        if start < 0:
            return None, 0, ["claims section not found"]
        start = _skip_ws(text, start)
        head = start
        notes.append("no claims heading; claims taken from the first line numbered 1.")
    end = len(text)
    ab = _ABSTRACT_HEAD.search(text, start)
    if ab:
        end = ab.start()
    return Span(start, _trim_end(text, start, end)), head, notes


def _find_title_en(text: str) -> str:
    m = _TITLE_LINE.search(text[:5000])
    if m:
        return m.group(1).strip()
    lines = text[:5000].split("\n")
    for i, ln in enumerate(lines):
        s = ln.strip()
        if not s:
            continue
        if _TITLE_HEAD.match(s):
            for nxt in lines[i + 1 :]:
                if nxt.strip():
                    return nxt.strip()
            return ""
        if _TITLE_SKIP.match(s):
            continue
        if _KNOWN_HEADINGS.match(s) or len(s) > 300:
            return ""
        return s.lstrip("# ").strip()
    return ""


def _sections_en(text: str) -> Sections:
    sec = Sections()
    sec.claims, sec.claims_head, sec.notes = _find_claims_en(text)
    sec.title = _find_title_en(text)
    ab = None
    for m in _ABSTRACT_HEAD.finditer(text):
        ab = m
        if sec.claims is None or m.start() >= sec.claims.end or m.start() < sec.claims.start:
            break
    if ab is not None:
        stop = len(text)
        before_claims = sec.claims is not None and ab.start() < sec.claims.start
        if before_claims:
            stop = sec.claims_head
        # an abstract placed before the description is one paragraph
        sec.abstract = _block_after_heading(text, ab.end(), max(stop, ab.end()), one_paragraph=before_claims)
    fm = _FIELD_HEAD.search(text)
    if fm is not None and (sec.claims is None or fm.start() < sec.claims.start):
        sec.technical_field = _block_after_heading(text, fm.end(), sec.claims.start if sec.claims else len(text))
    # description: after the title (and an abstract placed first) up to the claims heading
    d_start = 0
    if sec.title:
        t = text.find(sec.title)
        if 0 <= t < 5000:
            d_start = _line_end(text, t) + 1
    if sec.abstract is not None and sec.abstract.start < (sec.claims.start if sec.claims else len(text)) and sec.abstract.start < 5000 + d_start:
        d_start = max(d_start, sec.abstract.end)
    if sec.claims is not None and sec.claims.start > d_start:
        d_end = _trim_end(text, d_start, max(d_start, sec.claims_head))
    else:
        d_end = _trim_end(text, d_start, sec.abstract.start if sec.abstract and sec.abstract.start > d_start else len(text))
    d_start = _skip_ws(text, d_start)
    if d_end > d_start:
        sec.description = Span(d_start, d_end)
    return sec


# ---------------------------------------------------------------------------
def _jp_block(text: str, start: int, stop_pattern: re.Pattern[str] | None, stop: int) -> Span:
    start = _skip_ws(text, start)
    end = stop
    if stop_pattern is not None:
        m = stop_pattern.search(text, start, stop)
        if m:
            end = m.start()
    return Span(start, _trim_end(text, start, end))


def _sections_ja(text: str) -> Sections:
    sec = Sections()
    docs = list(_JP_DOC.finditer(text))
    bounds: dict[str, Span] = {}
    for i, m in enumerate(docs):
        end = docs[i + 1].start() if i + 1 < len(docs) else len(text)
        name = m.group(1)
        key = "claims" if "請求の範囲" in name else "abstract" if "要約" in name else "description" if "明細書" in name else name
        bounds.setdefault(key, Span(_skip_ws(text, m.end()), _trim_end(text, m.end(), end)))
    # claims
    if "claims" in bounds:
        sec.claims = bounds["claims"]
    else:
        alt = _JP_CLAIMS_ALT.search(text)
        one = _JP_CLAIM_ONE.search(text)
        if alt:
            start = _skip_ws(text, alt.end())
        elif one:
            start = one.start()
            sec.notes.append("no 特許請求の範囲 heading; claims taken from 【請求項１】")
        else:
            start = -1
        if start >= 0:
            stop = len(text)
            nxt = _JP_DOC.search(text, start)
            ab = re.compile(r"^[ \t\u3000]*【要約】", re.M).search(text, start)
            for cand in (nxt, ab):
                if cand and cand.start() < stop:
                    stop = cand.start()
            sec.claims = Span(start, _trim_end(text, start, stop))
    if sec.claims is None:
        sec.notes.append("claims section not found")
    # title
    t = _JP_TITLE.search(text)
    if t:
        sec.title = t.group(1).strip()
        if not sec.title:
            nl = _skip_ws(text, t.end())
            sec.title = text[nl:_line_end(text, nl)].strip()
    # abstract: 【要約】 up to 【選択図】 / the next document
    m = re.compile(r"^[ \t\u3000]*【要約】[ \t\u3000]*", re.M).search(text)
    if m:
        stop = bounds["abstract"].end if "abstract" in bounds and bounds["abstract"].start <= m.start() else len(text)
        sec.abstract = _jp_block(text, m.end(), re.compile(r"^[ \t\u3000]*(?:【選択図】|【書類名】)", re.M), stop)
    elif "abstract" in bounds:
        b = bounds["abstract"]
        sec.abstract = _jp_block(text, b.start, re.compile(r"^[ \t\u3000]*【選択図】", re.M), b.end)
    # technical field: 【技術分野】 up to the next 【…】 heading that is not a paragraph label
    m = re.compile(r"^[ \t\u3000]*【技術分野】[ \t\u3000]*", re.M).search(text)
    if m:
        sec.technical_field = _jp_block(text, m.end(), re.compile(r"^[ \t\u3000]*【(?![0-9０-９]+】)[^】\n]+】", re.M), len(text))
    if "description" in bounds:
        sec.description = bounds["description"]
    elif sec.claims is not None:
        end = _trim_end(text, 0, text.rfind("\n", 0, sec.claims.start) if sec.claims.start else 0)
        if end > 0:
            sec.description = Span(_skip_ws(text, 0), end)
    return sec


def find_sections(text: str, language: str) -> Sections:
    jpo = bool(_JP_DOC.search(text) or _JP_CLAIM_ONE.search(text) or _JP_CLAIMS_ALT.search(text))
    sec = _sections_ja(text) if (language == "ja" or jpo) else _sections_en(text)
    if language == "ja" and sec.claims is None and not jpo:
        sec = _sections_en(text)
    sec.ipc_codes = find_ipc_codes(text)
    return sec
