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

from workbench.messages import Text, msg
from workbench.messages import ingest as N

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
# (the number's own spaces inside its optional group: two runs of [ \t]* side by side tried every
# split of a line of a million tabs, 15-24 s)
_FIELD_HEAD = re.compile(
    r"^[ \t]*(?:(?:\d+\.|[IVX]+\.|\(\d+\))[ \t]*)?(?:technical[ \t]+field(?:[ \t]+of[ \t]+the[ \t]+invention)?"
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
    r"|cross[- ]references? to related applications?(?:\(s\))?|related applications?|abstract(?: of the (?:disclosure|invention))?"
    r"|statement regarding federally sponsored research.*|embodiments?|examples?|claims?|what is claimed is"
    r")[ \t]*:?[ \t]*$",
    re.I,
)

# -- Japanese (JPO) and English translations of JPO filings ----------------------
# A JPO filing labels its documents and headings with lenticular brackets 【書類名】; typed
# drafts use ASCII or full-width square brackets ([請求項1], ［請求項１］), and the usual English
# translation keeps the layout with English names ([Document Name] Claims, [Claim 1]).
_OPEN, _CLOSE = r"[【\[［]", r"[】\]］]"
_SP = r"[ \t\u3000]"
_DOC_NAME = r"(?:書類名|Document\s+Name|Name\s+of\s+(?:the\s+)?Document)"
_JP_DOC = re.compile(rf"^{_SP}*{_OPEN}{_SP}*{_DOC_NAME}{_SP}*{_CLOSE}{_SP}*(\S[^\n]*?){_SP}*$", re.M | re.I)
_JP_CLAIMS_ALT = re.compile(rf"^{_SP}*(?:【特許請求の範囲】|特許請求の範囲|{_OPEN}特許請求の範囲{_CLOSE}){_SP}*$", re.M)
_JP_CLAIM_ONE = re.compile(rf"^{_SP}*{_OPEN}{_SP}*(?:請求項|Claim{_SP}*)[1１]{_SP}*{_CLOSE}", re.M | re.I)
_JP_TITLE = re.compile(rf"^{_SP}*{_OPEN}(?:発明の名称|Title\s+of\s+(?:the\s+)?Invention){_CLOSE}{_SP}*(.*)$", re.M | re.I)
_JP_ABSTRACT = re.compile(rf"^{_SP}*{_OPEN}(?:要約|Abstract(?:\s+of\s+the\s+Disclosure)?){_CLOSE}{_SP}*", re.M | re.I)
_JP_FIELD = re.compile(rf"^{_SP}*{_OPEN}(?:技術分野|Technical\s+Field){_CLOSE}{_SP}*", re.M | re.I)
_JP_NEXT_HEAD = re.compile(rf"^{_SP}*{_OPEN}(?![0-9０-９]+{_CLOSE})[^】\]］\n]+{_CLOSE}", re.M)
_JP_ABSTRACT_END = re.compile(rf"^{_SP}*{_OPEN}(?:選択図|(?:Selected|Representative|Elected|Chosen)\s+Drawings?|Main\s+Drawing|{_DOC_NAME}){_CLOSE}", re.M | re.I)
_JP_DOC_KINDS = (
    ("claims", re.compile(r"請求の範囲|^(?:scope\s+of\s+)?claims?$|^claims?\s+for\s+patent$", re.I)),
    ("abstract", re.compile(r"要約|^abstract", re.I)),
    ("description", re.compile(r"明細書|^(?:description|specification)$", re.I)),
    ("drawings", re.compile(r"図面|^drawings?$", re.I)),
)


def _doc_kind(name: str) -> str:
    for kind, rx in _JP_DOC_KINDS:
        if rx.search(name.strip()):
            return kind
    return name


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
    notes: list[Text] = field(default_factory=list)


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
def _find_claims_en(text: str) -> tuple[Span | None, int, list[Text]]:
    notes: list[Text] = []
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
            return None, 0, [msg(N.N103)]
        start = _skip_ws(text, start)
        head = start
        notes.append(msg(N.N101))
    end = len(text)
    ab = _ABSTRACT_HEAD.search(text, start)
    if ab:
        end = ab.start()
    return Span(start, _trim_end(text, start, end)), head, notes


_TITLE_MAX_LINES = 4  # a wrapped title: its first line and at most three more
_TITLE_MAX_CHARS = 300
_PARA_NUMBER = re.compile(r"^[ \t]*(?:\[\d{3,5}\]|【[0-9０-９]{3,5}】|\d+\.[ \t])")


_SMALL_WORDS = frozenset("a an the and or nor of for to in on at by with from over into onto as via per than".split())


def _title_case(words: list[str]) -> bool:
    """Most words capitalised, small words aside ("Systems and Methods For Transacting")."""
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(big) and sum(w[0].isupper() for w in big) >= 0.8 * len(big)


_DANGLING = _SMALL_WORDS | {"comprising", "including", "having", "containing", "using"}


def _dangles(line: str) -> bool:
    """A line that cannot end a title: it ends on "of", "and", "comprising", a comma..."""
    words = line.rstrip().split()
    return bool(words) and (words[-1].lower() in _DANGLING or line.rstrip().endswith((",", "-", "/")))


def _continues_title(first: str, prev: str, line: str) -> bool:
    """A line that continues a wrapped title keeps its capitalisation: Title Case (or
    capitals) after a Title Case (or capitals) line; after a sentence-case one a lower-case
    start ("... unable to" / "answer"), an acronym ("IPSec VPNs") or, after a line that
    cannot end a title ("... comprising"), anything that is not a heading."""
    stripped = line.strip()
    words = re.findall(r"[A-Za-z][\w'-]*", stripped)
    first_words = re.findall(r"[A-Za-z][\w'-]*", first)
    if first.isupper():
        return stripped.isupper() and not _KNOWN_HEADINGS.match(stripped)
    if is_heading(line):
        return False
    if not stripped[:1].islower() and _TITLE_SKIP.match(stripped):
        return False
    if len(first_words) > 1 and _title_case(first_words[1:]):
        return bool(words) and _title_case(words)
    if stripped[:1].islower() or _dangles(prev):
        return True
    head = words[0] if words else ""
    return sum(c.isupper() for c in head) >= 2  # an acronym: "IPSec", "VPNs", "DNA"


def _title_end(text: str, start: int) -> int:
    """Where a title that starts at ``start`` ends: its first line, or - when a PDF or a
    narrow page wrapped it - also the lines that continue it (same capitalisation, no
    heading, blank line or numbered paragraph in between; at most _TITLE_MAX_LINES lines
    and _TITLE_MAX_CHARS characters; a line that ends a sentence ends the title)."""
    end = _line_end(text, start)
    first = text[start:end].strip()
    if (len(first) < 30 and not _dangles(first)) or first.endswith((".", ";", ":")):
        return end
    pos, prev = end, first
    for _ in range(_TITLE_MAX_LINES - 1):
        if pos >= len(text):
            break
        nxt = _line_end(text, pos + 1)
        line = text[pos + 1 : nxt]
        if (not line.strip() or _PARA_NUMBER.match(line) or not _continues_title(first, prev, line)
                or nxt - start > _TITLE_MAX_CHARS):
            break
        pos, prev = nxt, line
        if line.rstrip().endswith((".", ";", ":")):
            break
    return pos


def _title_at(text: str, start: int) -> tuple[str, int]:
    end = _title_end(text, start)
    return " ".join(text[start:end].split()), end


def _find_title_en(text: str) -> tuple[str, int]:
    """The title and the offset where it ends (0 when there is none)."""
    m = _TITLE_LINE.search(text[:5000])
    if m:
        title, end = _title_at(text, m.start(1))
        return title, end
    pos = 0
    head = text[:5000]
    while pos < len(head):
        le = _line_end(text, pos)
        s = text[pos:le].strip()
        if not s:
            pos = le + 1
            continue
        if _TITLE_HEAD.match(s):
            nxt = _skip_ws(text, le)
            if nxt >= len(text):
                return "", 0
            return _title_at(text, nxt)
        if _TITLE_SKIP.match(s):
            pos = le + 1
            continue
        if _KNOWN_HEADINGS.match(s) or len(s) > 300:
            return "", 0
        start = pos + (len(text[pos:le]) - len(text[pos:le].lstrip()))
        title, end = _title_at(text, start)
        return title.lstrip("# ").strip(), end
    return "", 0


def _sections_en(text: str) -> Sections:
    sec = Sections()
    sec.claims, sec.claims_head, sec.notes = _find_claims_en(text)
    sec.title, title_end = _find_title_en(text)
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
    if sec.title and title_end:
        d_start = min(len(text), title_end + 1)
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
    """A JPO filing (【書類名】特許請求の範囲 ...), typed with any of its bracket styles, or its
    English translation ([Document Name] Claims ...)."""
    sec = Sections()
    docs = list(_JP_DOC.finditer(text))
    bounds: dict[str, Span] = {}
    for i, m in enumerate(docs):
        end = docs[i + 1].start() if i + 1 < len(docs) else len(text)
        bounds.setdefault(_doc_kind(m.group(1)), Span(_skip_ws(text, m.end()), _trim_end(text, m.end(), end)))
    # claims
    if "claims" in bounds:
        sec.claims = bounds["claims"]
        sec.claims_head = text.rfind("\n", 0, bounds["claims"].start) + 1
    else:
        alt = _JP_CLAIMS_ALT.search(text)
        one = _JP_CLAIM_ONE.search(text)
        if alt:
            start = _skip_ws(text, alt.end())
        elif one:
            start = one.start()
            sec.notes.append(msg(N.N102))
        else:
            start = -1
        if start >= 0:
            stop = len(text)
            nxt = _JP_DOC.search(text, start)
            ab = _JP_ABSTRACT.search(text, start)
            for cand in (nxt, ab):
                if cand and cand.start() < stop:
                    stop = cand.start()
            sec.claims = Span(start, _trim_end(text, start, stop))
    if sec.claims is None:
        sec.notes.append(msg(N.N103))
    # title
    t = _JP_TITLE.search(text)
    if t:
        sec.title = t.group(1).strip()
        if not sec.title:
            nl = _skip_ws(text, t.end())
            sec.title = text[nl:_line_end(text, nl)].strip()
    # abstract: 【要約】 up to 【選択図】 / the next document
    m = _JP_ABSTRACT.search(text)
    if m:
        stop = bounds["abstract"].end if "abstract" in bounds and bounds["abstract"].start <= m.start() else len(text)
        sec.abstract = _jp_block(text, m.end(), _JP_ABSTRACT_END, stop)
    elif "abstract" in bounds:
        b = bounds["abstract"]
        sec.abstract = _jp_block(text, b.start, _JP_ABSTRACT_END, b.end)
    # technical field: 【技術分野】 up to the next 【…】 heading that is not a paragraph label
    m = _JP_FIELD.search(text)
    if m:
        sec.technical_field = _jp_block(text, m.end(), _JP_NEXT_HEAD, len(text))
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
