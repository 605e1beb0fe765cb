"""The small JSON Schema validator behind rule-file validation."""

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
    ],
)
def test_each_problem_names_its_path(value, path, fragment):
    found = messages(value)
    assert any(p == path and fragment in m for p, m in found), found


def test_unsupported_schema_keywords_are_refused():
    with pytest.raises(ValueError):
        SchemaValidator({"type": "object", "propertyNames": {"pattern": "^a"}})


def test_the_installed_schema_is_supported_and_accepts_the_installed_rules():
    from workbench.rules.source import read_rule_file

    schema = json.loads((installed_rules_dir() / "schema.json").read_text(encoding="utf-8"))
    validator = SchemaValidator(schema)
    source = read_rule_file(installed_rules_dir() / "jp-specified-fields.yaml")
    assert validator.validate(source.data) == []
