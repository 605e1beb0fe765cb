"""What a training run and the model card tell a person are coded messages: ``workbench
model train``'s progress lines, the guard's comparison and the card's notes follow
WORKBENCH_LANG (``model info`` shows the notes in Japanese)."""

from __future__ import annotations

import ast
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.i18n.test_cli_ja_output import english_words
from workbench.classify import train as T
from workbench.cli.main import main
from workbench.messages import Message, from_stored
from workbench.messages import model as MD

ROOT = Path(__file__).resolve().parents[2]
TRAINING = [ROOT / "workbench" / "classify" / "train.py", ROOT / "workbench" / "classify" / "draft_train.py"]


@pytest.mark.parametrize("path", TRAINING, ids=lambda p: p.name)
def test_every_progress_line_of_training_is_a_coded_message(path: Path):
    calls = [n for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "log" and n.args]
    assert calls, f"{path.name} logs nothing: the check would pass on nothing"
    plain = [ast.unparse(c)[:80] for c in calls
             if not (isinstance(c.args[0], ast.Call) and isinstance(c.args[0].func, ast.Name) and c.args[0].func.id == "msg")]
    assert not plain, f"progress lines written as text in {path.name}: {plain}"


def test_a_fitting_step_says_its_progress_in_both_languages():
    from workbench.classify.features import FEATURE_PARAMS, Featurizer
    from workbench.rules import load_ruleset

    rs = load_ruleset()
    records = [SimpleNamespace(text="Camouflage net for aircraft concealment", codes=("F41H 3/00",)),
               SimpleNamespace(text="A rice cooker with a steam valve", codes=("A47J 27/00",))]
    said: list = []
    head = T.fit_head(Featurizer(**FEATURE_PARAMS), records, rs, log=said.append)
    assert head is not None and len(said) == 1 and isinstance(said[0], Message) and said[0].code == MD.I472
    assert str(said[0]) == "sensitivity head: 1/2 sensitive training records, " + f"{said[0].get('weights')} weights"
    ja = said[0].render("ja")
    assert ja.startswith("感度ヘッド: 該当する学習レコード 1/2 件") and not english_words(ja)
    said.clear()
    T.fit_head(Featurizer(**FEATURE_PARAMS), records[1:], rs, log=said.append)
    assert [m.code for m in said] == [MD.I471] and not english_words(said[0].render("ja"))


def test_the_guards_comparison_is_coded():
    ok, why = T.compare(None, {"all": {}})
    assert ok and why.code == MD.I477 and why.render("ja") == "以前のスコアはありません"
    ok, why = T.compare({"all": {"recall": 0.98, "top3": 0.6}}, {"all": {"recall": 0.98, "top3": 0.61}})
    assert ok and str(why) == "not worse (recall 0.98 -> 0.98, top3 0.6 -> 0.61)"
    assert why.render("ja") == "悪化していません（'recall' が 0.98 から 0.98 に、'top3' が 0.6 から 0.61 に）"
    ok, why = T.compare({"drafts": {"portfolio_clear": 0.95}}, {"drafts": {"portfolio_clear": 0.90}})
    assert not ok and str(why) == "worse: drafts portfolio_clear 0.950 -> 0.900"


def test_the_shipped_cards_notes_are_coded_and_read_in_japanese(capsys, monkeypatch):
    card = json.loads((ROOT / "models" / "ipc_model.card.json").read_text(encoding="utf-8"))
    notes = [from_stored(n) for n in card["notes"]]
    assert [n.code for n in notes if isinstance(n, Message)] == list(MD.CARD_NOTES)
    assert all(n["en"] == str(from_stored(n)) for n in card["notes"])  # the audit copy is the English
    monkeypatch.setenv("WORKBENCH_LANG", "ja")
    assert main(["model", "info"]) == 0
    out = capsys.readouterr().out
    shown = [line for line in out.splitlines() if line.startswith("注記: ")]
    assert len(shown) == len(MD.CARD_NOTES)
    assert not english_words("\n".join(shown)), english_words("\n".join(shown))
    assert "判定の段階は草稿単位のスコア" in out and "Levels come from" not in out


def test_an_older_card_with_english_notes_is_still_shown(tmp_path, capsys):
    folder = tmp_path / "m"
    folder.mkdir()
    card = json.loads((ROOT / "models" / "ipc_model.card.json").read_text(encoding="utf-8"))
    card["notes"] = ["A note written before notes were coded."]
    (folder / "ipc_model.card.json").write_text(json.dumps(card), encoding="utf-8")
    assert main(["model", "info", "--dir", str(folder)]) == 0
    assert "note: A note written before notes were coded." in capsys.readouterr().out


def test_the_training_example_counts_name_their_kinds_in_words():
    """``model train`` printed 'training examples: I464 8809, I465 4009': the kinds' codes, not their names."""
    from workbench.messages import msg

    line = msg(MD.I462, counts=T.example_counts({"definition": 8809, "record": 4009, "term": 616}))
    assert line.render("en") == "training examples: definitions 8809, records 4009, evidence terms 616"
    assert "I46" not in line.render("ja") and "IPC の定義 8809 件" in line.render("ja")
