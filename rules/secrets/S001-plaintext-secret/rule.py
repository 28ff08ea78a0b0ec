"""S001 plaintext-secret: a password or key is written in the plan in clear."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding
from netplan_cs.model.secrets import holds_clear_secret

ID = "S001"
NAME = "plaintext-secret"
SEVERITY = "warning"
SUMMARY = "a password, API key, secret key or token is written in the plan in clear"
NEEDS_PLAN = False


def check(ctx: Any) -> Iterator[Finding]:
    for path, value in ctx.document.scalars:
        if path and holds_clear_secret(path[-1], value):
            yield Finding(path, f"`{path[-1]}` holds a secret in clear (shown as ***); anyone "
                          "who can read the plan or its CI logs can read it",
                          suggestion="write a reference such as ${CLOUDSTACK_PASSWORD} and "
                          "supply the value from the CI secret store", in_source=True)
