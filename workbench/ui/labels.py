"""Translatable display labels for the domain's codes (levels, statuses, decisions...).

The literal ``QCoreApplication.translate("Labels", ...)`` calls let ``pyside6-lupdate``
collect them; the codes themselves come from :mod:`workbench.domain`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from workbench.domain import DECISION_LABELS, DECISIONS


def percent(p: float | None) -> str:
    """A likelihood for display. Recall-first thresholds sit far below 1 %, so a small
    non-zero likelihood shows as "<1%" rather than a "0%" that contradicts its level."""
    from workbench.domain import percent_text  # one rule for the window and the PDF report

    return percent_text(p)


def level_label(level: str | None) -> str:
    return {
        "clear": QCoreApplication.translate("Labels", "Clear"),
        "review": QCoreApplication.translate("Labels", "Review"),
        "likely": QCoreApplication.translate("Labels", "Likely referral – file in Japan first"),
        None: "",
    }.get(level, level or "")


def level_short(level: str | None) -> str:
    return {"clear": QCoreApplication.translate("Labels", "Clear"), "review": QCoreApplication.translate("Labels", "Review"), "likely": QCoreApplication.translate("Labels", "Likely")}.get(level, level or "")


def status_label(status: str | None) -> str:
    # what the rules engine found of the field's definition, not a level: 'Possible' beside 99 % read
    # as a contradiction (the CLI's labels, messages/screening.py I493-I495, say the same)
    # (short: the field table shares 1366 px with the claim tree)
    return {"hit": QCoreApplication.translate("Labels", "Met"), "possible": QCoreApplication.translate("Labels", "Partial"),
            "no": QCoreApplication.translate("Labels", "Not met")}.get(status, status or "")


def annotation_label(verdict: str | None) -> str:
    """A reviewer's annotation verdict ('agree' | 'disagree', as stored) for display."""
    return {"agree": QCoreApplication.translate("Labels", "Agree"), "disagree": QCoreApplication.translate("Labels", "Disagree")}.get(
        verdict, verdict or ""
    )


def decision_label(decision: str | None) -> str:
    labels = {
        "clear_abroad": QCoreApplication.translate("Labels", "Clear to file abroad"),
        "file_jp_first": QCoreApplication.translate("Labels", "File in Japan first (Art. 78)"),
        "prior_confirmation": QCoreApplication.translate("Labels", "Request prior confirmation (Art. 79)"),
        "hold": QCoreApplication.translate("Labels", "Hold for review"),
    }
    if decision in labels:
        return labels[decision]
    return DECISION_LABELS.get(decision or "", decision or "")


def version_label(version: int) -> str:
    """'version 2' / '第2版' (a draft version of a matter, in the log view's details)."""
    return QCoreApplication.translate("Labels", "version %1").replace("%1", str(version))


def version_short(version: int) -> str:
    """'v2' / '第2版' after a matter's name in the queue."""
    return QCoreApplication.translate("Labels", "v%1").replace("%1", str(version))


def decision_choices() -> list[tuple[str, str]]:
    return [(d, decision_label(d)) for d in DECISIONS]


def queue_status_label(status: str) -> str:
    return {
        "screened": QCoreApplication.translate("Labels", "Screened"),
        "logged": QCoreApplication.translate("Labels", "In log"),
        "decided": QCoreApplication.translate("Labels", "Decided"),
        "working": QCoreApplication.translate("Labels", "Screening…"),
    }.get(status, status)


def category_label(category: str) -> str:
    return {
        "apparatus": QCoreApplication.translate("Labels", "apparatus"),
        "method": QCoreApplication.translate("Labels", "method"),
        "system": QCoreApplication.translate("Labels", "system"),
        "composition": QCoreApplication.translate("Labels", "composition"),
        "use": QCoreApplication.translate("Labels", "use"),
        "program": QCoreApplication.translate("Labels", "program"),
        "other": QCoreApplication.translate("Labels", "other"),
    }.get(category, category)


def event_label(kind: str) -> str:
    return {
        "draft.added": QCoreApplication.translate("Labels", "Draft added"),
        "verdict.recorded": QCoreApplication.translate("Labels", "Screened"),
        "annotation.added": QCoreApplication.translate("Labels", "Annotation"),
        "decision.recorded": QCoreApplication.translate("Labels", "Decision"),
        "schema.migrated": QCoreApplication.translate("Labels", "Log upgraded"),
        "draft.versioned": QCoreApplication.translate("Labels", "New version"),
        "annotations.carried": QCoreApplication.translate("Labels", "Annotations carried over"),
    }.get(kind) or _coded_event_label(kind)


def _coded_event_label(kind: str) -> str:
    """Event kinds named by coded messages (the team log's), else the kind itself."""
    from workbench.messages import M, msg
    from workbench.ui.notifications import ui_language

    code = {"log.exported": M.I573}.get(kind)
    return msg(code).render(ui_language()) if code else kind


def answer_label(value: bool | None) -> str:
    return {True: QCoreApplication.translate("Labels", "Yes"), False: QCoreApplication.translate("Labels", "No"), None: QCoreApplication.translate("Labels", "Unanswered")}[value]


def verified_label(verified: bool) -> str:
    return QCoreApplication.translate("Labels", "verified") if verified else QCoreApplication.translate("Labels", "unverified")


LEVEL_COLOURS = {"clear": "#2e7d32", "review": "#f9a825", "likely": "#c62828"}

# One light, distinct highlight colour per field (the rule set has 25 fields; ids wrap after 30).
_PALETTE = (
    "#ffd54f", "#81d4fa", "#a5d6a7", "#f48fb1", "#ce93d8", "#ffab91", "#80cbc4", "#e6ee9c",
    "#b39ddb", "#90caf9", "#ffcc80", "#c5e1a5", "#ef9a9a", "#80deea", "#fff59d", "#bcaaa4",
    "#f8bbd0", "#b2dfdb", "#d1c4e9", "#ffe0b2", "#dcedc8", "#b3e5fc", "#f0f4c3", "#ffccbc",
    "#c8e6c9", "#e1bee7", "#cfd8dc", "#ffecb3", "#b2ebf2", "#d7ccc8",
)


def field_colour(field_id: int | None) -> QColor:
    if field_id is None:
        return QColor("#e0e0e0")
    return QColor(_PALETTE[int(field_id) % len(_PALETTE)])


def level_colour(level: str | None) -> QColor:
    return QColor(LEVEL_COLOURS.get(level or "", "#757575"))
