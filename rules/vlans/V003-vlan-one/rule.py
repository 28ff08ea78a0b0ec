"""V003 vlan-one: VLAN 1 used tagged, the default native VLAN of most switches."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "V003"
NAME = "vlan-one"
SEVERITY = "warning"
SUMMARY = "VLAN 1 is used tagged (the default native VLAN of most switches)"


def check(ctx: Any) -> Iterator[Finding]:
    for use in ctx.facts.vlans.all_uses():
        if use.isolation == "VLAN" and use.start <= 1 <= use.end:
            yield Finding(use.path,
                          f"{use.owner} uses VLAN 1 ({use.text}), the native (untagged) VLAN of "
                          "most switch ports: its tagged frames are dropped or leak into the "
                          "untagged segment",
                          suggestion="use another VLAN ID, or `untagged` if the native VLAN is "
                          "meant")
