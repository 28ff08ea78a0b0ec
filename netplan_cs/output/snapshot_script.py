"""The shell script that writes a snapshot: one read-only `cmk list` call per file.

It is printed by `netplan-cs snapshot --script` and shown in the README, from the same
table the reader recognises listings by, so what it writes is what the reader reads.
"""

from __future__ import annotations

from netplan_cs.importers.snapshot_files import KINDS

# calls scoped to one parent: a file per parent, named so the reader knows which
_PER_PARENT = {
    "traffictype": ("physicalnetwork", "physicalnetworks.json",
                    "list traffictypes physicalnetworkid=\"$id\"",
                    "traffictypes-physicalnetwork-$id.json"),  # the file names the network
}
# listings that need a second call with other filters (system offerings, zone settings)
_EXTRA = (
    ("list serviceofferings issystem=true", "serviceofferings-system.json",
     "system offerings (routers', SSVMs', CPVMs' networkrate)"),
)
_ZONE_SETTINGS = ("list configurations zoneid=\"$id\"", "configurations-zone-$id.json")
PURPOSE = {
    "zone": "zones: type, DNS, guest CIDR, security groups",
    "pod": "pods: gateway, netmask, reserved system ranges (ipranges)",
    "physicalnetwork": "physical networks: isolation, guest VLAN ranges, tags",
    "traffictype": "traffic types and their hypervisor labels, per physical network",
    "vlaniprange": "public ranges, shared-network ranges, basic-zone pod guest ranges",
    "storagenetworkiprange": "storage network ranges of pods",
    "network": "shared networks: VLAN, gateway, netmask",
    "cluster": "clusters: pod and hypervisor",
    "host": "hypervisor hosts (type Routing): management addresses",
    "managementserver": "management servers' addresses",
    "imagestore": "secondary storage",
    "storagepool": "primary storage",
    "configuration": "global settings (and zone settings, one file per zone)",
    "serviceoffering": "compute offerings (networkrate)",
    "networkoffering": "network offerings (networkrate, specifyvlan)",
    "systemvm": "system VMs that exist (the budget counts them)",
    "router": "virtual routers that exist (the budget counts them)",
    "publicipaddress": "public IP addresses in use",
}


def snapshot_script() -> str:
    """A bash script that writes every listing into the folder it is given."""
    lines = [
        "#!/usr/bin/env bash",
        "# Write a CloudStack cloud's snapshot for netplan-cs, one file per listing.",
        "# Read-only calls; needs cmk, logged in as a root admin, and jq.",
        "# A call lists at most default.page.size (500) items: for more, add",
        "# page=2 pagesize=500 and write that page to another file (hosts-2.json).",
        "set -euo pipefail",
        'dir="${1:-snapshot}"',
        'mkdir -p -- "$dir"',
        'cd -- "$dir"',
    ]
    for kind in KINDS:
        if kind.item in _PER_PARENT:
            parent, parents_file, command, target = _PER_PARENT[kind.item]
            lines += [f"for id in $(jq -r '.{parent}[]?.id' {parents_file}); do",
                      f"  cmk -o json {command} \\", f'    > "{target}"', "done"]
            continue
        lines.append(f"cmk -o json {kind.command} > {kind.file}")
    for command, target, _ in _EXTRA:
        lines += [f"cmk -o json {command} \\", f"  > {target}"]
    command, target = _ZONE_SETTINGS
    lines += ["for id in $(jq -r '.zone[]?.id' zones.json); do",
              f"  cmk -o json {command} \\", f'    > "{target}"', "done"]
    return "\n".join(lines) + "\n"
