"""Every value a spreadsheet could take as a formula, or a control character, is
neutralised in CSV and XLSX exports, read back with the real readers (issue 14)."""

from __future__ import annotations

import csv

import pytest
from factories import make_verdict

from workbench.store.export import COLUMNS, export_log, neutralize, read_csv_export

# value -> why a spreadsheet would run it
HOSTILE = [
    " =1+1",  # a leading space
    "\u3000=SUM(A1:A9)",  # the ideographic space
    "\n=1+1",  # a leading line break
    "\r\n+1",
    "\t@SUM(A1)",
    "＝HYPERLINK(\"http://x\",\"押して\")",  # full-width equals (Japanese IME)
    "＋1+2",
    "－3+4",
    "＠SUM(A1)",
    "\u200b=1+1",  # zero-width space first
    "\u00a0-2+3",  # no-break space
    "|cmd /c calc",
    "=cmd|' /C calc'!A0",
]
CONTROL = ["bell\x07here", "nul\x00byte", "esc\x1b[31mred"]


def _row(ws, header):
    col = [h for h, _ in COLUMNS].index(header) + 1
    return [ws.cell(row=r, column=col) for r in range(3, ws.max_row + 1)]  # under the keys and the labels


def _control(backend):
    # PostgreSQL text cannot hold a NUL character: there it is refused (test below), not exported
    return CONTROL if backend == "sqlite" else [c for c in CONTROL if "\x00" not in c]


@pytest.fixture
def hostile_log(log, backend):
    for i, text in enumerate(HOSTILE + _control(backend)):
        did = log.record_verdict(make_verdict(f"{text}.txt" if i < 3 else f"n{i}.txt"))
        log.decide(did, "hold", text, reviewer=text)  # the rationale is stored as typed on both backends; the reviewer on a team log is the login
    return log


def test_neutralize_covers_leading_blanks_and_full_width_signs():
    for text in HOSTILE:
        assert neutralize(text).startswith("'"), repr(text)
    for safe in ("safe = text", "a claim: 1 + 1", " plain text after a space", "防衛 ＝ defence"):
        assert neutralize(safe) == safe
    assert neutralize("a\x01b") == "a\\x01b" and neutralize("two\nlines") == "two\nlines"
    assert neutralize(-3) == -3 and neutralize(0.5) == 0.5 and neutralize(None) is None


def test_xlsx_export_holds_no_formula_and_no_control_character(hostile_log, backend, tmp_path):
    from openpyxl import load_workbook

    path = export_log(hostile_log, "xlsx", tmp_path / "x.xlsx").path
    wb = load_workbook(path)  # the real reader: a control character would not even load
    ws = wb["Decisions"]
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not any(ord(c) < 0x20 and c not in "\t\n\r" for c in cell.value), cell.value
    who = [c.value for c in _row(ws, "rationale")]
    assert who == [neutralize(t.strip()) for t in HOSTILE + _control(backend)]
    assert all(w.startswith("'") for w in who[: len(HOSTILE)])
    assert who[len(HOSTILE)] == "bell\\x07here"
    assert [c.value for c in _row(ws, "draft")][:3] == [neutralize(f"{t}.txt") for t in HOSTILE[:3]]


def test_csv_export_holds_no_formula(hostile_log, backend, tmp_path):
    path = export_log(hostile_log, "csv", tmp_path / "x.csv").path
    rows = read_csv_export(path)
    assert [r["rationale"] for r in rows] == [neutralize(t.strip()) for t in HOSTILE + _control(backend)]
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for record in csv.reader(fh):
            for value in record:
                first = value.lstrip(" \u3000\u00a0\u200b\t\r\n")[:1]
                assert not first or first not in "=+-@|＝＋－＠" or value.startswith(("'", "# ")), repr(value)


def test_a_nul_character_the_team_log_cannot_hold_is_refused_whole_not_called_damage(log, backend):
    """On PostgreSQL a NUL in a rationale is E511 (nothing recorded, the log intact), not E501."""
    from workbench.errors import StoreError

    did = log.record_verdict(make_verdict("n.txt"))
    before = len(log.draft(did).decisions)
    if backend == "sqlite":
        log.decide(did, "hold", "rationale with nul\x00byte", reviewer="r")
        assert len(log.draft(did).decisions) == before + 1
        return
    with pytest.raises(StoreError) as info:
        log.decide(did, "hold", "rationale with nul\x00byte", reviewer="r")
    assert info.value.code == "E511"
    assert len(log.draft(did).decisions) == before
    assert log.verify().ok
