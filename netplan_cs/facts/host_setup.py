"""The host side of a zone: what each hypervisor's hosts need before CloudStack adds them.

Sources (../shared/research/cloudstack-rules.md): T-06 (XenServer name-labels,
`xe network-param-set`), T-07 (KVM bridges and the `br<nic>-<vlan>` names the
agent builds), T-08 (VMware switches and `vmware.management.portgroup`), H-01
(XenServer management untagged), H-02 (CSP only with security groups), H-07 and
the field notes' preflight items (reachability, DHCP, template hostnames).
"""

from __future__ import annotations

from collections import defaultdict

from netplan_cs.facts.labels import ResolvedLabel, parse_vmware_label, traffic_order
from netplan_cs.facts.trunks import NetworkTrunk, ZoneTrunks
from netplan_cs.model.plan import Plan, Zone
from netplan_cs.model.vlans import format_vlans

IFNAMSIZ = 15
"""Linux interface names hold at most 15 characters (IFNAMSIZ 16 with the NUL)."""

NO_LABELS_NEEDED = ("Simulator", "BareMetal")


def kvm_nic_room(vlan: int) -> int:
    """The longest NIC name for which `br<nic>-<vlan>` and `<nic>.<vlan>` still fit."""
    return min(IFNAMSIZ - len(f"br-{vlan}"), IFNAMSIZ - len(f".{vlan}"))


def _by_name(networks: tuple[NetworkTrunk, ...], hypervisor: str
             ) -> dict[str | None, list[tuple[NetworkTrunk, ResolvedLabel]]]:
    grouped: dict[str | None, list[tuple[NetworkTrunk, ResolvedLabel]]] = defaultdict(list)
    for net in networks:
        for label in net.labels.get(hypervisor, {}).values():
            grouped[label.name].append((net, label))
    return grouped


def _uses(items: list[tuple[NetworkTrunk, ResolvedLabel]]) -> str:
    """`Management, Guest traffic of physnet1` (+ how undeclared labels were chosen)."""
    parts: dict[str, list[str]] = defaultdict(list)
    notes: dict[str, list[str]] = defaultdict(list)
    for net, label in sorted(items, key=lambda i: (i[0].name, traffic_order(i[1].traffic))):
        parts[net.name].append(label.traffic)
        if not label.declared:
            notes[label.origin].append(label.traffic)
    text = "; ".join(f"{', '.join(kinds)} traffic of {name}" for name, kinds in parts.items())
    unset = "; ".join(f"{', '.join(kinds)}: {origin}" for origin, kinds in notes.items())
    return text + (f" (not labelled in the plan: {unset})" if unset else "")


def _kvm(zone: ZoneTrunks, hosts_nics: list[str]) -> list[str]:
    items = []
    for name, uses in sorted(_by_name(zone.networks, "KVM").items(), key=lambda i: str(i[0])):
        items.append(f"Linux bridge `{name}` on every KVM host, for {_uses(uses)}")
    for net in zone.networks:
        for traffic, vlans in net.kvm_vlan_bridges:
            if "KVM" not in net.labels:
                continue
            top = max(vlans)
            bridge = net.labels["KVM"].get(traffic)
            behind = f" behind `{bridge.name}`" if bridge and bridge.name else ""
            example = f"br{hosts_nics[0]}-{top}" if hosts_nics else f"breth0-{top}"
            items.append(
                f"CloudStack creates a bridge `br<nic>-<vlan>` and a VLAN device "
                f"`<nic>.<vlan>` for each tagged {traffic} VLAN of {net.name} "
                f"({format_vlans(set(vlans))}) on the NIC{behind}, e.g. `{example}`: "
                f"with VLAN {top} the NIC name may have at most {kvm_nic_room(top)} "
                f"characters (Linux allows {IFNAMSIZ})")
        items.extend(_kvm_vxlan(net))
    return items


def vxlan_group(vni: int) -> str:
    """The multicast group modifyvxlan.sh gives a VNI: 239.<vni bytes, high to low>."""
    return f"239.{(vni >> 16) % 256}.{(vni >> 8) % 256}.{vni % 256}"


def _kvm_vxlan(net: NetworkTrunk) -> list[str]:
    """What CloudStack's modifyvxlan.sh needs of a KVM host for VXLAN guest networks."""
    if net.isolation != "VXLAN" or "KVM" not in net.labels or "Guest" not in net.traffic:
        return []
    label = net.labels["KVM"].get("Guest")
    bridge = f"`{label.name}`" if label and label.name else "the Guest traffic's bridge"
    vnis = net.encapsulated.merged() if net.encapsulated is not None else []
    first = vnis[0][0] if vnis else None
    example = (f" (VNI {first} uses {vxlan_group(first)})" if first is not None else "")
    return [
        f"VXLAN guest networks of {net.name}: CloudStack creates `vxlan<vni>` in a bridge "
        f"`brvx-<vni>` over {bridge}, which needs an IPv4 address on every KVM host (the VTEP; "
        "without it: \"Failed to find vxlan multicast source ip address on brif\")",
        f"The underlay between the KVM hosts routes multicast: one group per VNI{example}, "
        "with IGMP snooping or PIM on the switches; or install the BGP EVPN variant of "
        "modifyvxlan.sh on every host and run BGP EVPN instead",
        "Every KVM host accepts VXLAN on UDP 8472 (`iptables -I INPUT -p udp --dport 8472 -j "
        "ACCEPT`, or `ufw allow proto udp from any to any port 8472`), and "
        "net.ipv4.igmp_max_memberships (20 by default) is above the number of guest networks "
        "a host will carry: each VNI joins one multicast group",
    ]


def _xenserver(zone: ZoneTrunks) -> list[str]:
    items = []
    for name, uses in sorted(_by_name(zone.networks, "XenServer").items(),
                             key=lambda i: str(i[0])):
        if name is None:
            items.append(f"The host's management network (the private interface, `xenbr0` "
                         f"when management is on eth0) carries {_uses(uses)}")
        else:
            items.append(f"Network name-label `{name}` on every host of the pool, identical "
                         f"on all hosts, for {_uses(uses)}: `xe network-param-set "
                         f"uuid=<UUID> name-label={name}`")
    items.append("Management interface (the private interface, `xenbr0` on a default "
                 "install) untagged on every XenServer host (CloudStack: \"Unsupported "
                 "configuration. Management network is on a VLAN\")")
    items.append("Static management IP on every host; identical bonds and cabling on every "
                 "host of a pool")
    if zone.security_groups:
        items.append("Security groups are used: install the CloudStack Supplemental Pack (on "
                     "XenServer 6.1 and later: `xe-switch-network-backend bridge`, then "
                     "`net.bridge.bridge-nf-call-iptables = 1` and "
                     "`net.bridge.bridge-nf-call-arptables = 1`)")
    else:
        items.append("Do not install the CloudStack Supplemental Pack: this zone uses no "
                     "security groups")
    return items


def _vmware(plan: Plan, zone: Zone, trunks: ZoneTrunks) -> list[str]:
    items = []
    for name, uses in sorted(_by_name(trunks.networks, "VMware").items(),
                             key=lambda i: str(i[0])):
        label = parse_vmware_label(name)
        kind = ("distributed switch" if label.distributed else "standard vSwitch")
        vlan = f", VLAN {label.vlan}" if label.vlan else ""
        items.append(f"{kind[0].upper()}{kind[1:]} `{label.switch}` ({label.switch_type}{vlan}) on "
                     f"every ESXi host, for {_uses(uses)}")
    portgroup = plan.setting("vmware.management.portgroup", zone)
    items.append(f"Management port group `{portgroup}` (setting vmware.management.portgroup) "
                 "on every ESXi host, on a standard vSwitch; management and storage traffic "
                 "do not support distributed switches")
    items.append("CloudStack creates the guest and public port groups itself "
                 "(`cloud.guest.<vlan>.<Mb/s>.1-<switch>`, `cloud.public.<vlan>.<Mb/s>.1-"
                 "<switch>`): the switch uplinks must trunk the VLANs above")
    return items


def _other(zone: ZoneTrunks, hypervisor: str) -> list[str]:
    items = []
    for name, uses in sorted(_by_name(zone.networks, hypervisor).items(),
                             key=lambda i: str(i[0])):
        what = f"`{name}`" if name else "(no label: set one)"
        items.append(f"Network label {what} on every {hypervisor} host, for {_uses(uses)}")
    return items or [f"{hypervisor} hosts: the plan has no label field for this hypervisor; "
                     "prepare its networks as its CloudStack guide says"]


def host_setup(plan: Plan, zone: Zone, trunks: ZoneTrunks) -> dict[str, list[str]]:
    """hypervisor -> checklist items, for each hypervisor of the zone's clusters."""
    nics = [nic for pod in zone.pods for cluster in pod.clusters if cluster.hypervisor == "KVM"
            for host in cluster.hosts for nic in host.nics]
    setup: dict[str, list[str]] = {}
    for hypervisor in trunks.hypervisors:
        if hypervisor == "KVM":
            setup[hypervisor] = _kvm(trunks, nics)
        elif hypervisor == "XenServer":
            setup[hypervisor] = _xenserver(trunks)
        elif hypervisor == "VMware":
            setup[hypervisor] = _vmware(plan, zone, trunks)
        elif hypervisor in NO_LABELS_NEEDED:
            setup[hypervisor] = [f"{hypervisor} hosts need no traffic labels"]
        else:
            setup[hypervisor] = _other(trunks, hypervisor)
    return setup


def preflight(plan: Plan, zone: Zone) -> list[str]:
    """The field notes' checks before adding hosts, with the plan's own names."""
    servers = ", ".join(str(m.ipaddress) for m in plan.management_servers) or "(not listed)"
    storage = ", ".join(f"{s.name} ({s.server})" if s.name else str(s.server)
                        for s in zone.secondary_storage if s.server) or "(not listed)"
    items = [
        f"Management server(s) {servers}, every host and the secondary storage {storage} "
        "reach each other over the management network",
        "No other DHCP server on the management or guest segment"
        + (" (on a nested KVM lab, remove the DHCP server of libvirt's default network)"
           if "KVM" in zone.hypervisors else ""),
        "Templates carry no hostname in /etc/hostname or /etc/hosts (every instance would "
        "come up with that name)",
        "Hosts have no VMs running when they are added",
    ]
    if "KVM" in zone.hypervisors:
        items.append("KVM hosts and management servers resolve their own FQDN "
                     "(`hostname --fqdn`)")
    return items
