"""Reading settings as CloudStack types them (the plan may spell a flag "false")."""

from __future__ import annotations

from netplan_cs.model.plan import Plan, Zone
from netplan_cs.model.settings import DEFAULTS
from netplan_cs.model.types import parse_flag


def setting_flag(plan: Plan, name: str, zone: Zone | None = None) -> bool:
    """A boolean setting; a value CloudStack could not read as a flag counts as its default."""
    try:
        return parse_flag(plan.setting(name, zone))
    except ValueError:
        return bool(DEFAULTS.get(name))
