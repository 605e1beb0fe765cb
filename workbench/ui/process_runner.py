"""Run a generator function in a child process and yield its items here (no Qt).

Why: the core's heavy steps (pypdf page parsing, spaCy pipeline loading) hold the
GIL for hundreds of milliseconds at a time; in a thread that freezes the window.
In a child process they cannot. The parent side is an ordinary generator, so a
:class:`~workbench.ui.workers.Worker` runs it like any other core function, and
cancelling stays cooperative (the child checks between files).

The child is ``python -m workbench.ui.process_runner``: it reads one pickled call
(``"module:function"``, args, kwargs) on stdin and writes length-prefixed pickled
items on its own copy of stdout (prints of the core go to stderr). A line on stdin
(or stdin closing) asks it to stop after the current item. Coded
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

_ITEM, _ERROR, _DONE = "item", "error", "done"


def _pack_error(exc: BaseException) -> dict:
    if isinstance(exc, errors.WorkbenchError):
        details = {k: (v if isinstance(v, (str, int, float, bool, type(None))) else str(v)) for k, v in exc.details.items()}
        return {"cls": type(exc).__name__, "code": exc.code, "path": exc.path, "line": exc.line, "page": exc.page, "details": details}
    return {"cls": None, "text": f"{type(exc).__name__}: {exc}"}


def rebuild_error(packed: dict) -> BaseException:
    if packed.get("cls") is None:
        return RuntimeError(packed.get("text", "error in the screening process"))
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


def _write(stream, kind: str, payload: Any) -> None:
    data = pickle.dumps((kind, payload), protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack("!Q", len(data)) + data)
    stream.flush()


def _read(stream) -> tuple[str, Any] | None:
    head = stream.read(8)
    if len(head) < 8:
        return None
    (n,) = struct.unpack("!Q", head)
    return pickle.loads(stream.read(n))


def _read_fd(fd: int, n: int) -> bytes:
    buf = b""
    while len(buf) < n:
        chunk = os.read(fd, n - len(buf))
        if not chunk:
            raise EOFError("the parent closed the pipe")
        buf += chunk
    return buf


def child_main() -> int:  # runs in the child process
    proto = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything the core prints goes to stderr, not into the protocol
    sys.stdout = sys.stderr
    cancel = threading.Event()
    (n,) = struct.unpack("!Q", _read_fd(0, 8))
    target, args, kwargs = pickle.loads(_read_fd(0, n))

    def watch_stdin() -> None:
        try:
            os.read(0, 64)  # raw fd: a stop line, or EOF when the parent goes away
        except OSError:
            pass
        cancel.set()

    threading.Thread(target=watch_stdin, daemon=True).start()
    try:
        module, name = target.split(":")
        fn = getattr(importlib.import_module(module), name)
        for item in fn(*args, should_cancel=cancel.is_set, **kwargs):
            _write(proto, _ITEM, _portable(item))
            if cancel.is_set():
                break
        _write(proto, _DONE, None)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises it
        _write(proto, _ERROR, _pack_error(exc))
    return 0


def run_in_process(
    target: str,
    *args: Any,
    should_cancel: Callable[[], bool] | None = None,
    **kwargs: Any,
) -> Iterator[Any]:
    """Yield the items of ``target(*args, should_cancel=..., **kwargs)`` run in a child process."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "workbench.ui.process_runner"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)},
    )
    call = pickle.dumps((target, args, kwargs), protocol=pickle.HIGHEST_PROTOCOL)
    proc.stdin.write(struct.pack("!Q", len(call)) + call)
    proc.stdin.flush()
    inbox: queue_mod.Queue = queue_mod.Queue()

    def pump() -> None:  # blocking reads release the GIL; the GUI thread is never involved
        try:
            while (msg := _read(proc.stdout)) is not None:
                inbox.put(msg)
        finally:
            inbox.put(None)

    reader = threading.Thread(target=pump, name="workbench-screening-reader", daemon=True)
    reader.start()
    asked = False
    try:
        while True:
            if not asked and should_cancel is not None and should_cancel():
                asked = True
                _tell_stop(proc)
            try:
                msg = inbox.get(timeout=0.05)
            except queue_mod.Empty:
                continue
            if msg is None:
                raise RuntimeError(f"the screening process stopped unexpectedly (exit code {proc.wait()})")
            kind, payload = msg
            if kind == _ITEM:
                yield _restore(payload)
            elif kind == _ERROR:
                raise rebuild_error(payload)
            else:
                return
    finally:
        _tell_stop(proc)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
        reader.join(timeout=5)
        proc.stdout.close()


def _tell_stop(proc: subprocess.Popen) -> None:
    try:
        proc.stdin.write(b"stop\n")
        proc.stdin.close()
    except (BrokenPipeError, OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(child_main())
