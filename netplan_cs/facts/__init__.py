"""Facts: pure functions of the plan, computed once and shared by rules and commands.

Each fact is a cached property, so a rule that reads it pays nothing if another
rule already did, and a command that does not need it never computes it.
"""

from __future__ import annotations

from functools import cached_property

from netplan_cs.facts.budget import ZoneBudget, plan_budgets
from netplan_cs.model.plan import Plan


class Facts:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan

    @cached_property
    def budgets(self) -> tuple[ZoneBudget, ...]:
        """IP and VLAN budgets per zone and pod (facts/budget.py)."""
        return plan_budgets(self.plan)
