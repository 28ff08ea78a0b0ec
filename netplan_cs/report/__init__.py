"""The self-contained HTML report: address maps, VLAN maps, budgets, rates, trunks, findings."""
