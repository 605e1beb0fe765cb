"""`workbench rules check|show|match`: exit codes, text and JSON shapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rules_samples import entry_codes

from workbench.cli.main import main


@pytest.fixture(autouse=True)
def _no_user_settings(monkeypatch, tmp_path):
    monkeypatch.delenv("WORKBENCH_RULES_DIR", raising=False)
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path / "config"))


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_show_lists_25_fields_and_the_verified_count(capsys, ruleset):
    code, out, _ = run(capsys, "rules", "show")
    assert code == 0
    for f in ruleset.fields:
        assert f.name_ja in out
    n_full = sum(f.verified for f in ruleset.fields)
    assert f"{n_full} of 25 verified" in out
    assert "names verified: 17 of 25" in out
    assert ruleset.checksum in out


def test_show_json_shape(capsys, ruleset):
    code, out, _ = run(capsys, "rules", "show", "--json")
    data = json.loads(out)
    assert code == 0 and len(data) == 25
    for item, field in zip(data, ruleset.fields):
        assert item["id"] == field.id
        assert isinstance(item["name_en"], str) and isinstance(item["name_ja"], str)
        assert isinstance(item["ipc"], list) and all(isinstance(c, str) for c in item["ipc"])
        assert isinstance(item["additional_requirement"], bool) and isinstance(item["verified"], bool)
        assert item["ipc"] == list(field.codes)


def test_match_json_lists_fields_that_are_not_no(capsys, ruleset):
    field = next(f for f in ruleset.fields if f.additional_requirement.applies and f.limitation is None)
    codes = [str(c) for c in entry_codes(field.ipc[0])]
    code, out, _ = run(capsys, "rules", "match", *codes, "--json")
    data = json.loads(out)
    assert code == 0
    entry = next(d for d in data if d["id"] == field.id)
    assert entry["status"] == "possible" and isinstance(entry["reason"], str) and codes[0] in entry["reason"]
    assert all(set(d) >= {"id", "status", "reason"} and d["status"] in ("hit", "possible") for d in data)

    _, out, _ = run(capsys, "rules", "match", *codes, "--defence", "yes", "--json")
    assert next(d for d in json.loads(out) if d["id"] == field.id)["status"] == "hit"
    _, out, _ = run(capsys, "rules", "match", *codes, "--defence", "no", "--state", "no", "--json")
    assert field.id not in [d["id"] for d in json.loads(out)]


def test_match_text_output_and_a_miss(capsys):
    code, out, _ = run(capsys, "rules", "match", "A01B 1/02")
    assert code == 0 and "No specified field" in out


def test_match_with_a_term_satisfies_a_limitation(capsys, ruleset):
    field = next(f for f in ruleset.fields if f.limitation is not None)
    codes = [str(c) for c in entry_codes(field.ipc[0])]
    _, out, _ = run(capsys, "rules", "match", *codes, "--json")
    assert next(d for d in json.loads(out) if d["id"] == field.id)["status"] == "possible"
    _, out, _ = run(capsys, "rules", "match", *codes, "--term", field.limitation.requires_terms[0], "--json")
    assert next(d for d in json.loads(out) if d["id"] == field.id)["status"] == "hit"


def test_match_bad_code_exits_2_with_a_coded_message(capsys):
    code, out, err = run(capsys, "rules", "match", "NOT-A-CODE")
    assert code == 2 and "[E301]" in err and "Traceback" not in err


def test_check_installed_rules_is_valid(capsys):
    code, out, _ = run(capsys, "rules", "check")
    assert code == 0 and "OK" in out


def test_check_a_bad_file_reports_lines_and_exits_2(capsys, tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text('id: bad\nversion: "1"\nfields:\n  - id: 1\n    nme_ja: x\n', encoding="utf-8")
    code, out, _ = run(capsys, "rules", "check", str(bad))
    assert code == 2
    assert f"{bad}, line 5: [E303]" in out and "nme_ja" in out
    assert "problem(s) found" in out


def test_check_a_missing_path_exits_2(capsys, tmp_path: Path):
    code, out, _ = run(capsys, "rules", "check", str(tmp_path / "nope.yaml"))
    assert code == 2 and "[E305]" in out


def test_rules_dir_option_applies_user_overrides(capsys, tmp_path: Path, ruleset):
    user = tmp_path / "user"
    user.mkdir()
    (user / "x.yaml").write_text(
        'id: x\nextends: jp-specified-fields\nversion: "x1"\nfields:\n'
        "  - id: 26\n    name_ja: 社内分野\n    name_en: In-house field\n    ipc: [A01B 1/00]\n"
        "    additional_requirement: {applies: false}\n    verified: false\n",
        encoding="utf-8",
    )
    for argv in (("rules", "--rules-dir", str(user), "show", "--json"), ("rules", "show", "--json", "--rules-dir", str(user))):
        code, out, _ = run(capsys, *argv)
        assert code == 0 and [d["id"] for d in json.loads(out)][-1] == 26
    code, out, _ = run(capsys, "rules", "--rules-dir", str(user), "match", "A01B 1/02", "--json")
    assert [d["id"] for d in json.loads(out)] == [26]
    code, out, _ = run(capsys, "rules", "--rules-dir", str(user), "check")
    assert code == 0
    code, _, err = run(capsys, "rules", "--rules-dir", str(tmp_path / "missing"), "show")
    assert code == 2 and "[E307]" in err
