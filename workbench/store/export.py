"""Exports of the triage log for managers (CSV, XLSX, PDF) and machines (JSON).

Every export holds exactly the stored decisions that pass the filter (one row per
decision record, superseded ones included and marked ``current = no``: the log is
a legal record) and states where it came from: the database path, the filter, the
rule-set and model versions, the chain check and the time (CSV: ``#`` header
lines; XLSX: an "About" sheet; PDF: the page header; JSON: a "meta" object).

Residences (the inventors' / applicant's countries) and the countries other than Japan
where the invention was completed (``completed_abroad``) were not stored before schema
v3: such decisions show ``not recorded`` (JSON: ``null``), told apart from a decision
that was given none (an empty cell; JSON: ``[]``).

Spreadsheet cells whose first visible character would start a formula (``= + - @ |``,
half- or full-width, also after leading blanks, U+3000 or line breaks) are prefixed with
``'`` so a spreadsheet shows them as text instead of running them; control characters are
escaped (:func:`neutralize`).
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from workbench.domain import DECISION_LABELS, DECISION_LABELS_JA
from workbench.errors import E601, E602, E603, ExportError, WorkbenchError
from workbench.store.log import TriageLog, utc_now
from workbench.store.records import DecisionRow, DraftSummary
from workbench.store.report import Labels, filter_text
from workbench.messages import M, msg
from workbench.messages.causes import cause


NOT_RECORDED = "not recorded"  # a stored NULL: the decision was logged without this fact


def bilingual_decision(decision: str | None) -> str:
    """'File in Japan first (Art. 78) / 日本で第一国出願（第78条）' for the bilingual PDF."""
    if not decision:
        return "undecided / 方針未決定"
    en = DECISION_LABELS.get(decision, decision)
    ja = DECISION_LABELS_JA.get(decision)
    return f"{en} / {ja}" if ja else en


def codes_text(codes: tuple[str, ...] | None) -> str:
    """How a report shows a decision's stored country list (residences, places of
    completion abroad): the codes, "none given" or "not recorded"."""
    if codes is None:
        return NOT_RECORDED
    return ", ".join(codes) if codes else "none given"


FORMATS = ("csv", "xlsx", "pdf", "json")
DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CJK_FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
    "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
    "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
    "C:/Windows/Fonts/msgothic.ttc",
    "/System/Library/Fonts/ヒラギノ角ゴシック W3.ttc",
)

# (column header, DecisionRow -> value) in the order of every tabular export.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("decision_id", "id"),
    ("draft_id", "draft_id"),
    ("draft", "draft_name"),
    ("sha256", "draft_sha256"),
    ("level", "level"),
    ("top_field_id", "top_field_id"),
    ("top_field_en", "top_field_name_en"),
    ("top_field_ja", "top_field_name_ja"),
    ("top_likelihood", "top_likelihood"),
    ("decision", "decision"),
    ("decision_label", "decision_label"),
    ("rationale", "rationale"),
    ("completed_in_japan", "completed_in_japan"),
    ("completed_abroad", "completed_abroad"),
    ("planned_countries", "planned_countries"),
    ("residences", "residences"),
    ("jp_filing_date", "jp_filing_date"),
    ("primary_review_due", "primary_review_due"),
    ("foreign_filing_free", "foreign_filing_free"),
    ("reviewer", "reviewer"),
    ("decided_at", "at"),
    ("current", "current"),
    ("ruleset_version", "ruleset_version"),
    ("model_version", "model_version"),
    # the filing facts as they stood at the decision (schema v4) and the clearance plan computed
    # from them as of the decision day (workbench.filing.plan; not stored: derived at export)
    ("inventors", "inventors"),
    ("applicants", "applicants"),
    ("planned_filings", "planned_filings"),
    ("clearances_asked", "clearances_asked"),
    ("clearance_plan", "clearance_plan"),
    ("clearance_plan_ja", "clearance_plan_ja"),
    # sign-off on risky decisions (workbench.store.signoff): the override and its approval
    ("override_status", "override_status"),
    ("override_reason", "override_reason"),
    ("override_risks", "override_risks"),
    ("approved_by", "approved_by"),
    ("approved_at", "approved_at"),
    ("approval_note", "approval_note"),
    # what the decision was taken on (TriageLog.decision_basis): the verdict's additional-
    # requirement answers and the attorneys' annotations recorded before it
    ("defence_use", "defence_use"),
    ("state_commissioned", "state_commissioned"),
    ("annotations", "annotations"),
)
# The readable label of each column (a coded message) beside its stable key. An export's machine
# header is the keys, in every language: a program reading last year's export reads this year's
# the same way, and "exports exactly what is stored" holds - only the labels are translated,
# never a stored value. XLSX: row 1 the keys, row 2 the labels; CSV: the keys' row, after a
# '#' line of the labels aligned with the columns (read_csv_export skips '#' lines).
COLUMN_LABELS: dict[str, str] = {
    "decision_id": "I600", "draft_id": "I601", "draft": "I665", "sha256": "I602", "level": "I667",
    "top_field_id": "I603", "top_field_en": "I604", "top_field_ja": "I605", "top_likelihood": "I626",
    "decision": "I606", "decision_label": "I670", "rationale": "I675", "completed_in_japan": "I678",
    "completed_abroad": "I680", "planned_countries": "I679", "residences": "I681", "jp_filing_date": "I625",
    "primary_review_due": "I672", "foreign_filing_free": "I673", "reviewer": "I676", "decided_at": "I677",
    "current": "I607", "ruleset_version": "I608", "model_version": "I609", "inventors": "I610",
    "applicants": "I611", "planned_filings": "I612", "clearances_asked": "I613", "clearance_plan": "I614",
    "clearance_plan_ja": "I615", "override_status": "I616", "override_reason": "I617", "override_risks": "I618",
    "approved_by": "I619", "approved_at": "I620", "approval_note": "I621", "defence_use": "I622",
    "state_commissioned": "I623", "annotations": "I624",
}


def column_label(key: str, language: str = "en") -> str:
    """A column's readable label: "en", "ja" or "both" ('Draft / 草稿'); the key itself for a
    column without one."""
    code = COLUMN_LABELS.get(key)
    if code is None:
        return key
    en, ja = (msg(code).render(lang).replace("\u200b", "") for lang in ("en", "ja"))
    return ja if language == "ja" else (f"{en} / {ja}" if language == "both" else en)


BASIS_COLUMNS = ("defence_use", "state_commissioned", "annotations")
NOT_ANSWERED = "not answered"
FACT_COLUMNS = ("inventors", "applicants", "planned_filings", "clearances_asked", "clearance_plan", "clearance_plan_ja")


def _fact_value(row: DecisionRow, attr: str, plans: dict) -> object:
    """The filing facts and the plan of a decision, as a spreadsheet cell (JSON: lists / the plan)."""
    from workbench.filing.facts import applicant_text, filing_text, inventor_text, permit_text, plan_summary

    facts = row.filing_facts
    key = {"inventors": ("inventors", inventor_text), "applicants": ("applicants", applicant_text),
           "planned_filings": ("filings", filing_text), "clearances_asked": ("permits", permit_text)}
    if attr in key:
        if facts is None:
            return NOT_RECORDED
        name, fn = key[attr]
        return "; ".join(fn(x) for x in facts[name])
    plan = plans.get(row.id)
    if plan is None:
        return ""
    return plan_summary(plan, "ja" if attr.endswith("_ja") else "en")


def decision_plans(log: TriageLog, rows: list[DecisionRow]) -> dict:
    """decision id -> the clearance plan of that decision (see ``filing.facts.decision_plan``);
    a decision whose plan cannot be computed (rule data unreadable) has none."""
    from workbench.filing.facts import decision_plan

    answers: dict[int, bool | None] = {}
    out = {}
    for r in rows:
        if r.draft_id not in answers:
            try:
                v = log.draft(r.draft_id).verdict
                a = v.answers if v else {}
                answers[r.draft_id] = a.get("defence_use") if isinstance(a, dict) else getattr(a, "defence_use", None)
            except WorkbenchError:
                answers[r.draft_id] = None
        try:
            out[r.id] = decision_plan(r, answers[r.draft_id])
        except (WorkbenchError, ValueError):
            continue
    return out


@dataclass(frozen=True)
class ExportResult:
    rows: int
    path: Path
    format: str = ""
    chain_ok: bool = True  # False: the log failed verify; the export says so, and so must the caller
    chain_detail: str = ""
    first_broken: int | None = None

    @property
    def warning(self):
        """W556 (a coded message) when the exported log fails verify, else None: the CLI prints
        it and the GUI shows it, not only the file's header."""
        if self.chain_ok:
            return None

        return msg(M.W556, path=str(self.path), event_id=self.first_broken if self.first_broken is not None else "-",
                   detail=self.chain_detail)


# What makes a spreadsheet read a cell as a formula (or a DDE command), half- and
# full-width: Excel and LibreOffice take a full-width ＝ typed with a Japanese IME as '='.
FORMULA_STARTS = frozenset("=+-@|") | frozenset("\uff1d\uff0b\uff0d\uff20\uff5c\ufe66\ufe62\ufe63\ufe6b")
# Leading characters a spreadsheet (or a person) skips before seeing the formula sign:
# blanks of every kind (the ideographic space U+3000, no-break spaces), line breaks, tabs,
# other control characters and invisible format characters (zero-width, bidi marks).
_SKIPPED_CATEGORIES = ("Zs", "Zl", "Zp", "Cc", "Cf")
# Control characters a cell must not hold (openpyxl refuses them; a terminal or a CSV
# reader may act on them): shown escaped. Tab, line feed and carriage return stay text.
_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0))}


def neutralize(value: object) -> object:
    """A cell value a spreadsheet shows as the text it is: text whose first visible
    character would start a formula (``= + - @ |`` or a full-width ``＝ ＋ － ＠``), also after
    leading blanks, U+3000, line breaks, tabs or invisible characters, gets a ``'`` prefix,
    as does text starting with a tab or a line break; control characters are escaped
    (``\x01``). Numbers and other values are returned as they are."""
    if not isinstance(value, str) or not value:
        return value
    import unicodedata

    first = next((ch for ch in value if unicodedata.category(ch) not in _SKIPPED_CATEGORIES), "")
    text = value.translate(_CONTROL)
    if first in FORMULA_STARTS or value.startswith(DANGEROUS_PREFIXES + ("\n",)):
        return "'" + text
    return text


def annotation_text(a: dict) -> str:
    """One annotation as an export shows it: 'claim 1, field 5: disagree (IPC B64U 10/00) — note [who, when]'."""
    field = "-" if a.get("field_id") is None else a["field_id"]
    ipc = f" (IPC {a['corrected_ipc']})" if a.get("corrected_ipc") else ""
    note = f" — {a['note']}" if a.get("note") else ""
    return f"claim {a['claim_number']}, field {field}: {a['verdict']}{ipc}{note} [{a.get('reviewer', '')}, {a.get('at', '')[:16]}]"


def _bilingual_answer(value: bool | None) -> str:
    return "not answered / 未回答" if value is None else ("yes / はい" if value else "no / いいえ")


def answer_text(value: bool | None) -> str:
    return NOT_ANSWERED if value is None else ("yes" if value else "no")


def _basis_value(row: DecisionRow, attr: str, basis: dict) -> object:
    b = basis.get(row.id) or {"answers": {}, "annotations": []}
    if attr == "annotations":
        return "; ".join(annotation_text(a) for a in b["annotations"])
    return answer_text(b["answers"].get(attr))


def _flat(row: DecisionRow, attr: str, plans: dict | None = None, basis: dict | None = None) -> object:
    """Spreadsheet value of one column: text or number, never None."""
    if attr in FACT_COLUMNS:
        return _fact_value(row, attr, plans or {})
    if attr in BASIS_COLUMNS:
        return _basis_value(row, attr, basis or {})
    value = getattr(row, attr)
    if attr == "override_risks":
        return ",".join(value)
    if attr == "completed_in_japan":
        return "" if value is None else ("yes" if value else "no")
    if attr == "current":
        return "yes" if value else "no"
    if attr == "planned_countries":
        return ",".join(value)
    if attr in ("residences", "completed_abroad"):
        return NOT_RECORDED if value is None else ",".join(value)
    if value is None:
        return ""
    return value


def _json_row(row: DecisionRow, plans: dict | None = None, basis: dict | None = None) -> dict:
    out = {}
    b = (basis or {}).get(row.id) or {"answers": {}, "annotations": []}
    for header, attr in COLUMNS:
        if attr in FACT_COLUMNS:
            continue
        if attr in BASIS_COLUMNS:
            out[header] = b["annotations"] if attr == "annotations" else b["answers"].get(attr)  # null: not answered
            continue
        value = getattr(row, attr)
        out[header] = list(value) if isinstance(value, tuple) else value
    out["filing_facts"] = row.filing_facts  # null: none recorded before this decision
    plan = (plans or {}).get(row.id)
    out["clearance_plan"] = plan.to_dict() if plan is not None else None
    return out


def _meta(log: TriageLog, fmt: str, rows: list[DecisionRow], filters: dict) -> dict:
    from workbench import __version__

    rules = sorted({r.ruleset_version for r in rows if r.ruleset_version})
    models = sorted({r.model_version for r in rows if r.model_version})
    if not rows:
        versions = log.versions()
        rules, models = versions["ruleset_versions"], versions["model_versions"]
    check = log.verify()
    head_id, head_hash = log.head()
    from workbench.store import checkpoint

    # the export is an anchor kept outside the log: `workbench log verify --against EXPORT`
    anchor = checkpoint.sign(log) if check.ok else None
    return {
        "title": msg(M.I629).render("en"),
        "database": log.where,
        "schema_version": log.schema_version,
        "exported_at": utc_now(),
        "workbench_version": __version__,
        "format": fmt,
        "filter": {k: (v.isoformat() if isinstance(v, date) else v) for k, v in filters.items()},
        "ruleset_versions": rules,
        "model_versions": models,
        "rows": len(rows),
        "chain": {"ok": check.ok, "events": check.events, "first_broken": check.first_broken, "detail": check.detail,
                  "head_event": head_id, "head_hash": head_hash},
        "checkpoint": anchor,
        "note": msg(M.I631, not_recorded=NOT_RECORDED).render("en"),
    }




def export_log(
    log: TriageLog,
    fmt: str,
    path: str | Path,
    *,
    since: date | str | None = None,
    until: date | str | None = None,
    decision: str | None = None,
    level: str | None = None,
    reviewer: str | None = None,
    language: str = "both",
) -> ExportResult:
    """Write the filtered decisions of ``log`` to ``path`` as csv | xlsx | pdf | json.
    ``language``: the PDF report's words, and the column labels of a CSV or XLSX beside their
    stable keys: "en", "ja" or "both" (the default).

    The file is written to a temporary name and renamed, so a failed export never
    leaves half a file (E601); an unknown format is E603, a missing CJK font E602.
    """
    fmt = (fmt or "").lower().lstrip(".")
    if fmt not in FORMATS:
        raise ExportError(E603, path=path, fmt=fmt)
    out = Path(path).expanduser()
    filters = {"since": since, "until": until, "decision": decision, "level": level, "reviewer": reviewer}
    # a team log: the export's audit event first - the database lets only a manager record
    # it (E554 for any other login), and nothing is read before it is recorded
    log.record_export(fmt, filters, out.name)
    rows = log.decisions(since=since, until=until, decision=decision, level=level, reviewer=reviewer)
    meta = _meta(log, fmt, rows, filters)
    plans = decision_plans(log, rows)
    basis = log.decision_basis(rows)
    font = find_cjk_font() if fmt == "pdf" else None
    if not out.parent.is_dir():
        raise ExportError(E601, path=out, detail=msg(M.D601, path=str(out.parent)))
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=str(out.parent))
        os.close(fd)
    except OSError as exc:
        raise ExportError(E601, path=out, detail=cause(exc, en=exc.strerror or str(exc))) from None
    tmp = Path(tmp_name)
    try:
        if fmt == "csv":
            _write_csv(tmp, rows, meta, plans, basis, language)
        elif fmt == "xlsx":
            _write_xlsx(tmp, rows, meta, plans, basis, language)
        elif fmt == "json":
            _write_json(tmp, rows, meta, plans, basis)
        else:
            drafts = log.matters(level=level, decision=decision if decision else None, reviewer=reviewer)
            _write_pdf(tmp, rows, drafts, meta, font, plans, basis, language, claim_texts(log, rows, basis))
        os.replace(tmp, out)
    except WorkbenchError:
        tmp.unlink(missing_ok=True)
        raise
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(E601, path=out, detail=cause(exc, en=exc.strerror or str(exc))) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    chain = meta["chain"]
    return ExportResult(rows=len(rows), path=out, format=fmt, chain_ok=bool(chain["ok"]),
                        chain_detail=chain["detail"] if chain["ok"] else log.verify().detail_message,  # coded, for the warning
                        first_broken=chain["first_broken"])


# ---------------------------------------------------------------- CSV / JSON
def _meta_lines(meta: dict, language: str = "en") -> list[tuple[str, str, object]]:
    """The export's provenance as (stable key, label in the export's language, value): the
    CSV's ``#`` lines and the XLSX About sheet. Words are rendered in ``language`` ("en",
    "ja" or "both", as the column labels); the values (paths, versions, hashes) as stored. The
    checkpoint keeps its stable key in the CSV (``# checkpoint: {...}`` is what
    ``workbench log verify --against`` reads)."""
    t = Labels(language)
    chain = meta["chain"]
    state = t(M.I655 if chain["ok"] else M.I656)
    events = t(M.I634, events=chain["events"], head_event=chain["head_event"], head=chain["head_hash"])
    broken = "" if chain["ok"] or chain.get("first_broken") is None else "; " + t(M.I632, event=chain["first_broken"])
    lines = [
        ("title", "", t(M.I629)),
        ("database", t(M.I651), meta["database"]),
        ("schema version", t(M.I693), meta["schema_version"]),
        ("filter", t(M.I652), filter_text(meta["filter"], t)),
        ("rule-set versions", t(M.I653), ", ".join(meta["ruleset_versions"]) or "-"),
        ("model versions", t(M.I692), ", ".join(meta["model_versions"]) or "-"),
        ("exported at (UTC)", t(M.I654), meta["exported_at"]),
        ("workbench version", "workbench", meta["workbench_version"]),
        ("history chain", t(M.I694), f"{state} ({events}{broken})"),
        ("rows", t(M.I630), meta["rows"]),
        ("note", "", t(M.I631, sep="\n", not_recorded=NOT_RECORDED)),
    ]
    if meta.get("checkpoint"):
        lines.append(("checkpoint", t(M.I633), json.dumps(meta["checkpoint"], ensure_ascii=False, separators=(",", ":"))))
    return lines


def _write_csv(path: Path, rows: list[DecisionRow], meta: dict, plans: dict | None = None,
               basis: dict | None = None, language: str = "en") -> None:
    """UTF-8 with BOM (Excel opens Japanese correctly); ``#`` lines, the columns' labels as a
    ``#`` line aligned with them (a person reads it in Excel, a program skips it as it skips
    the others), then the header row of stable keys and the stored values."""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        for key, label, value in _meta_lines(meta, language):
            if key == "checkpoint":
                w.writerow([f"# checkpoint: {value}"])  # the stable key: `log verify --against` reads it
                continue
            for part in str(value).split("\n"):  # "both": the note in English, then in Japanese
                w.writerow([f"# {label}: {part}" if label else f"# {part}"])
        labels = [column_label(h, language) for h, _ in COLUMNS]
        w.writerow([f"# {labels[0]}", *labels[1:]])
        w.writerow([h for h, _ in COLUMNS])
        for r in rows:
            w.writerow([neutralize(_flat(r, attr, plans, basis)) for _, attr in COLUMNS])


def read_csv_export(path: str | Path) -> list[dict]:
    """Read a CSV export back (skips the ``#`` header block) -> list of row dicts."""
    with Path(path).open(encoding="utf-8-sig", newline="") as fh:
        records = [r for r in csv.reader(fh) if not (r and r[0].startswith("# "))]  # (a decision's first cell is its number)
    if not records:
        return []
    header = records[0]
    return [dict(zip(header, r)) for r in records[1:]]


def _write_json(path: Path, rows: list[DecisionRow], meta: dict, plans: dict | None = None,
                basis: dict | None = None) -> None:
    data = {"meta": meta, "decisions": [_json_row(r, plans, basis) for r in rows]}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- XLSX
XLSX_HEADER_ROWS = 2  # the stable keys, then their labels (read_xlsx_export)


def _write_xlsx(path: Path, rows: list[DecisionRow], meta: dict, plans: dict | None = None,
                basis: dict | None = None, language: str = "en") -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Decisions"
    ws.append([h for h, _ in COLUMNS])
    ws.append([column_label(h, language) for h, _ in COLUMNS])
    for cell in ws[1]:
        cell.font = Font(color="666666", size=9)
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for r in rows:
        ws.append([neutralize(_flat(r, attr, plans, basis)) for _, attr in COLUMNS])
    from openpyxl.utils import get_column_letter

    letter = {h: get_column_letter(i) for i, (h, _) in enumerate(COLUMNS, start=1)}
    for cell in ws[letter["rationale"]][XLSX_HEADER_ROWS:]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = {"draft": 28, "sha256": 18, "top_field_en": 28, "top_field_ja": 20, "decision_label": 32,
              "rationale": 60, "completed_abroad": 16, "residences": 14, "decided_at": 28}
    for header, width in widths.items():
        ws.column_dimensions[letter[header]].width = width
    ws.freeze_panes = f"A{XLSX_HEADER_ROWS + 1}"
    about = wb.create_sheet("About")  # A: the stable key (what programs read), B: the value, C: its label
    about.column_dimensions["A"].width = 22
    about.column_dimensions["B"].width = 100
    about.column_dimensions["C"].width = 34
    t = Labels(language)
    rows_about = _meta_lines(meta, language)
    rows_about.insert(-1 if meta.get("checkpoint") else len(rows_about), ("header rows", t(M.I628), t(M.I627, sep="\n")))
    for key, label, value in rows_about:
        about.append([key, neutralize(value), label or None])
    for row in about.iter_rows(min_col=2, max_col=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    for row in about.iter_rows(min_col=1, max_col=1):
        row[0].font = Font(color="666666", size=9)
    wb.save(str(path))


def read_xlsx_export(path: str | Path) -> list[dict]:
    """Read an XLSX export's decisions back -> list of row dicts by the stable keys (row 1;
    row 2 holds the labels)."""
    from openpyxl import load_workbook

    wb = load_workbook(Path(path), read_only=True)
    try:
        values = list(wb["Decisions"].iter_rows(values_only=True))
    finally:
        wb.close()
    if not values:
        return []
    header = list(values[0])
    return [dict(zip(header, r)) for r in values[XLSX_HEADER_ROWS:]]


# ---------------------------------------------------------------- PDF
def find_cjk_font(candidates: tuple[str, ...] | None = None) -> Path:
    """A TrueType font with Japanese glyphs for the PDF report (E602 if none)."""
    env = os.environ.get("WORKBENCH_PDF_FONT", "").strip()
    for c in ((env,) if env else ()) + (candidates if candidates is not None else CJK_FONT_CANDIDATES):
        if c and Path(c).is_file():
            return Path(c)
    if candidates is None and shutil.which("fc-match"):
        try:
            found = subprocess.run(
                ["fc-match", "-f", "%{file}", ":lang=ja"], capture_output=True, text=True, timeout=10, check=False
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            found = ""
        if found and Path(found).is_file() and Path(found).suffix.lower() in (".ttf", ".otf", ".ttc"):
            return Path(found)
    raise ExportError(E602)


def claim_texts(log: TriageLog, rows: list[DecisionRow], basis: dict) -> dict[tuple[int, int], str]:
    """(draft id, claim number) -> the claim as a reader sees it (PDF line breaks and
    end-of-line hyphens joined: workbench.text.reader_line), for the claims annotated
    before a decision: the report quotes the claim an annotation is about."""
    from workbench.text import reader_line, reader_words

    wanted = {(r.draft_id, a["claim_number"]) for r in rows for a in (basis.get(r.id) or {}).get("annotations", ())}
    out: dict[tuple[int, int], str] = {}
    for draft_id in sorted({d for d, _ in wanted}):
        claims = log.draft(draft_id).claims
        words = reader_words("\n".join(c.text for c in claims))
        out.update({(draft_id, c.number): reader_line(c.text, words) for c in claims if (draft_id, c.number) in wanted})
    return out


def _write_pdf(path: Path, rows: list[DecisionRow], drafts: list[DraftSummary], meta: dict, font: Path,
               plans: dict | None = None, basis: dict | None = None, language: str = "both",
               claims: dict[tuple[int, int], str] | None = None) -> None:
    """The auditor's report: workbench/store/report.py (with each decision's basis, the
    claims its annotations are about, and the clearance plans of the current decisions)."""
    from workbench.store.report import write_pdf

    write_pdf(path, rows, drafts, meta, font, language, plans, basis, claims)
