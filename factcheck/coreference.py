"""Holders named differently: a short form and its full name, and two scripts matched by the figures their
articles share.

An English article names "Hoshimura Games" and a Chinese one "星村游戏", with no bracket declaring one the
other: no list translates a company's name. But articles on one story repeat its figures. Two articles, one
whose figures are mostly one Latin-script organisation's and one whose figures are mostly one Chinese
organisation's, that give at least `MIN_SHARED` of the same distinctive figures (the same dimension and
value, written to three significant figures or more: 84.2%, 48.6 million = 4860万) report on one company.
The Chinese name is read as the English one from then on, so that their other figures meet; the frame's
holder slot says so and how many figures agreed, so a finding explains why the two names were compared.

Many Chinese companies are named in English by the Mandarin reading of their name: 海城捷运 is "Haicheng
Metro", 小米 "Xiaomi". A Chinese name whose opening characters read as the first word of exactly one
English name of the corpus is that name, whether or not their articles share a figure.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import replace

import regex

from .model import Slot

MIN_SHARED = 2  # distinct agreeing figures before two articles' companies are taken for one
MIN_DIGITS = 3  # significant figures that make a value distinctive ("27%" is not; "84.2%" is)
MIN_READING = 5  # letters of a Mandarin reading before it identifies a name ("Anta" could be chance)
_HAN = regex.compile(r"\p{Han}")
_POSSESSIVE = regex.compile(r"['’]s?$")
_LATIN_WORD = regex.compile(r"[A-Za-z]+")


def _distinctive(p) -> tuple | None:
    """(dimension, value to its significant figures) of a figure written precisely enough to identify it."""
    value, precision = abs(p.claim.value), p.claim.precision
    if not value or not precision or p.frame.change:
        return None
    digits = math.floor(math.log10(value)) - math.floor(math.log10(precision)) + 1
    if digits < MIN_DIGITS:
        return None
    # (to three significant figures, halves rounded up: "£666.5 million" is the "£667m" of another article)
    step = 10.0 ** (int(math.floor(math.log10(abs(p.value)))) - 2)
    return p.frame.dimension, math.floor(p.value / step + 0.5) * step


def _main_organisation(placed: list) -> str | None:
    """The organisation that holds most of an article's figures (two or more of them)."""
    # (a figure that names no measure is compared with nothing: "双方分别持股57%和43%" makes no company the story's)
    counts = Counter(who for p in placed if p.frame.measure.value and (who := (p.frame.holder.value or "").partition("@")[0]))
    if not counts:
        return None
    (name, n), *rest = counts.most_common(2)
    return name if n >= 2 and (not rest or rest[0][1] < n) else None


def inferred_aliases(placed: list, read_as: dict[str, set[str]] | None = None) -> dict[str, tuple[str, int]]:
    """Each Chinese organisation name -> (the Latin-script name it is taken for, the figures that agreed),
    where one Latin-script name stands out. `read_as`: the Latin-script names a Chinese name's Mandarin reading
    opens (`reading_matches`): one agreeing figure suffices for those."""
    read_as = read_as or {}
    by_article: dict[str, list] = defaultdict(list)
    for p in placed:
        by_article[p.claim.article].append(p)
    main = {a: _main_organisation(ps) for a, ps in by_article.items()}
    figures: dict[tuple, set[str]] = defaultdict(set)  # distinctive figure -> articles giving it
    for article, ps in by_article.items():
        if main[article]:
            for p in ps:
                # (a figure another name holds is no evidence of the article's own: "1,220 rooms" at a hotel)
                key = _distinctive(p) if _who(p) in (main[article], "") else None
                if key is not None:
                    figures[key].add(article)
    shared: Counter = Counter()  # (Chinese name, Latin name) -> agreeing figures over article pairs
    for articles in figures.values():
        han = [main[a] for a in articles if _HAN.search(main[a])]
        latin = [main[a] for a in articles if not _HAN.search(main[a])]
        for h in set(han):  # (each pair of articles that agree counts: "£667m" in two English articles)
            for name in latin:
                shared[h, name] += 1
    votes: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for (han, latin), n in shared.items():
        if n >= MIN_SHARED or latin in read_as.get(han, ()):
            votes[han].append((n, latin))
    out = {}
    for han, options in votes.items():
        options.sort(reverse=True)
        if len(options) == 1 or options[0][0] > options[1][0]:
            out[han] = (options[0][1], options[0][0])
    return out


def reading_matches(placed: list) -> dict[str, set[str]]:
    """Each Chinese organisation name -> every Latin-script name whose first word (or first two, "Ping An") is
    the Mandarin reading of the Chinese name's first two or more characters: 海城捷运 -> {"Haicheng Metro"},
    上海迪士尼度假区 -> {"Shanghai Disney Resort", "Shanghai Shendi Group"}."""
    han, latin = set(), set()
    for p in placed:
        who = _who(p)
        if who:
            (han if _HAN.search(who) else latin).add(who)
    if not han or not latin:
        return {}
    by_reading: dict[str, set[str]] = defaultdict(set)
    for name in latin:
        words = [w.lower() for w in _LATIN_WORD.findall(name)]
        for n in (1, 2):
            if len(words) >= n and len(reading := "".join(words[:n])) >= MIN_READING:
                by_reading[reading].add(name)
    from pypinyin import Style, lazy_pinyin  # (its dictionary takes a moment to load: only where a name may match)

    out = {}
    for name in han:
        # (Taiwan spells its names in Wade-Giles: 雪山 is "Hsueh Shan", not "Xueshan"; apostrophes and the
        # umlaut, which pypinyin writes as v, left out as English text leaves them)
        readings = (lazy_pinyin(name), [w.translate(_WADE_GILES_PLAIN) for w in lazy_pinyin(name, style=Style.WADEGILES)])
        matches = {latin_name for syllables in readings for n in range(len(syllables), 1, -1)
                   for latin_name in by_reading.get("".join(syllables[:n]), ())}
        if matches:
            out[name] = matches
    return out


def short_forms(placed: list) -> dict[str, str]:
    """Each Latin-script name that opens or ends exactly one longer name of the corpus -> that name:
    "Borealis" of "Borealis Potash", "Rovers" of "Blackwater Rovers", as a second reference writes it. A short form two names open ("Tata" of "Tata Motors"
    and "Tata Steel") stands for neither."""
    names = {who for p in placed if (who := (p.frame.holder.value or "").partition("@")[0]) and not _HAN.search(who)}
    longer: dict[str, set[str]] = defaultdict(set)
    for name in names:
        words = name.split()
        parts = [p for n in range(1, len(words)) for p in (" ".join(words[:n]), " ".join(words[-n:]))]
        # (a club or a firm is also called by its last words: "Rovers" of "Blackwater Rovers"; a hyphenated
        # name by either half: "Maersk" of "A.P. Moller-Maersk", "Mercedes" of "Mercedes-Benz")
        parts += [half for half in (words[0].partition("-")[0], words[-1].rpartition("-")[2])
                  if "-" in name and half and half != name]
        for part in parts:
            if part in names:
                longer[part].add(name)
    out = {}
    for short, full in longer.items():
        # (the longest of nested names: "Jade Peak" of "Jade Peak Commercial" and "Jade Peak Commercial Bank")
        widest = [f for f in full if not any(g != f and (g.startswith(f + " ") or g.endswith(" " + f)) for g in full)]
        if len(widest) == 1:
            out[short] = widest[0]
    return {s: out.get(f, f) for s, f in out.items()}


def with_inferred_holders(placed: list) -> list:
    """`placed` with each short form read as its full name (`short_forms`) and each Chinese name that
    `inferred_aliases` matches read as its Latin-script name."""
    shorts = short_forms(placed)
    if shorts:
        # (only where the text wrote the short form: "Haneul Holdings", read short as "Haneul", is the parent of
        # "Haneul Beauty", not a short form of it)
        placed = [_renamed(p, shorts[who], "the short form of it")
                  if (who := _who(p)) in shorts and _writes_short_form(shorts[who], _POSSESSIVE.sub("", p.frame.holder.words))
                  else p for p in placed]
    # (one name a reading opens is that name; of several, the one whose articles share a figure: `inferred_aliases`)
    matches = reading_matches(placed)
    readings = {name: next(iter(found)) for name, found in matches.items() if len(found) == 1}
    if readings:
        placed = [_renamed(p, readings[who], "its name reads so in Mandarin") if (who := _who(p)) in readings else p
                  for p in placed]
    aliases = inferred_aliases(placed, {name: found for name, found in matches.items() if len(found) > 1})
    if aliases:
        placed = [_renamed(p, aliases[who][0], f"their articles agree on {aliases[who][1]} figures")
                  if (who := _who(p)) in aliases else p for p in placed]
    return placed


_WADE_GILES_PLAIN = str.maketrans({"'": None, "’": None, "v": "u"})


def _writes_short_form(full: str, written: str) -> bool:
    return full.startswith(written) or full.endswith((" " + written, "-" + written))


def _who(p) -> str:
    return (p.frame.holder.value or "").partition("@")[0]


def _renamed(p, name: str, why: str):
    _, at, where = (p.frame.holder.value or "").partition("@")
    holder = Slot(f"{name}{at}{where}", p.frame.holder.words, f"{p.frame.holder.rule}; taken for {name}: {why}")
    return replace(p, frame=replace(p.frame, holder=holder))
