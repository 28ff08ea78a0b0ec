"""Allow `python -m netplan_cs`."""

from netplan_cs.cli.app import main

main()
