"""workbench.resources: env override > frozen bundle > checkout > wheel package data."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from workbench import resources
from workbench.classify.model import default_model_dir
from workbench.rules.loader import installed_rules_dir


@pytest.fixture
def no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for folder in resources.BUNDLED:
        if folder.env:
            monkeypatch.delenv(folder.env, raising=False)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)


@pytest.fixture
def wheel_layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """site-packages/workbench with _data inside and no checkout around it."""
    site = tmp_path / "site-packages"
    package = site / "workbench"
    for folder in (resources.RULES, resources.MODELS, resources.EXAMPLES):
        (package / folder.package_path).mkdir(parents=True)
    monkeypatch.setattr(resources, "PACKAGE_DIR", package)
    monkeypatch.setattr(resources, "REPO_DIR", site)
    return package


def test_a_checkout_reads_the_top_level_folders(no_env) -> None:
    root = Path(__file__).resolve().parents[2]
    assert resources.rules_dir() == root / "classification_rules"
    assert resources.models_dir() == root / "models"
    assert resources.examples_dir() == root / "workbench" / "examples"
    assert (resources.rules_dir() / "schema.json").is_file()
    assert any(resources.examples_dir().glob("draft_*"))


def test_the_loaders_ask_the_accessor(no_env, wheel_layout: Path) -> None:
    assert installed_rules_dir() == wheel_layout / "_data" / "classification_rules"
    assert default_model_dir() == wheel_layout / "_data" / "models"


def test_a_wheel_install_reads_package_data(no_env, wheel_layout: Path) -> None:
    assert resources.rules_dir() == wheel_layout / "_data" / "classification_rules"
    assert resources.models_dir() == wheel_layout / "_data" / "models"
    # the examples are ordinary package data: the same folder in a checkout and a wheel
    assert resources.examples_dir() == wheel_layout / "examples"


def test_a_frozen_bundle_wins_over_package_data(no_env, wheel_layout: Path, tmp_path: Path, monkeypatch) -> None:
    bundle = tmp_path / "_internal"
    (bundle / "classification_rules").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert resources.frozen_root() == bundle
    assert resources.rules_dir() == bundle / "classification_rules"
    # a folder the bundle lacks is still found further down the list
    assert resources.models_dir() == wheel_layout / "_data" / "models"


def test_the_environment_wins_even_when_its_folder_is_missing(no_env, tmp_path: Path, monkeypatch) -> None:
    # a wrong setting must surface as the loader's error naming that path, not be ignored
    monkeypatch.setenv("WORKBENCH_INSTALLED_RULES", str(tmp_path / "nowhere"))
    monkeypatch.setenv("WORKBENCH_MODEL_DIR", str(tmp_path / "models-here"))
    assert resources.rules_dir() == tmp_path / "nowhere"
    assert resources.models_dir() == tmp_path / "models-here"
    assert resources.candidates(resources.RULES)[0] == tmp_path / "nowhere"


def test_nothing_found_points_at_the_checkout_path(no_env, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(resources, "PACKAGE_DIR", tmp_path / "pkg" / "workbench")
    monkeypatch.setattr(resources, "REPO_DIR", tmp_path / "pkg")
    assert resources.models_dir() == tmp_path / "pkg" / "models"


def test_a_model_missing_from_a_wheel_is_a_coded_error_naming_the_path(no_env, wheel_layout: Path) -> None:
    from workbench.classify.model import load_model
    from workbench.errors import E401, ModelError

    with pytest.raises(ModelError) as info:
        load_model()
    assert info.value.code == E401
    assert str(wheel_layout / "_data" / "models") in str(info.value.path)
