"""Synthetic CloudStack plans at provider scale, clean by construction.

    python benchmarks/generate.py --zones 10 --pods 400 --hosts 9 --public 10 --shared 5 OUT

writes OUT.yaml (native) and OUT.cfg (Marvin JSON) describing the same cloud.
`--shape identical` or `--shape nested` instead writes one zone with thousands of
identical (or nested) public ranges: the adversarial inputs for the overlap sweep.
`--shape repeated-hosts` gives every host of a zone the same address: two findings per
host, the largest report a plan of that size makes.

Address items = zones x pods x (1 reserved range + hosts) + zones x public ranges.
Each zone owns 10.<z>.0.0/16 for its pods (/26 each, up to 1,000 pods; the management
server sits at 10.0.0.50 in the first pod, outside its ranges), public ranges
in 100.<64+z>.<r>.0/24, shared networks in 172.<16+z>.<s>.0/24; nothing overlaps.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def pod_subnet(zone: int, pod: int) -> tuple[str, int]:
    """The /26 of a pod: its base as 'a.b.c' and the last octet of its network address."""
    return f"10.{zone}.{pod // 4}", (pod % 4) * 64


def native_plan(zones: int, pods: int, hosts: int, public: int, shared: int) -> dict[str, Any]:
    plan: dict[str, Any] = {
        "version": 1,
        "settings": {"check.pod.cidrs": True, "host": "10.0.0.50",
                     "management.network.cidr": "10.0.0.0/26"},
        "management_servers": [{"name": "ms1", "ipaddress": "10.0.0.50"}],
        "routed_prefixes": ["10.0.0.0/8"],
        "zones": []}
    for z in range(zones):
        zone: dict[str, Any] = {
            "name": f"zone{z}", "networktype": "advanced",
            "guestcidraddress": "10.250.0.0/16",
            "dns1": f"10.{z}.255.1", "internaldns1": f"10.{z}.255.2",
            "physical_networks": [{
                "name": f"physnet{z}", "isolationmethods": ["VLAN"], "vlan": "1000-2999",
                "traffic_types": [{"traffictype": t, "kvmnetworklabel": "cloudbr0"}
                                  for t in ("management", "guest", "public")]}],
            "public_ranges": [], "shared_networks": [], "pods": []}
        for r in range(public):
            net = f"100.{64 + z}.{r}"
            zone["public_ranges"].append({"gateway": f"{net}.1", "netmask": "255.255.255.0",
                                          "startip": f"{net}.10", "endip": f"{net}.250",
                                          "vlan": 500 + r})
        for s in range(shared):
            net = f"172.{16 + z}.{s}"
            zone["shared_networks"].append({
                "name": f"shared{s}", "vlan": 3000 + s, "gateway": f"{net}.1",
                "netmask": "255.255.255.0", "startip": f"{net}.10", "endip": f"{net}.250"})
        for p in range(pods):
            base, first = pod_subnet(z, p)
            zone["pods"].append({
                "name": f"pod{p}", "gateway": f"{base}.{first + 1}",
                "netmask": "255.255.255.192", "startip": f"{base}.{first + 2}",
                "endip": f"{base}.{first + 12}",
                "clusters": [{"name": f"cluster{p}", "hypervisor": "KVM",
                              "hosts": [{"name": f"z{z}p{p}h{h}",
                                         "ipaddress": f"{base}.{first + 20 + h}"}
                                        for h in range(hosts)]}]})
        plan["zones"].append(zone)
    return plan


def marvin_config(plan: dict[str, Any]) -> dict[str, Any]:
    """The same cloud in Marvin's spelling."""
    zones = []
    for zone in plan["zones"]:
        zones.append({
            "name": zone["name"], "networktype": "Advanced",
            "guestcidraddress": zone["guestcidraddress"], "dns1": zone["dns1"],
            "internaldns1": zone["internaldns1"],
            "physical_networks": [{
                "name": pnet["name"], "isolationmethods": pnet["isolationmethods"],
                "vlan": pnet["vlan"],
                "traffictypes": [{"typ": t["traffictype"].capitalize(), "kvm": "cloudbr0"}
                                 for t in pnet["traffic_types"]],
                "providers": [{"name": "VirtualRouter"}]} for pnet in zone["physical_networks"]],
            "ipranges": [{**r, "vlan": str(r["vlan"])} for r in zone["public_ranges"]],
            "pods": [{"name": pod["name"], "gateway": pod["gateway"], "netmask": pod["netmask"],
                      "startip": pod["startip"], "endip": pod["endip"],
                      "clusters": [{"clustername": c["name"], "hypervisor": "KVM",
                                    "clustertype": "CloudManaged",
                                    "hosts": [{"url": f"http://{h['ipaddress']}",
                                               "username": "root"} for h in c["hosts"]]}
                                   for c in pod["clusters"]]}
                     for pod in zone["pods"]]})
    return {"zones": zones, "mgtSvr": [{"mgtSvrIp": "10.0.0.50", "port": 8096}],
            "globalConfig": [{"name": name, "value": str(value)}
                             for name, value in plan["settings"].items()]}


def adversarial_plan(count: int, nested: bool) -> dict[str, Any]:
    """One zone whose public ranges are all identical, or nested like onion skins."""
    plan = native_plan(1, 1, 1, 0, 0)
    ranges = plan["zones"][0]["public_ranges"]
    for i in range(count):
        start, end = (10 + i % 100, 250 - i % 100) if nested else (10, 250)
        ranges.append({"gateway": "100.64.0.1", "netmask": "255.255.255.0",
                       "startip": f"100.64.0.{start}", "endip": f"100.64.0.{end}",
                       "vlan": 500})
    return plan


def repeated_hosts_plan(zones: int, pods: int, hosts: int) -> dict[str, Any]:
    """A clean plan but for one mistake made everywhere: every host of a zone has the
    zone's first host address, so each host after the first is a duplicate (P006) and
    outside its pod (A012): two findings per host, the shape of a worst-case report."""
    plan = native_plan(zones, pods, hosts, 0, 0)
    for zone in plan["zones"]:
        first = zone["pods"][0]["clusters"][0]["hosts"][0]["ipaddress"]
        for pod in zone["pods"]:
            for host in pod["clusters"][0]["hosts"]:
                host["ipaddress"] = first
    return plan


def write_plan(plan: dict[str, Any], out: Path) -> None:
    from netplan_cs.output.yaml_emit import to_yaml

    out.with_suffix(".yaml").write_text(to_yaml(plan), encoding="utf-8")
    out.with_suffix(".cfg").write_text(json.dumps(marvin_config(plan), indent=1),
                                       encoding="utf-8")


def items(zones: int, pods: int, hosts: int, public: int) -> int:
    return zones * pods * (1 + hosts) + zones * public


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="output path without suffix")
    parser.add_argument("--zones", type=int, default=10)
    parser.add_argument("--pods", type=int, default=400)
    parser.add_argument("--hosts", type=int, default=9)
    parser.add_argument("--public", type=int, default=10)
    parser.add_argument("--shared", type=int, default=5)
    parser.add_argument("--shape", choices=["clean", "identical", "nested", "repeated-hosts"],
                        default="clean")
    parser.add_argument("--count", type=int, default=3000, help="ranges for adversarial shapes")
    args = parser.parse_args()
    if args.shape == "clean":
        plan = native_plan(args.zones, args.pods, args.hosts, args.public, args.shared)
        print(f"{items(args.zones, args.pods, args.hosts, args.public)} address items")
    elif args.shape == "repeated-hosts":
        plan = repeated_hosts_plan(args.zones, args.pods, args.hosts)
    else:
        plan = adversarial_plan(args.count, nested=args.shape == "nested")
    write_plan(plan, args.out)


if __name__ == "__main__":
    main()
