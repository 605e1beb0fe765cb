"""IPC symbols: the spellings offices write, canonical forms, hierarchy, ranges, errors."""

from __future__ import annotations

import pytest

from workbench.errors import E301, E306, IpcError  # noqa: F401
from workbench.ipc import IpcCode, IpcRange, parse_ipc, parse_ipc_or_range, parse_range, try_parse_ipc


@pytest.mark.parametrize(
    "text, canonical, level, symbol14",
    [
        ("F41H 3/00", "F41H 3/00", "main_group", "F41H0003000000"),
        ("F41H3/00", "F41H 3/00", "main_group", "F41H0003000000"),
        ("F41H0003000000", "F41H 3/00", "main_group", "F41H0003000000"),
        ("F41H 3/02 (2006.01)", "F41H 3/02", "subgroup", "F41H0003020000"),
        ("f41h  3 / 02", "F41H 3/02", "subgroup", "F41H0003020000"),
        ("Ｆ４１Ｈ　３／０２", "F41H 3/02", "subgroup", "F41H0003020000"),
        ("H01L0031035200", "H01L 31/0352", "subgroup", "H01L0031035200"),
        ("H01L 31/0352", "H01L 31/0352", "subgroup", "H01L0031035200"),
        ("B01D 59", "B01D 59/00", "main_group", "B01D0059000000"),
        ("B64U 2101/30", "B64U 2101/30", "subgroup", "B64U2101300000"),
        ("F41H 3/02 [2006.01]", "F41H 3/02", "subgroup", "F41H0003020000"),
        ("G06F 21/86 230", "G06F 21/86", "subgroup", "G06F0021860000"),  # JPO FI: IPC part kept
        ("F41H 3/02 Z", "F41H 3/02", "subgroup", "F41H0003020000"),
        ("F41H3/02@Z", "F41H 3/02", "subgroup", "F41H0003020000"),
        ("F41H", "F41H", "subclass", "F41H"),
        ("F41", "F41", "class", "F41"),
        ("F", "F", "section", "F"),
    ],
)
def test_spellings_normalise_to_one_canonical_form(text, canonical, level, symbol14):
    code = parse_ipc(text)
    assert str(code) == canonical
    assert code.level == level
    assert code.symbol14 == symbol14
    assert parse_ipc(str(code)) == code  # canonical text round-trips


def test_fields_of_a_parsed_code():
    code = parse_ipc("F41H 3/02")
    assert (code.section, code.class_, code.subclass, code.main_group, code.subgroup) == ("F", "41", "H", "3", "02")
    assert code.subclass_symbol == "F41H"
    assert code.main_group_code == parse_ipc("F41H 3/00")
    assert [str(a) for a in code.ancestors()] == ["F", "F41", "F41H", "F41H 3/00"]


@pytest.mark.parametrize(
    "bad", ["", "XYZ", "F41H 3/0", "F41H 0/00", "Y02E 10/50", "F4H 3/00", "F41H 3/00/01", "12345", "F41H 3/02 ZZ", "F41H 3/02 1234"]
)
def test_malformed_codes_are_coded_errors(bad):
    with pytest.raises(IpcError) as info:
        parse_ipc(bad)
    assert info.value.code == E301
    assert repr(bad)[1:-1] in info.value.message or bad in info.value.message
    assert try_parse_ipc(bad) is None


def test_non_text_is_a_coded_error():
    with pytest.raises(IpcError) as info:
        parse_ipc(None)  # type: ignore[arg-type]
    assert info.value.code == E301


@pytest.mark.parametrize(
    "outer, inner, expected",
    [
        ("F", "F41H 3/02", True),
        ("F41", "F41H 3/02", True),
        ("F41H", "F41H 3/02", True),
        ("F41H 3/00", "F41H 3/02", True),
        ("F41H 3/00", "F41H 3/00", True),
        ("F41H 3/02", "F41H 3/02", True),
        ("F41H 3/02", "F41H 3/025", True),  # decimal extension
        ("F41H 3/02", "F41H 3/04", False),  # sibling
        ("F41H 3/00", "F41H 13/00", False),  # 3 is not a prefix match of 13
        ("F41H 3/00", "F41H", False),  # coarser is not inside
        ("F41H", "F41G 3/00", False),
        ("F41", "F42B 15/01", False),
        ("G", "F41H", False),
    ],
)
def test_containment_follows_the_hierarchy(outer, inner, expected):
    assert parse_ipc(outer).contains(parse_ipc(inner)) is expected


@pytest.mark.parametrize("text", ["G21C 19/42-19/50", "G21C 19/42–19/50", "G21C19/42-G21C19/50", "G21C 19/42 - 50", "Ｇ２１Ｃ １９／４２－１９／５０"])
def test_range_spellings(text):
    rng = parse_range(text)
    assert isinstance(rng, IpcRange)
    assert str(rng.start) == "G21C 19/42" and str(rng.end) == "G21C 19/50"


@pytest.mark.parametrize(
    "code, expected",
    [
        ("B63G 8/28", True),
        ("B63G 8/285", True),
        ("B63G 8/30", True),
        ("B63G 8/33", True),
        ("B63G 8/34", True),
        ("B63G 8/345", True),  # decimal extension of the last end
        ("B63G 8/26", False),
        ("B63G 8/36", False),
        ("B63G 8/00", False),  # the main group is coarser than the range
        ("B63G 9/30", False),
        ("B63H 8/30", False),
    ],
)
def test_range_contains_subgroups_numerically(code, expected):
    assert parse_range("B63G 8/28-8/34").contains(parse_ipc(code)) is expected


@pytest.mark.parametrize(
    "bad, code",
    [
        ("G21C 19/50-19/42", E306),  # reversed
        ("G21C 19/42-G21D 19/50", E306),  # two subclasses
        ("G21C-G21D", E306),  # not groups
        ("G21C 19/42-", E306),
        ("G21C 19/42-19/44-19/46", E306),
        ("XX 1/00-1/02", E301),  # not IPC at all
    ],
)
def test_bad_ranges_are_coded_errors(bad, code):
    with pytest.raises(IpcError) as info:
        parse_range(bad)
    assert info.value.code == code
    assert bad in info.value.message


def test_parse_ipc_or_range_dispatches():
    assert isinstance(parse_ipc_or_range("F41H 3/00"), IpcCode)
    assert isinstance(parse_ipc_or_range("F02K 9/08-9/40"), IpcRange)


def test_sorting_key_treats_subgroups_as_decimals():
    codes = [parse_ipc(c) for c in ["B63G 8/30", "B63G 8/285", "B63G 8/28", "B63G 8/00", "B63G 10/00"]]
    ordered = [str(c) for c in sorted(codes, key=IpcCode.sort_key)]
    assert ordered == ["B63G 8/00", "B63G 8/28", "B63G 8/285", "B63G 8/30", "B63G 10/00"]


def test_directly_built_codes_equal_parsed_ones():
    assert IpcCode("F", "41", "H", "03") == parse_ipc("F41H 3/00")
    assert hash(IpcCode("F", "41", "H", "3", "00")) == hash(parse_ipc("F41H0003000000"))
    assert len({parse_ipc("F41H 3/02"), parse_ipc("F41H3/02"), parse_ipc("F41H0003020000")}) == 1
