"""The findings JSON document (`lint --format json`, version 1) as pydantic models.

They exist for `netplan-cs schema findings`; a test validates real output against them,
so the schema and `findings_json` cannot drift apart.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Tool(_Strict):
    name: Literal["netplan-cs"]
    version: str


class RelatedItem(_Strict):
    file: str
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    path: str = Field(description="the plan path, e.g. zones[zone1].pods[pod1].startip")
    message: str


class FindingItem(_Strict):
    rule: str = Field(pattern=r"^[A-Z]\d{3}$")
    name: str
    severity: Literal["error", "warning", "info"]
    message: str
    file: str
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    end_line: int = Field(ge=1)
    end_column: int = Field(ge=1)
    path: str
    related: list[RelatedItem]
    suggestion: str | None


class ErrorItem(_Strict):
    file: str
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    message: str


class Summary(_Strict):
    error: int
    warning: int
    info: int
    files: int


class FindingsDocument(_Strict):
    """Stable: fields are only ever added, never renamed or removed."""

    model_config = ConfigDict(title="netplan-cs findings")
    version: Literal[1]
    tool: Tool
    files: list[str]
    findings: list[FindingItem]
    errors: list[ErrorItem]
    summary: Summary
