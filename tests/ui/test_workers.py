"""The generic worker, exercised with plain functions; tests wait on signals, never sleep."""

from __future__ import annotations

import threading

import pytest

from workbench.errors import E104, IngestError
from workbench.ui.workers import Worker, start_worker


def test_plain_function_result_runs_off_the_gui_thread(qtbot):
    main = threading.get_ident()
    seen = {}

    def work(a, b):
        seen["thread"] = threading.get_ident()
        return a + b

    w = Worker(work, 2, 3)
    with qtbot.waitSignal(w.signals.finished, timeout=5000):
        with qtbot.waitSignal(w.signals.result, timeout=5000) as res:
            start_worker(w)
    assert res.args == [5]
    assert seen["thread"] != main


def test_generator_yields_items_and_progress(qtbot):
    def gen(n):
        for i in range(n):
            yield i * 10
        return "done"

    w = Worker(gen, 4, total=4)
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

    w = Worker(bad)
    with qtbot.waitSignal(w.signals.finished, timeout=5000):
        with qtbot.waitSignal(w.signals.errored, timeout=5000) as err:
            start_worker(w)
    assert isinstance(err.args[0], IngestError) and err.args[0].code == "E104"


def test_cooperative_cancel_of_a_generator_runs_its_cleanup(qtbot):
    gate = threading.Event()
    cleaned = threading.Event()

    def gen():
        try:
            for i in range(1000):
                yield i
                gate.wait(5)  # held until the test has asked to abort
        finally:
            cleaned.set()

    w = Worker(gen, total=1000)
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


def test_should_cancel_is_passed_to_functions_that_take_it(qtbot):
    gate = threading.Event()

    def work(should_cancel):
        gate.wait(5)
        return should_cancel()

    w = Worker(work)
    with qtbot.waitSignal(w.signals.finished, timeout=5000):
        with qtbot.waitSignal(w.signals.cancelled, timeout=5000):
            start_worker(w)
            w.abort()
            gate.set()


@pytest.mark.parametrize("n", [3])
def test_several_workers_in_parallel_all_finish(qtbot, n):
    workers = [Worker(lambda i=i: i * i) for i in range(n)]
    results = []
    for w in workers:
        w.signals.result.connect(results.append)
    with qtbot.waitSignals([w.signals.finished for w in workers], timeout=5000):
        for w in workers:
            start_worker(w)
    assert sorted(results) == [0, 1, 4]
