"""The plan: zones, pods, physical networks, ranges, offerings and demand.

Field names are CloudStack's API parameters (`startip`, `guestcidraddress`,
`networkrate`, `kvmnetworklabel`...), so operators recognise them; collections
carry plain plural names. Every model forbids unknown keys: a typo is a finding
(P002), never silently ignored.

Annotations here are evaluated (no `from __future__ import annotations`): pydantic would
otherwise compile each of the ~150 field annotations from its string when the classes are
created, a fifth of what building these models costs at every start.
"""

import typing
from functools import cached_property, lru_cache
from typing import Any
from urllib.parse import urlsplit

import netaddr
from pydantic import BaseModel, ConfigDict, Field, SecretStr

from netplan_cs.model.types import (
    BroadcastDomain,
    Cidr,
    Count,
    Flag,
    GuestIpType,
    Hypervisor,
    IPv4,
    IsolationMethod,
    Netmask,
    StorageScope,
    SwitchVendor,
    SystemVmType,
    TrafficKind,
    VlanId,
    ZoneType,
    empty_dict,
    empty_list,
    ipv4_of,
)
from netplan_cs.model.vlans import VlanRanges

SettingValue = str | int | float | bool | None


class Element(BaseModel):
    """Base of every plan element: strict about keys, lenient about Marvin's spellings."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True,
                              str_strip_whitespace=True, validate_default=False)


def subnet(gateway: netaddr.IPAddress, netmask: netaddr.IPAddress) -> netaddr.IPNetwork:
    """The subnet CloudStack derives from a gateway and a netmask (NetUtils.ipAndNetMaskToCidr)."""
    return netaddr.IPNetwork((int(gateway) & int(netmask), netmask.netmask_bits()))


def address_of(name: str | None) -> netaddr.IPAddress | None:
    """`name` as an IPv4 address, or None when it is a host name (or nothing)."""
    return ipv4_of(name) if name else None


@lru_cache(maxsize=65536)
def host_of_url(url: str | None) -> str | None:
    """The server part of a storage or host URL (`nfs://10.0.0.5/export` -> 10.0.0.5)."""
    if not url:
        return None
    rest = url.split("://", 1)[-1]
    authority = rest.split("/", 1)[0].rpartition("@")[2]
    if "[" in authority or "%" in authority:  # IPv6 literals, escapes: let urllib decide
        try:
            return urlsplit(url if "://" in url else f"//{url}").hostname or None
        except ValueError:  # "http://[zz/": an unclosed IPv6 bracket names no server
            return None
    return authority.split(":", 1)[0].lower() or None


class TrafficType(Element):
    traffictype: TrafficKind
    kvmnetworklabel: str | None = None
    xennetworklabel: str | None = None
    vmwarenetworklabel: str | None = None
    hypervnetworklabel: str | None = None
    ovm3networklabel: str | None = None
    simulatorlabel: str | None = None
    vlan: VlanId | None = Field(default=None, description="Management VLAN (VMware)")


class PhysicalNetwork(Element):
    name: str
    isolationmethods: list[IsolationMethod] = Field(default_factory=empty_list)
    vlan: VlanRanges | None = Field(default=None, description="guest VLAN (vnet) ranges")
    tags: list[str] = Field(default_factory=empty_list)
    broadcastdomainrange: BroadcastDomain | None = None
    networkspeed: str | None = None
    mtu: Count | None = None
    native_vlan: Count | None = Field(
        default=None, description="the switch VLAN that carries this network's untagged "
        "traffic on host ports (for `netplan-cs trunks`)")
    traffic_types: list[TrafficType] = Field(default_factory=empty_list)

    def carries(self, traffic: str) -> bool:
        return any(t.traffictype == traffic for t in self.traffic_types)

    @property
    def isolation(self) -> str:
        """The isolation method (VLAN when none is given, as CloudStack defaults)."""
        return self.isolationmethods[0].upper() if self.isolationmethods else "VLAN"


class AddressRange(Element):
    """A start-end range inside a gateway/netmask subnet (createVlanIpRange & co.)."""

    gateway: IPv4 | None = None
    netmask: Netmask | None = None
    startip: IPv4
    endip: IPv4 | None = None
    vlan: VlanId | None = None

    @property
    def last(self) -> netaddr.IPAddress:
        """The end address; CloudStack makes a missing end equal to the start."""
        return self.endip if self.endip is not None else self.startip

    @cached_property
    def subnet(self) -> netaddr.IPNetwork | None:
        if self.gateway is None or self.netmask is None:
            return None
        return subnet(self.gateway, self.netmask)

    def size(self) -> int:
        return max(0, int(self.last) - int(self.startip) + 1)


class PublicRange(AddressRange):
    forsystemvms: Flag = False
    physical_network: str | None = None


class GuestRange(AddressRange):
    """A basic-zone pod guest range (createVlanIpRange with podid)."""


class StorageRange(AddressRange):
    """A pod storage-network range (createStorageNetworkIpRange)."""


class ManagementRange(Element):
    """An extra reserved system range of a pod (createManagementNetworkIpRange)."""

    startip: IPv4
    endip: IPv4 | None = None
    vlan: VlanId | None = None
    forsystemvms: Flag = False

    @property
    def last(self) -> netaddr.IPAddress:
        """The end address; createPodIpRange makes a missing end equal to the start."""
        return self.endip if self.endip is not None else self.startip


class Host(Element):
    name: str | None = None
    ipaddress: IPv4 | None = None
    url: str | None = None
    username: str | None = None
    password: SecretStr | None = None
    nics: list[str] = Field(default_factory=empty_list)
    management_vlan: VlanId | None = Field(
        default=None, description="the VLAN of the host's own management interface, as set up "
        "on the host (unset or `untagged`: untagged)")
    hosttags: list[str] | str | None = None

    @cached_property
    def address(self) -> netaddr.IPAddress | None:
        """The management address: `ipaddress`, else the host part of `url` if it is an IP."""
        if self.ipaddress is not None:
            return self.ipaddress
        return address_of(host_of_url(self.url))

    @property
    def label(self) -> str:
        return self.name or host_of_url(self.url) or str(self.ipaddress or "host")


class Storage(Element):
    name: str | None = None
    url: str | None = None
    provider: str | None = None
    scope: StorageScope | None = None
    tags: list[str] | str | None = None

    @property
    def server(self) -> str | None:
        return host_of_url(self.url)

    @property
    def address(self) -> netaddr.IPAddress | None:
        """The server's address when the URL names it by address (a name is not resolved)."""
        return address_of(self.server)


class Cluster(Element):
    name: str
    hypervisor: Hypervisor
    clustertype: str | None = None
    csp_installed: Flag | None = Field(
        default=None, description="XenServer: the CloudStack Supplemental Pack is installed")
    url: str | None = None
    username: str | None = None
    password: SecretStr | None = None
    hosts: list[Host] = Field(default_factory=empty_list)
    primary_storage: list[Storage] = Field(default_factory=empty_list)


class Pod(Element):
    name: str
    gateway: IPv4
    netmask: Netmask
    startip: IPv4 | None = None
    endip: IPv4 | None = None
    vlan: VlanId | None = None
    forsystemvms: Flag = False
    management_ranges: list[ManagementRange] = Field(default_factory=empty_list)
    storage_ranges: list[StorageRange] = Field(default_factory=empty_list)
    guest_ranges: list[GuestRange] = Field(default_factory=empty_list)
    clusters: list[Cluster] = Field(default_factory=empty_list)

    @cached_property
    def cidr(self) -> netaddr.IPNetwork:
        """The pod CIDR, as CloudStack derives it from gateway and netmask."""
        return subnet(self.gateway, self.netmask)

    @property
    def reserved_end(self) -> netaddr.IPAddress | None:
        """The reserved range's end: `endip`, else broadcast - 1 as createPod defaults it
        (NetUtils.getIpRangeEndIpFromCidr); None when the pod has no range."""
        if self.startip is None:
            return None
        if self.endip is not None:
            return self.endip
        return netaddr.IPAddress(self.cidr.last - 1)

    @property
    def hosts(self) -> list[Host]:
        return [host for cluster in self.clusters for host in cluster.hosts]

    @property
    def hypervisors(self) -> set[str]:
        return {cluster.hypervisor for cluster in self.clusters}


class SharedNetwork(Element):
    name: str
    vlan: VlanId | None = None
    gateway: IPv4 | None = None
    netmask: Netmask | None = None
    startip: IPv4 | None = None
    endip: IPv4 | None = None
    physical_network: str | None = None
    networkoffering: str | None = None
    bypassvlanoverlapcheck: Flag = Field(
        default=False, description="createNetwork's bypassvlanoverlapcheck: skip CloudStack's "
        "checks that the VLAN is not in use (shared networks only)")

    @property
    def last(self) -> netaddr.IPAddress | None:
        """The range's end (a missing end is the start, as CloudStack defaults it)."""
        return self.endip if self.endip is not None else self.startip

    @property
    def subnet(self) -> netaddr.IPNetwork | None:
        if self.gateway is None or self.netmask is None:
            return None
        return subnet(self.gateway, self.netmask)


class Demand(Element):
    """What the zone must carry: the input of the budgets (issue: capacity)."""

    isolated_networks: Count = 0
    vpcs: Count = 0
    vpc_tiers: Count = Field(default=0, description="tiers per VPC")
    l2_networks: Count = 0
    vms_per_network: Count = 0
    ssvms: Count = 1
    cpvms: Count = 1
    redundant_routers: Flag = False
    extra_public_ips: Count = 0
    network_offering: str | None = Field(
        default=None, description="network offering of the planned isolated networks")
    service_offering: str | None = Field(
        default=None, description="compute offering of the planned VMs")


class Zone(Element):
    # dns1 and internaldns1 are required by the API, but a zone missing them is still
    # linted: build_plan reports their absence (P001) instead of dropping the zone.
    REQUIRED_BY_API: typing.ClassVar[tuple[str, ...]] = ("dns1", "internaldns1")

    name: str
    networktype: ZoneType
    securitygroupenabled: Flag = False
    guestcidraddress: Cidr | None = None
    dns1: IPv4 | None = Field(default=None, description="required by createZone")
    dns2: IPv4 | None = None
    internaldns1: IPv4 | None = Field(default=None, description="required by createZone")
    internaldns2: IPv4 | None = None
    domain: str | None = None
    localstorageenabled: Flag | None = None
    physical_networks: list[PhysicalNetwork] = Field(default_factory=empty_list)
    pods: list[Pod] = Field(default_factory=empty_list)
    public_ranges: list[PublicRange] = Field(default_factory=empty_list)
    shared_networks: list[SharedNetwork] = Field(default_factory=empty_list)
    primary_storage: list[Storage] = Field(default_factory=empty_list)
    secondary_storage: list[Storage] = Field(default_factory=empty_list)
    settings: dict[str, SettingValue] = Field(default_factory=empty_dict,
                                              description="zone-scoped settings")
    demand: Demand = Field(default_factory=Demand)

    @property
    def is_basic(self) -> bool:
        return self.networktype == "Basic"

    @property
    def uses_security_groups(self) -> bool:
        """Basic zones are always SG-flagged (createZone forces it)."""
        return self.is_basic or self.securitygroupenabled

    @property
    def hypervisors(self) -> set[str]:
        return {cluster.hypervisor for pod in self.pods for cluster in pod.clusters}


class ManagementServer(Element):
    name: str | None = None
    ipaddress: IPv4
    port: Count | None = None
    username: str | None = None
    password: SecretStr | None = None
    apikey: SecretStr | None = None
    secretkey: SecretStr | None = None


class ServiceOffering(Element):
    name: str
    networkrate: Count | None = None
    cpunumber: Count | None = None
    cpuspeed: Count | None = None
    memory: Count | None = None


class NetworkOffering(Element):
    name: str
    guestiptype: GuestIpType = "Isolated"
    specifyvlan: Flag = False
    networkrate: Count | None = None
    vlan: VlanId | None = None
    forvpc: Flag = False


class SystemOffering(Element):
    name: str
    systemvmtype: SystemVmType | None = None
    networkrate: Count | None = None


class Offerings(Element):
    service: list[ServiceOffering] = Field(default_factory=empty_list)
    network: list[NetworkOffering] = Field(default_factory=empty_list)
    system: list[SystemOffering] = Field(default_factory=empty_list)


class SwitchPort(Element):
    name: str
    host: str
    nic: str | None = None
    physical_network: str | None = None


class Switch(Element):
    name: str
    vendor: SwitchVendor | None = None
    ports: list[SwitchPort] = Field(default_factory=empty_list)


class Plan(Element):
    """A CloudStack cloud as planned: what netplan-cs lints and computes from."""

    version: Count | None = None
    settings: dict[str, SettingValue] = Field(default_factory=empty_dict,
                                              description="global settings")
    management_servers: list[ManagementServer] = Field(default_factory=empty_list)
    routed_prefixes: list[Cidr] = Field(
        default_factory=empty_list,
        description="prefixes the management network reaches through routers")
    zones: list[Zone]
    offerings: Offerings = Field(default_factory=Offerings)
    switches: list[Switch] = Field(default_factory=empty_list)

    def setting(self, name: str, zone: Zone | None = None) -> Any:
        """A setting's value: zone scope first, then global, else CloudStack's default."""
        from netplan_cs.model.settings import DEFAULTS

        if zone is not None and name in zone.settings:
            return zone.settings[name]
        return self.settings.get(name, DEFAULTS.get(name))


def element_names(items: list[Any]) -> list[str]:
    return [getattr(item, "name", None) or "" for item in items]
