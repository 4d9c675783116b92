"""Stage 5: compare claims whose frames match, and check parenthetical conversions.

A claim is an interval: its value widened by its written precision and shaped by its qualifier
(`over 85%` is (85, 100]). Claims are blocked on the frame slots that must agree exactly (dimension,
measure, holder and place, level or change); inside a block only claims with compatible frames meet:
the same basis, the same period (two "current" figures when their articles' dates lie within
`current_window_days`), and equal objects or one unknown. Each such group is sorted and swept once into
clusters of agreeing figures (O(n log n)); a group with more than one cluster, across articles, is a
finding. No pass over all pairs of the corpus.
"""

from __future__ import annotations

import hashlib
import math
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from operator import attrgetter
from typing import Collection, Iterable, Mapping

import regex

from . import numfmt
from .corpus import LineIndex
from .model import COUNTED, Article, Claim, ClaimRef, Finding, Frame
from .normalise import COMPARED_IN, Units, conversion_factor
from .rules import Rules

# The period of a figure with none of its own (`frames.CURRENT`, which a test holds this to). Spelt here, and
# the frames stage imported only where groups are made: a run that reads its findings back from the store
# never groups, and importing the frames stage costs it a quarter of a second.
CURRENT = "current"
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
    frame: Frame
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


def _in_headline(claim: Claim, headlines: Mapping[str, str]) -> bool:
    """Whether a claim's sentence is its article's headline (or the front matter's "title:" line holding it)."""
    title = (headlines.get(claim.article) or "").strip()
    sentence = claim.sentence.strip()
    return bool(title) and title in sentence and len(sentence) <= len(title) + len("title: ''")


# Claims of one dimension are compared in one unit (a month is 1/12 year, a kilogram 1/1000 t).
_BASE_UNIT = COMPARED_IN


def place(claims: list[tuple[Claim, Frame]], rules: Rules, units: Units,
          headlines: Mapping[str, str] | None = None) -> list[Placed]:
    """Each claim's interval in the unit its dimension is compared in. `headlines`: each article's headline (by
    article id): an exact figure there may be rounded a whole step ("jumps 40%" over a story's 40.6%)."""
    out = []
    factors: dict[tuple[str, str], tuple[float, str]] = {}  # (unit, base unit) -> (factor, unit compared in)
    for claim, frame in claims:
        low, high = interval(claim, rules)
        if headlines and claim.qualifier == "exact" and claim.precision and _in_headline(claim, headlines):
            low, high = low - claim.precision / 2, high + claim.precision / 2
        base = _BASE_UNIT.get(frame.dimension)
        factor, unit = 1.0, claim.unit
        if base and claim.unit != base:
            known = factors.get((claim.unit, base))
            if known is None:
                try:
                    known = (conversion_factor(units, claim.unit, base), base)
                except Exception:  # an exotic unit pint cannot convert: it stays in its own unit
                    known = (1.0, claim.unit)
                factors[claim.unit, base] = known
            factor, unit = known
        out.append(Placed(claim, frame, low * factor, high * factor, claim.value * factor, unit))
    return out


def finding_id(rule: str, subject: str, claims: list[Claim]) -> str:
    """Stable across edits elsewhere in a file: code, subject, files and normalised values, never offsets."""
    parts = {(c.file, round(c.value, 9), None if c.value_high is None else round(c.value_high, 9), c.unit)
             for c in claims}
    # repr((rule, subject, parts sorted by repr)), each part's repr made once (a finding cites up to thousands)
    listed = ", ".join(sorted(map(repr, parts)))
    digest = hashlib.sha1(f"({rule!r}, {subject!r}, [{listed}])".encode("utf-8")).hexdigest()[:12]
    return f"{rule}-{digest}"


# `Comparer.refs` makes claim references by position, in this order.
assert tuple(ClaimRef.__dataclass_fields__) == (
    "file", "article", "title", "date", "start", "end", "line", "col", "quote", "sentence", "value", "value_high",
    "unit", "qualifier", "low", "high")


class Comparer:
    def __init__(self, rules: Rules, texts: Mapping[str, str], articles: dict[str, Article],
                 positions: Mapping[Claim, tuple[int, int]] | None = None):
        self.rules = rules
        self.texts = texts  # looked up only for the claims a finding quotes and conversion candidates
        self.articles = articles
        self.positions = positions or {}  # (line, column) already known, without the claim's text
        self._rates: dict[tuple[str, str], float | None] = {}
        self._line_starts: dict[str, object] = {}  # file -> where its lines start (`corpus.LineIndex`)
        # (one dict per frame and per slot, shared by the findings that list them: frames share their slots)
        self._frame_dicts = FrameDicts()

    def ref(self, p: Placed) -> ClaimRef:
        return self.refs((p,))[0]

    def refs(self, members: Iterable[Placed]) -> tuple[ClaimRef, ...]:
        """`ref` of each member, in order (a finding's claims: tens of thousands in a corpus's findings)."""
        positions, line_starts, articles = self.positions, self._line_starts, self.articles
        out = []
        for p in members:
            c = p.claim
            # (no claim hashed when no position is known: the usual case, where the texts give them)
            known = positions and positions.get(c)
            if known:
                line, col = known
            else:  # (`corpus.line_col`, each file's line starts looked up once per comparer)
                starts = line_starts.get(c.file)
                if starts is None:
                    starts = line_starts[c.file] = LineIndex(self.texts[c.file]).starts
                line = bisect_right(starts, c.start)
                col = c.start - starts[line - 1] + 1
            article = articles.get(c.article)
            out.append(ClaimRef(c.file, c.article, article.title if article else "", article.date if article else None,
                                c.start, c.end, line, col, c.text, c.sentence, c.value, c.value_high, c.unit,
                                c.qualifier, p.low, p.high))
        return tuple(out)

    # -- FC100 -----------------------------------------------------------------------------------------

    def contradictions(self, placed: list[Placed], involving: Collection[str] | None = None) -> list[Finding]:
        """FC100 findings; pass claims that are conversions of another figure through `conversion_pairs` first.
        With `involving` (file names), only the findings with a claim in one of those files: a draft checked
        against an archive need not have every archive disagreement worked out and quoted."""
        findings = []
        for key, members in groups(placed, self.rules.current_window_days, involving):
            if len({p.claim.article for p in members}) < 2:
                continue
            if involving is not None and not any(p.claim.file in involving for p in members):
                continue
            for part in _same_quantity(members):
                finding = self._group_finding(key, part)
                if finding is not None:
                    findings.append(finding)
        return findings

    def _group_finding(self, key: str, members: list[Placed]) -> Finding | None:
        f = members[0].frame
        scale = max(map(abs, map(_VALUE, members)))
        tol = self.rules.tolerance(f.measure.value or "", f.dimension).amount(scale)
        members = sorted(members, key=_BY_INTERVAL)
        clusters: list[list[Placed]] = []
        highs: list[float] = []  # each cluster's lowest high, `min(p.high for p in cluster)`
        cluster_high = -math.inf
        for p in members:
            if clusters and p.low - cluster_high <= tol + 1e-9 * max(1.0, abs(cluster_high)):
                clusters[-1].append(p)
                cluster_high = min(cluster_high, p.high)
            else:
                if clusters:
                    highs.append(cluster_high)
                clusters.append([p])
                cluster_high = p.high
        if len(clusters) < 2:
            return None
        # Disagreement only counts across articles: one cluster's articles must differ from another's (every
        # cluster of the one article of the first is all the group's claims of one article).
        article = members[0].claim.article
        if all(p.claim.article == article for p in members):
            return None
        gaps = [min(map(_LOW, later)) - high for high, later in zip(highs, clusters[1:])]
        gap = max(gaps)
        severity = "high" if gap > self.rules.high_factor * max(tol, _rounding(members)) else "medium"
        ordered = [p for c in clusters for p in c]
        quantity = numfmt.quantity  # (`_show` of each claim)
        values = " vs ".join(", ".join(dict.fromkeys(quantity(c.value, c.unit, c.value_high, c.qualifier)
                                                     for c in map(_CLAIM, cluster))) for cluster in clusters)
        title = describe(f, members)
        sources = distinct_sources({p.frame.attribution.value for p in ordered if p.frame.attribution.value})
        message = f"{title}: {values}"
        if tol:
            message += f" (tolerance ±{_fmt(tol)} {_unit_word(f.dimension, members[0].unit)})"
        if len(sources) > 1:
            message += f"; the figures cite different sources ({', '.join(sources)})"
        return Finding(id=finding_id(CONTRADICTION, key, [p.claim for p in ordered]), rule=CONTRADICTION,
                       subject=key, subject_source="frame", severity=severity, message=message,
                       claims=self.refs(ordered),
                       extra={"tolerance": tol, "gap": gap, "clusters": [len(c) for c in clusters],
                              "title": title, "shared": shared_slots(members), "sources": sources,
                              "frames": list(map(self._frame_dicts, [p.frame for p in ordered]))})

    # -- FC200 -----------------------------------------------------------------------------------------

    def conversion_pairs(self, placed: list[Placed]) -> list[tuple[Placed, Placed]]:
        """Figures followed by a parenthetical conversion in another unit: `700 billion rubles (about …)`."""
        by_file: dict[str, list[Placed]] = {}
        for p in placed:
            by_file.setdefault(p.claim.file, []).append(p)
        pairs = []
        for file in sorted(by_file):
            items = sorted(by_file[file], key=lambda p: p.claim.start)
            for first, second in zip(items, items[1:]):
                f1, f2 = first.claim, second.claim
                if f1.unit == f2.unit or f2.start - f1.end > 40 or self._rate(f1.unit, f2.unit) is None:
                    continue
                if _CONVERSION_GAP.match(self.texts[file][f1.end:f2.start]):  # a file's text only for candidates
                    pairs.append((first, second))
        return pairs

    def conversions(self, pairs: list[tuple[Placed, Placed]], involving: Collection[str] | None = None) -> list[Finding]:
        """FC200 findings of `conversion_pairs`; with `involving`, only those in one of these files."""
        findings = []
        for first, second in pairs:
            f1, f2 = first.claim, second.claim
            if involving is not None and f1.file not in involving:
                continue
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
        if (source, target) not in self._rates:  # asked for every neighbouring pair of figures: few distinct
            self._rates[source, target] = self._declared_rate(source, target)
        return self._rates[source, target]

    def _declared_rate(self, source: str, target: str) -> float | None:
        for r in self.rules.rates:
            if (r.source, r.target) == (source, target):
                return r.rate
            if (r.source, r.target) == (target, source):
                return 1 / r.rate
        return None


# (C-level keys and getters for the passes over a group's members, which may be thousands)
_BY_INTERVAL = attrgetter("low", "high", "claim.file", "claim.start")
_VALUE, _LOW, _CLAIM = attrgetter("value"), attrgetter("low"), attrgetter("claim")


# Figures further apart than this are not one quantity misquoted but two quantities (a total and a part, a
# price and a volume), unless they share their digits: "8.74亿吨" against "8.74 million t" is a slipped scale word.
APART = 10.0


def _same_quantity(members: list[Placed]) -> list[list[Placed]]:
    """A group cut where two neighbouring figures (by size) stand more than `APART` times apart and are no
    decimal slip of each other; each part is compared on its own."""
    ordered = sorted(members, key=lambda p: abs(p.value))
    sizes = list(map(abs, map(_VALUE, ordered)))
    cuts = [i for i, (small, big) in enumerate(zip(sizes, sizes[1:]), 1)
            if small > 0 and big / small > APART and not _slipped(big / small)]
    if not cuts:
        return [members]
    return [ordered[start:end] for start, end in zip([0, *cuts], [*cuts, len(ordered)])]


def _slipped(ratio: float) -> bool:
    """A ratio that is a power of ten (within 3%): the same digits with the decimal point moved."""
    exponent = math.log10(ratio)
    return abs(exponent - round(exponent)) < math.log10(1.03)


def _fmt(x: float) -> str:
    return numfmt.number(x)


def _show(c: Claim) -> str:
    return numfmt.quantity(c.value, c.unit, c.value_high, c.qualifier)


def _unit_word(dim: str, unit: str) -> str:
    return {"percent": "percentage points", "percentage_point": "percentage points"}.get(dim, unit if dim != "time" else unit)


# -- matching ------------------------------------------------------------------------------------------

def block_key(frame: Frame) -> tuple | None:
    """The slots that must agree exactly (`Frame.block`); None when the frame names no measure."""
    return frame.block


def _base(p: Placed) -> tuple[str, ...]:
    base = (p.frame.measure.value or "").partition(" of ")[2]
    return (base,) if base else ()


def _place(p: Placed) -> tuple[str, ...]:
    place = (p.frame.holder.value or "").partition("@")[2]
    return (place,) if place else ()


def _object(p: Placed) -> tuple[str, ...]:
    value = p.frame.object.value or ""
    if value.startswith(COUNTED):  # (what a counter counts names no object: see `_counted`)
        return ()
    # a named object with the words that named it, so the comparer can tell which language named it
    return (f"{value}={p.frame.object.words}",) if value.startswith("=") else tuple(value.split())


def _counted(p: Placed) -> tuple[str, ...]:
    """What a figure of unknown object counts, as its Chinese counter says (30.2万辆: vehicles), or ()."""
    value = p.frame.object.value or ""
    return tuple(value[1:].split()) if value.startswith(COUNTED) else ()


def groups(placed: list[Placed], window_days: int,
           involving: Collection[str] | None = None) -> list[tuple[str, list[Placed]]]:
    """Comparable groups: blocks split by basis and period, then by place and object (equal, or one
    unknown). With `involving` (file names), only the groups split from a block's date window that holds a
    claim of one of those files (the others are not split at all)."""
    from .frames import objects_affinity, objects_compatible

    blocks: dict[tuple, list[Placed]] = {}
    for p in placed:
        key = block_key(p.frame)
        if key is not None:
            blocks.setdefault(key + (p.frame.basis.value or "actual", p.frame.period.value or CURRENT), []).append(p)
    _date_current(blocks)
    out = []
    for key in sorted(blocks, key=repr):
        members = blocks[key]
        windows = _date_windows(members, window_days) if key[-1] == CURRENT else [members]
        for window in windows:
            if involving is not None and not any(p.claim.file in involving for p in window):
                continue
            # Places first: a figure whose object is unknown joins the one object named in its own place,
            # whatever other places' figures name. Objects before bases: a share whose base the text leaves
            # open ("94% of magnetic materials") joins the one base its object's shares name ("94% of magnet
            # production").
            for place, by_place in _by_place(window):
                # (an unknown object is no business of a company's: "DRAM业务" stays apart from its revenue)
                for objects, by_object in _split(by_place, _object, objects_compatible,
                                                 lambda key: objects_compatible(key, ()), _counted,
                                                 objects_affinity):
                    for base, group in _split(by_object, _base, _equal):
                        label_key = key if not base else key[:1] + (f"{key[1]} of {base}",) + key[2:]
                        out.append((_group_label(label_key, place, objects, group), group))
    return out


def _by_place(members: list[Placed]) -> list[tuple[str, list[Placed]]]:
    """Members split by place. A figure whose place is unknown joins the one place with a figure whose object
    its object is compatible with ("全国粮食总产量" with China's grain, not Russia's wheat); one that fits
    several places or none stays among the others of unknown place."""
    from .frames import objects_affinity

    places: dict[tuple[str, ...], list[Placed]] = {}
    unknown: list[Placed] = []
    for p in members:
        where = _place(p)
        (places.setdefault(where, []) if where else unknown).append(p)
    rest = []
    # each place's distinct objects (few, however many figures): an unknown-place figure is tried on those
    objects = {k: set(map(_object, ms)) for k, ms in places.items()}
    fits_of: dict[tuple[str, ...], list] = {}
    for p in unknown:
        own = _object(p)
        if own in fits_of:
            fits = fits_of[own]
        else:
            fit = {k: max(objects_affinity(own, o) for o in objs) for k, objs in objects.items()}
            best = max(fit.values(), default=0)
            fits = fits_of[own] = [k for k, v in fit.items() if v == best] if best else []
        if len(fits) == 1:
            places[fits[0]].append(p)
        else:
            rest.append(p)
    out = [(" ".join(k), v) for k, v in sorted(places.items())]
    if rest:
        out.append(("", rest))
    return out


def _equal(a, b) -> bool:
    return a == b


# An amount with no period of its own ("current"; not a share, nor a change) is of the latest period its
# article reports on: it joins the one period of its block (a year, half, quarter, month or months) that
# ended within this many days before the article's date ("1.6 million customers" in October with "1.92
# million at September 30"), else the one under way that has run at least as long ("5.6 million tonnes" in
# November with "2025"). A share or a change without its period may be of any month: it stays apart.
LATEST_DAYS = 100


def _date_current(blocks: dict[tuple, list[Placed]]) -> None:
    dated: dict[tuple, list[tuple[int, tuple]]] = {}
    for key in blocks:
        dimension, changed = key[0], key[3]
        if changed or dimension in ("percent", "percentage_point", "ratio"):
            continue
        if key[-1] != CURRENT and (end := _period_end(key[-1])) is not None:
            dated.setdefault(key[:-1], []).append((_period_start(key[-1]), end, key))
    for key in [k for k in blocks if k[-1] == CURRENT and k[:-1] in dated]:
        stay = []
        for p in blocks[key]:
            day = _day(p.frame.date)
            near = [k for _, end, k in dated[key[:-1]] if 0 <= day - end <= LATEST_DAYS]
            if not near:
                # none ended lately: the one under way at the article's date ("so far this year"), once it has
                # run as long (before that, a figure with no period may as well be of the one before it)
                near = [k for start, end, k in dated[key[:-1]] if start + LATEST_DAYS < day <= end]
            if day and len(near) == 1:
                blocks[near[0]].append(p)
            else:
                stay.append(p)
        if stay:
            blocks[key] = stay
        else:
            del blocks[key]


_DAY = regex.compile(r"\d{4}-\d\d-\d\d")
_PERIOD = regex.compile(r"(\d{4})(?:Q([1-4])|H([12])|-(\d\d)(?:\.\.(\d{4})-(\d\d))?)?")


def _period_end(label: str) -> int | None:
    """The last day of a period label ("2024", "2024Q3", "2024H1", "2024-09", "2024-01..2024-09", "2024-09-08"), as an
    ordinal; None for a fiscal year, a season or a decade (their ends are not known here)."""
    m = _PERIOD.fullmatch(label)
    if m is None:  # a running total at one day ("2024-09-08"), else a label whose end is not known
        return (_day(label) or None) if _DAY.fullmatch(label) else None
    year = int(m[5] or m[1])  # (months across two years, "2024-10..2025-03", end in the second)
    month = (3 * int(m[2]) if m[2] else 6 * int(m[3]) if m[3] else int(m[6] or m[4]) if m[4] else 12)
    first_of_next = date(year + month // 12, month % 12 + 1, 1)
    return first_of_next.toordinal() - 1


def _period_start(label: str) -> int:
    """The first day of a period label `_period_end` knows the end of, as an ordinal."""
    m = _PERIOD.fullmatch(label)
    if m is None:
        return _day(label)
    month = 3 * int(m[2]) - 2 if m[2] else 6 * int(m[3]) - 5 if m[3] else int(m[4]) if m[4] else 1
    return date(int(m[1]), month, 1).toordinal()


@lru_cache(maxsize=4096)
def _day(written: str | None) -> int:
    """An article's date as an ordinal, 0 when it has none (few distinct dates, asked for every claim)."""
    try:
        return date.fromisoformat(written or "").toordinal()
    except ValueError:
        return 0


def _date_windows(members: list[Placed], window_days: int) -> list[list[Placed]]:
    """"Current" figures compare when their articles' dates lie within the window: chains of dates."""
    ordered = sorted(members, key=lambda p: _day(p.frame.date))
    out: list[list[Placed]] = []
    first = None
    for p in ordered:
        d = _day(p.frame.date)
        if out and first is not None and d - first <= window_days:
            out[-1].append(p)
        else:
            out.append([p])
            first = d
    return out


def _split(members: list[Placed], slot, compatible, takes_unknown=lambda key: True,
           hint=lambda p: (), affinity=None) -> list[tuple[str, list[Placed]]]:
    """Members split by a slot: known values joined where compatible; members with the slot unknown join
    the only group there is (if its values `takes_unknown`), or the one group whose values all are
    compatible with the member's `hint` (a Chinese counter's noun, "vehicle"), else stay among themselves."""
    known: dict[tuple[str, ...], list[Placed]] = {}
    unknown: list[Placed] = []
    for p in members:
        words = slot(p)
        (known.setdefault(words, []) if words else unknown).append(p)
    # Values that surely agree (`affinity` 2: a shared word, a gloss of one the other's word) join first, then
    # each joins the first group every value of which it is compatible with: compatibility is not transitive
    # (an object in Chinese may match both "fentanyl" and "all goods"; they stay apart), and 外籍 belongs
    # with "foreign", which it surely is, not with 参观, which "foreign" only may be.
    values = sorted(known)  # (the distinct values of one block: few, so pairs of them are cheap)
    home = {k: [k] for k in values}  # each value's group

    def fits(g: list, h: list) -> bool:
        return all(compatible(x, y) for x in g for y in h)

    if affinity is not None:
        for i, k in enumerate(values):
            for other in values[i + 1:]:
                g, h = home[k], home[other]
                if g is not h and affinity(k, other) == 2 and fits(g, h):
                    g.extend(h)
                    home.update((v, g) for v in h)
    groups_ = list({id(home[k]): home[k] for k in values}.values())
    joined: list[list[tuple[str, ...]]] = []
    for g in groups_:
        home = next((h for h in joined if fits(g, h)), None)
        if home is None:
            joined.append(g)
        else:
            home.extend(g)
    groups_ = joined
    merged: dict[tuple, list[Placed]] = {}
    for g in groups_:
        g.sort()  # (a group is named by its least value, whatever order its values joined in)
        merged[g[0]] = [p for k in g for p in known[k]]
    if len(merged) > 1 and unknown:
        hinted = []
        for p in unknown:
            words = hint(p)
            fitting = [g for g in groups_ if all(compatible(words, k) for k in g)] if words else []
            (merged[fitting[0][0]] if len(fitting) == 1 else hinted).append(p)
        unknown = hinted
    out = [(" ".join(k), v) for k, v in sorted(merged.items())]
    if len(out) == 1 and all(takes_unknown(k) for k in groups_[0]):
        out[0] = (out[0][0], out[0][1] + unknown)
    elif unknown:
        out.append(("", unknown))
    return out


def _group_label(key: tuple, place: str, objects: str, window: list[Placed]) -> str:
    dim, measure, holder, change, basis, period = key
    if objects.startswith("="):  # a named object: its name, not the words that named it
        objects = "=" + objects[1:].partition("=")[0]
    if period == CURRENT:
        period = "current@" + min((p.frame.date or "") for p in window)[:7]
    parts = [measure + ("/change" if change else ""), f"{holder}@{place}", objects or "-", period, basis, dim]
    return "|".join(parts)


def frame_label(frame: Frame) -> str:
    """One line naming a claim's frame, for listings: measure|holder@place|object|period|basis|dimension."""
    return "|".join([(frame.measure.value or "?") + ("/change" if frame.change else ""), frame.holder.value or "-",
                     frame.object.value or "-", frame.period.value or CURRENT, frame.basis.value or "actual",
                     frame.dimension])


def distinct_sources(names: set[str]) -> list[str]:
    """Source names, sorted, a short form dropped where another name spells it out ("JNTO" of "Japan National
    Tourism Organization"): the figures cite one source, written two ways."""
    def initials(name: str) -> str:
        return "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())

    long_forms = {initials(n) for n in names if " " in n}
    return sorted(n for n in names if not (n.isupper() and " " not in n and n in long_forms))


def _rounding(members: list[Placed]) -> float:
    return max((p.claim.precision or 0.0) for p in members)


class FrameDicts:
    """`frame_dict` of many frames, made once per frame and per slot and shared: the frames of a corpus share
    their slots (a few hundred at 10k articles), and a finding lists a frame per claim."""

    def __init__(self) -> None:
        self._frames: dict[int, tuple[Frame, dict]] = {}  # id(frame) -> (it, kept alive here; its dict)
        # id(slot) -> its dict. Every slot looked up stays alive in `_kept`, so no other object can take its id.
        self._slots: dict[int, dict] = {}
        self._kept: list = []

    def __call__(self, frame: Frame) -> dict:
        held = self._frames.get(id(frame))
        if held is not None:
            return held[1]
        slots, slot = self._slots, self._slot
        m, h, o, p, b, a = frame.measure, frame.holder, frame.object, frame.period, frame.basis, frame.attribution
        # (a slot made before is a dict look-up, not a call: six per frame, tens of thousands of frames)
        made = {"dimension": frame.dimension, "change": frame.change, "date": frame.date,
                "measure": slots.get(id(m)) or slot(m), "holder": slots.get(id(h)) or slot(h),
                "object": slots.get(id(o)) or slot(o), "period": slots.get(id(p)) or slot(p),
                "basis": slots.get(id(b)) or slot(b), "attribution": slots.get(id(a)) or slot(a)}
        self._frames[id(frame)] = (frame, made)
        return made

    def _slot(self, slot) -> dict:  # noqa: ANN001
        made = self._slots[id(slot)] = {"value": slot.value, "words": slot.words, "rule": slot.rule}
        self._kept.append(slot)
        return made


_SLOT_NAMES = ("measure", "holder", "object", "period", "basis", "attribution")
assert _SLOT_NAMES == tuple(f for f in Frame.__dataclass_fields__ if f not in ("dimension", "date", "change"))


def frame_dict(frame: Frame) -> dict:
    m, h, o, p, b, a = frame.measure, frame.holder, frame.object, frame.period, frame.basis, frame.attribution
    return {"dimension": frame.dimension, "change": frame.change, "date": frame.date,
            "measure": {"value": m.value, "words": m.words, "rule": m.rule},
            "holder": {"value": h.value, "words": h.words, "rule": h.rule},
            "object": {"value": o.value, "words": o.words, "rule": o.rule},
            "period": {"value": p.value, "words": p.words, "rule": p.rule},
            "basis": {"value": b.value, "words": b.words, "rule": b.rule},
            "attribution": {"value": a.value, "words": a.words, "rule": a.rule}}


def shared_slots(members: list[Placed]) -> dict:
    f = members[0].frame
    return {"measure": f.measure.value, "holder": f.holder.value, "period": f.period.value,
            "basis": f.basis.value, "dimension": f.dimension, "change": f.change,
            "object": next((p.frame.object.value for p in members if p.frame.object.value), None),
            "place": next((_place(p)[0] for p in members if _place(p)), None)}


_MEASURE_WORDS = {"share": "share", "installed_base": "installed base"}


def describe(frame: Frame, members: list[Placed] | None = None) -> str:
    """Editor-facing words for what a group measures: "TSMC's share of the foundry market (World), 2024Q3"."""
    measure = (frame.measure.value or "figure").replace("_", " ")
    obj = next((p.frame.object.value for p in members or [] if p.frame.object.value), None) or frame.object.value
    obj = obj.lstrip("=" + COUNTED) if obj else obj
    who, _, where = (frame.holder.value or "").partition("@")
    where = where or next((_place(p)[0] for p in members or [] if _place(p)), "")
    what = ("change in " if frame.change else "") + measure
    if obj:
        what += f" ({obj})"
    text = f"{who}{chr(39) if who.endswith('s') else chr(39) + 's'} {what}" if who else what[:1].upper() + what[1:]
    if where:
        text += f", {where}"
    period = frame.period.value
    if period == CURRENT:
        period = f"current (articles of {frame.date[:7]})" if frame.date else "current"
    text += f", {period}"
    if frame.basis.value and frame.basis.value != "actual":
        text += f" ({frame.basis.value})"
    return text
