"""Loading a rule set: installed files + the user rules folder, validated all-or-nothing.

- Installed rule sets live in ``classification_rules/<name>.yaml`` (or .yml/.json),
  validated against ``classification_rules/schema.json``.
- A user rules folder holds files that override or add fields **by id** without
  touching the installed files: a file with ``extends: <name>`` (or ``id: <name>``)
  contributes its fields to that rule set; a field with an existing id replaces the
  installed field whole, a new id is added. A user file with another ``id`` and no
  ``extends`` is a rule set of its own, loadable by that name.
- Every file is parsed and validated before anything is built; the first problem
  raises a RulesError (E301-E307) naming the file and line. The checksum is the
  SHA-256 of the canonical JSON of every file used, so any change to any of them
  (but not to comments or layout) gives a new checksum.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from collections.abc import Iterator
from typing import TypedDict, Union, cast

from workbench import resources
from workbench.errors import E301, E303, E304, E305, E306, E307, IpcError, RulesError
from workbench.ipc.code import parse_ipc_or_range
from workbench.messages import M, msg
from workbench.rules.model import AdditionalRequirement, FieldRule, IpcEntry, IpcPart, Limitation, TermCondition
from workbench.rules.ruleset import RuleSet
from workbench.rules.schema import SchemaValidator
from workbench.rules.source import RULE_SUFFIXES, RuleSource, read_rule_file
from workbench.messages.causes import cause

DEFAULT_RULESET = "jp-specified-fields"
_NAME = re.compile(r"[a-z0-9][a-z0-9._-]*")
SCHEMA_FILE = "schema.json"
SCHEMA_SUFFIX = ".schema.json"  # <name>.schema.json beside <name>.yaml: that file's own schema


# ---------------------------------------------------------------------------
# What a rule file is once schema.json accepted it (the schema is the authority; these
# types only let the reader and mypy follow the data from the file to FieldRule).
# ---------------------------------------------------------------------------
Texts = Union[str, list[str]]  # one text or a list of them (source, notes)


class _Term(TypedDict):
    term: str


class TermData(_Term, total=False):
    """An evidence term with a context: counts only with a word of ``with_any``, never inside ``exclude``."""

    with_any: list[str]
    exclude: list[str]
    note: str


class AnyOfData(TypedDict):
    any_of: list[str]


class IpcEntryData(TypedDict, total=False):
    """The mapping form of an IPC entry: ``code`` or ``all_of`` (exactly one, the schema says)."""

    code: str
    all_of: list[Union[str, AnyOfData]]
    verified: bool
    editions: str
    source: Texts
    note: str


class _Requirement(TypedDict):
    applies: bool


class RequirementData(_Requirement, total=False):
    wording_en: str
    wording_ja: str
    verified: bool
    note: str


class _Limitation(TypedDict):
    requires_terms: list[str]


class LimitationData(_Limitation, total=False):
    verified: bool
    note: str


class _Field(TypedDict):
    id: int
    name_ja: str
    name_en: str
    ipc: list[Union[str, IpcEntryData]]
    additional_requirement: RequirementData
    verified: bool


class FieldData(_Field, total=False):
    name_verified: bool
    limitation: LimitationData | None
    terms_en: list[Union[str, TermData]]
    terms_ja: list[Union[str, TermData]]
    source: Texts
    notes: Texts


class _RuleFile(TypedDict):
    version: str
    fields: list[FieldData]


class RuleFileData(_RuleFile, total=False):
    id: str
    extends: str  # user files: the installed rule set whose fields this file overrides or adds
    effective_date: str
    ipc_edition: str
    source: Texts
    notes: Texts
    context: list[list[str]]


@dataclass(frozen=True)
class RuleFile:
    """A parsed rule file its schema accepted: the lines (``source``) and the typed data."""

    source: RuleSource
    data: RuleFileData

    def adds_to(self, name: str) -> bool:
        """Does this file contribute fields to rule set ``name`` (``extends`` it, or is it)?"""
        return self.data.get("extends") == name or (self.data.get("id") == name and "extends" not in self.data)


def installed_rules_dir() -> Path:
    """``classification_rules/`` beside the package (or inside a frozen bundle)."""
    return resources.rules_dir()  # env WORKBENCH_INSTALLED_RULES > bundle > checkout > wheel data


@lru_cache(maxsize=8)
def _validator(schema_path: str) -> SchemaValidator:
    with open(schema_path, encoding="utf-8") as fh:
        return SchemaValidator(json.load(fh))


def load_schema(path: Path) -> SchemaValidator:
    """The validator of one schema file (read once)."""
    return _validator(str(path))


def validator(rules_dir: Path | None = None) -> SchemaValidator:
    path = (rules_dir or installed_rules_dir()) / SCHEMA_FILE
    if not path.is_file():
        path = installed_rules_dir() / SCHEMA_FILE
    return _validator(str(path))


def rule_files(folder: Path) -> list[Path]:
    """The rule files of a folder (the schema files are not rule files)."""
    return sorted(
        p for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in RULE_SUFFIXES and p.name != SCHEMA_FILE
        and not p.name.endswith(SCHEMA_SUFFIX) and not p.name.startswith(".")
    )


# ---------------------------------------------------------------------------
# Validation of one file: schema, then the IPC symbols and unique ids.
# ---------------------------------------------------------------------------
def problems_in(source: RuleSource, schema: SchemaValidator | None = None) -> list[RulesError]:
    """Every problem in one parsed file, each a RulesError with file and line."""
    schema = schema or validator()
    found: list[RulesError] = []
    for path, message in schema.validate(source.data):
        found.append(RulesError(E303, path=source.path, line=source.line_of(path), detail=message))
    data = source.data if isinstance(source.data, dict) else {}
    listed = data.get("fields")
    fields: list[object] = listed if isinstance(listed, list) else []
    seen: dict[int, int | None] = {}
    for i, field in enumerate(fields):
        if not isinstance(field, dict):
            continue
        fid = field.get("id")
        if isinstance(fid, int) and not isinstance(fid, bool):
            line = source.line_of(("fields", i, "id"))
            if fid in seen:
                found.append(RulesError(E304, path=source.path, line=line, field_id=fid))
            seen[fid] = line
        ipc = field.get("ipc")
        entries: list[object] = ipc if isinstance(ipc, list) else []
        for j, entry in enumerate(entries):
            for path, text in _entry_texts(entry, ("fields", i, "ipc", j)):
                try:
                    parse_ipc_or_range(text)
                except IpcError as exc:
                    line = source.line_of(path)
                    if exc.code == E306:
                        found.append(RulesError(E306, path=source.path, line=line, text=text, detail=exc.details.get("detail", "")))
                    else:
                        found.append(RulesError(E301, path=source.path, line=line, symbol=text))
    found.sort(key=lambda e: (e.line or 0))
    return found


def _entry_texts(entry: object, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(entry, str):
        yield path, entry
    elif isinstance(entry, dict):
        if isinstance(entry.get("code"), str):
            yield path + ("code",), entry["code"]
        parts = entry.get("all_of")
        if isinstance(parts, list):
            for k, part in enumerate(parts):
                if isinstance(part, str):
                    yield path + ("all_of", k), part
                elif isinstance(part, dict) and isinstance(part.get("any_of"), list):
                    for m, alt in enumerate(part["any_of"]):
                        if isinstance(alt, str):
                            yield path + ("all_of", k, "any_of", m), alt


def check_file(path: str | Path) -> list[RulesError]:
    """Problems in one rule file ([] when valid); syntax errors come back as one problem.
    A file with its own schema beside it (``jurisdictions.schema.json`` beside
    ``jurisdictions.yaml``) is checked against that one, any other against the rule-set schema."""
    try:
        source = read_rule_file(path)
    except RulesError as exc:
        return [exc]
    own = Path(path).with_name(Path(path).stem + SCHEMA_SUFFIX)
    return problems_in(source, load_schema(own) if own.is_file() else None)


def check_path(path: str | Path) -> list[RulesError]:
    """Problems in a rule file or in every rule file of a folder."""
    target = Path(path)
    if target.is_dir():
        problems: list[RulesError] = []
        try:
            files = rule_files(target)
        except OSError as exc:
            return [RulesError(E307, path=target, detail=cause(exc, en=exc.strerror or str(exc)))]
        for file in files:
            problems.extend(check_file(file))
        return problems
    if not target.exists():
        return [RulesError(E305, path=target, name=target.stem)]
    return check_file(target)


# ---------------------------------------------------------------------------
# Building the objects from validated data.
# ---------------------------------------------------------------------------
def _texts(value: Texts | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _build_entry(entry: Union[str, IpcEntryData], line: int | None) -> IpcEntry:
    if isinstance(entry, str):
        return IpcEntry(parts=(IpcPart((parse_ipc_or_range(entry),)),), line=line)
    if "code" in entry:
        parts: tuple[IpcPart, ...] = (IpcPart((parse_ipc_or_range(entry["code"]),)),)
    else:
        built = []
        for part in entry["all_of"]:
            alts = part["any_of"] if isinstance(part, dict) else [part]
            built.append(IpcPart(tuple(parse_ipc_or_range(a) for a in alts)))
        parts = tuple(built)
    return IpcEntry(
        parts=parts,
        verified=bool(entry.get("verified", False)),
        editions=entry.get("editions"),
        source=_texts(entry.get("source")),
        note=entry.get("note", ""),
        line=line,
    )


def _term_texts(items: list[Union[str, TermData]]) -> tuple[str, ...]:
    return tuple(t["term"] if isinstance(t, dict) else t for t in items)


def _build_field(field: FieldData, source: RuleSource, index: int) -> FieldRule:
    req = field["additional_requirement"]
    lim = field.get("limitation")
    return FieldRule(
        id=field["id"],
        name_en=field["name_en"],
        name_ja=field["name_ja"],
        ipc=tuple(
            _build_entry(e, source.line_of(("fields", index, "ipc", j))) for j, e in enumerate(field["ipc"])
        ),
        additional_requirement=AdditionalRequirement(
            applies=req["applies"],
            wording_en=req.get("wording_en", ""),
            wording_ja=req.get("wording_ja", ""),
            verified=bool(req.get("verified", False)),
            note=req.get("note", ""),
        ),
        terms_en=_term_texts(field.get("terms_en", [])),
        terms_ja=_term_texts(field.get("terms_ja", [])),
        term_conditions=tuple(
            TermCondition(t["term"], tuple(t.get("with_any", ())), tuple(t.get("exclude", ())))
            for t in [*field.get("terms_en", []), *field.get("terms_ja", [])]
            if isinstance(t, dict)
        ),
        limitation=(
            Limitation(tuple(lim["requires_terms"]), bool(lim.get("verified", False)), lim.get("note", ""))
            if lim
            else None
        ),
        verified=field["verified"],
        name_verified=bool(field.get("name_verified", False)),
        source=_texts(field.get("source")),
        notes=_texts(field.get("notes")),
        origin=str(source.path),
        line=source.line_of(("fields", index)),
    )


def _canonical(data: object) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def first_problem(problems: list[RulesError]) -> RulesError:
    """The first of a file's problems, its hint saying how many more ``rules check`` lists."""
    first = problems[0]
    if len(problems) > 1:
        first.extend_hint(msg(M.D318, n=len(problems) - 1))
    return first


def _read_valid(path: Path, schema: SchemaValidator) -> RuleFile:
    source = read_rule_file(path)
    problems = problems_in(source, schema)
    if problems:
        raise first_problem(problems)
    return RuleFile(source, cast(RuleFileData, source.data))  # the schema accepted it


def _find_base(name: str, folder: Path) -> Path | None:
    for suffix in RULE_SUFFIXES:
        candidate = folder / f"{name}{suffix}"
        if candidate.is_file():
            return candidate
    return None


def load_ruleset(
    name: str = DEFAULT_RULESET,
    user_dir: str | Path | None = None,
    *,
    rules_dir: str | Path | None = None,
) -> RuleSet:
    """Load, validate and merge a rule set; never returns a half-loaded one.

    ``user_dir``: the user rules folder (None: installed rules only).
    ``rules_dir``: where installed rule sets live (default ``classification_rules/``).
    Raises RulesError: E302 syntax, E303 schema, E304 duplicate id, E301/E306 bad IPC,
    E305 no such rule set, E307 unreadable user folder — each with file and line.
    """
    installed = Path(rules_dir) if rules_dir is not None else installed_rules_dir()
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise RulesError(E305, path=installed, name=name)
    schema = validator(installed)

    user_files: list[Path] = []
    if user_dir is not None and str(user_dir) != "":
        folder = Path(user_dir)
        if not folder.is_dir():
            raise RulesError(E307, path=folder, detail=msg(M.D306))
        try:
            user_files = rule_files(folder)
        except OSError as exc:
            raise RulesError(E307, path=folder, detail=cause(exc, en=exc.strerror or str(exc))) from None

    base_path = _find_base(name, installed) if installed.is_dir() else None
    user_files_read = [_read_valid(p, schema) for p in user_files]
    base: RuleFile | None = _read_valid(base_path, schema) if base_path else None
    if base is None:  # a rule set of the user's own
        base = next((f for f in user_files_read if f.data.get("id") == name and "extends" not in f.data), None)
    if base is None:
        raise RulesError(E305, path=installed, name=name)
    overrides = [f for f in user_files_read if f is not base and f.adds_to(name)]

    fields: dict[int, FieldRule] = {}
    for i, f in enumerate(base.data["fields"]):
        fields[f["id"]] = _build_field(f, base.source, i)
    overridden: dict[int, RuleFile] = {}
    for file in overrides:
        for i, f in enumerate(file.data["fields"]):
            if f["id"] in overridden:  # two user files redefine one field: which wins is not clear
                raise RulesError(
                    E304, path=file.source.path, line=file.source.line_of(("fields", i, "id")), field_id=f["id"],
                )
            overridden[f["id"]] = file
            fields[f["id"]] = _build_field(f, file.source, i)
    if not fields:
        raise RulesError(E303, path=base.source.path, line=base.source.line_of(("fields",)), detail=msg(M.D304))

    used = [base, *overrides]
    digest = hashlib.sha256()
    for file in used:
        digest.update(_canonical(file.data))
        digest.update(b"\x00")
    checksum = digest.hexdigest()
    version = str(base.data["version"])
    if overrides:
        version = f"{version}+user.{checksum[:8]}"
    data = base.data
    return RuleSet(
        name=name,
        version=version,
        checksum=checksum,
        fields=tuple(fields.values()),
        effective_date=str(data.get("effective_date", "")),
        ipc_edition=str(data.get("ipc_edition", "")),
        sources=tuple(str(f.source.path) for f in used),
        source_urls=_texts(data.get("source")),
        notes=_texts(data.get("notes")),
    )


_CACHE: dict[tuple, RuleSet] = {}
_LOCK = threading.Lock()


def _stamp(name: str, user_dir: str | Path | None, rules_dir: str | Path | None) -> tuple:
    files: list[Path] = []
    installed = Path(rules_dir) if rules_dir is not None else installed_rules_dir()
    if installed.is_dir():
        files.extend(rule_files(installed))
    if user_dir and Path(user_dir).is_dir():
        files.extend(rule_files(Path(user_dir)))
    return (name, str(user_dir or ""), str(installed), tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files))


def get_ruleset(
    name: str = DEFAULT_RULESET, user_dir: str | Path | None = None, *, rules_dir: str | Path | None = None
) -> RuleSet:
    """The shared, lazily loaded rule set: loaded once, reloaded only when a file changed."""
    key = _stamp(name, user_dir, rules_dir)
    with _LOCK:
        if key not in _CACHE:
            _CACHE.clear()
            _CACHE[key] = load_ruleset(name, user_dir, rules_dir=rules_dir)
        return _CACHE[key]
