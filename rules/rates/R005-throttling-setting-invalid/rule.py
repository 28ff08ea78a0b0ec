"""R005 throttling-setting-invalid: a throttling setting that is not a whole number of Mb/s."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "R005"
NAME = "throttling-setting-invalid"
SEVERITY = "error"
ASSUMES_COMPLETE = ('settings',)
CLOUDSTACK = "refuses"
SUMMARY = ("network.throttling.rate or vm.network.throttling.rate is not a non-negative integer "
           "(Mb/s)")


def check(ctx: Any) -> Iterator[Finding]:
    for setting in ctx.facts.rates.occurrences:
        if setting.valid or setting.path is None:
            continue
        yield Finding(setting.path,
                      f"{setting.name} is {setting.raw!r}, not a non-negative integer: CloudStack "
                      f"reads this setting as a whole number of Mb/s (0 = unlimited); the rates "
                      f"shown assume CloudStack's default {setting.value}",
                      suggestion=f"write a whole number of Mb/s, e.g. {setting.value}; 0 means "
                      "unlimited")
