"""Marvin zone configs (`*.cfg`) to the native plan data.

Follows Marvin's deployDataCenter.py as described in research/formats.md: its
key spellings (`typ`, `kvm`, `xen`, `clustername`, `guestIpRanges`), the three
meanings of a zone's `ipranges` (public ranges in advanced zones, the shared
network of a security-group zone, elastic-IP ranges in basic zones) and the keys
Marvin silently ignores (reported as P002, since they never reach CloudStack).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from netplan_cs.display import clip
from netplan_cs.importers.common import Imported, Note
from netplan_cs.load.location import DataPath
from netplan_cs.model.types import is_ipv4
from netplan_cs.spelling import nearest


@dataclass(frozen=True)
class Rename:
    native: str


@dataclass(frozen=True)
class Children:
    native: str
    spec: str  # name of the spec in SPECS


@dataclass(frozen=True)
class Ignored:
    """A key Marvin reads past: it never reaches CloudStack."""

    why: str


SKIP = None  # known to Marvin (or to one of its dialects) and not part of the plan
Field = Rename | Children | Ignored | None

_RANGE: dict[str, Field] = {
    "startip": Rename("startip"), "endip": Rename("endip"), "gateway": Rename("gateway"),
    "netmask": Rename("netmask"), "vlan": Rename("vlan"), "account": SKIP, "domainid": SKIP,
    "vlan_uuid": SKIP}

SPECS: dict[str, dict[str, Field]] = {
    "top": {"zones": SKIP, "mgtSvr": SKIP, "dbSvr": SKIP, "globalConfig": SKIP, "logger": SKIP,
            "TestData": SKIP, "ApiLoadCfg": SKIP, "s3": SKIP, "version": SKIP,
            "niciraNvp": SKIP},
    "zone": {
        "name": Rename("name"), "networktype": Rename("networktype"),
        "securitygroupenabled": Rename("securitygroupenabled"),
        "guestcidraddress": Rename("guestcidraddress"), "dns1": Rename("dns1"),
        "dns2": Rename("dns2"), "internaldns1": Rename("internaldns1"),
        "internaldns2": Rename("internaldns2"), "domain": Rename("domain"),
        "localstorageenabled": Rename("localstorageenabled"),
        "physical_networks": Children("physical_networks", "physical_network"),
        "pods": Children("pods", "pod"),
        "secondaryStorages": Children("secondary_storage", "secondary"),
        "primaryStorages": Children("primary_storage", "primary"),
        "ipranges": SKIP, "cacheStorages": SKIP, "enabled": SKIP, "details": SKIP,
        "networkofferingname": SKIP, "tungstenprovider": SKIP, "baremetalrcturl": SKIP,
        "providers": SKIP, "vlan": SKIP, "mgtSvr": SKIP, "dbSvr": SKIP, "spEndpoint": SKIP,
        "spEndpointPort": SKIP, "spAuthToken": SKIP,
        "vmwaredc": Ignored("Marvin reads `vmwaredc` only on pods, never on zones"),
    },
    "physical_network": {
        "name": Rename("name"), "isolationmethods": Rename("isolationmethods"),
        "tags": Rename("tags"), "vlan": Rename("vlan"),
        "traffictypes": Children("traffic_types", "traffic_type"), "providers": SKIP,
        "broadcastdomainrange": Ignored(
            "Marvin never sends `broadcastdomainrange`; CloudStack uses ZONE for advanced and "
            "POD for basic zones"),
    },
    "traffic_type": {
        "typ": Rename("traffictype"), "kvm": Rename("kvmnetworklabel"),
        "xen": Rename("xennetworklabel"), "vmware": Rename("vmwarenetworklabel"),
        "simulator": Rename("simulatorlabel"),
        "xenserver": Ignored("Marvin reads only `xen` for the XenServer label; this one is "
                             "never sent"),
        "hyperv": Ignored("Marvin has no Hyper-V label key; this one is never sent"),
        "ovm3": Ignored("Marvin has no OVM3 label key; this one is never sent"),
    },
    "pod": {"name": Rename("name"), "gateway": Rename("gateway"), "netmask": Rename("netmask"),
            "startip": Rename("startip"), "endip": Rename("endip"),
            "clusters": Children("clusters", "cluster"), "guestIpRanges": SKIP,
            "vmwaredc": SKIP},
    "cluster": {"clustername": Rename("name"), "hypervisor": Rename("hypervisor"),
                "clustertype": Rename("clustertype"), "url": Rename("url"),
                "username": Rename("username"), "password": Rename("password"),
                "hosts": Children("hosts", "host"),
                "primaryStorages": Children("primary_storage", "primary")},
    "host": {"url": Rename("url"), "username": Rename("username"),
             "password": Rename("password"), "hosttags": Rename("hosttags"), "hostmac": SKIP,
             "cpunumber": SKIP, "cpuspeed": SKIP, "memory": SKIP, "hypervisor": SKIP},
    "primary": {"name": Rename("name"), "url": Rename("url"), "tags": Rename("tags"),
                "scope": Rename("scope"), "details": SKIP, "hypervisor": SKIP,
                "provider": Ignored("Marvin does not pass `provider` to createStoragePool"),
                "capacitybytes": Ignored("Marvin does not pass `capacitybytes`"),
                "protocol": Ignored("Marvin does not pass `protocol`"),
                "path": Ignored("Marvin does not pass `path`"),
                "managed": Ignored("Marvin does not pass `managed`")},
    "secondary": {"url": Rename("url"), "provider": Rename("provider"), "details": SKIP,
                  "name": Ignored("Marvin does not pass a secondary storage `name`")},
    "iprange": _RANGE,
}


@dataclass(frozen=True)
class _Table:
    """A spec compiled once, so converting an object is one pass over its fields."""

    known: list[str]  # every key of the spec, for "did you mean" hints
    quiet: frozenset[str]  # keys that need no note: known and not ignored
    ignored: dict[str, str]  # key -> why Marvin reads past it
    fields: tuple[tuple[str, str, str | None], ...]  # (key, native key, child spec), in order



def marvin_key(kind: str, native: str) -> str | None:
    """The Marvin key a native key of element `kind` is read from (`kvmnetworklabel` of a
    traffic type is Marvin's `kvm`), for messages that tell a Marvin user what to write;
    None when Marvin has no key for it."""
    for key, field in SPECS.get(kind, {}).items():
        if isinstance(field, Rename) and field.native == native:
            return key
    return None

def _compile(spec: dict[str, Field]) -> _Table:
    ignored = {key: field.why for key, field in spec.items() if isinstance(field, Ignored)}
    fields = tuple((key, field.native, field.spec if isinstance(field, Children) else None)
                   for key, field in spec.items() if isinstance(field, Rename | Children))
    return _Table(list(spec), frozenset(spec.keys() - ignored.keys()), ignored, fields)


TABLES = {name: _compile(spec) for name, spec in SPECS.items()}


class MarvinImporter:
    """One Marvin config to native data; collects notes as it goes.

    The origin map holds only the paths that moved (a renamed key, a branch of
    `ipranges`): `Imported.source_path` finds every other path through its nearest
    mapped ancestor, so the 36,000 hosts of a large plan add no entries.
    """

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw
        self.result = Imported({})

    def run(self) -> Imported:
        raw = self.raw
        data = self.result.data
        self._check_keys(raw, (), (), TABLES["top"])
        zones = raw.get("zones")
        if isinstance(zones, list):
            data["zones"] = [self._zone(zone, ("zones", i), ("zones", i))
                             for i, zone in enumerate(zones)]
        else:
            data["zones"] = zones
        self._settings(raw.get("globalConfig"))
        self._management_servers(raw.get("mgtSvr"))
        return self.result

    # -- generic mapping ---------------------------------------------------------------
    def _check_keys(self, obj: dict[str, Any], raw_path: DataPath, path: DataPath,
                    table: _Table) -> None:
        for key in obj:
            if key in table.quiet:
                continue
            why = table.ignored.get(key)
            if why is not None:
                self.result.notes.append(Note("ignored-key", (*path, key), (*raw_path, key), why))
                continue
            hint = nearest(key, table.known)
            self.result.notes.append(Note(
                "unknown-key", (*path, key), (*raw_path, key),
                f"Marvin does not know `{clip(key)}`; it is ignored",
                f"did you mean `{hint}`?" if hint else None))

    def _object(self, obj: Any, raw_path: DataPath, path: DataPath, table: _Table) -> Any:
        if not isinstance(obj, dict):
            return obj
        if not table.quiet.issuperset(obj):
            self._check_keys(obj, raw_path, path, table)
        out: dict[str, Any] = {}
        origin = self.result.origin
        for key, native, child in table.fields:
            if key not in obj:
                continue
            value = obj[key]
            if native != key:
                origin[(*path, native)] = (*raw_path, key)
            if child is not None and isinstance(value, list):
                value = self._objects(value, (*raw_path, key), (*path, native), TABLES[child])
            out[native] = value
        return out

    def _objects(self, items: list[Any], raw_path: DataPath, path: DataPath,
                 table: _Table) -> list[Any]:
        return [self._object(item, (*raw_path, i), (*path, i), table)
                for i, item in enumerate(items)]

    # -- zones and their branches ----------------------------------------------------------
    def _zone(self, zone: Any, raw_path: DataPath, path: DataPath) -> Any:
        converted = self._object(zone, raw_path, path, TABLES["zone"])
        if not isinstance(converted, dict):
            return converted
        basic = str(zone.get("networktype", "")).lower() == "basic"
        sg = str(zone.get("securitygroupenabled", "")).lower() == "true"
        if sg and not basic and "guestcidraddress" in converted:
            # deployDataCenter drops guestcidraddress for security-group zones
            del converted["guestcidraddress"]
        self._pod_guest_ranges(zone, converted, raw_path, path, use=basic or sg)
        ranges = zone.get("ipranges")
        if isinstance(ranges, list) and ranges:
            self._ipranges(ranges, converted, raw_path, path, basic=basic, sg=sg,
                           eip=basic and self._first_pnet_has_public(zone))
        return converted

    @staticmethod
    def _first_pnet_has_public(zone: dict[str, Any]) -> bool:
        pnets = zone.get("physical_networks")
        if not isinstance(pnets, list) or not pnets or not isinstance(pnets[0], dict):
            return False
        types = pnets[0].get("traffictypes") or []
        return any(isinstance(t, dict) and str(t.get("typ", "")).lower() == "public"
                   for t in types)

    def _pod_guest_ranges(self, zone: dict[str, Any], converted: dict[str, Any],
                          raw_path: DataPath, path: DataPath, use: bool) -> None:
        pods = zone.get("pods")
        if not isinstance(pods, list):
            return
        for i, pod in enumerate(pods):
            if not isinstance(pod, dict) or not isinstance(pod.get("guestIpRanges"), list):
                continue
            raw = (*raw_path, "pods", i, "guestIpRanges")
            if not use:
                self.result.notes.append(Note(
                    "ignored-key", (*path, "pods", i, "guestIpRanges"), raw,
                    "Marvin ignores pod `guestIpRanges` in an advanced zone without security "
                    "groups"))
                continue
            target = (*path, "pods", i, "guest_ranges")
            self.result.origin[target] = raw
            converted["pods"][i]["guest_ranges"] = self._objects(pod["guestIpRanges"], raw, target,
                                                                TABLES["iprange"])

    def _ipranges(self, ranges: list[Any], converted: dict[str, Any], raw_path: DataPath,
                  path: DataPath, basic: bool, sg: bool, eip: bool) -> None:
        raw = (*raw_path, "ipranges")
        if not basic and sg:
            # deployDataCenter pops the last range into the shared SG network
            last = len(ranges) - 1
            target = (*path, "shared_networks", 0)
            shared = self._object(ranges[last], (*raw, last), target, TABLES["iprange"])
            if isinstance(shared, dict):
                self.result.origin[target] = (*raw, last)
                shared = {"name": "Shared SG enabled network", **shared}
            converted["shared_networks"] = [shared]
            for i in range(last):
                self.result.notes.append(Note(
                    "ignored-key", (*path, "ipranges", i), (*raw, i),
                    "Marvin uses only the last `ipranges` entry of a security-group zone (its "
                    "shared network); this range is never created"))
            return
        if basic and not eip:
            self.result.notes.append(Note(
                "ignored-key", (*path, "ipranges"), raw,
                "Marvin uses a basic zone's `ipranges` only for elastic IPs (public traffic on "
                "the first physical network); these ranges are never created"))
            return
        target = (*path, "public_ranges")
        self.result.origin[target] = raw
        converted["public_ranges"] = self._objects(ranges, raw, target, TABLES["iprange"])

    # -- top-level sections ------------------------------------------------------------
    def _settings(self, entries: Any) -> None:
        if not isinstance(entries, list):
            return
        settings: dict[str, Any] = {}
        for i, entry in enumerate(entries):
            if isinstance(entry, dict) and isinstance(entry.get("name"), str):
                settings[entry["name"]] = entry.get("value")
                self.result.origin[("settings", entry["name"])] = ("globalConfig", i, "value")
        if settings:
            self.result.data["settings"] = settings
            self.result.origin[("settings",)] = ("globalConfig",)

    def _management_servers(self, servers: Any) -> None:
        if not isinstance(servers, list):
            return
        out: list[dict[str, Any]] = []
        for i, server in enumerate(servers):
            if not isinstance(server, dict):
                continue
            address = server.get("mgtSvrIp")
            if not (isinstance(address, str) and is_ipv4(address)):
                continue  # "localhost" or a name: nothing to check addresses against
            index = len(out)
            self.result.origin[("management_servers", index)] = ("mgtSvr", i)
            self.result.origin[("management_servers", index, "ipaddress")] = ("mgtSvr", i,
                                                                             "mgtSvrIp")
            entry: dict[str, Any] = {"ipaddress": address}
            if isinstance(server.get("mgtSvrName"), str):
                entry["name"] = server["mgtSvrName"]
            out.append(entry)
        if out:
            self.result.data["management_servers"] = out


def looks_like_marvin(data: dict[str, Any]) -> bool:
    """Marvin configs have `mgtSvr`/`dbSvr`/`globalConfig`, or `traffictypes` in a zone."""
    if any(key in data for key in ("mgtSvr", "dbSvr", "globalConfig", "logger", "TestData")):
        return True
    zones = data.get("zones")
    if not isinstance(zones, list):
        return False
    for zone in zones:
        if not isinstance(zone, dict):
            continue
        if "ipranges" in zone or "secondaryStorages" in zone:
            return True
        pnets = zone.get("physical_networks")
        if isinstance(pnets, list) and any(isinstance(p, dict) and "traffictypes" in p
                                           for p in pnets):
            return True
    return False


def import_marvin(raw: dict[str, Any]) -> Imported:
    return MarvinImporter(raw).run()
