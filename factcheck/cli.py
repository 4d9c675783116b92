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


if __name__ == "__main__":  # pragma: no cover
    main()
