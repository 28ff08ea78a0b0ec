"""The `netplan-cs` command line: thin wrappers that parse options and call the layers."""
