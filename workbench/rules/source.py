"""Reading one rule file (YAML or JSON) into plain data plus the line of every node.

PyYAML's composer gives each node a start mark; we walk the node tree ourselves so
that every path (``("fields", 3, "ipc", 0)``) knows its 1-based line, and so that
duplicate keys (which PyYAML silently drops) are reported instead of lost.
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from workbench.errors import E302, E303, RulesError
from workbench.messages import M, Message, msg
from workbench.messages.causes import cause

Path_ = tuple  # a path into the data: keys and list indexes

RULE_SUFFIXES = (".yaml", ".yml", ".json")
MAX_NODES = 200_000
MAX_DEPTH = 40


@dataclass
class RuleSource:
    """One parsed rule file: its data, the line of each path, and its location."""

    path: Path
    data: object
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        """The line of ``path`` or of its nearest ancestor that has one."""
        path = tuple(path)
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


class _Builder:
    def __init__(self, file: Path) -> None:
        self.file = file
        self.lines: dict[Path_, int] = {}
        self.constructor = yaml.constructor.SafeConstructor()
        self.visited = 0

    def build(self, node: yaml.Node, path: Path_ = ()) -> object:
        self.visited += 1
        if self.visited > MAX_NODES or len(path) > MAX_DEPTH:
            # YAML aliases can make a small file expand enormously (or refer to itself).
            raise RulesError(
                E302, path=self.file, line=node.start_mark.line + 1,
                detail=msg(M.D319, n=MAX_NODES),
            )
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            out: dict = {}
            for key_node, value_node in node.value:
                key = self.build_scalar(key_node)
                if not isinstance(key, (str, int)) or isinstance(key, bool):
                    raise RulesError(
                        E303, path=self.file, line=key_node.start_mark.line + 1,
                        detail=msg(M.D320, key=repr(key)),
                    )
                if key in out:
                    raise RulesError(
                        E303, path=self.file, line=key_node.start_mark.line + 1,
                        detail=msg(M.D321, key=key),
                    )
                self.lines[path + (key,)] = key_node.start_mark.line + 1
                out[key] = self.build(value_node, path + (key,))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self.build_scalar(node)

    def build_scalar(self, node: yaml.Node) -> object:
        if not isinstance(node, yaml.ScalarNode):
            raise RulesError(E303, path=self.file, line=node.start_mark.line + 1, detail=msg(M.D305))
        value = self.constructor.construct_object(node, deep=True)
        if isinstance(value, (_dt.date, _dt.datetime)):
            return value.isoformat()[:10] if isinstance(value, _dt.date) else value.isoformat()
        return value


def _compose(text: str, file: Path) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        said = " ".join(str(p) for p in (exc.context, exc.problem) if p)  # PyYAML's own words, quoted as they came
        detail: Message
        if not said:
            detail = msg(M.D328)
        elif exc.context_mark is not None and exc.context_mark is not mark:
            detail = msg(M.D359, start=exc.context_mark.line + 1, kind=cause(exc), parser=said)
        else:
            detail = msg(M.D360, kind=cause(exc), parser=said)
        raise RulesError(E302, path=file, line=line, detail=detail) from None
    except yaml.YAMLError as exc:
        detail = msg(M.D360, kind=cause(exc), parser=str(exc).splitlines()[0])
        raise RulesError(E302, path=file, line=None, detail=detail) from None


def read_rule_file(path: str | Path) -> RuleSource:
    """Parse one rule file. Raise ``RulesError(E302)`` (syntax, with the line)."""
    file = Path(path)
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise RulesError(E302, path=file, line=None, detail=msg(M.D303, x=cause(exc))) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise RulesError(E302, path=file, line=line, detail=msg(M.D302)) from None
    if file.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise RulesError(E302, path=file, line=exc.lineno, detail=cause(exc, en=exc.msg)) from None
        try:  # JSON is YAML: compose it again only to learn the lines
            node = yaml.compose(text, Loader=yaml.SafeLoader)
            if node is None:
                return RuleSource(file, data, {(): 1})
            built = _Builder(file)
            built.build(node)
            return RuleSource(file, data, built.lines)
        except (yaml.YAMLError, RulesError):
            return RuleSource(file, data, {(): 1})
    node = _compose(text, file)
    if node is None:
        raise RulesError(E302, path=file, line=1, detail=msg(M.D301))
    built = _Builder(file)
    data = built.build(node)
    return RuleSource(file, data, built.lines)
