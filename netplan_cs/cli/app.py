"""The typer application and the entry point, which never lets a traceback out."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from netplan_cs import __version__
from netplan_cs.cli.budget import budget
from netplan_cs.cli.catalogue import explain, rules, schema
from netplan_cs.cli.common import Exit
from netplan_cs.cli.convert import convert
from netplan_cs.cli.lint import lint
from netplan_cs.cli.rates import rates
from netplan_cs.cli.report import report
from netplan_cs.cli.trunks import trunks

app = typer.Typer(
    name="netplan-cs", no_args_is_help=True, add_completion=False,
    help="Network-plan calculator and linter for Apache CloudStack zones.",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]})
app.command()(lint)
app.command()(convert)
app.command()(rates)
app.command()(trunks)
app.command()(report)
app.command()(budget)
app.command()(explain)
app.command()(rules)
app.command()(schema)


def _version(value: bool) -> None:
    if value:
        print(f"netplan-cs {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Network-plan calculator and linter for Apache CloudStack zones."""


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a bug: say so plainly, without a traceback
        print(f"netplan-cs: internal error ({type(exc).__name__}: {exc}); please report it "
              "with the plan that caused it", file=sys.stderr)
        sys.exit(Exit.USAGE)
