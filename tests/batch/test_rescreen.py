"""`workbench rescreen` after a rule edit (a user rules folder): exactly the drafts whose
verdict changed are reported, before -> after; history is never overwritten. Real grants."""

from __future__ import annotations

import re

import pytest

from test_batch import env, final_log, grants  # noqa: F401  (fixture and helpers)

from workbench.cli.main import main

USER_RULES = """\
id: acme-overrides
extends: jp-specified-fields
version: "acme-1"
fields:
  - id: 26
    name_ja: 合わせガラス用中間膜（社内規則）
    name_en: Laminated glass interlayers (company rule)
    ipc: [{code: "B32B 9/04", verified: true, source: "https://example.com/acme-ip/rules"}]
    additional_requirement: {applies: false}
    verified: true
"""


@pytest.mark.shared_data
@pytest.mark.slow
def test_rescreen_after_a_rule_edit_reports_exactly_the_changed_drafts(env, shared_data, capsys):  # noqa: F811
    from workbench.batch import BatchOptions, current_identity, stale_versions
    from workbench.store import TriageLog
    from workbench.triage import get_engine, screen_file

    files = grants(shared_data, 6, env / "grants")
    db = env / "log.sqlite"
    assert main(["batch", str(env / "grants"), "--jobs", "1", "--db", str(db)]) == 0
    before = final_log(db)

    rules = env / "rules"
    rules.mkdir()
    (rules / "acme.yaml").write_text(USER_RULES, encoding="utf-8")
    with TriageLog.open(db) as log:
        assert stale_versions(log, current_identity(BatchOptions(rules_dir=str(rules)))) == 6
        assert stale_versions(log, current_identity(BatchOptions())) == 0

    # what each draft's verdict becomes with the edited rules, screened directly
    engine = get_engine(rules_dir=str(rules))
    by_name = {v[1]: (v[2], v[3]) for v in before.values()}
    expected = set()
    for f in files:
        v = screen_file(f, engine=engine)
        if (v.level, v.top_field.field_id if v.top_field else None) != by_name[f.name]:
            expected.add(f.name)
    assert "US06982296.xml" in expected and len(expected) < 6  # the edit matters, and not for all

    capsys.readouterr()
    assert main(["rescreen", "--db", str(db), "--rules-dir", str(rules), "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    reported = set(re.findall(r"^draft \d+ (\S+): .+ → .+$", out, flags=re.M))
    assert reported == expected
    assert f"{len(expected)} of 6 re-screened draft(s) changed" in out
    assert "LIKELY REFERRAL, field 26" in out
    after = final_log(db)
    assert all(v[0] == 2 for v in after.values())  # a new verdict event each; the first is kept
    with TriageLog.open(db) as log:
        assert stale_versions(log, current_identity(BatchOptions(rules_dir=str(rules)))) == 0

    # a moved file is found by its hash with --from; a missing one is reported (E805), the rest go on
    moved = env / "moved"
    moved.mkdir()
    files[0].rename(moved / files[0].name)
    files[1].unlink()
    capsys.readouterr()
    assert main(["rescreen", "--db", str(db), "--rules-dir", str(rules), "--jobs", "1", "--from", str(moved)]) == 3
    out, err = capsys.readouterr()
    missing = [line for line in err.splitlines() if "[E805]" in line]
    assert len(missing) == 1 and files[1].name in missing[0]
    assert "No verdict changed: 5 draft(s) re-screened" in out
