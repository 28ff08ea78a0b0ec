"""The management-server settings, parsed once: `host` and `management.network.cidr`.

Both are free-text global settings (Marvin's `globalConfig` lands in `settings`).
`host` may list several addresses, which agents and system VMs share out
(IndirectAgentLBServiceImpl: spaces removed, split on commas); the CIDR setting
may be a comma list, which SSVM/CPVM accept and VMware/Hyper-V routers do not
(research/cloudstack-rules.md H-05).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import netaddr

from netplan_cs.model.plan import Plan
from netplan_cs.model.types import ipv4_of, parse_cidr, parse_ipv4

HOST = "host"
MANAGEMENT_CIDR = "management.network.cidr"
T = TypeVar("T")


@dataclass(frozen=True)
class ManagementSettings:
    hosts: tuple[str, ...]  # the entries of `host`, as written
    host_list: tuple[str, ...]  # `host` split as CloudStack splits it, empty entries kept
    host_addresses: tuple[netaddr.IPAddress, ...]  # those that are IPv4 addresses
    cidrs_text: tuple[str, ...]  # the entries of `management.network.cidr`
    cidrs: tuple[netaddr.IPNetwork, ...]  # those that are CIDRs

    @property
    def cidr_set(self) -> bool:
        return bool(self.cidrs_text)

    def in_management_cidr(self, address: netaddr.IPAddress) -> bool:
        return any(address in cidr for cidr in self.cidrs)


LOOPBACK_NAMES = ("localhost", "localhost.localdomain", "localhost4",
                  "localhost4.localdomain4")


def is_loopback(entry: str) -> bool:
    """An entry that names the host itself (the setting's default `localhost`, 127.0.0.0/8):
    sent to a system VM or agent, it points at that machine, not a management server."""
    address = ipv4_of(entry)
    return entry.lower().rstrip(".") in LOOPBACK_NAMES or (
        address is not None and address.is_loopback())


def _entries(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(part.strip() for part in str(value).split(",") if part.strip())


def _cloudstack_list(value: object) -> tuple[str, ...]:
    """The list agents are sent: IndirectAgentLBServiceImpl.getManagementServerList."""
    if value is None:
        return ()
    return tuple(str(value).replace(" ", "").split(","))


def _parsed(entries: tuple[str, ...], parse: Callable[[str], T]) -> tuple[T, ...]:
    """The entries `parse` accepts; the others are not addresses to check against."""
    out: list[T] = []
    for entry in entries:
        try:
            out.append(parse(entry))
        except ValueError:
            continue
    return tuple(out)


def build_management(plan: Plan) -> ManagementSettings:
    host = plan.setting(HOST)
    hosts = _entries(host)
    cidrs = _entries(plan.setting(MANAGEMENT_CIDR))
    return ManagementSettings(hosts, _cloudstack_list(host), _parsed(hosts, parse_ipv4), cidrs,
                              tuple(c.cidr for c in _parsed(cidrs, parse_cidr)))
