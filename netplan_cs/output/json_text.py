"""JSON as every netplan-cs report writes it: two-space indents and a final newline."""

from __future__ import annotations

import io
import json
from typing import Any


def json_text(document: Any) -> str:
    """`document` as indented JSON text. json.dumps(indent=2) keeps every fragment of the
    text in one list before joining them, 11 million for a SARIF report of 70,000
    findings (0.4 GB); writing them to a buffer as they come keeps only the text."""
    buffer = io.StringIO()
    json.dump(document, buffer, indent=2)
    buffer.write("\n")
    return buffer.getvalue()
