"""R002 implicit-default-rate: an offering inherits its rate from a global setting."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding
from netplan_cs.facts.rates import NicRate

ID = "R002"
NAME = "implicit-default-rate"
SEVERITY = "info"
ASSUMES_COMPLETE = ('settings',)
SUMMARY = ("a compute or network offering leaves networkrate unset, so a global setting (200 Mb/s "
           "unless changed) decides its rate")

_WHO = {"user-vm-default": "its VMs' default NICs",
        "user-vm-additional": "its networks' VM and virtual-router NICs"}


def _rate(row: NicRate) -> str:
    return "unlimited" if row.effective_mbps is None else f"{row.effective_mbps} Mb/s"


def check(ctx: Any) -> Iterator[Finding]:
    inherited: dict[tuple[Any, ...], list[NicRate]] = {}
    for row in ctx.facts.rates.rows:
        offering = row.offering
        if (row.nic in _WHO and offering.path is not None and offering.networkrate is None
                and row.setting is not None):
            inherited.setdefault(offering.path, []).append(row)
    for path, rows in inherited.items():
        offering = rows[0].offering
        outcomes = "; ".join(f"{_rate(row)} from {row.setting.describe()}" for row in rows
                             if row.setting is not None)
        yield Finding((*path, "name"),
                      f"{offering.label} leaves networkrate unset: {_WHO[rows[0].nic]} get "
                      f"{outcomes}",
                      suggestion="set networkrate on the offering (Mb/s, 0 = unlimited) so its "
                      "rate does not follow the global setting")
