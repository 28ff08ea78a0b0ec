"""R003 compute-rate-above-network-rate: VMs promised more than their network's router passes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related
from netplan_cs.facts.rates import NicRate
from netplan_cs.model.plan import Zone

ID = "R003"
NAME = "compute-rate-above-network-rate"
SEVERITY = "warning"
ASSUMES_COMPLETE = ('settings',)
SUMMARY = ("a compute offering's rate is above the rate of the network offering its VMs' default "
           "NIC attaches to (the virtual router caps the traffic anyway)")


def _pick(rows: list[NicRate], wanted: set[str]) -> list[NicRate]:
    """Rows of declared offerings named in `wanted`, or the only declared one when none is named."""
    declared = [row for row in rows if row.offering.path is not None]
    if wanted:
        return [row for row in declared if row.offering.name in wanted]
    return declared if len(declared) == 1 else []


def _pairs(zone: Zone, rows: tuple[NicRate, ...]) -> Iterator[tuple[NicRate, NicRate]]:
    """(compute row, network row) for the VMs the zone plans: demand names the offerings, shared
    networks name theirs; a plan with one compute or one network offering needs no names."""
    computes = _pick([r for r in rows if r.nic == "user-vm-default"],
                     {zone.demand.service_offering} - {None})
    names = {zone.demand.network_offering, *(n.networkoffering for n in zone.shared_networks)}
    networks = _pick([r for r in rows if r.nic == "router-guest"], names - {None})
    for compute in computes:
        for network in networks:
            yield compute, network


def _above(compute: int | None, network: int | None) -> bool:
    if network is None:
        return False
    return compute is None or compute > network


def _rate(row: NicRate) -> str:
    """`1000 Mb/s`, or `200 Mb/s (vm.network.throttling.rate = 200 (default))` when inherited."""
    rate = "unlimited" if row.effective_mbps is None else f"{row.effective_mbps} Mb/s"
    return rate if row.setting is None else f"{rate} ({row.setting.describe()})"


def _where(row: NicRate) -> tuple[Any, ...]:
    assert row.offering.path is not None
    key = "networkrate" if row.offering.networkrate is not None else "name"
    return (*row.offering.path, key)


def check(ctx: Any) -> Iterator[Finding]:
    seen: set[tuple[Any, ...]] = set()
    for zone, rows in zip(ctx.plan.zones, ctx.facts.rates.by_zone, strict=True):
        for compute, network in _pairs(zone, rows):
            key = (_where(compute), _where(network))
            if key in seen or not _above(compute.effective_mbps, network.effective_mbps):
                continue
            seen.add(key)
            yield Finding(
                _where(compute),
                f"{compute.offering.label} gives its VMs' default NIC {_rate(compute)}, above "
                f"the {_rate(network)} of {network.offering.label} that their network uses in "
                f"zone {zone.name}: the virtual router's guest NIC caps the traffic at the lower "
                "rate",
                related=(Related(_where(network), f"{network.offering.label}: "
                                 f"{_rate(network)}"),),
                suggestion="give the network offering at least the compute offering's rate, or "
                "lower the compute offering's networkrate")
