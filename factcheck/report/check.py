"""Output of `factcheck check`: terminal, JSON, GitHub annotations and SARIF, chosen by name.

Each formatter takes a `gate.GateResult` and a stream; the gate's logic lives in `factcheck.gate`.
"""

from __future__ import annotations

import json
import sys
from typing import Callable, TextIO

from ..gate import GateResult
from ..model import ClaimRef, Finding
from . import github, sarif
from .json_report import finding_record


def _where(result: GateResult, c: ClaimRef) -> str:
    return f"{result.path(c.file)}:{c.line}:{c.col}"


def render_terminal(result: GateResult, stream, color: bool = False) -> None:
    import click

    def style(text: str, **kw) -> str:
        return click.style(text, **kw) if color else text

    def show(f: Finding, note: str = "") -> None:
        colour = {"high": "red", "medium": "yellow"}.get(f.severity)
        stream.write(f"{style(f.severity, fg=colour, bold=True)} {f.rule} {f.id}  {f.message}{note}\n")
        for c in f.claims:
            quote = " ".join(c.quote.split())
            stream.write(f"    {_where(result, c)}  {quote}" + (f"  ({c.title})" if c.title else "") + "\n")

    if result.new:
        stream.write(style(f"{len(result.new)} new finding(s):", bold=True) + "\n")
        for f in result.new:
            show(f)
    if result.grown:
        stream.write(style(f"{result.new_claims()} new claim(s) in {len(result.grown)} known finding(s):", bold=True)
                     + "\n")
        for f in result.grown:
            entry, added = result.joins[f.id]
            colour = {"high": "red", "medium": "yellow"}.get(f.severity)
            stream.write(f"{style(f.severity, fg=colour, bold=True)} {f.rule} {f.id}  {f.message}\n")
            stream.write(f"    joins known finding {entry['id']}"
                         f" ({len(f.claims) - len(added)} known claim(s))\n")
            for c in added:
                quote = " ".join(c.quote.split())
                stream.write(f"    new: {_where(result, c)}  {quote}" + (f"  ({c.title})" if c.title else "") + "\n")
    if result.fixed:
        stream.write(style(f"{len(result.fixed)} baseline finding(s) no longer occur (fixed); "
                           "`factcheck check --prune` drops them:", fg="green") + "\n")
        for e in result.fixed:
            stream.write(f"    {e['rule']} {e['id']}  {e.get('message', e['subject'])}\n")
    if result.acknowledged:
        stream.write(f"{len(result.acknowledged)} acknowledged finding(s):\n")
        for f, reason in result.acknowledged:
            stream.write(f"    {f.rule} {f.id}  {reason}\n")
    for ack in result.unused_acknowledgements:
        what = ack.id or f"{ack.subject} {list(ack.values) if ack.values else ''}".strip()
        stream.write(f"note: acknowledgement {what} ({ack.reason}) matches no finding\n")
    if not result.baseline.exists:
        stream.write(f"note: no baseline at {result.baseline.path}; every finding counts as new "
                     "(`factcheck baseline` writes one)\n")
    if result.failing and not result.growth_allowed:
        verdict = style("FAILED", fg="red", bold=True)
    else:
        verdict = style("passed", fg="green", bold=True)
    stream.write(f"factcheck check {verdict}: {counts(result)}\n")
    if result.failing and result.growth_allowed:
        stream.write(f"--allow-growth: {growth_note(result)} added to {result.baseline.path}\n")


def counts(result: GateResult) -> str:
    """`1 new, 2 known, 1 known with new claims (1 claim), 0 acknowledged, 0 fixed`."""
    grown = (f", {len(result.grown)} known with new claims ({result.new_claims()} claim(s))"
             if result.grown else "")
    return (f"{len(result.new)} new, {len(result.known)} known{grown}, {len(result.acknowledged)} acknowledged, "
            f"{len(result.fixed)} fixed")


def growth_note(result: GateResult) -> str:
    """What --allow-growth adds: `1 new finding and 2 new claims of 1 known finding`."""
    parts = []
    if result.new:
        parts.append(f"{len(result.new)} new finding(s)")
    if result.grown:
        parts.append(f"{result.new_claims()} new claim(s) of {len(result.grown)} known finding(s)")
    return " and ".join(parts) or "nothing"


def finding_json(result: GateResult, f: Finding, **extra) -> dict:
    rec = finding_record(f)
    for claim in rec["claims"]:
        claim["path"] = result.path(claim["file"])
    rec.update(extra)
    return rec


def report_json(result: GateResult) -> dict:
    return {
        "passed": result.passed,
        "baseline": result.baseline.path,
        "growth_allowed": result.growth_allowed,
        "summary": {"new": len(result.new), "known": len(result.known), "grown": len(result.grown),
                    "new_claims": result.new_claims(),
                    "acknowledged": len(result.acknowledged), "fixed": len(result.fixed)},
        "new": [finding_json(result, f) for f in result.new],
        "grown": [_grown_json(result, f) for f in result.grown],
        "known": [finding_json(result, f) for f in result.known],
        "acknowledged": [finding_json(result, f, reason=r) for f, r in result.acknowledged],
        "fixed": result.fixed,
        "unused_acknowledgements": [{"id": a.id, "subject": a.subject, "values": list(a.values),
                                     "reason": a.reason, "date": a.date} for a in result.unused_acknowledgements],
    }


def _grown_json(result: GateResult, f: Finding) -> dict:
    entry, added = result.joins[f.id]
    return finding_json(result, f, joins=entry["id"],
                        new_claims=[{"file": c.file, "path": result.path(c.file), "line": c.line, "col": c.col,
                                     "quote": c.quote} for c in added])


def render_json(result: GateResult, stream) -> None:
    json.dump(report_json(result), stream, ensure_ascii=False, indent=1)
    stream.write("\n")


def _terminal(result: GateResult, stream: TextIO) -> None:
    render_terminal(result, stream, color=stream is sys.stdout and sys.stdout.isatty())


CHECK_FORMATS: dict[str, Callable[[GateResult, TextIO], None]] = {
    "terminal": _terminal,
    "json": render_json,
    "github": github.render,
    "sarif": sarif.render,
}
