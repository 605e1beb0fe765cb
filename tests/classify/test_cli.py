"""`workbench triage` and `workbench model` on the command line."""

from __future__ import annotations

import json
import re

from tests.cli_samples import DRONE, screen_into_log
from workbench.cli.main import main

DRAFT = """Stealth camouflage net for military vehicles

What is claimed is:
1. A camouflage net comprising radar-absorbing stealth fibres.
2. The camouflage net of claim 1, further comprising infrared-suppressing coating.
"""


def _out(capsys):
    out, err = capsys.readouterr()
    return out, err


def test_text_json_shape(capsys, isolated_env):
    rc = main(["triage", "--no-log", "--json", "--text", "A guided missile with a seeker head and a rocket motor."])
    out, _ = _out(capsys)
    assert rc == 0
    d = json.loads(out)
    assert d["file"] == "<text>" and d["level"] in ("clear", "review", "likely")
    assert d["fields"] and {"id", "likelihood", "status"} <= set(d["fields"][0])
    assert all(isinstance(f["id"], int) and 0 <= f["likelihood"] <= 1 and f["status"] in ("hit", "possible", "no") for f in d["fields"])
    assert d["ipc"] and {"code", "score"} <= set(d["ipc"][0])
    assert d["claims"] == [] and any("whole text" in n for n in d["notes"])


def test_files_json_lines_partial_failure_and_log(capsys, isolated_env, tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(DRAFT, encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text(DRAFT.replace("Stealth camouflage net", "Camouflage net, second version"), encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    db = tmp_path / "log.sqlite"
    rc = main(["triage", "--json", "--db", str(db), str(a), str(bad), str(b)])
    out, err = _out(capsys)
    assert rc == 3
    assert "[E102]" in err and "bad.txt" in err
    lines = [json.loads(x) for x in out.splitlines() if x.strip()]
    assert [x["file"] for x in lines] == [str(a), str(b)]
    claims = lines[0]["claims"]
    assert [c["number"] for c in claims] == [1, 2]
    assert all({"number", "fields", "evidence"} <= set(c) for c in claims)
    ev = [e for c in claims for e in c["evidence"]]
    assert ev and all({"term", "start", "end", "field"} <= set(e) for e in ev)
    from workbench.store import TriageLog

    log = TriageLog.open(db)
    try:
        assert len(log.drafts()) == 2
    finally:
        log.close()


def test_no_log_writes_nothing(capsys, isolated_env, tmp_path):
    db = tmp_path / "nolog.sqlite"
    rc = main(["triage", "--no-log", "--db", str(db), "--text", "A camouflage net."])
    assert rc == 0
    assert not db.exists()
    out, _ = _out(capsys)
    assert "<text>:" in out and "not legal advice" in out


def test_answers_and_thresholds_flags(capsys, isolated_env):
    rc = main(["triage", "--no-log", "--json", "--review", "0", "--likely", "0", "--text", "A kitchen blender."])
    d = json.loads(_out(capsys)[0])
    assert rc == 0 and d["level"] == "likely" and d["thresholds"] == {"review": 0.0, "likely": 0.0}
    rc = main(["triage", "--no-log", "--json", "--defence", "no", "--state", "no", "--text", "A scramjet engine inlet."])
    d = json.loads(_out(capsys)[0])
    assert d["answers"] == {"defence_use": False, "state_commissioned": False}
    rc = main(["triage", "--no-log", "--review", "0.9", "--likely", "0.2", "--text", "x"])
    _, err = _out(capsys)
    assert rc == 2 and "[E901]" in err


def test_many_files_load_the_model_once(capsys, isolated_env, tmp_path):
    from workbench import triage
    from workbench.classify import model as M
    from workbench.cli.triage import run_paths

    paths = []
    for i in range(3):
        p = tmp_path / f"d{i}.txt"
        p.write_text(DRAFT.replace("military", f"military type {i}"), encoding="utf-8")
        paths.append(str(p))
    triage.reset_engines()
    M.clear_cache()
    before = M.LOAD_COUNT["n"]
    assert run_paths(paths, json_out=True, log=False) == 0
    assert M.LOAD_COUNT["n"] == before + 1
    assert len([x for x in capsys.readouterr()[0].splitlines() if x.strip()]) == 3


def test_model_info(capsys):
    assert main(["model", "info"]) == 0
    out, _ = _out(capsys)
    assert "sha256" in out and "held-out" in out
    assert main(["model", "info", "--json"]) == 0
    card = json.loads(_out(capsys)[0])
    assert card["command"].startswith("workbench model train")


def test_model_train_missing_data_is_coded(capsys, tmp_path):
    rc = main(["model", "train", "--data", str(tmp_path / "nowhere"), "--out", str(tmp_path / "m")])
    _, err = _out(capsys)
    assert rc == 2 and "[E404]" in err
    assert not (tmp_path / "m").exists()


def test_guard_refuses_worse_scores():
    from workbench.classify.train import compare

    ok, why = compare({"all": {"recall": 0.98, "top3": 0.6}}, {"all": {"recall": 0.90, "top3": 0.61, "positives": 59}})
    assert not ok and "recall 0.980 -> 0.900" in str(why)
    assert "'recall' が 0.980 から 0.900 に" in why.render("ja") and why.render("ja").startswith("悪化")
    # one record of 59 is noise, two are not
    assert compare({"all": {"recall": 0.983, "top3": 0.6}}, {"all": {"recall": 0.966, "top3": 0.6, "positives": 59}})[0]
    assert not compare({"all": {"recall": 0.983, "top3": 0.6}}, {"all": {"recall": 0.949, "top3": 0.6, "positives": 59}})[0]
    assert not compare({"all": {"recall": 0.98, "top3": 0.6}}, {"all": {"recall": 0.98, "top3": 0.58, "positives": 59}})[0]
    assert compare({"all": {"recall": 0.98, "top3": 0.6}}, {"all": {"recall": 0.98, "top3": 0.6}})[0]
    assert compare(None, {"all": {}})[0]


def _thresholds_used(capsys, *flags):
    rc = main(["triage", "--no-log", "--json", *flags, "--text", "A camouflage net with radar-absorbing fibres."])
    out, err = _out(capsys)
    assert rc == 0, err
    return json.loads(out)["thresholds"], err


def test_thresholds_default_to_the_model_card_when_settings_leave_them_unset(capsys, isolated_env, engine):
    from workbench.settings import Settings, recommended_thresholds, save_settings

    save_settings(Settings(reviewer="someone"))  # a settings file exists, thresholds null
    thr, err = _thresholds_used(capsys)
    card = recommended_thresholds().thresholds
    assert card == engine.thresholds  # the card the dialog shows is what the engine applies
    assert thr == {"review": card.review, "likely": card.likely}
    assert "note:" not in err


def test_thresholds_saved_in_settings_win_over_the_card_even_the_old_builtin_values(capsys, isolated_env, engine):
    """A user who deliberately chose 0.15/0.5 gets 0.15/0.5 (the old sentinel comparison lost them)."""
    from workbench.settings import Settings, save_settings

    assert (engine.thresholds.review, engine.thresholds.likely) != (0.15, 0.5)
    save_settings(Settings(review_threshold=0.15, likely_threshold=0.5))
    thr, err = _thresholds_used(capsys)
    assert thr == {"review": 0.15, "likely": 0.5}
    assert "saved in your settings" in err and f"{engine.thresholds.review:g}" in err


def test_threshold_flags_win_over_settings_one_by_one(capsys, isolated_env, engine):
    from workbench.settings import Settings, save_settings

    save_settings(Settings(review_threshold=0.15, likely_threshold=0.5))
    assert _thresholds_used(capsys, "--review", "0.01")[0] == {"review": 0.01, "likely": 0.5}
    assert _thresholds_used(capsys, "--likely", "0.9")[0] == {"review": 0.15, "likely": 0.9}
    assert _thresholds_used(capsys, "--review", "0.02", "--likely", "0.3")[0] == {"review": 0.02, "likely": 0.3}


def test_a_flag_without_saved_thresholds_pairs_with_the_card(capsys, isolated_env, engine):
    thr, _ = _thresholds_used(capsys, "--likely", "0.9")
    assert thr == {"review": engine.thresholds.review, "likely": 0.9}


def test_a_damaged_settings_file_is_a_coded_error_not_silently_other_thresholds(capsys, isolated_env):
    cfg = isolated_env / "config"
    cfg.mkdir()
    (cfg / "settings.json").write_text(json.dumps({"review_threshold": 0.3}), encoding="utf-8")
    rc = main(["triage", "--no-log", "--text", "A camouflage net."])
    _, err = _out(capsys)
    assert rc == 2 and "[E901]" in err and "settings.json" in err and "likely_threshold" in err


def test_effective_thresholds_precedence_unit():
    from workbench.cli.triage import effective_thresholds
    from workbench.domain import Thresholds

    card, saved = Thresholds(0.001, 0.3), Thresholds(0.15, 0.5)
    assert effective_thresholds(None, None, None, card) == card
    assert effective_thresholds(None, None, saved, card) == saved
    assert effective_thresholds(0.2, None, saved, card) == Thresholds(0.2, 0.5)
    assert effective_thresholds(None, 0.4, None, card) == Thresholds(0.001, 0.4)


def test_text_output_prints_small_thresholds_as_given(capsys, isolated_env):
    """The model card's review threshold is ~0.0006: four decimals showed 0.00063 as 0.0006
    while the reasons below said 0.00063."""
    rc = main(["triage", "--no-log", "--review", "0.00063", "--likely", "0.2722", "--text", "A camouflage net."])
    out, _ = _out(capsys)
    assert rc == 0 and "thresholds: review 0.063% (0.00063), likely 27% (0.2722);" in out


def test_triage_applies_the_rules_folder_saved_in_settings_as_rules_show_does(capsys, isolated_env, tmp_path):
    """'workbench rules show' listed the user's own field from the Settings rules folder,
    but 'workbench triage' screened without it unless --rules-dir was typed again."""
    from workbench.settings import Settings, save_settings

    user = tmp_path / "my-rules"
    user.mkdir()
    (user / "x.yaml").write_text(
        'id: x\nextends: jp-specified-fields\nversion: "x1"\nfields:\n'
        "  - id: 26\n    name_ja: 社内分野\n    name_en: In-house field\n    ipc: [A01B 1/00]\n"
        "    additional_requirement: {applies: false}\n    verified: false\n",
        encoding="utf-8",
    )
    save_settings(Settings(rules_dir=str(user)))
    assert main(["rules", "show", "--json"]) == 0
    assert 26 in [f["id"] for f in json.loads(_out(capsys)[0])]
    assert main(["triage", "--no-log", "--json", "--text", "A plough with a share."]) == 0
    d = json.loads(_out(capsys)[0])
    assert 26 in [f["id"] for f in d["fields"]] and "+user" in d["ruleset"]["version"]


def test_a_malformed_ipc_flag_is_one_error_before_screening_not_one_per_file(capsys, isolated_env, tmp_path):
    """A typo in --ipc failed every file of a batch with the same E301 and exit 3 ('some
    files failed'), as if the drafts were at fault."""
    paths = []
    for i in range(3):
        p = tmp_path / f"d{i}.txt"
        p.write_text(DRAFT, encoding="utf-8")
        paths.append(str(p))
    rc = main(["triage", "--no-log", "--ipc", "B63G 8/00,XYZ", *paths])
    out, err = _out(capsys)
    assert rc == 2 and err.count("[E301]") == 1 and "XYZ" in err and out == ""


def test_field_lines_show_whole_field_names(tmp_path, capsys, monkeypatch):
    # a field name was cut at 60 characters, mid-word ("...autonomous contr")
    out, _ = screen_into_log(tmp_path, capsys, monkeypatch, "en", "drone.txt", DRONE)
    from workbench.rules import load_ruleset  # the names as the rule set gives them

    names = {f.id: f.name_en for f in load_ruleset().fields}
    lines = [line for line in out.splitlines() if re.match(r"  field +\d+ ", line)]
    assert lines, out
    for line in lines:
        fid = int(line.split()[1])
        assert line.rstrip().endswith(names[fid]), line


def test_a_cleared_draft_names_its_nearest_field_and_why_it_is_far(capsys, isolated_env, monkeypatch):
    """The coffee grinder is cleared: the first line calls its top field the *nearest* field
    (not a finding) and the field's block says why it is far (R411 with its reason), in both
    languages; before, a cleared draft's top field was hidden and said 'top field … (no, …)'."""
    from importlib.resources import files

    path = str(files("workbench.examples") / "draft_en_coffee_grinder.txt")
    for lang, nearest, far, top in (("en", "nearest field:", "nearest field, but far from it", "top field:"),
                                    ("ja", "最も近い分野:", "最も近い分野ですが、離れています", "最有力の分野:")):
        monkeypatch.setenv("WORKBENCH_LANG", lang)
        rc = main(["triage", "--no-log", path])
        out, _ = _out(capsys)
        assert rc == 0
        lines = out.splitlines()
        assert lines[1].lstrip().startswith(nearest) and top not in out
        assert any(far in line for line in lines), out


def test_the_top_fields_draft_level_reason_is_shown_after_four_rule_reasons(capsys, isolated_env):
    """The underwater vehicle's top field has four rule reasons before the draft-level one (R417:
    the score and the passage that reads most like a field); only four reasons were printed, so the
    draft-level one never was. A field status reads as what it is (the rule's), never 'possible'
    beside a likely score."""
    from importlib.resources import files

    path = str(files("workbench.examples") / "draft_en_underwater_vehicle.txt")
    rc = main(["triage", "--no-log", path])
    out, _ = _out(capsys)
    assert rc == 0 and out.splitlines()[0].endswith("LIKELY REFERRAL - file in Japan first")
    block = out.split("\n  field ")[1]
    assert "draft-level score" in block and "passage that reads most like a specified field" in block
    assert block.count("\n      - ") >= 5
    assert " possible" not in out and "rule partly met" in out
