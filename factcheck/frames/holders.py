"""Holders and places: every organisation, company, country or region a text names, resolved to one name.

Names come from four places, in this order of trust: the shipped aliases and pycountry's countries
(`rules/holders.yaml`), the aliases a text declares itself (`台积电（TSMC）`, `Contemporary Amperex Technology
Co. (CATL)`), English proper-noun runs, and Chinese proper nouns tagged by the segmenter.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..extract import FUNCTION_WORDS
from ..vocabulary import Vocabulary
from . import text as T

WORLD = "World"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str  # canonical
    kind: str  # org | region | world
    words: str  # as written
    rule: str  # alias | country | declared | proper noun | segmenter


# Capitalised words that start sentences or name months and days, never organisations.
_NOT_NAMES = FUNCTION_WORDS | {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "q1", "q2", "q3", "q4", "h1", "h2", "fy", "its", "their", "his", "her", "our", "this", "that", "these",
    "those", "only", "below", "above", "after", "before", "over", "under", "while", "meanwhile", "however",
    "overall", "together", "combined", "preliminary", "data", "figures", "sales", "shipments", "exports",
    "imports", "output", "production", "prices", "growth", "demand", "total", "full", "first", "second",
    "third", "fourth", "last", "next", "next", "year", "quarter", "month", "ev", "evs", "nev", "nevs", "phev",
    "phevs", "bev", "bevs", "gw", "gwh", "twh", "mw", "mt", "kt", "gdp", "cpi", "yoy", "ceo", "cfo", "mr",
    "ms", "dr", "new", "chairman", "president", "minister", "analysts", "analyst", "experts", "officials", "report",
}
_PROPER_RUN = regex.compile(r"(?<![\w'’])(?:[A-Z][\w&.'’-]*|[a-z]+[A-Z][\w-]*)"
                            r"(?:\s+(?:of\s+|de\s+|&\s+|and\s+)?(?:[A-Z][\w&.'’-]*))*")
_CORPORATE = regex.compile(r"(?:[\s,]+(?:Co\.?|Company|Corp\.?|Corporation|Inc\.?|Ltd\.?|Limited|Group|"
                           r"Holdings?|plc|PLC|AG|SA|S\.A\.|N\.V\.|LLC|Technology|Technologies))+$")
_POSSESSIVE = regex.compile(r"['’]s?$")
_DECLARED = regex.compile(
    r"(?P<long>\p{Han}{2,12}|(?:[A-Z][\w&.'’-]*\s+){0,6}[A-Z][\w&.'’-]*)\s*[(（]\s*"
    r"(?P<short>[A-Z][A-Za-z0-9&.-]{1,15}|\p{Han}{2,8})\s*[)）]")
_ZH_NAME_TAGS = {"nt", "nz", "ns"}


class HolderIndex:
    """Known spellings of a vocabulary, compiled once."""

    def __init__(self, vocab: Vocabulary):
        self.vocab = vocab
        self.kind: dict[str, str] = {WORLD: "world"}
        en: dict[str, str] = {}
        zh: dict[str, str] = {}
        for section, kind in ((vocab.regions, "region"), (vocab.organisations, "org")):
            for name, (en_names, zh_names) in section.items():
                self.kind[name] = kind
                for s in en_names:
                    en.setdefault(s, name)
                for s in zh_names:
                    zh.setdefault(T.fold(s), name)
        for cue in vocab.places:
            self.kind.setdefault(cue.name, "world" if cue.name == WORLD else "region")
        self.en_names, self.zh_names = en, zh
        self.en = _alternation(en, r"(?<![\w.])(?:{})(?![\w])")
        self.zh = _alternation(zh, "(?:{})")
        T.add_words(zh)

    def kind_of(self, name: str) -> str:
        return self.kind.get(name, "org")


def _alternation(names: dict[str, str], frame: str) -> regex.Pattern | None:
    if not names:
        return None
    body = "|".join(regex.escape(n) for n in sorted(names, key=len, reverse=True))
    return regex.compile(frame.format(body))


def declared_aliases(index: HolderIndex, text: str) -> dict[str, str]:
    """Spellings a text declares: `long (short)`; both map to a known name when either is known, else to the
    short form."""
    out: dict[str, str] = {}
    folded = T.fold(text)
    for m in _DECLARED.finditer(folded):
        long = _CORPORATE.sub("", m["long"]).strip()
        short = m["short"]
        known = (index.en_names.get(short) or index.zh_names.get(short) or index.en_names.get(long)
                 or index.zh_names.get(long))
        if not known and not (short.isupper() or short[:1].isupper()) and not T._HAN.match(short):
            continue
        canonical = known or short
        for s in (long, short):
            if s and s.lower() not in _NOT_NAMES:
                out.setdefault(s, canonical)
    return out


def find_mentions(index: HolderIndex, text: str, folded: str, start: int, end: int,
                  declared: dict[str, str], sources: frozenset[str] = frozenset()) -> list[Mention]:
    """Every holder or place named in text[start:end], sorted, without overlaps (the first found wins)."""
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def add(s: int, e: int, name: str, rule: str, kind: str | None = None) -> None:
        if name in sources or any(a < e and s < b for a, b in taken):
            return
        taken.append((s, e))
        found.append(Mention(s, e, name, kind or index.kind_of(name), text[s:e], rule))

    for cue in index.vocab.places:
        for m in cue.finditer(folded, start, end):
            add(m.start(), m.end(), cue.name, "place")
    if index.en is not None:
        for m in index.en.finditer(text, start, end):
            add(m.start(), m.end(), index.en_names[m.group()], "alias")
    if index.zh is not None:
        for m in index.zh.finditer(folded, start, end):
            add(m.start(), m.end(), index.zh_names[m.group()], "alias")
    if declared:
        pattern = _alternation(declared, r"(?<![\w])(?:{})(?![\w])")
        for m in pattern.finditer(folded, start, end):
            add(m.start(), m.end(), declared[m.group()], "declared")
    for m in _PROPER_RUN.finditer(text, start, end):
        name = _clean_run(m.group())
        if name and name.isupper() and len(name) < 3:
            continue  # two capitals (PV, EV, GW) are abbreviations far more often than names
        if name and not _sentence_initial_word(text, m.start(), name, start):
            add(m.start(), m.start() + len(name), _CORPORATE.sub("", name).strip() or name, "proper noun")
    if T._HAN.search(folded, start, end):
        for s, e, pos in T.tag_words(folded, start, end):
            if pos in _ZH_NAME_TAGS and e - s >= 2:
                add(s, e, folded[s:e], "segmenter")
    found.sort(key=lambda x: x.start)
    return found


def _clean_run(run: str) -> str | None:
    words = run.split()
    while words and words[0].lower().strip(".,'’") in _NOT_NAMES:
        words.pop(0)
    while words and words[-1].lower().strip(".,'’") in _NOT_NAMES:
        words.pop()
    if not words:
        return None
    name = _POSSESSIVE.sub("", " ".join(words)).rstrip(".,")
    if len(name) < 2 or name.lower() in _NOT_NAMES or name.isdigit():
        return None
    return name


def _sentence_initial_word(text: str, at: int, name: str, floor: int) -> bool:
    """A single capitalised word opening a sentence may be any word ("Shipments rose"): not a name unless
    it is written in capitals or with an inner capital (IDC, iPhone)."""
    if " " in name or not name[:1].isupper() or name.isupper() or any(ch.isupper() for ch in name[1:]):
        return False
    before = text[max(floor, at - 3):at]
    return at == floor or not before.strip() or before.rstrip()[-1:] in ".!?:\n\"“"
