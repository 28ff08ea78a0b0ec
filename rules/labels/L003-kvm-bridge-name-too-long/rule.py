"""L003 kvm-bridge-name-too-long: `br<nic>-<vlan>` or `<nic>.<vlan>` over 15 characters."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding
from netplan_cs.facts.host_setup import IFNAMSIZ, kvm_nic_room

ID = "L003"
NAME = "kvm-bridge-name-too-long"
SEVERITY = "error"
CLOUDSTACK = "fails-later"
SUMMARY = ("a KVM host NIC under guest or public traffic would get a `br<nic>-<vlan>` or "
           "`<nic>.<vlan>` name longer than 15 characters")


def check(ctx: Any) -> Iterator[Finding]:
    for zone_trunks in ctx.facts.trunks.zones:
        zone = ctx.plan.zones[zone_trunks.index]
        # the highest tagged guest/public VLAN per physical network
        top: dict[str, tuple[int, str]] = {}
        for net in zone_trunks.networks:
            tagged = [(max(vlans), traffic) for traffic, vlans in net.kvm_vlan_bridges]
            if tagged:
                top[net.name] = max(tagged)
        if not top:
            continue  # no tagged guest or public VLAN: no NIC gets a VLAN bridge
        mapped = {(port.host, port.nic): net.name for net in zone_trunks.networks
                  for port in net.ports if port.nic}
        mapped_hosts = {who for who, _ in mapped}
        for p, pod in enumerate(zone.pods):
            for c, cluster in enumerate(pod.clusters):
                if cluster.hypervisor != "KVM":
                    continue
                for h, host in enumerate(cluster.hosts):
                    if not host.nics:
                        continue
                    names = {host.name, host.label, str(host.address)}
                    for n, nic in enumerate(host.nics):
                        if names.isdisjoint(mapped_hosts):
                            carried = set(top)  # the plan does not say: any NIC may carry it
                        else:
                            carried = {mapped[(who, nic)] for who in names
                                       if (who, nic) in mapped}
                        hits = [(top[net], net) for net in carried if net in top]
                        if not hits:
                            continue
                        (vlan, traffic), net = max(hits)
                        bridge, device = f"br{nic}-{vlan}", f"{nic}.{vlan}"
                        longest = max(bridge, device, key=len)
                        if len(longest) <= IFNAMSIZ:
                            continue
                        yield Finding(
                            ("zones", zone_trunks.index, "pods", p, "clusters", c, "hosts", h,
                             "nics", n),
                            f"NIC {nic} of KVM host {host.label} carries {traffic} VLAN {vlan} "
                            f"of physical network {net}: CloudStack would create `{bridge}` "
                            f"({len(bridge)} characters) and `{device}` ({len(device)}), but "
                            f"Linux interface names hold at most {IFNAMSIZ} (\"not a valid "
                            "ifname\"); VMs on that VLAN fail to start",
                            suggestion="rename the NIC (udev/systemd .link file) to at most "
                            f"{kvm_nic_room(vlan)} characters, or use lower VLANs")
