"""`factcheck subjects`: every group with its claims, declared subjects first, for rule authors."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.tree import Tree

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
            tree.add(f"{c.file}@{c.start}  [cyan]{c.text}[/cyan]  = {c.value:g}"
                     f"{'' if c.value_high is None else f'–{c.value_high:g}'} {c.unit} ({c.qualifier})",
                     highlight=False)
        console.print(tree)
    console.print(f"{len(groups)} groups, {len(analysis.placed)} claims")
