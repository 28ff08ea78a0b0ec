"""Regenerate samples/report-nested-kvm-lab.png, the report screenshot README shows.

    python samples/screenshot.py

Needs Debian's chromium. Writes the report to a temporary folder and photographs it
headless, with the flags this closed network needs.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        sys.exit("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        subprocess.run([sys.executable, "-m", "netplan_cs", "report",
                        str(HERE / "nested-kvm-lab.yaml"), "-o", str(page)],
                       check=True, cwd=HERE.parent)
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                        f"--user-data-dir={Path(tmp) / 'profile'}", "--window-size=1100,1250",
                        f"--screenshot={HERE / 'report-nested-kvm-lab.png'}", page.as_uri()],
                       check=True, capture_output=True, timeout=120)
    print(f"wrote {HERE / 'report-nested-kvm-lab.png'}")


if __name__ == "__main__":
    main()
