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
        (["workbench-gui", "-m", "os"], None),  # only our own modules
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
