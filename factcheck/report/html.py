"""`report.html`: a self-contained discrepancy report for editors (no network; inline CSS)."""

from __future__ import annotations

from typing import TextIO

from jinja2 import Environment, PackageLoader, select_autoescape

from ..pipeline import Analysis
from .json_report import summary

_ENV = Environment(loader=PackageLoader("factcheck.report", "templates"),
                   autoescape=select_autoescape(default=True, default_for_string=True),
                   trim_blocks=True, lstrip_blocks=True)


def render(analysis: Analysis, stream: TextIO, acknowledged: dict[str, str] | None = None) -> None:
    template = _ENV.get_template("report.html.j2")
    stream.write(template.render(summary=summary(analysis), findings=analysis.findings,
                                 acknowledged=acknowledged or {}))
