"""`netplan-cs snapshot`: how to write a snapshot of a running cloud, and what one holds."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from netplan_cs.cli.common import MaxAliasNodes, MaxDepth, MaxFileSize, MaxNodes, fail, limits
from netplan_cs.errors import COMMAND_LINE, InputError
from netplan_cs.load.limits import DEFAULT_LIMITS
from netplan_cs.output.snapshot_script import snapshot_script


def snapshot(
    path: Annotated[Path | None, typer.Argument(
        metavar="SNAPSHOT", help="A snapshot folder (or one JSON file of listings) to "
        "describe.", show_default=False)] = None,
    script: Annotated[bool, typer.Option(
        "--script", metavar="",
        help="Print the bash script that writes a snapshot, and exit.")] = False,
    max_file_size: MaxFileSize = DEFAULT_LIMITS.max_bytes,
    max_nodes: MaxNodes = DEFAULT_LIMITS.max_nodes,
    max_alias_nodes: MaxAliasNodes = DEFAULT_LIMITS.max_alias_nodes,
    max_depth: MaxDepth = DEFAULT_LIMITS.max_depth,
) -> None:
    if script:
        sys.stdout.write(snapshot_script())
        return
    if path is None:
        raise fail(InputError(COMMAND_LINE, "give a SNAPSHOT to describe, or --script to "
                              "print the script that writes one"))
    from netplan_cs.output.snapshot_inventory import render_inventory

    try:
        text = render_inventory(path, limits(max_file_size, max_nodes, max_alias_nodes,
                                             max_depth))
    except InputError as error:
        raise fail(error) from None
    sys.stdout.write(text)


snapshot.__doc__ = """Describe a snapshot of a running cloud, or print the script that writes one.

A snapshot is what `cmk -o json list ...` prints, one file per listing, in a
folder every command reads like a plan (`netplan-cs lint snapshot/`). Write one:

\b
  netplan-cs snapshot --script > take-snapshot.sh
  bash take-snapshot.sh snapshot/     # read-only cmk calls; needs cmk and jq
  netplan-cs snapshot snapshot/       # what each file holds, what is missing

\b
The script (`netplan-cs snapshot --script` prints it):
""" + "  " + snapshot_script().rstrip().replace("\n", "\n  ")  # typer keeps \b blocks as written
