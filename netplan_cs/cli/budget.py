"""`netplan-cs budget PLAN` and `netplan-cs budget --estimate`: IP and VLAN budgets."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from netplan_cs.choices import Choice
from netplan_cs.cli.common import (
    MaxAliasNodes,
    MaxDepth,
    MaxFileSize,
    MaxNodes,
    fail,
    limits,
    open_modelled_plan,
)
from netplan_cs.errors import COMMAND_LINE, InputError
from netplan_cs.load.limits import DEFAULT_LIMITS, Limits


class BudgetFormat(Choice):
    text = "text"
    json = "json"


class ZoneKind(Choice):
    advanced = "advanced"
    basic = "basic"


def _usage(message: str) -> typer.Exit:
    return fail(InputError(COMMAND_LINE, message))


def budget(
    plan: Annotated[Path | None, typer.Argument(
        help="A plan (native YAML, Marvin .cfg) or a snapshot folder; omit it with "
        "--estimate.")] = None,
    output_format: Annotated[BudgetFormat, typer.Option(
        "--format", "-f", help="Output format.")] = BudgetFormat.text,
    isolated_networks: Annotated[int | None, typer.Option(
        help="Planned isolated networks (overrides the plan's demand).")] = None,
    vpcs: Annotated[int | None, typer.Option(help="Planned VPCs.")] = None,
    vpc_tiers: Annotated[int | None, typer.Option(help="Tiers per VPC.")] = None,
    vms_per_network: Annotated[int | None, typer.Option(
        help="VMs per guest network (isolated, shared, or a basic zone's).")] = None,
    ssvms: Annotated[int | None, typer.Option(help="Secondary storage VMs (default 1).")] = None,
    cpvms: Annotated[int | None, typer.Option(help="Console proxy VMs (default 1).")] = None,
    l2_networks: Annotated[int | None, typer.Option(
        help="L2 networks taking a VLAN from the guest pool.")] = None,
    extra_public_ips: Annotated[int | None, typer.Option(
        help="Public IPs acquired beyond source NAT (static NAT, LB, VPN).")] = None,
    redundant_routers: Annotated[bool, typer.Option(
        "--redundant-routers", help="Isolated networks and VPCs use redundant router pairs."
    )] = False,
    estimate: Annotated[bool, typer.Option(
        "--estimate", help="Size the pools from counts alone, without a plan.")] = False,
    zone_type: Annotated[ZoneKind | None, typer.Option(
        help="--estimate: the zone type (default advanced).")] = None,
    security_groups: Annotated[bool, typer.Option(
        "--security-groups", help="--estimate: an advanced zone with security groups.")] = False,
    hypervisor: Annotated[str | None, typer.Option(
        help="--estimate: the hypervisor (default KVM).")] = None,
    pods: Annotated[int | None, typer.Option(help="--estimate: pods in the zone (default 1).")
                    ] = None,
    hosts_per_pod: Annotated[int | None, typer.Option(
        help="--estimate: hosts in each pod (default 0).")] = None,
    threshold: Annotated[float | None, typer.Option(
        help="--estimate: the alert threshold to stay under (default 0.75).")] = None,
    max_file_size: MaxFileSize = DEFAULT_LIMITS.max_bytes,
    max_nodes: MaxNodes = DEFAULT_LIMITS.max_nodes,
    max_alias_nodes: MaxAliasNodes = DEFAULT_LIMITS.max_alias_nodes,
    max_depth: MaxDepth = DEFAULT_LIMITS.max_depth,
) -> None:
    """IP and VLAN budgets per zone and pod: size, needed, free and use of every pool."""
    overrides: dict[str, int | bool] = {
        key: value for key, value in {
            "isolated_networks": isolated_networks, "vpcs": vpcs, "vpc_tiers": vpc_tiers,
            "vms_per_network": vms_per_network, "ssvms": ssvms, "cpvms": cpvms,
            "l2_networks": l2_networks, "extra_public_ips": extra_public_ips}.items()
        if value is not None}
    if redundant_routers:
        overrides["redundant_routers"] = True
    if estimate:
        if plan is not None:
            raise _usage(f"--estimate sizes a zone without a plan; drop {plan} or --estimate")
        _estimate(output_format, overrides, zone_type or ZoneKind.advanced, security_groups,
                  hypervisor or "KVM", 1 if pods is None else pods,
                  hosts_per_pod or 0, 0.75 if threshold is None else threshold)
        return
    if plan is None:
        raise _usage("give a PLAN file, or --estimate to size a zone from counts alone")
    given = [flag for flag, value in (("--zone-type", zone_type), ("--hypervisor", hypervisor),
                                      ("--pods", pods), ("--hosts-per-pod", hosts_per_pod),
                                      ("--threshold", threshold)) if value is not None]
    if security_groups:
        given.append("--security-groups")
    if given:
        raise _usage(f"{', '.join(given)}: only with --estimate (a plan gives these itself)")
    negative = [f"--{key.replace('_', '-')} cannot be negative (got {value})"
                for key, value in overrides.items() if value is not True and int(value) < 0]
    if negative:
        raise _usage("; ".join(negative))
    _plan_budget(plan, output_format, overrides,
                 limits(max_file_size, max_nodes, max_alias_nodes, max_depth))


def _plan_budget(path: Path, output_format: BudgetFormat,
                 overrides: dict[str, int | bool], read_limits: Limits) -> None:
    from netplan_cs.facts import Facts
    from netplan_cs.facts.budget import with_demand
    from netplan_cs.output.budget import render_budget_json, render_budget_text

    plan = with_demand(open_modelled_plan(path, read_limits).plan, overrides)
    zones = Facts(plan).budgets
    if output_format is BudgetFormat.json:
        sys.stdout.write(render_budget_json(zones))
    else:
        sys.stdout.write(render_budget_text(plan, zones))


def _estimate(output_format: BudgetFormat, overrides: dict[str, int | bool], zone_type: ZoneKind,
              security_groups: bool, hypervisor: str, pods: int, hosts_per_pod: int,
              threshold: float) -> None:
    from netplan_cs.facts.estimate import Scenario, estimate
    from netplan_cs.model.plan import Demand
    from netplan_cs.model.types import HYPERVISORS
    from netplan_cs.output.budget import render_estimate_json, render_estimate_text

    canonical = HYPERVISORS.get(hypervisor.strip().lower())
    if canonical is None:
        raise _usage(f"unknown hypervisor {hypervisor!r}; expected one of "
                     f"{', '.join(sorted(set(HYPERVISORS.values())))}")
    scenario = Scenario(zone_type="Basic" if zone_type is ZoneKind.basic else "Advanced",
                        security_groups=security_groups, hypervisor=canonical, pods=pods,
                        hosts_per_pod=hosts_per_pod,
                        demand=Demand().model_copy(update=overrides), threshold=threshold)
    problems = scenario.problems()
    if problems:
        raise _usage("; ".join(problems))
    needs = estimate(scenario)
    if output_format is BudgetFormat.json:
        sys.stdout.write(render_estimate_json(scenario, needs))
    else:
        sys.stdout.write(render_estimate_text(scenario, needs))
