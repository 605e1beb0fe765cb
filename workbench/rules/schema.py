"""Rule-file validation by ``jsonschema``, its problems turned into coded details.

``jsonschema`` (the reference implementation of JSON Schema, draft 2020-12) does the
validating; this module only says each problem as a coded message (D33x/D34x, English and
Japanese) at its key path, so the loader can attach the file and the YAML line. Nothing here
reads jsonschema's English: a problem is recognised by its keyword (``error.validator``) and
worded from the instance and the schema.

A keyword in the schema that has no coded wording here is refused when the validator is made,
so the schema can never promise a check whose problem would reach a user uncoded.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, ValidationError
from jsonschema.exceptions import SchemaError

from workbench.messages import M, Message, msg

# The keywords a problem can come from, each with its coded wording in _worded().
CHECKS = {
    "type", "enum", "const", "minLength", "pattern", "format", "minimum", "maximum",
    "minItems", "uniqueItems", "required", "dependentRequired", "additionalProperties", "oneOf", "anyOf",
}
# Keywords that only name, describe or point: they find no problem of their own.
NEUTRAL = {"$schema", "$id", "$defs", "$ref", "$comment", "title", "description", "properties", "items"}
FORMATS = ("date",)  # the formats checked (jsonschema's own checkers); another format is refused

Path_ = tuple  # a key path into the data: keys and list indexes
Problem = tuple[Path_, Message]  # (key path, coded detail)


def _type_label(name: str) -> "str | Message":
    """A JSON Schema type name as the reader's language says it (an unknown one as it is)."""
    from workbench.messages.details import SCHEMA_TYPES

    return msg(SCHEMA_TYPES[name]) if name in SCHEMA_TYPES else name


def _type_names(names: Iterable[str]) -> "str | Message | tuple[str | Message, ...]":
    labels = tuple(_type_label(n) for n in names)
    return labels[0] if len(labels) == 1 else labels


def _type_name(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _fmt_path(path: Path_) -> "str | Message":
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or msg(M.D344)


def _check_keywords(node: object, where: str) -> None:
    """Refuse a schema keyword this module cannot word (or a format it does not check)."""
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        if key not in CHECKS and key not in NEUTRAL:
            raise ValueError(f"schema keyword '{key}' at {where} has no coded wording in workbench.rules.schema")
        if key == "format" and value not in FORMATS:
            raise ValueError(f"schema format '{value}' at {where} is not checked (checked: {FORMATS})")
        if key in ("properties", "$defs"):
            for name, sub in value.items():
                _check_keywords(sub, f"{where}/{key}/{name}")
        elif key in ("items", "additionalProperties"):
            _check_keywords(value, f"{where}/{key}")
        elif key in ("oneOf", "anyOf"):
            for i, sub in enumerate(value):
                _check_keywords(sub, f"{where}/{key}/{i}")


def _canonical(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _at_top(errors: Iterable[ValidationError], keyword: str) -> list[ValidationError]:
    """The errors of one keyword about the value itself (not about something inside it)."""
    return [e for e in errors if e.validator == keyword and not e.relative_path]


def _listed(error: ValidationError) -> list[str]:
    """The names a ``required`` or ``type`` keyword lists (a type may be one name)."""
    given: Any = error.validator_value
    return [str(v) for v in (given if isinstance(given, list) else [given])]


def _branches(error: ValidationError) -> dict[int, list[ValidationError]]:
    by_branch: dict[int, list[ValidationError]] = {}
    for sub in error.context or ():
        by_branch.setdefault(int(sub.relative_schema_path[0]), []).append(sub)
    return by_branch


def _worded(error: ValidationError) -> Iterator[Problem]:
    """The coded problems one jsonschema error stands for."""
    path = tuple(error.absolute_path)
    where = _fmt_path(path)
    # jsonschema types these as "or Unset" (an error made by hand); iter_errors always sets them
    keyword: Any = error.validator
    expected: Any = error.validator_value
    value: Any = error.instance
    if keyword in ("oneOf", "anyOf"):
        yield from _one_of(error, path)
    elif keyword == "type":
        types = expected if isinstance(expected, list) else [expected]
        yield path, msg(M.D331, where=where, expected=_type_names(types), actual=_type_label(_type_name(value)), value=repr(value))
    elif keyword == "const":
        yield path, msg(M.D332, where=where, value=repr(expected))
    elif keyword == "enum":
        yield path, msg(M.D333, where=where, allowed=str(expected), value=repr(value))
    elif keyword == "minLength":
        yield path, (msg(M.D334, where=where) if expected == 1 else msg(M.D345, where=where, n=expected))
    elif keyword == "pattern":
        yield path, msg(M.D335, where=where, value=repr(value))
    elif keyword == "format":
        yield path, msg(M.D346, where=where, value=repr(value))
    elif keyword == "minimum":
        yield path, msg(M.D336, where=where, limit=expected, value=value)
    elif keyword == "maximum":
        yield path, msg(M.D337, where=where, limit=expected, value=value)
    elif keyword == "minItems":
        yield path, msg(M.D338, where=where, n=expected)
    elif keyword == "uniqueItems":
        seen: dict[str, int] = {}
        for i, item in enumerate(value):
            key = _canonical(item)
            if key in seen:
                yield path + (i,), msg(M.D347, where=where, value=repr(item), first=seen[key] + 1, again=i + 1)
                break
            seen[key] = i
    elif keyword == "required":
        for key in expected:
            if key not in value:
                yield path, msg(M.D339, where=where, key=key)
    elif keyword == "dependentRequired":  # one error per key that needs others beside it
        for key, needs in expected.items():
            missing = [n for n in needs if key in value and n not in value]
            if missing:
                yield path + (key,), msg(M.D349, where=where, key=key, needs=tuple(f"'{n}'" for n in missing))
    elif keyword == "additionalProperties":
        schema: Any = error.schema
        props = schema.get("properties", {}) if isinstance(schema, dict) else {}
        allowed = ", ".join(props)
        for key in value:
            if key not in props:
                yield path + (key,), msg(M.D340, key=key, where=where, allowed=allowed)
    else:  # refused in _check_keywords; kept coded should jsonschema report another keyword
        yield path, msg(M.D348, where=where, keyword=str(keyword))


def _one_of(error: ValidationError, path: Path_) -> Iterator[Problem]:
    """Word a value that fits none (or more than one) of the allowed forms.

    When exactly one form is plausible - the value has its type and the keys it requires -
    its own problems are reported (the author meant that form); otherwise the forms are named.
    """
    where = _fmt_path(path)
    if not error.context:  # oneOf: valid under more than one form
        yield path, msg(M.D330, where=where)
        return
    branches = _branches(error)
    plausible = [
        errors for errors in branches.values()
        if not _at_top(errors, "type") and not _at_top(errors, "required")
    ]
    if len(plausible) == 1:
        for sub in plausible[0]:
            yield from _worded(sub)
        return
    value = error.instance
    if isinstance(value, dict):
        keys = sorted({k for errors in branches.values() for e in _at_top(errors, "required") for k in _listed(e)})
        if keys:
            yield path, msg(M.D341, where=where, keys=str(keys), has=str(sorted(value)))
            return
    kinds: set[str] = set()
    for errors in branches.values():
        for e in _at_top(errors, "type"):
            kinds.update(_listed(e))
    yield path, msg(
        M.D342, where=where, actual=_type_label(_type_name(value)), value=repr(value),
        expected=_type_names(sorted(kinds)) if kinds else msg(M.D343),
    )


class SchemaValidator:
    """A rule-file schema (JSON Schema 2020-12), checked by jsonschema, problems coded."""

    def __init__(self, schema: dict[str, Any]) -> None:
        try:
            Draft202012Validator.check_schema(schema)
        except SchemaError as exc:
            raise ValueError(f"the rule-file schema is not valid JSON Schema: {exc.message}") from None
        _check_keywords(schema, "#")
        self.schema = schema
        self._validator = Draft202012Validator(schema, format_checker=FormatChecker(FORMATS))

    def validate(self, value: object) -> list[Problem]:
        """Every problem of ``value``, each once, as (key path, coded detail)."""
        problems: list[Problem] = []
        seen: set[Problem] = set()
        for error in self._validator.iter_errors(value):
            for problem in _worded(error):  # jsonschema says a missing key once per key
                if problem not in seen:
                    seen.add(problem)
                    problems.append(problem)
        return problems
