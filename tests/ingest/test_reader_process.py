"""Reads forked from the reader process (isolate.start_reader) keep every bound of a forked read.

A batch worker and the GUI's screening process start a small reader process before the engine
loads, and each draft's read is forked from it instead of from the (large) caller. These tests
start a reader *after* putting a misbehaving step in the text reader (the reader is a fork: it
carries the step), and check each bound of tests/ingest/test_read_limits.py through it: the
processor-time limit (SIGXCPU and the kernel's SIGKILL), the clock (E118), memory (E111), a
reader that dies (E117), Ctrl-C, the same Draft, the processor time counted - and that the
read really was forked from the reader.
"""

from __future__ import annotations

import itertools
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from workbench.errors import IngestError
from workbench.ingest import isolate, read_draft
from workbench.ingest import text as text_reader
from workbench.ingest.isolate import MAX_READ_MEMORY, can_keep_reader
from workbench.ingest.limits import Limits

pytestmark = pytest.mark.skipif(not can_keep_reader(), reason="the reader process needs fork, pidfd and fd passing (Linux)")

CLAIMS = "What is claimed is:\n1. A drone comprising a rotor.\n2. The drone of claim 1, wherein the rotor is shrouded.\n"


@pytest.fixture
def draft(tmp_path) -> Path:
    p = tmp_path / "drone draft.txt"
    p.write_text("Title: Drone\n\n" + CLAIMS, encoding="utf-8")
    return p


@pytest.fixture
def reader():
    """Start the reader (after the test's monkeypatches: it is forked with them); always stopped."""
    started = []

    def start() -> int:
        isolate.stop_reader()  # one started before the step was put in would not carry it
        # not warmed: its warm-up reads the bundled examples through the step put in (see
        # test_a_reader_whose_warm_up_never_ends_is_not_waited_for)
        assert isolate.start_reader(warm=False)
        started.append(True)
        return isolate._reader.pid

    yield start
    isolate.stop_reader()
    assert not isolate.reader_running()


def _slow_step(monkeypatch, step):
    real = text_reader.decode_bytes

    def decode(data, path):
        step()
        return real(data, path)

    monkeypatch.setattr(text_reader, "decode_bytes", decode)


def _refused(path, code, **limits) -> IngestError:
    with pytest.raises(IngestError) as exc:
        read_draft(path, limits=Limits(**limits))
    assert exc.value.code == code, exc.value.render()
    assert exc.value.path == str(path)
    for lang in ("en", "ja"):
        text = exc.value.render_in(lang)
        assert text.startswith(f"[{code}] ") and path.name in text
    return exc.value


def test_the_read_is_forked_from_the_reader_not_from_this_process(monkeypatch, draft, reader, tmp_path):
    seen = tmp_path / "parent.txt"
    _slow_step(monkeypatch, lambda: seen.write_text(str(os.getppid())))
    pid = reader()
    d = read_draft(draft)
    assert "1. A drone" in d.claims_text
    assert int(seen.read_text()) == pid != os.getpid()
    isolate.stop_reader()  # then this process forks the read itself again
    read_draft(draft)
    assert int(seen.read_text()) == os.getpid()


def test_the_reader_gives_the_same_draft(draft, reader):
    reader()
    assert read_draft(draft) == read_draft(draft, limits=Limits(isolate=False))


def test_work_past_the_limit_is_refused_by_processor_time(monkeypatch, draft, reader):
    def burn():
        end = time.thread_time() + 0.3
        while time.thread_time() < end:
            pass

    _slow_step(monkeypatch, burn)
    reader()
    err = _refused(draft, "E112", timeout_s=0.2)
    assert "processor time" in err.render_in("en") and "CPU 時間" in err.render_in("ja")


def test_a_stalled_read_ends_on_the_clock_and_the_reader_goes_on(monkeypatch, draft, reader, tmp_path):
    flag = tmp_path / "stall"
    flag.write_text("1")
    _slow_step(monkeypatch, lambda: time.sleep(3600) if flag.exists() else None)
    pid = reader()
    started = time.monotonic()
    err = _refused(draft, "E118", wall_s=1.5)
    assert time.monotonic() - started < 10
    assert float(err.details["cpu"]) < 1.0  # it waited; it did not work
    assert "1.5 s" in err.render_in("en") and "1.5 秒" in err.render_in("ja")
    flag.unlink()
    assert "1. A drone" in read_draft(draft).claims_text  # the next read, through the same reader
    assert isolate.reader_running() and isolate._reader.pid == pid


def test_a_python_loop_that_never_checks_ends_by_the_kernels_cpu_limit(monkeypatch, draft, reader):
    def spin():
        while True:
            pass

    _slow_step(monkeypatch, spin)
    reader()
    started = time.process_time()
    _refused(draft, "E112", timeout_s=0.1, wall_s=120)
    assert time.process_time() - started < 1.0  # the child worked, not this process


def test_a_backtracking_regex_is_stopped_by_the_kernels_cpu_limit(monkeypatch, draft, reader):
    evil = re.compile(r"(a|aa)+$")
    _slow_step(monkeypatch, lambda: evil.match("a" * 200 + "b"))
    reader()
    _refused(draft, "E112", timeout_s=0.1, wall_s=120)


def test_a_c_call_that_never_returns_is_killed_by_the_kernels_cpu_limit(monkeypatch, draft, reader):
    _slow_step(monkeypatch, lambda: sum(itertools.repeat(1, 10**12)))
    reader()
    started = time.monotonic()
    err = _refused(draft, "E112", timeout_s=0.1, wall_s=120)
    assert time.monotonic() - started < 60
    assert "0.1" in err.render_in("en")


def test_memory_of_one_read_is_bounded_as_measured(monkeypatch, draft, reader):
    held = []
    _slow_step(monkeypatch, lambda: held.append(bytearray(MAX_READ_MEMORY + (256 << 20))))
    reader()
    err = _refused(draft, "E111")
    assert f"{MAX_READ_MEMORY:,}" in err.render_in("en")


def test_a_reader_child_that_dies_is_a_coded_error_and_the_reader_stays(monkeypatch, draft, reader):
    _slow_step(monkeypatch, lambda: os.kill(os.getpid(), signal.SIGSEGV))
    pid = reader()
    err = _refused(draft, "E117")
    assert "SIGSEGV" in err.render_in("en") and "SIGSEGV" in err.render_in("ja")
    assert isolate.reader_running() and isolate._reader.pid == pid


def _children_of(pid: int) -> set[int]:
    out = set()
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                with open(f"/proc/{p}/stat") as fh:
                    if int(fh.read().rsplit(")", 1)[1].split()[1]) == pid:
                        out.add(int(p))
            except (OSError, IndexError, ValueError):
                pass
    return out


def test_ctrl_c_while_waiting_leaves_no_reading_child_behind(monkeypatch, draft, reader):
    _slow_step(monkeypatch, lambda: time.sleep(3600))
    pid = reader()
    timer = threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        read_draft(draft, limits=Limits(wall_s=60))
    timer.join()
    assert _children_of(pid) == set()  # the read child was killed and reaped


def _gone(pid: int, within: float = 5.0) -> bool:
    """True once ``pid`` has ended (no such process, or a zombie nobody reaps: a container's
    init may not), polled for ``within`` seconds."""
    end = time.monotonic() + within
    while time.monotonic() < end:
        try:
            with open(f"/proc/{pid}/stat") as fh:
                if fh.read().rsplit(")", 1)[1].split()[0] in ("Z", "X"):
                    return True
        except FileNotFoundError:
            return True
        time.sleep(0.05)
    return False


def _pid_then_sleep(pid_file: Path, flag: Path):
    def step():
        if isolate.IN_CHILD and flag.exists():
            pid_file.write_text(str(os.getpid()))
            time.sleep(3600)
    return step


def test_a_read_child_dies_with_its_reader(monkeypatch, draft, reader, tmp_path):
    """A reader killed mid-read (SIGKILL: by the caller that gave up on it, or the warm-up's
    alarm) left its read child sleeping for an hour, holding the caller's output open - found
    as a pytest copy alive after a whole run. The child now dies with the process that forked it."""
    pid_file, flag = tmp_path / "child.pid", tmp_path / "stall"
    flag.write_text("1")
    _slow_step(monkeypatch, _pid_then_sleep(pid_file, flag))
    rd = reader()
    errors: list[BaseException] = []
    t = threading.Thread(target=lambda: _catch(errors, lambda: read_draft(draft, limits=Limits(wall_s=5))))
    t.start()
    end = time.monotonic() + 10
    while not pid_file.exists() and time.monotonic() < end:
        time.sleep(0.02)
    child = int(pid_file.read_text())
    assert child in _children_of(rd)  # forked from the reader, sleeping
    flag.unlink()  # the caller's own fork of the read again (the reader is gone) goes through
    os.kill(rd, signal.SIGKILL)
    assert _gone(child), "the read child outlived its reader"
    t.join(15)
    assert not t.is_alive() and not errors


def _catch(errors: list, fn) -> None:
    try:
        fn()
    except BaseException as exc:  # noqa: BLE001 - the test says what was raised
        errors.append(exc)


def test_a_read_child_dies_with_the_caller_that_forked_it(tmp_path):
    """The same for a read forked from the caller itself (no reader): a command killed with
    SIGKILL mid-read leaves no read behind."""
    pid_file = tmp_path / "child.pid"
    code = (
        "import os, sys, threading, time\n"
        "from workbench.ingest import isolate\n"
        "from workbench.ingest.limits import Limits\n"
        "def read():\n"
        f"    open({str(pid_file)!r}, 'w').write(str(os.getpid()))\n"
        "    time.sleep(3600)\n"
        "threading.Thread(target=isolate.run_isolated, args=('d.txt', read, Limits(wall_s=600)), daemon=True).start()\n"
        f"while not os.path.exists({str(pid_file)!r}): time.sleep(0.02)\n"
        "os.kill(os.getpid(), 9)\n"
    )
    # no pipes: a read child that outlived its caller would hold them open and hang the run
    r = subprocess.run([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    assert r.returncode == -signal.SIGKILL
    assert _gone(int(pid_file.read_text())), "the read child outlived its caller"


def test_a_reader_that_went_away_is_replaced_by_a_fork_of_this_process(draft, reader):
    pid = reader()
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    assert "1. A drone" in read_draft(draft).claims_text
    assert not isolate.reader_running()


def test_a_read_in_another_thread_while_the_reader_is_busy_forks_itself(monkeypatch, draft, reader):
    # one read at a time goes through the reader; a second one at once is not queued behind it
    _slow_step(monkeypatch, lambda: time.sleep(1.5))
    reader()
    out = []
    threads = [threading.Thread(target=lambda: out.append(read_draft(draft))) for _ in range(2)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(out) == 2 and all("1. A drone" in d.claims_text for d in out)
    assert time.monotonic() - started < 2.9  # side by side (one after the other: 3 s and more)
    assert isolate.reader_running()


def test_the_readers_processor_time_is_counted_as_this_processs_when_it_ends(draft):
    # the reader reaps its children and is reaped at exit: a benchmark of the process tree
    # (RUSAGE_CHILDREN, wait4) sees the reads' processor time
    code = ("import sys, time; from workbench.ingest import isolate, read_draft; from workbench.ingest import text as t; "
            "real = t.decode_bytes\n"
            "def burn(data, path):\n"
            "    end = time.thread_time() + 0.3\n"
            "    while time.thread_time() < end: pass\n"
            "    return real(data, path)\n"
            "t.decode_bytes = burn; assert isolate.start_reader(); read_draft(sys.argv[1]); read_draft(sys.argv[1])")
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([sys.executable, "-c", code, str(draft)], capture_output=True, text=True, timeout=120)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert out.returncode == 0, out.stderr
    assert (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime) >= 0.55


def test_a_scoped_reader_ends_with_its_scope_and_leaves_one_already_running(draft):
    with isolate.reader() as on:
        assert on and isolate.reader_running()
        pid = isolate._reader.pid
        read_draft(draft)
    assert not isolate.reader_running()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped
    assert isolate.start_reader()
    try:
        kept = isolate._reader.pid
        with isolate.reader():
            pass
        assert isolate.reader_running() and isolate._reader.pid == kept
    finally:
        isolate.stop_reader()


def test_a_reader_whose_warm_up_never_ends_is_not_waited_for(monkeypatch, draft):
    # the reader reads the bundled examples before it serves; were that to hang (here: every
    # read sleeps for an hour, then only the warm-up), the kernel ends the reader on the clock
    # and the reads fork from this process, each bounded as ever
    monkeypatch.setattr(isolate, "_WARM_UP_S", 1.0)
    monkeypatch.setattr(isolate, "_STARTED_S", 3.0)
    _slow_step(monkeypatch, lambda: time.sleep(3600) if isolate._reads < 3 and not isolate.IN_CHILD else None)
    assert isolate.start_reader()
    try:
        started = time.monotonic()
        assert "1. A drone" in read_draft(draft).claims_text
        assert time.monotonic() - started < 10
    finally:
        isolate.stop_reader()
    assert not isolate.reader_running()
