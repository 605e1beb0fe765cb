"""Batch screening: many drafts, in parallel, each verdict recorded as soon as it is ready.

    from workbench.batch import BatchOptions, run_batch
    with TriageLog.open(db) as log:
        for out in run_batch(paths, log=log, jobs=2):
            out.status, out.verdict, out.error    # "screened" | "skipped" | "failed", as each finishes

Where drafts are screened (joblib, ``jobs`` / ``scheduler``):

- ``jobs == 1``: in this process, one after another (the GUI's screening process, tests);
- ``jobs > 1``: joblib's loky process pool. Each worker process builds the engine once
  (:func:`workbench.triage.get_engine` caches it per process) and screens every draft it
  is given with it; loky keeps the workers between batches;
- ``scheduler="tcp://host:port"``: the same tasks on a Dask cluster through joblib's
  ``dask`` backend (``pip install patent-triage-workbench[cluster]``). The workers read
  the files by their path (a shared folder) and need the same workbench, rules and model:
  every result is checked against the file's hash and the rules/model this process
  expects (E804/E803), so a worker with another rule set cannot slip a verdict in.

One writer: only this process writes to the triage log, one transaction per verdict
(``TriageLog.record_verdict``) the moment its result arrives. A Ctrl-C or a kill loses
no finished draft, only the ones still being screened. A re-run skips every file whose
hash is in the log with a verdict made with the same rules (checksum), model,
thresholds and answers (``force=True`` screens them again: a new verdict event, the
earlier ones stay in the history).
"""

from __future__ import annotations

import hashlib
import os
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from workbench.domain import AdditionalAnswers, DraftVerdict, Thresholds
from workbench.errors import E801, E802, E803, E804, E904, BatchError, Cancelled, WorkbenchError
from workbench.messages import M, Message, error_message, field_name, msg, plain_details
from workbench.messages.causes import cause

SCREENED, SKIPPED, FAILED = "screened", "skipped", "failed"
READER_FROM = 10  # drafts screened in this process from which their reads fork from a reader process
_LEVEL_MSG = {"clear": "I801", "review": "I802", "likely": "I803"}


@dataclass(frozen=True)
class BatchOptions:
    """How every draft of a batch is screened (as ``workbench triage`` takes them)."""

    answers: AdditionalAnswers = AdditionalAnswers()
    thresholds: Thresholds | None = None  # None: the engine's (the model card's)
    password: str | None = None
    rules_dir: str | None = None  # the user rules folder
    model_dir: str | None = None
    ipc_codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Task:
    """One file to screen; ``answers`` overrides the batch's (a re-screen keeps each
    draft's stored answers); ``sha256`` is its hash when listed (None: unreadable)."""

    path: str
    sha256: str | None = None
    answers: AdditionalAnswers | None = None
    ipc_codes: tuple[str, ...] | None = None  # overrides the batch's (a re-screen keeps each draft's entered codes)


@dataclass(frozen=True)
class Identity:
    """What verdicts are made with: rules (version + checksum), model, thresholds."""

    ruleset_version: str
    ruleset_checksum: str
    model_version: str
    thresholds: Thresholds


@dataclass(frozen=True)
class Outcome:
    """One file of a batch, as it finished. ``done`` counts the outcomes so far."""

    path: str
    status: str  # SCREENED | SKIPPED | FAILED
    done: int
    total: int
    sha256: str | None = None
    verdict: DraftVerdict | None = None
    draft_id: int | None = None
    error: WorkbenchError | None = None
    level: str | None = None  # the verdict's (screened) or the stored one's (skipped)
    seconds: float = 0.0  # time in the worker
    worker: int | None = None  # the worker's process id
    worker_rss: int | None = None  # its resident memory after this draft (bytes)

    @property
    def name(self) -> str:
        return Path(self.path).name

    @property
    def ok(self) -> bool:
        return self.status != FAILED

    def line(self) -> Message:
        """The plain progress line for this outcome (a coded message)."""
        if self.status == FAILED:
            err = self.error
            return msg(M.I811, done=self.done, total=self.total, name=self.name, error=error_message(err, full=True) if err else "")
        if self.status == SKIPPED:
            return msg(M.I810, done=self.done, total=self.total, name=self.name, draft_id=self.draft_id,
                       level=level_message(self.level))
        top = self.verdict.top_field if self.verdict is not None else None
        top_msg: Message | str = ""
        if top is not None and self.level == "clear" and top.status == "no":
            # a clear draft's top field is only the nearest one: said so, not as a hit ("top field
            # 3 Guided weapons (0.00)" read as a finding), its likelihood as workbench triage gives it
            top_msg = msg(M.I830, field=top.field_id, field_name=field_name(top), p=top.likelihood)
        elif top is not None:
            top_msg = msg(M.I809, field=top.field_id, field_name=field_name(top), p=top.likelihood)
        return msg(M.I808, done=self.done, total=self.total, name=self.name, level=level_message(self.level), top=top_msg)


@dataclass
class BatchSummary:
    """Counts of a finished (or interrupted) batch."""

    total: int = 0
    screened: int = 0
    skipped: int = 0
    failures: list[Outcome] = field(default_factory=list)
    by_level: dict[str, int] = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic)
    ended: float | None = None
    interrupted: bool = False
    workers: dict[int, int] = field(default_factory=dict)  # pid -> peak resident bytes seen

    def add(self, out: Outcome) -> None:
        if out.status == SCREENED:
            self.screened += 1
            self.by_level[out.level or ""] = self.by_level.get(out.level or "", 0) + 1
        elif out.status == SKIPPED:
            self.skipped += 1
        else:
            self.failures.append(out)
        if out.worker is not None and out.worker_rss:
            self.workers[out.worker] = max(self.workers.get(out.worker, 0), out.worker_rss)

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def done(self) -> int:
        return self.screened + self.skipped + self.failed

    @property
    def seconds(self) -> float:
        return (self.ended or time.monotonic()) - self.started

    @property
    def rate(self) -> float:
        s = self.seconds
        return self.screened / s if s > 0 else 0.0

    def exit_code(self) -> int:
        """0; 2 when files were given and none could be screened (or skipped); 3 when some failed."""
        if self.failed and self.failed == self.done and not self.interrupted:
            return 2
        return 3 if self.failed else 0

    def lines(self, db_path: str | None = None) -> list[Message]:
        levels = tuple(msg(M.I813, n=self.by_level[lv], level=level_message(lv)) for lv in ("likely", "review", "clear") if self.by_level.get(lv))
        out = [msg(M.I812, screened=self.screened, total=self.total, seconds=f"{self.seconds:.1f}",
                   rate=f"{self.rate:.2f}", levels=levels or (msg(M.I818),))]
        if self.skipped:
            out.append(msg(M.I814, n=self.skipped))
        if self.failures:
            out.append(msg(M.I815, n=self.failed))
            out += [msg(M.I816, name=f.name, error=error_message(f.error, full=True) if f.error else "") for f in self.failures]
        if db_path and self.screened:
            out.append(msg(M.I817, path=db_path))
        return out


def level_message(level: str | None) -> Message | str:
    code = _LEVEL_MSG.get(level or "")
    return msg(code) if code else (level or "")


# ---------------------------------------------------------------------- the workers' side
def _rss() -> int | None:
    """This process's resident memory now (bytes), Linux /proc; else the peak from getrusage."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        try:
            import resource

            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            return peak if os.uname().sysname == "Darwin" else peak * 1024
        except (ImportError, OSError, AttributeError):
            return None


@dataclass(frozen=True)
class Screened:
    """What screening one file gives back, from a worker process, a Dask worker or this
    process: its verdict or its coded error, and how the worker fared. It pickles whole: a
    coded error crosses process and machine boundaries as itself (class, code, where, details)."""

    path: str
    verdict: DraftVerdict | None = None
    error: WorkbenchError | None = None
    seconds: float = 0.0  # time in the worker
    pid: int | None = None  # the worker's process id
    rss: int | None = None  # its resident memory after this draft (bytes)


def coded(exc: BaseException, path: str | None = None) -> WorkbenchError:
    """A failure as a coded error naming the file: a coded error stays what it is; anything
    else is a bug in the core, E904 with the exception's own words as its detail."""
    if isinstance(exc, WorkbenchError):
        return exc
    return WorkbenchError(E904, path=path, detail=cause(exc, en=f"{type(exc).__name__}: {exc}"[:500]))


def _portable(exc: WorkbenchError) -> WorkbenchError:
    """``exc`` if it pickles (it crosses to the parent), else the same code, place and
    details made plain values (a detail that was some unpicklable object becomes its text)."""
    import pickle

    try:
        pickle.dumps(exc)
        return exc
    except Exception:  # noqa: BLE001 - any pickling failure
        return WorkbenchError(exc.code, path=exc.path, line=exc.line, page=exc.page, **plain_details(exc.details))


def _worker_start(rules_dir: str | None = None, model_dir: str | None = None) -> None:
    """Run by each loky worker as it starts.

    A Ctrl-C at a terminal reaches the whole process group: the parent stops the batch and
    the workers itself (joblib terminates them), so a worker ignores it - else one caught
    between two drafts printed its traceback.

    Then the worker warms up: it builds the engine and screens a bundled example draft, so
    the lazy loads (spaCy and the claim pipeline, the model's vectoriser, the rules' compiled
    patterns: ~3 s of CPU) happen in every worker at once, while the parent lists and hashes
    the files - not one worker after the other on their first drafts. A failure here is
    not reported: the same error comes back, coded, from the probe or the first draft."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # the reader process first, while this worker is small: every draft's read is forked from
    # it (~2 MB of page tables), not from the worker with its engine loaded (~40 ms a fork)
    from workbench.ingest import isolate

    isolate.start_reader()
    try:
        from workbench.resources import examples_dir
        from workbench.triage import get_engine, screen_file

        eng = get_engine(rules_dir=rules_dir, model_dir=model_dir)
        screen_file(examples_dir() / "draft_en_coffee_grinder.txt", engine=eng)
    except Exception:  # noqa: BLE001 - see above
        pass
    # What is loaded now lives as long as the worker: the garbage collector need not walk it
    # again. A full collection walked its ~150,000 objects in ~100 ms, and loky forces one
    # every second in a worker when psutil is not installed (its memory-leak guard): about a
    # tenth of the worker's time; frozen, a collection takes well under a millisecond.
    import gc

    gc.collect()
    gc.freeze()


def _engine(options: BatchOptions):
    from workbench.triage import get_engine

    return get_engine(rules_dir=options.rules_dir, model_dir=options.model_dir)


def probe(options: BatchOptions) -> Identity:
    """Build (and keep) the engine in this process; what it screens with. Runs in a worker,
    so the parent learns the identity the workers screen with."""
    eng = _engine(options)
    rs = eng.ruleset
    return Identity(str(getattr(rs, "version", "")), str(getattr(rs, "checksum", "")), eng.model_version,
                    options.thresholds or eng.thresholds)


def screen_task(task: Task, options: BatchOptions, crosses: bool = True) -> Screened:
    """Screen one file in this (worker) process with its cached engine. Never raises for
    a file: a failure comes back as its coded error (made picklable when it ``crosses`` a
    process boundary)."""
    from workbench.triage import screen_file

    if crosses and _in_worker_process():  # a Dask worker has no initializer: its reads fork from its reader
        from workbench.ingest import isolate

        isolate.start_reader()
    t0 = time.perf_counter()
    verdict, error = None, None
    try:
        verdict = screen_file(
            task.path, answers=task.answers or options.answers, thresholds=options.thresholds,
            password=options.password, engine=_engine(options),
            ipc_codes=options.ipc_codes if task.ipc_codes is None else task.ipc_codes,
        )
    except Exception as exc:  # noqa: BLE001 - reported for this file; the batch goes on
        error = coded(exc, task.path)
        if crosses:
            error = _portable(error)
    return Screened(task.path, verdict, error, time.perf_counter() - t0, os.getpid(), _rss())


def _in_worker_process() -> bool:
    """True in a worker process started for the batch (a loky worker, a Dask worker under its
    nanny): there the reader lives as long as the worker. Anywhere else - the process that
    runs the batch, a Dask worker thread inside it, a test - reads keep forking from the caller
    (a reader left running there would read with the code as it was when it was forked)."""
    import multiprocessing

    return multiprocessing.parent_process() is not None


# ---------------------------------------------------------------------- the parent's side
def file_sha256(path: str | Path) -> str | None:
    """The hash the readers give a draft (of the file's bytes), or None if it cannot be read
    here: not a regular file (a FIFO would block, /dev/zero never end) or larger than any
    draft may be. The reader then reports it with its coded error (E116, E111, ...)."""
    import stat

    from workbench.ingest.limits import MAX_FILE_BYTES

    h = hashlib.sha256()
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_FILE_BYTES:
            return None
        with os.fdopen(os.open(path, flags), "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                return None
            total = 0
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                total += len(chunk)
                if total > MAX_FILE_BYTES:
                    return None
                h.update(chunk)
    except (OSError, ValueError):
        return None
    return h.hexdigest()


def _same_answers(stored: dict, answers: AdditionalAnswers) -> bool:
    return all(stored.get(k) == getattr(answers, k) for k in ("defence_use", "state_commissioned"))


def _same_thresholds(stored: dict, thr: Thresholds) -> bool:
    try:
        return abs(float(stored["review"]) - thr.review) < 1e-12 and abs(float(stored["likely"]) - thr.likely) < 1e-12
    except (KeyError, TypeError, ValueError):
        return False


def already_screened(log, tasks: Sequence[Task], identity: Identity, options: BatchOptions) -> dict[str, tuple[int, str]]:
    """{sha256: (draft id, stored level)} of the tasks whose latest stored verdict was made
    with ``identity`` (rules checksum, model, thresholds) and the same answers."""
    wanted = {t.sha256: t for t in tasks if t.sha256}
    if not wanted:
        return {}
    out: dict[str, tuple[int, str]] = {}
    for s in log.drafts():
        task = wanted.get(s.sha256)
        if task is None or s.level is None:
            continue
        if s.ruleset_version != identity.ruleset_version or s.model_version != identity.model_version:
            continue
        v = log.draft(s.id).verdict
        if v is None or v.ruleset_checksum != identity.ruleset_checksum:
            continue
        if not _same_thresholds(v.thresholds, identity.thresholds) or not _same_answers(v.answers, task.answers or options.answers):
            continue
        entered = v.screened.entered_ipc_codes if v.screened is not None else ()
        if set(entered) != _normalised_codes(options.ipc_codes if task.ipc_codes is None else task.ipc_codes):
            continue  # screened with other known codes: screen again

        out[s.sha256] = (s.id, v.level)
    return out


def recorded_count(log, tasks: Sequence[Task], *, since_event: int, identity: Identity | None = None,
                   options: BatchOptions = BatchOptions(), force: bool = False) -> int:
    """How many of ``tasks`` are recorded now, counted in the log itself (not from the outcomes
    the caller saw: a verdict committed just as a Ctrl-C came is recorded, though its outcome
    never reached the caller). Without ``force``: the tasks a re-run skips (screened before or by
    this batch with ``identity``); with it, those with a verdict recorded after event
    ``since_event`` (the log's head when the batch began)."""
    if not force and identity is not None:
        hit = already_screened(log, tasks, identity, options)
        return sum(1 for t in tasks if t.sha256 in hit)
    ids = {e.draft_id for e in log.history(after=since_event, fields=()) if e.kind == "verdict.recorded"}
    fresh = {s.sha256 for s in log.drafts() if s.id in ids}
    return sum(1 for t in tasks if t.sha256 and t.sha256 in fresh)


def _normalised_codes(codes) -> set[str]:
    from workbench.ipc.code import try_parse_ipc

    return {str(c) for c in (try_parse_ipc(x) for x in codes) if c is not None}


def _dask_client(scheduler: str, timeout: float):
    try:
        from dask.distributed import Client
    except ImportError as exc:
        raise BatchError(E802, detail=cause(exc, en=str(exc))) from None
    try:
        return Client(scheduler, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise BatchError(E801, address=scheduler, detail=cause(exc, en=f"{type(exc).__name__}: {exc}")) from None


def run_batch(
    paths: Iterable[str | Path | Task],
    *,
    log=None,
    options: BatchOptions = BatchOptions(),
    jobs: int = 1,
    scheduler: str | None = None,
    force: bool = False,
    should_cancel: Callable[[], bool] | None = None,
    reviewer: str | None = None,
    on_start: Callable[[int, Identity, int], None] | None = None,
    scheduler_timeout: float = 10.0,
    screen: Callable[[Task, BatchOptions], Screened] | None = None,
) -> Iterator[Outcome]:
    """Screen ``paths`` (files, or :class:`Task` s) and yield an :class:`Outcome` for each as
    it finishes (completion order when parallel). With ``log`` (an open TriageLog) each
    verdict is recorded before its outcome is yielded; skipped files (already screened with
    the same rules and model: see :func:`already_screened`) come first unless ``force``.
    ``should_cancel`` is asked between results: when it says yes, the drafts not yet
    finished are dropped and the generator ends (raises :class:`Cancelled`).
    ``on_start(total, identity, workers)`` is called once the engine is known, before the
    first draft. Coded errors for the batch as a whole: E801/E802 (cluster), the engine's
    (rules folder, model). ``screen(task, options) -> Screened`` replaces the pipeline of one
    file, in this process (tests, benchmarks: a fake pipeline); then nothing is skipped and
    no engine is built here."""
    if screen is not None:
        jobs, scheduler, force = 1, None, True
    tasks = [p if isinstance(p, Task) else Task(str(p)) for p in paths]
    tasks = [t if t.sha256 else replace(t, sha256=file_sha256(t.path)) for t in tasks]
    total = len(tasks)
    if not tasks:
        return
    import joblib  # type: ignore[import-untyped]

    with ExitStack() as stack:
        where = "local"
        if scheduler:
            client = stack.enter_context(_dask_client(scheduler, scheduler_timeout))
            stack.enter_context(joblib.parallel_config(backend="dask", client=client))
            n_workers = max(1, sum(client.nthreads().values()))
            parallel = stack.enter_context(joblib.Parallel(n_jobs=-1, batch_size=1, return_as="generator_unordered"))
            where = scheduler
        else:
            n_workers = max(1, int(jobs))
            if n_workers == 1:
                parallel = None
            else:
                stack.enter_context(joblib.parallel_config(backend="loky", initializer=_worker_start,
                                                          initargs=(options.rules_dir, options.model_dir)))
                parallel = stack.enter_context(
                    joblib.Parallel(n_jobs=n_workers, batch_size=1, return_as="generator_unordered", pre_dispatch="2*n_jobs")
                )
        identity = None
        if screen is None and parallel is None and total >= READER_FROM:
            # screened here: the reads fork from a reader process started before the engine loads
            # (it costs ~0.2 s of processor time to start and saves ~15-20 ms a draft: not for
            # `workbench triage` of one draft, or a few)
            from workbench.ingest import isolate

            stack.enter_context(isolate.reader())
        if screen is None:
            identity = probe(options) if parallel is None else next(iter(parallel([joblib.delayed(probe)(options)])))
            if on_start is not None:
                on_start(total, identity, n_workers)
        summary_done = 0

        skipped = {} if force or log is None or identity is None else already_screened(log, tasks, identity, options)
        todo: list[Task] = []
        for t in tasks:
            hit = skipped.get(t.sha256 or "")
            if hit is None:
                todo.append(t)
                continue
            summary_done += 1
            yield Outcome(t.path, SKIPPED, summary_done, total, sha256=t.sha256, draft_id=hit[0], level=hit[1])
        by_path: dict[str, list[Task]] = {}
        for t in todo:
            by_path.setdefault(t.path, []).append(t)

        if parallel is None:
            results = _one_after_another(todo, options, screen or _screen_here, should_cancel)
        else:
            results = iter(parallel(joblib.delayed(screen_task)(t, options) for t in todo))
        try:
            while True:
                try:
                    res = next(results)
                except StopIteration:
                    break
                except WorkbenchError:
                    raise
                except Exception as exc:  # noqa: BLE001 - a worker or the cluster went away: coded, recorded work kept
                    detail = cause(exc, en=f"{type(exc).__name__}: {exc}"[:500])
                    if scheduler:
                        raise BatchError(E801, address=scheduler, detail=detail) from None
                    raise BatchError(E904, detail=detail) from None
                task = by_path[res.path].pop(0)
                summary_done += 1
                yield _outcome(task, res, identity, log, reviewer, summary_done, total, where)
                if should_cancel is not None and should_cancel():
                    raise Cancelled()
        finally:
            close = getattr(results, "close", None)
            if close is not None:
                with warnings.catch_warnings():
                    # joblib warns in English that the tasks still running were cancelled: the
                    # caller says so itself, in the user's language (W801/W802)
                    warnings.simplefilter("ignore")
                    close()  # drops the tasks not started; running ones finish in their worker, unrecorded


def _screen_here(task: Task, options: BatchOptions) -> Screened:
    """:func:`screen_task` in this process: a coded error stays the very exception raised."""
    return screen_task(task, options, crosses=False)


def _one_after_another(todo: Sequence[Task], options: BatchOptions, screen, should_cancel) -> Iterator[Screened]:
    for t in todo:
        if should_cancel is not None and should_cancel():
            raise Cancelled()  # asked before each draft: nothing is started after a cancel
        yield screen(t, options)


def _outcome(task: Task, res: Screened, identity: Identity | None, log, reviewer, done: int, total: int, where: str) -> Outcome:
    failed = Outcome(task.path, FAILED, done, total, sha256=task.sha256, seconds=res.seconds, worker=res.pid, worker_rss=res.rss)
    if res.verdict is None:
        error = res.error if res.error is not None else WorkbenchError(E904, path=task.path, detail=msg(M.D804))
        return replace(failed, error=error)
    v = res.verdict
    if task.sha256 and v.draft.sha256 != task.sha256:
        return replace(failed, error=BatchError(E804, path=task.path, expected=task.sha256[:12], found=v.draft.sha256[:12]))
    if identity is not None and (v.ruleset_version, v.ruleset_checksum, v.model_version) != (
            identity.ruleset_version, identity.ruleset_checksum, identity.model_version):
        detail = msg(M.D803, rules=v.ruleset_version, model=v.model_version, where=where,
                     expected_rules=identity.ruleset_version, expected_model=identity.model_version)
        return replace(failed, error=BatchError(E803, path=task.path, detail=detail))
    return recorded(failed, v, log, reviewer)


def recorded(failed: Outcome, verdict: DraftVerdict, log, reviewer: str | None) -> Outcome:
    """The outcome of a screened draft (``failed``: its FAILED outcome so far) once its
    verdict is recorded in ``log`` (None: not recorded): SCREENED with the draft's log id, or -
    when the log refuses it - still FAILED, carrying the verdict beside the log's coded error.
    The one rule for a file of a batch and for a text screened by ``workbench triage --text``."""
    draft_id = None
    if log is not None:
        try:
            draft_id = log.record_verdict(verdict, reviewer)
        except WorkbenchError as exc:
            return replace(failed, verdict=verdict, error=exc, level=verdict.level)
    return replace(failed, status=SCREENED, verdict=verdict, draft_id=draft_id, level=verdict.level)


# ---------------------------------------------------------------------- re-screening
@dataclass(frozen=True)
class Change:
    """A stored draft whose level or top field changed when re-screened."""

    draft_id: int
    name: str
    before_level: str | None
    before_field: int | None
    after_level: str
    after_field: int | None

    def line(self) -> Message:
        return msg(M.I823, draft_id=self.draft_id, name=self.name,
                   before=_state(self.before_level, self.before_field), after=_state(self.after_level, self.after_field))


def _state(level: str | None, field_id: int | None) -> Message:
    if field_id is None:
        return msg(M.I822, level=level_message(level))
    return msg(M.I821, level=level_message(level), field=field_id)


@dataclass
class Rescreen:
    """A re-screen of stored drafts (see :func:`rescreen`): the files found (``tasks``),
    the ones missing or changed (``missing``, each a failed Outcome with E805), and after
    :meth:`outcomes` has run, the drafts whose level or top field changed."""

    log: Any
    tasks: list[Task]
    before: dict[str, tuple[int, str, str | None, int | None]]  # sha256 -> (draft id, name, level, top field)
    missing: list[Outcome]
    options: BatchOptions
    jobs: int = 1
    scheduler: str | None = None
    reviewer: str | None = None
    changes: list[Change] = field(default_factory=list)
    rescreened: int = 0

    def outcomes(self, on_start=None, should_cancel=None) -> Iterator[Outcome]:
        """Screen the found files again (a new verdict event each, recorded as it is ready)
        and yield their outcomes; fills :attr:`changes`."""
        extra = len(self.missing)
        for out in run_batch(self.tasks, log=self.log, options=self.options, jobs=self.jobs, scheduler=self.scheduler,
                             force=True, reviewer=self.reviewer, on_start=on_start, should_cancel=should_cancel):
            out = replace(out, done=out.done + extra, total=out.total + extra)
            if out.status == SCREENED and out.verdict is not None:
                self.rescreened += 1
                draft_id, name, level, top = self.before[out.sha256 or ""]
                new_top = out.verdict.top_field
                after = (out.verdict.level, new_top.field_id if new_top else None)
                if (level, top) != after:
                    self.changes.append(Change(draft_id, name, level, top, after[0], after[1]))
            yield out

    def changed_lines(self) -> list[Message]:
        return [c.line() for c in sorted(self.changes, key=lambda c: c.draft_id)]

    def verdict_line(self) -> Message:
        if not self.changes:
            return msg(M.I825, n=self.rescreened)
        return msg(M.I824, changed=len(self.changes), n=self.rescreened)


def rescreen(
    log,
    *,
    since: str | None = None,
    level: str | None = None,
    drafts: Sequence[int] | None = None,
    search: Sequence[str | Path] = (),
    options: BatchOptions = BatchOptions(),
    jobs: int = 1,
    scheduler: str | None = None,
    reviewer: str | None = None,
) -> Rescreen:
    """Plan a re-screen of the stored drafts (first recorded on or after ``since``, whose
    current level is ``level``, or the ids in ``drafts``) against the current rules and model:
    of a matter with versions, its latest version only.

    Each draft is screened again from its *file*, found by its stored path or, when it moved,
    in the ``search`` folders by its hash, and only when the file's hash is the stored one:
    the log keeps the claims but not the full text (on purpose: the draft file is the
    record), and a verdict from the claims alone would differ for reasons that have nothing
    to do with the rules or the model. A draft whose file is gone or changed is reported
    (E805) and keeps its stored verdicts. Each draft keeps the answers it was screened with
    and the IPC codes the user entered for it (stored with its verdict)."""
    from workbench.errors import E805

    # the latest version of each matter: an earlier version's verdict is history (its matter's
    # newest version is the draft), re-screening it recorded verdicts on superseded text
    summaries = log.drafts(level=level, since=since, latest_only=True)
    if drafts is not None:
        wanted = {int(d) for d in drafts}
        summaries = [s for s in summaries if s.id in wanted]
    index: dict[str, str] | None = None
    tasks: list[Task] = []
    before: dict[str, tuple[int, str, str | None, int | None]] = {}
    missing: list[Outcome] = []
    for s in summaries:
        if s.level is None:
            continue  # never screened (no verdict event): nothing to compare
        record = log.draft(s.id)
        path = record.source_path
        found = path if path and file_sha256(path) == s.sha256 else None
        if found is None and search:
            if index is None:
                index = _hash_index(search)
            found = index.get(s.sha256)
        if found is None:
            detail = msg(M.D801) if not path or not Path(path).exists() else msg(M.D802)
            missing.append(Outcome(path or s.name, FAILED, 0, 0, sha256=s.sha256, draft_id=s.id,
                                   error=BatchError(E805, path=path or s.name, draft_id=s.id, detail=detail)))
            continue
        stored = record.verdict.answers if record.verdict is not None else {}
        answers = AdditionalAnswers(defence_use=stored.get("defence_use"), state_commissioned=stored.get("state_commissioned"))
        screened = getattr(record.verdict, "screened", None)
        codes = tuple(screened.entered_ipc_codes) if screened is not None else ()  # the codes the user entered, again
        tasks.append(Task(found, s.sha256, answers, codes))
        before[s.sha256] = (s.id, s.name, s.level, s.top_field_id)
    n = len(tasks) + len(missing)
    missing = [replace(m, done=i + 1, total=n) for i, m in enumerate(missing)]
    return Rescreen(log, tasks, before, missing, options, jobs, scheduler, reviewer)


def _hash_index(folders: Sequence[str | Path]) -> dict[str, str]:
    from workbench.ingest.discover import expand_paths

    out: dict[str, str] = {}
    for f in expand_paths([str(d) for d in folders]):
        h = file_sha256(f)
        if h:
            out.setdefault(h, f)
    return out


def stale_draft_ids(log, identity: Identity) -> list[int]:
    """The stored drafts (a matter's latest version) whose current verdict was made with other
    rules or another model than ``identity`` (what a re-screen after a rule or model change
    screens again)."""
    return [
        s.id for s in log.drafts(latest_only=True)
        if s.level is not None and (s.ruleset_version != identity.ruleset_version or s.model_version != identity.model_version)
    ]


def current_identity(options: BatchOptions = BatchOptions()) -> Identity:
    """What this process screens with now (builds the engine here, once)."""
    return probe(options)
