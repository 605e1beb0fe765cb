"""The reader's time limit is processor time, the clock only a backstop (issue 14).

The last release counted the limit on the clock: on a machine starved for CPU (load 7-10 on
2 cores) a good PDF was refused with E112 and files ran past the limit. Now the read counts
the processor time it used, a read that stalls (waiting, not working) ends on the clock with
E118, and the read runs in a child process where both hold even inside a step that never
comes back to a check (the kernel's CPU limit, the parent's clock, an address-space limit).

A step that *waits* stands for a machine too busy to give the reader a core: the clock runs,
the reader does no work.
"""

from __future__ import annotations

import itertools
import os
import re
import signal
import threading
import time
from pathlib import Path

import pytest

from workbench.errors import IngestError
from workbench.ingest import read_draft
from workbench.ingest import text as text_reader
from workbench.ingest.isolate import MAX_READ_MEMORY, can_isolate
from workbench.ingest.limits import Limits

CLAIMS = "What is claimed is:\n1. A drone comprising a rotor.\n2. The drone of claim 1, wherein the rotor is shrouded.\n"
needs_fork = pytest.mark.skipif(not can_isolate(), reason="the child-process reader needs fork (Linux/macOS)")


@pytest.fixture
def draft(tmp_path) -> Path:
    p = tmp_path / "drone draft.txt"
    p.write_text("Title: Drone\n\n" + CLAIMS, encoding="utf-8")
    return p


def _slow_step(monkeypatch, step):
    """Run ``step()`` inside the text reader (after decoding, before the first check)."""
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


@pytest.mark.parametrize("isolate", [True, False])
def test_a_good_draft_on_a_starved_machine_is_read(monkeypatch, draft, isolate):
    # 1.5 s on the clock without work, limit 1 s: the clock-based limit refused it (E112)
    _slow_step(monkeypatch, lambda: time.sleep(1.5))
    d = read_draft(draft, limits=Limits(timeout_s=1.0, isolate=isolate))
    assert "1. A drone" in d.claims_text


@pytest.mark.parametrize("isolate", [True, False])
def test_work_past_the_limit_is_refused_by_processor_time(monkeypatch, draft, isolate):
    def burn():
        end = time.thread_time() + 0.3
        while time.thread_time() < end:
            pass

    _slow_step(monkeypatch, burn)
    err = _refused(draft, "E112", timeout_s=0.2, isolate=isolate)
    assert "processor time" in err.render_in("en") and "CPU 時間" in err.render_in("ja")


@needs_fork
def test_a_stalled_read_ends_on_the_clock(monkeypatch, draft):
    # a blocked read of a file on a share that went away, a library waiting forever
    _slow_step(monkeypatch, lambda: time.sleep(3600))
    started = time.monotonic()
    err = _refused(draft, "E118", wall_s=1.5)
    assert time.monotonic() - started < 10
    assert float(err.details["cpu"]) < 1.0  # it waited; it did not work
    assert "1.5 s" in err.render_in("en") and "1.5 秒" in err.render_in("ja")
    assert "network share" in err.render_in("en") and "ネットワーク共有" in err.render_in("ja")


@needs_fork
def test_a_python_loop_that_never_checks_ends_by_the_kernels_cpu_limit(monkeypatch, draft):
    def spin():
        while True:
            pass

    _slow_step(monkeypatch, spin)
    started = time.process_time()
    _refused(draft, "E112", timeout_s=0.1, wall_s=120)  # SIGXCPU after 2 s of processor time
    assert time.process_time() - started < 1.0  # the child worked, not this process


@needs_fork
def test_a_backtracking_regex_is_stopped_by_the_kernels_cpu_limit(monkeypatch, draft):
    evil = re.compile(r"(a|aa)+$")  # catastrophic backtracking: would outlast the universe
    _slow_step(monkeypatch, lambda: evil.match("a" * 200 + "b"))
    _refused(draft, "E112", timeout_s=0.1, wall_s=120)  # SIGXCPU after 2 s of processor time


@needs_fork
def test_a_c_call_that_never_returns_is_killed_by_the_kernels_cpu_limit(monkeypatch, draft):
    # one C call that never looks at signals (a SIGXCPU handler cannot run inside it): the
    # kernel's hard limit kills the child, and the parent names the file
    _slow_step(monkeypatch, lambda: sum(itertools.repeat(1, 10**12)))
    started = time.monotonic()
    err = _refused(draft, "E112", timeout_s=0.1, wall_s=120)  # SIGKILL after 4 s of processor time
    assert time.monotonic() - started < 60
    assert "0.1" in err.render_in("en")


@needs_fork
def test_memory_of_one_read_is_bounded_as_measured(monkeypatch, draft):
    held = []
    _slow_step(monkeypatch, lambda: held.append(bytearray(MAX_READ_MEMORY + (256 << 20))))
    err = _refused(draft, "E111")
    assert f"{MAX_READ_MEMORY:,}" in err.render_in("en")


@needs_fork
def test_a_reader_that_dies_is_a_coded_error(monkeypatch, draft):
    _slow_step(monkeypatch, lambda: os.kill(os.getpid(), signal.SIGSEGV))
    err = _refused(draft, "E117")
    assert "SIGSEGV" in err.render_in("en") and "SIGSEGV" in err.render_in("ja")


@needs_fork
def test_ctrl_c_while_waiting_leaves_no_reader_behind(monkeypatch, draft):
    _slow_step(monkeypatch, lambda: time.sleep(3600))
    # the suite's own children (the test PostgreSQL server, a Dask cluster) are not the reader's
    before = set(_children())
    timer = threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        read_draft(draft, limits=Limits(wall_s=60))
    timer.join()
    assert set(_children()) - before == set()


def _children() -> list[str]:
    """This process's child processes, zombies included (an unreaped child is still listed)."""
    if not os.path.isdir("/proc"):
        pytest.skip("no /proc to list child processes")
    return [pid for pid in os.listdir("/proc") if pid.isdigit() and _ppid(pid) == os.getpid()]


def _ppid(pid: str) -> int | None:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return int(fh.read().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


@needs_fork
def test_the_child_read_gives_the_same_draft(draft):
    a = read_draft(draft, limits=Limits(isolate=True))
    b = read_draft(draft, limits=Limits(isolate=False))
    assert a == b


@needs_fork
def test_the_reading_childs_processor_time_is_counted_as_this_processs(monkeypatch, draft):
    # the child is reaped even when it answered: the OS then counts its processor time in
    # ours (RUSAGE_CHILDREN, wait4 of a CLI run), so a benchmark sees the read's real cost
    import resource

    def burn():
        end = time.thread_time() + 0.3
        while time.thread_time() < end:
            pass

    _slow_step(monkeypatch, burn)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    read_draft(draft)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime) >= 0.25


@needs_fork
def test_the_readers_libraries_are_imported_once_in_a_parent_that_reads_again(draft):
    # imported in each child instead, pypdf and python-docx cost ~50 ms of processor time per read
    import subprocess
    import sys

    # ... but a one-shot command reading one text file does not pay for them
    code = ("import sys; from workbench.ingest import read_draft; read_draft(sys.argv[1]); "
            "libs = lambda: [m in sys.modules for m in ('pypdf', 'docx', 'workbench.ingest.pdf')]; print(libs()); "
            "read_draft(sys.argv[1]); print(libs())")
    out = subprocess.run([sys.executable, "-c", code, str(draft)], capture_output=True, text=True, timeout=120)
    assert out.stdout.split("\n")[:2] == ["[False, False, False]", "[True, True, True]"], out.stdout + out.stderr
