"""Run a generator function in a child process and yield its items here (no Qt).

Why: the core's heavy steps (pypdf page parsing, spaCy pipeline loading) hold the
GIL for hundreds of milliseconds at a time; in a thread that freezes the window.
In a child process they cannot. The parent side is an ordinary generator, so a
:class:`~workbench.ui.workers.GeneratorWorker` runs it like any other core generator, and
cancelling stays cooperative (the child checks between files).

The child is ``python -m workbench.ui.process_runner ADDRESS`` (frozen: the executable with
the same arguments, packaging/launcher.py). The two sides talk through a
:mod:`multiprocessing.connection` - a local socket or named pipe the parent listens on,
authenticated with a one-time key the child reads from its stdin - which frames and
pickles the messages: ``("call", id, "module:function", args, kwargs)``, ``("cancel", id)``,
``("quit",)`` one way, ``(id, kind, payload)`` the other. Coded errors
(:class:`~workbench.errors.WorkbenchError`) pickle as what they are (class, code, details);
anything else the core raises arrives as E904 naming it. The child stays alive between
calls, so the model loads once per session.
"""

from __future__ import annotations

import importlib
import os
import queue as queue_mod
import secrets
import subprocess
import sys
import threading
from multiprocessing.connection import Client, Connection, Listener
from typing import Any, Callable, Iterator

from workbench import errors

_ITEM, _ERROR, _DONE = "item", "error", "done"
ACCEPT_TIMEOUT_S = 60.0  # the child has this long to start Python and connect back


def portable_error(exc: BaseException) -> errors.WorkbenchError:
    """What crosses the boundary for an exception: a coded error as it is; anything else (a
    bug in the core) as E904 naming it."""
    if isinstance(exc, errors.WorkbenchError):
        return exc
    from workbench.messages.causes import cause

    return errors.WorkbenchError(errors.E904, detail=cause(exc, en=f"{type(exc).__name__}: {exc}"))


def serve(address: str, authkey: bytes) -> int:  # runs in the child process
    """Connect back to the parent and run its calls one after another until it says quit
    or goes away."""
    from workbench.ingest import isolate

    isolate.start_reader()  # before the engine loads: the drafts' reads fork from this small process
    conn = Client(address, authkey=authkey)
    send_lock = threading.Lock()
    calls: queue_mod.Queue = queue_mod.Queue()
    cancelled: set[int] = set()

    def send(message: tuple) -> None:
        with send_lock:
            try:
                conn.send(message)
            except (OSError, EOFError) as exc:
                raise _ParentGone() from exc

    def listen() -> None:
        while True:
            try:
                msg = conn.recv()
            except (EOFError, OSError):
                msg = None
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
                send((call_id, _ITEM, item))
                if should_cancel():
                    break
            send((call_id, _DONE, None))
        except _ParentGone:
            return 0
        except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises it
            try:
                send((call_id, _ERROR, portable_error(exc)))
            except _ParentGone:
                return 0
    return 0


class _ParentGone(Exception):
    """The connection to the parent broke: nobody is left to answer."""


class ScreeningProcess:
    """A long-lived child process that runs generator calls one at a time, so the model
    and the language pipelines load once per session, not once per batch.

    :meth:`run` is an ordinary generator (a GeneratorWorker runs it in a pool thread); the
    process starts on first use and again after :meth:`close` or a crash.
    """

    def __init__(self) -> None:
        self._proc: subprocess.Popen | None = None
        self._conn: Connection | None = None
        self._inbox: queue_mod.Queue = queue_mod.Queue()
        self._reader: threading.Thread | None = None
        self._lock = threading.Lock()  # one call at a time
        self._send_lock = threading.Lock()
        self._next_id = 0

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def _start(self) -> None:
        authkey = secrets.token_bytes(32)
        listener = Listener(authkey=authkey)  # a local socket (named pipe on Windows), not the network
        try:
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "workbench.ui.process_runner", str(listener.address)],
                stdin=subprocess.PIPE,
                env={**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)},
            )
            self._proc.stdin.write(authkey.hex().encode("ascii") + b"\n")
            self._proc.stdin.close()
            self._conn = self._accept(listener)
        finally:
            listener.close()
        conn, inbox = self._conn, queue_mod.Queue()
        self._inbox = inbox

        def pump() -> None:  # blocking reads release the GIL; the GUI thread is never involved
            try:
                while True:
                    inbox.put(conn.recv())
            except (OSError, EOFError, ValueError, TypeError, AttributeError, ImportError):
                pass  # the child went away (or sent what cannot be read): the call reports E903
            finally:
                inbox.put(None)

        self._reader = threading.Thread(target=pump, name="workbench-screening-reader", daemon=True)
        self._reader.start()

    def _accept(self, listener: Listener) -> Connection:
        """The child's connection, or E903 when it exits (or hangs) before it connects."""
        got: list = []
        waiter = threading.Thread(target=lambda: got.append(listener.accept()), daemon=True)
        waiter.start()
        waited = 0.0
        while waiter.is_alive() and waited < ACCEPT_TIMEOUT_S:
            waiter.join(0.1)
            waited += 0.1
            if self._proc.poll() is not None and not got:
                break
        if got:
            return got[0]
        proc, self._proc = self._proc, None
        if proc.poll() is None:
            proc.kill()
        raise errors.WorkbenchError(errors.E903, exit_code=proc.wait())

    def _send(self, message: tuple) -> None:
        with self._send_lock:
            self._conn.send(message)

    def run(self, target: str, *args: Any, should_cancel: Callable[[], bool] | None = None, **kwargs: Any) -> Iterator[Any]:
        """Yield the items of ``target(*args, should_cancel=..., **kwargs)`` run in the child."""
        with self._lock:
            if not self.running:
                self._start()
            self._next_id += 1
            call_id = self._next_id
            try:
                self._send(("call", call_id, target, args, kwargs))
            except OSError:  # the child went away between calls
                proc = self._proc
                self._forget()
                raise errors.WorkbenchError(errors.E903, exit_code=proc.poll() if proc else None) from None
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
                    if msg is None:  # the connection broke: the child died (or sent what cannot be read)
                        finished = True
                        if self._proc.poll() is None:
                            self._proc.kill()
                        code = self._proc.wait()
                        self._forget()
                        raise errors.WorkbenchError(errors.E903, exit_code=code)
                    got_id, kind, payload = msg
                    if got_id != call_id:
                        continue  # the tail of an earlier, abandoned call
                    if kind == _ITEM:
                        yield payload
                    elif kind == _ERROR:
                        finished = True
                        raise payload
                    else:
                        finished = True
                        return
            finally:
                if not finished:  # abandoned (cancelled): the child stops after its current item
                    self._cancel(call_id)

    def _cancel(self, call_id: int) -> None:
        try:
            self._send(("cancel", call_id))
        except (OSError, ValueError, AttributeError):  # the child is gone (or going)
            pass

    def _forget(self) -> None:
        proc, self._proc = self._proc, None
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except OSError:
                pass
        if self._reader is not None:
            self._reader.join(timeout=5)
            self._reader = None
        del proc

    def close(self, timeout: float = 10.0) -> None:
        """Ask the child to quit (after its current item), then wait; kill it if it hangs."""
        proc = self._proc
        if proc is None:
            return
        try:
            self._send(("quit",))
        except (BrokenPipeError, OSError, ValueError, AttributeError):
            pass
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
        self._forget()


if __name__ == "__main__":
    sys.exit(serve(sys.argv[1], bytes.fromhex(sys.stdin.readline().strip())))
