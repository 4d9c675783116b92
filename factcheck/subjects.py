"""Stage 4: group claims by subject — what is measured, of whom, of what, when, in which dimension.

Declared subjects come from `rules/` (cue nearest to the figure wins); claims no rule covers still get an
automatic key from the words around them, so disagreements on topics nobody wrote rules for are found.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .extract import FUNCTION_WORDS
from .model import Article, Claim
from .normalise import Units, dimension
from .rules import Cue, Rules

_CLAUSE_BREAK = regex.compile(r"[,;，；:：()（）、]|\s(?:and|while|whereas|but)\s|而|但|并且|同时")
_WORD = regex.compile(r"[A-Za-z][A-Za-z-]+")
# Words that say nothing about what a figure measures: function words, hedges and generic share words.
_STOP = FUNCTION_WORDS | {
    "world", "world's", "global", "total", "all", "around", "nearly", "almost", "some", "year", "years",
    "annual", "annually", "new", "approximately", "least", "most", "just", "what", "still", "now", "already",
    "currently", "percent", "cent", "share", "worth",
}
_CJK_HEAD = regex.compile(r"的?(\p{Han}{2,4})")
# How far (characters) the sentence before a claim is searched for its entity and scope.
_LOOKBACK = 400


@dataclass(frozen=True)
class Assignment:
    """Where one claim belongs. `group` is the key claims are compared within."""

    subject: str
    source: str  # declared | auto
    entity: str
    scope: str
    period: str
    dimension: str

    @property
    def group(self) -> str:
        return "|".join((self.subject, self.entity, self.scope, self.period, self.dimension))


def _span_of(text: str, claim: Claim) -> tuple[int, int]:
    """The sentence around a claim, as offsets into the file text."""
    idx = text.rfind(claim.sentence, max(0, claim.end - len(claim.sentence) - 1), claim.start + len(claim.sentence) + 1)
    if idx < 0 or not idx <= claim.start < idx + len(claim.sentence) + 1:
        return max(0, claim.start - 200), min(len(text), claim.end + 200)
    return idx, idx + len(claim.sentence)


def _clause(text: str, claim: Claim, s_start: int, s_end: int) -> tuple[int, int]:
    start = s_start
    for m in _CLAUSE_BREAK.finditer(text, s_start, claim.start):
        start = m.end()
    m = _CLAUSE_BREAK.search(text, claim.end, s_end)
    return start, (m.start() if m else s_end)


# An entity right after these words is the other party ("relies on China", "exports to the US",
# "对华"), not whose figure it is.
_OBJECT_BEFORE = regex.compile(
    r"(?:\b(?:on|from|to|than|against|towards?|into|in|by|of|over|behind|beyond)\s+(?:the\s+)?"
    r"|[对从向自与]|来自|进口自|出口到|赶上|追上|超越|超过|依赖|依靠|落后于|领先于?)$", regex.I)


_LEADING_YEAR = regex.compile(
    r"\W*(?:(?i:by|in|since|as\s+of|until|through|before|after)\s+(?:the\s+end\s+of\s+)?)?((?:19|20)\d\d)"
    r"(?:年(?:底|末|初|前|后)?)?\s*[,，]")
# "…, with projections that by 2030, 30% of demand …": a year closing the clause before the figure's.
_CLAUSE_YEAR = regex.compile(r"\b(?i:by|in|until|through|since|before|after)\s+((?:19|20)\d\d)\s*[,，]\s*$")
_OF_ITS_OWN = regex.compile(r"\s*of\s+(?i:its|their|the\s+(?:country|nation|company|firm)['’]s)\s+(?:own\s+)?"
                            r"(?:total\s+|domestic\s+|annual\s+)?(?:capacity|production|output|sales|revenue|market)")
_POSSESSIVE = regex.compile(r"['’]s\b")  # "compared to China's 99%"; 对中国的依赖 stays an object


_COMBINED: dict[int, tuple[tuple[Cue, ...], tuple[regex.Pattern, ...]]] = {}


def _combined(cues: tuple[Cue, ...]) -> tuple[regex.Pattern, ...]:
    """One alternation per language for a set of cues, each cue a group `c<index>`: one scan, not one per cue.

    Cached by identity (the cue tuples live as long as their rules); hashing the cues costs more than a scan."""
    hit = _COMBINED.get(id(cues))
    if hit is not None and hit[0] is cues:
        return hit[1]
    out = []
    for lang in ("en", "zh"):
        parts = []
        for i, cue in enumerate(cues):
            pattern = getattr(cue, lang)
            if pattern is not None:
                scoped = "(?i:" if pattern.flags & regex.I else "(?:"  # each cue keeps its own case rule
                parts.append(f"(?P<c{i}>{scoped}{pattern.pattern}))")
        if parts:
            out.append(regex.compile("|".join(parts)))
    _COMBINED[id(cues)] = (cues, tuple(out))
    return tuple(out)


def _cue_index(m: regex.Match) -> int:
    for name, value in m.groupdict().items():
        if value is not None and name[0] == "c" and name[1:].isdigit():
            return int(name[1:])
    return -1  # pragma: no cover - every alternative is a c<index> group


def _nearest(cues: tuple[Cue, ...], text: str, claim: Claim, start: int, end: int,
             prefer_after: bool, owners_only: bool = False,
             blocked: tuple[tuple[int, int], ...] = ()) -> tuple[str, int] | None:
    """The cue closest to the claim between start and end: (name, distance); ties go to the cue listed first.

    `blocked` spans (other claims' clauses) are skipped: their words describe those claims."""
    best: tuple[int, int] | None = None  # (distance, cue index)
    for pattern in _combined(cues):
        for m in pattern.finditer(text, start, end):
            if blocked and any(b0 <= m.start() < b1 for b0, b1 in blocked):
                continue
            if (owners_only and _OBJECT_BEFORE.search(text, max(0, m.start() - 12), m.start())
                    and not _POSSESSIVE.match(text, m.end())):
                continue
            if m.end() <= claim.start:
                dist = claim.start - m.end() + (8 if prefer_after else 0)
            elif m.start() >= claim.end:
                dist = m.start() - claim.end + (0 if prefer_after else 60)
            else:
                dist = 0  # the cue spans the figure: "meet 28% of demand"
            candidate = (dist, _cue_index(m))
            if best is None or candidate < best:
                best = candidate
    return None if best is None else (cues[best[1]].name, best[0])


class Grouper:
    def __init__(self, rules: Rules, units: Units):
        self.rules = rules
        self.units = units
        self._by_dimension: dict[str, tuple] = {}

    def _subjects_for(self, dim: str) -> tuple[tuple, tuple]:
        """(specific, fallback) subjects that take claims of a dimension."""
        key = "money" if len(dim) == 3 and dim.isupper() else dim
        if key not in self._by_dimension:
            fitting = [s for s in self.rules.subjects if key in s.dimensions]
            self._by_dimension[key] = (tuple(s for s in fitting if s.en or s.zh),
                                       tuple(s.weak for s in fitting if s.weak is not None))
        return self._by_dimension[key]

    def _declared(self, text: str, claim: Claim, dim: str, clause: tuple[int, int],
                  sentence: tuple[int, int], others: tuple[tuple[int, int], ...]) -> str | None:
        if dim == "percent" and (claim.direction or abs(claim.value) > 100):
            return None  # a change or a figure above 100% is not a share of anything
        specific, weak = self._subjects_for(dim)
        # Specific words in the clause, then in the sentence (outside other claims' clauses), then
        # generic words likewise.
        for candidates, (start, end), reach in ((specific, clause, None), (specific, sentence, 80),
                                                (weak, clause, None), (weak, sentence, 40)):
            if not candidates:
                continue
            hit = _nearest(candidates, text, claim, start, end, prefer_after=True, blocked=others)
            if hit is not None and (reach is None or hit[1] <= reach):
                return hit[0]
        return None

    def assign_all(self, text: str, article: Article, claims: list[Claim]) -> list[Assignment]:
        """Assignments of one article's claims (each claim's clause is kept from the others' words)."""
        spans = []
        for claim in claims:
            s_start, s_end = _span_of(text, claim)
            spans.append(((s_start, s_end), _clause(text, claim, s_start, s_end)))
        shared: dict[int, tuple[int, int]] = {}
        for i, (item, coordination) in _respectively(text, claims, [sent for sent, _ in spans]).items():
            spans[i] = (spans[i][0], item)
            shared[i] = coordination
        out = []
        for i, claim in enumerate(claims):
            sentence, clause = spans[i]
            others = tuple(c for j, (_, c) in enumerate(spans)
                           if j != i and sentence[0] <= c[0] < sentence[1] and not (c[0] < clause[1] and clause[0] < c[1]))
            compared = None
            if (i > 0 and spans[i - 1][0] == sentence and claims[i - 1].unit == claim.unit
                    and out[i - 1].source == "declared"
                    and _COMPARED.search(text, max(sentence[0], claim.start - 40), claim.start)):
                compared = out[i - 1].subject  # "60% purity … compared to China's 99.99%": the same measure
            out.append(self.assign(text, article, claim, sentence, clause, others, shared.get(i), compared))
        return out

    def assign(self, text: str, article: Article, claim: Claim, sentence: tuple[int, int] | None = None,
               clause: tuple[int, int] | None = None, others: tuple[tuple[int, int], ...] = (),
               shared: tuple[int, int] | None = None,
               compared_subject: str | None = None) -> Assignment:
        dim = dimension(self.units, claim.unit)
        s_start, s_end = sentence or _span_of(text, claim)
        c_start, c_end = clause or _clause(text, claim, s_start, s_end)
        subject = compared_subject or self._declared(text, claim, dim, (c_start, c_end), (s_start, s_end), others)
        source = "declared"
        if subject is None:
            subject, source = "auto:" + self._auto_head(text, claim, c_start, c_end), "auto"
        if claim.direction:
            subject += "/change"
        elif dim == "percent" and _OF_ITS_OWN.match(text, claim.end, c_end):
            subject += "/own"  # "95% of its capacity" is a share of the owner's total, not of the world's
        back = max(article.start, s_start - _LOOKBACK)
        entity = None
        for owners_only in (True, False):
            entity = entity or (
                _nearest(self.rules.entities, text, claim, c_start, c_end, False, owners_only)
                or _nearest(self.rules.entities, text, claim, s_start, s_end, False, owners_only)
                or _nearest(self.rules.entities, text, claim, back, s_start, False, owners_only))
        scope = (_nearest(self.rules.scopes, text, claim, c_start, c_end, prefer_after=True)
                 or (shared and _nearest(self.rules.scopes, text, claim, *shared, prefer_after=True))
                 or _nearest(self.rules.scopes, text, claim, s_start, s_end, prefer_after=False, blocked=others)
                 or _nearest(self.rules.scopes, text, claim, back, s_start, prefer_after=False)
                 or self._title_scope(article))
        lead = (_LEADING_YEAR.match(text, s_start, claim.start)
                or _CLAUSE_YEAR.search(text, max(s_start, c_start - 24), c_start))
        if claim.year is not None:
            period = str(claim.year)
        elif lead is not None:
            period = lead[1]  # "By 2030, ..." / "2024年," sets the time of what follows it
        elif (marker := _nearest(self.rules.periods, text, claim, c_start, claim.start, prefer_after=False)):
            period = marker[0]  # "once controlled", "threatened": not a figure in force at the article date
        else:
            period = article.date[:4] if article.date else "undated"
        return Assignment(subject=subject, source=source, entity=entity[0] if entity else "?",
                          scope=scope[0] if scope else "?", period=period, dimension=dim)

    def _title_scope(self, article: Article) -> tuple[str, int] | None:
        for cue in self.rules.scopes:
            for _ in cue.finditer(article.title, 0, len(article.title)):
                return cue.name, 0
        return None

    def _auto_head(self, text: str, claim: Claim, c_start: int, c_end: int) -> str:
        """Head words of what an uncovered claim measures: the noun phrase it counts ("7 restricted
        elements" -> restricted-element), or the content words right after it. Materials are the scope,
        not the head, so they are left out."""
        after = text[claim.end:c_end]
        stop = regex.search(r"[.!?\[\]。！？]", after)
        after = after[: stop.start()] if stop else after
        if claim.noun and claim.lang != "zh":
            at = after.find(claim.noun)
            if 0 <= at <= 40:
                after = after[: at + len(claim.noun)]
        elif claim.noun:
            return _stem(claim.noun)
        for cue in self.rules.scopes:
            if cue.en is not None:
                after = cue.en.sub(" ", after)
        if claim.lang == "zh":
            m = _CJK_HEAD.match(after.lstrip())
            if m:
                return m[1]
            before = text[c_start:claim.start]
            heads = regex.findall(r"\p{Han}{2}", before[-6:])
            return heads[-1] if heads else "?"
        words = [w.lower() for w in _WORD.findall(after[:40]) if w.lower() not in _STOP][:3 if claim.noun else 2]
        if not words:
            words = [w.lower() for w in _WORD.findall(text[max(c_start, claim.start - 40):claim.start])
                     if w.lower() not in _STOP][-2:]
        return "-".join(_stem(w) for w in words) or "?"


_COMPARED = regex.compile(r"(?:\b(?i:compared\s+(?:to|with)|versus|vs\.?|against|than|up\s+from|down\s+from)"
                          r"\s+(?:\S+\s+){0,3}|相比|对比|高于|低于)\S{0,6}$")
_RESPECTIVE = regex.compile(r"\b(?i:respectively)\b|分别|各自")
_FIGURE_JOIN = regex.compile(r"\s*(?:,\s*(?:and\s+)?|\band\b|和|与|及|、|，)\s*")
_CONJUNCT_BREAK = regex.compile(r",\s*(?:and\s+)?|\s+and\s+|、|和|与|及")
_REGION_STOP = regex.compile(r"[()（）,，;；:：]")


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = list(_CONJUNCT_BREAK.finditer(text, start, end))
    bounds = [start] + [c.end() for c in cuts]
    ends = [c.start() for c in cuts] + [end]
    return [(a, b) for a, b in zip(bounds, ends) if text[a:b].strip()]


def _respectively(text: str, claims: list[Claim],
                  sentences: list[tuple[int, int]]) -> dict[int, tuple[tuple[int, int], tuple[int, int]]]:
    """`mining and refining … 70% and 90% respectively`, `开采和冶炼分别占70%和90%`: the k-th figure of a list
    belongs to the k-th item of the coordination it answers. Returns claim index -> (that item's span, used
    as the claim's clause; the whole coordination, whose shared words such as the material apply to all)."""
    out: dict[int, tuple[int, int]] = {}
    i = 0
    while i < len(claims):
        # A run of figures joined only by "and" / "," / 和 / 、 within one sentence.
        run = [i]
        while (run[-1] + 1 < len(claims) and sentences[run[-1] + 1] == sentences[i]
               and _FIGURE_JOIN.fullmatch(text, claims[run[-1]].end, claims[run[-1] + 1].start)):
            run.append(run[-1] + 1)
        i = run[-1] + 1
        s_start, s_end = sentences[run[0]]
        marker = _RESPECTIVE.search(text, s_start, s_end)
        if len(run) < 2 or marker is None:
            continue
        first, last = claims[run[0]].start, claims[run[-1]].end
        if marker.start() < first:  # 开采和冶炼分别占…: the items stand before the marker
            region = (s_start, marker.start())
        else:
            after_end = marker.start() if marker.start() > last else s_end
            stop = _REGION_STOP.search(text, last, after_end)
            after = (last, stop.start() if stop else after_end)
            region = after if len(_segments(text, *after)) >= len(run) else (s_start, first)
        lo, hi = region
        while hi > lo and text[hi - 1] in " \t(（":  # "markets (99% and 87% respectively)"
            hi -= 1
        # Keep to the clause nearest the figures: no commas or parentheses inside the region.
        stops = [m.end() for m in _REGION_STOP.finditer(text, lo, hi)]
        if region[1] <= first and stops:
            lo = stops[-1]
        elif region[0] >= last:
            stop = _REGION_STOP.search(text, lo, hi)
            hi = stop.start() if stop else hi
        items = _segments(text, lo, hi)
        if len(items) < len(run):
            continue
        items = items[:len(run)] if region[0] >= last else items[-len(run):]
        for j, item in zip(run, items):
            out[j] = (item, (items[0][0], items[-1][1]))
    return out


def _stem(word: str) -> str:
    word = word.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word
