"""`workbench log ...` end to end through the real dispatcher."""

from __future__ import annotations

import json

import pytest
from factories import make_verdict

from workbench.cli.main import main
from workbench.store import TriageLog
from workbench.store.schema import LATEST
from tests.cli_samples import DRONE, JA_RAILGUN, screen_into_log


@pytest.fixture
def db(populated, log_ref):
    log, ids = populated
    log.close()
    return str(log_ref), ids


def run(capsys, *argv):
    rc = main(list(argv))
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return rc, out.out, out.err


def test_list_and_json(db, capsys):
    path, (a, b, c) = db
    rc, out, _ = run(capsys, "log", "list", "--db", path)
    assert rc == 0 and "uav.txt" in out and "無人機.txt" in out and "undecided" in out
    rc, out, _ = run(capsys, "log", "list", "--db", path, "--json", "--level", "likely")
    data = json.loads(out)
    assert [d["id"] for d in data] == [b] and data[0]["top_field_name_ja"] == "無人航空機"


def test_decide_show_due_export_verify(db, capsys, tmp_path, recorded):
    path, (a, b, c) = db
    rc, out, _ = run(
        capsys, "log", "decide", str(b), "--db", path, "--decision", "file_jp_first", "--rationale", "第5分野",
        "--completed-in-japan", "yes", "--countries", "US,EP", "--jp-filing-date", "2024-01-31", "--reviewer", "山田",
    )
    assert rc == 0 and "2024-04-30" in out and "2024-11-30" in out
    with TriageLog.open(path) as lg:
        d = lg.draft(b).decision
    assert (d.decision, d.rationale, d.completed_in_japan, d.planned_countries, d.reviewer) == (
        "file_jp_first", "第5分野", True, ("US", "EP"), recorded("山田"))
    rc, out, _ = run(capsys, "log", "show", str(b), "--db", path)
    assert rc == 0 and "第5分野" in out and "File in Japan first" in out and "claims (2; each claim's fields read it alone" in out
    rc, out, _ = run(capsys, "log", "show", str(b), "--db", path, "--json")
    assert json.loads(out)["decision"]["rationale"] == "第5分野"
    rc, out, _ = run(capsys, "log", "due", "--db", path, "--days", "30", "--today", "2024-04-15")
    assert rc == 0 and "無人機.txt" in out
    rc, out, _ = run(capsys, "log", "due", "--db", path, "--days", "5", "--today", "2024-06-01")
    assert rc == 0 and "No key dates" in out
    out_file = tmp_path / "e.csv"
    rc, out, _ = run(capsys, "log", "export", "--db", path, "--format", "csv", "--out", str(out_file), "--reviewer", recorded("山田"))
    assert rc == 0 and "Wrote 1 decision" in out and out_file.exists()
    rc, out, _ = run(capsys, "log", "verify", "--db", path)
    assert rc == 0 and "OK" in out


def test_annotate_and_history(db, capsys):
    path, (a, b, c) = db
    rc, out, _ = run(capsys, "log", "annotate", str(a), "--db", path, "--claim", "1", "--field", "5", "--disagree",
                     "--note", "civil", "--ipc", "b64u10/00")
    assert rc == 0 and "disagree" in out
    with TriageLog.open(path) as lg:
        ann = lg.draft(a).annotations[-1]
    assert (ann.claim_number, ann.field_id, ann.verdict, ann.note, ann.corrected_ipc) == (1, 5, "disagree", "civil", "B64U 10/00")
    rc, out, _ = run(capsys, "log", "history", str(a), "--db", path)
    assert rc == 0 and "annotation.added" in out


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["log", "decide", "99", "--decision", "hold", "--rationale", "x"], "[E507]"),
        (["log", "decide", "1", "--decision", "hold", "--rationale", "  "], "[E506]"),
        (["log", "decide", "1", "--decision", "hold", "--rationale", "x", "--jp-filing-date", "2024-02-31"], "[E508]"),
        (["log", "decide", "1", "--decision", "hold", "--rationale", "x", "--completed-in-japan", "maybe"], "[E508]"),
        (["log", "annotate", "1", "--claim", "9", "--field", "5", "--agree"], "[E508]"),
        (["log", "annotate", "1", "--claim", "1", "--field", "5", "--agree", "--ipc", "nonsense"], "[E301]"),
        (["log", "export", "--format", "csv", "--out", "/nonexistent-dir/x.csv"], "[E601]"),
        (["log", "show", "ffffffffff"], "[E507]"),
    ],
)
def test_bad_input_gives_coded_errors(db, capsys, argv, code):
    path, _ = db
    rc, out, err = run(capsys, *argv, "--db", path)
    assert rc == 2 and code in err


def test_newer_log_via_cli_is_e503(db_path, capsys):
    with TriageLog.open(db_path) as lg:
        lg.record_verdict(make_verdict())
        lg.conn.execute("INSERT INTO migrations VALUES (?, 'future', 'x')", [LATEST + 1])
    rc, out, err = run(capsys, "log", "list", "--db", str(db_path))
    assert rc == 2 and "[E503]" in err


def test_default_db_from_environment(isolated_settings, capsys):
    rc, out, _ = run(capsys, "log", "list")
    assert rc == 0 and "no drafts" in out
    assert (isolated_settings / "default-log.sqlite").exists()


def test_log_without_subcommand_prints_help(capsys):
    rc, out, _ = run(capsys, "log")
    assert rc == 2 and "decide" in out


@pytest.mark.sqlite_only  # a team log is backed up on its server (E557: tests/store/test_team_roles.py)
def test_backup_and_history_json(db, capsys, tmp_path):
    path, (a, b, c) = db
    out_file = tmp_path / "copy.sqlite"
    rc, out, _ = run(capsys, "log", "backup", "--db", path, "--out", str(out_file))
    assert rc == 0 and out_file.exists()
    with TriageLog.open(out_file) as copy:
        assert len(copy.drafts()) == 3 and copy.verify().ok
    rc, out, _ = run(capsys, "log", "history", "--db", path, "--json")
    events = json.loads(out)
    assert events[0]["kind"] == "schema.migrated" and all(len(e["hash"]) == 64 for e in events)
    assert [e["prev_hash"] for e in events[1:]] == [e["hash"] for e in events[:-1]]


@pytest.mark.parametrize("sub", [["list"], ["verify"], ["show", "1"], ["due"], ["history"],
                                 ["export", "--format", "csv", "--out", "OUT"]])
def test_a_mistyped_db_path_is_an_error_not_a_new_empty_log(tmp_path, capsys, sub):
    missing = tmp_path / "typo.sqlite"
    argv = [str(tmp_path / "out.csv") if a == "OUT" else a for a in sub]
    rc, out, err = run(capsys, "log", *argv, "--db", str(missing))
    assert rc == 2 and "[E512]" in err and str(missing) in err
    assert not missing.exists() and "OK" not in out


def test_a_small_likelihood_is_not_shown_as_zero(db_path, capsys):
    """The model card's review threshold is ~0.0006, so a 'review' draft can have a top
    likelihood of 0.0042; '0.00' beside 'review' contradicted the level."""
    with TriageLog.open(db_path) as lg:
        d = lg.record_verdict(make_verdict("grinder.txt", level="review", likelihood=0.0042))
    rc, out, _ = run(capsys, "log", "list", "--db", str(db_path))
    # as the window, the report and `triage` show it (one format for likelihoods): "<1%", never "0%"
    assert rc == 0 and "<1%" in out and " 0% " not in out and " 0.00 " not in out
    rc, out, _ = run(capsys, "log", "show", str(d), "--db", str(db_path))
    assert rc == 0 and "rule partly met <1%" in out


def test_a_likelihood_just_under_one_is_not_shown_as_one(db_path, capsys):
    """`log list` printed the Japanese seeker draft's 0.9961 as '1.00' (the window: '>99%')."""
    from workbench.domain import percent_text

    assert [percent_text(x) for x in (0.9961, 0.99951, 0.5, 0.0042)] == [">99%", ">99%", "50%", "<1%"]
    with TriageLog.open(db_path) as lg:
        lg.record_verdict(make_verdict("seeker.txt", level="likely", likelihood=0.9961))
    rc, out, _ = run(capsys, "log", "list", "--db", str(db_path))
    assert rc == 0 and ">99%" in out and "100%" not in out and " 1.00 " not in out


def test_show_keeps_each_claim_on_its_line(db_path, capsys):
    """Claim text keeps the draft's line breaks; printed raw they broke the indented listing."""
    with TriageLog.open(db_path) as lg:
        d = lg.record_verdict(make_verdict("v.txt", claims=("A vehicle comprising:\na hull;\nand a sonar.",)))
    rc, out, _ = run(capsys, "log", "show", str(d), "--db", str(db_path))
    assert rc == 0 and "A vehicle comprising: a hull; and a sonar." in out
    assert not any(line.startswith(("a hull", "and a sonar")) for line in out.splitlines())


def test_decide_reads_countries_as_the_decision_panel_does(db, capsys):
    path, (a, b, c) = db
    rc, out, err = run(capsys, "log", "decide", str(a), "--db", path, "--decision", "hold", "--rationale", "x",
                       "--countries", "us、ＥＰ，cn")
    assert rc == 0, err
    with TriageLog.open(path) as lg:
        assert lg.draft(a).decisions[-1].planned_countries == ("US", "EP", "CN")
    rc, _, err = run(capsys, "log", "decide", str(a), "--db", path, "--decision", "hold", "--rationale", "x",
                     "--countries", "US, Germany")
    assert rc == 2 and "[E508]" in err and "GERMANY" in err.upper()


def test_due_refuses_a_negative_or_absurd_horizon(tmp_path, capsys):
    import pytest as _pytest

    from workbench.cli.main import main

    for bad in ("-5", "0", "abc", "99999"):
        with _pytest.raises(SystemExit) as exit_:
            main(["log", "due", "--db", str(tmp_path / "log.sqlite"), "--days", bad])
        assert exit_.value.code == 2
        assert "--days" in capsys.readouterr().err


def test_decide_stores_residences_read_as_filing_check_reads_them(db, capsys):
    path, (a, b, c) = db
    rc, out, err = run(capsys, "log", "decide", str(a), "--db", path, "--decision", "hold", "--rationale", "given",
                       "--residence", "jp、ＩＮ, jp")
    assert rc == 0, err
    assert "residences: JP, IN" in out
    run(capsys, "log", "decide", str(b), "--db", path, "--decision", "hold", "--rationale", "omitted")
    run(capsys, "log", "decide", str(c), "--db", path, "--decision", "hold", "--rationale", "empty", "--residences", "")
    with TriageLog.open(path) as lg:
        got = {d.rationale: d.residences for d in lg.decisions()}
    assert got == {"given": ("JP", "IN"), "omitted": None, "empty": ()}
    rc, out, _ = run(capsys, "log", "show", str(a), "--db", path)
    assert "residences: JP, IN" in out
    rc, out, _ = run(capsys, "log", "show", str(b), "--db", path)
    assert "residences: not recorded" in out
    rc, out, _ = run(capsys, "log", "show", str(c), "--db", path)
    assert "residences: none given" in out
    rc, out, _ = run(capsys, "log", "show", str(a), "--db", path, "--json")
    assert json.loads(out)["decision"]["residences"] == ["JP", "IN"]


@pytest.mark.parametrize("junk", ["JP, India", "1", "J P X", "XX", "JPX"])  # JPN is alpha-3 for JP: accepted
def test_decide_refuses_junk_residences_with_e901_and_records_nothing(db, capsys, junk):
    path, (a, _, _) = db
    rc, out, err = run(capsys, "log", "decide", str(a), "--db", path, "--decision", "hold", "--rationale", "x",
                       "--residence", junk)
    assert rc == 2 and "[E901]" in err and "--residence" in err and "Traceback" not in err
    with TriageLog.open(path) as lg:
        assert lg.decisions() == [] and lg.verify().ok


def test_decide_stores_completed_abroad_beside_the_japan_answer(db, capsys):
    path, (a, b, c) = db
    rc, out, err = run(capsys, "log", "decide", str(a), "--db", path, "--decision", "hold", "--rationale", "partly",
                       "--completed-in-japan", "yes", "--completed-abroad", "us、ＣＮ, us")
    assert rc == 0, err
    assert "completed abroad in: US, CN" in out
    run(capsys, "log", "decide", str(b), "--db", path, "--decision", "hold", "--rationale", "omitted",
        "--completed-in-japan", "no")
    run(capsys, "log", "decide", str(c), "--db", path, "--decision", "hold", "--rationale", "empty",
        "--completed-in-japan", "no", "--completed-abroad", "")
    with TriageLog.open(path) as lg:
        got = {d.rationale: (d.completed_in_japan, d.completed_abroad) for d in lg.decisions()}
        assert lg.verify().ok
    assert got == {"partly": (True, ("US", "CN")), "omitted": (False, None), "empty": (False, ())}
    rc, out, _ = run(capsys, "log", "show", str(a), "--db", path)
    assert "completed in Japan: yes; completed abroad: US, CN;" in out
    rc, out, _ = run(capsys, "log", "show", str(b), "--db", path)
    assert "completed in Japan: no; completed abroad: not recorded;" in out
    rc, out, _ = run(capsys, "log", "show", str(c), "--db", path)
    assert "completed abroad: none given" in out
    rc, out, _ = run(capsys, "log", "show", str(a), "--db", path, "--json")
    assert json.loads(out)["decision"]["completed_abroad"] == ["US", "CN"]


@pytest.mark.parametrize("junk", ["US, America", "1", "U S A", "XX", "JP", "US,jp", "JPN"])  # USA is accepted (alpha-3)
def test_decide_refuses_junk_or_japan_as_completed_abroad_with_e901_and_records_nothing(db, capsys, junk):
    path, (a, _, _) = db
    rc, out, err = run(capsys, "log", "decide", str(a), "--db", path, "--decision", "hold", "--rationale", "x",
                       "--completed-in-japan", "no", "--completed-abroad", junk)
    assert rc == 2 and "[E901]" in err and "--completed-abroad" in err
    if "JP" in junk.upper():
        assert "--completed-in-japan yes" in err  # says where Japan goes instead
    with TriageLog.open(path) as lg:
        assert lg.decisions() == [] and lg.verify().ok


def test_completed_in_japan_still_takes_yes_no_unknown_and_refuses_junk(db, capsys):
    path, (a, _, _) = db
    for answer, stored in (("yes", True), ("いいえ", False), ("unknown", None)):
        rc, _, err = run(capsys, "log", "decide", str(a), "--db", path, "--decision", "hold", "--rationale", answer,
                         "--completed-in-japan", answer)
        assert rc == 0, err
    rc, _, err = run(capsys, "log", "decide", str(a), "--db", path, "--decision", "hold", "--rationale", "bad",
                     "--completed-in-japan", "abroad", "--completed-abroad", "US")
    assert rc == 2 and "[E508]" in err
    with TriageLog.open(path) as lg:
        assert [(d.rationale, d.completed_in_japan) for d in lg.decisions()] == [
            ("yes", True), ("いいえ", False), ("unknown", None)]


def test_export_format_follows_the_out_files_extension(db, capsys, tmp_path):
    path, (a, b, c) = db
    assert run(capsys, "log", "decide", str(b), "--db", path, "--decision", "hold", "--rationale", "wait")[0] == 0
    rc, out, _ = run(capsys, "log", "export", "--db", path, "-o", str(tmp_path / "d.xlsx"))
    assert rc == 0 and (tmp_path / "d.xlsx").read_bytes()[:2] == b"PK"  # an xlsx is a zip
    rc, _, _ = run(capsys, "log", "export", "--db", path, "--out", str(tmp_path / "d.JSON"))
    assert rc == 0 and json.loads((tmp_path / "d.JSON").read_text(encoding="utf-8"))["decisions"][0]["decision"] == "hold"
    # an explicit --format wins over the extension
    rc, _, _ = run(capsys, "log", "export", "--db", path, "--format", "csv", "-o", str(tmp_path / "d.txt"))
    assert rc == 0 and "decision_id" in (tmp_path / "d.txt").read_text(encoding="utf-8-sig")


def test_export_without_a_format_says_how_and_writes_nothing(db, capsys, tmp_path):
    path, _ = db
    rc, _, err = run(capsys, "log", "export", "--db", path, "-o", str(tmp_path / "decisions"))
    assert rc == 2 and "[E901]" in err and "--format" in err
    assert not (tmp_path / "decisions").exists()


def test_field_names_follow_the_users_language(db, capsys, monkeypatch):
    path, (a, b, c) = db
    monkeypatch.setenv("WORKBENCH_LANG", "ja")
    _, out_ja, _ = run(capsys, "log", "show", str(b), "--db", path)
    monkeypatch.setenv("WORKBENCH_LANG", "en")
    _, out_en, _ = run(capsys, "log", "show", str(b), "--db", path)
    field_line = [ln for ln in out_ja.splitlines() if ln.strip().startswith("分野") and "（" in ln][0]
    assert "無人航空機" in field_line and "Unmanned aerial vehicles" not in field_line
    field_line = [ln for ln in out_en.splitlines() if ln.strip().startswith("field") and "(" in ln][0]
    assert "Unmanned aerial vehicles" in field_line and "無人航空機" not in field_line
    assert out_en.count("\n") == out_ja.count("\n")  # the same record, only the names differ


def _log(db_path):
    with TriageLog.open(db_path, reviewer="tester") as log:
        log.record_verdict(make_verdict())
    return str(db_path)


def test_an_existing_backup_file_is_not_overwritten(db_path, tmp_path, capsys):
    db = _log(db_path)
    out = tmp_path / "b.sqlite"
    out.write_bytes(b"keep me")
    assert main(["log", "backup", "--db", db, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "[E513]" in err and str(out) in err and "--out" in err and "--db" not in err
    assert out.read_bytes() == b"keep me"


def test_a_missing_folder_is_named_in_japanese(db_path, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("WORKBENCH_LANG", "ja")
    db = _log(db_path)
    out = tmp_path / "no-such-folder" / "b.sqlite"
    assert main(["log", "backup", "--db", db, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "[E513]" in err and f"フォルダー {out.parent} が存在しません" in err and "--out" in err
    assert not out.parent.exists()
    with TriageLog.open(db) as log:
        assert log.verify().ok and len(log.drafts()) == 1


def test_a_period_that_ends_before_it_starts_is_refused(db_path, tmp_path, capsys, monkeypatch):
    db = _log(db_path)
    out = tmp_path / "period.csv"
    argv = ["--db", db, "--since", "2026-12-01", "--until", "2026-01-01"]
    assert main(["log", "export", "-o", str(out), *argv]) == 2
    assert "[E901]" in capsys.readouterr().err and not out.exists()  # no export 'of 0 decisions'
    monkeypatch.setenv("WORKBENCH_LANG", "ja")
    assert main(["log", "list", *argv]) == 2
    err = capsys.readouterr().err
    assert "2026-12-01" in err and "終了日より後" in err
    assert main(["log", "export", "-o", str(out), "--db", db, "--since", "2026-01-01", "--until", "2026-12-31"]) == 0
    assert out.exists()


def test_export_to_a_file_without_a_known_ending_names_it_in_japanese(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    out = tmp_path / "decisions.txt"
    assert main(["log", "export", "--db", str(tmp_path / "log.sqlite"), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "[E901]" in err and str(out) in err and "--format" in err
    assert "give --format" not in err  # the reason is in Japanese too, not only the frame
    assert ".xlsx" in err and not out.exists()


def test_log_show_names_the_file_format_in_japanese(tmp_path, capsys, monkeypatch):
    # 草稿 1: レールガン.txt（text、日本語）: the format was the reader's internal name
    _, db = screen_into_log(tmp_path, capsys, monkeypatch, "ja", "レールガン.txt", JA_RAILGUN.replace("\n", "\r\n"), "shift_jis")
    assert main(["log", "show", "1", "--db", str(db)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert "（テキスト、日本語）" in first and "text" not in first
    monkeypatch.setenv("WORKBENCH_LANG", "en")
    assert main(["log", "show", "1", "--db", str(db)]) == 0
    assert "(text, ja)" in capsys.readouterr().out.splitlines()[0]


def test_log_show_says_when_no_jp_filing_date_is_recorded(tmp_path, capsys, monkeypatch):
    # "JP filing - -> review due -, 10 months without designation -": three dashes to decode
    _, db = screen_into_log(tmp_path, capsys, monkeypatch, "en", "drone.txt", DRONE)
    assert main(["log", "decide", "1", "--db", str(db), "--decision", "hold", "--rationale", "waiting"]) == 0
    for lang, said in (("en", "no JP filing date recorded"), ("ja", "日本の出願日は記録されていません")):
        monkeypatch.setenv("WORKBENCH_LANG", lang)
        capsys.readouterr()
        assert main(["log", "show", "1", "--db", str(db)]) == 0
        out = capsys.readouterr().out
        assert said in out and "-> review due -" not in out and "→ 一次審査期限 -" not in out


def test_decide_help_names_every_answer_completed_in_japan_takes(capsys, monkeypatch):
    # the synopsis said 'yes|no' while the option takes 'unknown' too (its help said so)
    monkeypatch.setenv("WORKBENCH_LANG", "en")
    with pytest.raises(SystemExit):
        main(["log", "decide", "--help"])
    assert "--completed-in-japan yes|no|unknown" in " ".join(capsys.readouterr().out.split())
