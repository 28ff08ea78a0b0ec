"""The names of the lint report formats (a module of its own, so the CLI loads it cheaply)."""

from __future__ import annotations

from netplan_cs.choices import Choice


class ReportFormat(Choice):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"
