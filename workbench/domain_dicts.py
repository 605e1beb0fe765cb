"""The one to/from-dict pair for the domain objects (``workbench/domain.py``).

    data = to_dict(verdict)                 # plain JSON-able values
    from_dict(DraftVerdict, data) == verdict

Dataclasses become dicts of their fields, tuples become lists, coded messages their
stored form (``{"code", "args", "en"}``, see :func:`workbench.messages.to_stored`).
:func:`from_dict` rebuilds by the field types declared in ``domain.py`` (and
``store/records.py``): a key missing from an older record takes the field's default, an
unknown key (a newer record) is ignored, a stored plain string where a message is
declared stays a string. The triage log's payloads, the UI's rebuild of a stored verdict
and the claim/verdict exports all go through this pair, so a new domain field is
written and read back in one place.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import lru_cache
from typing import Any, TypeVar, Union, get_args, get_origin

from workbench.messages import Message, from_stored, to_stored

T = TypeVar("T")


_PLAIN = frozenset((str, int, float, bool, type(None)))
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}  # a dataclass's field names (not a Message's), read once per class


def to_dict(obj: Any) -> Any:
    """``obj`` as plain values: dataclasses -> dicts, tuples -> lists, messages -> stored form.
    (Recording a verdict walks ~1,500 values: the common kinds are tried first, by type.)"""
    t = type(obj)
    if t in _PLAIN:
        return obj
    names = _FIELD_NAMES.get(t)
    if names is not None:
        return {n: to_dict(getattr(obj, n)) for n in names}
    if t is list or t is tuple:
        return [v if type(v) in _PLAIN else to_dict(v) for v in obj]
    if isinstance(obj, Message):
        return to_stored(obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        names = _FIELD_NAMES.setdefault(t, tuple(f.name for f in dataclasses.fields(obj)))
        return {n: to_dict(getattr(obj, n)) for n in names}
    if isinstance(obj, (tuple, list)):
        return [to_dict(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_dict(cls: type[T], data: Any) -> T:
    """Rebuild a ``cls`` (a domain dataclass) from :func:`to_dict`'s output."""
    return _convert(cls, data)


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    if tp is Any:
        return value
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(tp) if a is not type(None)]
        if Message in options:  # Message | str: a coded message or an old plain string
            return from_stored(value)
        for option in options:
            try:
                return _convert(option, value)
            except (TypeError, ValueError, KeyError):
                continue
        return value
    if origin is typing.Literal:
        return value
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v) for v in value)
        return tuple(_convert(a, v) for a, v in zip(args, value))
    if origin is dict:
        kt, vt = get_args(tp) or (Any, Any)
        return {_convert(kt, k): _convert(vt, v) for k, v in value.items()}
    if origin is list:
        (it,) = get_args(tp) or (Any,)
        return [_convert(it, v) for v in value]
    if tp is Message:
        return from_stored(value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if isinstance(value, tp):
            return value
        hints = _hints(tp)
        kwargs = {f.name: _convert(hints[f.name], value[f.name]) for f in dataclasses.fields(tp) if f.init and f.name in value}
        return tp(**kwargs)
    if tp in (int, float, str) and not isinstance(value, tp):
        if tp is int and isinstance(value, str) and not value.lstrip("-").isdigit():
            raise ValueError(value)
        return tp(value)
    return value
