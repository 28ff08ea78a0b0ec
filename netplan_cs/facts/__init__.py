"""Facts: pure functions of the plan, computed once and shared by rules and commands.

Each fact is a cached property, so a rule that reads it pays nothing if another
rule already did, and a command that does not need it never computes it.
"""

from __future__ import annotations

from functools import cached_property

from netplan_cs.facts.addresses import AddressIndex, build_index
from netplan_cs.facts.ranges import PlannedRange, planned_ranges
from netplan_cs.model.plan import Plan


class Facts:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan

    @cached_property
    def addresses(self) -> AddressIndex:
        """Every address range and single address, per zone (A009, A010, capacity)."""
        return build_index(self.plan)

    @cached_property
    def ranges(self) -> list[PlannedRange]:
        """Every start-end range with the subnet and gateway it is checked against."""
        return planned_ranges(self.plan)
