"""What the two frozen executables run before their entry point.

A frozen executable has no ``python``: ``sys.executable`` is the executable itself. The GUI
screens drafts in a child process started as ``[sys.executable, "-m",
"workbench.ui.process_runner"]`` (workbench/ui/process_runner.py); frozen, that command line
arrives here, so ``-m workbench.<module>`` is honoured the way ``python -m`` would, and
anything else goes to the normal entry point. Only ``workbench.`` modules are run this way,
and the two command lines joblib's loky uses for ``workbench batch --jobs N`` (its worker
``-m joblib.externals.loky.backend.popen_loky_posix ...`` and its resource tracker
``-c "from joblib.externals.loky.backend.resource_tracker import main; main(FD, VERBOSE)"``,
matched exactly: no other ``-c`` code is ever run).
"""

from __future__ import annotations

import re
import runpy
import sys
from typing import Callable, Sequence

LOKY_WORKER = "joblib.externals.loky.backend.popen_loky_posix"
LOKY_TRACKER = re.compile(r"from joblib\.externals\.loky\.backend\.resource_tracker import main; main\((\d+), (True|False)\)")


def child_module(argv: Sequence[str]) -> str | None:
    """The module named by ``<exe> -m workbench.<module> ...`` (or loky's worker), else None."""
    if len(argv) >= 3 and argv[1] == "-m" and (argv[2].startswith("workbench.") or argv[2] == LOKY_WORKER):
        return argv[2]
    return None


def loky_tracker(argv: Sequence[str]) -> tuple[int, bool] | None:
    """(fd, verbose) of loky's resource-tracker command line, else None."""
    if len(argv) == 3 and argv[1] == "-c":
        m = LOKY_TRACKER.fullmatch(argv[2])
        if m:
            return int(m.group(1)), m.group(2) == "True"
    return None


def loky_windows_worker(argv: Sequence[str]) -> int | None:
    """The pipe handle of loky's frozen Windows worker (``<exe> --multiprocessing-fork H``), else None."""
    if len(argv) == 3 and argv[1] == "--multiprocessing-fork" and argv[2].isdigit():
        return int(argv[2])
    return None


def launch(entry: Callable[[], int | None]) -> int:
    handle = loky_windows_worker(sys.argv) if sys.platform == "win32" else None
    if handle is not None:  # not built or run on Windows yet: see packaging/README.md
        from joblib.externals.loky.backend.popen_loky_win32 import main as worker_main

        worker_main(handle)  # exits
        return 0
    tracker = loky_tracker(sys.argv)
    if tracker is not None:
        from joblib.externals.loky.backend.resource_tracker import main

        main(*tracker)
        return 0
    module = child_module(sys.argv)
    if module is None:
        return int(entry() or 0)
    sys.argv = [sys.argv[0], *sys.argv[3:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)  # its __main__ block exits
    return 0
