"""Qualifiers and direction: the words around a figure that shape its interval (about, 超过, 以上) and say
whether it is a rise or a fall (fell 34%, a 9% increase, 下降)."""

from __future__ import annotations

import regex

from .reading import Reading
from .vocabulary import (DOWN_NOUNS_EN, DOWN_VERBS_EN, DOWN_VERBS_ZH, QUALIFIER_KIND, QUALIFIER_ZH_LINKS,
                         QUALIFIERS_EN, QUALIFIERS_ZH, QUALIFIERS_ZH_AFTER, UP_NOUNS_EN, UP_VERBS_EN, UP_VERBS_ZH,
                         alternation)

_QUALIFIER_EN = regex.compile(r"(?i:(?P<q>" + alternation(QUALIFIERS_EN) + r"))\s+(?:the\s+)?$")
# How a qualifier before a figure can end (lower case, one space between words), so that the search of
# _QUALIFIER_EN, which tries every position of its window, runs only where one may match.
_QUALIFIER_EN_ENDS = tuple(QUALIFIERS_EN)
QUALIFIER_ZH = regex.compile(r"(?P<q>" + alternation(QUALIFIERS_ZH) + r")(?:" + alternation(QUALIFIER_ZH_LINKS)
                             + r")?\s*$")
AFTER_ZH = regex.compile(r"\s*(?P<q>" + alternation(QUALIFIERS_ZH_AFTER) + ")")
MINUS_LEFT = regex.compile(r"(?:负|(?i:\b(?:minus|negative))\s+)$")
_BY = r"(?:(?:\s+[\w-]+){0,3}?\s+by)?\s+(?:about\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?$"
_DOWN_LEFT = regex.compile(r"(?i:\b(?:" + DOWN_VERBS_EN + r")" + _BY + r")"
                           r"|(?:" + alternation(DOWN_VERBS_ZH) + r")了?(?:约|近|超过)?$")
_UP_LEFT = regex.compile(r"(?i:\b(?:" + UP_VERBS_EN + r")" + _BY + r")"
                         r"|(?:" + alternation(UP_VERBS_ZH) + r")了?(?:约|近|超过)?$")
_CHANGE_RIGHT = regex.compile(
    r"\s*(?i:(?:(?:year|month|quarter|week)-on-(?:year|month|quarter|week)|annual|yearly|y/y|yoy)\s+)?"
    r"(?i:(?P<up>" + alternation(UP_NOUNS_EN) + r")|(?P<down>" + alternation(DOWN_NOUNS_EN) + r"))\b")
_SPACES = regex.compile(r"\s+")
# Units a change of direction signs: a share that "fell 34%" is -34.
DIRECTED_UNITS = frozenset({"percent", "percentage_point", "cheng", "ratio"})


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
        return _QUALIFIER_EN.search(left)
    rest = t[len(parts[0]):]
    return _QUALIFIER_EN.search(left, len(t) - len(rest.lstrip()))


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
    left = s[max(lo, r.start - 30):r.start]
    if r.cue and left.rstrip().lower().endswith(r.cue):
        left = left.rstrip()[: -len(r.cue)]
    if _DOWN_LEFT.search(left):
        r.direction = "down"
    elif _UP_LEFT.search(left):
        r.direction = "up"
    else:
        cm = _CHANGE_RIGHT.match(s, r.end)
        if cm:
            r.direction = "up" if cm["up"] else "down"
    return r
