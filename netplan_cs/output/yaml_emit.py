"""Plain data to block-style YAML that reads back to the same data (for `convert`).

Strings are written plain only when the YAML 1.2 core schema reads them back as
the same string; otherwise they are double-quoted with JSON escapes, which YAML
reads the same way.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from netplan_cs.load.yaml_tree import resolve_plain

_PLAIN = re.compile(r"[A-Za-z0-9_./@$({][A-Za-z0-9_./@$(){}+ ,:=-]*\Z")


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else ".inf" if value > 0 else "-.inf"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    if (_PLAIN.match(text) and not text.endswith((" ", ":")) and ": " not in text
            and " #" not in text and resolve_plain(text) == text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _lines(value: Any, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            return [pad + "{}"]
        out: list[str] = []
        for key, item in value.items():
            head = f"{pad}{_scalar(key)}:"
            if isinstance(item, dict | list) and item:
                out.append(head)
                out.extend(_lines(item, indent + 2))
            else:
                out.append(f"{head} {_inline(item)}")
        return out
    if isinstance(value, list):
        if not value:
            return [pad + "[]"]
        out = []
        for item in value:
            if isinstance(item, dict | list) and item:
                inner = _lines(item, indent + 2)
                out.append(f"{pad}- {inner[0].lstrip()}")
                out.extend(inner[1:])
            else:
                out.append(f"{pad}- {_inline(item)}")
        return out
    return [pad + _scalar(value)]


def _inline(value: Any) -> str:
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return _scalar(value)


def to_yaml(data: Any) -> str:
    return "\n".join(_lines(data, 0)) + "\n"
