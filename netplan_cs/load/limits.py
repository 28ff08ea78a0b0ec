"""Bounds on what a plan file may make the loader do.

The defaults sit far above any real plan (the largest provider plans have tens
of thousands of ranges: a few MB and a few hundred thousand values, nested about
ten deep; the biggest Marvin config we know is 13 kB) and below what would stall
a CI runner: the worst file within them (16 MiB of `1,1,1,...`) is refused in
seconds, though rapidyaml needs about 1.3 GB to parse it. Each is a command-line
option (`--max-file-size`, `--max-nodes`, `--max-alias-nodes`, `--max-depth`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_DEPTH_CEILING = 256  # deeper data would exhaust Python's recursion limit downstream


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 16 * 1024 * 1024
    max_nodes: int = 1_000_000  # values in the file, aliases expanded
    max_alias_nodes: int = 100_000  # values reached only through YAML aliases ("billion laughs")
    max_depth: int = 64  # mappings and lists inside each other


DEFAULT_LIMITS = Limits()

_SIZE = re.compile(r"\s*([0-9]{1,15})\s*(|k|m|g)(?:i?b)?\s*\Z", re.IGNORECASE)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_size(text: str) -> int:
    """`65536`, `64k`, `64M`, `1GiB` -> bytes (binary units); ValueError otherwise."""
    match = _SIZE.match(text)
    if not match or int(match.group(1)) == 0:
        raise ValueError(f"{text!r} is not a size: write bytes or a number with K, M or G "
                         "(e.g. 64M)")
    return int(match.group(1)) * _UNITS[match.group(2).lower()]
