"""Terminal report: findings grouped by subject, most severe first, as rich tables, and a summary line.

Article text is printed only through `Text` objects (no rich markup is parsed) and after `safe()`, which
shows control characters (ESC, C1 codes, bidirectional overrides) as visible escapes, so an article cannot
drive the reader's terminal.
"""

from __future__ import annotations

from typing import TextIO

import regex
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..pipeline import Analysis
from .json_report import summary

_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan"}
_RANK = {"high": 0, "medium": 1, "low": 2}
# C0 controls except tab and newline, DEL, C1 controls, and bidirectional embedding/override/isolate marks.
_UNSAFE = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe(text: str | None) -> str:
    """Text with every terminal control character shown as an escape (`\\x1b`), never interpreted."""
    if not text:
        return ""
    return _UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                       else f"\\u{ord(m.group()):04x}", text)


def _groups(analysis: Analysis) -> list[tuple[str, list]]:
    """(subject, findings) with the most severe subject first, then by key; findings by severity then id."""
    by_key: dict[str, list] = {}
    for f in analysis.findings:
        by_key.setdefault(f.subject, []).append(f)
    order = sorted(by_key, key=lambda k: (min(_RANK.get(f.severity, 9) for f in by_key[k]), k))
    return [(k, sorted(by_key[k], key=lambda f: (_RANK.get(f.severity, 9), f.id))) for k in order]


def render(analysis: Analysis, stream: TextIO, acknowledged: dict[str, str] | None = None) -> None:
    console = Console(file=stream, highlight=False, soft_wrap=False, emoji=False, markup=False)
    acknowledged = acknowledged or {}
    for key, findings in _groups(analysis):
        source = "declared subject" if findings[0].subject_source == "declared" else "automatic grouping"
        title = Text(safe(key.removeprefix("auto:")), style="bold")
        title.append(f"  ({source})", style="dim")
        table = Table(title=title, title_justify="left", show_lines=True, expand=False)
        table.add_column("severity", no_wrap=True)
        table.add_column("rule / id", no_wrap=True)
        table.add_column("finding", overflow="fold", ratio=1)
        table.add_column("claims: file:line:col quote", overflow="fold", ratio=1)
        for f in findings:
            claims = Text()
            for i, c in enumerate(f.claims):
                if i:
                    claims.append("\n")
                claims.append(safe(f"{c.file}:{c.line}:{c.col}"), style="dim")
                claims.append(f"  {safe(c.quote)}", style="bold")
            sev = Text(f.severity, style=_STYLE.get(f.severity, ""))
            message = Text(safe(f.message))
            if f.id in acknowledged:
                sev.append("\nacknowledged", style="green")
                message.append("\nacknowledged: " + (safe(acknowledged[f.id]) or "no reason given"), style="green")
            table.add_row(sev, f"{f.rule}\n{f.id}", message, claims)
        console.print(table)
    s = summary(analysis)
    by = ", ".join(f"{n} {sev}" for sev, n in sorted(s["by_severity"].items(), key=lambda kv: _RANK.get(kv[0], 9)))
    n_ack = sum(1 for f in analysis.findings if f.id in acknowledged)
    line = (f"{s['files']} files, {s['articles']} articles, {s['assertions']} assertions, {s['subjects']} subjects: "
            f"{s['findings']} findings ({by or 'none'})")
    if n_ack:
        line += f", {n_ack} acknowledged"
    if s["skipped_files"]:
        line += f"; {s['skipped_files']} files skipped"
    console.print(Text(line))
    for file, reason in sorted(analysis.extraction.corpus.skipped):
        console.print(Text(f"  skipped {safe(file)}: {safe(reason)}", style="dim"))
