"""Traffic labels: what each hypervisor's hosts must have for each traffic type.

A label names a host-side object: a Linux bridge on KVM, a network name-label on
XenServer, a `switch[,vlan[,type]]` on VMware. When the plan leaves one unset,
CloudStack falls back as its code does, and this module follows it:
- KVM: LibvirtServerDiscoverer.find/configure (public <- guest <- management,
  management <- public <- guest, guest <- public <- management; `cloudbr0` when
  nothing is set); storage uses its label or the management bridge
  (BridgeVifDriver.plug).
- XenServer: CitrixResourceBase.getHostInfo (management: the host's management
  PIF network; guest <- management; public <- guest; storage <- guest).
- VMware: VmwareTrafficLabel (default `vSwitch0`, untagged, standard switch).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from netplan_cs.model.plan import PhysicalNetwork, Plan, TrafficType, Zone

LABEL_FIELDS: dict[str, str] = {
    "KVM": "kvmnetworklabel", "XenServer": "xennetworklabel", "VMware": "vmwarenetworklabel",
    "Hyperv": "hypervnetworklabel", "Ovm3": "ovm3networklabel"}
"""Hypervisors that read a traffic label, and the traffic-type field holding it."""

VMWARE_SWITCH_TYPES = ("vmwaresvs", "vmwaredvs", "nexusdvs")
VMWARE_DEFAULT_SWITCH = {"vmwaresvs": "vSwitch0", "vmwaredvs": "dvSwitch0", "nexusdvs": "epp0"}
KVM_DEFAULT_BRIDGE = "cloudbr0"
TRAFFIC_ORDER = ("Management", "Public", "Guest", "Storage")


def traffic_order(traffic: str) -> int:
    """Sort key: Management, Public, Guest, Storage."""
    return TRAFFIC_ORDER.index(traffic) if traffic in TRAFFIC_ORDER else len(TRAFFIC_ORDER)


@dataclass(frozen=True)
class VmwareLabel:
    """A parsed VMware traffic label (VmwareTrafficLabel._parseLabel)."""

    switch: str
    vlan: str | None
    switch_type: str
    error: str | None = None

    @property
    def distributed(self) -> bool:
        return self.switch_type in ("vmwaredvs", "nexusdvs")


def parse_vmware_label(text: str | None) -> VmwareLabel:
    """Split `name[,vlan[,switchtype]]` exactly as CloudStack does.

    Java's String.split drops trailing empty fields, so `vSwitch1,,` is one field;
    the switch type is checked before the field count, as in _parseLabel.
    """
    if not text:
        return VmwareLabel("vSwitch0", None, "vmwaresvs")
    tokens = text.split(",")
    while tokens and tokens[-1] == "":
        tokens.pop()
    fields = [token.strip() for token in tokens]
    switch = fields[0] if fields else ""
    vlan = fields[1] if len(fields) > 1 and fields[1] else None
    switch_type = fields[2].lower() if len(fields) > 2 else "vmwaresvs"
    error = None
    if len(fields) > 2 and switch_type not in VMWARE_SWITCH_TYPES:
        error = f"CloudStack: \"Invalid virtual switch type : {fields[2]}\""
    elif len(fields) > 3:
        error = f"CloudStack: \"Found extraneous fields in VMWare traffic label : {text}\""
    elif not switch:
        error = "the switch name (first field) is empty"
    elif vlan is not None and not (vlan.isdigit() and 1 <= int(vlan) <= 4094):
        error = f"the VLAN field {vlan!r} is not a VLAN ID (1-4094)"
    return VmwareLabel(switch, vlan, switch_type, error)


def declared_label(traffic: TrafficType, hypervisor: str) -> str | None:
    field = LABEL_FIELDS.get(hypervisor)
    value = getattr(traffic, field) if field else None
    return value or None


@dataclass(frozen=True)
class ResolvedLabel:
    """The label a host of one hypervisor needs for one traffic type."""

    hypervisor: str
    traffic: str
    name: str | None
    """None: CloudStack uses the host's management network (XenServer) or has no default."""
    declared: bool
    origin: str = ""
    """How an undeclared label was resolved: `CloudStack then uses <name> (<origin>)`, or
    `CloudStack then uses <origin>` when there is no name."""

    @property
    def fallback(self) -> str:
        """`CloudStack then uses `cloudbr0` (CloudStack's default)`, for messages."""
        if self.name is None:
            return f"CloudStack then uses {self.origin}"
        return f"CloudStack then uses `{self.name}` ({self.origin})"


def _zone_declared(zone: Zone, hypervisor: str) -> dict[str, str]:
    """The first declared label per traffic type across the zone's physical networks."""
    found: dict[str, str] = {}
    for pnet in zone.physical_networks:
        for traffic in pnet.traffic_types:
            label = declared_label(traffic, hypervisor)
            if label and traffic.traffictype not in found:
                found[traffic.traffictype] = label
    return found


def _kvm_defaults(plan: Plan, zone: Zone) -> dict[str, tuple[str, str]]:
    """Management/Public/Guest bridges of a KVM host when a traffic type has no label."""
    declared = _zone_declared(zone, "KVM")
    private = declared.get("Management")
    public = declared.get("Public")
    guest = declared.get("Guest")
    why = {"Management": "the Management label", "Public": "the Public label",
           "Guest": "the Guest label"}  # fallback chains of LibvirtServerDiscoverer.find
    if private is None and public is None and guest is None:
        private = plan.setting("kvm.private.network.device", zone) or KVM_DEFAULT_BRIDGE
        public = plan.setting("kvm.public.network.device", zone) or private
        guest = plan.setting("kvm.guest.network.device", zone) or private
        default = "CloudStack's default" if private == KVM_DEFAULT_BRIDGE else (
            "from the kvm.*.network.device settings")
        return {kind: (name, default) for kind, name in
                (("Management", private), ("Public", public), ("Guest", guest))}
    chains = {"Public": ("Guest", "Management"), "Management": ("Public", "Guest"),
              "Guest": ("Public", "Management")}
    values = {"Management": private, "Public": public, "Guest": guest}
    result: dict[str, tuple[str, str]] = {}
    for kind, chain in chains.items():
        name, origin = values[kind], ""
        if name is None:
            source = next(other for other in chain if values[other] is not None)
            name, origin = values[source], f"taken from {why[source]}"
        assert name is not None
        result[kind] = (name, origin)
    return result


def _xen_defaults(plan: Plan, zone: Zone) -> dict[str, tuple[str | None, str]]:
    declared = _zone_declared(zone, "XenServer")
    management = declared.get("Management") or plan.setting(
        "xenserver.private.network.device", zone)
    host_network = "the host's management network (its management PIF)"
    result: dict[str, tuple[str | None, str]] = {
        "Management": (management, "from the xenserver.private.network.device setting"
                       if management else host_network)}
    guest = declared.get("Guest") or plan.setting("xenserver.guest.network.device", zone)
    result["Guest"] = ((guest, "taken from the Guest label") if guest else
                       (management, "taken from the Management label") if management else
                       (None, host_network))
    public = plan.setting("xenserver.public.network.device", zone)
    storage = plan.setting("xenserver.storage.network.device1", zone)
    follow_guest = ((result["Guest"][0], "from the guest network") if result["Guest"][0]
                    else (None, host_network))
    result["Public"] = ((public, "from the xenserver.public.network.device setting")
                        if public else follow_guest)
    result["Storage"] = ((storage, "from the xenserver.storage.network.device1 setting")
                         if storage else follow_guest)
    return result


def resolve_labels(plan: Plan, zone: Zone, pnet: PhysicalNetwork,
                   hypervisors: Iterable[str] | None = None
                   ) -> dict[str, dict[str, ResolvedLabel]]:
    """hypervisor -> traffic -> label, for the zone's hypervisors that read labels (pass
    `hypervisors` to find them once per zone instead of once per physical network)."""
    found = zone.hypervisors if hypervisors is None else hypervisors
    result: dict[str, dict[str, ResolvedLabel]] = {}
    for hypervisor in sorted(h for h in found if h in LABEL_FIELDS):
        defaults: dict[str, tuple[str | None, str]] = {}
        if hypervisor == "KVM":
            defaults = dict(_kvm_defaults(plan, zone))
        elif hypervisor == "XenServer":
            defaults = _xen_defaults(plan, zone)
        labels: dict[str, ResolvedLabel] = {}
        for traffic in sorted(pnet.traffic_types, key=lambda t: traffic_order(t.traffictype)):
            kind = traffic.traffictype
            name = declared_label(traffic, hypervisor)
            if name is not None:
                labels[kind] = ResolvedLabel(hypervisor, kind, name, True)
                continue
            if hypervisor == "KVM" and kind == "Storage":
                name, how = defaults["Management"]
                origin = "the management bridge" + (f", itself {how}" if how else "")
            elif hypervisor == "VMware":
                name, origin = VMWARE_DEFAULT_SWITCH["vmwaresvs"], "CloudStack's default"
            elif kind in defaults:
                name, origin = defaults[kind]
            else:
                origin = "no label at all (CloudStack has no default for this hypervisor)"
            labels[kind] = ResolvedLabel(hypervisor, kind, name, False, origin)
        result[hypervisor] = labels
    return result
