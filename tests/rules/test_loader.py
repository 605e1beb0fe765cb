"""Loading rule files: malformed files give coded errors with file and line, the engine
never runs half-loaded, user folders override by field id and change the checksum."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from workbench.errors import E301, E302, E303, E304, E305, E306, E307, RulesError
from workbench.rules import check_path, get_ruleset, installed_rules_dir, load_ruleset

GOOD_FIELD = """\
  - id: {id}
    name_ja: テスト分野
    name_en: Test field
    ipc: [{ipc}]
    additional_requirement: {{applies: false}}
    terms_en: [widget]
    terms_ja: [ウィジェット]
    verified: false
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def ruleset_file(folder: Path, name: str = "test-rules.yaml", fields: str | None = None, head: str | None = None) -> Path:
    head = head if head is not None else 'id: test-rules\nversion: "1"\nfields:\n'
    fields = fields if fields is not None else GOOD_FIELD.format(id=1, ipc="F41H 3/00")
    return write(folder, name, head + fields)


@pytest.fixture
def rules_dir(tmp_path: Path) -> Path:
    """An installed-rules folder with the real schema and a small valid rule set."""
    folder = tmp_path / "installed"
    folder.mkdir()
    (folder / "schema.json").write_bytes((installed_rules_dir() / "schema.json").read_bytes())
    ruleset_file(folder)
    return folder


def load_error(folder: Path, name="test-rules", user_dir=None) -> RulesError:
    with pytest.raises(RulesError) as info:
        load_ruleset(name, user_dir, rules_dir=folder)
    return info.value


def test_a_valid_small_rule_set_loads(rules_dir: Path):
    rs = load_ruleset("test-rules", rules_dir=rules_dir)
    assert [f.id for f in rs.fields] == [1]
    assert rs.version == "1" and rs.sources == (str(rules_dir / "test-rules.yaml"),)
    assert check_path(rules_dir) == []


def test_bad_yaml_is_E302_with_file_and_line(rules_dir: Path):
    path = ruleset_file(rules_dir, fields="  - id: 1\n    name_ja: [unclosed\n    name_en: x\n")
    err = load_error(rules_dir)
    assert err.code == E302 and err.path == str(path)
    assert err.line in (5, 6)
    assert "line" in err.render() and "test-rules.yaml" in err.render()
    ja = err.render_in("ja")  # where the broken part starts and what broke, in Japanese (from the error's type)
    assert "5 行目から始まる部分の YAML の書式が正しくありません：" in ja and "started at line" not in ja
    assert "構造（字下げ・区切り・括弧の対応）が崩れています" in ja
    assert "parser says" not in ja and "parser says: '" in err.render()  # PyYAML's own words: the English audit copy


def test_bad_json_is_E302_with_file_and_line(rules_dir: Path):
    (rules_dir / "test-rules.yaml").unlink()
    path = rules_dir / "test-rules.json"
    path.write_text('{\n  "id": "test-rules",\n  "version": "1",\n  "fields": [\n    {"id": 1,}\n  ]\n}\n', encoding="utf-8")
    err = load_error(rules_dir)
    assert (err.code, err.path, err.line) == (E302, str(path), 5)


def test_a_valid_json_rule_file_loads_with_lines(rules_dir: Path):
    (rules_dir / "test-rules.yaml").unlink()
    data = {"id": "test-rules", "version": "1", "fields": [
        {"id": 3, "name_ja": "x", "name_en": "x", "ipc": ["G21J"], "additional_requirement": {"applies": False}, "verified": False},
        {"id": 3, "name_ja": "x", "name_en": "x", "ipc": ["G21J"], "additional_requirement": {"applies": False}, "verified": False},
    ]}
    (rules_dir / "test-rules.json").write_text(json.dumps(data, indent=2), encoding="utf-8")
    err = load_error(rules_dir)
    assert err.code == E304 and err.line is not None and err.line > 5


def test_unknown_key_is_E303_naming_key_and_line(rules_dir: Path):
    fields = GOOD_FIELD.format(id=1, ipc="F41H 3/00") + "    colour: blue\n"
    path = ruleset_file(rules_dir, fields=fields)
    err = load_error(rules_dir)
    assert err.code == E303 and err.path == str(path)
    assert err.line == 12
    assert "colour" in err.message


def test_wrong_type_is_E303_with_line(rules_dir: Path):
    fields = GOOD_FIELD.format(id=1, ipc="F41H 3/00").replace("{applies: false}", '{applies: "no"}')
    ruleset_file(rules_dir, fields=fields)
    err = load_error(rules_dir)
    assert err.code == E303 and err.line == 8 and "applies" in err.message and "boolean" in err.message


def test_missing_required_key_is_E303(rules_dir: Path):
    fields = GOOD_FIELD.format(id=1, ipc="F41H 3/00").replace("    verified: false\n", "")
    ruleset_file(rules_dir, fields=fields)
    err = load_error(rules_dir)
    assert err.code == E303 and "verified" in err.message and err.line == 4


# -- what the schema newly catches since jsonschema validates it (uniqueItems, format) ---------
def test_a_term_listed_twice_is_E303_at_the_second_listing(rules_dir: Path):
    fields = GOOD_FIELD.format(id=1, ipc="F41H 3/00").replace(
        "    terms_en: [widget]\n", "    terms_en:\n      - widget\n      - gizmo\n      - widget\n"
    )
    path = ruleset_file(rules_dir, fields=fields)
    err = load_error(rules_dir)
    assert (err.code, err.path, err.line) == (E303, str(path), 12)
    assert "fields[0].terms_en lists 'widget' twice" in err.message
    ja = err.render_in("ja")
    assert "12 行目" in ja and "二度記載" in ja and "削除" in ja


def test_an_ipc_entry_listed_twice_is_E303_with_its_line(rules_dir: Path):
    ruleset_file(rules_dir, fields=GOOD_FIELD.format(id=1, ipc="F41H 3/00, G21J, F41H 3/00"))
    err = load_error(rules_dir)
    assert err.code == E303 and err.line == 7 and "'F41H 3/00' twice" in err.message


def test_an_impossible_effective_date_is_E303_with_its_line(rules_dir: Path):
    ruleset_file(rules_dir, head='id: test-rules\nversion: "1"\neffective_date: "2025-02-30"\nfields:\n')
    err = load_error(rules_dir)
    assert (err.code, err.line) == (E303, 3) and "not a real date" in err.message
    assert "実在する日付" in err.render_in("ja") and "3 行目" in err.render_in("ja")


def test_an_ipc_edition_with_month_13_is_E303(rules_dir: Path):
    ruleset_file(rules_dir, head='id: test-rules\nversion: "1"\nipc_edition: "2025.13"\nfields:\n')
    err = load_error(rules_dir)
    assert (err.code, err.line) == (E303, 3) and "ipc_edition" in err.message


def test_a_context_word_listed_twice_is_E303(rules_dir: Path):
    ruleset_file(rules_dir, head='id: test-rules\nversion: "1"\ncontext:\n  - [gun, cannon, gun]\nfields:\n')
    err = load_error(rules_dir)
    assert (err.code, err.line) == (E303, 4) and "context[0] lists 'gun' twice" in err.message


def test_malformed_rules_say_file_line_and_what_to_do_in_japanese(rules_dir: Path):
    fields = GOOD_FIELD.format(id=1, ipc="F41H 3/00") + "    colour: blue\n"
    path = ruleset_file(rules_dir, fields=fields)
    ja = load_error(rules_dir).render_in("ja")
    assert str(path) in ja and "12 行目" in ja and "colour" in ja and "未知の項目" in ja and "修正" in ja


def test_a_code_that_is_not_ipc_is_E301_with_line(rules_dir: Path):
    path = ruleset_file(rules_dir, fields=GOOD_FIELD.format(id=1, ipc="F41H 3/00, NOT-IPC"))
    err = load_error(rules_dir)
    assert (err.code, err.path, err.line) == (E301, str(path), 7)
    assert "NOT-IPC" in err.message


def test_a_bad_code_inside_a_combination_is_found(rules_dir: Path):
    ruleset_file(rules_dir, fields=GOOD_FIELD.format(id=1, ipc="{all_of: [B63C 7/26, {any_of: [F41, QQ]}]}"))
    err = load_error(rules_dir)
    assert err.code == E301 and "QQ" in err.message and err.line == 7


def test_a_reversed_range_is_E306(rules_dir: Path):
    ruleset_file(rules_dir, fields=GOOD_FIELD.format(id=1, ipc="G21C 19/50-19/42"))
    err = load_error(rules_dir)
    assert err.code == E306 and err.line == 7


def test_duplicate_field_id_is_E304_at_the_second_definition(rules_dir: Path):
    fields = GOOD_FIELD.format(id=4, ipc="F41H 3/00") + GOOD_FIELD.format(id=4, ipc="G21J")
    ruleset_file(rules_dir, fields=fields)
    err = load_error(rules_dir)
    assert err.code == E304 and err.line == 12 and "4" in err.message


def test_duplicate_yaml_key_is_reported_not_silently_dropped(rules_dir: Path):
    ruleset_file(rules_dir, head='id: test-rules\nversion: "1"\nversion: "2"\nfields:\n')
    err = load_error(rules_dir)
    assert err.code == E303 and err.line == 3 and "version" in err.message


def test_empty_file_is_E302(rules_dir: Path):
    write(rules_dir, "test-rules.yaml", "# nothing here\n")
    assert load_error(rules_dir).code == E302


def test_non_utf8_file_is_E302(rules_dir: Path):
    (rules_dir / "test-rules.yaml").write_bytes('id: test-rules\nname: 分野\n'.encode("shift_jis"))
    err = load_error(rules_dir)
    assert err.code == E302 and "UTF-8" in err.message


def test_unknown_rule_set_is_E305(rules_dir: Path):
    assert load_error(rules_dir, name="no-such-rules").code == E305


def test_missing_user_folder_is_E307(rules_dir: Path, tmp_path: Path):
    err = load_error(rules_dir, user_dir=tmp_path / "missing")
    assert err.code == E307 and "missing" in err.render()


def test_check_reports_every_problem_with_lines(rules_dir: Path):
    fields = GOOD_FIELD.format(id=1, ipc="F41H 3/00, BAD") + GOOD_FIELD.format(id=1, ipc="G21J") + "    extra: 1\n"
    ruleset_file(rules_dir, fields=fields)
    problems = check_path(rules_dir)
    assert sorted(p.code for p in problems) == sorted([E301, E303, E304])
    assert all(p.line for p in problems)
    assert problems == sorted(problems, key=lambda p: p.line)


def test_a_broken_user_file_refuses_the_whole_rule_set(rules_dir: Path, tmp_path: Path):
    user = tmp_path / "user"
    user.mkdir()
    write(user, "good.yaml", 'id: ok\nextends: test-rules\nversion: "u1"\nfields:\n' + GOOD_FIELD.format(id=2, ipc="G21J"))
    bad = write(user, "zz-bad.yaml", 'id: bad\nextends: test-rules\nversion: "u2"\nfields:\n' + GOOD_FIELD.format(id=3, ipc="NOPE"))
    err = load_error(rules_dir, user_dir=user)
    assert err.code == E301 and err.path == str(bad)


def test_user_override_replaces_by_id_adds_new_ids_and_changes_checksum(rules_dir: Path, tmp_path: Path):
    base = load_ruleset("test-rules", rules_dir=rules_dir)
    user = tmp_path / "user"
    user.mkdir()
    override = GOOD_FIELD.format(id=1, ipc="G21J").replace("Test field", "Overridden") + GOOD_FIELD.format(id=7, ipc="C06D 7/00")
    write(user, "mine.yaml", 'id: mine\nextends: test-rules\nversion: "u1"\nfields:\n' + override)
    write(user, "other.yaml", 'id: other-set\nversion: "9"\nfields:\n' + GOOD_FIELD.format(id=1, ipc="A01B"))
    rs = load_ruleset("test-rules", user, rules_dir=rules_dir)
    assert [f.id for f in rs.fields] == [1, 7]
    assert rs.field(1).name_en == "Overridden" and rs.field(1).codes == ("G21J",)
    assert rs.field(1).origin == str(user / "mine.yaml")
    assert rs.checksum != base.checksum
    assert rs.version.startswith("1+user.")
    assert str(user / "mine.yaml") in rs.sources and str(user / "other.yaml") not in rs.sources
    assert {m.field_id for m in rs.match(["G21J 1/00"]) if m.status == "hit"} == {1}
    # the installed file was not touched
    assert "F41H 3/00" in (rules_dir / "test-rules.yaml").read_text(encoding="utf-8")
    # a user rule set of its own loads by its name
    assert load_ruleset("other-set", user, rules_dir=rules_dir).field(1).codes == ("A01B",)


def test_checksum_ignores_layout_but_not_content(rules_dir: Path):
    first = load_ruleset("test-rules", rules_dir=rules_dir).checksum
    path = rules_dir / "test-rules.yaml"
    path.write_text("# a comment\n" + path.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    assert load_ruleset("test-rules", rules_dir=rules_dir).checksum == first
    path.write_text(path.read_text(encoding="utf-8").replace("widget", "gadget"), encoding="utf-8")
    assert load_ruleset("test-rules", rules_dir=rules_dir).checksum != first


def test_installed_user_override_of_the_real_rules(tmp_path: Path):
    base = load_ruleset()
    user = tmp_path / "user"
    user.mkdir()
    write(
        user,
        "acme.yaml",
        'id: acme\nextends: jp-specified-fields\nversion: "acme-1"\nfields:\n' + GOOD_FIELD.format(id=19, ipc="H04K 3/00").replace("verified: false", "verified: true"),
    )
    rs = load_ruleset(user_dir=user)
    assert len(rs.fields) == 25 and rs.field(19).verified and rs.field(19).name_en == "Test field"
    assert rs.field(18) == base.field(18)
    assert rs.checksum != base.checksum


def test_get_ruleset_loads_once_and_reloads_after_a_change(rules_dir: Path):
    a = get_ruleset("test-rules", rules_dir=rules_dir)
    assert get_ruleset("test-rules", rules_dir=rules_dir) is a
    path = rules_dir / "test-rules.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("widget", "gizmo") + "\n", encoding="utf-8")
    b = get_ruleset("test-rules", rules_dir=rules_dir)
    assert b is not a and b.checksum != a.checksum


def test_a_rule_set_with_no_fields_is_refused(rules_dir: Path):
    ruleset_file(rules_dir, fields="", head='id: test-rules\nversion: "1"\nfields: []\n')
    err = load_error(rules_dir)
    assert err.code == E303 and "no fields" in err.message


def test_a_top_level_list_is_a_schema_error(rules_dir: Path):
    write(rules_dir, "test-rules.yaml", "- a\n- b\n")
    err = load_error(rules_dir)
    assert err.code == E303 and "object" in err.message and err.line == 1


def test_alias_bombs_and_self_references_are_refused(rules_dir: Path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        bomb += f"{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
    write(rules_dir, "test-rules.yaml", bomb)
    assert load_error(rules_dir).code == E302
    write(rules_dir, "test-rules.yaml", "a: &a [1, *a]\n")
    assert load_error(rules_dir).code in (E302, E303)


@pytest.mark.parametrize("name", ["../etc/passwd", "", "Jp Fields", "/abs"])
def test_rule_set_names_cannot_escape_the_rules_folder(rules_dir: Path, name: str):
    assert load_error(rules_dir, name=name).code == E305


def test_two_user_files_redefining_one_field_is_E304(rules_dir: Path, tmp_path: Path):
    user = tmp_path / "user"
    user.mkdir()
    write(user, "a.yaml", 'id: a\nextends: test-rules\nversion: "a"\nfields:\n' + GOOD_FIELD.format(id=1, ipc="G21J"))
    b = write(user, "b.yaml", 'id: b\nextends: test-rules\nversion: "b"\nfields:\n' + GOOD_FIELD.format(id=1, ipc="C06D 7/00"))
    err = load_error(rules_dir, user_dir=user)
    assert err.code == E304 and err.path == str(b) and err.line == 5
