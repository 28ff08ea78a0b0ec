"""The trunk plan as a checklist (markdown), a table (csv) and data (json).

Output is deterministic: zones and physical networks in plan order, ports in
switch order, so it can be diffed and snapshot-tested.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from netplan_cs.facts.host_setup import host_setup, preflight
from netplan_cs.facts.trunks import NATIVE_PLACEHOLDER, NetworkTrunk, Port, TrunkPlan
from netplan_cs.model.plan import Plan
from netplan_cs.model.vlans import format_vlans
from netplan_cs.output.json_text import json_text

CSV_COLUMNS = ("zone", "physical_network", "switch", "port", "host", "nic", "untagged_traffic",
               "native_vlan", "tagged_vlans", "mtu")


def native_text(net: NetworkTrunk) -> str:
    """The native VLAN column: its ID, the placeholder when the plan does not say, empty
    when nothing rides untagged (a VLAN column holds VLANs or a value no tool takes for one)."""
    if not net.untagged:
        return ""
    return str(net.native_vlan) if net.native_vlan else NATIVE_PLACEHOLDER


def render_json(trunks: TrunkPlan) -> str:
    zones = []
    for zone in trunks.zones:
        networks = []
        for net in zone.networks:
            networks.append({
                "name": net.name,
                "untagged": list(net.untagged),
                "tagged": [{"vlans": format_vlans(set(vlans)), "traffic": traffic}
                           for traffic, vlans in net.tagged],
                "tagged_vlans": net.tagged_text,
                "mtu": net.mtu,
                "labels": {hypervisor: {traffic: label.name for traffic, label in labels.items()}
                           for hypervisor, labels in net.labels.items()},
                "ports": [_port_json(port) for port in net.ports],
            })
        zones.append({"name": zone.name, "physical_networks": networks})
    return json_text({"version": 1, "zones": zones})


def _port_json(port: Port) -> dict[str, Any]:
    return {"switch": port.switch, "port": port.port, "host": port.host, "nic": port.nic}


def render_csv(trunks: TrunkPlan) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for zone in trunks.zones:
        for net in zone.networks:
            common = (" ".join(net.untagged), native_text(net), net.tagged_text,
                      "" if net.mtu is None else net.mtu)
            if not net.ports:
                writer.writerow((zone.name, net.name, "", "", "", "", *common))
            for port in net.ports:
                writer.writerow((zone.name, net.name, port.switch, port.port, port.host,
                                 port.nic or "", *common))
    return out.getvalue()


def trunk_items(net: NetworkTrunk) -> list[str]:
    """What every host port of one physical network must do."""
    items = []
    if net.untagged:
        kinds = ", ".join(net.untagged)
        if net.native_vlan:
            items.append(f"native (untagged) VLAN {net.native_vlan}: {kinds}")
        else:
            items.append(f"untagged: {kinds} (the port's native VLAN: set it to the VLAN of "
                         f"that segment and allow it; `native_vlan` of {net.name} is not set)")
    for traffic, vlans in net.tagged:
        sources = "; ".join(use.source for use in net.uses if use.traffic == traffic)
        items.append(f"tagged {traffic}: {format_vlans(set(vlans))} ({sources})")
    if net.allowed_vlans:
        items.append(f"allowed VLAN list: `{format_vlans(set(net.allowed_vlans))}`")
    elif not net.untagged:
        items.append("no VLAN to trunk from this plan")
    if net.encapsulated is not None:
        items.append(f"{net.isolation} isolation: guest IDs {net.encapsulated.text} are "
                     "encapsulated on the underlay, not switch VLANs")
    items.append(f"MTU {net.mtu}" if net.mtu else
                 "MTU: not set in the plan (VXLAN needs at least 1550)" if
                 net.isolation == "VXLAN" else "MTU: not set in the plan")
    return items


def _port_title(port: Port) -> str:
    nic = f" {port.nic}" if port.nic else ""
    return f"`{port.port}` -> {port.host}{nic}"


def render_markdown(plan: Plan, trunks: TrunkPlan, title: str) -> str:
    lines = [f"# Switch and host checklist: {title}", "",
             "CloudStack does not configure switches. Any VM can start on any host, so every "
             "host port must trunk every VLAN its physical network may carry.", ""]
    for zone_trunks in trunks.zones:
        zone = plan.zones[zone_trunks.index]
        sg = ", security groups" if zone_trunks.security_groups else ""
        lines += [f"## Zone {zone_trunks.name} ({zone_trunks.networktype}{sg})", ""]
        for net in zone_trunks.networks:
            carries = ", ".join(net.traffic) or "no traffic"
            lines += [f"### Physical network {net.name}", "",
                      f"Carries {carries}; isolation {net.isolation}.", ""]
            items = trunk_items(net)
            switches = sorted({p.switch for p in net.ports})
            if not switches:
                lines.append(f"- [ ] every host NIC carrying physical network {net.name}:")
                lines += [f"  - {item}" for item in items]
            for switch in switches:
                lines.append(f"- [ ] switch {switch}:")
                for port in (p for p in net.ports if p.switch == switch):
                    lines.append(f"  - [ ] {_port_title(port)}")
                lines += [f"  - {item}" for item in items]
            lines.append("")
        for hypervisor, items in host_setup(plan, zone, zone_trunks).items():
            lines += [f"### {hypervisor} hosts", ""]
            lines += [f"- [ ] {item}" for item in items]
            lines.append("")
        lines += ["### Preflight", ""]
        lines += [f"- [ ] {item}" for item in preflight(plan, zone)]
        lines.append("")
    if trunks.unplaced_ports:
        lines += ["## Ports matched to no zone or physical network", ""]
        lines += [f"- [ ] switch {p.switch} {_port_title(p)}: name its host and physical "
                  "network as the plan does" for p in trunks.unplaced_ports]
        lines.append("")
    return "\n".join(lines)
