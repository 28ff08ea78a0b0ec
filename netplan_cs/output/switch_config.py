"""Switch interface snippets for the trunk plan: Cisco IOS, Junos (ELS) and Arista EOS.

Syntax followed (vendor documentation):
- Cisco IOS (Catalyst 2950/3560/3750 command references, `switchport trunk`):
  `switchport mode trunk`, `switchport trunk native vlan N`, `switchport trunk allowed vlan
  LIST` where LIST is comma-separated IDs and `a-b` ranges with no spaces and no leading
  zeros, and `switchport trunk allowed vlan add LIST` to extend it. Long lists are split
  into `add` lines of at most MAX_LINE characters: IOS wraps long lists the same way in its
  own running-config, and a single list of about 220 characters has been seen rejected
  ("Bad VLAN list", ansible-collections/cisco.ios#1061); 80 is our conservative limit.
- Junos with ELS (`native-vlan-id` at [edit interfaces NAME]; `interface-mode trunk` and
  `vlan members [ ... ]` at [edit interfaces NAME unit 0 family ethernet-switching]):
  members are space-separated IDs and `a-b` ranges; untagged frames are dropped on a
  trunk without `native-vlan-id`, and the native VLAN must be a member too.
- Arista EOS (`switchport trunk allowed vlan [add] v_range`, `switchport trunk native
  vlan`): the Cisco-style list, with `add` continuation lines.
A port that carries several physical networks (a port declared without one) gets the
union of their VLANs.

Where a port carries untagged traffic and the plan does not say which switch VLAN that is
(`physical_networks[].native_vlan`), the native VLAN is printed as NATIVE_PLACEHOLDER, in
the native-VLAN line and in the allowed list: no switch accepts it, so a snippet pasted as
printed fails on that line instead of silently cutting the hosts off their management
network (rule V015 reports the same gap as a finding).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field

from netplan_cs.facts.trunks import NATIVE_PLACEHOLDER, NetworkTrunk, TrunkPlan
from netplan_cs.model.vlans import format_vlans

MAX_LINE = 80
JUNOS_MEMBERS_ROOM = 60
"""Junos sets no line limit; members are grouped for readability (`set` adds to the list)."""
EXTENDED_RANGE = 1005


@dataclass
class _Target:
    """One interface to configure: a declared port, or every host NIC of a network."""

    switch: str
    interface: str | None
    description: str
    networks: list[NetworkTrunk] = field(default_factory=list)

    @property
    def allowed(self) -> set[int]:
        return {v for net in self.networks for v in net.allowed_vlans}

    @property
    def untagged(self) -> list[str]:
        return sorted({f"{t} ({net.name})" for net in self.networks for t in net.untagged})

    @property
    def natives(self) -> set[int]:
        return {net.native_vlan for net in self.networks if net.untagged and net.native_vlan}

    @property
    def native_unknown(self) -> bool:
        """Untagged traffic rides this port but the plan names no native VLAN for it."""
        return any(net.untagged and not net.native_vlan for net in self.networks)

    @property
    def allowed_items(self) -> list[str]:
        """The allowed list as printed: VLAN ranges, the placeholder first where unknown."""
        ranges = format_vlans(self.allowed).split(",") if self.allowed else []
        return [NATIVE_PLACEHOLDER] * self.native_unknown + ranges

    @property
    def native_text(self) -> str | None:
        """The native VLAN line's value: the VLAN, the placeholder, or None (none needed)."""
        natives = self.natives
        if self.native_unknown:
            return NATIVE_PLACEHOLDER
        return str(min(natives)) if len(natives) == 1 else None

    @property
    def mtu(self) -> set[int]:
        return {net.mtu for net in self.networks if net.mtu}


def _targets(trunks: TrunkPlan) -> list[_Target]:
    targets: dict[tuple[str, str], _Target] = {}
    ordered: list[_Target] = []
    for zone in trunks.zones:
        for net in zone.networks:
            if not net.ports:
                ordered.append(_Target("", None, f"{zone.name}/{net.name}: every host NIC "
                                       f"carrying {net.name}", [net]))
            for port in net.ports:
                key = (port.switch, port.port)
                if key not in targets:
                    nic = f" {port.nic}" if port.nic else ""
                    targets[key] = _Target(port.switch, port.port,
                                           f"{port.host}{nic} ({zone.name}/{net.name})")
                    ordered.append(targets[key])
                targets[key].networks.append(net)
    return ordered


def chunk(items: list[str], room: int, separator: str) -> list[str]:
    """Join items greedily into pieces no longer than `room` (an item never splits)."""
    pieces: list[str] = []
    current = ""
    for item in items:
        candidate = f"{current}{separator}{item}" if current else item
        if current and len(candidate) > room:
            pieces.append(current)
            current = item
        else:
            current = candidate
    if current:
        pieces.append(current)
    return pieces


def _list_lines(indent: str, first: str, more: str, ranges: list[str]) -> list[str]:
    """`allowed vlan A` then `allowed vlan add B`..., each line within MAX_LINE."""
    room = MAX_LINE - len(indent) - max(len(first), len(more))
    pieces = chunk(ranges, room, ",")
    return [f"{indent}{first if i == 0 else more}{piece}" for i, piece in enumerate(pieces)]


def _comment(comment: str, text: str) -> list[str]:
    """A comment wrapped to MAX_LINE, each line starting with the comment marker."""
    return textwrap.wrap(text, MAX_LINE - len(comment) - 1, initial_indent=f"{comment} ",
                         subsequent_indent=f"{comment} ", break_long_words=False,
                         break_on_hyphens=False)


def _notes(target: _Target, comment: str) -> list[str]:
    notes: list[str] = []
    natives = target.natives
    if target.native_unknown:
        notes += _comment(comment, f"untagged on this port: {', '.join(target.untagged)}; "
                          f"replace {NATIVE_PLACEHOLDER} with the switch VLAN of that segment "
                          "(the plan's physical network has no native_vlan; no switch accepts "
                          "the placeholder)")
    if len(natives) > 1:
        notes += _comment(comment, f"CONFLICT: native VLANs {format_vlans(natives)} from "
                          "different physical networks on one port")
    if target.mtu:
        notes += _comment(comment, f"MTU {', '.join(str(m) for m in sorted(target.mtu))} "
                          "on this path")
    return notes


def _cisco_like(target: _Target, indent: str, comment: str) -> list[str]:
    lines = _comment(comment, target.description)
    if target.interface is None:
        lines.append(f"{comment} enter these host ports first (interface range ...), then:")
    else:
        lines.append(f"interface {target.interface}")
        lines.append(f"{indent}description {target.description}"[:MAX_LINE])
    lines += _notes(target, comment)
    lines.append(f"{indent}switchport mode trunk")
    native = target.native_text
    if native is not None:
        lines.append(f"{indent}switchport trunk native vlan {native}")
    items = target.allowed_items
    if items:
        lines += _list_lines(indent, "switchport trunk allowed vlan ",
                             "switchport trunk allowed vlan add ", items)
    else:
        lines.append(f"{indent}switchport trunk allowed vlan none")
    return lines


def _vlan_database(targets: list[_Target], comment: str) -> list[str]:
    vlans = {v for target in targets for v in target.allowed}
    if not vlans:
        return []
    lines = [f"{comment} VLANs the ports below trunk"]
    if max(vlans) > EXTENDED_RANGE:
        lines.append(f"{comment} VLANs above {EXTENDED_RANGE} need VTP transparent mode or "
                     "VTP version 3")
    lines += _list_lines("", "vlan ", "vlan ", format_vlans(vlans).split(","))
    return lines


def render_cisco_ios(trunks: TrunkPlan) -> str:
    targets = _targets(trunks)
    lines = ["! netplan-cs trunks: Cisco IOS interface configuration",
             "! switches that also support ISL need `switchport trunk encapsulation dot1q`",
             "! before `switchport mode trunk`", "!"]
    lines += _vlan_database(targets, "!")
    for target in targets:
        lines += ["!", *_cisco_like(target, " ", "!")]
    return "\n".join([*lines, "end", ""])


def render_arista_eos(trunks: TrunkPlan) -> str:
    targets = _targets(trunks)
    lines = ["! netplan-cs trunks: Arista EOS interface configuration", "!"]
    vlans = {v for target in targets for v in target.allowed}
    if vlans:
        lines += ["! VLANs the ports below trunk",
                  *_list_lines("", "vlan ", "vlan ", format_vlans(vlans).split(","))]
    for target in targets:
        lines += ["!", *_cisco_like(target, "   ", "!")]
    return "\n".join([*lines, "end", ""])


def _junos_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-") or "cloudstack"


def _junos(target: _Target) -> list[str]:
    lines = _comment("#", target.description)
    if target.interface is None:
        name = "interface-range " + _junos_name(f"cs-{target.description.split(':')[0]}")
        lines.append(f"# add the host ports: set interfaces {name} member <port>")
    else:
        name = target.interface
        lines.append(f'set interfaces {name} description "{target.description}"')
    lines += _notes(target, "#")
    native = target.native_text
    if native is not None:
        lines.append(f"set interfaces {name} native-vlan-id {native}")
    base = f"set interfaces {name} unit 0 family ethernet-switching"
    lines.append(f"{base} interface-mode trunk")
    prefix = f"{base} vlan members [ "
    for piece in chunk(target.allowed_items, JUNOS_MEMBERS_ROOM, " "):
        lines.append(f"{prefix}{piece} ]")
    return lines


def render_junos(trunks: TrunkPlan) -> str:
    lines = ["# netplan-cs trunks: Junos (ELS) interface configuration, `load set terminal`",
             "# each VLAN ID below must exist under [edit vlans] (set vlans NAME vlan-id ID)"]
    for target in _targets(trunks):
        lines += ["#", *_junos(target)]
    return "\n".join([*lines, ""])


RENDERERS: dict[str, Callable[[TrunkPlan], str]] = {
    "cisco-ios": render_cisco_ios, "junos": render_junos, "arista-eos": render_arista_eos}
