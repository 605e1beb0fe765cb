"""One generic background worker for all long work (ingest, classify, batch import, export).

In the spirit of superqt's ``_qthreading``: a :class:`Worker` is a ``QRunnable`` that
runs a plain synchronous core function on the shared ``QThreadPool`` and reports
through :class:`WorkerSignals` (started / progress / yielded / result / errored /
finished). Cancelling is cooperative:

- if the function is a generator, the worker checks for an abort request between
  items and closes the generator (its ``finally`` blocks run in the worker thread);
- if the function takes a ``should_cancel`` keyword, the worker passes its own
  :meth:`Worker.abort_requested` so the core can stop between files.

The core never sees Qt: it receives plain callables.
"""

from __future__ import annotations

import inspect
import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class WorkerSignals(QObject):
    started = Signal()
    progress = Signal(int, int, str)  # done, total, label
    yielded = Signal(object)  # one item of a generator function
    result = Signal(object)  # the return value (generators: their return value, or None)
    errored = Signal(object)  # the exception raised
    cancelled = Signal()  # stopped early because abort() was called
    finished = Signal()  # always last


class Worker(QRunnable):
    """Runs ``fn(*args, **kwargs)`` in the thread pool.

    Keep a reference until ``finished`` (:func:`start_worker` does that for you).
    """

    def __init__(self, fn: Callable[..., Any], *args: Any, total: int = 0, **kwargs: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns it; the pool must not delete it under us
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.total = total
        self.signals = WorkerSignals()
        self._abort = threading.Event()
        self._done = threading.Event()
        try:
            params = inspect.signature(fn).parameters
        except (TypeError, ValueError):  # builtins
            params = {}
        if "should_cancel" in params and "should_cancel" not in kwargs:
            self.kwargs["should_cancel"] = self.abort_requested
        if "progress" in params and "progress" not in kwargs:
            self.kwargs["progress"] = self.report_progress

    # -- control, callable from any thread -------------------------------------------
    def abort(self) -> None:
        """Ask the work to stop at the next safe point."""
        self._abort.set()

    def abort_requested(self) -> bool:
        return self._abort.is_set()

    def is_done(self) -> bool:
        return self._done.is_set()

    def report_progress(self, done: int, total: int | None = None, label: str = "") -> None:
        self.signals.progress.emit(int(done), int(total if total is not None else self.total), str(label))

    # -- the run -------------------------------------------------------------------
    def run(self) -> None:  # runs in a pool thread
        sig = self.signals
        try:
            sig.started.emit()
            out = self.fn(*self.args, **self.kwargs)
            if inspect.isgenerator(out):
                out = self._drain(out)
            if self._abort.is_set():
                sig.cancelled.emit()
            else:
                sig.result.emit(out)
        except Exception as exc:  # noqa: BLE001 - every failure goes to the notification route
            if self._abort.is_set() and exc.__class__.__name__ == "Cancelled":
                sig.cancelled.emit()
            else:
                sig.errored.emit(exc)
        finally:
            self._done.set()
            sig.finished.emit()

    def _drain(self, gen) -> Any:
        done = 0
        try:
            while True:
                if self._abort.is_set():
                    gen.close()
                    return None
                try:
                    item = next(gen)
                except StopIteration as stop:
                    return stop.value
                done += 1
                sig = self.signals
                sig.yielded.emit(item)
                if self.total:
                    sig.progress.emit(done, self.total, "")
        finally:
            gen.close()


_ACTIVE: set[Worker] = set()


def thread_pool() -> QThreadPool:
    """The one pool all workers run on (tests call ``thread_pool().waitForDone()``)."""
    return QThreadPool.globalInstance()


def start_worker(worker: Worker) -> Worker:
    """Start ``worker`` on the shared pool and keep it alive until it has finished."""
    _ACTIVE.add(worker)
    worker.signals.finished.connect(lambda w=worker: _ACTIVE.discard(w))
    thread_pool().start(worker)
    return worker


def active_workers() -> tuple[Worker, ...]:
    return tuple(w for w in _ACTIVE if not w.is_done())


def abort_all(wait_ms: int = 5000) -> bool:
    """Ask every running worker to stop and wait for the pool; True if all stopped."""
    for w in list(_ACTIVE):
        w.abort()
    return thread_pool().waitForDone(wait_ms)
