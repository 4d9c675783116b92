"""Terminal report: findings grouped by subject, most severe first, each collapsed to its distinct figures,
within 80 columns (a terminal's own width when it is one), and a summary line.

Article text is printed only through `Text` objects (no rich markup is parsed) and after `safe()`, which
shows control characters (ESC, C1 codes, bidirectional overrides) as visible escapes, so an article cannot
drive the reader's terminal.
"""

from __future__ import annotations

from typing import TextIO

import regex
from rich.cells import cell_len
from rich.console import Console
from rich.control import strip_control_codes
from rich.text import Text

from ..pipeline import Analysis
from . import figures
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


# Figures listed per finding; the rest are counted (report.json and report.html have them).
FIGURES = 8
WIDTH = 80


class _Lines:
    """The report's lines, printed through the console at once: one `print` per line cost most of the
    report's time on a large corpus."""

    def __init__(self, console: Console):
        self.console, self.width, self.lines = console, console.width, []

    def print(self, line: Text | None = None, wrap: bool = False) -> None:
        """One line; with `wrap`, wrapped to the width as the console would."""
        if line is None:
            self.lines.append(Text())
        elif wrap:
            self.lines.extend(line.wrap(self.console, self.width))
        else:
            self.lines.append(line)

    def flush(self) -> None:
        if self.lines:
            self.console.print(Text("\n").join(self.lines), no_wrap=True, overflow="ignore", crop=False)
        self.lines = []


def _indented(out: _Lines, text: Text, indent: int = 2) -> None:
    """`text` wrapped at word boundaries to the console's width, each line indented, no trailing blanks."""
    for line in text.wrap(out.console, max(20, out.width - indent), overflow="fold"):
        line.rstrip()
        out.print(Text(" " * indent) + line)


class _PlainLines:
    """`_Lines` for a console that writes no styles (a file, a pipe: `color_system` None), as plain strings:
    the same characters rich would write, without a `Text` per line or rich's rendering of them all. A line
    that fits the width is what wrapping it would give; any other is wrapped by rich itself."""

    def __init__(self, console: Console):
        self.console, self.width, self.lines = console, console.width, []

    def print(self, line: str = "", wrap: bool = False) -> None:
        line = strip_control_codes(line)  # as `Text` does
        self.lines.extend(self._wrap(line, self.width) if wrap else (line,))

    def indented(self, text: str, indent: int = 2) -> None:
        """`_indented`: wrapped to the width less the indent, each line indented, no trailing blanks."""
        pad = " " * indent
        self.lines.extend(pad + line.rstrip() for line in self._wrap(strip_control_codes(text),
                                                                     max(20, self.width - indent)))

    def _wrap(self, line: str, width: int) -> list[str]:
        if len(line) <= width and "\n" not in line and "\t" not in line and cell_len(line) <= width:
            return [line]  # nothing to break, strip or fold
        return [piece.plain for piece in Text(line).wrap(self.console, width, overflow="fold")]

    def flush(self) -> None:
        if not self.lines:
            return
        if any("\t" in line for line in self.lines):  # rich expands tabs: let it
            self.console.print(Text("\n").join(Text(line) for line in self.lines), no_wrap=True,
                               overflow="ignore", crop=False)
        else:
            self.console.file.write("\n".join(self.lines) + "\n")
            self.console.file.flush()
        self.lines = []


def render(analysis: Analysis, stream: TextIO, acknowledged: dict[str, str] | None = None,
           plain: bool | None = None) -> None:
    """Each subject, then each finding: its severity, rule and id, its message wrapped to the width, and one
    line per distinct figure with the location of its first claim. Locations are never wrapped mid-name.
    `plain` (default: when the console writes no styles) lays the lines out as strings; the output is the
    same either way."""
    width = WIDTH if not getattr(stream, "isatty", lambda: False)() else None
    rich_console = Console(file=stream, highlight=False, soft_wrap=False, emoji=False, markup=False, width=width)
    if plain is None:
        plain = rich_console.color_system is None and not rich_console.is_jupyter
    if plain:
        _render_plain(analysis, _PlainLines(rich_console), acknowledged or {})
        return
    console = _Lines(rich_console)
    acknowledged = acknowledged or {}
    for key, findings in _groups(analysis):
        source = "declared subject" if findings[0].subject_source == "declared" else "automatic grouping"
        title = Text(safe(key.removeprefix("auto:")), style="bold")
        title.append(f"  ({source})", style="dim")
        _indented(console, title, 0)
        for f in findings:
            head = Text(f.severity, style=_STYLE.get(f.severity, ""))
            head.append(f" {f.rule} {f.id}")
            articles = len({c.article for c in f.claims})
            head.append(f"  {len(f.claims)} claim{'' if len(f.claims) == 1 else 's'} in {articles} "
                        f"article{'' if articles == 1 else 's'}", style="dim")
            if f.id in acknowledged:
                head.append("  acknowledged", style="green")
            console.print(head, wrap=True)
            _indented(console, Text(safe(f.message)))
            if f.id in acknowledged:
                _indented(console, Text("acknowledged: " + (safe(acknowledged[f.id]) or "no reason given"),
                                        style="green"))
            found = figures.figures(f)
            shown = figures.shown(f, FIGURES)
            wide = max((len(safe(fig.figure)) for fig in shown), default=0)
            for fig in shown:
                first = fig.claims[0]
                line = Text(f"  {figures.letter(fig.cluster)} ")
                line.append(safe(fig.figure).ljust(wide), style="bold")
                n = fig.articles
                line.append(f"  {n:>3} article{' ' if n == 1 else 's'}")
                where = Text(safe(f"{first.file}:{first.line}:{first.col}"), style="dim")
                if len(fig.claims) > 1:
                    where.append(f" +{len(fig.claims) - 1}")
                if line.cell_len + 2 + where.cell_len > console.width:  # the location on a line of its own
                    console.print(line)
                    line = Text("      ")
                else:
                    line.append("  ")
                console.print(line + where)
            if len(found) > len(shown):
                rest = sum(len(fig.claims) for fig in found if fig not in shown)
                console.print(Text(f"  +{len(found) - len(shown)} other figures ({rest} claims): report.json "
                                   "lists every claim", style="dim"), wrap=True)
        console.print()
    _indented(console, Text(_summary_line(analysis, acknowledged)), 0)
    for file, reason in sorted(analysis.extraction.corpus.skipped):
        _indented(console, Text(f"skipped {safe(file)}: {safe(reason)}", style="dim"))
    console.flush()


def _summary_line(analysis: Analysis, acknowledged: dict[str, str]) -> str:
    s = summary(analysis)
    by = ", ".join(f"{n} {sev}" for sev, n in sorted(s["by_severity"].items(), key=lambda kv: _RANK.get(kv[0], 9)))
    n_ack = sum(1 for f in analysis.findings if f.id in acknowledged)
    line = (f"{s['files']} files, {s['articles']} articles, {s['assertions']} assertions, {s['subjects']} subjects: "
            f"{s['findings']} findings ({by or 'none'})")
    if n_ack:
        line += f", {n_ack} acknowledged"
    if s["skipped_files"]:
        line += f"; {s['skipped_files']} files skipped"
    return line


def _render_plain(analysis: Analysis, out: _PlainLines, acknowledged: dict[str, str]) -> None:
    """`render`'s lines, character for character, as strings (the styles left out, as the console would)."""
    for key, findings in _groups(analysis):
        source = "declared subject" if findings[0].subject_source == "declared" else "automatic grouping"
        out.indented(f"{safe(key.removeprefix('auto:'))}  ({source})", 0)
        for f in findings:
            articles = len({c.article for c in f.claims})
            head = (f"{f.severity} {f.rule} {f.id}  {len(f.claims)} claim{'' if len(f.claims) == 1 else 's'} in "
                    f"{articles} article{'' if articles == 1 else 's'}")
            if f.id in acknowledged:
                head += "  acknowledged"
            out.print(head, wrap=True)
            out.indented(safe(f.message))
            if f.id in acknowledged:
                out.indented("acknowledged: " + (safe(acknowledged[f.id]) or "no reason given"))
            found = figures.figures(f)
            shown = figures.shown(f, FIGURES)
            wide = max((len(safe(fig.figure)) for fig in shown), default=0)
            for fig in shown:
                first = fig.claims[0]
                n = fig.articles
                line = strip_control_codes(f"  {figures.letter(fig.cluster)} {safe(fig.figure).ljust(wide)}"
                                           f"  {n:>3} article{' ' if n == 1 else 's'}")
                where = strip_control_codes(safe(f"{first.file}:{first.line}:{first.col}"))
                if len(fig.claims) > 1:
                    where += f" +{len(fig.claims) - 1}"
                if cell_len(line) + 2 + cell_len(where) > out.width:  # the location on a line of its own
                    out.print(line)
                    line = "      "
                else:
                    line += "  "
                out.print(line + where)
            if len(found) > len(shown):
                rest = sum(len(fig.claims) for fig in found if fig not in shown)
                out.print(f"  +{len(found) - len(shown)} other figures ({rest} claims): report.json lists every "
                          "claim", wrap=True)
        out.print()
    out.indented(_summary_line(analysis, acknowledged), 0)
    for file, reason in sorted(analysis.extraction.corpus.skipped):
        out.indented(f"skipped {safe(file)}: {safe(reason)}")
    out.flush()
