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
    assert m.headerData(COL_LEVEL, Qt.Orientation.Horizontal) == "Level"
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
    assert m.item(0, 2).text() == "70% F9" and "Unmanned" in m.item(0, 2).toolTip()


def test_field_table_sorted_by_likelihood_with_verification(qapp):
    m = FieldTableModel()
    m.set_fields([FieldVerdict(1, "no", 0.1, "A", verified=True), FieldVerdict(2, "hit", 0.9, "B", verified=False)])
    assert m.data(m.index(0, 0)) == "2. B"
    assert m.data(m.index(0, 1)) == "Met"  # the rule's status, never a level word beside the score
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


def test_chart_data_counts_drafts_per_level_and_field_per_month(qapp):
    from workbench.ui.log_view import chart_by_field, chart_by_level

    rows = [
        QueueRow("db:1", "a", level="clear", top_field_id=3, top_field="3. Lasers", ingested_at="2026-01-05T10:00:00Z"),
        QueueRow("db:2", "b", level="likely", top_field_id=9, top_field="9. UUV", ingested_at="2026-01-20T10:00:00Z"),
        QueueRow("db:3", "c", level="likely", top_field_id=9, top_field="9. UUV", ingested_at="2026-02-01T10:00:00Z"),
        QueueRow("db:4", "d", level="review", top_field_id=21, top_field="21. QD", ingested_at="2026-02-02T10:00:00Z"),
    ]
    lv = chart_by_level(rows)
    assert lv.categories == ["2026-01", "2026-02"]
    assert lv.series == ["clear", "review", "likely"]  # in level order
    assert lv.values["2026-01"] == {"clear": 1, "likely": 1} and lv.maximum == 2
    fd = chart_by_field(rows)  # clear drafts are not "flagged"
    assert fd.series == ["9", "21"] and fd.values["2026-02"] == {"9": 1, "21": 1}
    assert fd.labels["9"] == "9. UUV"


def test_bar_chart_paints_without_a_window(qapp):
    from workbench.ui.bar_chart import BarChart, count_by

    chart = BarChart()
    chart.resize(400, 200)
    chart.set_data(count_by([("2026-01", "x"), ("2026-01", "x"), ("2026-02", "y")]))
    img = chart.grab().toImage()
    assert img.width() == 400 and chart.data.maximum == 2
    background = img.pixel(0, 0)
    painted = sum(1 for x in range(0, 400, 4) for y in range(0, 200, 4) if img.pixel(x, y) != background)
    assert painted > 50  # bars and labels were drawn, not an empty widget


def test_proxy_keeps_drafts_with_a_key_date_due(qapp):
    rows = [
        QueueRow("db:1", "a", primary_review_due="2026-03-01", foreign_filing_free="2026-10-01"),
        QueueRow("db:2", "b", primary_review_due="2026-06-01", foreign_filing_free="2027-01-01"),
        QueueRow("db:3", "c"),
    ]
    p = QueueFilterProxy()
    p.setSourceModel(QueueModel(rows))
    p.set_due_by("2026-03-31")
    assert [p.data(p.index(r, 0), ROW_ROLE).key for r in range(p.rowCount())] == ["db:1"]
    p.set_due_by(None)
    assert p.rowCount() == 3


def test_every_field_of_the_rule_set_gets_its_own_highlight_colour(qapp):
    from workbench.rules import load_ruleset
    from workbench.ui.labels import field_colour

    ids = [f.id for f in load_ruleset().fields]
    assert len(ids) == 25
    assert len({field_colour(i).name() for i in ids}) == len(ids)


def test_small_likelihoods_never_display_as_zero(qapp):
    from workbench.ui.labels import percent

    assert percent(0.00063) == "<1%"  # above a recall-first review threshold: must not read "0%"
    assert percent(0.0) == "0%" and percent(None) == ""
    assert percent(0.4567) == "46%" and percent(0.999) == ">99%" and percent(1.0) == "100%"


def test_the_claim_top_and_the_field_table_lead_with_what_the_screening_flagged(qapp):
    """The JPO-format seeker draft's claim 1: 'Top' read '2% F17' and the field table began
    with 17 'Not hit' 2%, above 3 'Possible' 1% whose term シーカ the claim's text highlights;
    a tyre-pressure claim the screening had cleared read '5% F5' (electromagnetic launchers)."""
    m = ClaimTreeModel()
    seeker = (FieldVerdict(17, "no", 0.022, "Quantum-dot photodetectors"), FieldVerdict(4, "possible", 0.0093, "Ballistics"),
              FieldVerdict(3, "possible", 0.0081, "Guided weapons"))
    cleared = (FieldVerdict(5, "no", 0.05, "Electromagnetic launchers"),)
    m.set_claims(_claims(), {1: ClaimVerdict(1, seeker), 4: ClaimVerdict(4, cleared)})
    assert m.item(0, 2).text() == "1% F4", m.item(0, 2).text()  # (0.93 % rounds to 1 %)
    assert m.item(1, 2).text() == ""  # claim 4: nothing flagged, no 'Top'
    t = FieldTableModel()
    t.set_fields(seeker)
    assert [t.field_at(r).field_id for r in range(t.rowCount())] == [4, 3, 17]
    t.set_fields(cleared + (FieldVerdict(9, "no", 0.2, "x"),))  # nothing flagged: by likelihood
    assert [t.field_at(r).field_id for r in range(t.rowCount())] == [9, 5]
