"""What the two frozen executables run before their entry point.

A frozen executable has no ``python``: ``sys.executable`` is the executable itself. The GUI
screens drafts in a child process started as ``[sys.executable, "-m",
"workbench.ui.process_runner"]`` (workbench/ui/process_runner.py); frozen, that command line
arrives here, so ``-m workbench.<module>`` is honoured the way ``python -m`` would, and
anything else goes to the normal entry point. Only ``workbench.`` modules are run this way.
"""

from __future__ import annotations

import runpy
import sys
from typing import Callable, Sequence


def child_module(argv: Sequence[str]) -> str | None:
    """The module named by ``<exe> -m workbench.<module> ...``, else None."""
    if len(argv) >= 3 and argv[1] == "-m" and argv[2].startswith("workbench."):
        return argv[2]
    return None


def launch(entry: Callable[[], int | None]) -> int:
    module = child_module(sys.argv)
    if module is None:
        return int(entry() or 0)
    sys.argv = [sys.argv[0], *sys.argv[3:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)  # its __main__ block exits
    return 0
