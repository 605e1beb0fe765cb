"""The two workers (function and generator), exercised with plain functions; tests wait on signals, never sleep."""

from __future__ import annotations

import threading

import pytest

from workbench.errors import E104, IngestError
from workbench.errors import Cancelled
from workbench.ui.workers import FunctionWorker, GeneratorWorker, start_worker


def test_plain_function_result_runs_off_the_gui_thread(qtbot):
    main = threading.get_ident()
    seen = {}

    def work(a, b):
        seen["thread"] = threading.get_ident()
        return a + b

    w = FunctionWorker(work, 2, 3)
    with qtbot.waitSignal(w.signals.finished, timeout=5000):
        with qtbot.waitSignal(w.signals.result, timeout=5000) as res:
            start_worker(w)
    assert res.args == [5]
    assert seen["thread"] != main


def test_generator_yields_items_and_progress(qtbot):
    def gen(n, should_cancel):
        for i in range(n):
            yield i * 10
        return "done"

    w = GeneratorWorker(gen, 4, total=4)
    items, progress = [], []
    w.signals.yielded.connect(items.append)
    w.signals.progress.connect(lambda d, t, _l: progress.append((d, t)))
    with qtbot.waitSignal(w.signals.finished, timeout=5000):
        with qtbot.waitSignal(w.signals.result, timeout=5000) as res:
            start_worker(w)
    assert items == [0, 10, 20, 30]
    assert progress[-1] == (4, 4)
    assert res.args == ["done"]


def test_errors_are_emitted_not_raised(qtbot):
    def bad():
        raise IngestError(E104, path="x.pdf", detail="truncated")

    w = FunctionWorker(bad)
    with qtbot.waitSignal(w.signals.finished, timeout=5000):
        with qtbot.waitSignal(w.signals.errored, timeout=5000) as err:
            start_worker(w)
    assert isinstance(err.args[0], IngestError) and err.args[0].code == "E104"


def test_cooperative_cancel_of_a_generator_runs_its_cleanup(qtbot):
    gate = threading.Event()
    cleaned = threading.Event()

    def gen(should_cancel):
        try:
            for i in range(1000):
                yield i
                gate.wait(5)  # held until the test has asked to abort
        finally:
            cleaned.set()

    w = GeneratorWorker(gen, total=1000)
    items = []

    def first(item):
        items.append(item)
        if len(items) == 1:
            w.abort()
            gate.set()

    w.signals.yielded.connect(first)
    results = []
    w.signals.result.connect(results.append)
    with qtbot.waitSignal(w.signals.cancelled, timeout=5000):
        start_worker(w)
    qtbot.waitUntil(w.is_done, timeout=5000)
    assert cleaned.is_set()
    assert len(items) < 1000 and not results


def test_a_generator_worker_gives_the_core_should_cancel(qtbot):
    gate, running = threading.Event(), threading.Event()
    seen = []

    def work(should_cancel):
        running.set()
        gate.wait(5)
        seen.append(should_cancel())
        yield 1

    w = GeneratorWorker(work)
    with qtbot.waitSignal(w.signals.finished, timeout=5000):
        with qtbot.waitSignal(w.signals.cancelled, timeout=5000):
            start_worker(w)
            qtbot.waitUntil(running.is_set, timeout=5000)  # the core is inside its work
            w.abort()
            gate.set()
    assert seen == [True]


def test_a_function_worker_passes_exactly_the_arguments_given(qtbot):
    """No signature sniffing: a function that happens to take should_cancel gets what the caller gave."""
    def work(should_cancel=None):
        return should_cancel

    w = FunctionWorker(work)
    with qtbot.waitSignal(w.signals.finished, timeout=5000):
        with qtbot.waitSignal(w.signals.result, timeout=5000) as res:
            start_worker(w)
    assert res.args == [None]


def test_the_cores_cancelled_after_an_abort_is_a_cancel_and_without_one_an_error(qtbot):
    gate = threading.Event()

    def stops(should_cancel):
        gate.wait(5)
        raise Cancelled()
        yield  # a generator

    running = threading.Event()

    def stops_when_asked(should_cancel):
        running.set()
        gate.wait(5)
        raise Cancelled()
        yield  # a generator

    w = GeneratorWorker(stops_when_asked)
    with qtbot.waitSignal(w.signals.finished, timeout=5000), qtbot.waitSignal(w.signals.cancelled, timeout=5000):
        start_worker(w)
        qtbot.waitUntil(running.is_set, timeout=5000)
        w.abort()
        gate.set()
    gate.clear()
    other = GeneratorWorker(stops)
    with qtbot.waitSignal(other.signals.finished, timeout=5000):
        with qtbot.waitSignal(other.signals.errored, timeout=5000) as err:
            start_worker(other)
            gate.set()
    assert isinstance(err.args[0], Cancelled)


@pytest.mark.parametrize("n", [3])
def test_several_workers_in_parallel_all_finish(qtbot, n):
    workers = [FunctionWorker(lambda i=i: i * i) for i in range(n)]
    results = []
    for w in workers:
        w.signals.result.connect(results.append)
    with qtbot.waitSignals([w.signals.finished for w in workers], timeout=5000):
        for w in workers:
            start_worker(w)
    assert sorted(results) == [0, 1, 4]
