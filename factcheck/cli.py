"""Command line: a thin shell over the library. Errors print one line and exit 2."""

from __future__ import annotations

import functools
import io
import sys
from typing import Callable

import click

from .errors import FactcheckError
from .runtime import tune_collector


def _scale_options(func: Callable) -> Callable:
    """--jobs, --no-cache, --engine, --scheduler, --quiet: how fast a run goes, never what it finds."""
    options = [
        click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default="0: all cores",
                     help="Extract files in N processes (output identical to --jobs 1)."),
        click.option("--no-cache", is_flag=True, help="Re-extract every file; ignore the .factcheck/ claims store."),
        click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                     help="dask: a Dask bag over the files (needs the dask extra)."),
        click.option("--scheduler", metavar="ADDRESS", default=None,
                     help="With --engine dask: a dask.distributed scheduler (tcp://host:8786), or "
                          "threads/processes/sync for a local one."),
        click.option("--quiet", "-q", is_flag=True, help="No progress bar (it is shown only on a terminal)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _scale_kwargs(jobs: int = 1, no_cache: bool = True, engine: str = "local", scheduler: str | None = None,
                  quiet: bool = True) -> dict:
    return {"jobs": jobs, "cache": None if no_cache else True, "engine": engine, "scheduler": scheduler,
            "progress": not quiet}


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="factcheck")
def main() -> None:
    """Find numeric claims that disagree across articles."""
    import signal
    import threading

    # SIGTERM unwinds like Ctrl-C, so half-written temporary files are removed, never renamed into place.
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminated)
    tune_collector()


def _terminated(signum, frame):  # noqa: ANN001
    raise SystemExit(128 + signum)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--rules", "rules_dir", type=click.Path(file_okay=False), default=None,
              help="Rules folder (default: the project's rules/).")
@_scale_options
@_fail_cleanly
def extract(paths: tuple[str, ...], fmt: str, rules_dir: str | None, **scale) -> None:
    """List every numeric assertion in PATHS (files or folders)."""
    from .pipeline import run_extraction
    from .report.claims import CLAIM_FORMATS

    result = run_extraction(paths, rules_dir, **_scale_kwargs(**scale))
    if not result.corpus.files:
        raise FactcheckError("no readable article in " + ", ".join(paths))
    if fmt == "table":  # rich sizes and colours the table for the terminal it writes to
        CLAIM_FORMATS[fmt](result.frame(), sys.stdout)
        return
    # JSON and CSV are formatted in memory and written once: json.dump writes each token to its stream, and
    # every write to a file or pipe goes through the text layer (4x slower on 1 MB of news).
    buffer = io.StringIO()
    CLAIM_FORMATS[fmt](result.frame(), buffer)
    sys.stdout.write(buffer.getvalue())


def _rules_option(func: Callable) -> Callable:
    return click.option("--rules", "rules_dir", type=click.Path(file_okay=False), default=None,
                        help="Rules folder (default: the project's rules/).")(func)


def _analyse(paths: tuple[str, ...], rules_dir: str | None, **options):
    from .pipeline import analyse

    analysis = analyse(paths, rules_dir, **options)
    if not analysis.extraction.corpus.files:
        raise FactcheckError("no readable article in " + ", ".join(paths))
    return analysis


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="reports", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["terminal", "html", "json", "all"]), default="all",
              show_default=True)
@_rules_option
@_scale_options
@_fail_cleanly
def report(paths: tuple[str, ...], out_dir: str, fmt: str, rules_dir: str | None, **scale) -> None:
    """Find contradictions in PATHS: terminal table, reports/report.html and reports/report.json."""
    import io
    from pathlib import Path

    from .atomic import write_text
    from .report import REPORT_FORMATS

    analysis = _analyse(paths, rules_dir, **_scale_kwargs(**scale))
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


# --- the CI gate: baseline and check ------------------------------------------------------------------

class _AgainstCommand(click.Command):
    """Lets `--against` take several values: `check DRAFT... --against CORPUS... [--option ...]`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        while i < len(args):
            arg = args[i]
            i += 1
            if arg != "--against":
                out.append(arg)
                continue
            values = []
            while i < len(args) and not (args[i].startswith("-") and args[i] != "-"):
                values.append(args[i])
                i += 1
            if not values:
                raise click.UsageError("--against needs at least one corpus file or folder", ctx)
            for value in values:
                out += ["--against", value]
        return super().parse_args(ctx, out)


def _gate_settings(paths: tuple[str, ...], baseline: str | None, rules_dir: str | None):
    """Paths, baseline file and rules folder: the command line, else [tool.factcheck], else the defaults."""
    import os

    from .config import DEFAULT_BASELINE, load_config
    from .errors import ConfigError

    config = load_config()
    paths = tuple(paths) or config.paths
    if not paths:
        raise ConfigError("no PATH given and no `paths` in [tool.factcheck] of a pyproject.toml")
    if baseline is None:
        baseline = config.baseline or (os.path.relpath(config.root / DEFAULT_BASELINE) if config.source
                                       else DEFAULT_BASELINE)
    return paths, baseline, rules_dir or config.rules


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False), default=None,
              help="Baseline file (default: [tool.factcheck] baseline, else reports/baseline.json).")
@click.option("--allow-growth", is_flag=True, help="Let the baseline take in findings it does not know yet.")
@_rules_option
@_scale_options
@_fail_cleanly
def baseline(paths: tuple[str, ...], baseline_file: str | None, allow_growth: bool, rules_dir: str | None,
             **scale) -> None:
    """Write the current findings of PATHS as the baseline `check` compares against.

    An existing baseline may only shrink: findings it does not know are refused (exit 1) unless
    --allow-growth is given. Acknowledged findings are left out (they live in rules/).
    """
    from .gate import baseline_findings, run_check, write_baseline
    from .report.check import growth_note, render_terminal

    paths, baseline_file, rules_dir = _gate_settings(paths, baseline_file, rules_dir)
    result = run_check(paths, baseline_file, rules_dir, **_scale_kwargs(**scale))
    if result.baseline.exists and result.failing and not allow_growth:
        render_terminal(result, sys.stderr)
        click.echo(f"factcheck: {growth_note(result)} not in {baseline_file}; the baseline may only "
                   "shrink: fix them, acknowledge them in rules/, or pass --allow-growth", err=True)
        sys.exit(1)
    findings = baseline_findings(result)
    write_baseline(baseline_file, findings)
    click.echo(f"wrote {baseline_file}: {len(findings)} finding(s)"
               + (f", {growth_note(result)} added" if result.baseline.exists and result.failing else "")
               + (f", {len(result.fixed)} dropped as fixed" if result.fixed else ""), err=True)


@main.command(cls=_AgainstCommand)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False), default=None,
              help="Baseline file (default: [tool.factcheck] baseline, else reports/baseline.json).")
@click.option("--format", "fmt", type=click.Choice(["terminal", "json", "github", "sarif"]), default="terminal",
              show_default=True)
@click.option("--prune", is_flag=True, help="Drop baseline findings that no longer occur.")
@click.option("--allow-growth", is_flag=True, help="Add new findings to the baseline instead of failing.")
@click.option("--against", "against", multiple=True, type=click.Path(), metavar="CORPUS...",
              help="Check PATHS (drafts) against this published corpus: only findings involving a draft count.")
@_rules_option
@_scale_options
@_fail_cleanly
def check(paths: tuple[str, ...], baseline_file: str | None, fmt: str, prune: bool, allow_growth: bool,
          against: tuple[str, ...], rules_dir: str | None, **scale) -> None:
    """Fail (exit 1) on findings in PATHS that are neither in the baseline nor acknowledged.

    Exit 0 when every finding is known or acknowledged, 1 when there are new findings, 2 on usage or input
    errors. Baseline findings that no longer occur are listed as fixed.
    """
    from .errors import ConfigError
    from .gate import grown_entries, run_check, write_baseline
    from .report.check import CHECK_FORMATS, growth_note

    if against and not paths:
        raise ConfigError("--against needs the draft file(s) to check first: check DRAFT... --against CORPUS...")
    if against and prune:
        raise ConfigError("--prune needs the whole corpus, not --against")
    paths, baseline_file, rules_dir = _gate_settings(paths, baseline_file, rules_dir)
    result = run_check(paths, baseline_file, rules_dir, against, **_scale_kwargs(**scale))
    result.growth_allowed = allow_growth
    CHECK_FORMATS[fmt](result, sys.stdout)
    if (prune and result.fixed) or (allow_growth and result.failing):
        fixed = {e["id"] for e in result.fixed} if prune else set()
        entries = grown_entries(result) if allow_growth else list(result.baseline.entries)
        write_baseline(baseline_file, [e for e in entries if e["id"] not in fixed])
        click.echo(f"wrote {baseline_file}: {len(fixed)} fixed dropped"
                   + (f", {growth_note(result)} added" if allow_growth and result.failing else ""), err=True)
    sys.exit(0 if result.passed else 1)


# --- the archive: what have we already said? --------------------------------------------------------------

@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--holder", metavar="X", help="Whose figure: China, CATL, 中国.")
@click.option("--measure", metavar="M", help="What is measured: share, output, price.")
@click.option("--object", "object_", metavar="O", help="Of what: \"rare earths\", lithium.")
@click.option("--since", metavar="YYYY-MM-DD", help="Only articles dated that day or later (undated ones are left out).")
@click.option("--text", metavar="WORDS", help="Every one of these words in the claim's sentence.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@_rules_option
@_scale_options
@_fail_cleanly
def claims(paths: tuple[str, ...], holder: str | None, measure: str | None, object_: str | None,
           since: str | None, text: str | None, fmt: str, rules_dir: str | None, **scale) -> None:
    """Every claim in PATHS (the archive) matching the filters, with its date, file:line and quote, most
    recent first. Read from the claims store (.factcheck/); missing or changed files are extracted first.

    --holder, --measure and --object match the claim's frame: the words in the slot (whole words, any case;
    Chinese as written) or the name the phrase stands for ("--holder 中国" finds China's claims in English,
    "--object 稀土" rare earths). A claim matches when it passes every filter given.
    """
    from .archive import query_archive
    from .query import ClaimQuery
    from .report.archive_claims import RECORD_FORMATS

    try:
        query = ClaimQuery(holder=holder, measure=measure, object=object_, since=since, text=text)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    found = query_archive(paths, query, rules_dir, **_scale_kwargs(**scale))
    RECORD_FORMATS[fmt](found, sys.stdout)


@main.group()
def rules() -> None:
    """Work with rules folders."""


@rules.command("check")
@_rules_option
@_fail_cleanly
def rules_check(rules_dir: str | None) -> None:
    """Validate a rules folder: exit 0 when every file loads, else one line `FILE:LINE:COL: problem`, exit 2."""
    from .rules import load_rules, rule_warnings

    loaded = load_rules(rules_dir)
    warnings = rule_warnings(loaded)
    for line in warnings:
        click.echo(line, err=True)
    vocab = loaded.vocabulary
    click.echo(f"{loaded.folder}: {len(vocab.measures)} measures, "
               f"{len(vocab.organisations)} organisations and {len(vocab.regions)} regions, "
               f"{len(vocab.objects)} named objects, {len(loaded.rates)} conversion rates, "
               f"{len(loaded.acknowledgements)} acknowledgements: ok"
               + (f", {len(warnings)} warning(s)" if warnings else ""))


if __name__ == "__main__":  # pragma: no cover
    main()
