"""After `workbench triage` records its verdicts the user needs each draft's log id for
`log annotate` / `log decide`: the output says it (text and JSON) and names the log."""

from __future__ import annotations

import json

from workbench.cli.main import main

DRAFT = """Stealth camouflage net for military vehicles

What is claimed is:
1. A camouflage net comprising radar-absorbing stealth fibres.
"""


def _drafts(db):
    from workbench.store import TriageLog

    with TriageLog.open(db) as log:
        return {d.name: d.id for d in log.drafts()}


def test_text_output_gives_the_draft_id_and_the_log(capsys, isolated_env, tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(DRAFT, encoding="utf-8")
    db = tmp_path / "log.sqlite"
    assert main(["triage", "--db", str(db), str(a)]) == 0
    out = capsys.readouterr().out
    draft_id = _drafts(db)["a.txt"]
    assert f"draft {draft_id}" in out and f"workbench log decide {draft_id}" in out
    assert str(db) in out


def test_json_lines_carry_the_draft_id(capsys, isolated_env, tmp_path):
    paths = []
    for name in ("a.txt", "b.txt"):
        p = tmp_path / name
        p.write_text(DRAFT.replace("military", f"military {name}"), encoding="utf-8")
        paths.append(str(p))
    db = tmp_path / "log.sqlite"
    assert main(["triage", "--json", "--db", str(db), *paths]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines() if x.strip()]
    ids = _drafts(db)
    assert [x["draft_id"] for x in lines] == [ids["a.txt"], ids["b.txt"]]


def test_no_log_prints_no_id(capsys, isolated_env, tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(DRAFT, encoding="utf-8")
    assert main(["triage", "--no-log", "--json", str(a)]) == 0
    assert "draft_id" not in json.loads(capsys.readouterr().out)


def test_a_log_that_cannot_be_written_still_prints_every_verdict(capsys, isolated_env, tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(DRAFT, encoding="utf-8")
    not_a_log = tmp_path / "notes.sqlite"
    not_a_log.write_bytes(b"this is not a database" * 10)
    assert main(["triage", "--db", str(not_a_log), str(a)]) == 2
    out, err = capsys.readouterr()
    assert f"{a}:" in out and "not legal advice" in out  # the screening result is not lost
    assert "[E501]" in err and "log decide" not in out
