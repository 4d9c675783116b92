"""Qualifiers and direction: the words around a figure that shape its interval (about, 超过, 以上) and say
whether it is a rise or a fall (fell 34%, a 9% increase, 下降)."""

from __future__ import annotations

import regex

from .reading import Reading
from .vocabulary import (DOWN_COMPARATIVES_EN, DOWN_NOUNS_EN, DOWN_SIZE_ZH, DOWN_VERBS_EN, DOWN_VERBS_ZH,
                         QUALIFIER_KIND, QUALIFIER_ZH_LINKS, QUALIFIERS_EN, QUALIFIERS_ZH, QUALIFIERS_ZH_AFTER,
                         UP_COMPARATIVES_EN, UP_NOUNS_EN, UP_SIZE_ZH, UP_VERBS_EN, UP_VERBS_ZH, alternation)

# A whole word: "cover 300 square kilometres" is no "over 300".
_QUALIFIER_EN = regex.compile(r"(?<![A-Za-z])(?i:(?P<q>" + alternation(QUALIFIERS_EN) + r"))\s+(?:the\s+)?$")
# How a qualifier before a figure can end (lower case, one space between words), so that the search of
# _QUALIFIER_EN, which tries every position of its window, runs only where one may match.
_QUALIFIER_EN_ENDS = tuple(QUALIFIERS_EN)
QUALIFIER_ZH = regex.compile(r"(?P<q>" + alternation(QUALIFIERS_ZH) + r")(?:" + alternation(QUALIFIER_ZH_LINKS)
                             + r")?\s*$")
AFTER_ZH = regex.compile(r"\s*(?P<q>" + alternation(QUALIFIERS_ZH_AFTER) + ")")
MINUS_LEFT = regex.compile(r"(?:负|(?i:\b(?:minus|negative))\s+)$")
_QUAL = r"(?:(?:" + alternation(q for q in QUALIFIERS_EN if q != "between") + r")\s+)?"
# A verb of change, then perhaps "sharply by", "a steep", and a qualifier: "fell 34%", "slipped by about 2%".
_VERB_TAIL = r"(?:(?:\s+[\w-]+){0,3}?\s+by)?(?:\s+an?(?:\s+[\w-]+)?)?\s+" + _QUAL + "$"
# A noun of change, a few words, then of/at/by/was: "a decline of 0.9%", "the fall was steeper still, at 74%".
_NOUN_TAIL = r"(?:\s+[\w,-]+){0,5}?\s+(?:of|at|by|was|were|is|came\s+in\s+at)\s+" + _QUAL + "$"
_ZH_TAIL = r"了?(?:约|近|超过)?$"
_ZH_SIZE_TAIL = r"(?:为|达到?|是|扩大至|扩大到|收窄至|收窄到)?(?:约|近|超过)?$"


def _left_pattern(verbs_en: str, nouns_en, verbs_zh, sizes_zh) -> regex.Pattern:
    return regex.compile(r"(?i:\b(?:" + verbs_en + r")" + _VERB_TAIL + r"|\b(?:" + alternation(nouns_en) + r")"
                         + _NOUN_TAIL + r")|(?:" + alternation(verbs_zh) + r")" + _ZH_TAIL
                         + r"|(?:" + alternation(sizes_zh) + r")" + _ZH_SIZE_TAIL)


_DOWN_LEFT = _left_pattern(DOWN_VERBS_EN, DOWN_NOUNS_EN, DOWN_VERBS_ZH, DOWN_SIZE_ZH)
_UP_LEFT = _left_pattern(UP_VERBS_EN, UP_NOUNS_EN, UP_VERBS_ZH, UP_SIZE_ZH)
_MADE_UP = regex.compile(r"(?i)\b(?:made|makes?|making)\s+up\s*$")  # "made up 58% of revenue": a part, no rise
_CHANGE_RIGHT = regex.compile(
    r"\s*(?i:(?:(?:year|month|quarter|week)-on-(?:year|month|quarter|week)|annual|yearly|y/y|yoy)\s+)?"
    r"(?i:(?P<up>" + alternation(UP_NOUNS_EN) + r")|(?P<down>" + alternation(DOWN_NOUNS_EN) + r"))\b"
    r"|\s+(?i:(?P<down>" + alternation(DOWN_COMPARATIVES_EN) + r")|(?P<up>" + alternation(UP_COMPARATIVES_EN)
    + r"))\b(?!-)|的(?:(?P<down>" + alternation(DOWN_SIZE_ZH) + r")|(?P<up>" + alternation(UP_SIZE_ZH) + "))")
# 增加了一倍 is twice as much: a Chinese multiple after a verb of growth counts the growth, not the whole.
GROWTH_TIMES_ZH = regex.compile(r"(?:增加|增长|提高|上涨|扩大|上升|提升)了?$")
_SPACES = regex.compile(r"\s+")
# Units a change of direction signs: a share that "fell 34%" is -34.
DIRECTED_UNITS = frozenset({"percent", "percentage_point", "basis_point", "cheng", "ratio"})


def qualifier_en(left: str) -> regex.Match | None:
    """`_QUALIFIER_EN.search(left)`, answered at once when `left` cannot end with an English qualifier."""
    if not left[-1:].isspace():
        return None  # the pattern ends with \s+, and what it takes for a space str.isspace does too
    t = left.rstrip()
    if t.isascii():  # the case-insensitive match of ASCII text is a match of the lower-cased text
        words = " ".join(t.lower().split())
        if not (words.endswith(_QUALIFIER_EN_ENDS) or words.endswith("the")
                and words[:-3].rstrip().endswith(_QUALIFIER_EN_ENDS)):
            return None
    # A match spans at most four runs of non-space (no fewer than | the), so it starts no earlier than the
    # fourth last; the search need not try the positions before it.
    parts = t.rsplit(None, 4)
    if len(parts) < 5:
        m = _QUALIFIER_EN.search(left)
    else:
        rest = t[len(parts[0]):]
        m = _QUALIFIER_EN.search(left, len(t) - len(rest.lstrip()))
    if m is not None and m["q"].lower().startswith("up") and _MOVED_BEFORE.search(left, 0, m.start()):
        return None  # "edged up to 0.26%", "climbed up to": where a figure went, no upper bound
    return m


_MOVED_BEFORE = regex.compile(r"(?i)\b(?:edged|edges|inched|inches|crept|creeps|ticked|ticks|moved|moves|went|goes|"
                              r"rose|rises|climbed|climbs|jumped|jumps|shot|shoots|crawled|bounced|picked|revised|marked)\s*$")


def qualifier_left(left: str) -> regex.Match | None:
    """The qualifier that ends `left` (the 40 characters before a figure), English or Chinese."""
    return qualifier_en(left) or (QUALIFIER_ZH.search(left) if not left.isascii() else None)


def word_of(m: regex.Match) -> str:
    return _SPACES.sub(" ", m["q"].lower())


def negate_left(s: str, r: Reading, lo: int) -> None:
    """负0.2千米, minus five percent: a sign written as a word before the figure."""
    mm = MINUS_LEFT.search(s[max(lo, r.start - 9):r.start])
    if mm and r.value > 0:
        r.value = -r.value
        r.start -= len(mm[0])


def qualify(s: str, r: Reading, lo: int, hi: int) -> Reading:
    """A share read from its own token (百分之…, half of): its sign, qualifiers on both sides, direction."""
    negate_left(s, r, lo)
    am = AFTER_ZH.match(s, r.end)
    if am and am["q"] not in ("多", "余"):
        r.qualifier, r.cue = QUALIFIER_KIND[am["q"]], am["q"]
        r.end = am.end()
    qm = qualifier_left(s[max(lo, r.start - 40):r.start])
    if qm and r.qualifier == "exact":
        word = word_of(qm)
        kind = QUALIFIER_KIND.get(word)
        if kind:
            r.qualifier, r.cue = kind, word
    return direction(s, r, lo, hi)


def direction(s: str, r: Reading, lo: int, hi: int) -> Reading:
    """Up or down, from a change verb before the figure or a change noun after it."""
    if r.unit is not None and r.unit not in DIRECTED_UNITS:
        return r
    left = s[max(lo, r.start - 40):r.start]
    if r.cue and left.rstrip().lower().endswith(r.cue):
        left = left.rstrip()[: -len(r.cue)]
    if _DOWN_LEFT.search(left):
        r.direction = "down"
    elif _UP_LEFT.search(left) and not _MADE_UP.search(left):
        r.direction = "up"
    else:
        cm = _CHANGE_RIGHT.match(s, r.end)
        if cm:
            r.direction = "up" if cm["up"] else "down"
    return r
