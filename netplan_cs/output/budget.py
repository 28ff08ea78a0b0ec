"""Budgets and estimates as tables (tabulate) and as JSON version 1 (stable: keys only added)."""

from __future__ import annotations

from typing import Any

from tabulate import tabulate

from netplan_cs.facts.budget import Budget, ZoneBudget, alert_threshold, describe
from netplan_cs.facts.estimate import MAX_VLANS, Need, Scenario
from netplan_cs.model.plan import Demand, Plan
from netplan_cs.output.json_text import json_text

_HEADERS = ["budget", "size", "needed", "free", "use", "needed is"]


def _utilisation(budget: Budget) -> float | None:
    value = budget.utilisation
    return None if value is None else round(value, 4)


def budget_json(budget: Budget, breakdown: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {"size": budget.size, "needed": budget.needed, "free": budget.free,
                            "utilisation": _utilisation(budget)}
    if breakdown:
        data["breakdown"] = dict(budget.breakdown)
    return data


def zone_json(zone: ZoneBudget) -> dict[str, Any]:
    pods = []
    for pod in zone.pods:
        entry: dict[str, Any] = {
            "name": pod.pod.name, "cidr": str(pod.pod.cidr),
            "reserved": budget_json(pod.reserved),
            "hosts": {"count": pod.hosts, "capacity": pod.host_capacity,
                      "declared": pod.host_count.declared, "outside": pod.host_count.outside,
                      "simulated": pod.host_count.simulated}}
        if pod.storage is not None:
            entry["storage"] = budget_json(pod.storage)
        if pod.guest is not None:
            entry["guest"] = budget_json(pod.guest)
        pods.append(entry)
    data: dict[str, Any] = {"name": zone.zone.name, "pods": pods}
    if zone.public is not None:
        data["public"] = budget_json(zone.public)
    if zone.guest_vlans is not None:
        data["guest_vlans"] = budget_json(zone.guest_vlans, breakdown=False)
    if zone.guest_cidr is not None:
        data["guest_cidr"] = {"cidr": str(zone.guest_cidr.cidr),
                              "vms_per_network": zone.guest_cidr.vms_per_network,
                              "vms_per_network_redundant":
                                  zone.guest_cidr.vms_per_network_redundant}
    if zone.shared_networks:
        data["shared_networks"] = [{"name": shared.name, **budget_json(shared.budget)}
                                   for shared in zone.shared_networks]
    return data


def render_budget_json(zones: tuple[ZoneBudget, ...]) -> str:
    return json_text({"version": 1, "zones": [zone_json(zone) for zone in zones]})


def _use(budget: Budget, threshold: float | None) -> str:
    if budget.needed > budget.size:
        return "SHORT"
    value = budget.utilisation or 0.0
    mark = " !" if threshold is not None and budget.above(threshold) else ""
    return f"{value:.0%}{mark}"


def _row(label: str, budget: Budget, threshold: float | None) -> list[Any]:
    return [label, budget.size, budget.needed, budget.free, _use(budget, threshold),
            describe(budget.breakdown)]


def zone_rows(plan: Plan, zone: ZoneBudget) -> list[list[Any]]:
    def limit(kind: str) -> float | None:
        return alert_threshold(plan, zone.zone, kind)

    rows: list[list[Any]] = []
    for pod in zone.pods:
        name = pod.pod.name
        rows.append(_row(f"{name} reserved", pod.reserved, limit("reserved")))
        free = pod.host_capacity - pod.hosts
        rows.append([f"{name} hosts ({pod.pod.cidr})", pod.host_capacity, pod.hosts, free,
                     "SHORT" if free < 0 else f"{pod.hosts / max(pod.host_capacity, 1):.0%}",
                     describe((("hosts", pod.hosts),))
                     if pod.host_count.need == pod.host_count.declared
                     else f"{pod.hosts} of {pod.host_count}"])
        if pod.storage is not None:
            rows.append(_row(f"{name} storage", pod.storage, None))
        if pod.guest is not None:
            rows.append(_row(f"{name} guest", pod.guest, limit("guest")))
    if zone.public is not None:
        rows.append(_row("public", zone.public, limit("public")))
    if zone.guest_vlans is not None:
        rows.append(_row("guest VLANs", zone.guest_vlans, limit("guest_vlans")))
    for shared in zone.shared_networks:
        rows.append(_row(f"shared {shared.name}", shared.budget, limit("shared")))
    return rows


def render_budget_text(plan: Plan, zones: tuple[ZoneBudget, ...]) -> str:
    blocks: list[str] = []
    for zone in zones:
        demand = zone.zone.demand
        lines = [f"zone {zone.zone.name} ({zone.zone.networktype}): demand "
                 f"{demand.isolated_networks} isolated networks, {demand.vpcs} VPCs x "
                 f"{demand.vpc_tiers} tiers, {demand.l2_networks} L2 networks, "
                 f"{demand.vms_per_network} VMs per network, {demand.ssvms} SSVM, "
                 f"{demand.cpvms} CPVM"
                 + (", redundant routers" if demand.redundant_routers else ""),
                 tabulate(zone_rows(plan, zone), headers=_HEADERS, tablefmt="simple")]
        if demand == Demand() and "demand" not in zone.zone.model_fields_set:
            lines.append("(the plan gives no demand: baseline system VMs only; add a `demand` "
                         "section or flags such as --isolated-networks)")
        if zone.guest_cidr is not None:
            cidr = zone.guest_cidr
            lines.append(f"guest CIDR {cidr.cidr}: {cidr.vms_per_network} VMs per isolated "
                         f"network, {cidr.vms_per_network_redundant} with redundant routers")
        blocks.append("\n".join(lines))
    legend = "use: needed / size; ! above CloudStack's alert threshold; SHORT: needed > size"
    return "\n\n".join([*blocks, legend]) + "\n"


# -- estimate ------------------------------------------------------------------------------

_DEMAND_FIELDS = {"isolated_networks", "vpcs", "vpc_tiers", "l2_networks", "vms_per_network",
                  "ssvms", "cpvms", "redundant_routers", "extra_public_ips"}


def _advice(need: Need) -> str:
    if need.prefix is None:
        advice = f"{need.recommended} VLANs or more"
        if need.recommended > MAX_VLANS:
            advice += f" (over {MAX_VLANS}: use VXLAN or several physical networks)"
        return advice
    return f"/{need.prefix} or larger"


def render_estimate_text(scenario: Scenario, needs: list[Need]) -> str:
    rows = [[need.name, need.needed, need.recommended, _advice(need), describe(need.breakdown)]
            for need in needs]
    kind = scenario.zone_type.lower() + (" with security groups" if scenario.security_groups
                                         else "")
    head = (f"estimate: {kind} zone, {scenario.hypervisor}, {scenario.pods} pod(s) of "
            f"{scenario.hosts_per_pod} hosts; sizes keep use at or under "
            f"{scenario.threshold:.0%} (the capacity alert threshold)")
    table = tabulate(rows, headers=["must hold", "needed", "size", "smallest fit", "needed is"],
                     tablefmt="simple")
    return "\n".join([head, table]) + "\n"  # each smallest fit once: in its table row


def render_estimate_json(scenario: Scenario, needs: list[Need]) -> str:
    demand = scenario.demand
    document = {
        "version": 1,
        "estimate": {
            "inputs": {"zone_type": scenario.zone_type.lower(),
                       "security_groups": scenario.security_groups,
                       "hypervisor": scenario.hypervisor, "pods": scenario.pods,
                       "hosts_per_pod": scenario.hosts_per_pod, "threshold": scenario.threshold,
                       **demand.model_dump(include=_DEMAND_FIELDS)},
            "needs": [{"name": need.name, "needed": need.needed,
                       "breakdown": dict(need.breakdown), "size": need.recommended,
                       "prefix": need.prefix} for need in needs]}}
    return json_text(document)
