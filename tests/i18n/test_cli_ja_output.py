"""Every command's human output follows WORKBENCH_LANG=ja: no English word is left except
codes, IPC symbols, file names, paths, hashes, command names, options and law names.

Commands not yet converted are listed in STILL_ENGLISH with what they print in English;
the test fails when such a command no longer prints English (take it off the list), so
the list only shrinks.
"""

from __future__ import annotations

import errno
import re
import shutil
from pathlib import Path

import pytest

from workbench.cli.main import main

EXAMPLES = Path(__file__).resolve().parents[2] / "workbench" / "examples"
JA_DRAFT = EXAMPLES / "draft_ja_ir_seeker.txt"

# Latin words a Japanese line may keep: names of things, not English prose.
ALLOWED = {
    "IPC", "CPC", "MB", "sha256", "workbench", "text", "pdf", "docx", "JP", "US", "ja", "en", "OK", "ID",
    "jp-specified-fields", "ipc_model",
    # names of formats, standards, products and laws, kept in their original
    "PDF", "DOCX", "TXT", "XML", "JSON", "CSV", "XLSX", "USPTO", "Markdown", "ISO", "PCT", "CFR", "UTC", "CPU",
    "YAML", "ZIP", "Word", "SQLite", "PostgreSQL", "Dask", "dask", "joblib", "PySide6", "UTF-8", "Shift_JIS", "Ed25519", "EPC", "JPO",
    "EMP", "UF6",  # in the official Japanese names of the specified fields
}
_KEEP = re.compile(
    r"\b[a-z]+://\S+"  # URLs (postgresql://LOGIN@HOST/DB)
    r"|(?:[A-Za-z]:)?[\w./\\-]*[/\\][\w./\\-]*"  # paths
    r"|\S+\.(?:txt|pdf|docx|md|xml|sqlite|csv|xlsx|json|yaml|tsv|jsonl|db)\b"  # file names
    r"|\b[0-9a-f]{10,64}\b"  # hashes
    r"|\bYYYY-MM-DD\b"  # the date notation (as typed)
    r"|\b[A-H]\d\d[A-Z]?(?: ?\d+/\d+)?\b|\b[A-H]\d\d[A-Z]\d{10}\b"  # IPC symbols (F41, F41H 3/00, F41H0003000000)
    r"|\[[EWNRID]\d+\]|\b[EWNRID]\d{3}\b"  # codes
    r"|--[\w-]+"  # options
    r"|workbench(?: [a-z-]+)+"  # command lines
    r"|\b\w+\.\w+\b"  # event kinds (draft.added), versions
    r"|\b\w+=\S+"  # metric keys of the model card (recall=0.97)
    r"|\d{4}-\d\d-\d\dT[\d:.]+Z"  # timestamps
    r"|(?<![A-Za-z])'[^'\n]+'(?![A-Za-z])"  # a quoted literal: a value or name the user types ('yes', 'csv', 'LOGIN')
    r"|(?<![A-Za-z])[A-Z]{2}(?![A-Za-z])"  # country and office codes (EP, CN, IB), also inside Japanese
    r"|\$[A-Z_]+"  # environment variables ($LANG)
    r"|\b(?:" + "|".join(sorted(set(errno.errorcode.values()), key=len, reverse=True)) + r")\b"  # errno symbols (EACCES): codes
    r'|"\w+"'  # JSON keys ("id", "status")
)


def english_words(text: str, mask=None) -> set[str]:
    """Latin words of ``text`` outside what may stay; argparse's usage synopsis (option names,
    metavars and choices - the command's own vocabulary) is skipped."""
    words = set()
    in_usage = False
    for line in text.splitlines():
        if line.startswith("使い方:"):
            in_usage = True
            continue
        if in_usage and line.startswith(" "):
            continue
        in_usage = False
        if mask is not None:  # e.g. the user's own document text, shown as it is
            line = mask(line)
        rest = _KEEP.sub(" ", line)
        words |= {w for w in re.findall(r"[A-Za-z][A-Za-z0-9'_-]*", rest)
                  if w not in ALLOWED and "_" not in w and len(w) > 1}
    return words


def test_the_check_finds_english():
    assert english_words("  top field: 13 無人水中航走体") == {"top", "field"}
    assert not english_words("草稿 1: draft_ja.txt（text、日本語） F41H 3/00 [E301] workbench log list --db /tmp/x.sqlite")
    # an errno symbol is a code; the system's English around it is not
    assert not english_words("アクセスする権限がありません（EACCES）")
    assert english_words("（[Errno 13] Permission denied）") == {"Errno", "Permission", "denied"}


@pytest.fixture(scope="module")
def log_path(tmp_path_factory):
    return str(tmp_path_factory.mktemp("ja") / "log.sqlite")


def run_cli(capsys, monkeypatch, argv, lang: str = "ja") -> tuple[int, str]:
    """``workbench argv`` as a user of ``lang`` runs it: exit code, and what it printed."""
    monkeypatch.setenv("WORKBENCH_LANG", lang)
    monkeypatch.setenv("WORKBENCH_REVIEWER", "田中")
    try:
        rc = main(list(argv))
    except SystemExit as exc:  # --help and usage errors
        rc = exc.code
    out = capsys.readouterr()
    return rc, out.out + out.err


def _commands(log_path, tmp):
    return [
        ("triage", ["triage", "--db", log_path, str(JA_DRAFT)]),
        ("triage text", ["triage", "--db", log_path, "--text", "赤外線シーカを備える誘導弾。"]),
        ("claims", ["claims", str(JA_DRAFT)]),
        ("log list", ["log", "list", "--db", log_path]),
        ("log decide", ["log", "decide", "1", "--decision", "hold", "--rationale", "確認中", "--db", log_path,
                        "--jp-filing-date", "2026-04-01", "--completed-in-japan", "yes"]),
        ("log annotate", ["log", "annotate", "1", "--claim", "1", "--field", "5", "--agree", "--db", log_path]),
        ("log show", ["log", "show", "1", "--db", log_path]),
        ("log due", ["log", "due", "--days", "3660", "--db", log_path, "--today", "2026-05-01"]),
        ("log history", ["log", "history", "1", "--db", log_path]),
        ("log backup", ["log", "backup", "--db", log_path, "-o", str(tmp / "backup.sqlite")]),
        ("log export", ["log", "export", "--db", log_path, "-o", str(tmp / "decisions.csv")]),
        ("rules match", ["rules", "match", "F41H3/00"]),
        ("rules check", ["rules", "check", "classification_rules"]),
        ("model info", ["model", "info"]),
        ("usage error", ["log", "export"]),
    ]


# command -> what it still prints in English (being converted; shrink to empty)
STILL_ENGLISH: dict[str, str] = {}  # every command converted (the model card's notes are coded since)


def test_every_command_speaks_japanese(capsys, monkeypatch, log_path, tmp_path):
    root = Path(__file__).resolve().parents[2]
    monkeypatch.chdir(root)
    found = {}
    for name, argv in _commands(log_path, tmp_path):
        rc, out = run_cli(capsys, monkeypatch, argv)
        assert out.strip(), f"{name} printed nothing (rc {rc})"
        words = english_words(out)
        if name in STILL_ENGLISH:
            assert words, f"{name} no longer prints English: take it off STILL_ENGLISH"
            continue
        if words:
            found[name] = sorted(words)
    assert not found, f"English words in Japanese output: {found}"
