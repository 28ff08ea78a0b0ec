"""A003 range-outside-subnet: a range's start or end lies outside the subnet of its
gateway/netmask.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "A003"
NAME = "range-outside-subnet"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = "a range's start or end lies outside the subnet of its gateway/netmask"


def check(ctx: Any) -> Iterator[Finding]:
    for item in ctx.facts.ranges:
        if item.subnet is None:
            continue
        for field, address, word in (("startip", item.startip, "start"),
                                     ("endip", item.endip, "end")):
            if address is not None and address not in item.subnet:
                yield Finding((*item.path, field),
                              f"{item.owner} {item.kind} {field} {address} is outside "
                              f"{item.subnet_text} ({_cloudstack_says(item.kind, word)})")


def _cloudstack_says(kind: str, word: str) -> str:
    """What CloudStack does with such a range, by kind."""
    if kind in ("reserved range", "management range"):
        return f"CloudStack: \"The {word} address of the IP range is not in the CIDR subnet.\""
    if kind == "storage range":
        return "CloudStack does not check; the SSVM gets an address outside its subnet"
    return "CloudStack: \"Please specify a valid IP range or valid netmask or valid gateway\""
