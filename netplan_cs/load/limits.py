"""Bounds on what a plan file may make the loader do.

The defaults sit far above any real plan (the largest provider plans have tens
of thousands of ranges) and far below what would stall a CI runner.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 64 * 1024 * 1024
    max_nodes: int = 5_000_000
    max_depth: int = 64


DEFAULT_LIMITS = Limits()
