"""`factcheck subjects`: every claim's frame, slot by slot with provenance, and every comparison group."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.markup import escape
from rich.tree import Tree

from .. import numfmt
from ..compare import describe, groups
from ..pipeline import Analysis

_SLOTS = ("measure", "holder", "object", "period", "basis", "attribution")


def render(analysis: Analysis, stream: TextIO) -> None:
    console = Console(file=stream, highlight=False, soft_wrap=False)
    window = analysis.rules_window
    compared = groups(analysis.placed, window)
    grouped = set()
    for key, members in compared:
        tree = Tree(f"[bold]{escape(describe(members[0].frame, members))}[/bold]  {escape(key)}  "
                    f"({len(members)} claims)")
        for p in sorted(members, key=lambda p: (p.claim.file, p.claim.start)):
            grouped.add(id(p))
            _claim(tree, p)
        console.print(tree)
    loose = [p for p in analysis.placed if id(p) not in grouped]
    if loose:
        tree = Tree("[bold]not compared[/bold] (no measure the vocabulary knows)")
        for p in sorted(loose, key=lambda p: (p.claim.file, p.claim.start)):
            _claim(tree, p)
        console.print(tree)
    console.print(f"{len(compared)} groups, {len(analysis.placed)} claims, {len(loose)} not compared")


def _claim(tree: Tree, p) -> None:
    c = p.claim
    high = "" if c.value_high is None else "–" + numfmt.number(c.value_high, significant=10)
    value = f"{numfmt.number(c.value, significant=10)}{high} {c.unit}"
    node = tree.add(f"{escape(c.file)}@{c.start}  [cyan]{escape(c.text)}[/cyan]  = {value} ({c.qualifier})")
    for name in _SLOTS:
        slot = getattr(p.frame, name)
        if slot.value or slot.words:
            node.add(f"{name}: {escape(str(slot.value))}  ← {escape(repr(slot.words))} \\[{escape(slot.rule)}]")
