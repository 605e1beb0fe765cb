"""The UI's calls into the headless core, in one place (no Qt here).

Every function is a plain synchronous call, so it can run inside a
:mod:`workbench.ui.workers` worker and be tested without a window. The GUI and
the CLI share the same core functions (``workbench.triage``, ``workbench.store``);
this module only adapts their results to rows and opens per-thread log
connections (sqlite connections belong to the thread that opened them).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from workbench.domain import AdditionalAnswers, DraftVerdict, Thresholds
from workbench.errors import WorkbenchError
from workbench.ingest.discover import expand_paths  # noqa: F401 - the UI walks folders with the core's rule
from workbench.ui.rows import HistoryRow, QueueRow



@dataclass(frozen=True)
class BatchItem:
    """The outcome of one file of a batch: a verdict (and its log id) or an error."""

    path: str
    verdict: DraftVerdict | None = None
    draft_id: int | None = None
    error: BaseException | None = None
    skipped: bool = False  # already screened with the same rules, model, thresholds and answers: draft ``draft_id`` stands

    @property
    def ok(self) -> bool:
        return self.error is None


def open_log(db_path: str | Path | None, timeout: float | None = None):
    from workbench.store import TriageLog

    return TriageLog.open(db_path) if timeout is None else TriageLog.open(db_path, timeout=timeout)


def decide(db_path: str | Path, draft_id: int, *, reviewer: str, timeout: float | None = None, **values: Any):
    """Record a decision (``workbench.usecases.decide``, as ``workbench log decide``) in the log
    at ``db_path`` through a connection of its own, so it can run in a worker thread: while
    another program holds the log locked the write waits there (up to the busy timeout,
    then E502), never on the GUI thread, and the GUI thread's connection stays free for
    reading. ``facts``: the panel's filing facts, when changed (their own event first).
    Returns the stored Decision."""
    from workbench import usecases

    return usecases.decide(lambda: open_log(db_path, timeout), draft_id, reviewer=reviewer, **values)


def approve_override(db_path: str | Path, draft_id: int, *, reviewer: str, timeout: float | None = None, note: str = ""):
    """A manager's approval of the override of a draft's current decision (own connection,
    worker thread, as :func:`decide`). Returns the approved Decision."""
    from workbench import usecases

    return usecases.approve_override(lambda: open_log(db_path, timeout), draft_id, reviewer=reviewer, note=note)


def deadlines(db_path: str | Path, days: int, today=None) -> tuple[dict, Any]:
    """The Deadlines tab's data (``TriageLog.deadlines``) through a connection of its own (a
    worker thread), and the day it is as of."""
    import datetime as _dt

    from workbench.store.dates import parse_date

    day = parse_date(today) or _dt.date.today()
    log = open_log(db_path)
    try:
        return log.deadlines(days, day), day
    finally:
        log.close()


def override_risks(decision: str, level: str | None, **facts: Any) -> tuple[str, ...]:
    """The risks of a decision as typed (``workbench.store.signoff``: the same rule the store
    applies when it is saved); empty when no override is needed."""
    from workbench.store.signoff import override_risks as _risks

    return _risks(decision, level, **facts)


def annotate(db_path: str | Path, draft_id: int, *, reviewer: str, timeout: float | None = None, **values: Any):
    """Record an annotation as :func:`decide` records a decision (own connection, worker
    thread). Returns the stored Annotation and the draft's annotations now in force."""
    log = open_log(db_path, timeout)
    try:
        annotation = log.annotate(draft_id, reviewer=reviewer, **values)
        record = log.draft(draft_id)
        return annotation, tuple(record.current_annotations or record.annotations)
    finally:
        log.close()


def _pipeline_as_screen(screen_files: Callable[..., Iterator[tuple[Any, Any]]], paths: Sequence[str], answers,
                       thresholds, should_cancel, extra: dict) -> Callable:
    """A replacement pipeline (tests, benchmarks: ``screen_files(paths, ...)``, a generator
    over all the files) as the batch core's per-file screen function: each call takes its
    next result, so it runs through the same recording and reporting as the real one."""
    state: dict[str, Any] = {}

    from workbench.batch import Screened, coded

    def screen(task, options) -> Screened:
        if "gen" not in state:
            state["gen"] = iter(screen_files(list(paths), answers=answers, thresholds=thresholds, should_cancel=should_cancel, **extra))
        for _path, out in state["gen"]:
            if isinstance(out, BaseException):
                return Screened(task.path, error=coded(out, task.path))
            return Screened(task.path, verdict=out)
        from workbench.errors import Cancelled

        raise Cancelled()  # the pipeline stopped early: it was asked to

    return screen


def screen_batch(
    paths: Sequence[str],
    *,
    db_path: str | Path | None = None,
    reviewer: str = "",
    answers: AdditionalAnswers = AdditionalAnswers(),
    thresholds: Thresholds | None = None,
    should_cancel: Callable[[], bool] | None = None,
    screen_files: Callable[..., Iterator[tuple[Any, Any]]] | None = None,
    record: bool = True,
    password: str | None = None,
    rules_dir: str | None = None,
    ipc_codes: Sequence[str] = (),
    force: bool = False,
) -> Iterator[BatchItem]:
    """Screen ``paths`` through the batch core (:func:`workbench.batch.run_batch`, one draft
    after another in this process: the GUI's screening process) and record each verdict in
    the triage log at ``db_path`` the moment it is ready, in its own transaction, so a crash
    or a cancel keeps every finished draft. A failing file yields its error; the rest go on.
    Stops between files when ``should_cancel()`` turns true. ``rules_dir`` is the user
    rules folder (Settings); ``ipc_codes`` are IPC codes the user knows for the draft(s),
    screened as facts. A file already in the log with a verdict of the same rules, model,
    thresholds, answers and codes is not screened again (a ``skipped`` item naming its draft),
    as ``workbench batch`` skips it, unless ``force``. ``screen_files`` replaces the pipeline
    (tests, benchmarks)."""
    from workbench.batch import BatchOptions
    from workbench.usecases import screen_and_record

    extra: dict[str, Any] = {}
    if password:
        extra["password"] = password
    if ipc_codes:
        extra["ipc_codes"] = tuple(ipc_codes)
    options = BatchOptions(answers=answers, thresholds=thresholds, password=password or None,
                           rules_dir=rules_dir or None, ipc_codes=tuple(ipc_codes))
    screen = None if screen_files is None else _pipeline_as_screen(screen_files, paths, answers, thresholds, should_cancel, extra)
    log = open_log(db_path) if record else None
    try:
        for out in screen_and_record(paths, log=log if log is not None else False, options=options, reviewer=reviewer or None,
                                     should_cancel=should_cancel, screen=screen, force=force):
            yield BatchItem(out.path, verdict=out.verdict, draft_id=out.draft_id, error=out.error, skipped=out.status == "skipped")
    finally:
        if log is not None:
            log.close()


@dataclass(frozen=True)
class StaleVerdicts:
    """How many stored drafts were screened with other rules or another model than now."""

    count: int
    ruleset_version: str
    model_version: str


def stale_verdicts(db_path: str | Path | None, *, rules_dir: str | None = None, should_cancel=None) -> Iterator[StaleVerdicts]:
    """One item: the stored drafts whose current verdict's rules or model differ from the
    engine's now (the window offers a re-screen when there are any). Runs in the screening
    process, where it builds the engine the next screening uses anyway."""
    from workbench.batch import BatchOptions
    from workbench.usecases import stale_verdicts as _stale

    count, identity = _stale(lambda: open_log(db_path), BatchOptions(rules_dir=rules_dir or None))
    yield StaleVerdicts(count, identity.ruleset_version, identity.model_version)


@dataclass(frozen=True)
class RescreenReport:
    """The last item of :func:`rescreen_batch`: the drafts whose level or top field changed
    (coded lines, before -> after) and the one-line verdict."""

    changed: tuple = ()
    verdict_line: Any = None
    missing: int = 0


def rescreen_batch(
    db_path: str | Path | None,
    *,
    reviewer: str = "",
    thresholds: Thresholds | None = None,
    rules_dir: str | None = None,
    stale_only: bool = True,
    should_cancel: Callable[[], bool] | None = None,
) -> Iterator[BatchItem | RescreenReport]:
    """Re-screen stored drafts (those screened with other rules or another model than now,
    or all with ``stale_only=False``) through the batch core, one verdict event each;
    yields a BatchItem per draft, then a :class:`RescreenReport`."""
    from workbench.batch import BatchOptions
    from workbench.usecases import plan_rescreen

    options = BatchOptions(thresholds=thresholds, rules_dir=rules_dir or None)
    log = open_log(db_path)
    try:
        run = plan_rescreen(log, stale_only=stale_only, options=options, jobs=1, reviewer=reviewer or None)
        for out in run.missing:
            yield BatchItem(out.path, draft_id=out.draft_id, error=out.error)
        for out in run.outcomes(should_cancel=should_cancel):
            yield BatchItem(out.path, verdict=out.verdict, draft_id=out.draft_id, error=out.error)
        yield RescreenReport(tuple(run.changed_lines()), run.verdict_line(), len(run.missing))
    finally:
        log.close()


def key_dates(jp_filing_date: dt.date | str | None) -> tuple[str | None, str | None]:
    """The 3-month primary-review point and the 10-month point, as the store computes them
    (the GUI shows them before saving; the store recomputes and stores them)."""
    from workbench.store.dates import key_dates as _key_dates

    return _key_dates(jp_filing_date)


def clearance_plan(facts, today=None):
    """The clearance plan (``workbench.filing.plan``) for the Decision panel."""
    from workbench.filing.plan import clearance_plan as _plan

    return _plan(facts, today=today)


def future_filing_date(jp_filing_date: str | None):
    """The core's warning (W704) for a JP filing date after today, or None."""
    from workbench.store.dates import future_filing_date as _future

    return _future(jp_filing_date)


def verdict_from_record(record: Any) -> DraftVerdict | None:
    """The DraftVerdict the log stored for a draft screened in an earlier session (the
    store rebuilds it from its event: ``workbench.store.derive.verdict_from_payload``),
    with the draft's file as the log knows it now."""
    from dataclasses import replace

    v = getattr(record, "verdict", None)
    if v is None or v.screened is None:
        return None
    whole = v.screened
    if record.source_path and record.source_path != whole.draft.source_path:
        whole = replace(whole, draft=replace(whole.draft, source_path=record.source_path))
    return whole


# -- adapting core results to rows -------------------------------------------------------
def field_name(fv, language: str) -> str:
    if fv is None:
        return ""
    name = (fv.name_ja if language == "ja" else fv.name_en) or fv.name_en or fv.name_ja
    return f"{fv.field_id}. {name}" if name else str(fv.field_id)


def queue_key(path: str, draft_id: int | None) -> str:
    """A draft's key in the queue: its log id when recorded, else its file."""
    return f"db:{draft_id}" if draft_id is not None else str(path)


def row_from_verdict(path: str, verdict: DraftVerdict, draft_id: int | None, language: str = "en") -> QueueRow:
    top = verdict.top_field
    return QueueRow(
        key=queue_key(path, draft_id),
        name=verdict.draft.name,
        status="screened",
        level=verdict.level,
        top_field_id=top.field_id if top else None,
        top_field=field_name(top, language),
        likelihood=top.likelihood if top else None,
        language=verdict.draft.language,
        path=str(path),
        draft_id=draft_id,
        claims=len(verdict.claims.claims),
        title=getattr(verdict.claims, "title", "") or getattr(verdict.draft, "title", "") or "",
    )


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def row_from_summary(summary: Any, field_names: dict[int, str] | None = None, language: str = "en") -> QueueRow:
    """A queue row from the store's DraftSummary (attribute or dict access)."""
    draft_id = _get(summary, "id")
    top_id = _get(summary, "top_field_id")
    decision = _get(summary, "decision")
    names = dict(field_names or {})
    stored = _get(summary, "top_field_name_ja" if language == "ja" else "top_field_name_en", "") or _get(
        summary, "top_field_name_en", ""
    )
    if top_id is not None and stored and top_id not in names:
        names[top_id] = f"{top_id}. {stored}"
    return QueueRow(
        key=f"db:{draft_id}",
        name=_get(summary, "name", "") or "",
        status="decided" if decision else "logged",
        level=_get(summary, "level"),
        top_field_id=top_id,
        top_field=names.get(top_id, str(top_id) if top_id is not None else ""),
        likelihood=_get(summary, "top_likelihood"),
        decision=decision,
        override=_get(summary, "override"),
        primary_review_due=_get(summary, "primary_review_due"),
        foreign_filing_free=_get(summary, "foreign_filing_free"),
        language=_get(summary, "language", "") or "",
        path=_get(summary, "source_path", "") or "",
        draft_id=draft_id,
        ingested_at=_get(summary, "ingested_at", "") or "",
        claims=_get(summary, "claims", 0) or 0,
        matter_id=_get(summary, "matter_id"),
        version=_get(summary, "version", 1) or 1,
        versions=_get(summary, "versions", 1) or 1,
        decision_version=_get(summary, "decision_version"),
        review_flags=_get(summary, "review_flags", 0) or 0,
        title=_get(summary, "title", "") or "",
    )


# the payload keys history_row reads: the log tab asks the store for these only (a
# verdict's whole payload - claims, evidence - parsed for 10,000 drafts took seconds)
HISTORY_FIELDS = ("rationale", "note", "name", "version", "verdict", "decision", "level", "file", "format")


def history_row(event: Any, names: dict[int, str] | None = None) -> HistoryRow:
    payload = _get(event, "payload", {}) or {}
    draft_id = _get(event, "draft_id")
    kind = _get(event, "kind", "") or ""
    summary = ""
    decision = level = annotation = version = None
    if isinstance(payload, dict):
        annotation = payload.get("verdict") if isinstance(payload.get("verdict"), str) else None
        parts = [str(payload[k]) for k in ("rationale", "note", "name") if payload.get(k)]
        if isinstance(payload.get("version"), int):  # a new version, or a decision made on one (shown in the UI's language)
            version = payload["version"]
        if kind == "log.exported" and payload.get("file"):  # a team log's export: which file, which format
            parts.append(f"{payload['file']} ({str(payload.get('format', '')).upper()})")
        summary = " — ".join(parts)
        decision = payload.get("decision") if isinstance(payload.get("decision"), str) else None
        level = payload.get("level") if isinstance(payload.get("level"), str) else None
    return HistoryRow(
        event_id=_get(event, "id", 0),
        at=_get(event, "at", "") or "",
        who=_get(event, "who", "") or "",
        kind=kind,
        draft_id=draft_id,
        draft_name=(names or {}).get(draft_id, ""),
        summary=summary,
        decision=decision,
        level=level,
        annotation=annotation,
        version=version,
    )


@functools.lru_cache(maxsize=8)
def field_names(language: str = "en", rules_dir: str | None = None) -> dict[int, str]:
    """Field id -> display name from the rule set ({} when it cannot be loaded); cached,
    the rule set is loaded once per language and rules folder."""
    try:
        from workbench.rules import load_ruleset

        rs = load_ruleset(user_dir=rules_dir) if rules_dir else load_ruleset()
    except (ImportError, WorkbenchError, TypeError):
        return {}
    out = {}
    for f in rs.fields:
        name = (f.name_ja if language == "ja" else f.name_en) or f.name_en
        out[f.id] = f"{f.id}. {name}"
    return out


def export(db_path: str | Path, fmt: str, out_path: str | Path, **filters: Any):
    """Export the log at ``db_path`` (``workbench.usecases.export``, with its period check;
    own connection: runs in a worker thread)."""
    from workbench import usecases

    return usecases.export(lambda: open_log(db_path), fmt, out_path, **filters)


def period_problem(since: str | None, until: str | None):
    """The use cases' period check (N690 when the period ends before it starts, else None)."""
    from workbench import usecases

    return usecases.period_problem(since, until)


def decision_problem(**values: Any):
    """Why a decision as typed cannot be saved (``workbench.usecases.decision_problem``), or None."""
    from workbench import usecases

    return usecases.decision_problem(**values)


def filing_checklist(
    completed_in: Sequence[str] = (),
    residences: Sequence[str] = (),
    planned: Sequence[str] = (),
    jp_level: str | None = None,
    defence_related: bool | None = None,
    applicants: Sequence[str] = (),
) -> list:
    """The foreign-filing checklist (``workbench.filing``) for the decision panel: the same
    core call as ``workbench filing check``. Raises the core's coded RulesError when the
    jurisdiction data cannot be read."""
    from workbench.filing import FilingFacts, filing_checks

    facts = FilingFacts(
        completed_in=tuple(completed_in), residences=tuple(residences), planned=tuple(planned),
        jp_level=jp_level, defence_related=defence_related, applicants=tuple(applicants),
    )
    return filing_checks(facts)
