"""A finding's claims collapsed to its distinct figures ("90% — 27 articles"), shared by the formatters."""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from .. import numfmt


@dataclass(frozen=True)
class Figure:
    cluster: int  # index of the cluster of agreeing figures it belongs to
    figure: str  # as the claims state it: "90%", "~30,000 CNY", ">85%"
    qualifier: str
    claims: tuple  # model.ClaimRef, in the finding's order

    @property
    def articles(self) -> int:
        return len({c.article for c in self.claims})


def clusters(finding, n: int) -> list[int]:
    """Each claim's cluster, from the finding's `extra["clusters"]` sizes (claims are in cluster order)."""
    sizes = finding.extra.get("clusters") if isinstance(finding.extra, dict) else None
    if not isinstance(sizes, (list, tuple)) or sum(int(s) for s in sizes) != n:
        return [0] * n
    out: list[int] = []
    for i, size in enumerate(sizes):
        out.extend([i] * int(size))
    return out


def figures(finding) -> list[Figure]:
    """The finding's distinct figures, cluster by cluster, in the finding's order (low to high). Kept for the
    findings alive (each format asks, and a finding may hold thousands of claims)."""
    held = _FIGURES.get(id(finding))
    if held is not None and held[0]() is finding:
        return list(held[1])
    found = _figures(finding)
    try:
        if len(_FIGURES) > 10_000:
            _FIGURES.clear()
        _FIGURES[id(finding)] = (weakref.ref(finding), tuple(found))
    except TypeError:  # a finding that cannot be weakly referenced: not kept
        pass
    return found


# id(finding) -> (weak reference to it, its figures): findings hash by their contents, which is slow
_FIGURES: dict[int, tuple] = {}


def _figures(finding) -> list[Figure]:
    groups: dict[tuple, list] = {}
    for c, k in zip(finding.claims, clusters(finding, len(finding.claims))):
        key = (k, numfmt.quantity(c.value, c.unit, c.value_high, c.qualifier), c.qualifier)
        groups.setdefault(key, []).append(c)
    return [Figure(k, figure, qualifier, tuple(claims)) for (k, figure, qualifier), claims in groups.items()]


def shown(finding, limit: int) -> list[Figure]:
    """`choose(figures(finding), limit)`, kept for the findings alive like `figures` (the terminal and the
    HTML report show the same number of figures of a finding below 800 findings)."""
    key = (id(finding), limit)
    held = _SHOWN.get(key)
    if held is not None and held[0]() is finding:
        return list(held[1])
    chosen = choose(figures(finding), limit)
    try:
        if len(_SHOWN) > 10_000:
            _SHOWN.clear()
        _SHOWN[key] = (weakref.ref(finding), tuple(chosen))
    except TypeError:  # a finding that cannot be weakly referenced: not kept
        pass
    return chosen


_SHOWN: dict[tuple[int, int], tuple] = {}


def choose(found: list[Figure], limit: int) -> list[Figure]:
    """At most `limit` figures, in their order: the most cited figure of each cluster (largest clusters
    first, so the disagreement itself is always shown), then the most cited of the rest."""
    if len(found) <= limit:
        return list(found)
    order = {id(f): i for i, f in enumerate(found)}
    by_cluster: dict[int, list[Figure]] = {}
    for f in found:
        by_cluster.setdefault(f.cluster, []).append(f)

    def cited(f: Figure) -> tuple:
        return (-len(f.claims), order[id(f)])

    heads = sorted((min(fs, key=cited) for fs in by_cluster.values()),
                   key=lambda f: (-sum(len(x.claims) for x in by_cluster[f.cluster]), order[id(f)]))
    chosen = {id(f) for f in heads[:limit]}
    for f in sorted(found, key=cited):
        if len(chosen) >= limit:
            break
        chosen.add(id(f))
    return [f for f in found if id(f) in chosen]


def letter(i: int) -> str:
    return chr(ord("A") + i) if i < 26 else str(i + 1)
