"""Native plan data to a validated Plan, turning every schema problem into a diagnostic.

Validation never stops the lint: an invalid value is reported with its path, then
removed (or, when the field is required, its element is removed) and the rest is
validated again, so the other rules still see every sound part of the plan.
"""

from __future__ import annotations

import copy
import types
import typing
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ValidationError

from netplan_cs.display import clip, shown
from netplan_cs.load.location import DataPath
from netplan_cs.model.plan import Plan, Zone
from netplan_cs.model.secrets import MASK, is_secret_key
from netplan_cs.model.types import UnknownChoiceError, Unrecognised
from netplan_cs.spelling import nearest

_MAX_ROUNDS = 12
_TYPE_WORDS = {"string_type": "text", "int_type": "a whole number", "bool_type": "true or false",
               "list_type": "a list", "dict_type": "a mapping", "model_type": "a mapping",
               "model_attributes_type": "a mapping", "float_type": "a number",
               "int_parsing": "a whole number", "bool_parsing": "true or false",
               "float_parsing": "a number"}


@dataclass(frozen=True)
class SchemaProblem:
    """A value of the wrong type or syntax (P001) or a key the format does not know (P002)."""

    kind: str  # "schema" | "unknown-key"
    path: DataPath
    message: str
    suggestion: str | None = None
    kept: bool = False  # the value stayed in the model (Unrecognised): nothing was removed


def _message(error: Any, path: DataPath) -> str:
    kind = error["type"]
    if path and is_secret_key(path[-1]):
        error = {**error, "input": MASK, "ctx": {"error": "invalid value (not shown: a secret)"}}
    if kind == "value_error":
        return str(error["ctx"]["error"])
    if kind == "missing":
        return f"`{error['loc'][-1]}` is required"
    if kind in _TYPE_WORDS:
        return f"expected {_TYPE_WORDS[kind]}, got {shown(error.get('input'))}"
    if kind == "greater_than_equal":
        return f"must be at least {error['ctx']['ge']}, got {shown(error.get('input'))}"
    return str(error["msg"])


def _model_at(path: DataPath) -> type[BaseModel] | None:
    """The model class of the element at `path`, walking Plan's field annotations."""
    return _model_at_shape(tuple(0 if isinstance(key, int) else key for key in path))


@lru_cache(maxsize=1024)
def _model_at_shape(path: DataPath) -> type[BaseModel] | None:
    """`_model_at` for a path whose list indices are all 0: it depends only on the keys,
    so an unknown key repeated in every host walks the annotations once."""
    model: Any = Plan
    annotation: Any = None
    for key in path:
        if annotation is None:
            if not (isinstance(model, type) and issubclass(model, BaseModel)):
                return None
            field = model.model_fields.get(str(key))
            if field is None:
                return None
            annotation = field.annotation
        else:  # inside a container annotation: step into its item type
            annotation = _item_type(annotation)
        while True:
            inner = _unwrap_optional(annotation)
            if typing.get_origin(inner) in (list, dict):
                break
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                model, annotation = inner, None
            break
        if annotation is not None and not isinstance(key, int):
            annotation = _unwrap_optional(annotation)
    if annotation is None and isinstance(model, type) and issubclass(model, BaseModel):
        return model
    inner = _unwrap_optional(annotation)
    return inner if isinstance(inner, type) and issubclass(inner, BaseModel) else None


def _unwrap_optional(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(options) == 1:
            return options[0]
    return annotation


def _item_type(annotation: Any) -> Any:
    inner = _unwrap_optional(annotation)
    args = typing.get_args(inner)
    return args[-1] if args else None


def _existing_prefix(data: Any, loc: DataPath) -> DataPath:
    """The longest prefix of a pydantic error location that exists in the data."""
    node = data
    for depth, key in enumerate(loc):
        if isinstance(node, dict) and isinstance(key, str):
            if key not in node:
                return loc[: depth + 1]  # a missing key: name it
            node = node[key]
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            node = node[key]
        else:
            return loc[:depth]
    return loc


_GONE = object()  # marks a list element removed for being unsound; keeps indices stable


def _remove(data: Any, path: DataPath) -> bool:
    """Delete the value at `path` (a list element is marked gone, not shifted); say
    whether a list element went, which shifts the model's indices after it."""
    parent: Any = data
    for key in path[:-1]:
        parent = parent[key]
    last = path[-1]
    if isinstance(parent, dict):
        parent.pop(last, None)
    elif isinstance(parent, list) and isinstance(last, int) and last < len(parent):
        parent[last] = _GONE
        return True
    return False


def _without_gone(node: Any) -> Any:
    """The data as the model sees it: removed elements left out."""
    if isinstance(node, dict):
        return {key: _without_gone(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_without_gone(item) for item in node if item is not _GONE]
    return node


def _original_loc(data: Any, loc: DataPath, kept_of: dict[int, list[int]]) -> DataPath:
    """Map an error location in the view (gone elements left out) back to `data`.

    `kept_of` caches each list's surviving indices for the round (keyed by the
    list's id), so a list with a bad element in each of 10^5 places stays linear.
    """
    node = data
    out: list[Any] = []
    for key in loc:
        if isinstance(node, list) and isinstance(key, int):
            kept = kept_of.get(id(node))
            if kept is None:
                kept = kept_of[id(node)] = [i for i, item in enumerate(node)
                                            if item is not _GONE]
            if key >= len(kept):
                out.append(key)
                break
            key = kept[key]
            out.append(key)
            node = node[key]
        elif isinstance(node, dict) and key in node:
            out.append(key)
            node = node[key]
        else:
            out.append(key)
            break
    return tuple(out) + tuple(loc[len(out):])


@dataclass(frozen=True)
class ModelPaths:
    """Where the model's elements are in the data. The model's lists close up over the
    elements removed for being unsound, so `pods[2]` of the model may be the file's
    `pods[3]`; every finding is placed through this map, never by the model's index."""

    marked: Any = None  # the data with removed list elements marked; None: nothing removed
    _kept: dict[int, list[int]] = field(default_factory=dict, compare=False, repr=False)

    def data_path(self, path: DataPath) -> DataPath:
        """The data path of the element the model reaches at `path`."""
        if self.marked is None:
            return path
        return _original_loc(self.marked, path, self._kept)


def _keeps(error: Any) -> bool:
    """Whether the refused value is one its closed set lets the model keep (Unrecognised)."""
    cause = (error.get("ctx") or {}).get("error")
    return isinstance(cause, UnknownChoiceError) and cause.keep


def _put(data: Any, path: DataPath, value: Any) -> None:
    parent: Any = data
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value


def _element_of(path: DataPath) -> DataPath:
    """The innermost list element containing `path` (a pod, a range...)."""
    for cut in range(len(path) - 1, -1, -1):
        if isinstance(path[cut], int):
            return path[: cut + 1]
    return ()


def _missing_api_fields(data: dict[str, Any], seen: set[DataPath]) -> list[SchemaProblem]:
    """Fields the API requires that the model accepts as absent (so the zone is still linted)."""
    problems = []
    for index, zone in enumerate(data.get("zones") or []):
        for name in Zone.REQUIRED_BY_API:
            path = ("zones", index, name)
            if zone.get(name) is None and path not in seen:
                problems.append(SchemaProblem(
                    "schema", ("zones", index),
                    f"`{name}` is required (createZone needs dns1 and internaldns1)"))
    return problems


def build_plan(data: dict[str, Any]) -> tuple[Plan | None, list[SchemaProblem], ModelPaths]:
    """Validate native data; return the plan (None if nothing sound is left), the problems
    and where the plan's elements are in `data`."""
    problems: list[SchemaProblem] = []
    seen: set[DataPath] = set()
    work: Any = None
    view: Any = data
    shifted = False
    for _ in range(_MAX_ROUNDS):
        try:
            plan = Plan.model_validate(view)
        except ValidationError as exc:
            errors = exc.errors()
        else:
            problems.extend(_missing_api_fields(view, seen))
            return plan, problems, ModelPaths(work if shifted else None)
        if work is None:
            work = copy.deepcopy(data)
        removals: list[DataPath] = []
        kept_of: dict[int, list[int]] = {}
        for error in errors:
            loc = _original_loc(work, tuple(error["loc"]), kept_of)
            path = _existing_prefix(work, loc)
            if error["type"] == "extra_forbidden":
                model = _model_at(path[:-1])
                hint = nearest(str(path[-1]), list(model.model_fields)) if model else None
                problem = SchemaProblem("unknown-key", path, f"unknown key `{clip(str(path[-1]))}`",
                                        f"did you mean `{hint}`?" if hint else None)
                removals.append(path)
            elif error["type"] == "missing" or path in seen:
                element = _element_of(path)
                problem = SchemaProblem("schema", path if error["type"] == "missing" else element,
                                        _message(error, path))
                removals.append(element if element else path)
                if not element:
                    if path not in seen:
                        problems.append(problem)
                    return None, problems, ModelPaths()
            else:
                kept = _keeps(error)
                problem = SchemaProblem("schema", path, _message(error, path), kept=kept)
                if kept:
                    _put(work, path, Unrecognised(error["input"]))
                else:
                    removals.append(path)
            if path not in seen:
                problems.append(problem)
                seen.add(path)
        for path in sorted(set(removals), key=len, reverse=True):
            try:
                shifted = _remove(work, path) or shifted
            except (KeyError, IndexError, TypeError):
                continue
        view = _without_gone(work)
    return None, problems, ModelPaths()
