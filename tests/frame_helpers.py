"""Helpers the frame tests share: articles written with front matter, and frames read back by figure."""

from __future__ import annotations

from pathlib import Path


def article(folder: Path, name: str, title: str, date: str, body: str) -> None:
    """An article file with YAML front matter (title, date) and `body`."""
    (folder / name).write_text(f"---\ntitle: {title}\ndate: {date}\n---\n{body}", encoding="utf-8")


def by_figure(analysis) -> dict:
    """Each claim's frame by the figure as written (the last claim wins where a figure repeats)."""
    return {p.claim.text: p.frame for p in analysis.placed}


def by_file(analysis) -> dict:
    """Each claim's frame by (file, figure as written)."""
    return {(p.claim.file, p.claim.text): p.frame for p in analysis.placed}


def quotes(analysis) -> list[list[str]]:
    """Each finding's claims, as their quotes, sorted."""
    return [sorted(c.quote for c in f.claims) for f in analysis.findings]
