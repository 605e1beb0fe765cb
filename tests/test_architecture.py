"""The headless core must never import Qt (napari-style contract)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "workbench"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def _core_files():
    for path in PKG.rglob("*.py"):
        if "ui" in path.relative_to(PKG).parts[:1]:
            continue
        yield path


@pytest.mark.parametrize("path", sorted(_core_files()), ids=lambda p: str(p.relative_to(PKG)))
def test_core_module_does_not_import_qt(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        for name in names:
            assert not name.split(".")[0] in QT_MODULES, f"{path} imports {name}"


def test_importing_the_core_and_cli_loads_no_qt() -> None:
    code = (
        "import sys, importlib, pkgutil, workbench\n"
        "for m in pkgutil.walk_packages(workbench.__path__, 'workbench.'):\n"
        "    if m.name.startswith('workbench.ui') or m.name.endswith('__main__'): continue\n"
        "    importlib.import_module(m.name)\n"
        "from workbench.cli.main import build_parser; build_parser()\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6','shiboken6')]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"Qt modules loaded by the core: {out.stdout}"


def test_import_linter_contract_holds() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    if not lint.exists():
        pytest.fail("import-linter is a dev dependency; install with packaging/setup.sh --dev")
    out = subprocess.run([str(lint)], capture_output=True, text=True, cwd=PKG.parent)
    assert out.returncode == 0, out.stdout + out.stderr


def test_every_public_core_function_is_used_somewhere() -> None:
    """Dead code misleads the next maintainer (e.g. a second, unused way to build term
    evidence beside the one triage uses). A public top-level function of the core must be
    named somewhere else: the package, the tests, the benchmarks or the packaging."""
    import re

    root = PKG.parent
    texts = {p: p.read_text(encoding="utf-8") for d in ("workbench", "tests", "benchmarks", "packaging")
             for p in (root / d).rglob("*.py") if ".buildenv" not in p.parts}
    unused = []
    for path in _core_files():
        for node in ast.parse(texts[path]).body:
            if not isinstance(node, ast.FunctionDef) or node.name.startswith("_") or node.decorator_list:
                continue
            word = re.compile(rf"\b{re.escape(node.name)}\b")
            if not any(word.search(t) for p, t in texts.items() if p != path) and len(word.findall(texts[path])) == 1:
                unused.append(f"{path.relative_to(root)}:{node.lineno} {node.name}")
    assert not unused, "unused: " + ", ".join(unused)
