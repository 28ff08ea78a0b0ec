"""netplan-cs: network-plan calculator and linter for Apache CloudStack zones."""

__version__ = "0.1.0"
