"""The `netplan-cs` command line: thin wrappers that parse options and call the layers.

The command modules evaluate their annotations (no `from __future__ import annotations`):
typer reads a command's options from them on every run, and string annotations would be
compiled and evaluated again each time.
"""
