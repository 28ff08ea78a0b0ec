"""Capacity planning before any plan exists: what each pool must hold, and the smallest fit.

Uses the same per-consumer counts as the plan's budgets (facts/budget.py), so an
estimate and a later `netplan-cs budget PLAN` of the same demand agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from netplan_cs.facts.budget import (
    POD_CONTROL_HYPERVISORS,
    direct_breakdown,
    public_breakdown,
    reserved_breakdown,
    share,
    smallest_prefix,
    tenant_routers,
    vlan_breakdown,
    with_threshold,
)
from netplan_cs.model.plan import Demand

#: Guest isolation IDs above this need VXLAN (or more physical networks): 802.1Q has 4094.
MAX_VLANS = 4094


@dataclass(frozen=True)
class Scenario:
    """The estimate's inputs: zone shape and demand."""

    zone_type: str  # "Basic" | "Advanced"
    security_groups: bool
    hypervisor: str
    pods: int
    hosts_per_pod: int
    demand: Demand
    threshold: float

    def problems(self) -> list[str]:
        """Why this combination cannot exist in CloudStack (empty when it can)."""
        found: list[str] = []
        demand = self.demand
        counts = {"--pods": self.pods, "--hosts-per-pod": self.hosts_per_pod,
                  "--isolated-networks": demand.isolated_networks, "--vpcs": demand.vpcs,
                  "--vpc-tiers": demand.vpc_tiers, "--vms-per-network": demand.vms_per_network,
                  "--ssvms": demand.ssvms, "--cpvms": demand.cpvms,
                  "--l2-networks": demand.l2_networks,
                  "--extra-public-ips": demand.extra_public_ips}
        found += [f"{flag} cannot be negative (got {value})"
                  for flag, value in counts.items() if value < 0]
        if self.pods < 1:
            found.append("a zone needs at least one pod (--pods 1 or more)")
        if not 0 < self.threshold <= 1:
            found.append(f"--threshold must be above 0 and at most 1 (got {self.threshold})")
        shared_only = self.zone_type == "Basic" or self.security_groups
        what = "a basic zone" if self.zone_type == "Basic" else "a security-group zone"
        if shared_only and (demand.isolated_networks or demand.vpcs or demand.vpc_tiers):
            found.append(f"{what} has no isolated networks or VPCs (only shared guest networks): "
                         "drop --isolated-networks, --vpcs and --vpc-tiers")
        if shared_only and demand.redundant_routers:
            found.append(f"{what} has no redundant routers (they serve isolated networks and "
                         "VPCs)")
        if self.zone_type == "Basic" and self.security_groups:
            found.append("--security-groups applies to advanced zones (basic zones always use "
                         "them)")
        if shared_only and self.hypervisor in POD_CONTROL_HYPERVISORS:
            found.append(f"{what} cannot use {self.hypervisor} clusters (security groups run on "
                         "KVM, XenServer and LXC only)")
        return found


@dataclass(frozen=True)
class Need:
    """One pool: what must come out of it, the size that keeps it under the alert threshold,
    and the smallest subnet prefix that fits that size (None for VLANs)."""

    name: str
    breakdown: tuple[tuple[str, int], ...]
    recommended: int
    prefix: int | None
    threshold: float | None

    @property
    def needed(self) -> int:
        return sum(count for _, count in self.breakdown)


def estimate(scenario: Scenario) -> list[Need]:
    """What each pool must hold for `scenario` (which must have no problems)."""
    demand = scenario.demand
    basic = scenario.zone_type == "Basic"
    threshold = scenario.threshold
    control = 0
    if scenario.hypervisor in POD_CONTROL_HYPERVISORS:
        control = share(tenant_routers(demand), scenario.pods)
    reserved = reserved_breakdown(demand, control)
    reserved_size = with_threshold(sum(n for _, n in reserved), threshold)
    # the pod range sits in a subnet with its network, broadcast and gateway addresses
    needs = [Need("pod reserved range", reserved, reserved_size,
                  smallest_prefix(reserved_size, 3), threshold)]
    pod_cidr = (("gateway", 1), ("hosts", scenario.hosts_per_pod),
                ("reserved_range", reserved_size))
    needs.append(Need("pod CIDR", pod_cidr, sum(n for _, n in pod_cidr),
                      smallest_prefix(sum(n for _, n in pod_cidr)), None))
    if basic:
        guest = direct_breakdown(share(demand.vms_per_network, scenario.pods), demand, True)
        size = with_threshold(sum(n for _, n in guest), threshold)
        needs.append(Need("pod guest range", guest, size, smallest_prefix(size, 3), threshold))
    elif scenario.security_groups:
        shared = direct_breakdown(demand.vms_per_network, demand, True)
        size = with_threshold(sum(n for _, n in shared), threshold)
        needs.append(Need("shared network range", shared, size, smallest_prefix(size, 3),
                          threshold))
    else:
        public = public_breakdown(demand, advanced=True)
        size = with_threshold(sum(n for _, n in public), threshold)
        needs.append(Need("public ranges", public, size, smallest_prefix(size, 3), threshold))
    if not basic:
        vlans = vlan_breakdown(demand)
        needs.append(Need("guest VLAN range", vlans,
                          with_threshold(sum(n for _, n in vlans), threshold), None, threshold))
    return needs
