"""The held-out split is fixed and never trained on."""

from __future__ import annotations

from workbench.classify import data as D
from workbench.classify.targets import target_contains


def test_normalise_codes():
    assert D.normalise_code("E02F3/00") == "E02F 3/00"
    assert D.normalise_code("B64C39/024") == "B64C 39/024"
    assert D.normalise_code("F41H0003020000") == "F41H 3/02"
    assert D.normalise_code("G06F") == "G06F"
    assert D.normalise_code("Y10T") is None or D.normalise_code("Y10T") == "Y10T"
    assert D.normalise_code("not a code") is None


def test_split_is_stable_and_keeps_duplicates_together():
    a = D.split_of("Unmanned Aerial Vehicle")
    assert D.split_of("unmanned  aerial vehicle!") == a
    assert {D.split_of(f"title number {i}") for i in range(200)} == {"train", "calib", "test"}


def test_records_split_shares(shared_data):
    titles = D.load_title_table(shared_data)
    recs = D.load_records(shared_data, {k for k in titles if len(k) == 4})
    assert len(recs) > 7000
    share = sum(r.split == "test" for r in recs) / len(recs)
    assert 0.18 < share < 0.32
    by_text = {}
    for r in recs:
        key = D.bucket(r.text)
        by_text.setdefault(key, set()).add(r.split)
    assert all(len(s) == 1 for s in by_text.values())


def test_training_set_holds_no_held_out_text(shared_data):
    from workbench.classify.targets import rule_targets
    from workbench.classify.train import build_training_set
    from workbench.rules import load_ruleset

    rs = load_ruleset()
    titles = D.load_title_table(shared_data)
    recs = D.load_records(shared_data, {k for k in titles if len(k) == 4})
    ts = build_training_set(titles, recs, rs, rule_targets(rs))
    trained = {e.text for e in ts.examples if e.kind == "record"}
    held = {r.text for r in recs if r.split in ("test", "calib")}
    assert trained and not (trained & held)
    kinds = {e.kind for e in ts.examples}
    assert {"definition", "record", "term"} <= kinds
    # Japanese rule terms are training text too
    assert any(any("\u3040" <= ch <= "\u9fff" for ch in e.text) for e in ts.examples if e.kind == "term")


def test_target_contains_uses_ipc_hierarchy():
    assert target_contains("G21C 19/42-19/50", "G21C 19/46")
    assert not target_contains("G21C 19/42-19/50", "G21C 19/52")
    assert target_contains("F41", "F41H 3/02")
    assert target_contains("F41H 3/00", "F41H 3/02")
    assert not target_contains("F41H 3/00", "F41H 5/00")


def test_missing_data_is_a_coded_error(tmp_path):
    import pytest

    from workbench.errors import ModelError

    with pytest.raises(ModelError) as exc:
        D.load_records(tmp_path)
    assert exc.value.code == "E404"


def test_annotations_become_labelled_examples(shared_data):
    from workbench.classify.targets import rule_targets
    from workbench.classify.train import build_training_set
    from workbench.rules import load_ruleset
    from workbench.store import AnnotationExample

    rs = load_ruleset()
    titles = D.load_title_table(shared_data)
    fid = next(f.id for f in rs.fields if any("F41H 3/00" in e.text for e in f.ipc))
    notes = [
        AnnotationExample("A net that hides a tank from radar.", fid, "agree", None, "en"),
        AnnotationExample("A kettle with a whistle.", None, "disagree", "A47J 27/21", "en"),
        AnnotationExample("Some claim.", fid, "disagree", None, "en"),  # no label: contributes nothing
    ]
    ts = build_training_set(titles, [], rs, rule_targets(rs), notes)
    ann = [e for e in ts.examples if e.kind == "annotation"]
    assert len(ann) == 2
    assert "F41H 3/00" in ann[0].labels and f"field:{fid}" in ann[0].labels
    assert ann[1].labels == frozenset({"A47J"})
