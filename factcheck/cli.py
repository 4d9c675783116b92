"""Command line: a thin shell over the library. Errors print one line and exit 2."""

from __future__ import annotations

import functools
import sys
from typing import Callable

import click

from .errors import FactcheckError


def _fail_cleanly(func: Callable) -> Callable:
    """Typed errors and unreadable input become one line on stderr and exit code 2, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except FactcheckError as exc:
            click.echo(f"factcheck: {exc}", err=True)
            sys.exit(2)
        except KeyboardInterrupt:
            click.echo("factcheck: interrupted", err=True)
            sys.exit(130)
    return wrapper


@click.group()
@click.version_option(package_name="factcheck")
def main() -> None:
    """Find numeric claims that disagree across articles."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--rules", "rules_dir", type=click.Path(file_okay=False), default=None,
              help="Rules folder (default: the project's rules/).")
@_fail_cleanly
def extract(paths: tuple[str, ...], fmt: str, rules_dir: str | None) -> None:
    """List every numeric assertion in PATHS (files or folders)."""
    from .pipeline import run_extraction
    from .report.claims import CLAIM_FORMATS

    result = run_extraction(paths, rules_dir)
    if not result.corpus.files:
        raise FactcheckError("no readable article in " + ", ".join(paths))
    CLAIM_FORMATS[fmt](result.frame(), sys.stdout)


def _rules_option(func: Callable) -> Callable:
    return click.option("--rules", "rules_dir", type=click.Path(file_okay=False), default=None,
                        help="Rules folder (default: the project's rules/).")(func)


def _analyse(paths: tuple[str, ...], rules_dir: str | None):
    from .pipeline import analyse

    analysis = analyse(paths, rules_dir)
    if not analysis.extraction.corpus.files:
        raise FactcheckError("no readable article in " + ", ".join(paths))
    return analysis


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="reports", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["terminal", "html", "json", "all"]), default="all",
              show_default=True)
@_rules_option
@_fail_cleanly
def report(paths: tuple[str, ...], out_dir: str, fmt: str, rules_dir: str | None) -> None:
    """Find contradictions in PATHS: terminal table, reports/report.html and reports/report.json."""
    import io
    from pathlib import Path

    from .atomic import write_text
    from .report import REPORT_FORMATS

    analysis = _analyse(paths, rules_dir)
    acknowledged = _acknowledged(analysis, rules_dir)
    if fmt in ("terminal", "all"):
        REPORT_FORMATS["terminal"](analysis, sys.stdout, acknowledged)
    for name, filename in (("html", "report.html"), ("json", "report.json")):
        if fmt in (name, "all"):
            buffer = io.StringIO()
            REPORT_FORMATS[name](analysis, buffer, acknowledged)
            write_text(Path(out_dir) / filename, buffer.getvalue())
            click.echo(f"wrote {Path(out_dir) / filename}", err=True)


def _acknowledged(analysis, rules_dir: str | None) -> dict[str, str]:
    """Finding id -> reason, for findings acknowledged in rules/ (the gate's data, shown in reports)."""
    try:
        from .gate import acknowledged_findings
    except ImportError:
        return {}
    return acknowledged_findings(analysis, rules_dir)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@_rules_option
@_fail_cleanly
def subjects(paths: tuple[str, ...], rules_dir: str | None) -> None:
    """List each subject group with its claims, for rule authors."""
    from .report.subjects import render

    render(_analyse(paths, rules_dir), sys.stdout)


if __name__ == "__main__":  # pragma: no cover
    main()
