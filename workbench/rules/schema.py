"""A small strict validator for the subset of JSON Schema that ``schema.json`` uses.

``jsonschema`` is not a dependency; this covers: type, properties, required,
additionalProperties (false or a schema), items, enum, const, minimum, maximum,
minLength, minItems, pattern, oneOf, anyOf and local ``$ref`` ("#/$defs/...").
Problems come back as (path, message) so the caller can attach file and line.
An unsupported keyword in the schema itself is an error, so the schema can never
silently promise more than is checked.
"""

from __future__ import annotations

import re
from functools import lru_cache

from workbench.messages import M, Message, msg

SUPPORTED = {
    "$schema", "$id", "$defs", "$ref", "title", "description", "type", "properties", "required",
    "additionalProperties", "items", "enum", "const", "minimum", "maximum", "minLength",
    "minItems", "pattern", "oneOf", "anyOf",
}

_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}

Problem = tuple[tuple, Message]  # (key path, coded detail)


def _type_name(value: object) -> str:
    for name in ("null", "boolean", "integer", "number", "string", "array", "object"):
        if _TYPES[name](value):
            return {"number": "number", "integer": "integer"}.get(name, name)
    return type(value).__name__


def _fmt_path(path: tuple) -> "str | Message":
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or msg(M.D344)


@lru_cache(maxsize=256)
def _pattern(p: str) -> re.Pattern:
    return re.compile(p)


class SchemaValidator:
    def __init__(self, schema: dict) -> None:
        self.schema = schema
        self._check_keywords(schema, "#")

    def _check_keywords(self, node: object, where: str) -> None:
        if not isinstance(node, dict):
            return
        for key, value in node.items():
            if key not in SUPPORTED:
                raise ValueError(f"schema keyword '{key}' at {where} is not supported by the validator")
            if key in ("properties", "$defs"):
                for name, sub in value.items():
                    self._check_keywords(sub, f"{where}/{key}/{name}")
            elif key in ("items", "additionalProperties"):
                self._check_keywords(value, f"{where}/{key}")
            elif key in ("oneOf", "anyOf"):
                for i, sub in enumerate(value):
                    self._check_keywords(sub, f"{where}/{key}/{i}")

    def resolve(self, schema: dict) -> dict:
        while "$ref" in schema:
            ref = schema["$ref"]
            if not ref.startswith("#/"):
                raise ValueError(f"only local $ref is supported, not {ref}")
            node: object = self.schema
            for part in ref[2:].split("/"):
                node = node[part]  # type: ignore[index]
            schema = node  # type: ignore[assignment]
        return schema

    def validate(self, value: object, schema: dict | None = None, path: tuple = ()) -> list[Problem]:
        schema = self.resolve(self.schema if schema is None else schema)
        problems: list[Problem] = []
        where = _fmt_path(path)

        if "oneOf" in schema or "anyOf" in schema:
            branches = [self.resolve(b) for b in schema.get("oneOf", schema.get("anyOf"))]
            results = [self.validate(value, b, path) for b in branches]
            ok = [i for i, r in enumerate(results) if not r]
            if "oneOf" in schema and len(ok) > 1:
                problems.append((path, msg(M.D330, where=where)))
            elif not ok:
                problems.extend(self._best_branch(value, branches, results, path))
            return problems

        if "type" in schema:
            types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            if not any(_TYPES[t](value) for t in types):
                expected = " or ".join(types)
                return [(path, msg(M.D331, where=where, expected=expected, actual=_type_name(value), value=repr(value)))]
        if "const" in schema and value != schema["const"]:
            problems.append((path, msg(M.D332, where=where, value=repr(schema['const']))))
        if "enum" in schema and value not in schema["enum"]:
            problems.append((path, msg(M.D333, where=where, allowed=str(schema['enum']), value=repr(value))))
        if isinstance(value, str):
            if len(value) < schema.get("minLength", 0):
                problems.append((path, msg(M.D334, where=where)))
            if "pattern" in schema and not _pattern(schema["pattern"]).search(value):
                problems.append((path, msg(M.D335, where=where, value=repr(value))))
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if "minimum" in schema and value < schema["minimum"]:
                problems.append((path, msg(M.D336, where=where, limit=schema['minimum'], value=value)))
            if "maximum" in schema and value > schema["maximum"]:
                problems.append((path, msg(M.D337, where=where, limit=schema['maximum'], value=value)))
        if isinstance(value, list):
            if len(value) < schema.get("minItems", 0):
                problems.append((path, msg(M.D338, where=where, n=schema['minItems'])))
            if "items" in schema:
                for i, item in enumerate(value):
                    problems.extend(self.validate(item, schema["items"], path + (i,)))
        if isinstance(value, dict):
            props = schema.get("properties", {})
            for key in schema.get("required", []):
                if key not in value:
                    problems.append((path, msg(M.D339, where=where, key=key)))
            extra = schema.get("additionalProperties", True)
            for key, item in value.items():
                if key in props:
                    problems.extend(self.validate(item, props[key], path + (key,)))
                elif extra is False:
                    allowed = ", ".join(props)
                    problems.append((path + (key,), msg(M.D340, key=key, where=where, allowed=allowed)))
                elif isinstance(extra, dict):
                    problems.extend(self.validate(item, extra, path + (key,)))
        return problems

    def _best_branch(self, value, branches, results, path) -> list[Problem]:
        """Report the errors of the branch the author most plausibly meant."""
        where = _fmt_path(path)
        candidates = []
        for branch, result in zip(branches, results):
            types = branch.get("type")
            types = types if isinstance(types, list) else [types] if types else []
            if types and not any(_TYPES[t](value) for t in types):
                continue
            if isinstance(value, dict) and branch.get("required"):
                if not all(k in value for k in branch["required"]):
                    continue
            candidates.append(result)
        if len(candidates) == 1:
            return candidates[0]
        if isinstance(value, dict):
            keys = sorted({k for b in branches for k in b.get("required", [])})
            if keys:
                return [(path, msg(M.D341, where=where, keys=str(keys), has=str(sorted(value))))]
        kinds = sorted({t for b in branches for t in ([b["type"]] if isinstance(b.get("type"), str) else b.get("type", []))})
        return [(path, msg(M.D342, where=where, actual=_type_name(value), value=repr(value), expected=" or ".join(kinds) or msg(M.D343)))]
