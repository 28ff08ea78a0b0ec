"""C007 system-vm-pool-strict: strict system VM reservation with `forsystemvms` ranges that
cannot hold every SSVM and CPVM."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related
from netplan_cs.facts.budget import MANAGEMENT_STRICT, PUBLIC_STRICT, strict
from netplan_cs.load.location import DataPath

ID = "C007"
NAME = "system-vm-pool-strict"
SEVERITY = "error"
ASSUMES_COMPLETE = ('public_ranges', 'settings')
CLOUDSTACK = "fails-later"
SUMMARY = ("strict system VM IP reservation while the `forsystemvms` ranges hold fewer "
           "addresses than SSVMs + CPVMs")


def _setting_path(zone: Any, index: int, name: str) -> DataPath:
    return ("zones", index, "settings", name) if name in zone.settings else ("settings", name)


def check(ctx: Any) -> Iterator[Finding]:
    for zone in ctx.facts.budgets:
        z = zone.zone
        system_vms = z.demand.ssvms + z.demand.cpvms
        if strict(ctx.plan, z, MANAGEMENT_STRICT):
            setting = Related(_setting_path(z, zone.index, MANAGEMENT_STRICT),
                              f"{MANAGEMENT_STRICT} is true")
            for pod in zone.pods:
                if pod.system_pool >= system_vms or ctx.document.damaged(pod.path):
                    continue
                yield Finding(
                    pod.reserved_path,
                    f"pod {pod.pod.name}: `{MANAGEMENT_STRICT}` is true, so SSVMs and CPVMs "
                    f"take management addresses only from `forsystemvms` ranges, which hold "
                    f"{pod.system_pool}; {system_vms} are needed ({z.demand.ssvms} SSVM + "
                    f"{z.demand.cpvms} CPVM); CloudStack: \"Unable to get a management ip "
                    "address\"",
                    related=(setting,),
                    suggestion=f"flag a management range of at least {system_vms} addresses "
                               "`forsystemvms: true`, or turn the strictness off")
        public = zone.public
        if (public is not None and public.part("ssvm") + public.part("cpvm")
                and strict(ctx.plan, z, PUBLIC_STRICT)
                and zone.public_system_pool < system_vms
                and not ctx.document.damaged((*zone.path, "public_ranges"))):
            yield Finding(
                zone.public_path,
                f"zone {z.name}: `{PUBLIC_STRICT}` is true, so SSVMs and CPVMs take public "
                f"addresses only from `forsystemvms` ranges, which hold "
                f"{zone.public_system_pool}; {system_vms} are needed; CloudStack: "
                "\"Insufficient address capacity\"",
                related=(Related(_setting_path(z, zone.index, PUBLIC_STRICT),
                                 f"{PUBLIC_STRICT} is true"),),
                suggestion=f"add a public range of at least {system_vms} addresses with "
                           "`forsystemvms: true`, or turn the strictness off")
