"""A running cloud's snapshot (list-API outputs) to the native plan data.

Every element is placed under its parent by the id the API gives (`zoneid`, `podid`,
`clusterid`, `physicalnetworkid`, `networkid`), and every field it carries keeps the
path of the JSON value it came from, so a finding points into the file cmk wrote. What
a snapshot does not list is said (a note, P008) and recorded as incomplete, so rules that
judge absence (no public traffic, no secondary storage) stay quiet about what is merely
unlisted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from netplan_cs.importers.common import Imported, InUse, Note
from netplan_cs.importers.snapshot_files import BY_ITEM, Listing, SnapshotFiles
from netplan_cs.load.location import DataPath

# list-API field -> native field, per element (the API's spelling differs in places)
_ZONE = (("name", "name"), ("networktype", "networktype"),
         ("securitygroupenabled", "securitygroupsenabled"),
         ("guestcidraddress", "guestcidraddress"), ("dns1", "dns1"), ("dns2", "dns2"),
         ("internaldns1", "internaldns1"), ("internaldns2", "internaldns2"),
         ("domain", "domain"), ("localstorageenabled", "localstorageenabled"))
_PHYSICAL = (("name", "name"), ("vlan", "vlan"), ("broadcastdomainrange", "broadcastdomainrange"),
             ("networkspeed", "networkspeed"))
_TRAFFIC = (("traffictype", "traffictype"), ("kvmnetworklabel", "kvmnetworklabel"),
            ("xennetworklabel", "xennetworklabel"), ("vmwarenetworklabel", "vmwarenetworklabel"),
            ("hypervnetworklabel", "hypervnetworklabel"),
            ("ovm3networklabel", "ovm3networklabel"))
_POD = (("name", "name"), ("gateway", "gateway"), ("netmask", "netmask"))
_RANGE = (("gateway", "gateway"), ("netmask", "netmask"), ("startip", "startip"),
          ("endip", "endip"), ("vlan", "vlan"))
_POD_RANGE = (("startip", "startip"), ("endip", "endip"), ("vlan", "vlanid"),
              ("forsystemvms", "forsystemvms"))
_CLUSTER = (("name", "name"), ("hypervisor", "hypervisortype"), ("clustertype", "clustertype"))
_HOST = (("name", "name"), ("ipaddress", "ipaddress"), ("hosttags", "hosttags"))
_NETWORK = (("name", "name"), ("vlan", "vlan"), ("gateway", "gateway"), ("netmask", "netmask"),
            ("networkoffering", "networkofferingname"))
_POOL = (("name", "name"), ("tags", "tags"), ("provider", "provider"))
_STORE = (("name", "name"), ("url", "url"), ("provider", "providername"))
_SERVICE = (("name", "name"), ("networkrate", "networkrate"), ("cpunumber", "cpunumber"),
            ("cpuspeed", "cpuspeed"), ("memory", "memory"))
_SYSTEM = (("name", "name"), ("systemvmtype", "systemvmtype"), ("networkrate", "networkrate"))
_NETWORK_OFFERING = (("name", "name"), ("guestiptype", "guestiptype"),
                     ("specifyvlan", "specifyvlan"), ("networkrate", "networkrate"),
                     ("forvpc", "forvpc"))
_MANAGEMENT = (("name", "name"), ("ipaddress", "ipaddress"))
# storage pool types (Storage.StoragePoolType) to the URL scheme createStoragePool takes
_POOL_SCHEME = {"networkfilesystem": "nfs", "iscsilun": "iscsi", "presetup": "presetup",
                "sharedmountpoint": "sharedmountpoint", "rbd": "rbd", "clvm": "clvm",
                "vmfs": "vmfs", "gluster": "gluster", "filesystem": "file"}

# what a snapshot without a listing leaves unknown, by the model's collection names
UNLISTED = {"pod": ("pods",), "physicalnetwork": ("physical_networks",),
            "traffictype": ("traffic_types",), "vlaniprange": ("public_ranges", "guest_ranges"),
            "storagenetworkiprange": ("storage_ranges",), "network": ("shared_networks",),
            "cluster": ("clusters",), "host": ("hosts",), "imagestore": ("secondary_storage",),
            "storagepool": ("primary_storage",), "configuration": ("settings",),
            "managementserver": ("management_servers",), "serviceoffering": ("offerings",),
            "networkoffering": ("offerings",)}
_NEEDED = ("zone", *UNLISTED)
# what the API never says of a running cloud: rules resting on these do not run on a snapshot
NEVER_LISTED = frozenset({"csp_installed", "routed_prefixes"})


def _present(value: Any) -> bool:
    return value is not None and value != ""


def _csv(value: Any) -> Any:
    """`"VLAN,VXLAN"` as the list the plan writes; anything else as it is."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


@dataclass
class _Builder:
    files: SnapshotFiles
    data: dict[str, Any] = field(default_factory=lambda: {"version": 1, "zones": []})
    origin: dict[DataPath, DataPath] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    in_use: list[InUse] = field(default_factory=list)
    zones: dict[Any, int] = field(default_factory=dict)
    pods: dict[Any, DataPath] = field(default_factory=dict)
    clusters: dict[Any, DataPath] = field(default_factory=dict)
    physical: dict[Any, tuple[DataPath, str]] = field(default_factory=dict)
    networks: dict[Any, DataPath] = field(default_factory=dict)

    def note(self, where: DataPath, message: str) -> None:
        self.notes.append(Note("snapshot", where, where, message))

    def node(self, path: DataPath) -> Any:
        node: Any = self.data
        for key in path:
            node = node[key]
        return node

    def element(self, parent: DataPath, source: DataPath, entry: dict[str, Any],
                fields: Iterable[tuple[str, str]]) -> DataPath:
        """Append an element to the list at `parent`, copying `fields`; its path."""
        items = self.node(parent)
        path = (*parent, len(items))
        items.append({})
        self.origin[path] = source
        self.copy(path, source, entry, fields)
        return path

    def copy(self, path: DataPath, source: DataPath, entry: dict[str, Any],
             fields: Iterable[tuple[str, str]]) -> None:
        for native, key in fields:
            if _present(entry.get(key)):
                self.put(path, native, entry[key], (*source, key))

    def put(self, path: DataPath, native: str, value: Any, source: DataPath) -> None:
        self.node(path)[native] = value
        self.origin[(*path, native)] = source

    def parent(self, table: dict[Any, Any], entry: dict[str, Any], key: str, where: DataPath,
               what: str, listing: str) -> Any:
        """The parent an element names by id, or a note that the snapshot lacks it."""
        found = table.get(entry.get(key))
        if found is None:
            shown = entry.get("name") or what
            self.note(where, f"{what} {shown!r} belongs to {key} {entry.get(key)!r}, which "
                      f"the snapshot's {listing} listing does not hold; it is left out")
        return found


def _zones(b: _Builder) -> None:
    for listing, index, entry in b.files.of("zone"):
        path = b.element(("zones",), (*listing.path, index), entry, _ZONE)
        b.zones[entry.get("id")] = path[1]  # type: ignore[assignment]
        if _present(entry.get("vlan")):
            b.note((*listing.path, index, "vlan"), "a zone-wide `vlan` (CloudStack 2.x) is the "
                   "guest VLAN range of a zone without physical networks; netplan-cs reads "
                   "guest VLANs from physical networks, so it is not checked")


def _zone_path(b: _Builder, listing: Listing, index: int, entry: dict[str, Any],
               what: str) -> DataPath | None:
    zone = b.parent(b.zones, entry, "zoneid", (*listing.path, index), what, "zones")
    return None if zone is None else ("zones", zone)


def _physical_networks(b: _Builder) -> None:
    for listing, index, entry in b.files.of("physicalnetwork"):
        source = (*listing.path, index)
        zone = _zone_path(b, listing, index, entry, "physical network")
        if zone is None:
            continue
        b.node(zone).setdefault("physical_networks", [])
        path = b.element((*zone, "physical_networks"), source, entry, _PHYSICAL)
        for key, native in (("isolationmethods", "isolationmethods"), ("tags", "tags")):
            if _present(entry.get(key)):
                b.put(path, native, _csv(entry[key]), (*source, key))
        b.physical[entry.get("id")] = (path, str(entry.get("name") or ""))


def _traffic_types(b: _Builder) -> None:
    for listing, index, entry in b.files.of("traffictype"):
        scoped = dict(listing.scope)
        if "physicalnetworkid" not in entry and "physicalnetworkid" in scoped:
            entry = {**entry, "physicalnetworkid": scoped["physicalnetworkid"]}
        found = b.parent(b.physical, entry, "physicalnetworkid", (*listing.path, index),
                         "traffic type", "physical networks")
        if found is None:
            continue
        network = found[0]
        b.node(network).setdefault("traffic_types", [])
        b.element((*network, "traffic_types"), (*listing.path, index), entry, _TRAFFIC)


def _pod_ranges(b: _Builder, pod: DataPath, source: DataPath, entry: dict[str, Any]) -> None:
    """A pod's reserved system ranges: `ipranges` (4.x), else parallel `startip`/`endip`
    lists, else the single pair of 2.x/3.x. The first is the pod's own, the rest are
    createManagementNetworkIpRange's. Each value keeps its own source path."""
    ranges: list[dict[str, tuple[Any, DataPath]]] = []
    if isinstance(entry.get("ipranges"), list):
        for i, item in enumerate(entry["ipranges"]):
            if isinstance(item, dict):
                where = (*source, "ipranges", i)
                ranges.append({key: (value, (*where, key)) for key, value in item.items()})
    elif isinstance(entry.get("startip"), list):
        ends: list[Any] = entry["endip"] if isinstance(entry.get("endip"), list) else []
        for i, start in enumerate(entry["startip"]):
            ranges.append({"startip": (start, (*source, "startip", i))})
            if i < len(ends):
                ranges[-1]["endip"] = (ends[i], (*source, "endip", i))
    elif _present(entry.get("startip")):
        ranges.append({key: (entry[key], (*source, key)) for key in ("startip", "endip")
                       if key in entry})
    for number, values in enumerate(ranges):
        if number == 0:
            target = pod
        else:
            b.node(pod).setdefault("management_ranges", [])
            target = b.element((*pod, "management_ranges"), values["startip"][1][:-1]
                               if "startip" in values else source, {}, ())
        for native, key in _POD_RANGE:
            if key in values and _present(values[key][0]):
                b.put(target, native, values[key][0], values[key][1])


def _pods(b: _Builder) -> None:
    for listing, index, entry in b.files.of("pod"):
        zone = _zone_path(b, listing, index, entry, "pod")
        if zone is None:
            continue
        b.node(zone).setdefault("pods", [])
        source = (*listing.path, index)
        path = b.element((*zone, "pods"), source, entry, _POD)
        _pod_ranges(b, path, source, entry)
        b.pods[entry.get("id")] = path


def _child(b: _Builder, table: dict[Any, Any], entry: dict[str, Any], key: str,
           listing: Listing, index: int, what: str, parents: str, collection: str,
           fields: Iterable[tuple[str, str]]) -> DataPath | None:
    parent = b.parent(table, entry, key, (*listing.path, index), what, parents)
    if parent is None:
        return None
    b.node(parent).setdefault(collection, [])
    return b.element((*parent, collection), (*listing.path, index), entry, fields)


def _clusters_and_hosts(b: _Builder) -> None:
    for listing, index, entry in b.files.of("cluster"):
        path = _child(b, b.pods, entry, "podid", listing, index, "cluster", "pods", "clusters",
                      _CLUSTER)
        if path is not None:
            b.clusters[entry.get("id")] = path
    for listing, index, entry in b.files.of("host"):
        if entry.get("type", "Routing") != "Routing":
            continue  # the SSVM's and console proxy's own entries, not hypervisor hosts
        _child(b, b.clusters, entry, "clusterid", listing, index, "host", "clusters", "hosts",
               _HOST)


def _pool_url(entry: dict[str, Any]) -> str | None:
    scheme = _POOL_SCHEME.get(str(entry.get("type", "")).lower())
    if scheme is None or not _present(entry.get("ipaddress")):
        return None
    path = str(entry.get("path") or "")
    return f"{scheme}://{entry['ipaddress']}{'' if path.startswith('/') or not path else '/'}{path}"


def _storage(b: _Builder) -> None:
    for listing, index, entry in b.files.of("storagepool"):
        source = (*listing.path, index)
        scope = str(entry.get("scope") or ("cluster" if entry.get("clusterid") else "zone")).lower()
        if scope == "host":
            continue  # local storage: the zone's `localstorageenabled` says it
        table, key, parents = ((b.clusters, "clusterid", "clusters") if scope == "cluster"
                               else ({k: ("zones", v) for k, v in b.zones.items()}, "zoneid",
                                     "zones"))
        path = _child(b, table, entry, key, listing, index, "storage pool", parents,
                      "primary_storage", _POOL)
        if path is None:
            continue
        b.put(path, "scope", scope, (*source, "scope") if "scope" in entry else source)
        url = _pool_url(entry)
        if url is not None:
            b.put(path, "url", url, (*source, "ipaddress"))
    for listing, index, entry in b.files.of("imagestore"):
        if _present(entry.get("zoneid")):
            zone = _zone_path(b, listing, index, entry, "image store")
            targets = [] if zone is None else [zone]
        else:  # region-wide (S3, Swift): every zone's secondary storage
            targets = [("zones", i) for i in b.zones.values()]
        for zone in targets:
            b.node(zone).setdefault("secondary_storage", [])
            b.element((*zone, "secondary_storage"), (*listing.path, index), entry, _STORE)


def _networks(b: _Builder) -> None:
    for listing, index, entry in b.files.of("network"):
        if str(entry.get("type", "")).lower() != "shared":
            continue  # isolated and L2 networks are the tenants' demand, not the plan's
        source = (*listing.path, index)
        zone = _zone_path(b, listing, index, entry, "shared network")
        if zone is None or str(b.node(zone).get("networktype", "")).lower() == "basic":
            continue  # a basic zone's one guest network: its ranges are its pods' guest ranges
        b.node(zone).setdefault("shared_networks", [])
        path = b.element((*zone, "shared_networks"), source, entry, _NETWORK)
        if "vlan" not in b.node(path) and _present(entry.get("broadcasturi")):
            b.put(path, "vlan", entry["broadcasturi"], (*source, "broadcasturi"))
        physical = b.physical.get(entry.get("physicalnetworkid"))
        if physical is not None:
            b.put(path, "physical_network", physical[1], (*source, "physicalnetworkid"))
        b.networks[entry.get("id")] = path


def _vlan_ranges(b: _Builder) -> None:
    for listing, index, entry in b.files.of("vlaniprange"):
        source = (*listing.path, index)
        if _present(entry.get("podid")) and not entry.get("forvirtualnetwork"):
            _child(b, b.pods, entry, "podid", listing, index, "guest IP range", "pods",
                   "guest_ranges", _RANGE)
            continue
        if _present(entry.get("networkid")) and entry.get("networkid") in b.networks:
            network = b.networks[entry["networkid"]]
            if "startip" in b.node(network):
                b.note(source, f"a second IP range of shared network "
                       f"{b.node(network).get('name')!r}: netplan-cs checks one range per "
                       "shared network, so this one is not checked")
            else:
                b.copy(network, source, entry, (("startip", "startip"), ("endip", "endip")))
            continue
        if not entry.get("forvirtualnetwork"):
            b.note(source, "a direct (not public) IP range of a network the snapshot's "
                   "networks listing does not hold; it is not checked")
            continue
        zone = _zone_path(b, listing, index, entry, "public IP range")
        if zone is None:
            continue
        b.node(zone).setdefault("public_ranges", [])
        path = b.element((*zone, "public_ranges"), source, entry,
                         (*_RANGE, ("forsystemvms", "forsystemvms")))
        physical = b.physical.get(entry.get("physicalnetworkid"))
        if physical is not None:
            b.put(path, "physical_network", physical[1], (*source, "physicalnetworkid"))
    for listing, index, entry in b.files.of("storagenetworkiprange"):
        _child(b, b.pods, entry, "podid", listing, index, "storage network IP range", "pods",
               "storage_ranges", _RANGE)


def _settings(b: _Builder) -> None:
    for listing, index, entry in b.files.of("configuration"):
        name, value = entry.get("name"), entry.get("value")
        if not isinstance(name, str) or value is None:
            continue
        zone_id = dict(listing.scope).get("zoneid")
        if zone_id is None:
            target: DataPath = ()
        elif zone_id in b.zones:
            target = ("zones", b.zones[zone_id])
        else:
            b.note(listing.path, f"zone-scoped settings of zone id {zone_id!r}, which the "
                   "snapshot's zones listing does not hold; left out")
            break
        b.node(target).setdefault("settings", {})
        b.put((*target, "settings"), name, value, (*listing.path, index, "value"))


def _offerings(b: _Builder) -> None:
    """Compute and system offerings share listServiceOfferings (`issystem` tells them
    apart); network offerings have their own listing."""
    fields: tuple[tuple[str, str], ...]
    for kind in ("serviceoffering", "networkoffering"):
        for listing, index, entry in b.files.of(kind):
            if kind == "networkoffering":
                group, fields = "network", _NETWORK_OFFERING
            elif entry.get("issystem"):
                group, fields = "system", _SYSTEM
            else:
                group, fields = "service", _SERVICE
            b.data.setdefault("offerings", {}).setdefault(group, [])
            b.element(("offerings", group), (*listing.path, index), entry, fields)


def _management_servers(b: _Builder) -> None:
    for listing, index, entry in b.files.of("managementserver"):
        if not _present(entry.get("ipaddress")):
            continue  # older CloudStack does not say where a management server is
        b.data.setdefault("management_servers", [])
        b.element(("management_servers",), (*listing.path, index), entry, _MANAGEMENT)


_SYSTEM_VMS = {"secondarystoragevm": ("ssvms", "secondary storage VM"),
               "consoleproxy": ("cpvms", "console proxy VM")}


def _allocations(b: _Builder) -> None:
    """What the cloud has given out: each zone's system VMs become its demand (the budget
    counts what exists), public addresses in use beyond theirs its `extra_public_ips`, and
    every address is kept so a change cannot drop a range still in use (A018)."""
    names = {zone_id: b.node(("zones", index)).get("name", "") for zone_id, index in
             b.zones.items()}
    basic = {zone_id for zone_id, index in b.zones.items()
             if str(b.node(("zones", index)).get("networktype", "")).lower() == "basic"}
    pods = {pod_id: b.node(path).get("name") for pod_id, path in b.pods.items()}
    counts: dict[tuple[Any, str], int] = {}
    public: dict[tuple[Any, str], bool] = {}  # (zone, address) -> held by a system VM

    def take(zone: Any, address: Any, kind: str, owner: str, source: DataPath,
             pod: Any = None, system: bool = False) -> None:
        if zone not in names or not _present(address) or (zone, str(address)) in public:
            return
        if kind == "private" and pod not in pods:
            return
        if kind == "public":
            public[(zone, str(address))] = system
        b.in_use.append(InUse(str(address), kind, names[zone], pods.get(pod), owner, source))

    for listing, index, entry in b.files.of("systemvm"):
        kind = _SYSTEM_VMS.get(str(entry.get("systemvmtype", "")).lower())
        zone, source = entry.get("zoneid"), (*listing.path, index)
        if kind is None or zone not in names:
            continue
        counts[(zone, kind[0])] = counts.get((zone, kind[0]), 0) + 1
        owner = f"{kind[1]} {entry.get('name', '')}".strip()
        take(zone, entry.get("privateip"), "private", owner, (*source, "privateip"),
             pod=entry.get("podid"))
        take(zone, entry.get("publicip"), "public", owner, (*source, "publicip"), system=True)
    for listing, index, entry in b.files.of("router"):
        zone, source = entry.get("zoneid"), (*listing.path, index)
        owner = f"virtual router {entry.get('name', '')}".strip()
        take(zone, entry.get("publicip"), "public", owner, (*source, "publicip"))
        if zone in basic:  # a basic zone's router takes its address from a pod guest range
            take(zone, entry.get("guestipaddress"), "public", owner,
                 (*source, "guestipaddress"))
    for listing, index, entry in b.files.of("publicipaddress"):
        take(entry.get("zoneid"), entry.get("ipaddress"), "public",
             f"public IP of {entry.get('account') or 'an account'}",
             (*listing.path, index, "ipaddress"))
    for (zone, _), system in public.items():
        if not system and zone not in basic:
            counts[(zone, "extra_public_ips")] = counts.get((zone, "extra_public_ips"), 0) + 1
    listed = {"ssvms": b.files.has("systemvm"), "cpvms": b.files.has("systemvm"),
              "extra_public_ips": b.files.has("publicipaddress") or b.files.has("router")}
    for zone_id, index in b.zones.items():
        demand = {field: counts.get((zone_id, field), 0) for field, known in listed.items()
                  if known}
        if demand:
            b.put(("zones", index), "demand", demand, b.origin[("zones", index)])


def import_snapshot(files: SnapshotFiles) -> Imported:
    """The plan a snapshot describes, with the origin of every value and what it lacks."""
    b = _Builder(files)
    for step in (_zones, _physical_networks, _traffic_types, _pods, _clusters_and_hosts,
                 _storage, _networks, _vlan_ranges, _settings, _offerings,
                 _management_servers, _allocations):
        step(b)
    for note in files.notes:
        b.note(note.path, f"{note.path[-1]}: {note.message}" if len(note.path) == 1
               else note.message)
    missing = [item for item in _NEEDED if not files.has(item)]
    if missing:
        apis = ", ".join(BY_ITEM[item].api for item in missing)
        b.notes.append(Note(
            "snapshot", (), (), f"the snapshot has no output of {apis}",
            "write each listing with the commands `netplan-cs snapshot --help` shows (e.g. "
            f"`cmk -o json {BY_ITEM[missing[0]].command} > {BY_ITEM[missing[0]].file}`)",
            tuple(name for item in missing for name in UNLISTED.get(item, ()))))
    incomplete = NEVER_LISTED | {name for item in missing for name in UNLISTED.get(item, ())}
    return Imported(b.data, b.origin, b.notes, incomplete, b.in_use)
