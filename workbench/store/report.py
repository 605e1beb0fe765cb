"""The PDF report of the triage log, as an auditor reads it.

- Words are never broken: English wraps at spaces (a word longer than its column, such as
  a hash or a path, is cut after ``/ _ - .`` first, never before a file's extension),
  Japanese between phrases (after a particle or ending: 「事前確認を|求める」, before 「（」,
  after 「、。）」; a label may mark more with U+200B), a phrase longer than its column
  between characters, always with the kinsoku rules (no line starts with 、。」）ー… or
  ends with 「（…). Every cell is wrapped
  here, measured with the report's own font, and handed to the PDF as whole lines.
- One fact per column (completed in Japan is one column, the planned countries another).
- Likelihoods as the application shows them (``percent_text``: "<1%", never 0.0027).
- Whole titles (a title is never cut at its first line).
- Labels in English, Japanese or both (``language``: "en", "ja", "both"), from coded
  messages (workbench/messages/export.py I640-I699).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from workbench.domain import DECISION_LABELS, DECISION_LABELS_JA, LEVEL_LABELS_JA, percent_text
from workbench.messages import M, msg
from workbench.store.records import DecisionRow, DraftSummary

REPORT_LANGUAGES = ("both", "en", "ja")
LEVEL_LABELS_EN = {"clear": "clear", "review": "review", "likely": "likely referral"}

# Kinsoku shori (JIS X 4051, the usual subset): characters a line may not start with, and
# characters it may not end with.
NO_LINE_START = set("、。，．,.・：:；;？?！!ー－～…‥）)］]｝}〕〉》」』】〙〗〟'\"’”ゝゞ々ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ％%")
NO_LINE_END = set("（(［[｛{〔〈《「『【〘〖〝‘“")
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_TOKEN = re.compile(rf"[{_CJK}]|[^\s{_CJK}]+|\s+")
# where a word too long for its column may be cut: after / _ - , ; : = & ? and after a dot
# that does not start a file's extension ('…044A1.' / 'xml' left the extension alone)
_SOFT_BREAK = re.compile(r"(?<=[/_\-,;:=&?])|(?<=\.)(?![A-Za-z0-9]{1,4}$)")
_DOT_BREAK = re.compile(r"(?<=\.)")  # a name too long for its column even so: at its dots next
ZWSP = "\u200b"  # a break opportunity marked in a label ('第一次\u200b審査期限'); never printed
_HIRAGANA = re.compile(r"[\u3041-\u309f]")


def _is_cjk(token: str) -> bool:
    return len(token) == 1 and re.match(rf"[{_CJK}]", token) is not None


def _has_cjk(token: str) -> bool:
    return re.search(rf"[{_CJK}]", token) is not None


_BREAK_AFTER = set("、。，．）］｝〕〉》」』】〙〗〟！？")  # punctuation a Japanese line may end after
_NO_BREAK_AFTER = ("か", "ヶ", "ヵ")  # 10か月 (a counter, not a particle)


def _may_break_phrase(phrase: str, after: str) -> bool:
    """:func:`_may_break` with what comes before: not inside 10か月."""
    before = phrase[-1]
    if before in _NO_BREAK_AFTER and after == "月" and len(phrase) > 1 and phrase[-2].isdigit():
        return False
    return _may_break(before, after)


def _may_break(before: str, after: str) -> bool:
    """Whether Japanese text may wrap between two characters: after a phrase's particles
    and endings (hiragana followed by anything else: 'を|求める', 'で|完成', 'なし|10か月'),
    before an opening bracket and after a closing one or a comma/full stop; never where
    kinsoku forbids it. Inside a word (漢字 compounds, katakana, 第78条) it may not."""
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    if not (_has_cjk(before) or _has_cjk(after)):
        return False
    if before in _BREAK_AFTER or after in NO_LINE_END:  # after 、。）」 / before （「
        return True
    return _HIRAGANA.match(before) is not None and _HIRAGANA.match(after) is None


_KATAKANA = re.compile(r"[\u30a0-\u30ffー]")


def _script_runs(phrase: str) -> list[str]:
    """A Japanese phrase cut where katakana meets kanji (量子 | ドット | 型赤外線受光素子は)."""
    runs: list[str] = []
    for ch in phrase:
        if runs and (_KATAKANA.match(runs[-1][-1]) is None) != (_KATAKANA.match(ch) is None) \
                and _has_cjk(runs[-1][-1]) and _has_cjk(ch) and _HIRAGANA.match(ch) is None \
                and _HIRAGANA.match(runs[-1][-1]) is None and ch not in NO_LINE_START:
            runs.append(ch)
        elif runs:
            runs[-1] += ch
        else:
            runs.append(ch)
    return runs


def _tokens(text: str) -> list[str]:
    """Words: English words as written, Japanese phrases (see :func:`_may_break`), spaces;
    a ZWSP ends a word too."""
    out: list[str] = []
    for segment in text.split(ZWSP):
        chunk = ""
        for tok in _TOKEN.findall(segment):
            if tok.isspace():
                if chunk:
                    out.append(chunk)
                    chunk = ""
                out.append(tok)
            elif chunk and (not (_has_cjk(chunk[-1]) or _has_cjk(tok[0])) or _may_break_phrase(chunk, tok[0])):
                out.append(chunk)
                chunk = tok
            else:
                chunk += tok
        if chunk:
            out.append(chunk)
    return out


def wrap_lines(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (as ``measure`` says), never
    inside an English word that fits a line, and in Japanese never before a
    no-line-start character or after a no-line-end one (the character before moves down
    with it). Line breaks in ``text`` are kept."""
    out: list[str] = []
    for paragraph in (text or "").split("\n"):
        out.extend(_wrap_paragraph(paragraph, width, measure))
    return out or [""]


def _split_long(word: str, width: float, measure) -> list[str]:
    """A word wider than a whole line: cut after / _ - . first, else between characters."""
    parts: list[str] = []
    cur = ""
    pieces = []
    for piece in _SOFT_BREAK.split(word):
        pieces.extend(_DOT_BREAK.split(piece) if measure(piece) > width else [piece])
    for piece in pieces:
        if not piece:
            continue
        if measure(cur + piece) <= width:
            cur += piece
            continue
        if cur:
            parts.append(cur)
            cur = ""
        while measure(piece) > width and len(piece) > 1:
            n = len(piece)
            while n > 1 and measure(piece[:n]) > width:
                n -= 1
            parts.append(piece[:n])
            piece = piece[n:]
        cur = piece
    if cur:
        parts.append(cur)
    return parts


def _wrap_paragraph(text: str, width: float, measure) -> list[str]:
    tokens = _tokens(text)
    tokens.reverse()  # a stack: a Japanese phrase too long for a line goes back as its characters
    lines: list[list[str]] = [[]]

    def line_text(toks: list[str]) -> str:
        return "".join(toks).strip()

    while tokens:
        tok = tokens.pop()
        cur = lines[-1]
        if tok.isspace():
            if cur:
                cur.append(" ")
            continue
        if measure(line_text(cur + [tok])) <= width:
            cur.append(tok)
            continue
        if len(tok) > 1 and _has_cjk(tok) and measure(tok) > width:  # a phrase longer than a line:
            runs = _script_runs(tok)  # between katakana and kanji first (量子|ドット|型…), else by character
            tokens.extend(reversed(runs if len(runs) > 1 else _TOKEN.findall(tok)))
            continue
        if not _is_cjk(tok) and measure(tok) > width:  # a word longer than a line
            pieces = _split_long(tok, width, measure)
            for piece in pieces:
                if measure(line_text(lines[-1] + [piece])) <= width:
                    lines[-1].append(piece)
                else:
                    lines.append([piece])
            continue
        # a break before tok: keep the kinsoku rules by moving characters down with it
        carry: list[str] = [tok]
        while cur and (carry[0][0] in NO_LINE_START or (cur[-1][-1] in NO_LINE_END)) and len(cur) > 1:
            if cur[-1] == " ":
                cur.pop()
                continue
            carry.insert(0, cur.pop())
        while cur and cur[-1] == " ":
            cur.pop()
        lines.append(carry)
    return [line_text(toks) for toks in lines if line_text(toks) or len(lines) == 1]


class Labels:
    """The report's words in one language or both ("English / 日本語")."""

    def __init__(self, language: str = "both") -> None:
        if language not in REPORT_LANGUAGES:
            language = "both"
        self.language = language

    def __call__(self, code: str, sep: str = " / ", **args) -> str:
        m = msg(code, **args)
        if self.language == "both":
            en, ja = m.render("en"), m.render("ja")
            return en if en == ja else f"{en}{sep}{ja}"
        return m.render(self.language)

    def head(self, code: str) -> str:
        """A column head: both languages on two lines."""
        return self(code, sep="\n")

    def pair(self, en: str, ja: str, sep: str = " / ") -> str:
        if self.language == "en" or not ja:
            return en or ja
        if self.language == "ja" or not en:
            return ja or en
        return en if en == ja else f"{en}{sep}{ja}"

    def level(self, level: str | None, sep: str = "\n") -> str:
        if not level:
            return "-"
        return self.pair(LEVEL_LABELS_EN.get(level, level), LEVEL_LABELS_JA.get(level, ""), sep=sep)

    def decision(self, decision: str | None, sep: str = "\n") -> str:
        if not decision:
            return self(M.I686, sep=sep)
        return self.pair(DECISION_LABELS.get(decision, decision), DECISION_LABELS_JA.get(decision, ""), sep=sep)

    def each(self) -> list[Labels]:
        """One Labels per language shown: a paragraph in both languages is two paragraphs."""
        return [Labels("en"), Labels("ja")] if self.language == "both" else [self]

    def field(self, fid: int | None, en: str, ja: str) -> str:
        if fid is None:
            return "-"
        return f"{fid}. " + self.pair(en, ja, sep="\n")

    def yes_no(self, value: bool | None) -> str:
        if value is None:
            return self(M.I684, sep="\n")
        return self(M.I682 if value else M.I683, sep="\n")

    def codes(self, codes: tuple[str, ...] | None) -> str:
        if codes is None:
            return self(M.I684, sep="\n")
        return ", ".join(codes) if codes else self(M.I685, sep="\n")


QUOTE_EN, QUOTE_JA = 80, 40  # characters of a claim quoted with its annotation


def claim_quote(text: str) -> str:
    """The opening of a claim's display text, cut at a word (English) and ended with '…'."""
    text = " ".join((text or "").split())
    limit = QUOTE_JA if _has_cjk(text[:QUOTE_JA]) else QUOTE_EN
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if not _has_cjk(cut) and " " in cut:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:") + "…"


def _annotation(t: Labels, a: dict, claim_text: str | None = None) -> str:
    """One annotation recorded before a decision, in the report's language(s) (both: two
    lines), quoting the opening of its claim (its display text: line wraps joined)."""
    verdict = {"agree": M.I641, "disagree": M.I642}.get(a.get("verdict"))
    quote = {"text": claim_quote(claim_text)} if claim_text else {}
    return t(
        M.I644 if quote else M.I640, sep="\n", **quote,
        claim=a["claim_number"], field=msg(M.I592) if a.get("field_id") is None else a["field_id"],
        verdict=msg(verdict) if verdict else a.get("verdict", ""),
        ipc=msg(M.I643, ipc_code=a["corrected_ipc"]) if a.get("corrected_ipc") else "",
        note=f" — {a['note']}" if a.get("note") else "", who=a.get("reviewer", ""), at=a.get("at", "")[:16].replace("T", " "),
    )


def filter_text(filters: dict, t: Labels) -> str:
    parts = [f"{k}={v}" for k, v in filters.items() if v not in (None, "")]
    return ", ".join(parts) if parts else t(M.I691)


def write_pdf(
    path: Path, rows: list[DecisionRow], drafts: list[DraftSummary], meta: dict, font: Path, language: str = "both",
    plans: dict | None = None, basis: dict | None = None, claims: dict[tuple[int, int], str] | None = None,
) -> None:
    """Write the report: a header on every page (where it came from), the summary, the
    drafts (one row per matter, its latest version) and every decision with its rationale."""
    from fpdf import FPDF
    from fpdf.enums import VAlign, WrapMode, XPos, YPos
    from fpdf.fonts import FontFace

    t = Labels(language)
    chain = meta["chain"]
    header_lines = [  # the labels in the report's languages, each value once
        f"{t(M.I651)}: {meta['database']} ({t(M.I693)} {meta['schema_version']})",
        f"{t(M.I652)}: {filter_text(meta['filter'], t)}",
        f"{t(M.I653)}: {', '.join(meta['ruleset_versions']) or '-'}    {t(M.I692)}: {', '.join(meta['model_versions']) or '-'}",
        f"{t(M.I654)}: {meta['exported_at']}, workbench {meta['workbench_version']}    "
        f"{t(M.I694)}: {t(M.I655 if chain['ok'] else M.I656)} ({t(M.I695, events=chain['events'], head=chain['head_hash'][:16])})",
    ]
    proportional = font.with_name("ipagp.ttf")  # IPA P Gothic: the same glyphs, English set proportionally
    if font.name == "ipag.ttf" and proportional.is_file():
        font = proportional

    class Report(FPDF):
        def header(self) -> None:
            self.set_font("cjk", size=13)
            self.cell(0, 7, t(M.I650), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.set_font("cjk", size=7.5)
            for line in header_lines:
                for part in wrap_lines(line, self.epw, self.get_string_width):
                    self.cell(0, 3.6, part, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.set_draw_color(120, 120, 120)
            self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
            self.ln(3)

        def footer(self) -> None:
            self.set_y(-10)
            self.set_font("cjk", size=7)
            self.cell(0, 5, t(M.I657, page=self.page_no(), pages="{nb}"), align="C")

    pdf = Report(orientation="L", format="A4")
    pdf.set_auto_page_break(True, margin=14)
    pdf.add_font("cjk", fname=str(font))
    pdf.alias_nb_pages()
    pdf.add_page()
    heads = FontFace(fill_color=(225, 225, 225))
    size, padding, line_height = 7.5, 1.0, 3.6

    def heading(text: str) -> None:
        pdf.set_font("cjk", size=11)
        pdf.cell(0, 7, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("cjk", size=size)

    def paragraph(text: str, h: float = 4.2) -> None:
        for line in wrap_lines(text, pdf.epw, pdf.get_string_width):
            pdf.cell(0, h, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def table(widths: tuple[float, ...], head: list[str], body: list[list[str]]) -> None:
        """Every cell wrapped here, in whole words, to the width its column gets."""
        scale = pdf.epw / sum(widths)
        inner = [w * scale - 2 * padding - 0.6 for w in widths]  # 0.6 mm to spare: nothing re-wrapped by the PDF

        def wrapped(cells: list[str]) -> list[str]:
            return ["\n".join(wrap_lines(str(c), inner[i], pdf.get_string_width)) for i, c in enumerate(cells)]

        with pdf.table(
            col_widths=widths, text_align="LEFT", wrapmode=WrapMode.WORD, line_height=line_height, v_align=VAlign.T,
            padding=padding, headings_style=heads, first_row_as_headings=True,
        ) as tb:
            tb.row(wrapped(head))
            for cells in body:
                tb.row(wrapped(cells))

    pdf.set_font("cjk", size=size)
    levels = Counter(d.level or "-" for d in drafts)
    decided = Counter(d.decision for d in drafts)
    heading(t(M.I658))

    def comma(tl: Labels) -> str:
        return "、" if tl.language == "ja" else ", "

    for tl in t.each():
        paragraph(tl(
            M.I659, matters=len(drafts), drafts=sum(d.versions for d in drafts),
            levels=comma(tl).join(f"{tl.level(k) if k != '-' else '-'} {v}" for k, v in sorted(levels.items())),
            decisions=comma(tl).join(f"{tl.decision(k)} {v}" for k, v in sorted(decided.items(), key=lambda kv: kv[0] or "")),
            records=len(rows),
        ))
    pdf.ln(2)

    heading(t(M.I660))
    if drafts:
        body = []
        for d in drafts:
            name = d.title if d.title and d.title != d.name else ""
            body.append([
                str(d.id), f"{name}\n{d.name}" if name else d.name,
                t(M.I688, sep="\n", version=d.version, versions=d.versions) if d.versions > 1 else "1",
                t.level(d.level), t.field(d.top_field_id, d.top_field_name_en, d.top_field_name_ja),
                percent_text(d.top_likelihood) or "-",
                t.decision(d.decision) + (f"\n({t(M.I689, sep=') (', version=d.decision_version)})"
                                          if d.decision and d.versions > 1 and d.decision_version else ""),
                d.jp_filing_date or "-", d.primary_review_due or "-", d.foreign_filing_free or "-",
            ])
        table((8, 54, 14, 18, 50, 16, 36, 17, 19, 19),
              [t.head(c) for c in (M.I664, M.I665, M.I666, M.I667, M.I668, M.I669, M.I670, M.I671, M.I672, M.I673)],
              body)
    else:
        paragraph(t(M.I662))
    pdf.ln(3)

    if pdf.will_page_break(48):  # never leave the heading alone at the foot of a page (heading, head row, a row)
        pdf.add_page()
    heading(t(M.I661))
    if rows:
        body = []
        for r in rows:
            version = t(M.I645, sep="", version=r.version) if r.version > 1 else ""
            body.append([
                f"{r.id}" + ("" if r.current else f"\n{t(M.I687, sep=chr(10))}"), f"{r.draft_id}: {r.draft_name}{version}",
                t.decision(r.decision), r.rationale, r.reviewer, r.at[:16].replace("T", " "),
                t.yes_no(r.completed_in_japan), ", ".join(r.planned_countries) or "-",
                t.codes(r.completed_abroad), t.codes(r.residences),
                r.primary_review_due or "-", r.foreign_filing_free or "-",
            ])
        table((19, 30, 30, 48, 15, 18, 18, 17, 20, 20, 19, 19),
              [t.head(c) for c in (M.I674, M.I665, M.I670, M.I675, M.I676, M.I677, M.I678, M.I679, M.I680,
                                   M.I681, M.I672, M.I673)],
              body)
        pdf.ln(1)
        for tl in t.each():
            paragraph(tl(M.I690), h=3.6)
    else:
        paragraph(t(M.I663))
    if rows:  # what each decision was taken on: an auditor's question (teamlog, issue 12)
        pdf.ln(3)
        if pdf.will_page_break(48):
            pdf.add_page()
        heading(t.pair("Basis of each decision", "出願方針の根拠"))

        def answer(value):
            return t.pair(*{None: ("not answered", "未回答"), True: ("yes", "はい"), False: ("no", "いいえ")}[value])

        body = []
        for r in rows:
            b = (basis or {}).get(r.id) or {"answers": {}, "annotations": []}
            answers = (t.pair("defence use", "防衛用途") + ": " + answer(b["answers"].get("defence_use")) + "\n"
                       + t.pair("State-commissioned", "国の委託") + ": " + answer(b["answers"].get("state_commissioned")))
            notes = "\n".join(_annotation(t, a, (claims or {}).get((r.draft_id, a["claim_number"]))) for a in b["annotations"]) \
                or t.pair("none", "なし")
            if r.override_reason:
                from workbench.store.signoff import risks_message

                risks = risks_message(r.override_risks, b.get("level"))
                # who approved and when, in each language (the Japanese said only 承認済み)
                state = (t(M.I550, who=r.approved_by, at=(r.approved_at or "")[:16].replace("T", " "))
                         if r.approved_by else t.pair("PENDING approval", "承認待ち"))
                said = "\n".join(risks.render(tl.language) for tl in t.each())
                override = f"{state}\n{said}\n{t.pair('reason', '理由')}: {r.override_reason}"
                if r.approval_note:  # stored with the approval: the auditor reads it too
                    override += "\n" + t(M.I646, note=r.approval_note)
            else:
                override = t.pair("not needed", "不要")
            body.append([f"{r.id}", f"{r.draft_id}: {r.draft_name}", answers, notes, override])
        table((12, 30, 40, 104, 91),
              [t.head(M.I674), t.head(M.I665), t.pair("Additional requirements", "追加要件", sep="\n"),
               t.pair("Annotations before it", "それまでの注記", sep="\n"),
               t.pair("Override, sign-off", "オーバーライドと承認", sep="\n")], body)
    # the clearance plan of each current decision (workbench.filing; clearance, issue 15)
    current = [r for r in rows if r.current and (plans or {}).get(r.id) is not None]
    if current:
        pdf.ln(3)
        if pdf.will_page_break(30):
            pdf.add_page()
        heading(t(M.I696))
        for r in current:
            plan = plans[r.id]
            if pdf.will_page_break(20):
                pdf.add_page()
            pdf.set_font("cjk", size=9)
            facts = t(M.I697 if r.filing_facts is not None else M.I698)
            paragraph(f"{r.draft_id}: {r.draft_name} — {t(M.I699, today=plan.today)} — {facts}", h=5)
            pdf.set_font("cjk", size=size)
            for tl in t.each():
                for line in plan.lines(tl.language, law=False, mark="※"):  # IPA Gothic has no ⚠
                    if line:
                        paragraph(line, h=3.8)
                pdf.ln(1)
    pdf.output(str(path))
