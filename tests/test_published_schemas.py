"""The JSON Schemas committed under schemas/ are exactly what `netplan-cs schema` prints."""

from __future__ import annotations

import json
from itertools import cycle
from pathlib import Path
from typing import Any

import jsonschema
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


def _plan_with(cluster: dict[str, object], isolation: str, scope: str) -> dict[str, object]:
    return {"zones": [{"name": "z", "networktype": "advanced", "dns1": "192.0.2.53",
                       "internaldns1": "10.0.0.2",
                       "physical_networks": [{"name": "p", "isolationmethods": [isolation]}],
                       "primary_storage": [{"name": "ps", "scope": scope}],
                       "pods": [{"name": "pod", "gateway": "10.0.0.1",
                                 "netmask": "255.255.255.0", "clusters": [cluster]}]}]}


@pytest.mark.parametrize("spell", [str.upper, str.lower, str.title], ids=["upper", "lower",
                                                                         "title"])
def test_plan_schema_accepts_the_closed_sets_in_any_case_as_the_model_does(spell: Any) -> None:
    """Editors and the model agree: every spelling the model takes validates, a typo fails."""
    from netplan_cs.model.build import build_plan
    from netplan_cs.model.types import HYPERVISORS, ISOLATION_METHODS, STORAGE_SCOPES

    validator = jsonschema.Draft202012Validator(json_schema("plan"))
    for hypervisor, method, scope in zip(cycle(sorted(HYPERVISORS)), ISOLATION_METHODS,
                                         cycle(STORAGE_SCOPES)):
        plan = _plan_with({"name": "c", "hypervisor": spell(hypervisor)}, spell(method),
                          spell(scope))
        assert list(validator.iter_errors(plan)) == []
        assert build_plan(plan)[1] == []
    for typo in ({"hypervisor": "KMV"}, {"isolation": "VLNA"}, {"scope": "zoen"}):
        plan = _plan_with({"name": "c", "hypervisor": typo.get("hypervisor", "KVM")},
                          typo.get("isolation", "VLAN"), typo.get("scope", "zone"))
        assert len(list(validator.iter_errors(plan))) == 1, typo
