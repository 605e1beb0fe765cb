"""Rule-file validation: jsonschema finds the problems, each comes back coded at its key path."""

from __future__ import annotations

import json

import pytest

from workbench.rules import installed_rules_dir
from workbench.rules.schema import SchemaValidator

SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["n"],
    "properties": {
        "n": {"type": "integer", "minimum": 1, "maximum": 9},
        "s": {"type": "string", "minLength": 1, "pattern": "^[a-z]+$"},
        "e": {"enum": ["a", "b"]},
        "l": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/item"}},
        "u": {"type": "array", "uniqueItems": True, "items": {"type": "string"}},
        "d": {"type": "string", "format": "date"},
    },
    "$defs": {"item": {"oneOf": [{"type": "string"}, {"type": "object", "required": ["k"], "additionalProperties": False, "properties": {"k": {"type": "boolean"}}}]}},
}


def messages(value):
    return [(path, str(msg)) for path, msg in SchemaValidator(SCHEMA).validate(value)]  # a coded detail, read in English


def test_valid_value_has_no_problems():
    assert messages({"n": 3, "s": "abc", "e": "a", "l": ["x", {"k": True}]}) == []


@pytest.mark.parametrize(
    "value, path, fragment",
    [
        ({}, (), "required key 'n'"),
        ({"n": True}, ("n",), "must be integer"),
        ({"n": 0}, ("n",), "at least 1"),
        ({"n": 10}, ("n",), "at most 9"),
        ({"n": 1, "s": ""}, ("s",), "must not be empty"),
        ({"n": 1, "s": "ABC"}, ("s",), "wrong form"),
        ({"n": 1, "e": "c"}, ("e",), "one of"),
        ({"n": 1, "l": []}, ("l",), "at least 1 item"),
        ({"n": 1, "x": 1}, ("x",), "unknown key 'x'"),
        ({"n": 1, "l": [{"k": "yes"}]}, ("l", 0, "k"), "must be boolean"),
        ({"n": 1, "l": [{"j": 1}]}, ("l", 0), "one of the keys"),
        ({"n": 1, "l": [3]}, ("l", 0), "unexpected form"),
        # what the hand-written validator could not check (jsonschema does)
        ({"n": 1, "u": ["a", "b", "a"]}, ("u", 2), "lists 'a' twice (items 1 and 3)"),
        ({"n": 1, "d": "2025-02-30"}, ("d",), "not a real date"),
        ({"n": 1, "d": "2025-13-01"}, ("d",), "not a real date"),
    ],
)
def test_each_problem_names_its_path(value, path, fragment):
    found = messages(value)
    assert any(p == path and fragment in m for p, m in found), found


def test_a_valid_date_and_distinct_items_pass():
    assert messages({"n": 1, "u": ["a", "b"], "d": "2024-02-29"}) == []


def test_every_problem_is_coded_in_both_languages():
    found = SchemaValidator(SCHEMA).validate({"n": 0, "u": ["a", "a"], "d": "2025-02-30", "x": 1})
    assert len(found) == 4
    for _, detail in found:
        ja = detail.render("ja")
        assert detail.code.startswith("D3") and ja != detail.render("en")
        assert any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in ja), ja


def test_a_missing_key_is_said_once_per_key():
    found = messages({"n": 1, "l": [{}]})  # the object form requires k; the string form does not fit
    assert found == [(("l", 0), "l[0] must have one of the keys ['k']; it has []")]
    found = SchemaValidator({"type": "object", "required": ["a", "b"]}).validate({})
    assert [str(m) for _, m in found] == [
        "(top level) is missing the required key 'a'", "(top level) is missing the required key 'b'",
    ]


def test_unsupported_schema_keywords_are_refused():
    with pytest.raises(ValueError):  # a keyword whose problem would have no coded wording
        SchemaValidator({"type": "object", "propertyNames": {"pattern": "^a"}})
    with pytest.raises(ValueError):  # a format jsonschema would not check unless told to
        SchemaValidator({"type": "string", "format": "email"})


def test_a_schema_that_is_not_json_schema_is_refused():
    with pytest.raises(ValueError, match="not valid JSON Schema"):
        SchemaValidator({"type": "no-such-type"})


def test_the_installed_schema_is_supported_and_accepts_the_installed_rules():
    from workbench.rules.source import read_rule_file

    schema = json.loads((installed_rules_dir() / "schema.json").read_text(encoding="utf-8"))
    validator = SchemaValidator(schema)
    source = read_rule_file(installed_rules_dir() / "jp-specified-fields.yaml")
    assert validator.validate(source.data) == []
