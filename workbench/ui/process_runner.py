"""Run a generator function in a child process and yield its items here (no Qt).

Why: the core's heavy steps (pypdf page parsing, spaCy pipeline loading) hold the
GIL for hundreds of milliseconds at a time; in a thread that freezes the window.
In a child process they cannot. The parent side is an ordinary generator, so a
:class:`~workbench.ui.workers.GeneratorWorker` runs it like any other core generator, and
cancelling stays cooperative (the child checks between files).

The child is ``python -m workbench.ui.process_runner``: it reads length-prefixed
pickled messages on stdin (``call`` with an id, ``"module:function"``, args and
kwargs; ``cancel`` with an id; ``quit``) and answers with length-prefixed pickled
``(id, kind, payload)`` messages on its own copy of stdout (prints of the core go to
stderr). It stays alive between calls, so the model loads once per session. Coded
:class:`~workbench.errors.WorkbenchError` s travel as their code and details and are
rebuilt here with the same class, code and message.
"""

from __future__ import annotations

import importlib
import os
import pickle
import queue as queue_mod
import struct
import subprocess
import sys
import threading
from dataclasses import fields, is_dataclass, replace
from typing import Any, Callable, Iterator

from workbench import errors
from workbench.messages import M, msg, plain_details

_ITEM, _ERROR, _DONE = "item", "error", "done"


def _pack_error(exc: BaseException) -> dict:
    if isinstance(exc, errors.WorkbenchError):
        details = plain_details(exc.details)  # coded details stay messages (pickled)
        return {"cls": type(exc).__name__, "code": exc.code, "path": exc.path, "line": exc.line, "page": exc.page, "details": details}
    return {"cls": None, "text": f"{type(exc).__name__}: {exc}"}


def rebuild_error(packed: dict) -> BaseException:
    if packed.get("cls") is None:  # not a coded error: a bug in the core, reported as E904
        return errors.WorkbenchError(errors.E904, detail=packed.get("text") or msg(M.D804))
    cls = getattr(errors, packed["cls"], errors.WorkbenchError)
    if not (isinstance(cls, type) and issubclass(cls, errors.WorkbenchError)):
        cls = errors.WorkbenchError
    if cls is errors.Cancelled:
        return errors.Cancelled()
    exc = cls.__new__(cls)
    errors.WorkbenchError.__init__(exc, packed["code"], path=packed["path"], line=packed["line"], page=packed["page"], **packed["details"])
    return exc


def _portable(item: Any) -> Any:
    """Replace exceptions inside a dataclass item by their packed form."""
    if is_dataclass(item):
        changes = {
            f.name: {"__packed_error__": _pack_error(getattr(item, f.name))}
            for f in fields(item)
            if isinstance(getattr(item, f.name), BaseException)
        }
        return replace(item, **changes) if changes else item
    return item


def _restore(item: Any) -> Any:
    if is_dataclass(item):
        changes = {
            f.name: rebuild_error(v["__packed_error__"])
            for f in fields(item)
            if isinstance((v := getattr(item, f.name)), dict) and "__packed_error__" in v
        }
        return replace(item, **changes) if changes else item
    return item


def _write(stream, message: tuple) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack("!Q", len(data)) + data)
    stream.flush()


def _read(stream) -> tuple | None:
    head = stream.read(8)
    if len(head) < 8:
        return None
    (n,) = struct.unpack("!Q", head)
    return pickle.loads(stream.read(n))


def _read_fd(fd: int, n: int) -> bytes | None:
    buf = b""
    while len(buf) < n:
        chunk = os.read(fd, n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return buf


def _read_msg_fd(fd: int) -> tuple | None:
    head = _read_fd(fd, 8)
    if head is None:
        return None
    body = _read_fd(fd, struct.unpack("!Q", head)[0])
    return None if body is None else pickle.loads(body)


def serve() -> int:  # runs in the child process
    """Run calls one after another until the parent says quit or goes away."""
    proto = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything the core prints goes to stderr, not into the protocol
    sys.stdout = sys.stderr
    calls: queue_mod.Queue = queue_mod.Queue()
    cancelled: set[int] = set()

    def listen() -> None:  # raw fd reads: never blocks the interpreter's stdin buffer
        while True:
            msg = _read_msg_fd(0)
            if msg is None or msg[0] == "quit":
                calls.put(None)
                return
            if msg[0] == "cancel":
                cancelled.add(msg[1])
            else:
                calls.put(msg)

    threading.Thread(target=listen, daemon=True).start()
    while (call := calls.get()) is not None:
        _kind, call_id, target, args, kwargs = call

        def should_cancel(call_id=call_id) -> bool:
            return call_id in cancelled

        try:
            module, name = target.split(":")
            fn = getattr(importlib.import_module(module), name)
            for item in fn(*args, should_cancel=should_cancel, **kwargs):
                _write(proto, (call_id, _ITEM, _portable(item)))
                if should_cancel():
                    break
            _write(proto, (call_id, _DONE, None))
        except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises it
            _write(proto, (call_id, _ERROR, _pack_error(exc)))
    return 0


class ScreeningProcess:
    """A long-lived child process that runs generator calls one at a time, so the model
    and the language pipelines load once per session, not once per batch.

    :meth:`run` is an ordinary generator (a GeneratorWorker runs it in a pool thread); the
    process starts on first use and again after :meth:`close` or a crash.
    """

    def __init__(self) -> None:
        self._proc: subprocess.Popen | None = None
        self._inbox: queue_mod.Queue = queue_mod.Queue()
        self._reader: threading.Thread | None = None
        self._lock = threading.Lock()  # one call at a time
        self._send_lock = threading.Lock()
        self._next_id = 0

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def _start(self) -> None:
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "workbench.ui.process_runner"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)},
        )
        inbox = self._inbox = queue_mod.Queue()
        out = self._proc.stdout

        def pump() -> None:  # blocking reads release the GIL; the GUI thread is never involved
            try:
                while (msg := _read(out)) is not None:
                    inbox.put(msg)
            except (OSError, ValueError, EOFError, pickle.UnpicklingError):
                pass
            finally:
                inbox.put(None)

        self._reader = threading.Thread(target=pump, name="workbench-screening-reader", daemon=True)
        self._reader.start()

    def _send(self, message: tuple) -> None:
        with self._send_lock:
            _write(self._proc.stdin, message)

    def run(self, target: str, *args: Any, should_cancel: Callable[[], bool] | None = None, **kwargs: Any) -> Iterator[Any]:
        """Yield the items of ``target(*args, should_cancel=..., **kwargs)`` run in the child."""
        with self._lock:
            if not self.running:
                self._start()
            self._next_id += 1
            call_id = self._next_id
            self._send(("call", call_id, target, args, kwargs))
            finished = asked = False
            try:
                while True:
                    if not asked and should_cancel is not None and should_cancel():
                        asked = True
                        self._cancel(call_id)
                    try:
                        msg = self._inbox.get(timeout=0.05)
                    except queue_mod.Empty:
                        continue
                    if msg is None:
                        finished = True
                        code = self._proc.wait()
                        self._forget()
                        raise errors.WorkbenchError(errors.E903, exit_code=code)
                    got_id, kind, payload = msg
                    if got_id != call_id:
                        continue  # the tail of an earlier, abandoned call
                    if kind == _ITEM:
                        yield _restore(payload)
                    elif kind == _ERROR:
                        finished = True
                        raise rebuild_error(payload)
                    else:
                        finished = True
                        return
            finally:
                if not finished:  # abandoned (cancelled): the child stops after its current item
                    self._cancel(call_id)

    def _cancel(self, call_id: int) -> None:
        try:
            self._send(("cancel", call_id))
        except (BrokenPipeError, OSError, ValueError):
            pass

    def _forget(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            for stream in (proc.stdin, proc.stdout):
                try:
                    stream.close()
                except (OSError, ValueError):
                    pass
        if self._reader is not None:
            self._reader.join(timeout=5)
            self._reader = None

    def close(self, timeout: float = 10.0) -> None:
        """Ask the child to quit (after its current item), then wait; kill it if it hangs."""
        proc = self._proc
        if proc is None:
            return
        try:
            self._send(("quit",))
            proc.stdin.close()
        except (BrokenPipeError, OSError, ValueError):
            pass
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
        self._forget()


if __name__ == "__main__":
    sys.exit(serve())
