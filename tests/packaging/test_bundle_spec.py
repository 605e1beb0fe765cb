"""The desktop bundle (packaging/workbench.spec) and the wheel ship every data folder the
program reads, so a new data folder cannot be forgotten silently.

Fast: the spec and pyproject.toml are parsed, nothing is built (packaging/build_desktop.sh
builds and smoke-tests the real bundle; packaging/README.md has the figures)."""

from __future__ import annotations

import ast
import fnmatch
import importlib.util
import tomllib
from pathlib import Path

import pytest

from workbench import resources
from workbench.classify import model as model_module

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "workbench.spec"
PACKAGE = ROOT / "workbench"
# Files in the package that are not read at run time: code, translation sources (the app
# loads the compiled .qm / .mo) and folder READMEs.
NOT_RUNTIME_SUFFIXES = {".py", ".pyc", ".ts", ".po"}
NOT_RUNTIME_NAMES = {"README.md"}


def _spec_list(name: str) -> list:
    """The literal list assigned to ``name`` at the top level of the spec."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{SPEC} has no top-level literal {name} = [...]")


def _spec_data() -> list[tuple[str, str]]:
    data = _spec_list("DATA")
    assert data and all(isinstance(e, tuple) and len(e) == 2 for e in data), "DATA must be (source, bundle folder) pairs"
    return data


def _covered_by_spec(rel: str, data: list[tuple[str, str]]) -> bool:
    for src, _dest in data:
        if any(c in src for c in "*?["):
            if fnmatch.fnmatch(rel, src):
                return True
        elif rel == src or rel.startswith(src.rstrip("/") + "/"):
            return True
    return False


def _runtime_package_files() -> list[str]:
    """Every data file inside the package, relative to the repository root."""
    return sorted(
        p.relative_to(ROOT).as_posix()
        for p in PACKAGE.rglob("*")
        if p.is_file()
        and p.suffix not in NOT_RUNTIME_SUFFIXES
        and p.name not in NOT_RUNTIME_NAMES
        and "__pycache__" not in p.parts
    )


def _load_build_hook():
    # loaded from its file: a module named after the folder would clash with the
    # `packaging` library
    spec = importlib.util.spec_from_file_location("workbench_build_under_test", ROOT / "packaging" / "workbench_build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_spec_bundles_exactly_the_folders_the_accessor_knows() -> None:
    data = _spec_data()
    bundle_dests = {dest for _src, dest in data}
    expected = {folder.bundle_path for folder in resources.BUNDLED}
    assert bundle_dests == expected, (
        f"missing from the spec: {sorted(expected - bundle_dests)}; "
        f"not known to workbench/resources.py: {sorted(bundle_dests - expected)}"
    )


def test_each_spec_source_comes_from_the_folder_it_is_bundled_as() -> None:
    by_dest = {folder.bundle_path: folder for folder in resources.BUNDLED}
    for src, dest in _spec_data():
        repo_path = by_dest[dest].repo_path
        assert src == repo_path or src.startswith(repo_path + "/"), f"{src} is bundled as {dest} but lives outside {repo_path}"


def test_spec_ships_the_files_the_model_loader_opens() -> None:
    shipped = {Path(src).name for src, dest in _spec_data() if dest == resources.MODELS.bundle_path}
    assert {model_module.MODEL_FILE, model_module.CARD_FILE} <= shipped


def test_every_data_file_inside_the_package_is_in_the_bundle() -> None:
    data = _spec_data()
    files = _runtime_package_files()
    assert any(f.startswith("workbench/examples/") for f in files), "the walk found no package data at all"
    forgotten = [f for f in files if not _covered_by_spec(f, data)]
    assert forgotten == [], f"data files the frozen app would not have; add them to DATA in {SPEC.name}: {forgotten}"


def test_every_data_file_inside_the_package_is_in_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["workbench"]
    forgotten = [
        f for f in _runtime_package_files()
        if not any(fnmatch.fnmatch(f.removeprefix("workbench/"), g) for g in globs)
    ]
    assert forgotten == [], f"data files a wheel install would not have; add them to [tool.setuptools.package-data]: {forgotten}"


def test_the_build_hook_puts_the_top_level_folders_where_the_accessor_looks() -> None:
    hook = _load_build_hook()
    top_level = {f.repo_path: f.package_path for f in resources.BUNDLED if "/" not in f.repo_path}
    assert hook.DATA_FOLDERS == top_level


def test_pyproject_builds_with_the_hook() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["build-system"]["build-backend"] == "workbench_build"
    assert config["build-system"]["backend-path"] == ["packaging"]
    cmdclass = config["tool"]["setuptools"]["cmdclass"]
    assert cmdclass["build_py"] == "workbench_build.BuildPyWithData"
    assert cmdclass["egg_info"] == "workbench_build.EggInfoWithData"


def test_the_build_hook_copies_data_but_not_caches_or_hidden_files(tmp_path: Path) -> None:
    hook = _load_build_hook()
    (tmp_path / "classification_rules" / "foreign-filing").mkdir(parents=True)
    (tmp_path / "classification_rules" / "a.yaml").write_text("id: a\n")
    (tmp_path / "classification_rules" / "foreign-filing" / "j.yaml").write_text("x: 1\n")
    (tmp_path / "classification_rules" / ".a.yaml.swp").write_text("junk")
    (tmp_path / "models" / "__pycache__").mkdir(parents=True)
    (tmp_path / "models" / "ipc_model.joblib").write_bytes(b"\0")
    (tmp_path / "models" / "ipc_model.tmp").write_bytes(b"\0")
    (tmp_path / "models" / "__pycache__" / "x.pyc").write_bytes(b"\0")
    shipped = sorted(rel for _src, rel in hook.data_files(tmp_path))
    assert shipped == [
        "_data/classification_rules/a.yaml",
        "_data/classification_rules/foreign-filing/j.yaml",
        "_data/models/ipc_model.joblib",
    ]


def test_no_module_the_product_imports_is_excluded_from_the_bundle() -> None:
    excluded = {e for e in _spec_list("EXCLUDES") if not e.startswith("workbench.")}
    used: dict[str, str] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            else:
                continue
            for name in names:
                used.setdefault(name.split(".")[0], str(path.relative_to(ROOT)))
    clash = {name: where for name, where in used.items() if name in excluded}
    assert clash == {}, f"the spec excludes packages the product imports: {clash}"
    assert "spacy" in used and "sudachipy" not in excluded  # the walk saw real imports


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_spec_keeps_the_languages_the_claims_pipeline_uses(lang: str) -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert f'"spacy.lang.{lang}"' in text
    keep = ast.literal_eval(text.split("_KEEP_LANGS = ", 1)[1].split("\n", 1)[0])
    assert lang in keep
