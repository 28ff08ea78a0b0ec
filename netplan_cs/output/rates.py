"""The rate table as text (for people) and as JSON version 1 (stable: fields only ever added)."""

from __future__ import annotations

from typing import Any

from tabulate import tabulate

from netplan_cs.facts.rates import RateSetting, RateTable
from netplan_cs.output.json_text import json_text


def _setting_source(setting: RateSetting) -> str:
    if setting.valid:
        return setting.source
    return f"default ({setting.source} value {setting.raw!r} is invalid)"


def rates_document(table: RateTable) -> dict[str, Any]:
    return {
        "version": 1,
        "settings": {name: {"value": s.value, "source": _setting_source(s)}
                     for name, s in table.settings.items()},
        "nics": [{"nic": row.nic, "offering": row.offering.name,
                  "offering_kind": row.offering.kind, "offering_rate": row.offering.networkrate,
                  "effective_mbps": row.effective_mbps, "unlimited": row.unlimited,
                  "kvm_kbps": row.kvm_kbps, "via": list(row.via)}
                 for row in table.rows],
    }


def render_json(table: RateTable) -> str:
    return json_text(rates_document(table))


def render_text(table: RateTable) -> str:
    settings = [[name, s.value, _setting_source(s)] for name, s in table.settings.items()]
    rows = [[row.nic, row.offering.name,
             "unlimited" if row.effective_mbps is None else row.effective_mbps,
             "-" if row.kvm_kbps is None else row.kvm_kbps, row.source, row.chain]
            for row in table.rows]
    return "\n".join([
        "Global settings (Mb/s; 0 = unlimited):",
        tabulate(settings, headers=["setting", "value", "source"], disable_numparse=True),
        "",
        tabulate(rows, headers=["NIC", "offering", "Mb/s", "KVM KB/s", "from", "chain"],
                 disable_numparse=True),
        "",
        "KVM KB/s is libvirt's <bandwidth average> (Mb/s x 125); unlimited NICs get none.",
    ]) + "\n"
