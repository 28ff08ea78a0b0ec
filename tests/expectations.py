"""`# expect: ID[, ID]` markers in example and sample plans.

A marker at the end of a line with content expects those findings on that line;
a marker alone on its line expects them on the next line that has content.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

_MARKER = re.compile(r"#\s*expect:\s*([A-Z]\d{3}(?:\s*,\s*[A-Z]\d{3})*)")


def expected_findings(path: Path) -> Counter[tuple[int, str]]:
    """(line, rule ID) -> how many findings the file's markers expect there."""
    expected: Counter[tuple[int, str]] = Counter()
    pending: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = _MARKER.search(line)
        ids = [part.strip() for part in match.group(1).split(",")] if match else []
        content = line[: match.start()].strip() if match else line.strip()
        if content and not content.startswith("#"):
            for rule in pending + ids:
                expected[(number, rule)] += 1
            pending = []
        elif ids:
            pending.extend(ids)
    return expected
