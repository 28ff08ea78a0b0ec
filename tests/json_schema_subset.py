"""A small JSON Schema (draft-04) validator for the keywords the SARIF 2.1.0 schema uses.

The `jsonschema` package is not a dependency yet; until it is, the SARIF tests validate
with this. It refuses any keyword it does not implement, so it cannot pass silently on a
schema it does not understand. `format` is an annotation here, as in jsonschema's default.
"""

from __future__ import annotations

import re
from typing import Any

_ANNOTATIONS = {"description", "default", "title", "$schema", "id", "definitions", "format"}
_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,), "array": (list,), "string": (str,), "boolean": (bool,),
    "integer": (int,), "number": (int, float), "null": (type(None),)}


class SchemaViolationError(AssertionError):
    pass


def _is(value: Any, kind: str) -> bool:
    if kind in ("integer", "number") and isinstance(value, bool):
        return False
    return isinstance(value, _TYPES[kind])


class Validator:
    def __init__(self, schema: dict[str, Any]) -> None:
        self.root = schema

    def validate(self, instance: Any) -> None:
        self._check(instance, self.root, "$")

    def _resolve(self, ref: str) -> dict[str, Any]:
        if not ref.startswith("#/"):
            raise SchemaViolationError(f"unsupported $ref {ref}")
        node: Any = self.root
        for part in ref[2:].split("/"):
            node = node[part]
        return dict(node)

    def _valid(self, instance: Any, schema: dict[str, Any], where: str) -> bool:
        try:
            self._check(instance, schema, where)
        except SchemaViolationError:
            return False
        return True

    def _check(self, value: Any, schema: dict[str, Any], where: str) -> None:
        if "$ref" in schema:
            self._check(value, self._resolve(schema["$ref"]), where)
        for key, rule in schema.items():
            if key in _ANNOTATIONS or key == "$ref":
                continue
            if key == "type":
                kinds = rule if isinstance(rule, list) else [rule]
                if not any(_is(value, kind) for kind in kinds):
                    raise SchemaViolationError(f"{where}: {value!r} is not of type {rule}")
            elif key == "enum":
                if value not in rule:
                    raise SchemaViolationError(f"{where}: {value!r} not in {rule}")
            elif key == "required":
                if isinstance(value, dict):
                    missing = [name for name in rule if name not in value]
                    if missing:
                        raise SchemaViolationError(f"{where}: missing {missing}")
            elif key == "properties":
                if isinstance(value, dict):
                    for name, sub in rule.items():
                        if name in value:
                            self._check(value[name], sub, f"{where}.{name}")
            elif key == "additionalProperties":
                if isinstance(value, dict):
                    extra = [k for k in value if k not in schema.get("properties", {})]
                    for name in extra:
                        if rule is False:
                            raise SchemaViolationError(f"{where}: unexpected property {name!r}")
                        if isinstance(rule, dict):
                            self._check(value[name], rule, f"{where}.{name}")
            elif key == "items":
                if isinstance(value, list):
                    for index, item in enumerate(value):
                        self._check(item, rule, f"{where}[{index}]")
            elif key == "minItems":
                if isinstance(value, list) and len(value) < rule:
                    raise SchemaViolationError(f"{where}: fewer than {rule} items")
            elif key == "uniqueItems":
                if rule and isinstance(value, list):
                    seen = [repr(item) for item in value]
                    if len(seen) != len(set(seen)):
                        raise SchemaViolationError(f"{where}: items are not unique")
            elif key in ("minimum", "maximum"):
                if _is(value, "number") and (value < rule if key == "minimum" else value > rule):
                    raise SchemaViolationError(f"{where}: {value} violates {key} {rule}")
            elif key == "pattern":
                if isinstance(value, str) and not re.search(rule, value):
                    raise SchemaViolationError(f"{where}: {value!r} does not match {rule}")
            elif key == "anyOf":
                if not any(self._valid(value, sub, where) for sub in rule):
                    raise SchemaViolationError(f"{where}: matches none of anyOf")
            elif key == "oneOf":
                if sum(self._valid(value, sub, where) for sub in rule) != 1:
                    raise SchemaViolationError(f"{where}: does not match exactly one of oneOf")
            else:
                raise SchemaViolationError(f"keyword {key!r} is not implemented by this validator")
