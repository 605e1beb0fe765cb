"""`workbench triage` on the bundled drafts, in both languages: the IPC line lists only suggestions
that reach the confidence floor (else says there is none), the claims' scores are introduced as
each claim read alone, and every likelihood is a percentage as the window shows it."""

from __future__ import annotations

import re

import pytest

from workbench.classify.suggest_floor import CONFIDENCE_FLOOR
from workbench.cli.main import main
from workbench.resources import examples_dir

RAW_DECIMAL = re.compile(r"(?<![\w.])0\.\d{2,}")


def _triage(capsys, monkeypatch, lang, name, *extra):
    monkeypatch.setenv("WORKBENCH_LANG", lang)
    assert main(["triage", "--no-log", *extra, str(examples_dir() / name)]) == 0
    return capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_grinders_noise_is_not_listed_and_the_claims_are_introduced(capsys, monkeypatch, isolated_env, lang):
    lines = _triage(capsys, monkeypatch, lang, "draft_en_coffee_grinder.txt")
    ipc = next(ln for ln in lines if ln.startswith(("  predicted IPC:", "  予測IPC:")))
    assert ("no confident suggestion" if lang == "en" else "確度の高い候補なし") in ipc
    assert not re.search(r"\b[A-H]\d\d[A-Z]\b", ipc)  # no subclass listed (H04N, G06F at 6 % were)
    intro = next(i for i, ln in enumerate(lines) if ("read alone" in ln if lang == "en" else "単独で読んだ" in ln))
    first_claim = next(i for i, ln in enumerate(lines) if ln.startswith(("  claim 1:", "  請求項1:")))
    assert intro == first_claim - 1


def test_confident_suggestions_are_listed_as_percentages_and_none_under_the_floor(capsys, monkeypatch, isolated_env):
    lines = _triage(capsys, monkeypatch, "en", "draft_en_underwater_vehicle.txt")
    ipc = next(ln for ln in lines if ln.startswith("  predicted IPC:"))
    listed = re.findall(r"([A-H]\d\d[A-Z](?: \d+/\d+)?) (<1|>99|\d+)%", ipc)
    assert listed and listed[0][0] == "B63G 8/00"
    assert all(p in (">99",) or int(p) >= round(CONFIDENCE_FLOOR * 100) for _, p in listed)
    import json

    assert main(["triage", "--no-log", "--json", str(examples_dir() / "draft_en_underwater_vehicle.txt")]) == 0
    d = json.loads(capsys.readouterr().out)  # the JSON keeps every suggestion with its score (machines choose)
    assert [x["code"] for x in d["ipc"] if x["score"] >= CONFIDENCE_FLOOR][:5] == [c for c, _ in listed]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_likelihoods_in_reasons_and_lines_are_percentages(capsys, monkeypatch, isolated_env, lang):
    """The seeker's field 17 reason read 'likelihood 0.253 is at or above the review threshold 0.1081'
    and its claims '0.009' where the window shows '1%'."""
    lines = _triage(capsys, monkeypatch, lang, "draft_ja_ir_seeker.txt")
    body = [ln for ln in lines if not ln.startswith(("  thresholds:", "  しきい値:"))]  # the Settings values, as typed
    assert not [ln for ln in body if RAW_DECIMAL.search(ln)]
    f17 = next(i for i, ln in enumerate(lines) if re.match(r"  (field|分野) 17 ", ln))
    assert re.match(r"  (field|分野) 17 +\d+% ", lines[f17])
    predicted = lines[f17 + 1]  # its predicted code and likelihood, as the window shows them
    assert re.search(r"H01L 31/0352 ?[(（](確度 )?\d+%[)）].*(likelihood|該当可能性) \d+%", predicted), predicted
    share = next(ln for ln in lines[f17:] if "share of the draft-level score" in ln or "この分野の分" in ln)
    assert re.search(r"[(（]\d+%[)）]", share)  # its share (R418), not flagged by itself


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_claims_terms_say_where_they_stand_and_how_often(capsys, monkeypatch, isolated_env, lang):
    """The claim lines printed '"pressure hull"@47, "pressure hull"@96, ...' (a 0-based offset
    per occurrence): now each term once, where it first stands in the claim counted from 1,
    and how often it occurs."""
    from workbench import triage
    from workbench.ingest import read_draft

    lines = _triage(capsys, monkeypatch, lang, "draft_en_underwater_vehicle.txt")
    claim1 = next(ln for ln in lines if ln.startswith(("  claim 1:", "  請求項1:")))
    assert "@" not in claim1
    verdict = triage.screen_draft(read_draft(examples_dir() / "draft_en_underwater_vehicle.txt"))
    hull = sorted(e.start for e in verdict.claim_verdicts[0].evidence if e.term == "pressure hull")
    assert len(hull) >= 2  # the first claim names it more than once
    if lang == "en":
        m = re.search(r"“pressure hull” \((\d+) times, first at character (\d+)\)", claim1)
    else:
        m = re.search(r"「pressure hull」（(\d+)回、最初は(\d+)文字目）", claim1)
    assert m, claim1
    assert (int(m.group(1)), int(m.group(2))) == (len(hull), hull[0] + 1)
    assert claim1.count("pressure hull") == 1  # once, not once per occurrence
