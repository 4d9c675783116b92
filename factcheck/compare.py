"""Stage 5: compare claims within each subject group, and check parenthetical conversions.

A claim is an interval: its value widened by its written precision and shaped by its qualifier
(`over 85%` is (85, 100]). Two claims conflict when the gap between their intervals exceeds the subject's
tolerance. Within a group, claims are sorted and swept once into clusters of mutually compatible figures
(O(n log n)); a group with more than one cluster, spread over more than one article, is a finding.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

import regex

from . import numfmt
from .corpus import line_col
from .model import Article, Claim, ClaimRef, Finding
from .normalise import Units, convert
from .rules import Rules
from .subjects import Assignment

CONTRADICTION = "FC100"
CONVERSION = "FC200"
RULE_HELP = {
    CONTRADICTION: "Articles give figures for the same subject that disagree beyond the tolerance.",
    CONVERSION: "A figure and its conversion in the same sentence disagree at the declared rate.",
}
_CONVERSION_GAP = regex.compile(
    r"\s*[(（]\s*(?:(?i:approximately|approx\.|about|around|roughly|or|some|nearly|equivalent to|worth)\s+|"
    r"约合|折合|约|合|相当于)?\s*$")
_NEARLY = {"nearly", "almost", "close to", "近", "将近", "接近"}


@dataclass(frozen=True)
class Placed:
    """A claim with its group and the interval it allows."""

    claim: Claim
    assignment: Assignment
    low: float  # in the group's unit (see _BASE_UNIT)
    high: float
    value: float
    unit: str


# Units a text can leave open: plain "tons" are metric in the news, but may be short tons (0.907 t).
_AMBIGUOUS_TONS = regex.compile(r"(?i)\btons?\b")
_SHORT_TON = 0.90718474


def interval(claim: Claim, rules: Rules) -> tuple[float, float]:
    """The values a claim allows, from its qualifier, written precision and any unit ambiguity."""
    low, high = _qualified(claim, rules)
    if claim.unit == "t" and _AMBIGUOUS_TONS.search(claim.text) and "metric" not in claim.text.lower():
        low = min(low, low * _SHORT_TON)
    return low, high


def _qualified(claim: Claim, rules: Rules) -> tuple[float, float]:
    v = claim.value
    half = claim.precision / 2 if claim.precision and claim.qualifier == "exact" else 0.0
    ceiling = 100.0 if claim.unit == "percent" and not claim.direction else math.inf
    floor = 0.0 if v >= 0 else -math.inf
    q = claim.qualifier
    if q == "range" and claim.value_high is not None:
        return min(v, claim.value_high), max(v, claim.value_high)
    if q in ("at_most", "under") and claim.cue in _NEARLY:
        return v - abs(v) * rules.qualifier_widths["nearly"], v
    if q == "approx":
        w = abs(v) * rules.qualifier_widths["approx"]
        return v - max(w, claim.precision / 2), v + max(w, claim.precision / 2)
    if q in ("over", "at_least"):
        return v, max(ceiling, v)
    if q in ("under", "at_most"):
        return min(floor, v), v
    return v - half, v + half


# Claims of one dimension are compared in one unit (a month is 1/12 year, a kilogram 1/1000 t).
_BASE_UNIT = {"mass": "t", "time": "year", "length": "km"}


def place(claims: list[tuple[Claim, Assignment]], rules: Rules, units: Units) -> list[Placed]:
    out = []
    for claim, assignment in claims:
        low, high = interval(claim, rules)
        base = _BASE_UNIT.get(assignment.dimension)
        factor, unit = 1.0, claim.unit
        if base and claim.unit != base:
            try:
                factor, unit = convert(units, 1.0, claim.unit, base), base
            except Exception:  # an exotic unit pint cannot convert: it stays in its own unit
                pass
        out.append(Placed(claim, assignment, low * factor, high * factor, claim.value * factor, unit))
    return out


def finding_id(rule: str, subject: str, claims: list[Claim]) -> str:
    """Stable across edits elsewhere in a file: code, subject, files and normalised values, never offsets."""
    parts = sorted({(c.file, round(c.value, 9), None if c.value_high is None else round(c.value_high, 9), c.unit)
                    for c in claims}, key=repr)
    digest = hashlib.sha1(repr((rule, subject, parts)).encode("utf-8")).hexdigest()[:12]
    return f"{rule}-{digest}"


class Comparer:
    def __init__(self, rules: Rules, texts: dict[str, str], articles: dict[str, Article]):
        self.rules = rules
        self.texts = texts
        self.articles = articles

    def ref(self, p: Placed) -> ClaimRef:
        c = p.claim
        line, col = line_col(self.texts[c.file], c.start)
        article = self.articles.get(c.article)
        return ClaimRef(file=c.file, article=c.article, title=article.title if article else "",
                        date=article.date if article else None, start=c.start, end=c.end, line=line, col=col,
                        quote=c.text, sentence=c.sentence, value=c.value, value_high=c.value_high, unit=c.unit,
                        qualifier=c.qualifier, low=p.low, high=p.high)

    # -- FC100 -----------------------------------------------------------------------------------------

    def contradictions(self, placed: list[Placed]) -> list[Finding]:
        """FC100 findings; pass claims that are conversions of another figure through `conversion_pairs` first."""
        groups: dict[str, list[Placed]] = {}
        for p in placed:
            groups.setdefault(p.assignment.group, []).append(p)
        findings = []
        for key in sorted(groups):
            members = groups[key]
            if len({p.claim.article for p in members}) < 2:
                continue
            finding = self._group_finding(key, members)
            if finding is not None:
                findings.append(finding)
        return findings

    def _group_finding(self, key: str, members: list[Placed]) -> Finding | None:
        a = members[0].assignment
        scale = max(abs(p.value) for p in members)
        tol = self.rules.tolerance(a.subject, a.dimension).amount(scale)
        members = sorted(members, key=lambda p: (p.low, p.high, p.claim.file, p.claim.start))
        clusters: list[list[Placed]] = []
        cluster_high = -math.inf
        for p in members:
            if clusters and p.low - cluster_high <= tol:
                clusters[-1].append(p)
                cluster_high = min(cluster_high, p.high)
            else:
                clusters.append([p])
                cluster_high = p.high
        if len(clusters) < 2:
            return None
        # Disagreement only counts across articles: one cluster's articles must differ from another's.
        articles = [{p.claim.article for p in c} for c in clusters]
        if all(len(x) == 1 and x == articles[0] for x in articles):
            return None
        gaps = [min(p.low for p in later) - min(p.high for p in earlier)
                for earlier, later in zip(clusters, clusters[1:])]
        gap = max(gaps)
        severity = "high" if gap > self.rules.high_factor * tol else "medium"
        ordered = [p for c in clusters for p in c]
        values = " vs ".join(", ".join(dict.fromkeys(_show(p.claim) for p in c)) for c in clusters)
        subject = a.subject
        label = f"{subject.removeprefix('auto:')} of {a.entity}, {a.scope}, {a.period}"
        message = f"{label}: {values} (tolerance ±{_fmt(tol)} {_unit_word(a.dimension, members[0].unit)})"
        return Finding(id=finding_id(CONTRADICTION, key, [p.claim for p in ordered]), rule=CONTRADICTION,
                       subject=key, subject_source=a.source, severity=severity, message=message,
                       claims=tuple(self.ref(p) for p in ordered),
                       extra={"tolerance": tol, "gap": gap, "clusters": [len(c) for c in clusters]})

    # -- FC200 -----------------------------------------------------------------------------------------

    def conversion_pairs(self, placed: list[Placed]) -> list[tuple[Placed, Placed]]:
        """Figures followed by a parenthetical conversion in another unit: `700 billion rubles (about …)`."""
        by_file: dict[str, list[Placed]] = {}
        for p in placed:
            by_file.setdefault(p.claim.file, []).append(p)
        pairs = []
        for file in sorted(by_file):
            items = sorted(by_file[file], key=lambda p: p.claim.start)
            text = self.texts[file]
            for first, second in zip(items, items[1:]):
                f1, f2 = first.claim, second.claim
                if f1.unit == f2.unit or f2.start - f1.end > 40:
                    continue
                if _CONVERSION_GAP.match(text[f1.end:f2.start]) and self._rate(f1.unit, f2.unit) is not None:
                    pairs.append((first, second))
        return pairs

    def conversions(self, pairs: list[tuple[Placed, Placed]]) -> list[Finding]:
        findings = []
        for first, second in pairs:
            f1, f2 = first.claim, second.claim
            rate = self._rate(f1.unit, f2.unit)
            if rate is None or f1.value == 0:
                continue
            expected = f1.value * rate
            off = abs(f2.value - expected) / abs(expected)
            allowed = self.rules.conversion_tolerance + (f2.precision / abs(f2.value) if f2.value else 0)
            if off <= allowed:
                continue
            message = (f"{_show(f1)} converts to about {_fmt(expected)} {f2.unit} at {_fmt(rate)} "
                       f"{f2.unit}/{f1.unit}, not {_show(f2)} ({off:.0%} off)")
            subject = f"conversion:{f1.unit}->{f2.unit}"
            findings.append(Finding(
                id=finding_id(CONVERSION, subject, [f1, f2]), rule=CONVERSION, subject=subject,
                subject_source="declared", severity="high" if off > 3 * allowed else "medium",
                message=message, claims=(self.ref(first), self.ref(second)),
                extra={"rate": rate, "expected": expected, "off": off}))
        return findings

    def _rate(self, source: str, target: str) -> float | None:
        for r in self.rules.rates:
            if (r.source, r.target) == (source, target):
                return r.rate
            if (r.source, r.target) == (target, source):
                return 1 / r.rate
        return None


def _fmt(x: float) -> str:
    return numfmt.number(x)


def _show(c: Claim) -> str:
    return numfmt.quantity(c.value, c.unit, c.value_high, c.qualifier)


def _unit_word(dim: str, unit: str) -> str:
    return {"percent": "percentage points", "percentage_point": "percentage points"}.get(dim, unit if dim != "time" else unit)
