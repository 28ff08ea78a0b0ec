"""Every start-end range of the plan with the subnet and gateway it is checked against.

Rules A002-A006 ask the same questions of pod reserved ranges, extra management
ranges, public ranges, basic-zone guest ranges, storage ranges and shared-network
ranges; this fact lists them once in one shape.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import netaddr

from netplan_cs.load.location import DataPath
from netplan_cs.model.plan import AddressRange, Plan, Pod, SharedNetwork, Zone


@dataclass(frozen=True)
class PlannedRange:
    """A range as CloudStack validates it: `endip` may be absent (None)."""

    kind: str
    owner: str
    path: DataPath
    startip: netaddr.IPAddress
    endip: netaddr.IPAddress | None
    gateway: netaddr.IPAddress | None
    subnet: netaddr.IPNetwork | None
    zone: int
    gateway_path: DataPath
    vlan: int | str | None = None  # the VLAN it is created on; None: untagged or unset

    @property
    def last(self) -> netaddr.IPAddress:
        return self.endip if self.endip is not None else self.startip

    @property
    def subnet_text(self) -> str:
        assert self.subnet is not None
        where = f"gateway {self.gateway}, " if self.gateway is not None else ""
        return f"{self.subnet} ({where}netmask {self.subnet.netmask})"

    @property
    def tagged(self) -> bool:
        """Whether it has a VLAN tag (`untagged`, or no VLAN, is the native VLAN)."""
        return self.vlan is not None and str(self.vlan).lower() != "untagged"

    @property
    def point_to_point(self) -> bool:
        """/31 and /32 subnets have no network or broadcast address (RFC 3021)."""
        return self.subnet is not None and self.subnet.prefixlen >= 31

    def describe(self) -> str:
        end = f"-{self.endip}" if self.endip is not None else ""
        return f"{self.kind} {self.startip}{end} of {self.owner}"


def planned_ranges(plan: Plan) -> list[PlannedRange]:
    return [item for z, zone in enumerate(plan.zones) for item in _zone(zone, z)]


def _zone(zone: Zone, z: int) -> Iterator[PlannedRange]:
    base: DataPath = ("zones", z)
    for i, public in enumerate(zone.public_ranges):
        yield _of(public, "public range", f"zone {zone.name}", (*base, "public_ranges", i), z)
    for n, network in enumerate(zone.shared_networks):
        yield from _shared(network, (*base, "shared_networks", n), z)
    for p, pod in enumerate(zone.pods):
        yield from _pod(pod, (*base, "pods", p), z)


def _of(item: AddressRange, kind: str, owner: str, path: DataPath, z: int,
        fallback: Pod | None = None) -> PlannedRange:
    gateway = item.gateway
    subnet = item.subnet
    if subnet is None and item.netmask is not None:
        # a storage range may omit its gateway: CloudStack reads the netmask alone
        subnet = netaddr.IPNetwork(f"{item.startip}/{item.netmask.netmask_bits()}").cidr
    if subnet is None and fallback is not None:
        gateway, subnet = fallback.gateway, fallback.cidr
    return PlannedRange(kind, owner, path, item.startip, item.endip, gateway, subnet, z,
                        (*path, "gateway") if item.gateway is not None else (*path, "startip"),
                        item.vlan)


def _shared(network: SharedNetwork, path: DataPath, z: int) -> Iterator[PlannedRange]:
    if network.startip is not None:
        yield PlannedRange("shared network range", f"shared network {network.name}", path,
                           network.startip, network.endip, network.gateway, network.subnet, z,
                           (*path, "gateway"), network.vlan)


def _pod(pod: Pod, path: DataPath, z: int) -> Iterator[PlannedRange]:
    owner = f"pod {pod.name}"
    if pod.startip is not None:
        yield PlannedRange("reserved range", owner, path, pod.startip, pod.endip, pod.gateway,
                           pod.cidr, z, (*path, "gateway"), pod.vlan)
    for m, extra in enumerate(pod.management_ranges):
        yield PlannedRange("management range", owner, (*path, "management_ranges", m),
                           extra.startip, extra.endip, pod.gateway, pod.cidr, z,
                           (*path, "gateway"), extra.vlan)
    for g, guest in enumerate(pod.guest_ranges):
        yield _of(guest, "guest range", owner, (*path, "guest_ranges", g), z, fallback=pod)
    for s, storage in enumerate(pod.storage_ranges):
        yield _of(storage, "storage range", owner, (*path, "storage_ranges", s), z)
