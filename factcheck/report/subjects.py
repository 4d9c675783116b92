"""`factcheck subjects`: every group with its claims, declared subjects first, for rule authors."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.tree import Tree

from .. import numfmt
from ..pipeline import Analysis


def render(analysis: Analysis, stream: TextIO) -> None:
    console = Console(file=stream, highlight=False, soft_wrap=False)
    groups: dict[str, list] = {}
    for p in analysis.placed:
        groups.setdefault(p.assignment.group, []).append(p)
    order = sorted(groups, key=lambda g: (groups[g][0].assignment.source != "declared", g))
    for key in order:
        members = groups[key]
        tree = Tree(f"[bold]{key}[/bold]  ({members[0].assignment.source}, {len(members)} claims)")
        for p in sorted(members, key=lambda p: (p.claim.file, p.claim.start)):
            c = p.claim
            value = numfmt.number(c.value, significant=10)
            high = "" if c.value_high is None else "–" + numfmt.number(c.value_high, significant=10)
            tree.add(f"{c.file}@{c.start}  [cyan]{c.text}[/cyan]  = {value}{high} {c.unit} ({c.qualifier})",
                     highlight=False)
        console.print(tree)
    console.print(f"{len(groups)} groups, {len(analysis.placed)} claims")
