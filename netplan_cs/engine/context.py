"""What a rule sees: the plan, the document it came from, shared facts and its options."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from netplan_cs.document import PlanDocument
from netplan_cs.facts import Facts
from netplan_cs.model.plan import Plan


@dataclass
class RuleContext:
    document: PlanDocument
    facts_holder: Facts | None = None
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def plan(self) -> Plan:
        """The validated plan; only rules with NEEDS_PLAN = False run without one."""
        assert self.document.plan is not None
        return self.document.plan

    @property
    def facts(self) -> Facts:
        """Facts shared by every rule run on this document, computed on first use."""
        assert self.facts_holder is not None
        return self.facts_holder
