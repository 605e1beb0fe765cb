"""packaging/launcher.py: a frozen executable honours `-m workbench.<module>` (the GUI's
screening child process) and otherwise runs its entry point."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

LAUNCHER = Path(__file__).resolve().parents[2] / "packaging" / "launcher.py"


@pytest.fixture(scope="module")
def launcher():
    spec = importlib.util.spec_from_file_location("workbench_frozen_launcher", LAUNCHER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "argv, module",
    [
        (["workbench-gui", "-m", "workbench.ui.process_runner"], "workbench.ui.process_runner"),
        (["workbench", "-m", "workbench.cli.main", "demo"], "workbench.cli.main"),
        (["workbench", "-m", "joblib.externals.loky.backend.popen_loky_posix", "--process-name", "x", "--pipe", "5"],
         "joblib.externals.loky.backend.popen_loky_posix"),  # `workbench batch --jobs N` frozen
        (["workbench-gui", "-m", "os"], None),  # only our own modules
        (["workbench", "-m", "joblib.externals.loky.backend.resource_tracker"], None),
        (["workbench-gui", "draft.txt"], None),
        (["workbench", "demo"], None),
        (["workbench-gui"], None),
    ],
)
def test_child_module(launcher, argv, module) -> None:
    assert launcher.child_module(argv) == module


def test_entry_point_runs_without_m(launcher, monkeypatch) -> None:
    monkeypatch.setattr(sys, "argv", ["workbench", "demo"])
    assert launcher.launch(lambda: 7) == 7


def test_m_runs_the_module_as_main_with_the_rest_of_the_arguments(launcher, monkeypatch) -> None:
    monkeypatch.setattr(sys, "argv", ["workbench", "-m", "workbench.cli.main", "--version"])
    with pytest.raises(SystemExit) as info:  # argparse's --version exits 0 after printing
        launcher.launch(lambda: pytest.fail("the entry point must not run"))
    assert info.value.code == 0


def test_loky_command_lines_match_what_this_joblib_starts(launcher) -> None:
    """Frozen, `workbench batch --jobs 2` starts loky's workers and resource tracker with
    the executable itself: the launcher must recognise exactly the command lines the
    installed joblib builds (read from its source, so an upgrade that changes them fails here)."""
    import inspect

    from joblib.externals.loky.backend import popen_loky_posix, resource_tracker

    assert '["-m", self.__module__]' in inspect.getsource(popen_loky_posix)
    assert popen_loky_posix.__name__ == launcher.LOKY_WORKER
    assert "f'from {main.__module__} import main; main({r}, {VERBOSE})'" in inspect.getsource(resource_tracker)
    line = f"from {resource_tracker.main.__module__} import main; main(7, False)"
    assert launcher.loky_tracker(["workbench", "-c", line]) == (7, False)
    assert launcher.loky_tracker(["workbench", "-c", line + "; import os"]) is None  # nothing else runs
    assert launcher.loky_tracker(["workbench", "-c", "print(1)"]) is None


def test_the_frozen_windows_worker_command_line_is_recognised(launcher) -> None:
    import joblib

    source = (Path(joblib.__file__).parent / "externals" / "loky" / "backend" / "popen_loky_win32.py").read_text()  # imports msvcrt
    assert 'return [sys.executable, "--multiprocessing-fork", pipe_handle]' in source
    assert launcher.loky_windows_worker(["workbench.exe", "--multiprocessing-fork", "1234"]) == 1234
    assert launcher.loky_windows_worker(["workbench.exe", "--multiprocessing-fork"]) is None
    assert launcher.loky_windows_worker(["workbench.exe", "demo"]) is None
