"""Facts: pure functions of the plan, computed once and shared by rules and commands.

Each fact is a cached property, so a rule that reads it pays nothing if another
rule already did, and a command that does not need it never computes it.
"""

from __future__ import annotations

from functools import cached_property

from netplan_cs.facts.addresses import AddressIndex, build_index
from netplan_cs.facts.budget import ZoneBudget, plan_budgets
from netplan_cs.facts.management import ManagementSettings, build_management
from netplan_cs.facts.ranges import PlannedRange, planned_ranges
from netplan_cs.facts.rates import RateTable, resolve_rates
from netplan_cs.facts.trunks import TrunkPlan, trunk_plan
from netplan_cs.facts.vlans import VlanIndex, build_vlan_index
from netplan_cs.model.plan import Plan


class Facts:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan

    @cached_property
    def rates(self) -> RateTable:
        """The effective throttle rate of every NIC class (facts/rates.py)."""
        return resolve_rates(self.plan)

    @cached_property
    def vlans(self) -> VlanIndex:
        """Every VLAN/VNI in use per zone, with owners and cross-group overlaps."""
        return build_vlan_index(self.plan)

    @cached_property
    def management(self) -> ManagementSettings:
        """The `host` and `management.network.cidr` settings, parsed."""
        return build_management(self.plan)

    @cached_property
    def trunks(self) -> TrunkPlan:
        """VLANs, native traffic, labels and ports of every physical network (`trunks`)."""
        return trunk_plan(self.plan, self.vlans)

    @cached_property
    def budgets(self) -> tuple[ZoneBudget, ...]:
        """IP and VLAN budgets per zone and pod (facts/budget.py)."""
        return plan_budgets(self.plan)

    @cached_property
    def addresses(self) -> AddressIndex:
        """Every address range and single address, per zone (A009, A010, capacity)."""
        return build_index(self.plan)

    @cached_property
    def ranges(self) -> list[PlannedRange]:
        """Every start-end range with the subnet and gateway it is checked against."""
        return planned_ranges(self.plan)
