"""The use cases: what a person does with the workbench, each business rule in one place.

The CLI (``workbench/cli``) and the GUI (``workbench/ui``) are two faces of the same
actions; both call these functions and only turn their arguments and results into
words, widgets and exit codes. A change to *what the workbench does* belongs here (or
below, in the core package that owns the data); a change to *how it is shown* belongs at
the edge. No Qt, no printing: results are typed values, problems coded messages or
coded errors (``workbench.errors``) rendered at the edges.

    outcomes = screen_and_record(paths, log=db, options=BatchOptions(...))
    problem = decision_problem(decision, rationale, ...)     # what the panel/CLI refuse
    decide(db, draft_id, reviewer="sato", decision="hold", rationale="...")
    export(db, "csv", "out.csv", since="2026-01-01", until="2026-12-31")

Where a use case takes ``log`` it accepts an open :class:`~workbench.store.TriageLog`
(used, not closed), a zero-argument callable that opens one (opened when needed, closed
after), or a path/URL/None for :meth:`TriageLog.open` (None: the per-user log).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Union

from workbench.domain import DraftVerdict
from workbench.errors import E901, SettingsError, WorkbenchError
from workbench.messages import Message, msg

if TYPE_CHECKING:  # imported lazily at run time: the store pulls in sqlite-utils
    from workbench.batch import BatchOptions, Identity, Outcome, Rescreen, Screened, Task
    from workbench.domain import Decision
    from workbench.store import TriageLog
    from workbench.store.export import ExportResult

LogSource = Union["TriageLog", "LazyLog", Callable[[], "TriageLog"], str, Path, None]


# -- the triage log a use case writes to ------------------------------------------------------
@contextmanager
def _using(source: LogSource) -> Iterator[Any]:
    """``source`` as an open log: an open one is used as it is; otherwise opened here and
    closed when the use case is done."""
    if hasattr(source, "record_verdict"):  # a TriageLog, or a LazyLog
        yield source
        return
    if callable(source):
        log = source()
    else:
        from workbench.store import TriageLog

        log = TriageLog.open(source)
    try:
        yield log
    finally:
        log.close()


class LazyLog:
    """The triage log, opened at the first verdict to record (a run whose every file fails
    creates no log); an error opening it is raised again for each verdict."""

    def __init__(self, source: Callable[[], TriageLog] | str | Path | None) -> None:
        self.source = source
        self.log: TriageLog | None = None
        self.error: WorkbenchError | None = None

    @property
    def path(self):
        return None if self.log is None else self.log.path

    def _open(self) -> Any:
        if self.error is not None:
            raise self.error
        if self.log is None:
            try:
                if callable(self.source):
                    self.log = self.source()
                else:
                    from workbench.store import TriageLog

                    self.log = TriageLog.open(self.source)
            except WorkbenchError as exc:
                self.error = exc
                raise
        return self.log

    def record_verdict(self, verdict: DraftVerdict, reviewer: str | None = None) -> int:
        return self._open().record_verdict(verdict, reviewer)

    def close(self) -> None:
        if self.log is not None:
            self.log.close()


# -- screen and record ------------------------------------------------------------------------
def screen_and_record(
    paths: Iterable[str | Path | Task],
    *,
    log: LogSource | Literal[False] = None,
    options: BatchOptions | None = None,
    reviewer: str | None = None,
    should_cancel: Callable[[], bool] | None = None,
    screen: Callable[[Task, BatchOptions], Screened] | None = None,
    text: str | None = None,
    force: bool = True,
) -> Iterator[Outcome]:
    """Screen ``text`` (when given) and then the files ``paths`` one after another, with one
    engine, and record each verdict in the triage log the moment it is ready, in its own
    transaction (a kill after 10 of 12 drafts keeps those 10). ``log=False`` records nothing.
    The log is opened at the first verdict (a run whose every file fails creates none).
    Yields one :class:`~workbench.batch.Outcome` per draft: a verdict and its log id, or
    the coded error of a file that failed (the rest go on). A verdict whose recording
    failed carries both the verdict and the log's error. ``force=False`` skips a file whose
    hash the log holds with a verdict of the same rules, model, thresholds and answers (a
    SKIPPED outcome naming its draft id), as ``workbench batch`` does."""
    from workbench.batch import BatchOptions, run_batch

    options = options or BatchOptions()
    if log is False:
        sink = None
    elif isinstance(log, LazyLog) or hasattr(log, "record_verdict"):
        sink = log
    else:
        sink = LazyLog(log)  # a factory, a path or URL, or None: the default log, opened when first used
    try:
        if text is not None:
            yield _screen_text(text, sink, options, reviewer)
        yield from run_batch(list(paths), log=sink, options=options, jobs=1, force=force, reviewer=reviewer,
                             should_cancel=should_cancel, screen=screen)
    finally:
        if isinstance(sink, LazyLog) and sink is not log:
            sink.close()


def _screen_text(text: str, sink, options: BatchOptions, reviewer: str | None) -> Outcome:
    from workbench import triage
    from workbench.batch import FAILED, Outcome, recorded
    from workbench.messages import cli as C

    if not text.strip():
        raise SettingsError(E901, name="--text", value="''", detail=msg(C.N903))
    engine = triage.get_engine(rules_dir=options.rules_dir)
    v = triage.screen_text(text, answers=options.answers, thresholds=options.thresholds, engine=engine,
                           ipc_codes=options.ipc_codes)
    return recorded(Outcome(path="<text>", status=FAILED, done=1, total=1, sha256=v.draft.sha256), v, sink, reviewer)


# -- a portfolio: many drafts in parallel, and re-screening ------------------------------------
def screen_portfolio(
    paths: Iterable[str | Path | Task],
    *,
    log: LogSource,
    options: BatchOptions | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
    force: bool = False,
    reviewer: str | None = None,
    should_cancel: Callable[[], bool] | None = None,
    on_start: Callable[[int, Identity, int], None] | None = None,
) -> Iterator[Outcome]:
    """Screen many drafts with ``jobs`` worker processes (or on the Dask cluster at
    ``scheduler``) and record each verdict the moment it arrives, in its own transaction:
    a Ctrl-C or a kill keeps every finished draft. A draft whose file hash is in the log
    with a verdict of the same rules, model, thresholds and answers is skipped (a re-run
    continues where the last one stopped) unless ``force``. Yields one
    :class:`~workbench.batch.Outcome` per file as it finishes (see
    :func:`workbench.batch.run_batch`)."""
    from workbench.batch import BatchOptions, run_batch

    with _using(log) as sink:
        yield from run_batch(list(paths), log=sink, options=options or BatchOptions(), jobs=jobs, scheduler=scheduler,
                             force=force, reviewer=reviewer, should_cancel=should_cancel, on_start=on_start)


def plan_rescreen(
    log: TriageLog,
    *,
    stale_only: bool = False,
    since: str | None = None,
    level: str | None = None,
    search: Sequence[str | Path] = (),
    options: BatchOptions | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
    reviewer: str | None = None,
) -> Rescreen:
    """The stored drafts to screen again against the current rules and model (those first
    recorded on or after ``since``, whose level is ``level``; with ``stale_only`` only
    those screened with other rules or another model than now): run its
    :meth:`~workbench.batch.Rescreen.outcomes` to record a new verdict event for each
    (history is never overwritten) and learn the drafts whose level or top field changed.
    ``log`` is an open log, used until the outcomes are done."""
    from workbench.batch import BatchOptions, current_identity, rescreen, stale_draft_ids

    options = options or BatchOptions()
    drafts = stale_draft_ids(log, current_identity(options)) if stale_only else None
    return rescreen(log, since=since, level=level, drafts=drafts, search=search, options=options, jobs=jobs,
                    scheduler=scheduler, reviewer=reviewer)


def stale_verdicts(log: LogSource, options: BatchOptions | None = None) -> tuple[int, Identity]:
    """How many stored drafts' current verdict was made with other rules or another model
    than the engine's now (a re-screen is offered when there are any), and that identity.
    Builds the engine in this process."""
    from workbench.batch import BatchOptions, current_identity, stale_draft_ids

    identity = current_identity(options or BatchOptions())
    with _using(log) as opened:
        return len(stale_draft_ids(opened, identity)), identity


# -- decide -----------------------------------------------------------------------------------
def decision_problem(
    *,
    rationale: str,
    completed_abroad: Sequence[str] | None = None,
    risks: Sequence[str] = (),
    override_reason: str | None = None,
    level: str | None = None,
    abroad_instead: Message | None = None,
) -> Message | None:
    """Why a decision as typed cannot be recorded (the first reason, as a coded message), or
    None. The triage log refuses the same decision with its own coded error (E506, E508,
    E550): the edges ask first so the person can fix it where they typed it.
    ``abroad_instead`` says, in the edge's words, where Japan goes instead (W790's ``instead``)."""
    from workbench.filing.codes import abroad_problem
    from workbench.messages import M

    if not (rationale or "").strip():
        return msg(M.N595)
    if risks and not (override_reason or "").strip():
        from workbench.store.signoff import risks_message

        return msg(M.W550, risks=risks_message(tuple(risks), level))
    return abroad_problem(completed_abroad or (), instead=abroad_instead)


def decide(
    log: LogSource,
    draft_id: int | str,
    *,
    reviewer: str | None = None,
    facts: dict | None = None,
    **values: Any,
) -> Decision:
    """Record a foreign-filing decision (and, first, the draft's filing ``facts`` when they
    changed: their own event). The log checks it (``TriageLog.decide``: a rationale, valid
    country codes, Japan not abroad, the override reason and risks of a risky decision,
    ``workbench.store.signoff``) and stores it; returns the stored Decision."""
    with _using(log) as opened:
        if facts is not None:
            opened.record_facts(draft_id, reviewer=reviewer, **facts)
        return opened.decide(draft_id, reviewer=reviewer, **values)


def approve_override(log: LogSource, draft_id: int | str, *, reviewer: str | None = None, note: str = "") -> Decision:
    """A manager's approval of the override of a draft's current decision."""
    with _using(log) as opened:
        return opened.approve_override(draft_id, note=note, reviewer=reviewer)


# -- export -----------------------------------------------------------------------------------
def period_problem(since: date | str | None, until: date | str | None) -> Message | None:
    """An export (or list) period that ends before it starts would find nothing, as if the
    log had nothing in that time: the coded problem (N690), or None. A malformed date is
    the date parser's coded error (E508)."""
    from workbench.messages import M
    from workbench.store.dates import parse_date

    lo, hi = parse_date(since), parse_date(until)
    if lo and hi and lo > hi:
        return msg(M.N690, since=lo.isoformat(), until=hi.isoformat())
    return None


def check_period(since: date | str | None, until: date | str | None, *, name: str = "until") -> None:
    """Raise E901 (naming ``name``, the end of the period) when :func:`period_problem` says so."""
    problem = period_problem(since, until)
    if problem is not None:
        raise SettingsError(E901, name=name, value=str(until), detail=problem)


def export(
    log: LogSource,
    fmt: str,
    out: str | Path,
    *,
    since: date | str | None = None,
    until: date | str | None = None,
    period_name: str = "until",
    **filters: Any,
) -> ExportResult:
    """Export the decisions of the log (``workbench.store.export.export_log``: its
    ``filters`` decision, level, reviewer and the PDF's language) from ``since`` to
    ``until``, after the period check (before the log is opened: a mistake touches nothing)."""
    from workbench.store.export import export_log

    check_period(since, until, name=period_name)
    with _using(log) as opened:
        return export_log(opened, fmt, out, since=since, until=until, **filters)
