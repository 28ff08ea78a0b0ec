"""The names of the lint report formats (a module of its own, so the CLI loads it cheaply)."""

from __future__ import annotations

from enum import StrEnum


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"
