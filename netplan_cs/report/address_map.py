"""Address maps: each subnet of a zone as a bar scaled to its size, its ranges drawn in it.

Every range or address of the zone is drawn in every subnet bar it touches, coloured by
purpose; where two ranges of a bar intersect, the intersection is marked red, and a range
that runs past the end of its own subnet gets a red edge. Hovering shows the addresses
(SVG <title>). Element ids are the plan paths, so findings can link to them.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import netaddr

from netplan_cs.document import PlanDocument
from netplan_cs.load.location import DataPath
from netplan_cs.model.plan import AddressRange, Plan, Zone

WIDTH = 760
BAR = 22
PURPOSES = ("reserved", "public", "guest", "storage", "shared", "host", "gateway", "server")


@dataclass(frozen=True)
class Item:
    """A range or single address of the zone, with what it is for and where it is written."""

    first: int
    last: int
    purpose: str
    label: str
    path: DataPath
    home: netaddr.IPNetwork | None = None  # the subnet it must stay inside, if it has one


@dataclass(frozen=True)
class Subnet:
    network: netaddr.IPNetwork
    label: str


def anchor(display_path: str) -> str:
    """The HTML id for a display path (`zones[z1].pods[p1]`), made safe for an id."""
    return "el-" + "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in display_path)


def element_id(document: PlanDocument, path: DataPath) -> str:
    """The HTML id of a plan element."""
    return anchor(document.display_path(document.data_path(path)))


def _range(rng: AddressRange, purpose: str, label: str, path: DataPath) -> Item:
    return Item(int(rng.startip), int(rng.last), purpose,
                f"{label} {rng.startip}-{rng.last}", path, rng.subnet)


def _servers(plan: Plan, zone: Zone, z: int) -> list[Item]:
    """Management servers, DNS and storage servers given by address."""
    items = [Item(int(server.ipaddress), int(server.ipaddress), "server",
                  f"management server {server.name or ''} {server.ipaddress}".replace("  ", " "),
                  ("management_servers", m, "ipaddress"))
             for m, server in enumerate(plan.management_servers)]
    for field in ("dns1", "dns2", "internaldns1", "internaldns2"):
        address = getattr(zone, field)
        if address is not None:
            items.append(Item(int(address), int(address), "server", f"{field} {address}",
                              ("zones", z, field)))
    for kind in ("primary_storage", "secondary_storage"):
        for s, store in enumerate(getattr(zone, kind)):
            if store.address is not None:
                items.append(Item(int(store.address), int(store.address), "server",
                                  f"{kind.replace('_', ' ')} {store.name or ''} "
                                  f"{store.address}", ("zones", z, kind, s, "url")))
    return items


def zone_items(plan: Plan, zone: Zone, z: int) -> list[Item]:
    """Every range and declared address of one zone."""
    base: DataPath = ("zones", z)
    items: list[Item] = _servers(plan, zone, z)
    for p, pod in enumerate(zone.pods):
        path: DataPath = (*base, "pods", p)
        last = pod.reserved_end
        if pod.startip is not None and last is not None:
            items.append(Item(int(pod.startip), int(last), "reserved",
                              f"pod {pod.name} reserved {pod.startip}-{last}", path, pod.cidr))
        items.append(Item(int(pod.gateway), int(pod.gateway), "gateway",
                          f"pod {pod.name} gateway {pod.gateway}", (*path, "gateway")))
        for m, extra in enumerate(pod.management_ranges):
            last = extra.last
            items.append(Item(int(extra.startip), int(last), "reserved",
                              f"pod {pod.name} reserved {extra.startip}-{last}",
                              (*path, "management_ranges", m), pod.cidr))
        for s, storage in enumerate(pod.storage_ranges):
            items.append(_range(storage, "storage", f"pod {pod.name} storage",
                                (*path, "storage_ranges", s)))
        for g, guest in enumerate(pod.guest_ranges):
            items.append(_range(guest, "guest", f"pod {pod.name} guest",
                                (*path, "guest_ranges", g)))
        for c, cluster in enumerate(pod.clusters):
            for h, host in enumerate(cluster.hosts):
                if host.address is not None:
                    items.append(Item(int(host.address), int(host.address), "host",
                                      f"host {host.label} {host.address}",
                                      (*path, "clusters", c, "hosts", h)))
    for r, public in enumerate(zone.public_ranges):
        items.append(_range(public, "public", "public range", (*base, "public_ranges", r)))
    for s, net in enumerate(zone.shared_networks):
        if net.startip is not None:
            last = net.last or net.startip
            items.append(Item(int(net.startip), int(last), "shared",
                              f"shared network {net.name} {net.startip}-{last}",
                              (*base, "shared_networks", s), net.subnet))
    return items


def zone_subnets(zone: Zone) -> list[Subnet]:
    """The subnets to draw: pod CIDRs, range subnets and the guest CIDR, each once."""
    found: dict[netaddr.IPNetwork, str] = {}
    for pod in zone.pods:
        found.setdefault(pod.cidr, f"pod {pod.name} {pod.cidr}")
        for rng in [*pod.storage_ranges, *pod.guest_ranges]:
            if rng.subnet is not None:
                found.setdefault(rng.subnet, f"pod {pod.name} {rng.subnet}")
    for rng in zone.public_ranges:
        if rng.subnet is not None:
            found.setdefault(rng.subnet, f"public {rng.subnet}")
    for net in zone.shared_networks:
        if net.subnet is not None:
            found.setdefault(net.subnet, f"shared network {net.name} {net.subnet}")
    if zone.guestcidraddress is not None:
        found.setdefault(zone.guestcidraddress.cidr, f"guest CIDR {zone.guestcidraddress}")
    return [Subnet(network, label) for network, label in
            sorted(found.items(), key=lambda item: (item[0].first, item[0].prefixlen))]


def _x(value: int, network: netaddr.IPNetwork) -> float:
    return float((value - network.first) / network.size * WIDTH)


def _intersections(items: list[Item]) -> list[tuple[int, int]]:
    """Spans of the bar covered by two or more items (a host or server inside a range
    counts; the gateway does not, it is often the DNS server too)."""
    spans = sorted((i.first, i.last) for i in items if i.purpose != "gateway")
    found: list[tuple[int, int]] = []
    reach = -1
    for first, last in spans:
        if first <= reach:
            found.append((first, min(last, reach)))
        reach = max(reach, last)
    return found


def subnet_svg(document: PlanDocument, subnet: Subnet, items: list[Item]) -> str:
    """One bar: the subnet, its ranges, their overlaps and overruns."""
    network = subnet.network
    inside = [i for i in items if i.last >= network.first and i.first <= network.last]
    parts = [f'<svg class="bar" viewBox="0 0 {WIDTH} {BAR + 18}" width="{WIDTH}" '
             f'height="{BAR + 18}" role="img" aria-label="{escape(subnet.label)}">',
             f'<text x="0" y="11" class="label">{escape(subnet.label)} '
             f'({network.size} addresses)</text>',
             f'<text x="{WIDTH}" y="11" class="label" text-anchor="end">{network.network} - '
             f'{network.broadcast or network.network}</text>',
             f'<rect x="0" y="14" width="{WIDTH}" height="{BAR}" class="subnet"/>']
    for item in sorted(inside, key=lambda i: (i.purpose in ("host", "gateway"), i.first)):
        first, last = max(item.first, network.first), min(item.last, network.last)
        x = _x(first, network)
        width = max(_x(last + 1, network) - x, 2.0)
        parts.append(f'<rect id="{element_id(document, item.path)}" x="{x:.1f}" y="14" '
                     f'width="{width:.1f}" height="{BAR}" class="{item.purpose}">'
                     f'<title>{escape(item.label)}</title></rect>')
        if item.home is not None and item.home == network and (
                item.first < network.first or item.last > network.last):
            edge = 0.0 if item.first < network.first else WIDTH - 3.0
            parts.append(f'<rect x="{edge:.1f}" y="14" width="3" height="{BAR}" class="conflict">'
                         f'<title>{escape(item.label)} runs outside {network}</title></rect>')
    for first, last in _intersections(inside):
        x = _x(max(first, network.first), network)
        width = max(_x(min(last, network.last) + 1, network) - x, 2.0)
        parts.append(f'<rect x="{x:.1f}" y="14" width="{width:.1f}" height="{BAR}" '
                     f'class="conflict"><title>overlap {netaddr.IPAddress(first)}-'
                     f'{netaddr.IPAddress(last)}</title></rect>')
    parts.append("</svg>")
    return "".join(parts)


def zone_address_map(document: PlanDocument, plan: Plan, zone: Zone, z: int) -> str:
    """The zone's subnet bars, then the addresses that fall in none of them."""
    items = zone_items(plan, zone, z)
    subnets = zone_subnets(zone)
    bars = [subnet_svg(document, subnet, items) for subnet in subnets]
    outside = [item for item in items
               if not any(item.first <= s.network.last and item.last >= s.network.first
                          for s in subnets)]
    if outside:
        entries = "".join(f'<li id="{element_id(document, item.path)}">{escape(item.label)}'
                          "</li>" for item in outside)
        bars.append(f'<p class="muted">Outside every subnet above:</p><ul>{entries}</ul>')
    return "\n".join(bars)
