"""`netplan-cs report`: a self-contained page holding every range, VLAN map and finding."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import pytest

from netplan_cs.document import open_plan
from netplan_cs.report.address_map import element_id, zone_items
from tests.cli_helpers import run_cli
from tests.conftest import SAMPLES

SVG = re.compile(r"<svg\b.*?</svg>", re.S)


def render(tmp_path: Path, sample: Path) -> tuple[int, str]:
    target = tmp_path / "report.html"
    result = run_cli("report", str(sample), "-o", str(target))
    return result.code, target.read_text(encoding="utf-8")


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_range_and_address_is_drawn(tmp_path: Path, sample: Path) -> None:
    code, page = render(tmp_path, sample)
    assert code == 0
    document = open_plan(sample)
    assert document.plan is not None
    for z, zone in enumerate(document.plan.zones):
        for item in zone_items(document.plan, zone, z):
            assert f'id="{element_id(document, item.path)}"' in page, item.label
            assert item.label.split()[0] in page


def test_svg_is_well_formed_and_nothing_is_fetched(tmp_path: Path) -> None:
    _, page = render(tmp_path, SAMPLES / "advanced-vmware-multipod.yaml")
    drawings = SVG.findall(page)
    assert len(drawings) >= 6
    for drawing in drawings:
        ET.fromstring(drawing)  # raises on malformed XML
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page, re.I)
    assert "<script" not in page.lower()
    assert "@media print" in page and "prefers-color-scheme: dark" in page


def test_findings_are_listed_and_linked_and_the_exit_code_follows_lint(tmp_path: Path) -> None:
    sample = SAMPLES / "broken" / "typos-and-secrets.yaml"
    code, page = render(tmp_path, sample)
    assert code == 1  # errors: as `lint` would exit
    lint = run_cli("lint", "--format", "json", str(sample))
    import json

    for finding in json.loads(lint.out)["findings"]:
        assert f"{finding['rule']} {finding['severity']}" in page
        assert f":{finding['line']}:{finding['column']}" in page
    # the placeholder finding links to the public range drawn on the map
    assert 'href="#el-zones_zone1_.public_ranges_0_"' in page
    assert 'id="el-zones_zone1_.public_ranges_0_"' in page
    assert "schema problem(s)" in page
    assert "hunter2" not in page


def test_overlaps_are_marked(tmp_path: Path) -> None:
    plan = tmp_path / "overlap.yaml"
    plan.write_text((SAMPLES / "nested-kvm-lab.yaml").read_text().replace(
        "startip: 192.168.122.131", "startip: 192.168.122.111"))
    _, page = render(tmp_path, plan)
    assert "<title>overlap 192.168.122.111-192.168.122.120</title>" in page


def test_report_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("mine")
    result = run_cli("report", str(SAMPLES / "nested-kvm-lab.yaml"), "-o", str(target))
    assert result.code == 2
    assert target.read_text() == "mine"


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _distinct_bytes(png: bytes) -> int:
    """How varied the image data is: a blank page inflates to a few distinct byte values."""
    data = b""
    position = 8
    while position < len(png):
        length = int.from_bytes(png[position:position + 4], "big")
        kind = png[position + 4:position + 8]
        if kind == b"IDAT":
            data += png[position + 8:position + 8 + length]
        position += 12 + length
    return len(set(zlib.decompress(data)))


@pytest.mark.skipif(_chromium() is None,
                    reason="Chromium is not installed (.ci/run installs Debian's chromium)")
def test_report_renders_in_headless_chromium(tmp_path: Path) -> None:
    _, _ = render(tmp_path, SAMPLES / "nested-kvm-lab.yaml")
    shot = tmp_path / "shot.png"
    subprocess.run([_chromium() or "chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1100,900",
                    f"--screenshot={shot}", (tmp_path / "report.html").as_uri()],
                   capture_output=True, timeout=120, check=False)
    png = shot.read_bytes()
    assert png.startswith(b"\x89PNG")
    assert _distinct_bytes(png) > 50


@pytest.mark.parametrize("config", ['', 'fail-level = "warning"\n',
                                    'ignore = ["P005", "T007", "T008", "C003", "M003", "Z003"]\n'])
def test_report_reads_the_configuration_lint_reads(tmp_path: Path, config: str) -> None:
    """One path for configuration, suppressions and exit code: report agrees with lint."""
    from tests.cli_helpers import run, write_plan

    plan = write_plan(tmp_path)
    if config:
        (tmp_path / ".netplan-cs.toml").write_text(config, encoding="utf-8")
    lint_code, lint_out, _ = run("lint", "--format", "json", plan)
    severities = [f["severity"] for f in json.loads(lint_out)["findings"]]
    code, _, err = run("report", plan, "-o", tmp_path / "r.html")
    assert code == lint_code
    assert (f"wrote {tmp_path / 'r.html'}: {severities.count('error')} error(s), "
            f"{severities.count('warning')} warning(s), {severities.count('info')} info") in err
