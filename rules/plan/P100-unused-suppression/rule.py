"""P100 unused-suppression: a `# netplan-cs: ignore[...]` comment that suppresses nothing.

The engine reports these after the other rules ran (netplan_cs/engine/suppressions.py):
only then is it known which comments were used. This module declares the rule so it can
be selected, ignored, configured and explained like any other.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "P100"
NAME = "unused-suppression"
SEVERITY = "warning"
SUMMARY = "an inline `# netplan-cs: ignore[...]` comment suppresses nothing or names no rule"
NEEDS_PLAN = False


def check(ctx: Any) -> Iterator[Finding]:
    """Nothing per rule: the engine yields P100 findings when it applies suppressions."""
    return iter(())
