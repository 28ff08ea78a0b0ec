"""JSON Schemas for `netplan-cs schema`, generated from the models so they never drift.

Plan values parsed into netaddr or VLAN objects are written as strings in a plan file;
the generator describes them so (the models only know the parsed classes).
"""

from __future__ import annotations

from typing import Any, Literal

import netaddr
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from netplan_cs.model.vlans import VlanRanges

SchemaName = Literal["plan", "config", "findings"]
DIALECT = "https://json-schema.org/draft/2020-12/schema"
_STRINGS: dict[type, JsonSchemaValue] = {
    netaddr.IPAddress: {"type": "string", "description": "a dotted IPv4 address"},
    netaddr.IPNetwork: {"type": "string", "pattern": r"^\d+\.\d+\.\d+\.\d+/\d+$",
                        "description": "an IPv4 prefix a.b.c.d/n"},
    VlanRanges: {"anyOf": [{"type": "string"}, {"type": "integer"},
                           {"type": "array", "items": {"type": ["string", "integer"]}}],
                 "description": "VLAN ranges such as 100-199,300-349"},
}


class _PlanSchema(GenerateJsonSchema):
    """Describes the parsed value classes as the strings a plan file holds."""

    def is_instance_schema(self, schema: core_schema.IsInstanceSchema) -> JsonSchemaValue:
        for cls, value in _STRINGS.items():
            if issubclass(schema["cls"], cls):
                return dict(value)
        return super().is_instance_schema(schema)

    def function_plain_schema(self, schema: core_schema.PlainValidatorFunctionSchema,
                              ) -> JsonSchemaValue:
        owner = getattr(schema["function"].get("function"), "__self__", None)
        if isinstance(owner, type) and owner in _STRINGS:
            return dict(_STRINGS[owner])
        return super().function_plain_schema(schema)


def json_schema(name: SchemaName) -> dict[str, Any]:
    if name == "plan":
        from netplan_cs.model.plan import Plan

        schema = Plan.model_json_schema(mode="validation", schema_generator=_PlanSchema)
        title = "netplan-cs plan"
    elif name == "config":
        from netplan_cs.config import ConfigFile

        schema = ConfigFile.model_json_schema(by_alias=True)
        title = "netplan-cs configuration ([tool.netplan-cs] or .netplan-cs.toml)"
    else:
        from netplan_cs.output.findings_model import FindingsDocument

        schema = FindingsDocument.model_json_schema(mode="serialization")
        title = "netplan-cs findings (lint --format json, version 1)"
    return {"$schema": DIALECT, **schema, "title": title}
