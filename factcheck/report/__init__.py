"""Formatters: each takes a result and a stream (`render(analysis, stream, acknowledged)`).

No pipeline logic lives here; the CLI picks a formatter from `REPORT_FORMATS` by name.
"""

from __future__ import annotations

from typing import Callable, TextIO

from . import html, json_report, terminal

REPORT_FORMATS: dict[str, Callable[..., None]] = {
    "terminal": terminal.render,
    "html": html.render,
    "json": json_report.render,
}
