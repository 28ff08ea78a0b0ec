"""A snapshot's files: which list-API output each one holds, read without failing.

A snapshot is what `cmk -o json list ...` printed for a running cloud, one file per
listing in a folder, or several listings in one JSON file. Each file may hold cmk's
own shape (`{"count": 2, "zone": [...]}`), the API's (`{"listzonesresponse": {...}}`)
or listings keyed by API name (`{"listZones": {"listzonesresponse": {...}}}`). A file
that cannot be read, or holds no listing, is reported and the others are still read:
an operator's snapshot is linted as far as it goes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from netplan_cs.errors import InputError
from netplan_cs.load import read_source_file
from netplan_cs.load.bundle import SourceBundle
from netplan_cs.load.limits import DEFAULT_LIMITS, Limits
from netplan_cs.load.location import DataPath, Location


@dataclass(frozen=True)
class Kind:
    """One list API: the key of its items and the cmk command that lists them."""

    item: str  # `pod`: the key of the array in the response
    api: str  # `listPods`
    command: str  # `list pods`, as cmk takes it (with the filters a snapshot needs)
    file: str  # `pods.json`: where the snapshot script writes it


KINDS: tuple[Kind, ...] = (
    Kind("zone", "listZones", "list zones", "zones.json"),
    Kind("pod", "listPods", "list pods", "pods.json"),
    Kind("physicalnetwork", "listPhysicalNetworks",
         "list physicalnetworks", "physicalnetworks.json"),
    Kind("traffictype", "listTrafficTypes",
         "list traffictypes physicalnetworkid=ID", "traffictypes.json"),
    Kind("vlaniprange", "listVlanIpRanges", "list vlanipranges", "vlanipranges.json"),
    Kind("storagenetworkiprange", "listStorageNetworkIpRange",
         "list storagenetworkiprange", "storagenetworkipranges.json"),
    Kind("network", "listNetworks", "list networks type=Shared listall=true", "networks.json"),
    Kind("cluster", "listClusters", "list clusters", "clusters.json"),
    Kind("host", "listHosts", "list hosts type=Routing", "hosts.json"),
    Kind("managementserver", "listManagementServers",
         "list managementservers", "managementservers.json"),
    Kind("imagestore", "listImageStores", "list imagestores", "imagestores.json"),
    Kind("storagepool", "listStoragePools", "list storagepools", "storagepools.json"),
    Kind("configuration", "listConfigurations", "list configurations", "configurations.json"),
    Kind("serviceoffering", "listServiceOfferings",
         "list serviceofferings", "serviceofferings.json"),
    Kind("networkoffering", "listNetworkOfferings",
         "list networkofferings", "networkofferings.json"),
    Kind("systemvm", "listSystemVms", "list systemvms", "systemvms.json"),
    Kind("router", "listRouters", "list routers listall=true", "routers.json"),
    Kind("publicipaddress", "listPublicIpAddresses",
         "list publicipaddresses listall=true", "publicipaddresses.json"),
)
BY_ITEM = {kind.item: kind for kind in KINDS}
_BY_RESPONSE = {f"{kind.api.lower()}response": kind for kind in KINDS}
_BY_API = {kind.api.lower(): kind for kind in KINDS}
_SCOPED_NAME = re.compile(r"(?P<kind>[a-z]+?)s?-(?P<scope>zone|physicalnetwork)-(?P<id>[^.]+)\Z")


@dataclass(frozen=True)
class Listing:
    """The items one list call returned, where they are, and what the call was filtered by
    (a zone's configurations are only told apart by the file they were written to)."""

    kind: Kind
    path: DataPath  # of the item array, its file's key first
    items: tuple[Any, ...]
    scope: tuple[tuple[str, str], ...] = ()  # e.g. (("zoneid", "1f3..."),)


@dataclass(frozen=True)
class FileNote:
    path: DataPath  # in the bundle: the file's key first
    message: str


@dataclass
class SnapshotFiles:
    bundle: SourceBundle
    listings: list[Listing] = field(default_factory=list)
    notes: list[FileNote] = field(default_factory=list)

    def of(self, item: str) -> Iterator[tuple[Listing, int, dict[str, Any]]]:
        """Every item of one kind with its listing and index, in file order."""
        for listing in self.listings:
            if listing.kind.item == item:
                for index, entry in enumerate(listing.items):
                    if isinstance(entry, dict):
                        yield listing, index, entry

    def has(self, item: str) -> bool:
        return any(listing.kind.item == item for listing in self.listings)


def _scope_of(name: str) -> tuple[tuple[str, str], ...]:
    """`configurations-zone-<id>.json` holds what `list configurations zoneid=<id>` printed."""
    match = _SCOPED_NAME.match(Path(name).stem.lower())
    if match is None:
        return ()
    return ((f"{match['scope']}id", Path(name).stem[match.start("id"):]),)


def _response(node: dict[str, Any], path: DataPath,
              scope: tuple[tuple[str, str], ...]) -> list[Listing]:
    """The listings of one response body (`{"count": 2, "pod": [...]}`)."""
    found = []
    for key, value in node.items():
        kind = BY_ITEM.get(key)
        if kind is not None and isinstance(value, list | dict):
            items = tuple(value) if isinstance(value, list) else (value,)
            found.append(Listing(kind, (*path, key), items, scope))
    return found


def listings_in(data: Any, path: DataPath, scope: tuple[tuple[str, str], ...],
                notes: list[FileNote]) -> list[Listing]:
    """Every listing in one file's data, whichever of the three shapes it has."""
    if not isinstance(data, dict):
        notes.append(FileNote(path, "holds no list-API response (expected a JSON object such as "
                              "`cmk -o json list zones` prints)"))
        return []
    found = _response(data, path, scope)
    empty = "count" in data and not found  # `{"count": 0}`: an empty listing of some kind
    for key, value in data.items():
        lowered = key.lower()
        if not isinstance(value, dict) or key in BY_ITEM:
            continue
        if lowered in _BY_RESPONSE or lowered in _BY_API:
            inner = listings_in(value, (*path, key), scope, notes)
            kind = _BY_RESPONSE.get(lowered) or _BY_API[lowered]
            found.extend(inner or [Listing(kind, (*path, key), (), scope)])
        elif lowered.endswith("response") or re.match(r"[a-z]+[A-Z]", key):
            notes.append(FileNote((*path, key), f"`{key}` is not one of the listings a snapshot "
                                  "reads; ignored"))
    if not found and not empty and not notes:
        notes.append(FileNote(path, "holds no list-API response netplan-cs reads (expected "
                              "e.g. `{\"count\": 1, \"zone\": [...]}`); ignored"))
    return found


def _empty_listing(name: str, scope: tuple[tuple[str, str], ...]) -> Listing | None:
    """cmk prints nothing for a call that lists nothing: the file's name says what it was."""
    stem = Path(name).stem.lower().split("-", 1)[0]
    for kind in KINDS:
        if stem in (kind.item, Path(kind.file).stem):
            return Listing(kind, (name,), (), scope)
    return None


def read_snapshot(path: Path, limits: Limits = DEFAULT_LIMITS) -> SnapshotFiles:
    """Read every `*.json` of a folder (or one file) as list-API outputs."""
    if path.is_dir():
        members = sorted(p for p in path.iterdir() if p.is_file())
        names = {member: member.name for member in members}
    else:
        names = {path: path.name}
    snapshot = SnapshotFiles(SourceBundle(str(path)))
    for member, name in names.items():
        if member.suffix.lower() != ".json":
            if not name.startswith(".") and name.lower() not in ("readme", "readme.md"):
                snapshot.notes.append(FileNote((name,), "not a `.json` file; ignored"))
            continue
        scope = _scope_of(name)
        if member.stat().st_size == 0:
            empty = _empty_listing(name, scope)
            if empty is not None:
                snapshot.listings.append(empty)
            else:
                snapshot.notes.append(FileNote((name,), "is empty and its name says no listing"))
            continue
        try:
            source = read_source_file(member, limits, syntax="json")
        except InputError as error:
            spot = Location(error.line, error.column, error.line, error.column)
            snapshot.bundle.failed[name] = (str(member), spot)
            snapshot.notes.append(FileNote((name,), f"cannot be read: {error.message}"))
            continue
        snapshot.bundle.files[name] = source
        snapshot.listings.extend(listings_in(source.data, (name,), scope, snapshot.notes))
    if not snapshot.has("zone") and path.is_dir():
        raise InputError(path, "is a folder without a listZones output (zones.json), so it is "
                         "no snapshot of a cloud: a plan is one file; a snapshot folder holds "
                         "what the commands of `netplan-cs snapshot --help` write")
    return snapshot


def looks_like_snapshot(data: Any) -> bool:
    """A JSON file of list-API outputs rather than a plan (a plan has `zones`)."""
    if not isinstance(data, dict) or "zones" in data:
        return False
    return any(key in BY_ITEM or key.lower().endswith("response") or key.lower() in _BY_API
               for key in data)
