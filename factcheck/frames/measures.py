"""Measure and object: what a figure measures (a concept of the vocabulary) and of what (open words).

A percentage is a share when the words nearest it are share words or a level measure ("60% of world
output" is the share of production), the measure itself when that measure is a rate (a 20% tariff), and
a change of the measure it names when it is signed or said to grow.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..extract import FUNCTION_WORDS
from ..rulefile import WindowScan
from ..vocabulary import Measure, Vocabulary, cue_set
from . import text as T


@dataclass(frozen=True)
class MeasureHit:
    start: int
    end: int
    measure: Measure


def find_measures(vocab: Vocabulary, folded: str, start: int, end: int,
                  scanned: list[tuple[int, int, int]] | None = None) -> list[MeasureHit]:
    """Every measure word, longest first where two overlap ("shipped … overseas" over "shipped"); the same
    words of several measures are each a hit, the measure listed first before the others. `scanned`: the measure cues' scan of the range, if already made."""
    measures = vocab.measures
    if scanned is None:
        scanned = cue_set(measures).scan(folded, start, end)
    candidates = sorted((-(e - s), i, s, e) for s, e, i in scanned)
    hits: list[tuple[int, int, MeasureHit]] = []
    taken: list[tuple[int, int]] = []
    for _, i, s, e in candidates:
        for a, b in taken:  # (a loop, not any(): it runs for every cue hit)
            if a < e and s < b:
                break
        else:
            taken.append((s, e))
            hits.append((s, i, MeasureHit(s, e, measures[i])))
            # the same words as a cue of measures listed later, kept after it: "processed" refines ore but
            # handles transactions, and a figure's dimension says which (`Measure.takes`); a measure of no
            # dimension has none (`_also_cued`)
            if measures[i].dimensions:
                hits += [(s, j, MeasureHit(s, e, measures[j])) for j in _also_cued(measures, i, folded, s, e)]
    hits.sort(key=lambda h: h[:2])
    return [h for _, _, h in hits]


_ALSO: dict[int, tuple[tuple, dict[tuple[int, str], tuple[int, ...]]]] = {}


def _also_cued(measures: tuple, first: int, folded: str, start: int, end: int) -> tuple[int, ...]:
    """Measures after `first` a cue of which is these very words (kept: the same words recur). A cue that
    looks around itself ("backlogs?" before "worth" or a currency) is tried where the words stand."""
    entry = _ALSO.get(id(measures))
    if entry is None or entry[0] is not measures:
        looking = frozenset(j for j, m in enumerate(measures) if any(
            p is not None and _LOOKAROUND.search(p.pattern) for p in (m.en, m.zh)))
        entry = _ALSO[id(measures)] = (measures, {}, looking)
    if not measures[first].dimensions:  # (else it takes every figure and the others never count)
        return ()
    words = folded[start:end]
    key = (first, words.lower())
    cached = entry[1].get(key)
    if cached is None:
        if len(entry[1]) > _KEPT:
            entry[1].clear()
        later = range(first + 1, len(measures))
        found = tuple(j for j in later if j not in entry[2]
                      and any(p is not None and p.fullmatch(words) for p in (measures[j].en, measures[j].zh)))
        # (a cue that looks around may match these words where it stands: the words are at least its start)
        maybe = tuple(j for j in later if j in entry[2] and any(
            p is not None and p.fullmatch(words, partial=True) for p in (measures[j].en, measures[j].zh)))
        cached = entry[1][key] = (found, maybe)
    found, maybe = cached
    in_place = tuple(j for j in maybe if any(
        p is not None and (m := p.match(folded, start)) is not None and m.end() == end
        for p in (measures[j].en, measures[j].zh)))
    return tuple(sorted(found + in_place)) if in_place else found


_LOOKAROUND = regex.compile(r"\(\?(?:[=!]|<[=!])")


def _distance(hit: MeasureHit, start: int, end: int, text: str = "") -> int:
    if hit.end <= start:
        return start - hit.end
    if hit.start >= end:
        # "85%的精炼产能": a measure joined to the figure by 的 describes it
        return -1 if text and text[end:hit.start].strip() in ("的", "of", "of the") else hit.start - end
    return 0


def nearest(hits: list[MeasureHit], start: int, end: int, lo: int, hi: int, types: tuple[str, ...],
            reach: int = 10**9, text: str = "") -> MeasureHit | None:
    best = None
    for h in hits:
        if h.measure.type in types and lo <= h.start and h.end <= hi:
            d = _distance(h, start, end, text)
            if d <= reach and (best is None or d < best[0]):
                best = (d, h)
    return None if best is None else best[1]


# "28.6 million (9%)": a percentage in parentheses right after an amount is that amount's share.
_AFTER_FIGURE = regex.compile(r"\d(?:\.\d+)?\s*(?:[A-Za-z]+|[\p{Han}]{1,3})?\s*[(（]\s*$")
_OF_ITS = regex.compile(r"\s*of\s+(?:its|their|the\s+(?:company|firm|country|nation)['’]s)\s+(?:own\s+)?"
                        # "at 68.4% of capacity", "running at 80% of full capacity": a capacity with no
                        # determiner is the holder's own
                        r"|\s*of\s+(?:full\s+|total\s+)?capacity\b", regex.I)
_OF_AFTER = regex.compile(r"\s*(?:of|of\s+the|of\s+all)\s+(?!its\b|their\b)", regex.I)
_SOURCE_AFTER = regex.compile(r"\s+(?:of|from)\s+(?:the\s+)?(?!its\b|their\b|a\s+year\b|the\s+(?:same|previous|prior)\b)", regex.I)
_ZH_SEGMENT_IN = regex.compile(r"(?:业务|板块|事业部|分部)")
_RELATIVE_AFTER = regex.compile(r",?\s+(?:which|that|whose)\b")
_EARNED_FROM = frozenset({"revenue", "sales", "output_value"})
_SEGMENT_BEFORE = regex.compile(r"\b(?i:its|the|their)\s+([a-z][\w-]+(?:\s+[a-z][\w-]+){0,2})\s+(business|division|segment|arm)\b")
_ZH_OF = regex.compile(r"的?(?:市场|份额|比重|占比)")


_ASIDE = regex.compile(rf"(?i),\s*(?:{T.ASIDE_OPENINGS}|such\s+as|among\s+them)\b[^,;.]*,"
                       r"|[,，]\s*(?:包括|其中包括|不包括|不含|包含)[^,，;；。]*[,，]|[(（]\s*(?:包括|不含|including|excluding)[^()（）]*[)）]")


def _refined(hits: list[MeasureHit], hit: MeasureHit | None, start: int, end: int,
             clause: tuple[int, int]) -> MeasureHit | None:
    """`hit`, or the nearest measure in the clause that is a kind of it (`refines`)."""
    if hit is None:
        return None
    return nearest([h for h in hits if h.measure.refines == hit.measure.name], start, end, *clause,
                   (hit.measure.type,)) or hit


def choose(hits: list[MeasureHit], folded: str, start: int, end: int, clause: tuple[int, int],
           sentence: tuple[int, int], percent: bool, change: bool,
           duration: bool = False) -> tuple[str | None, MeasureHit | None]:
    """(measure key, the hit that set it), or (None, None) when neither clause nor sentence names one.

    Share keys name their base when the clause does: "share", "share of production"."""
    if hits and (asides := [m.span() for m in _ASIDE.finditer(folded, *sentence)
                            if not m.start() <= start < m.end()]):
        # "Total harvest, including logs processed by sawmills, reached 34.6 million": an aside names a part
        hits = [h for h in hits if not any(a <= h.start < b for a, b in asides)]
    if hits and "," in folded[sentence[0]:start]:
        # "Underlying profit, which strips out revaluation changes on investment properties, came to HK$6.84
        # billion": a relative clause set off after a measure describes that measure; its words name no figure
        described = [m.span() for m in T.RELATIVE_ASIDE.finditer(folded, sentence[0], start)
                     if any(h.end <= m.start() and not folded[h.end:m.start()].strip() for h in hits)]
        hits = [h for h in hits if not any(a <= h.start < b for a, b in described)]
    if change:
        # what changed is named in the clause, else earlier in the sentence ("added 277 GW …, 28.3% more than
        # in 2023, lifting the installed base to 887 GW": additions grew, not the base)
        hit = _refined(hits, nearest(hits, start, end, *clause, ("level", "rate"), text=folded)
                       or nearest(hits, start, end, *clause, ("share",), text=folded)
                       or nearest(hits, start, end, sentence[0], start, ("level", "rate"), text=folded)
                       or nearest(hits, start, end, *sentence, ("level", "rate"), text=folded), start, end, clause)
        return (hit.measure.name, hit) if hit else (None, None)
    if not percent:
        # In the sentence, not past a semicolon after the figure: "达到53.4亿吨;同期进口量…" names the next figure's
        # (nor past "while", "whereas", "but": "…climbed to US$21.7 billion, while orders from China rose")
        stop = _LIST_BREAK.search(folded, end, sentence[1]) or _NEXT_STATEMENT.search(folded, end, sentence[1])
        hit = nearest(hits, start, end, *clause, ("level",), text=folded)
        if hit is None and _PART_OPENING_ZH.search(folded, clause[0], start):
            # "进口量约1050亿立方米，其中来自美国的约500亿立方米": a part counts what its whole counts
            hit = nearest(hits, start, end, sentence[0], clause[0], ("level",), text=folded)
        hit = hit or nearest(hits, start, end, sentence[0], stop.start() if stop else sentence[1], ("level",), 60, folded)
        if hit is None and hits and hits[0].measure.type == "level" and hits[0].start - sentence[0] <= 2 \
                and hits[0].end <= start and not _DIGIT.search(folded, hits[0].end, start):
            # "Shipments of lamp assemblies, the company's fastest-growing line, reached 4.8 million units": the
            # sentence's subject, however long its aside, is what its first figure measures
            hit = hits[0]
        hit = _refined(hits, hit, start, end, clause)
        if duration and (hit is None or (hit.measure.name != "duration" and "time" not in hit.measure.dimensions)):
            return None, None  # "18 months", "a five-year window": a time is a duration (or an age), nothing else
        if hit is not None and hit.measure.name in _PRICED:
            # "export price", "进口均价", "shipments abroad … at an average price": the price of a trade flow
            flow = next((h for h in reversed(hits) if h.measure.name in FLOWS and sentence[0] <= h.start
                         and h.end <= max(hit.start, start) and not _LIST_BREAK.search(folded, h.end, hit.start)), None)
            if flow is not None:
                return f"{hit.measure.name} of {flow.measure.name}", hit
        return (hit.measure.name, hit) if hit else (None, None)
    rate = nearest(hits, start, end, *clause, ("rate",), text=folded)
    if rate is not None:  # "a 20% tariff on imports", "relies on China for 90% of its supply"
        return rate.measure.name, rate
    own = "own " if _OF_ITS.match(folded, end) else ""  # "95% of its capacity": of the holder's own total
    hit = nearest(hits, start, end, *clause, ("share", "level"), text=folded)
    if hit is not None:
        base = hit if hit.measure.type == "level" else (
            nearest(hits, start, end, *clause, ("level",), text=folded)
            or nearest(hits, start, end, sentence[0], clause[0], ("level",), 60, folded))
        if base is not None and base.measure.name == "capacity":  # "refining capacity": the stage's share
            stage = next((h for h in hits if h.measure.type == "level" and h is not base
                          and 0 <= base.start - h.end <= 3 and h.start >= clause[0]), None)
            base = stage or base
        if base is None:
            return ("share of own" if own else "share"), hit
        return f"share of {own}{base.measure.name}", hit
    # in the sentence, within the statement the figure is in: "inflation edges up to 5.17%; Selic held at 15%"
    before = [m.end() for m in _LIST_BREAK.finditer(folded, sentence[0], start)]
    after = _LIST_BREAK.search(folded, end, sentence[1])
    hit = nearest(hits, start, end, before[-1] if before else sentence[0], after.start() if after else sentence[1],
                  ("rate", "share"), 60, folded)
    if hit is not None:
        return ("share" if hit.measure.type == "share" else hit.measure.name), hit
    if _OF_AFTER.match(folded, end) or _AFTER_FIGURE.search(folded, max(0, start - 30), start):
        return "share", None
    return None, None


_DIGIT = regex.compile(r"\d")
_PRICED = {"price", "cost"}
FLOWS = frozenset({"imports", "exports"})  # trade flows, whose price and value the framer reads too
_LIST_BREAK = regex.compile(r"[;；。]")
_NEXT_STATEMENT = regex.compile(r"(?i)\b(?:while|whereas|but)\b|[,，]\s*(?:而|但)")


def inherited(hits: list[MeasureHit], spans: list[tuple[int, int]], types: tuple[str, ...]) -> MeasureHit | None:
    """The first measure of the given types in the spans (earlier sentences of the paragraph, the lede,
    the headline): figures that name no measure count what the text around them counts."""
    for lo, hi in spans:
        for h in hits:
            if lo <= h.start and h.end <= hi and h.measure.type in types:
                return h
    return None


# Words that name one scope in several ways: "overseas visitors", "foreign tourists", "international arrivals"
_SAME_SCOPE = {"overseas": "foreign", "international": "foreign", "inbound": "foreign"}


def _stem(word: str) -> str:
    w = word.lower()
    return _SAME_SCOPE[w] if w in _SAME_SCOPE else T.singular(w)


_EN_WORD = regex.compile(r"[A-Za-z][A-Za-z-]*")
_STOP = FUNCTION_WORDS | {"last", "next", "previous", "same", "largest", "biggest", "leading", "top", "world's", "global", "worldwide", "new", "total", "annual", "combined", "overall",
                          "about", "nearly", "almost", "around", "over", "more", "than", "some", "another",
                          "record", "its", "their", "his", "her", "million", "billion", "thousand",
                          "trillion", "hundred", "mn", "bn", "m", "k",
                          # verbs that stand next to measure words ("said revenue", "expects sales")
                          "said", "says", "say", "reported", "reports", "report", "expects", "expect", "expected",
                          "rose", "fell", "was", "were", "is", "are", "has", "have", "had", "came", "stood",
                          "reached", "totalled", "totaled", "hit", "posted", "posts", "recorded", "saw", "sees",
                          "see", "forecast", "forecasts", "projects", "estimates", "put", "puts", "hold", "holds",
                          "held", "lifted", "grew", "grow", "grows", "its", "their",
                          # pronouns name nothing counted ("1.92 million of them were on full fibre")
                          "them", "those", "these", "they", "which", "whom", "this", "that"}


# "the number of shoppers fell 17.2% to 3.62 million", "its number of beneficiaries climbed to…"
# (or of people an adjective names: "the number of unemployed", "of injured")
_NUMBER_OF = regex.compile(r"(?i)\bnumber\s+of\s+((?:[a-z][a-z'-]+\s+){0,2}?(?:[a-z][a-z'-]+s|(?:un)?employed|injured|"
                           r"displaced|insured|homeless|elderly|poor|dead|missing))\b")


def number_of(folded: str, lo: int, hi: int) -> tuple[tuple[str, ...], str] | None:
    """What "the number of …" between lo and hi counts (its words, singular, up to the first plural one),
    and the words as written; None when no such phrase stands there."""
    m = None
    for m in _NUMBER_OF.finditer(folded, lo, hi):
        pass  # (the last one, nearest the figure)
    if m is None:
        return None
    words = tuple(_stem(w) for w in m[1].split() if w.lower() not in _STOP)
    return (words, m.group()) if words else None


def object_words(vocab: Vocabulary, text: str, folded: str, claim_noun: str | None, lang: str,
                 start: int, end: int, clause: tuple[int, int], hit: MeasureHit | None,
                 names: list[tuple[int, int]], sentence: tuple[int, int] | None = None,
                 objects: WindowScan | None = None) -> tuple[str, ...]:
    """Content words naming what is counted: the figure's own noun, the words before the measure word
    ("polysilicon capacity", "新能源汽车销量") or after "of" ("of crude steel")."""
    def keep(word: str) -> bool:
        low = word.lower()
        return (low not in _STOP and low not in vocab.generic and len(low) > 2 and not _NOT_NOUN.search(low)
                and not _MONTH.match(low) and not (word.isupper() and len(word) <= 3))

    def outside_names(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in names)

    named = _named_object(vocab, folded, start, end, clause, names, sentence, objects)
    if named:
        # ("咖啡业务营收", "its coffee business, which earned…": a business of the company, still marked so)
        part = _ZH_SEGMENT_IN.search(folded, clause[0], start) if lang == "zh" else None
        if part is None and lang != "zh":
            part = _SEGMENT_BEFORE.search(text, clause[0], start)
        return (NAMED + named,) + ((part.group(part.lastindex or 0).lower(),) if part else ())
    if lang == "zh":
        words_zh = _zh_object(vocab, folded, start, end, clause, hit, names)
        # ("总放款年增9.4%；其中房屋贷款年增11.3%": a part of the whole named before, which no figure of
        # unknown object joins)
        if words_zh and _PART_OPENING_ZH.search(folded, max(0, clause[0] - 3), start):
            return words_zh + ("其中",)
        return words_zh
    item = _ITEM_AT.search(text, max((sentence or clause)[0], start - 50), start)
    if item is not None and outside_names(item.start("item"), item.end("item")):
        # "children's books took 14.2%, followed by literature at 12.9% and comics at 10.6%": each figure is
        # of its own item
        listed = [w for w in _EN_WORD.findall(item["item"]) if keep(w)]
        if listed:
            return tuple(dict.fromkeys(_stem(w) for w in listed))
    words: list[str] = []
    # ("$11.40 per mmBtu": a unit, not what is priced; "claimed 318 lives": the measure's own words)
    if claim_noun and not claim_noun.startswith("per ") and not (hit is not None and hit.start <= start and hit.end > end):
        words += [w for w in _EN_WORD.findall(claim_noun) if keep(w)]
    if hit is not None and hit.start >= clause[0]:
        at = hit.start
        joined: list[str] = []
        for m in reversed(list(_EN_WORD.finditer(text, max(clause[0], hit.start - 30), hit.start))[-2:]):
            # only words joined to the measure word: "polysilicon capacity", "NEV passenger sales"
            # (not the figure's own unit word: "1.23 million hectares burned")
            if text[m.end():at].strip() or not outside_names(m.start(), m.end()) or not keep(m.group()) \
                    or (start <= m.start() < end) \
                    or (_is_measure_word(vocab, m.group()) and not hit.measure.of_measures):
                break
            joined.insert(0, m.group())
            at = m.start()
        words += joined
    of = _OF_AFTER.match(text, hit.end if hit is not None and hit.start >= end else end)
    of_end = clause[1]
    if of is None and hit is not None and (sentence or clause)[0] <= hit.start and hit.end <= start:
        of_end = start  # (what the words between the measure and the figure say)
        # "Revenue from online music services rose 26% to…", "Exports of coal reached…": what the measure
        # word before the figure is of
        of = _SOURCE_AFTER.match(text, hit.end)
        if of is not None and of.group().strip().lower().startswith("from") and hit.measure.name not in _EARNED_FROM:
            of = None  # ("losses from the storm", "deaths from dengue": a cause, not what is counted)
    if of:
        after = [m for m in _EN_WORD.finditer(text, of.end(), max(of.end(), min(of_end, of.end() + 40)))][:3]
        read = len(words)
        for m in after:
            if not outside_names(m.start(), m.end()) or _is_measure_word(vocab, m.group()):
                break
            if keep(m.group()):
                words.append(m.group())
        if len(words) > read and of.group().strip().lower().startswith("from") and hit is not None \
                and hit.measure.name in _EARNED_FROM:
            # "revenue from telecommunications services": a business of the company's, never its whole revenue
            words.append("business")
    segment = _SEGMENT_BEFORE.search(text, clause[0], start)
    if segment is None and sentence is not None and sentence[0] < clause[0]:
        # (or the subject of the relative clause the figure stands in)
        segment = next((m for m in _SEGMENT_BEFORE.finditer(text, max(sentence[0], clause[0] - 80), clause[0] + 8)
                        if _RELATIVE_AFTER.match(text, m.end())), None)
    if segment:
        # "its ingredients business, which earned NZ$505 million": a part of the company, not the whole
        words += [w for w in segment.group(1).split() if keep(w)] + [segment.group(2).lower()]
    if hit is not None and hit.measure.type == "rate":
        # What a rate applies to: "a 20% tariff on fentanyl imports"; "the total rate" sums every rate, another
        # scope than one product's.
        if (_WHOLE_BEFORE.search(text, max(clause[0], hit.start - 20), hit.start)
                or _WHOLE_RATE.search(text, clause[0], start)):
            return ("all",)
        on = _ON_AFTER.match(text, hit.end)
        if on:
            for m in list(_EN_WORD.finditer(text, on.end(), min(clause[1], on.end() + 40)))[:3]:
                if not outside_names(m.start(), m.end()) or _is_measure_word(vocab, m.group()):
                    break
                if keep(m.group()):
                    words.append(m.group())
    return tuple(dict.fromkeys(_stem(w) for w in words))


_ITEM_AT = regex.compile(r"(?i)\b(?:followed\s+by|then|and|,)\s+(?:the\s+)?(?!(?:where|which|who|whose|when|while|as|with|that|there|it|they)\b)(?P<item>[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2}?)"
                         r"\s+(?:at|with)\s+(?:about\s+|around\s+|nearly\s+|some\s+|roughly\s+)?$")
_WHOLE_BEFORE = regex.compile(r"(?i)\b(?:total|overall|combined|average|blanket)\s+(?:\w+\s+)?$")
_WHOLE_RATE = regex.compile(r"(?i)\b(?:total|overall|combined|average|blanket)\s+(?:\w+\s+)?(?:rate|level)s?\b")
_ON_AFTER = regex.compile(r"(?i)(?:\s+rates?)?\s+(?:on|for|against|among)\s+(?:the\s+)?")  # ("unemployment rate for young people")


_NOT_NOUN = regex.compile(r"(?:ed|ing|ly)$|^(?:full-year|year-end|so-called)$")
_MONTH = regex.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*$")


def _named_object(vocab: Vocabulary, folded: str, start: int, end: int, clause: tuple[int, int],
                  names: list[tuple[int, int]] = (), sentence: tuple[int, int] | None = None,
                  objects: WindowScan | None = None) -> str | None:
    """The nearest object the vocabulary names in the clause, else in the sentence before the figure (longest
    spelling wins where two overlap), outside names ("Northwind Semiconductor" names a company). Returned as
    "name=words as written"."""
    spans = [clause] + ([(sentence[0], clause[0])] if sentence else [])
    # (an aside names what the figure leaves out or takes in: "revenue, which excludes handset sales, was…")
    asides = [m.span() for m in _ASIDE.finditer(folded, *clause)] if "," in folded[clause[0]:clause[1]] else []
    for lo, hi in spans:
        best = None
        hits = [(s, e, i) for s, e, i in (objects.scan(lo, hi) if objects is not None
                                          else cue_set(vocab.objects).scan(folded, lo, hi))
                if not any(a < e and s < b for a, b in names) and not any(a <= s < b for a, b in asides)]
        for s, e, i in hits:
            d = start - e if e <= start else max(0, s - end)
            key = (d, -(e - s))
            if best is None or key < best[0]:
                best = (key, (s, e, i))
        if best is not None:
            s, e, i = best[1]
            # "38.6 GW of solar modules": of a compound of two objects, the last word is what is counted
            head = next((h for h in hits if h[0] >= e and _COMPOUND_GAP.fullmatch(folded, e, h[0])), None)
            while head is not None:
                s, e, i = head
                head = next((h for h in hits if h[0] >= e and _COMPOUND_GAP.fullmatch(folded, e, h[0])), None)
            return f"{vocab.objects[i].name}={folded[s:e]}"
    return None


_COMPOUND_GAP = regex.compile(r"[ \t-]?")


_MEASURE_WORDS: dict[int, tuple[tuple, dict[str, bool]]] = {}  # per vocabulary's measures: word -> a measure word
_KEPT = 100_000  # words kept per vocabulary; beyond, they are read again


def _is_measure_word(vocab: Vocabulary, word: str) -> bool:
    """Whether an English word is a measure's (kept: the same words recur in every article)."""
    entry = _MEASURE_WORDS.get(id(vocab.measures))
    if entry is None or entry[0] is not vocab.measures:
        entry = _MEASURE_WORDS[id(vocab.measures)] = (vocab.measures, {})
    known = entry[1].get(word)
    if known is None:
        if len(entry[1]) > _KEPT:
            entry[1].clear()
        known = entry[1][word] = any(m.en is not None and m.en.fullmatch(word) for m in vocab.measures)
    return known


_ZH_NOUN = ("n", "nz", "vn", "eng", "nt")


def _zh_object(vocab: Vocabulary, folded: str, start: int, end: int, clause: tuple[int, int],
               hit: MeasureHit | None, names: list[tuple[int, int]]) -> tuple[str, ...]:
    anchor = hit.start if hit is not None and clause[0] <= hit.start < start else start
    words = T.tag_words(folded, clause[0], anchor)
    picked: list[str] = []
    for s, e, pos in reversed(words):
        w = folded[s:e]
        if any(a < e and s < b for a, b in names) or w in vocab.generic:
            if picked:
                break
            continue
        if pos in _ZH_NOUN and ((hit is not None and hit.measure.of_measures)
                                or not any(m.zh is not None and m.zh.search(w) for m in vocab.measures)):
            picked.append(w)
            if len(picked) == 2:
                break
        elif picked:
            break
    return tuple(reversed(picked))


NAMED = "="  # marks an object the vocabulary names: named objects match by name only


_HAS_DIGIT = regex.compile(r"\d")
_SEGMENT = regex.compile(r"(?i)(?:^|[\s=])(?:business|division|segment|arm)$|(?:业务|板块|部门|事业部|分部|其中)$")
_PART_OPENING_ZH = regex.compile(r"其中")


def objects_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Equal enough, or one unknown: two named objects by name; else a shared word, one word ending
    another ("phone", "smartphone"), or words in two scripts (no translation known: they may agree)."""
    if not a or not b:
        # (a business of a company is not the whole of it: "DRAM业务营收" is no company's revenue)
        return not any(_SEGMENT.search(w) for w in a or b)
    named_a, named_b = a[0].startswith(NAMED), b[0].startswith(NAMED)
    if named_a and named_b:
        return a[0][1:].partition("=")[0] == b[0][1:].partition("=")[0]
    if named_a or named_b:
        # A named object against open words: in the same script they name different things (open words are
        # ones the vocabulary names no object for); across scripts no translation is known.
        written_a = a[0][1:].partition("=")[2] if named_a else "".join(a)
        written_b = b[0][1:].partition("=")[2] if named_b else "".join(b)
        return bool(T.HAN.search(written_a)) != bool(T.HAN.search(written_b))
    if bool(T.HAN.search("".join(a))) != bool(T.HAN.search("".join(b))):
        return True  # two scripts: they may agree (a gloss that differs is no proof: 股东 in 归属于股东的净利润)
    codes = {x for x in a if _HAS_DIGIT.search(x)}
    if codes != {y for y in b if _HAS_DIGIT.search(y)}:
        return False  # "5G 移动电话" is a part of "移动电话": a code with a figure names a kind apart
    # (the same code of two kinds, "5G 网络" and "5G 套餐", is no shared word: the kinds must meet)
    words_a, words_b = [x for x in a if x not in codes], [y for y in b if y not in codes]
    if not words_a or not words_b:
        return True  # ("5G" and "5G 网络": one says less)
    for x in words_a:
        for y in words_b:
            if x == y or x.endswith(y) or y.endswith(x):
                return True
    return False


def objects_affinity(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """How surely two objects are one: 2 when both are known and agree in one script (a shared word, one
    named object), 1 when they only may agree (one unknown, or two scripts), 0 when they differ."""
    if not objects_compatible(a, b):
        return 0
    if not a or not b:
        return 1
    if a[0].startswith(NAMED) and b[0].startswith(NAMED):
        return 2
    if _written_in_han(a) == _written_in_han(b):
        return 2
    return 2 if _translated(a, b) else 1


def _translated(a: tuple[str, ...], b: tuple[str, ...]) -> bool | None:
    """Whether open words in two scripts name one thing, by the Chinese words' English glosses (None: no
    Chinese word is in the dictionary)."""
    from .glossary import translation_agrees

    english, chinese = (a, b) if T.HAN.search("".join(b)) else (b, a)
    return translation_agrees(tuple(w for w in english if not T.HAN.search(w)),
                              tuple(w for w in chinese if T.HAN.search(w)))


def _written_in_han(words: tuple[str, ...]) -> bool:
    written = words[0][1:].partition("=")[2] if words[0].startswith(NAMED) else "".join(words)
    return bool(T.HAN.search(written))
