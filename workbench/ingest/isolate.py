"""Run one read in a child process, where its limits hold even if the reader never returns.

The readers check their :class:`~workbench.ingest.limits.Deadline` inside their loops, but a
check only runs when the code comes back to it: one step inside a library (a C call, a
blocked read of a file on a network share that went away) can run on past it. So
``read_draft`` forks, and the child reads with both limits enforced from outside as well:

- **processor time**: the kernel's ``RLIMIT_CPU`` - a SIGXCPU (turned into E112 in the child)
  shortly after the limit, a SIGKILL soon after that; the child's clock starts at zero;
- **the clock**: the parent waits at most ``wall_s`` for the answer, then kills the child
  (E118: stalled, naming the file and the processor time it used);
- **memory**: the child's address space may grow by ``MAX_READ_MEMORY`` at most (an
  allocation past it is a MemoryError, E111).

The child sends back the Draft, or the coded error, pickled through a pipe, and ends with
``os._exit`` (nothing of the parent's - open logs, databases, atexit handlers - runs in it).
A child that dies without answering is a coded error too (E112 when it was killed for its
processor time, else E117 naming how it ended). Where there is no ``fork`` (Windows) the
read runs in the calling thread, bounded by the cooperative checks alone.
"""

from __future__ import annotations

import faulthandler
import gc
import math
import os
import pickle
import select
import signal
import sys
import time
from pathlib import Path
from typing import Callable

from workbench.domain import Draft
from workbench.errors import E111, E112, E117, IngestError, WorkbenchError
from workbench.ingest.limits import Limits, stalled
from workbench.messages import M, msg
from workbench.messages.causes import cause

MAX_READ_MEMORY = 1 << 30  # what one read may add to the process's address space
_CPU_GRACE_S = 1  # the kernel's SIGXCPU comes this long after the cooperative limit ...
_KILL_AFTER_S = 2  # ... and its SIGKILL this long after SIGXCPU


def can_isolate() -> bool:
    return hasattr(os, "fork") and sys.platform != "win32"


def run_isolated(path: str | Path, read: Callable[[], Draft], lim: Limits) -> Draft:
    """``read()`` in a forked child under ``lim``'s processor-time, clock and memory bounds;
    its Draft, or its coded error raised here."""
    _preload()
    started = time.monotonic()
    try:
        r, w = os.pipe()
    except OSError:  # out of file descriptors: read here, cooperatively bounded
        return read()
    try:
        pid = os.fork()
    except OSError:  # no memory or process slot for a child: read here, cooperatively bounded
        os.close(r)
        os.close(w)
        return read()
    if pid == 0:  # pragma: no cover - the child (measured through the parent's tests)
        os.close(r)
        _child(w, path, read, lim)
    os.close(w)
    reaped = False
    try:
        data = _receive(r, started + lim.wall_s)
        if data is None:  # the clock ran out: kill it, say how much it worked
            os.kill(pid, signal.SIGKILL)
            _, _status, usage = os.wait4(pid, 0)
            reaped = True
            raise stalled(path, lim.wall_s, usage.ru_utime + usage.ru_stime)
        # reaped even when it answered (its exit, unmapping a big process, takes ~10 ms): its
        # processor time then counts in this process's children's time, as the OS reports it
        _, status, usage = os.wait4(pid, 0)
        reaped = True
    finally:
        os.close(r)
        if not reaped:  # interrupted (Ctrl-C) or failed while waiting: the child goes too
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except OSError:
                pass
    if data:
        try:
            kind, value = pickle.loads(data)
        except Exception as exc:  # noqa: BLE001 - a cut answer: the child died while sending
            raise IngestError(E117, path=path, detail=cause(exc, en=f"{type(exc).__name__}: {exc}"[:200])) from None
        if kind == "ok":
            return value
        raise value
    cpu = usage.ru_utime + usage.ru_stime
    sig = -os.waitstatus_to_exitcode(status)
    if sig in (signal.SIGXCPU, signal.SIGKILL) and cpu >= lim.timeout_s:
        raise IngestError(E112, path=path, seconds=lim.timeout_s)
    raise IngestError(E117, path=path, detail=msg(M.D151, how=signal.Signals(sig).name if sig > 0 else -sig))


IN_CHILD = False  # True in the child process that reads


_READERS = ("workbench.ingest.pdf", "workbench.ingest.docx", "workbench.ingest.text", "workbench.ingest.uspto_xml",
            "pypdf", "docx")
_reads = 0


def _preload() -> None:
    """From a process's second read on, the readers and their libraries are imported here,
    once, so every child inherits them (imported in each child, pypdf and python-docx cost
    ~50 ms of processor time per read). A one-shot command (one read) imports only the
    reader it needs, in its child, as an in-process read would."""
    global _reads
    _reads += 1
    if _reads != 2:
        return
    import importlib

    for name in _READERS:
        try:
            importlib.import_module(name)
        except ImportError:  # a reader whose library is missing says so when it is used
            pass


def _receive(fd: int, wall_end: float) -> bytes | None:
    """All the child writes until it closes the pipe; None when ``wall_end`` passes first."""
    chunks: list[bytes] = []
    while True:
        left = wall_end - time.monotonic()
        if left <= 0:
            return None
        ready, _, _ = select.select([fd], [], [], min(left, 1.0))
        if not ready:
            continue
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


class _OverCpu(BaseException):
    """Raised by SIGXCPU: a BaseException, so no reader's or library's ``except Exception``
    (which would turn it into a damaged-file error) stops it on its way out."""


def _child(w: int, path: str | Path, read: Callable[[], Draft], lim: Limits) -> None:  # pragma: no cover - runs in the child
    code = 0
    try:
        global IN_CHILD
        IN_CHILD = True
        gc.freeze()  # the parent's objects stay untouched (no copy of its pages for a collection)
        faulthandler.disable()  # a reader that crashes is reported by the parent (E117), not dumped
        # Ctrl-C is the parent's to handle (it kills this child if it stops waiting, or waits
        # for the answer if it only notes the request, as a batch does)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _limit_self(lim)
        try:
            result: tuple = ("ok", read())
        except WorkbenchError as exc:
            result = ("error", exc)
        except _OverCpu:
            result = ("error", IngestError(E112, path=path, seconds=lim.timeout_s))
        except MemoryError:
            result = ("error", IngestError(E111, path=path, size=msg(M.D135), limit=msg(M.D152, n=MAX_READ_MEMORY)))
        try:
            payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - never a traceback from the child
            payload = pickle.dumps(("error", IngestError(E117, path=path, detail=cause(exc, en=f"{type(exc).__name__}: {exc}"[:200]))))
        view = memoryview(payload)
        while view:
            n = os.write(w, view)
            view = view[n:]
    except BaseException:  # noqa: BLE001 - the parent reports a child that ends without an answer
        code = 70
    finally:
        os._exit(code)


def _limit_self(lim: Limits) -> None:  # pragma: no cover - runs in the child
    try:
        import resource
    except ImportError:
        return

    def over(_signum, _frame):
        raise _OverCpu()

    soft = max(1, math.ceil(lim.timeout_s)) + _CPU_GRACE_S
    try:
        signal.signal(signal.SIGXCPU, over)
        resource.setrlimit(resource.RLIMIT_CPU, (soft, soft + _KILL_AFTER_S))
    except (ValueError, OSError):
        pass
    try:
        grown = _address_space() + MAX_READ_MEMORY
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        if hard == resource.RLIM_INFINITY or hard > grown:
            resource.setrlimit(resource.RLIMIT_AS, (grown, hard))
    except (ValueError, OSError):
        pass


def _address_space() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
