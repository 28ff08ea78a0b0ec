"""The least any pydantic-based lint of a plan must do: read it and validate it.

    python benchmarks/floor.py PLAN.json

Imports the libraries the design requires, reads the native plan with json.load and
validates it into the plainest pydantic models of its shape (every value kept as it is
written: no address parsing, no rule), with netplan-cs's collector settings.
benchmarks/run.py times this against the bare json.load floor to show how much of the
issue's ratio the required stack takes alone.
"""

from __future__ import annotations

import gc
import json
import sys
from pathlib import Path
from typing import Any

import netaddr  # noqa: F401  (imported, as any lint must)
import tabulate  # noqa: F401
import typer  # noqa: F401
from pydantic import BaseModel, ConfigDict


class Loose(BaseModel):
    model_config = ConfigDict(extra="allow")


class Host(Loose):
    name: Any = None
    ipaddress: Any = None


class Cluster(Loose):
    hosts: list[Host] = []


class Pod(Loose):
    clusters: list[Cluster] = []


class PublicRange(Loose):
    startip: Any = None
    endip: Any = None


class Zone(Loose):
    pods: list[Pod] = []
    public_ranges: list[PublicRange] = []
    shared_networks: list[Loose] = []
    physical_networks: list[Loose] = []


class Plan(Loose):
    zones: list[Zone]


if __name__ == "__main__":
    gc.freeze()  # the same collector settings as netplan-cs's command line
    gc.set_threshold(700, 10, 1000)
    with Path(sys.argv[1]).open(encoding="utf-8") as handle:
        Plan.model_validate(json.load(handle))
