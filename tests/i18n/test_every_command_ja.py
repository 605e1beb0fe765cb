"""Every command and sub-command of ``workbench``, taken from the parser itself, run under
WORKBENCH_LANG=ja on the bundled examples and real patent data, and its ``--help``: no
English word in what a person reads, except codes, IPC symbols, file names, paths, hashes,
options, command lines and law names (``english_words`` in test_cli_ja_output.py).

A new command fails here until it has a sample run in RUNS (and speaks Japanese): the list
of commands is the parser's, not this file's.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from pathlib import Path

import pytest

from tests.i18n.test_cli_ja_output import english_words
from tests.i18n.test_cli_ja_output import run_cli as _run
from workbench.cli.language import argparse_language
from workbench.cli.main import build_parser

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "workbench" / "examples"
JA_DRAFT = EXAMPLES / "draft_ja_ir_seeker.txt"
EN_DRAFT = EXAMPLES / "draft_en_underwater_vehicle.txt"


def command_paths() -> list[tuple[str, ...]]:
    """Every command path of the parser: ('triage',), ('log', 'decide'), ..."""
    with argparse_language("en"):
        parser = build_parser()

    def walk(p, path=()):
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    yield path + (name,)
                    yield from walk(sub, path + (name,))

    return list(walk(parser))


# Commands that are only shown their --help here, with why (the list only shrinks):
HELP_ONLY = {
    ("gui",): "opens the desktop window and waits for the user (the window's Japanese is tests/ui's)",
}


def _runs(ctx) -> dict[tuple[str, ...], list[list[str]]]:
    """Sample runs per command path, in the order they run (later ones use what earlier ones
    recorded: draft 1 is the Japanese example, draft 2 the English one, draft 3 real data)."""
    db, tmp, data = ctx["db"], ctx["tmp"], ctx["data"]
    real = ctx["real"]
    return {
        ("demo",): [["demo"]],
        ("claims",): [["claims", str(JA_DRAFT)], ["claims", str(real)]],
        ("triage",): [["triage", "--db", db, str(JA_DRAFT)], ["triage", "--db", db, str(EN_DRAFT)],
                      ["triage", "--db", db, "--text", "赤外線シーカを備える誘導弾。"],
                      ["triage", "--no-log", "--defence", "yes", "--state", "no", "--ipc", "F41H 3/00", str(JA_DRAFT)],
                      ["triage", "--no-log", "--review", "2", str(JA_DRAFT)]],  # a threshold out of range
        ("batch",): [["batch", "--db", db, "--jobs", "1", "--progress", "lines", str(ctx["folder"])]],
        ("rescreen",): [["rescreen", "--db", db, "--jobs", "1", "--progress", "lines", "--from", str(ctx["folder"])],
                        ["rescreen", "--db", db, "--jobs", "1", "--progress", "lines", "--level", "review"]],
        ("rules",): [["rules"]],
        ("rules", "check"): [["rules", "check", str(ROOT / "classification_rules")]],
        ("rules", "show"): [["rules", "show"]],
        ("rules", "match"): [["rules", "match", "F41H3/00"], ["rules", "match", "G06N 10/00"]],
        ("model",): [["model"]],
        ("model", "info"): [["model", "info"]],
        ("model", "train"): [["model", "train", "--data", str(tmp / "no-data-here"), "-o", str(tmp / "model-out")]],
        ("log",): [["log"]],
        ("log", "list"): [["log", "list", "--db", db], ["log", "list", "--db", db, "--since", "yesterday"]],
        ("log", "decide"): [["log", "decide", "1", "--decision", "hold", "--rationale", "確認中", "--db", db,
                             "--jp-filing-date", "2026-04-01", "--completed-in-japan", "yes"],
                            ["log", "decide", "2", "--decision", "clear_abroad", "--rationale", "該当なし", "--db", db,
                             "--completed-in-japan", "yes", "--countries", "US",
                             "--override-reason", "事前確認で非該当と確認済み"]],
        ("log", "approve"): [["log", "approve", "2", "--db", db, "--reviewer", "佐藤", "--note", "承認"]],
        ("log", "annotate"): [["log", "annotate", "1", "--claim", "1", "--field", "5", "--agree", "--db", db]],
        ("log", "facts"): [["log", "facts", "1", "--db", db, "--inventor", "山田:JP:JP", "--applicant", "株式会社A:JP",
                            "--file", "US:2027-01-15"], ["log", "facts", "1", "--db", db, "--show"]],
        ("log", "link"): [["log", "link", "3", "--version-of", "1", "--db", db]],
        ("log", "show"): [["log", "show", "1", "--db", db], ["log", "show", "2", "--db", db],
                          ["log", "show", "4", "--db", db]],  # the real publication (batch): its format named
        ("log", "history"): [["log", "history", "1", "--db", db]],
        ("log", "due"): [["log", "due", "--days", "3660", "--db", db, "--today", "2026-05-01"]],
        ("log", "export"): [["log", "export", "--db", db, "-o", str(tmp / "decisions.csv")],
                            ["log", "export", "--db", db, "-o", str(tmp / "decisions.xlsx"), "--since", "2026-05-01",
                             "--until", "2026-04-01"]],  # a period that ends before it starts
        ("log", "backup"): [["log", "backup", "--db", db, "-o", str(tmp / "backup.sqlite")]],
        ("log", "checkpoint"): [["log", "checkpoint", "--db", db, "--key", str(tmp / "key.pem"), "-o", str(tmp / "cp.json")]],
        ("log", "verify"): [["log", "verify", "--db", db],
                            ["log", "verify", "--db", db, "--against", str(tmp / "cp.json"), "--trust", str(tmp / "key.pub")]],
        ("log", "setup-team"): [["log", "setup-team", ctx["team_url"](), "--user", "staff1=staff"]],
        ("log", "migrate-to"): [["log", "migrate-to", ctx["team_url"](), "--db", str(ctx["backup"]), "--user", "mgr1=manager"]],
        ("filing",): [["filing"]],
        ("filing", "check"): [["filing", "check", "--completed-in", "JP", "--level", "review"],
                              ["filing", "check", "--completed-in", "JP,US", "--residence", "JP,US", "--plan", "US,CN,EP"],
                              ["filing", "check", "--completed-in", "JP", "--applicant", "JP", "--first-filing", "US",
                               "--level", "likely", "--defence", "yes"]],
        ("clearance",): [["clearance", "1", "--db", db, "--file-in", "US,CN", "--today", "2026-05-01"]],
    }


# What a command shows of the user's own documents and data is not the program's English:
# the draft's text (claims, title, the evidence terms found in it). Runs of Latin words found
# verbatim in them are taken out before the check; everything the program itself says must be
# Japanese - the model card's notes too (coded since, shown by 'model info' in Japanese).
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9 ,;:.()'/_=<>+%&*-]*[A-Za-z0-9)]|[A-Za-z]")


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def document_text(paths) -> str:
    from workbench.ingest import read_draft

    return _norm("\n".join(read_draft(p).text for p in paths))


def without_documents(out: str, docs: str) -> str:
    def keep(m):
        run = m.group(0).strip(" .,;:()\"'")
        return " " if run and _norm(run) in docs else m.group(0)

    return _LATIN_RUN.sub(keep, out)


@pytest.fixture
def ctx(tmp_path, shared_data, team_server):
    folder = tmp_path / "drafts"
    folder.mkdir()
    real = sorted((shared_data / "uspto-xml").glob("*.xml"))[2]  # a real publication (full text, claims)
    for p in (JA_DRAFT, EN_DRAFT, real):
        shutil.copy(p, folder / p.name)
    backup = tmp_path / "for-migration.sqlite"
    return {
        "docs": document_text([JA_DRAFT, EN_DRAFT, real]),
        "db": str(tmp_path / "log.sqlite"), "tmp": tmp_path, "data": shared_data, "real": real, "folder": folder,
        "backup": backup, "team_url": lambda: team_server.cluster.url(team_server.empty_database()),
    }


def test_document_text_is_told_from_the_programs_words():
    docs = _norm("An autonomous underwater vehicle comprising a pressure hull.")
    out = '請求項1: 分野 12  用語: "autonomous underwater vehicle"@3, "pressure hull"@47\n  top field: 13'
    assert english_words(out, mask=lambda t: without_documents(t, docs)) == {"top", "field"}


def test_the_parser_is_walked():
    paths = command_paths()
    assert ("log", "decide") in paths and ("triage",) in paths and ("filing", "check") in paths
    assert len(paths) >= 30


def test_every_command_speaks_japanese(ctx, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    runs = _runs(ctx)
    paths = command_paths()
    missing = [p for p in paths if p not in runs and p not in HELP_ONLY]
    assert not missing, f"commands without a sample run here (add one to RUNS): {missing}"
    assert not [p for p in runs if p not in paths], "RUNS names a command the parser does not have"
    found, ran = {}, 0
    for path, argvs in runs.items():
        for argv in argvs:
            if path == ("log", "migrate-to"):  # a copy of the log as it is now
                shutil.copy(ctx["db"], ctx["backup"])
            rc, out = _run(capsys, monkeypatch, argv)
            assert out.strip(), f"{' '.join(argv)} printed nothing (rc {rc})"
            assert rc in (0, 2, 3), f"{' '.join(argv)}: exit {rc}\n{out}"
            ran += 1
            if "使い方:" in out:  # a command group without its sub-command shows its help
                for inv in _invocations(path):
                    out = out.replace(inv, " ")
            words = english_words(out, mask=lambda t: without_documents(t, ctx["docs"]))
            if words:
                found[" ".join(argv[:3])] = (sorted(words), out[:1500])
    assert ran >= len(paths)
    assert not found, "English words in Japanese output:\n" + "\n\n".join(
        f"{k}: {w}\n{o}" for k, (w, o) in found.items())


def _invocations(path: tuple[str, ...]) -> list[str]:
    """What the option column of ``path --help`` shows: the options, metavars and choices
    (the command's own vocabulary, as in the usage synopsis), longest first."""
    with argparse_language("ja"):
        p = build_parser()
    for name in path:
        sub = next(a for a in p._actions if isinstance(a, argparse._SubParsersAction))
        p = sub.choices[name]
    fmt = p._get_formatter()
    out = []
    for action in p._actions:
        out.append(fmt._format_action_invocation(action))
        if isinstance(action, argparse._SubParsersAction):
            out += [fmt._format_action_invocation(c) for c in action._choices_actions]
    return sorted(out, key=len, reverse=True)


def test_every_help_speaks_japanese(capsys, monkeypatch):
    found = {}
    for path in [()] + command_paths():
        rc, out = _run(capsys, monkeypatch, [*path, "--help"])
        assert rc == 0 and "使い方:" in out, (path, out[:300])
        for inv in _invocations(path):
            out = out.replace(inv, " ")
        words = english_words(out)
        if words:
            found[" ".join(path) or "workbench"] = sorted(words)
    assert not found, "English words in --help: " + json.dumps(found, ensure_ascii=False, indent=1)
