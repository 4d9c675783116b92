"""Terminal report: a rich table of findings grouped by subject, most severe first, and a summary line."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..pipeline import Analysis
from .json_report import summary

_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan"}


def render(analysis: Analysis, stream: TextIO, acknowledged: dict[str, str] | None = None) -> None:
    console = Console(file=stream, highlight=False, soft_wrap=False)
    acknowledged = acknowledged or {}
    if analysis.findings:
        table = Table(title="factcheck findings", show_lines=True, expand=False)
        table.add_column("severity", no_wrap=True)
        table.add_column("rule / id", no_wrap=True)
        table.add_column("subject", overflow="fold", max_width=30)
        table.add_column("claims (file:line  quote)", overflow="fold")
        for f in analysis.findings:
            claims = Text()
            for i, c in enumerate(f.claims):
                if i:
                    claims.append("\n")
                claims.append(f"{c.file}:{c.line}:{c.col}", style="dim")
                claims.append(f"  {c.quote}", style="bold")
            sev = Text(f.severity, style=_STYLE.get(f.severity, ""))
            if f.id in acknowledged:
                sev.append("\nacknowledged", style="green")
            table.add_row(sev, f"{f.rule}\n{f.id}", Text(f.message), claims)
        console.print(table)
    s = summary(analysis)
    by = ", ".join(f"{n} {sev}" for sev, n in s["by_severity"].items()) or "none"
    console.print(
        f"{s['files']} files, {s['articles']} articles, {s['assertions']} assertions, {s['subjects']} subjects: "
        f"{s['findings']} findings ({by})" + (f"; {s['skipped_files']} files skipped" if s["skipped_files"] else ""))
