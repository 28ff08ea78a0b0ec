"""The typer application and the entry point, which never lets a traceback out."""

import gc
import sys
from collections.abc import Callable, Iterable
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
from netplan_cs.cli.snapshot import snapshot
from netplan_cs.cli.trunks import trunks

COMMANDS: dict[str, Callable[..., None]] = {
    command.__name__: command
    for command in (lint, convert, rates, trunks, report, budget, snapshot, explain, rules,
                    schema)}


def _version(value: bool) -> None:
    if value:
        print(f"netplan-cs {__version__}")
        raise typer.Exit()


def _root(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          metavar="",
                                          help="Print the version and exit.")] = False,
) -> None:
    """Network-plan calculator and linter for Apache CloudStack zones."""


def make_app(names: Iterable[str]) -> typer.Typer:
    """The application with these commands (typer builds every registered command's options
    on each run, a tenth of a small lint's time, so a run registers only the one it runs)."""
    application = typer.Typer(
        name="netplan-cs", no_args_is_help=True, add_completion=False,
        help="Network-plan calculator and linter for Apache CloudStack zones.",
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]})
    application.callback()(_root)
    for name in names:
        application.command()(COMMANDS[name])
    return application


app = make_app(COMMANDS)  # every command: for --help, a mistyped command and the tests


def _spare_full_collections() -> None:
    """A run builds a plan's data, model and facts: hundreds of thousands of objects that
    live until it ends and hold no reference cycles. Python's full collections re-scan all
    of them as they pile up, a quarter of a 40,000-item lint (0.6 s); young collections
    still free the few cycles a run makes, and the process ends soon after."""
    gc.freeze()  # the modules and classes loaded so far are never garbage
    gc.set_threshold(700, 10, 1000)  # a full collection only after 1,000 middle ones


def _is_usage_error(exc: BaseException) -> bool:
    """The command-line parser's usage errors, whichever click typer carries."""
    return any(cls.__name__ == "UsageError" for cls in type(exc).__mro__)


def _own_words(error: dict[str, object]) -> str:
    """A typer/pydantic conversion error as this tool says it: the value and what was
    expected, never the library's sentence."""
    value = error.get("input")
    if str(error.get("type", "")).startswith(("int_", "int")):
        return f"expected a whole number, got {value!r}"
    context = error.get("ctx")
    cause = context.get("error") if isinstance(context, dict) else None
    if cause is not None:
        return str(cause)
    return f"{value!r} is not accepted here"


def usage_message(exc: BaseException) -> str | None:
    """`netplan-cs lint: error: --format: 'xml' is not one of ...`, then where help is; None
    for anything that is not a usage error."""
    if not _is_usage_error(exc):
        return None
    message = str(getattr(exc, "format_message", lambda: str(exc))())
    if not message.strip():
        return ""  # `netplan-cs` alone: the help it printed says it all
    errors = getattr(exc.__cause__, "errors", None)
    if callable(errors):
        first = errors()[0]
        message = f"{message.partition(': ')[0]}: {_own_words(first)}"
    context = getattr(exc, "ctx", None)
    path = getattr(context, "command_path", None) or "netplan-cs"
    return f"{path}: error: {message}\nTry '{path} -h' for help."


def main() -> None:
    _spare_full_collections()
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    try:
        application = make_app([command]) if command in COMMANDS else app
        code = application(standalone_mode=False, prog_name="netplan-cs")
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a usage error in our words; anything else is a bug
        usage = usage_message(exc)
        if usage is None:
            usage = (f"netplan-cs: internal error ({type(exc).__name__}: {exc}); please "
                     "report it with the plan that caused it")
        if usage:
            print(usage, file=sys.stderr)
        sys.exit(Exit.USAGE)
    sys.exit(code if isinstance(code, int) else Exit.CLEAN)
