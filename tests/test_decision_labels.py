"""The core's Japanese decision labels (used in exports) say what the Japanese UI says."""

import xml.etree.ElementTree as ET
from pathlib import Path

from workbench.domain import DECISION_LABELS, DECISION_LABELS_JA, DECISIONS, LEVEL_LABELS_JA, LEVELS

TS = Path(__file__).resolve().parents[1] / "workbench" / "ui" / "translations" / "workbench_ja.ts"


def test_every_decision_has_both_labels_and_they_match_the_ui_translation():
    assert set(DECISION_LABELS) == set(DECISION_LABELS_JA) == set(DECISIONS)
    ui = {}
    for msg in ET.parse(TS).getroot().iter("message"):
        src, tr = msg.findtext("source"), msg.findtext("translation")
        if src in DECISION_LABELS.values() and tr:
            ui.setdefault(src, set()).add(tr)
    for key, en in DECISION_LABELS.items():
        assert ui.get(en) == {DECISION_LABELS_JA[key]}, (en, ui.get(en))


def test_the_level_labels_match_the_ui_translation():
    assert set(LEVEL_LABELS_JA) == set(LEVELS)
    ui = {}
    for ctx in ET.parse(TS).getroot().iter("context"):
        if ctx.findtext("name") == "Labels":
            for msg in ctx.iter("message"):
                ui[msg.findtext("source")] = msg.findtext("translation")
    for level, ja in LEVEL_LABELS_JA.items():
        assert ui.get(level.capitalize()) == ja, (level, ui.get(level.capitalize()))
