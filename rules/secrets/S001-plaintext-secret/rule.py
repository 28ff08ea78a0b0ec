"""S001 plaintext-secret: a password or key is written in the plan in clear."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding
from netplan_cs.model.secrets import holds_clear_secret, url_password, without_url_password

ID = "S001"
NAME = "plaintext-secret"
SEVERITY = "warning"
SUMMARY = "a password, API key, secret key or token is written in the plan in clear"
NEEDS_PLAN = False


def check(ctx: Any) -> Iterator[Finding]:
    for path, value in ctx.document.suspects:
        if holds_clear_secret(path[-1], value):
            yield Finding(path, f"`{path[-1]}` holds a secret in clear (shown as ***); anyone "
                          "who can read the plan or its CI logs can read it",
                          suggestion="write a reference such as ${CLOUDSTACK_PASSWORD} and "
                          "supply the value from the CI secret store", space="source")
        elif url_password(value) is not None:
            yield Finding(path, f"`{path[-1]}` carries a password in its URL, in clear (shown "
                          f"as {without_url_password(value)!r})",
                          suggestion="write the password part as a reference, e.g. "
                          "rbd://admin:${CEPH_KEY}@mon/pool", space="source")
