"""IPC scheme titles from the real WIPO titles file (../shared/data), and without it."""

from __future__ import annotations

from pathlib import Path

from workbench.ipc.titles import full_title, load_titles, title


def test_titles_load_from_the_real_scheme(shared_data: Path):
    path = shared_data / "ipc" / "ipc_titles.tsv"
    titles = load_titles(path)
    assert len(titles) > 70_000
    assert titles["F41H 3/00"].startswith("Camouflage")
    assert titles["F41H"].startswith("ARMOUR")
    assert titles["B01D 59/00"].startswith("Separation of different isotopes")
    assert load_titles(path) is titles  # read once, cached


def test_full_title_joins_the_parent_chain(shared_data: Path):
    path = shared_data / "ipc" / "ipc_titles.tsv"
    text = full_title("B01D 59/04", path)
    parts = text.split(" > ")
    assert parts[0].startswith("PERFORMING OPERATIONS")  # section B
    assert parts[-2].startswith("Separation of different isotopes")  # main group
    assert parts[-1] == "by distillation"  # the local subgroup title
    assert title("B01D0059040000", path) == "by distillation"
    assert full_title("F41H0003020000", path).endswith("Covers, e.g. screens, nets (making thereof, see the relevant classes, e.g. D04)")


def test_the_product_works_without_the_titles_file(tmp_path: Path):
    missing = tmp_path / "nope.tsv"
    assert load_titles(missing) == {}
    assert full_title("F41H 3/00", missing) == ""
    assert title("F41H 3/00", missing) == ""


def test_unknown_or_malformed_codes_have_no_title(shared_data: Path):
    path = shared_data / "ipc" / "ipc_titles.tsv"
    assert title("not a code", path) == ""
    assert full_title("not a code", path) == ""
    assert title("B64U 10/13", path) == ""  # B64U is newer than the scheme file


def test_a_small_titles_file_keeps_the_first_title_and_skips_junk(tmp_path: Path):
    path = tmp_path / "titles.tsv"
    path.write_text(
        "F\tWEAPONS SECTION\nF41\tWEAPONS\nF41H\tARMOUR\n"
        "F41H0003000000\tCamouflage\nF41H0003000000\tguide heading\n"
        "no tab on this line\nNOTACODE\tignored\nF41H0003020000\tCovers\n",
        encoding="utf-8",
    )
    titles = load_titles(path)
    assert titles == {"F": "WEAPONS SECTION", "F41": "WEAPONS", "F41H": "ARMOUR", "F41H 3/00": "Camouflage", "F41H 3/02": "Covers"}
    assert full_title("F41H 3/02", path) == "WEAPONS SECTION > WEAPONS > ARMOUR > Camouflage > Covers"
