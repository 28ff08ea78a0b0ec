"""CloudStack's defaults for the global settings the plan's rules read.

Sources: server/.../configuration/Config.java and the ConfigKeys named in
../shared/research/cloudstack-rules.md (sections 2.10, 3.1, 4).
"""

from __future__ import annotations

from typing import Any

DEFAULTS: dict[str, Any] = {
    "network.throttling.rate": 200,
    "vm.network.throttling.rate": 200,
    "check.pod.cidrs": True,
    "control.cidr": "169.254.0.0/16",
    "control.gateway": "169.254.0.1",
    "allow.non.rfc1918.compliant.ips": False,
    "host": None,
    "management.network.cidr": None,
    "pod.privateip.capacity.notificationthreshold": 0.75,
    "zone.virtualnetwork.publicip.capacity.notificationthreshold": 0.75,
    "zone.vlan.capacity.notificationthreshold": 0.75,
    "zone.directnetwork.publicip.capacity.notificationthreshold": 0.75,
    "system.vm.public.ip.reservation.mode.strictness": False,
    "system.vm.management.ip.reservation.mode.strictness": False,
    "vmware.management.portgroup": "Management Network",
    "vr.private.interface.max.mtu": 1500,
    "vpc.max.networks": 3,
}
