"""The background workers for all long work (screening, batch import, export, log writes).

A plain split in the spirit of superqt's ``FunctionWorker`` / ``GeneratorWorker``: both are
``QRunnable`` s on the shared ``QThreadPool`` that report through typed
:class:`WorkerSignals` (started / progress / yielded / result / errored / cancelled /
finished), and the caller chooses the kind by what the work is - nothing is guessed from a
function's signature:

- :class:`FunctionWorker` runs a plain synchronous core function once and emits its
  return value. It is not interrupted: a log write or an export finishes or fails whole.
- :class:`GeneratorWorker` runs a generator function, which is always given
  ``should_cancel`` (the worker's :meth:`~BaseWorker.abort_requested`) so the core can stop
  between files; the worker also checks between items and closes the generator (its
  ``finally`` blocks run in the worker thread). A :class:`~workbench.errors.Cancelled` the
  core raises after an abort request is a cancel, not an error.

The core never sees Qt: it receives plain callables.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from workbench.errors import Cancelled


class WorkerSignals(QObject):
    started = Signal()
    progress = Signal(int, int, str)  # done, total, label
    yielded = Signal(object)  # one item of a generator worker
    result = Signal(object)  # the return value (generator workers: the generator's, or None)
    errored = Signal(Exception)  # the exception raised
    cancelled = Signal()  # stopped early because abort() was called
    finished = Signal()  # always last


class BaseWorker(QRunnable):
    """What both workers share: the signals, the abort request and the run's frame.
    Keep a reference until ``finished`` (:func:`start_worker` does that for you)."""

    def __init__(self, total: int = 0) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns it; the pool must not delete it under us
        self.total = total
        self.signals = WorkerSignals()
        self._abort = threading.Event()
        self._done = threading.Event()

    # -- control, callable from any thread -------------------------------------------
    def abort(self) -> None:
        """Ask the work to stop at the next safe point (generator workers)."""
        self._abort.set()

    def abort_requested(self) -> bool:
        return self._abort.is_set()

    def is_done(self) -> bool:
        return self._done.is_set()

    def report_progress(self, done: int, total: int | None = None, label: str = "") -> None:
        self.signals.progress.emit(int(done), int(total if total is not None else self.total), str(label))

    # -- the run -------------------------------------------------------------------
    def work(self) -> Any:  # pragma: no cover - each kind says what it runs
        raise NotImplementedError

    def run(self) -> None:  # runs in a pool thread
        sig = self.signals
        try:
            sig.started.emit()
            out = self.work()
            if self._abort.is_set():
                sig.cancelled.emit()
            else:
                sig.result.emit(out)
        except Exception as exc:  # noqa: BLE001 - every failure goes to the notification route
            if isinstance(exc, Cancelled) and self._abort.is_set():
                sig.cancelled.emit()  # the core stopped because it was asked to
            else:
                sig.errored.emit(exc)
        finally:
            self._done.set()
            sig.finished.emit()


class FunctionWorker(BaseWorker):
    """Runs ``fn(*args, **kwargs)`` once in the thread pool and emits its return value."""

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.fn, self.args, self.kwargs = fn, args, kwargs

    def work(self) -> Any:
        return self.fn(*self.args, **self.kwargs)


class GeneratorWorker(BaseWorker):
    """Runs the generator function ``fn(*args, should_cancel=..., **kwargs)`` in the thread
    pool, emits each item it yields (and progress against ``total``), and stops between
    items when aborted."""

    def __init__(self, fn: Callable[..., Generator[Any, None, Any]], *args: Any, total: int = 0, **kwargs: Any) -> None:
        super().__init__(total)
        self.fn, self.args, self.kwargs = fn, args, kwargs

    def work(self) -> Any:
        gen = self.fn(*self.args, should_cancel=self.abort_requested, **self.kwargs)
        done = 0
        try:
            while True:
                if self._abort.is_set():
                    return None
                try:
                    item = next(gen)
                except StopIteration as stop:
                    return stop.value
                done += 1
                self.signals.yielded.emit(item)
                if self.total:
                    self.signals.progress.emit(done, self.total, "")
        finally:
            gen.close()


_ACTIVE: set[BaseWorker] = set()


def thread_pool() -> QThreadPool:
    """The one pool all workers run on (tests call ``thread_pool().waitForDone()``)."""
    return QThreadPool.globalInstance()


def start_worker(worker: BaseWorker) -> BaseWorker:
    """Start ``worker`` on the shared pool and keep it alive until it has finished."""
    _ACTIVE.add(worker)
    worker.signals.finished.connect(lambda w=worker: _ACTIVE.discard(w))
    thread_pool().start(worker)
    return worker


def active_workers() -> tuple[BaseWorker, ...]:
    return tuple(w for w in _ACTIVE if not w.is_done())


def abort_all(wait_ms: int = 5000) -> bool:
    """Ask every running worker to stop and wait for the pool; True if all stopped."""
    for w in list(_ACTIVE):
        w.abort()
    return thread_pool().waitForDone(wait_ms)
