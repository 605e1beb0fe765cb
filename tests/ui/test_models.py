"""The item models, tested without a window."""

from __future__ import annotations

from PySide6.QtCore import Qt

from workbench.domain import Claim, ClaimSet, ClaimVerdict, FieldVerdict
from workbench.ui.models.claims import CLAIM_NUMBER_ROLE, ClaimTreeModel, FieldTableModel
from workbench.ui.models.history import HistoryFilterProxy, HistoryModel
from workbench.ui.models.queue import (
    COL_DECISION,
    COL_LEVEL,
    COL_LIKELIHOOD,
    COL_NAME,
    LEVEL_ROLE,
    N_COLUMNS,
    ROW_ROLE,
    QueueFilterProxy,
    QueueModel,
)
from workbench.ui.rows import HistoryRow, QueueRow

ROWS = [
    QueueRow("db:1", "grinder.txt", level="clear", top_field_id=3, top_field="3. Lasers", likelihood=0.02),
    QueueRow("db:2", "uuv.txt", level="likely", top_field_id=9, top_field="9. Unmanned underwater vehicles", likelihood=0.81, decision="file_jp_first"),
    QueueRow("db:3", "detector.txt", level="review", top_field_id=21, top_field="21. Quantum dot detectors", likelihood=0.33),
]


def test_queue_model_shape_display_and_roles(qapp):
    m = QueueModel(ROWS)
    assert m.rowCount() == 3 and m.columnCount() == N_COLUMNS
    idx = m.index(1, COL_LIKELIHOOD)
    assert m.data(idx) == "81%"
    assert m.data(m.index(1, COL_DECISION)) == "File in Japan first (Art. 78)"
    assert m.data(m.index(1, COL_NAME), ROW_ROLE) is ROWS[1]
    assert m.data(m.index(2, COL_LEVEL), LEVEL_ROLE) == "review"
    assert m.headerData(COL_LEVEL, Qt.Orientation.Horizontal) == "Triage level"
    assert m.data(m.index(5, 0)) is None  # out of range


def test_queue_upsert_replaces_by_key_and_appends_new(qapp):
    m = QueueModel(ROWS)
    inserted = []
    m.rowsInserted.connect(lambda *a: inserted.append(a))
    m.upsert(QueueRow("db:3", "detector.txt", level="likely", likelihood=0.6))
    assert m.rowCount() == 3 and m.row_at(2).level == "likely" and not inserted
    m.upsert(QueueRow("db:4", "new.txt", level="clear"))
    assert m.rowCount() == 4 and len(inserted) == 1


def test_proxy_sorts_by_level_rank_and_likelihood_not_text(qapp):
    m = QueueModel(ROWS)
    p = QueueFilterProxy()
    p.setSourceModel(m)
    p.sort(COL_LEVEL, Qt.SortOrder.DescendingOrder)
    assert [p.data(p.index(r, 0), ROW_ROLE).level for r in range(3)] == ["likely", "review", "clear"]
    p.sort(COL_LIKELIHOOD, Qt.SortOrder.AscendingOrder)
    assert [p.data(p.index(r, 0), ROW_ROLE).key for r in range(3)] == ["db:1", "db:3", "db:2"]


def test_proxy_filters_by_search_level_and_undecided(qapp):
    m = QueueModel(ROWS)
    p = QueueFilterProxy()
    p.setSourceModel(m)
    p.set_search("underwater")
    assert p.rowCount() == 1 and p.data(p.index(0, 0), ROW_ROLE).key == "db:2"
    p.set_search("japan first")  # matches the decision label
    assert p.rowCount() == 1
    p.set_search("")
    p.set_levels(["review", "likely"])
    assert p.rowCount() == 2
    p.set_undecided_only(True)
    assert p.rowCount() == 1 and p.data(p.index(0, 0), ROW_ROLE).key == "db:3"


def _claims():
    return ClaimSet(
        (
            Claim(1, "A vehicle comprising a hull.", True),
            Claim(2, "The vehicle of claim 1, with sonar.", False, (1,)),
            Claim(3, "The vehicle of claim 2, with a battery.", False, (2,)),
            Claim(4, "A method of navigating.", True, category="method"),
            Claim(5, "The vehicle or method of claim 1 or 4.", False, (1, 4)),
        ),
        "en",
    )


def test_claim_tree_follows_dependencies(qapp):
    m = ClaimTreeModel()
    fv = FieldVerdict(9, "hit", 0.7, "Unmanned underwater vehicles")
    m.set_claims(_claims(), {1: ClaimVerdict(1, (fv,))})
    roots = [m.item(r, 0).data(CLAIM_NUMBER_ROLE) for r in range(m.rowCount())]
    assert roots == [1, 4]
    one = m.item(0, 0)
    assert [one.child(r, 0).data(CLAIM_NUMBER_ROLE) for r in range(one.rowCount())] == [2, 5]
    assert one.child(0, 0).child(0, 0).data(CLAIM_NUMBER_ROLE) == 3
    four = m.item(1, 0)
    assert [four.child(r, 0).data(CLAIM_NUMBER_ROLE) for r in range(four.rowCount())] == [5]  # multiple dependency shown under both
    assert "70%" in m.item(0, 2).text()


def test_field_table_sorted_by_likelihood_with_verification(qapp):
    m = FieldTableModel()
    m.set_fields([FieldVerdict(1, "no", 0.1, "A", verified=True), FieldVerdict(2, "hit", 0.9, "B", verified=False)])
    assert m.data(m.index(0, 0)) == "2. B"
    assert m.data(m.index(0, 1)) == "Hit"
    assert m.data(m.index(0, 3)) == "unverified"
    assert m.data(m.index(1, 3)) == "verified"


def test_history_model_and_filters(qapp):
    rows = [
        HistoryRow(1, "2026-01-01T10:00:00Z", "alice", "decision.recorded", 1, "a.txt", "decision: hold"),
        HistoryRow(2, "2026-01-02T10:00:00Z", "bob", "annotation.added", 1, "a.txt", "verdict: agree"),
        HistoryRow(3, "2026-01-03T10:00:00Z", "bob", "decision.recorded", 2, "b.txt", "decision: clear_abroad"),
    ]
    m = HistoryModel(rows)
    p = HistoryFilterProxy()
    p.setSourceModel(m)
    assert p.rowCount() == 3
    p.set_filters(kind="decision.recorded")
    assert p.rowCount() == 2
    p.set_filters(kind="decision.recorded", who="BOB")
    assert p.rowCount() == 1
    p.set_filters(text="agree")
    assert p.rowCount() == 1
    assert m.data(m.index(0, 1)) == "2026-01-01 10:00:00"
