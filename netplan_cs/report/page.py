"""The report page: one self-contained HTML file (inline CSS and SVG, no script, no fetch).

It must open from a USB stick in an air-gapped data centre, print one zone per page,
and read well in dark mode.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from netplan_cs import __version__
from netplan_cs.document import PlanDocument
from netplan_cs.engine.findings import LocatedFinding
from netplan_cs.facts import Facts
from netplan_cs.facts.host_setup import host_setup, preflight
from netplan_cs.output.budget import zone_rows
from netplan_cs.output.rates import rates_document
from netplan_cs.output.trunks import trunk_items
from netplan_cs.report.address_map import PURPOSES, anchor, zone_address_map
from netplan_cs.report.vlan_map import zone_vlan_map

STYLE = """
:root { --fg: #1b1f24; --bg: #ffffff; --muted: #59636e; --line: #d0d7de; --subnet: #eef1f4;
  --reserved: #8250df; --public: #0969da; --guest: #1a7f37; --storage: #bf8700;
  --shared: #1b7c83; --host: #24292f; --gateway: #cf222e; --server: #953800;
  --conflict: #d1242f; --gauge: #0969da; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d;
    --subnet: #21262d; --reserved: #a371f7; --public: #4493f8; --guest: #3fb950;
    --storage: #d29922; --shared: #39c5cf; --host: #e6edf3; --gateway: #ff7b72;
    --server: #f0883e; --conflict: #ff4d4f; --gauge: #4493f8; } }
body { font: 14px/1.45 system-ui, sans-serif; color: var(--fg); background: var(--bg);
  margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1, h2, h3 { line-height: 1.2; } h2 { border-bottom: 1px solid var(--line); }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
td, th { border-bottom: 1px solid var(--line); padding: .2rem .6rem; text-align: left;
  vertical-align: top; overflow-wrap: anywhere; }
code { font-size: 90%; background: var(--subnet); padding: 0 .2rem; border-radius: 3px; }
.banner { border-left: 4px solid var(--conflict); padding: .3rem .8rem; }
.muted, .label { color: var(--muted); fill: var(--muted); font-size: 11px; }
svg.bar { display: block; margin: .3rem 0 .6rem; max-width: 100%; height: auto; }
.subnet { fill: var(--subnet); stroke: var(--line); }
.reserved { fill: var(--reserved); } .public { fill: var(--public); }
.guest { fill: var(--guest); } .storage { fill: var(--storage); }
.shared { fill: var(--shared); } .host { fill: var(--host); }
.gateway { fill: var(--gateway); } .server { fill: var(--server); }
.conflict { fill: var(--conflict); fill-opacity: .85; stroke: var(--conflict); }
.legend span { display: inline-block; margin-right: 1rem; }
.legend i { display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem;
  vertical-align: -1px; }
.gauge { width: 12rem; height: .7rem; background: var(--subnet); border: 1px solid var(--line); }
.gauge b { display: block; height: 100%; background: var(--gauge); }
.gauge.alert b { background: var(--conflict); }
.error { color: var(--conflict); font-weight: 600; } .warning { color: var(--storage); }
ul.checklist { list-style: none; padding-left: 1rem; }
ul.checklist li::before { content: "\\2610  "; }
a { color: var(--public); }
@media print { .zone { break-before: page; } body { margin: 0; max-width: none; }
  a { color: inherit; text-decoration: none; } }
"""


def _legend() -> str:
    names = {"reserved": "reserved system", "conflict": "overlap / outside its subnet"}
    spans = [f'<span><i style="background:var(--{p})"></i>{names.get(p, p)}</span>'
             for p in (*PURPOSES, "conflict")]
    return f'<p class="legend">{"".join(spans)}</p>'


def _gauge(use: str, needed: Any, size: Any) -> str:
    short = use == "SHORT"
    try:
        fraction = 1.0 if short else min(int(needed) / max(int(size), 1), 1.0)
    except (TypeError, ValueError):
        fraction = 0.0
    alert = " alert" if short or use.endswith("!") else ""
    return (f'<div class="gauge{alert}" title="{escape(use)}">'
            f'<b style="width:{fraction:.0%}"></b></div>')


def _budget_table(document: PlanDocument, facts: Facts, z: int) -> str:
    assert document.plan is not None
    zone_budget = facts.budgets[z]
    rows = ["<tr><th>budget</th><th>size</th><th>needed</th><th>free</th><th>use</th>"
            "<th></th><th>needed is</th></tr>"]
    for label, size, needed, free, use, described in zone_rows(document.plan, zone_budget):
        rows.append(f"<tr><td>{escape(str(label))}</td><td>{size}</td><td>{needed}</td>"
                    f"<td>{free}</td><td>{escape(str(use))}</td>"
                    f"<td>{_gauge(str(use), needed, size)}</td><td>{escape(str(described))}"
                    "</td></tr>")
    return "<table>" + "".join(rows) + "</table>"


def _rates_table(facts: Facts) -> str:
    data = rates_document(facts.rates)
    settings = "".join(f"<tr><td>{escape(name)}</td><td>{s['value']}</td>"
                       f"<td>{escape(str(s['source']))}</td></tr>"
                       for name, s in data["settings"].items())
    rows = []
    for nic in data["nics"]:
        rate = "unlimited" if nic["unlimited"] else f"{nic['effective_mbps']} Mb/s"
        kvm = "" if nic["kvm_kbps"] is None else f"{nic['kvm_kbps']} KB/s"
        rows.append(f"<tr><td>{escape(nic['nic'])}</td><td>{escape(nic['offering'])}</td>"
                    f"<td>{rate}</td><td>{kvm}</td><td>{escape(' -> '.join(nic['via']))}"
                    "</td></tr>")
    return ("<table><tr><th>setting</th><th>value</th><th>source</th></tr>" + settings +
            "</table><table><tr><th>NIC</th><th>offering</th><th>rate</th><th>KVM</th>"
            "<th>chain</th></tr>" + "".join(rows) + "</table>")


def _text(item: str) -> str:
    """Checklist text: escaped, with `code` spans as <code>."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", escape(item))


def _checklist(document: PlanDocument, facts: Facts, z: int) -> str:
    assert document.plan is not None
    plan, zone = document.plan, document.plan.zones[z]
    zone_trunks = facts.trunks.zones[z]
    out = []
    for net in zone_trunks.networks:
        entries = "".join(f"<li>{_text(item)}</li>" for item in trunk_items(net))
        ports = ", ".join(f"{p.switch} {p.port}" for p in net.ports)
        where = f"ports {escape(ports)}" if ports else \
            f"every host NIC carrying physical network {escape(net.name)}"
        out.append(f"<h4>{escape(net.name)}: {where}</h4><ul class=\"checklist\">{entries}</ul>")
    for hypervisor, items in host_setup(plan, zone, zone_trunks).items():
        out.append(f"<h4>{escape(hypervisor)} hosts</h4><ul class=\"checklist\">" +
                   "".join(f"<li>{_text(item)}</li>" for item in items) + "</ul>")
    out.append("<h4>Preflight</h4><ul class=\"checklist\">" +
               "".join(f"<li>{_text(item)}</li>" for item in preflight(plan, zone)) + "</ul>")
    return "".join(out)


def _findings(findings: list[LocatedFinding], anchors: set[str]) -> str:
    if not findings:
        return "<p>No findings.</p>"
    rows = []
    for f in findings:
        target = _anchor_for(f.path, anchors)
        where = f"{escape(f.file)}:{f.line}:{f.column}"
        link = f'<a href="#{target}">{escape(f.path)}</a>' if target else escape(f.path)
        rows.append(f'<tr><td>{where}</td><td class="{f.severity}">{f.rule} {f.severity}</td>'
                    f"<td>{escape(f.message)}<br><span class=\"muted\">{link}</span></td></tr>")
    return ("<table><tr><th>where</th><th>rule</th><th>finding</th></tr>" + "".join(rows) +
            "</table>")


def _anchor_for(path: str, anchors: set[str]) -> str | None:
    """The drawn element a finding is about: its path, or its nearest drawn ancestor."""
    text = path
    while text:
        ident = anchor(text)
        if ident in anchors:
            return ident
        cut = max(text.rfind("."), text.rfind("["))
        text = text[:cut] if cut > 0 else ""
    return None


def render_report(document: PlanDocument, findings: list[LocatedFinding]) -> str:
    """The whole page for one plan file."""
    plan = document.plan
    sections = []
    if plan is not None:
        facts = Facts(plan)
        for z, zone in enumerate(plan.zones):
            sg = ", security groups" if zone.uses_security_groups else ""
            sections.append(
                f'<section class="zone" id="zone-{z}"><h2>Zone {escape(zone.name)} '
                f"({escape(zone.networktype)}{sg})</h2>"
                f"<h3>Address map</h3>{_legend()}{zone_address_map(document, plan, zone, z)}"
                f"<h3>VLAN map</h3>{zone_vlan_map(document, zone, facts.vlans.zones[z])}"
                f"<h3>Budgets</h3>{_budget_table(document, facts, z)}"
                f"<h3>Switch and host checklist</h3>{_checklist(document, facts, z)}"
                "</section>")
        sections.append(f'<section><h2>Network rates</h2>{_rates_table(facts)}</section>')
    body = "\n".join(sections)
    anchors = set(_ids(body))
    counts = {s: sum(1 for f in findings if str(f.severity) == s)
              for s in ("error", "warning", "info")}
    summary = ", ".join(f"{n} {s}" for s, n in counts.items())
    schema = sum(1 for problem in document.problems if problem.kind == "schema")
    banner = (f'<p class="banner">The plan has {schema} schema problem(s) (P001): the maps, '
              "budgets and checklists below show only its valid parts.</p>" if schema else "")
    title = escape(document.file)
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>netplan-cs report: {title}</title><style>{STYLE}</style></head><body>"
            f"<h1>Network plan: {title}</h1>"
            f'<p class="muted">netplan-cs {__version__}; {summary}.</p>{banner}'
            f'<section id="findings"><h2>Findings</h2>{_findings(findings, anchors)}</section>'
            f"{body}</body></html>\n")


def _ids(html: str) -> list[str]:
    marker = ' id="'
    found = []
    start = html.find(marker)
    while start != -1:
        end = html.find('"', start + len(marker))
        found.append(html[start + len(marker):end])
        start = html.find(marker, end)
    return found
