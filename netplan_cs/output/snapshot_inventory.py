"""What a snapshot holds: per file, the listing it was read as and what it is used for."""

from __future__ import annotations

from pathlib import Path

from tabulate import tabulate

from netplan_cs.importers.snapshot import import_snapshot
from netplan_cs.importers.snapshot_files import read_snapshot
from netplan_cs.load.limits import DEFAULT_LIMITS, Limits
from netplan_cs.output.snapshot_script import PURPOSE


def render_inventory(path: Path, limits: Limits = DEFAULT_LIMITS) -> str:
    files = read_snapshot(path, limits)
    rows = []
    for listing in files.listings:
        inside = ".".join(str(part) for part in listing.path[1:])
        rows.append([listing.path[0], inside, listing.kind.api, len(listing.items),
                     PURPOSE[listing.kind.item]])
    text = tabulate(rows, headers=["file", "at", "listing", "items", "used for"]) + "\n"
    imported = import_snapshot(files)
    if imported.notes:
        text += "\n" + "\n".join(f"- {note.message}" for note in imported.notes) + "\n"
    plan = imported.data
    zones = plan.get("zones", [])
    pods = sum(len(zone.get("pods", [])) for zone in zones)
    text += (f"\n{path}: {len(zones)} zone(s), {pods} pod(s); `netplan-cs lint {path}` "
             "checks it, P008 repeats what is missing above.\n")
    return text
