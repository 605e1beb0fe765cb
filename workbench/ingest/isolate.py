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

**The reader process.** Forking costs what the forking process holds: ~15 ms for a 160 MB
command, ~40 ms in a 220 MB batch worker with the engine loaded (the page tables are
copied, and every page the parent writes afterwards faults once) - more than the read
itself for most drafts. A process that reads many drafts (a batch worker, the GUI's
screening process) therefore starts a *reader process* first, while it is still small
(:func:`start_reader`, or :func:`reader` for a scope): a fork of it that waits for work.
Each read is then forked from the reader (a few MB of page tables, not the engine's) and
keeps every bound above: the read child sets the same processor-time and memory limits on
itself, the caller still counts the clock and has the reader kill the child when it passes
(E118), and the reader reaps each child and sends back how it ended and the processor time
it used (E112/E117 as before). A read in a thread while another read uses the reader, or
after the reader has gone, forks from the caller as before. The reader ends when its
caller closes it or exits (it is reaped then: its children's processor time is counted in
the caller's, as a forked read's is).
"""

from __future__ import annotations

import faulthandler
import gc
import math
import os
import pickle
import select
import signal
import socket
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

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


def run_isolated(path: str | Path, read: Callable[[], Draft], lim: Limits, password: str | None = None,
                 job: bool = False) -> Draft:
    """``read()`` in a forked child under ``lim``'s processor-time, clock and memory bounds;
    its Draft, or its coded error raised here. With ``job`` (``read`` is
    ``ingest._read_bounded(path, password, lim)``) the child is forked from the reader
    process when one runs and is free."""
    if job and _reader is not None and _reader_lock.acquire(blocking=False):
        try:
            rd = _reader
            if rd is not None and rd.usable:
                done = rd.read(path, password, lim)
                if done is not None:
                    return done
        finally:
            _reader_lock.release()
    _preload()
    started = time.monotonic()
    try:
        r, w = os.pipe()
    except OSError:  # out of file descriptors: read here, cooperatively bounded
        return read()
    try:
        pid = _fork_child()
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
    return _answer(path, data, status, usage.ru_utime + usage.ru_stime, lim)


def _answer(path: str | Path, data: bytes, status: int, cpu: float, lim: Limits) -> Draft:
    """The child's Draft (or its coded error raised) from what it sent, how it ended and the
    processor time it used."""
    if data:
        try:
            kind, value = pickle.loads(data)
        except Exception as exc:  # noqa: BLE001 - a cut answer: the child died while sending
            raise IngestError(E117, path=path, detail=cause(exc, en=f"{type(exc).__name__}: {exc}"[:200])) from None
        if kind == "ok":
            return value
        raise value
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


def _parent_death_signal() -> Callable[[], None] | None:
    """Linux's prctl(PR_SET_PDEATHSIG) as a call for a child: the kernel sends the child
    SIGKILL when the thread that forked it ends. Looked up in the parent (ctypes and libc are
    then inherited, nothing loads per read); None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    return lambda: prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG


_die_with_parent: Callable[[], None] | None = None
_death_looked_up = False


def _fork_child() -> int:
    """os.fork() for a read: the child dies with the process that forked it (a reader killed
    on the clock or by SIGKILL, a caller that crashed), so a read stuck in a sleep or a hung C
    call never outlives it - CPU limits do not end a process that waits. Raises OSError as
    os.fork does."""
    global _die_with_parent, _death_looked_up
    if not _death_looked_up:
        _die_with_parent, _death_looked_up = _parent_death_signal(), True
    parent = os.getpid()
    pid = os.fork()
    if pid == 0 and _die_with_parent is not None:  # pragma: no cover - the child
        try:
            _die_with_parent()
        except Exception:  # noqa: BLE001 - without it the old bounds hold
            pass
        if os.getppid() != parent:  # the parent ended before the signal was asked for
            os._exit(70)
    return pid


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


# ---------------------------------------------------------------------- the reader process
def can_keep_reader() -> bool:
    """A reader process needs fork, file descriptors passed over a local socket and process
    file descriptors (Linux)."""
    return can_isolate() and hasattr(os, "pidfd_open") and hasattr(socket, "send_fds") and hasattr(socket, "SOCK_SEQPACKET")


_reader: "_Reader | None" = None
_reader_lock = threading.Lock()  # one read at a time through the reader; another thread forks as before
_KILL, _STARTED, _DONE = b"k", "started", "done"
_STARTED_S = 30.0  # the longest a read waits for the reader to take it (it takes it at once, once warm)
_WARM_UP_S = 20.0  # the reader's warm-up, on the clock: past it the reader ends (callers fork reads themselves)
_BROKEN = (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError)  # the reader's answers stopped making sense


class _Reader:
    """This process's side of the reader process: its pid and the socket to it."""

    def __init__(self, pid: int, sock: socket.socket) -> None:
        self.pid = pid
        self.sock = sock
        self.owner = os.getpid()  # a forked copy of this process does not use it
        self.usable = True

    def read(self, path: str | Path, password: str | None, lim: Limits) -> Draft | None:
        """One read forked from the reader; None when the reader cannot take it (gone:
        the caller forks itself)."""
        if os.getpid() != self.owner:
            return None
        started = time.monotonic()
        try:
            request = pickle.dumps((path, password, lim), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - an odd path object: the caller forks itself
            return None
        try:
            r, w = os.pipe()
        except OSError:
            return None
        try:
            try:
                socket.send_fds(self.sock, [request], [w])
            finally:
                os.close(w)
            # the reader answers at once - unless it never got going (its warm-up stuck): then
            # the read's own clock bounds the wait, and this process forks the read itself
            self.sock.settimeout(max(0.1, started + min(lim.wall_s, _STARTED_S) - time.monotonic()))
            try:
                reply = self.sock.recv(256)
            finally:
                self.sock.settimeout(None)
            if not reply:
                raise OSError("the reader process ended")
        except OSError:  # socket.timeout included
            os.close(r)
            self.close(kill=True)
            return None
        except BaseException:  # Ctrl-C before the reader answered: it and its child go
            os.close(r)
            self.close(kill=True)
            raise
        done = None
        data = None
        try:
            try:
                data = _receive(r, started + lim.wall_s)
                if data is None:  # the clock ran out: the reader kills it and says how much it worked
                    self.sock.send(_KILL)
                done = self._done()
            except _BROKEN:
                pass
        finally:
            os.close(r)
            if done is None:  # interrupted (Ctrl-C), or the reader failed: the child goes too
                try:
                    self.sock.send(_KILL)
                    self._done(timeout=10.0)
                except _BROKEN:
                    pass
                self.close()
        if done is None:  # the reader went away during the read: the caller reads it again itself
            return None
        status, cpu = done
        if data is None:
            raise stalled(path, lim.wall_s, cpu)
        return _answer(path, data, status, cpu, lim)

    def _done(self, timeout: float | None = None) -> tuple[int, float]:
        self.sock.settimeout(timeout)
        try:
            reply = self.sock.recv(256)
        finally:
            self.sock.settimeout(None)
        if not reply:
            raise EOFError("the reader process ended")
        kind, status, cpu = pickle.loads(reply)
        if kind != _DONE:
            raise ValueError(kind)
        return status, cpu

    def close(self, kill: bool = False) -> None:
        """End the reader (it exits when its socket closes; ``kill``: at once) and reap it."""
        self.usable = False
        if os.getpid() != self.owner:
            return
        try:
            self.sock.close()
        except OSError:
            pass
        try:
            if kill:
                os.kill(self.pid, signal.SIGKILL)
            pid, _ = os.waitpid(self.pid, os.WNOHANG)
            if pid == 0:  # still ending its current read: it kills that child first
                deadline = time.monotonic() + 5.0
                while pid == 0 and time.monotonic() < deadline:
                    time.sleep(0.005)
                    pid, _ = os.waitpid(self.pid, os.WNOHANG)
                if pid == 0:
                    os.kill(self.pid, signal.SIGKILL)
                    os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        except OSError:
            pass


def reader_running() -> bool:
    return _reader is not None and _reader.usable and _reader.owner == os.getpid()


def start_reader(warm: bool = True) -> bool:
    """Start this process's reader process now, if none runs (see the module's doc): call it
    while the process is small, before the engine loads. True when reads now fork from it.
    It lives until :func:`stop_reader` or the process's exit. ``warm``: it first reads the
    bundled examples itself (what a first read sets up lazily is then there in every child;
    bounded by ``_WARM_UP_S`` on the clock)."""
    global _reader
    if reader_running():
        return True
    if not can_keep_reader():
        return False
    with _reader_lock:
        if reader_running():
            return True
        try:
            mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        except OSError:
            return False
        try:
            pid = os.fork()
        except OSError:
            mine.close()
            theirs.close()
            return False
        if pid == 0:  # pragma: no cover - the reader process (measured through the parent's tests)
            code = 0
            try:
                mine.close()
                _serve(theirs, warm)
            except BaseException:  # noqa: BLE001 - it ends; the caller forks itself from then on
                code = 70
            finally:
                os._exit(code)
        theirs.close()
        _reader = _Reader(pid, mine)
    _register_exit()
    return True


def stop_reader() -> None:
    """End this process's reader process (reads fork from this process again)."""
    global _reader
    with _reader_lock:
        rd, _reader = _reader, None
    if rd is not None:
        rd.close()


@contextmanager
def reader() -> Iterator[bool]:
    """A reader process for the reads of this scope: started here (unless one runs already,
    which is then left as it is) and ended on the way out."""
    started = not reader_running() and start_reader()
    try:
        yield reader_running()
    finally:
        if started:
            stop_reader()


_exit_registered = False


def _register_exit() -> None:
    """The reader is ended and reaped when this process exits, however it exits: atexit for
    an interpreter, multiprocessing's finalizers for a worker process (loky, Dask), which
    leave without running atexit."""
    global _exit_registered
    if _exit_registered:
        return
    _exit_registered = True
    import atexit

    atexit.register(stop_reader)
    try:
        from multiprocessing import util

        util.Finalize(None, stop_reader, exitpriority=100)
    except Exception:  # noqa: BLE001 - no multiprocessing finalizers: atexit alone
        pass


def _serve(sock: socket.socket, warm: bool = True) -> None:  # pragma: no cover - runs in the reader process
    """The reader process: one read at a time, each in a child forked from here."""
    global _reader, _reads
    _reader = None  # this process forks its children itself
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the caller's (it asks for a kill)
    faulthandler.disable()
    _reads = 1
    _preload()  # the readers and their libraries, once, for every child
    from workbench.ingest import _read_bounded

    if warm:
        # bounded on the clock by the kernel, whatever it runs into (even a C call that never
        # returns): SIGALRM's default action ends the reader, and its callers fork reads themselves
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        signal.setitimer(signal.ITIMER_REAL, _WARM_UP_S)
        _warm_up(_read_bounded)
        signal.setitimer(signal.ITIMER_REAL, 0)
    gc.collect()
    gc.freeze()
    while True:
        try:
            data, fds, _flags, _addr = socket.recv_fds(sock, 1 << 16, 1)
        except OSError:
            return
        if not data:  # the caller closed its end or went away
            for fd in fds:
                os.close(fd)
            return
        if len(fds) != 1:  # a kill for a child that had already ended: nothing to do
            for fd in fds:
                os.close(fd)
            if data == _KILL:
                continue
            return
        w = fds[0]
        path, password, lim = pickle.loads(data)
        try:
            pid = _fork_child()
        except OSError:
            pid = -1
        if pid == 0:
            sock.close()
            _child(w, path, lambda: _read_bounded(path, password, lim), lim)
        os.close(w)
        if pid < 0:  # no process slot: the caller gets no answer and a status of "ended"
            sock.send(pickle.dumps((_STARTED, 0)))
            sock.send(pickle.dumps((_DONE, 70 << 8, 0.0)))
            continue
        try:
            sock.send(pickle.dumps((_STARTED, pid)))
        except OSError:  # the caller went away (Ctrl-C before the answer): the child goes too
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return
        gone = _wait_child(sock, pid)
        _, status, usage = os.wait4(pid, 0)
        try:
            sock.send(pickle.dumps((_DONE, status, usage.ru_utime + usage.ru_stime)))
        except OSError:
            return
        if gone:
            return


# A small grant in the office's XML: read once by the reader so that what a first read sets up
# lazily (the XML parser's module, compiled patterns, codecs) is there in every child.
_WARM_XML = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<us-patent-grant lang="EN" country="US">'
    "<us-bibliographic-data-grant><publication-reference><document-id><country>US</country>"
    "<doc-number>00000001</doc-number><kind>B1</kind><date>20250101</date></document-id></publication-reference>"
    "<classification-ipcr><ipcr><section>A</section><class>47</class><subclass>J</subclass>"
    "<main-group>42</main-group><subgroup>00</subgroup></ipcr></classification-ipcr>"
    "<invention-title>Coffee grinder</invention-title></us-bibliographic-data-grant>"
    "<abstract><p>A coffee grinder with a conical burr.</p></abstract>"
    "<description><heading>BACKGROUND</heading><p>Grinders crush roasted beans.</p>"
    "<heading>SUMMARY</heading><p>A burr turned by a motor.</p></description>"
    '<claims><claim id="CLM-00001" num="00001"><claim-text>1. A coffee grinder comprising a conical burr.</claim-text></claim>'
    '<claim id="CLM-00002" num="00002"><claim-text>2. The grinder of <claim-ref idref="CLM-00001">claim 1</claim-ref>, '
    "wherein the burr is steel.</claim-text></claim></claims></us-patent-grant>\n"
)


def _warm_up(read_bounded) -> None:  # pragma: no cover - runs in the reader process
    """Read the bundled example drafts and a small XML grant here, once (failures ignored:
    only the children's speed depends on it). A read child forked from a warm reader took
    ~9 ms of processor time for a real grant, from a cold one ~15 ms."""
    import tempfile

    from workbench.ingest.limits import Limits

    lim = Limits(isolate=False)
    paths: list[Path] = []
    try:
        from workbench.resources import examples_dir

        paths = sorted(examples_dir().glob("draft_*.txt"))
    except Exception:  # noqa: BLE001
        pass
    try:
        with tempfile.TemporaryDirectory(prefix="wb-reader-") as tmp:
            xml = Path(tmp) / "warm.xml"
            xml.write_text(_WARM_XML, encoding="utf-8")
            for p in [*paths, xml]:
                try:
                    read_bounded(p, None, lim)
                except Exception:  # noqa: BLE001
                    pass
    except Exception:  # noqa: BLE001
        pass


def _wait_child(sock: socket.socket, pid: int) -> bool:  # pragma: no cover - runs in the reader process
    """Until the child ``pid`` ends; kills it when the caller asks (or goes away: True)."""
    pidfd = os.pidfd_open(pid)
    try:
        while True:
            ready, _, _ = select.select([sock, pidfd], [], [])
            if pidfd in ready:
                return False
            if sock in ready:
                try:
                    m = sock.recv(16)
                except OSError:
                    m = b""
                os.kill(pid, signal.SIGKILL)  # not reaped yet: the pid is still this child's
                if not m:
                    return True
    finally:
        os.close(pidfd)
