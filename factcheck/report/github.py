"""`check --format github`: GitHub Actions workflow commands, and a Markdown step summary.

One `::error file=…,line=…,col=…,title=…::message` per claim of each new finding (GitHub then marks every
line involved). GitHub shows only about ten annotations per step, so the full list also goes, as Markdown,
to the file named by `$GITHUB_STEP_SUMMARY` when that variable is set.
"""

from __future__ import annotations

import os
from typing import TextIO



def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotations(result) -> list[str]:
    lines = []
    for f in result.new:
        n = len(f.claims)
        for i, c in enumerate(f.claims, 1):
            title = f"{f.rule} {f.severity}: {f.subject}" + (f" (claim {i} of {n})" if n > 1 else "")
            others = "; ".join(f"{result.path(o.file)}:{o.line} {' '.join(o.quote.split())}"
                               for o in f.claims if o is not c)
            message = f"{f.message} [{f.id}]" + (f" Other claims: {others}" if others else "")
            end_col = c.col + len(c.quote) if "\n" not in c.quote else None
            props = [f"file={escape_property(result.path(c.file))}", f"line={c.line}", f"col={c.col}"]
            if end_col:
                props += [f"endLine={c.line}", f"endColumn={end_col}"]
            props.append(f"title={escape_property(title)}")
            lines.append(f"::{'warning' if result.growth_allowed else 'error'} {','.join(props)}::"
                         f"{escape_data(message)}")
    level = "warning" if result.growth_allowed else "error"
    for f in result.grown:
        entry, added = result.joins[f.id]
        for c in added:
            props = [f"file={escape_property(result.path(c.file))}", f"line={c.line}", f"col={c.col}"]
            if "\n" not in c.quote:
                props += [f"endLine={c.line}", f"endColumn={c.col + len(c.quote)}"]
            props.append(f"title={escape_property(f'{f.rule} {f.severity}: new claim in a known finding')}")
            message = f"{' '.join(c.quote.split())} joins known finding {entry['id']}: {f.message} [{f.id}]"
            lines.append(f"::{level} {','.join(props)}::{escape_data(message)}")
    if result.fixed:
        lines.append("::notice title=factcheck baseline::" + escape_data(
            f"{len(result.fixed)} baseline finding(s) no longer occur; `factcheck check --prune` drops them"))
    return lines


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def summary_markdown(result) -> str:
    from .check import counts, growth_note

    verdict = "❌ failed" if result.failing and not result.growth_allowed else "✅ passed"
    out = [f"## factcheck check: {verdict}", "", counts(result), ""]
    if result.failing and result.growth_allowed:
        out += [f"--allow-growth: {growth_note(result)} added to the baseline.", ""]
    if result.new:
        out += ["### New findings", "", "| severity | rule | finding | claims |", "| --- | --- | --- | --- |"]
        for f in result.new:
            claims = "<br>".join(f"`{_cell(result.path(c.file))}:{c.line}:{c.col}` {_cell(c.quote)}"
                                 for c in f.claims)
            out.append(f"| {f.severity} | {f.rule} | {_cell(f.message)} `{f.id}` | {claims} |")
        out.append("")
    if result.grown:
        out += ["### New claims in known findings", "", "| severity | rule | finding | new claims |",
                "| --- | --- | --- | --- |"]
        for f in result.grown:
            entry, added = result.joins[f.id]
            claims = "<br>".join(f"`{_cell(result.path(c.file))}:{c.line}:{c.col}` {_cell(c.quote)}" for c in added)
            out.append(f"| {f.severity} | {f.rule} | {_cell(f.message)} joins `{entry['id']}` | {claims} |")
        out.append("")
    if result.fixed:
        out += ["### Fixed (in the baseline, no longer found)", ""]
        out += [f"- {e['rule']} `{e['id']}` {_cell(e.get('message', e['subject']))}" for e in result.fixed]
        out += ["", "Run `factcheck check --prune` to drop them from the baseline.", ""]
    if result.acknowledged:
        out += ["### Acknowledged", ""]
        out += [f"- {f.rule} `{f.id}` {_cell(f.message)}: {_cell(reason)}" for f, reason in result.acknowledged]
        out.append("")
    return "\n".join(out) + "\n"


def write_summary(result, path: str | None = None) -> str | None:
    """Append the Markdown summary to `$GITHUB_STEP_SUMMARY` (other steps' summaries stay); the path or None."""
    path = path or os.environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return None
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(summary_markdown(result))
    return path


def render(result, stream: TextIO) -> None:
    for line in annotations(result):
        stream.write(line + "\n")
    from .check import counts

    failed = result.failing and not result.growth_allowed
    stream.write(f"factcheck check {'FAILED' if failed else 'passed'}: {counts(result)}\n")
    write_summary(result)
