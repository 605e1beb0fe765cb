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
    from workbench.batch import BatchOptions
    from workbench.usecases import stale_verdicts
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
        assert stale_verdicts(log, BatchOptions(rules_dir=str(rules)))[0] == 6
        assert stale_verdicts(log, BatchOptions())[0] == 0

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
        assert stale_verdicts(log, BatchOptions(rules_dir=str(rules)))[0] == 0

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


@pytest.mark.shared_data
def test_rescreen_screens_each_draft_again_with_the_ipc_codes_entered_for_it(env, shared_data, capsys):  # noqa: F811
    """A draft screened with a known code (F41H 3/00: field 1) was re-screened without it: the
    code the user typed was lost and the re-screen 'changed' it likely -> clear. The codes are
    stored with the verdict and carried into the re-screen; a draft screened without codes
    stays without; a batch re-run with other codes is not skipped."""
    from workbench.store import TriageLog

    src = shared_data / "uspto-grants"
    (env / "a").mkdir()
    (env / "b").mkdir()
    shoe = env / "a" / "US06836979.xml"
    shoe.write_bytes((src / "US06836979.xml").read_bytes())  # a shoe: clear without the code
    other = env / "b" / "US06838526.xml"
    other.write_bytes((src / "US06838526.xml").read_bytes())
    db = env / "log.sqlite"
    assert main(["triage", "--db", str(db), "--ipc", "F41H3/00", str(shoe)]) == 0
    assert main(["triage", "--db", str(db), str(other)]) == 0
    with TriageLog.open(db) as log:
        (a,) = [s for s in log.drafts() if s.name == shoe.name]
        first = log.draft(a.id).verdict
        assert first.level == "likely" and first.screened.entered_ipc_codes == ("F41H 3/00",)

    capsys.readouterr()
    assert main(["rescreen", "--db", str(db), "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert "No verdict changed: 2 draft(s) re-screened" in out
    with TriageLog.open(db) as log:
        by_name = {s.name: log.draft(s.id) for s in log.drafts()}
    assert [r.verdict_count for r in by_name.values()] == [2, 2]
    again = by_name[shoe.name].verdict
    assert again.level == "likely" and again.screened.entered_ipc_codes == ("F41H 3/00",)
    assert any(code_of(r) == "R330" for f in again.fields for r in f.reasons)  # the code's reason, as entered
    assert by_name[other.name].verdict.screened.entered_ipc_codes == ()

    # the same file batched again (the batch core, as the GUI's import runs it) with the code it
    # was screened with: skipped; without it: screened again
    from workbench.batch import SCREENED, SKIPPED, BatchOptions, run_batch

    with TriageLog.open(db) as log:
        same = [o.status for o in run_batch([str(shoe)], log=log, options=BatchOptions(ipc_codes=("F41H 3/00",)), jobs=1)]
        without = [o.status for o in run_batch([str(shoe)], log=log, options=BatchOptions(), jobs=1)]
    assert same == [SKIPPED] and without == [SCREENED]


def code_of(m):
    from workbench.messages import code_of as _code_of

    return _code_of(m)


@pytest.mark.parametrize("level", [None, "clear"])
def test_rescreen_screens_a_matters_latest_version_not_its_earlier_ones(env, capsys, level):  # noqa: F811
    # a matter screened as v1 then v2 (same name, new text): rescreen --level clear re-screened
    # both, recording a new verdict on the superseded v1
    from pathlib import Path

    from workbench.store import TriageLog

    src = (Path(__file__).resolve().parents[2] / "workbench" / "examples" / "draft_en_coffee_grinder.txt").read_text(encoding="utf-8")
    v1, v2 = env / "v1" / "grinder.txt", env / "v2" / "grinder.txt"
    for p, text in ((v1, src), (v2, src + "\nThe hopper holds 250 g of beans.\n")):
        p.parent.mkdir()
        p.write_text(text, encoding="utf-8")
    db = env / "log.sqlite"
    for p in (v1, v2):
        assert main(["batch", str(p), "--jobs", "1", "--db", str(db)]) == 0
    with TriageLog.open(db) as log:
        ids = {s.sha256: s.id for s in log.drafts()}
        assert len(ids) == 2 and log.drafts(latest_only=True)[0].level == "clear"
    capsys.readouterr()
    args = ["rescreen", "--db", str(db), "--jobs", "1"] + (["--level", level] if level else [])
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "1 draft(s) re-screened" in out, out
    with TriageLog.open(db) as log:
        latest = log.drafts(latest_only=True)[0].id
        counts = {i: log.draft(i).verdict_count for i in ids.values()}
    assert counts == {i: (2 if i == latest else 1) for i in ids.values()}


def test_a_ctrl_c_during_a_rescreen_says_how_many_new_verdicts_were_recorded(env, capsys, interrupt_at_second_recording):  # noqa: F811
    from pathlib import Path

    examples = Path(__file__).resolve().parents[2] / "workbench" / "examples"
    db = env / "log.sqlite"
    assert main(["batch", str(examples), "--jobs", "1", "--db", str(db)]) == 0
    n = len(list(examples.glob("draft_*.txt")))
    interrupt_at_second_recording()
    capsys.readouterr()
    assert main(["rescreen", "--db", str(db), "--jobs", "1", "--progress", "lines"]) == 130
    err = capsys.readouterr().err
    assert f"Interrupted: 2 draft(s) recorded, {n - 2} not screened." in err, err
