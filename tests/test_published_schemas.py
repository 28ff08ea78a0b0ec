"""The JSON Schemas committed under schemas/ are exactly what `netplan-cs schema` prints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netplan_cs.schemas.generate import SchemaName, json_schema
from tests.conftest import ROOT, SAMPLES

KINDS: list[SchemaName] = ["plan", "config", "findings"]


@pytest.mark.parametrize("kind", KINDS)
def test_committed_schema_is_current(kind: SchemaName) -> None:
    committed = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text("utf-8"))
    assert committed == json_schema(kind), (
        f"regenerate with: netplan-cs schema {kind} > schemas/{kind}.schema.json")


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_samples_name_the_plan_schema_for_editors(sample: Path) -> None:
    first = sample.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/plan.schema.json"
