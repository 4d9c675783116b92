"""Holders and places: every organisation, company, country or region a text names, resolved to one name.

Names come from four places, in this order of trust: the shipped aliases and pycountry's countries
(`rules/holders.yaml`), the aliases a text declares itself (`台积电（TSMC）`, `Contemporary Amperex Technology
Co. (CATL)`), English proper-noun runs, and Chinese proper nouns tagged by the segmenter.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from operator import itemgetter

import regex

from ..extract import FUNCTION_WORDS
from ..extract.vocabulary import trie
from ..rulefile import CaseBlind
from ..vocabulary import CITY_POPULATION_OPENING, Vocabulary, cities, cue_set, subdivisions
from . import text as T
from .chinese_names import (DESCRIPTOR_ZH, ZH_CORPORATE, ZH_SUBDIVISION, ZH_TRADES, abbreviates, chinese_mentions,
                            leading_names, without_place)

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
    "thousand", "million", "billion", "trillion", "lakh", "crore",  # "RMB 1.7 Trillion" in a headline
    "q1", "q2", "q3", "q4", "h1", "h2", "fy", "its", "their", "his", "her", "our", "this", "that", "these",
    "those", "only", "below", "above", "after", "before", "over", "under", "while", "meanwhile", "however",
    "overall", "together", "combined", "preliminary", "data", "figures", "sales", "shipments", "exports",
    "imports", "output", "production", "prices", "growth", "demand", "total", "full", "first", "second",
    "third", "fourth", "last", "next", "next", "year", "quarter", "month", "ev", "evs", "nev", "nevs", "phev",
    "phevs", "bev", "bevs", "gw", "gwh", "twh", "mw", "mt", "kt", "gdp", "cpi", "yoy", "ceo", "cfo", "mr",
    "ms", "dr", "new", "gmv", "export", "import", "chairman", "president", "minister", "analysts", "analyst", "experts", "officials", "report",
    "rival", "rivals", "competitor", "competitors", "peer", "peers", "carmaker", "automaker", "retailer", "lender",
    # holidays and seasons name a time, never a holder ("Christmas orders", "Golden Week travel")
    "christmas", "easter", "ramadan", "eid", "diwali", "thanksgiving", "halloween", "hanukkah", "new year",
    "lunar new year", "chinese new year", "golden week", "black friday", "cyber monday", "singles day",
    # verbs that open a sentence before a name ("Take Kingsway Toys.", "Consider Orvelle.")
    "take", "consider", "look", "meet", "ask",
    "shares", "stock", "stocks",  # "Shares of Haneul Beauty rose 6.8%": the company's shares
    # acronyms of kinds of things, not of organisations ("旗下高息ETF", "the SUV segment", "its IPO")
    "etf", "etfs", "ipo", "ipos", "ai", "esg", "suv", "suvs", "lng", "lpg", "vat", "gst", "pmi", "fdi", "npl",
    "npls", "roe", "eps", "pc", "pcs", "tv", "atm", "atms", "app", "apps",
}
# A word a capitalised name is followed by when it names a place within a country ("Fogang county")
_SUBDIVISION_AFTER = re.compile(r" (?:county|province|prefecture|district|township|municipality|oblast|governorate)\b")
# Words that name no holder by themselves, though names open with them ("South Africa", "Central Bank")
_NO_NAME_ALONE = frozenset({
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "central",
    "northern", "southern", "eastern", "western", "midwest", "mainland", "capital", "coast", "interior",
    # languages, which a figure may be spent on or taught in, hold none ("English remained the costliest")
    "english", "mandarin", "cantonese", "hindi", "arabic", "latin",
})
# The standard library's engine: three times quicker than `regex` on this pattern, which runs over every window.
# Latin letters and digits, not \w: a name written inside Chinese ("流媒体平台Cinevo于…") ends where the
# Chinese starts, and a Chinese character before it is no letter of the name.
_LATIN = "A-Za-z0-9\u00c0-\u024f"
_PROPER_RUN = re.compile(rf"(?<![{_LATIN}_'’])(?:[A-Z][{_LATIN}_&.'’-]*|[a-z]+[A-Z][{_LATIN}_-]*)"
                         rf"(?:[ \t]+(?:of[ \t]+|de[ \t]+|&[ \t]+|and[ \t]+)?(?:[A-Z][{_LATIN}_&.'’-]*))*")
# `_PROPER_RUN`'s runs that open with a capital, its look-behind written after the capital so that the engine
# skips to the capitals instead of trying every position; or, as the group `small_before`, a capital after a
# small letter that no run holds ("iPhone"), without which no run opens in lower case.
_CAPITAL_RUN = re.compile(rf"[A-Z](?:(?<![{_LATIN}_'’].)[{_LATIN}_&.'’-]*"
                          rf"(?:[ \t]+(?:of[ \t]+|de[ \t]+|&[ \t]+|and[ \t]+)?(?:[A-Z][{_LATIN}_&.'’-]*))*"
                          r"|(?<=[a-z].)(?P<small_before>))")
_CORPORATE = regex.compile(r"(?:[\s,]+(?:Co\.?|Company|Corp\.?|Corporation|Inc\.?|Ltd\.?|Limited|Group|"
                           r"Holdings?|plc|PLC|AG|SA|S\.A\.|N\.V\.|LLC|Technology|Technologies|Bhd|Berhad|Tbk|"
                           r"GmbH|SE|NV|ASA|AB|Oyj|KK|Pty|JSC|PJSC|SpA|S\.p\.A\.|Co-operative|Cooperative|Co-op))+$")
# Words a company's name ends with that say its trade: "SkyBridge Airlines" is the "SkyBridge" of the next
# sentence. Left off only when what remains is a name of its own (not "China" of "China Airlines").
_TRADE = regex.compile(r"(?:\s+(?:Airlines?|Airways|Air\s+Lines|Air|Motors?|Auto|Automotive|Automobiles?|Electronics|"
                       r"Bank|Banking|Energy|Power|Solar|Steel|Mining|Telecom|Communications|Pharmaceuticals?|"
                       r"Pharma|Semiconductors?|Chemicals?|Airport|Shipping|Logistics|Entertainment|Media|"
                       r"Insurance|Assurance|Securities|Games|Gaming|Studios|Coffee|Foods?|Beverages?|Brewing|Breweries|"
                       r"Retail|Stores|Restaurants|Hotels?|Resorts|Properties|Property|Realty|Construction|"
                       r"Engineering|Industries|Shipbuilding|Ports?|Terminals?|Cement|Textiles?|Apparel|Cosmetics|"
                       r"Biotech|Therapeutics|Healthcare|Medical|Software|Systems|Networks|Mobile|Memory|Batteries|"
                       r"Fisheries|Seafood|Petroleum|Resources|Metals|Minerals|Railways?|Cruises?|Pictures|Films|"
                       r"Music|Publishing|Dairy|Farms?|Agriculture|Pipeline|Gas|Oil|Sports))+$")
_POSSESSIVE = regex.compile(r"['’]s?$")
# "long name (SHORT)": the long form ends right before the bracket, the short form fills it.
_DECLARED_LONG = regex.compile(r"(?r)(?P<long>\p{Han}{2,12}|(?:[A-Z][\w&.'’-]*[ \t]+){0,6}[A-Z][\w&.'’-]*)[ \t]*")  # (not across a line)
_LONG_OF = regex.compile(r"(?r)(?:[A-Z][\w&.'’-]*\s+(?:(?:of|and|for|the|de)\s+)?){1,8}of\s+$")
_LEADING_THE = regex.compile(r"^(?:The|the)\s+")
# (a Chinese name's English one may run to several words: "港线保险集团（Harbourline Insurance Group）")
_DECLARED_SHORT = regex.compile(r"\s*(?P<short>[A-Z][A-Za-z0-9&.-]{1,15}(?:\s+[A-Z][A-Za-z0-9&.'’-]*){0,5}|\p{Han}{2,8})\s*\)")
# A bracket of several parts: "六合記憶體（HexaCore Memory，股票代號6688）", "越南北方水电公司（Northern Hydropower
# Corp，NHPC）": each part that is a name (capitalised words, up to five) is another spelling; a ticker is not.
_DECLARED_PARTS = regex.compile(r"[^()\n]{2,70}\)")
# (a part may say it is the short name: "（Deccan Electric Mobility，简称DEML）", "以下简称DEML")
_DECLARED_PART = regex.compile(r"\s*(?:(?:以下|下)?简称|下称)?\s*(?P<short>[A-Z][A-Za-z&.'’-]*(?:\s+[A-Z][A-Za-z&.'’-]*){0,4})\s*")
_PART_BREAK = regex.compile(r"[,;、]")
_OPEN_BRACKET = regex.compile(r"\(")
_HEADING_AFTER = regex.compile(r"[ \t]*(?:[-–—:]|\n|$)")  # "Core Insights - ...", "Key Points:"
_NUMBERED = regex.compile(r"[ \t]+\d")
_BLANKS = (" ", "\t")  # what `_NUMBERED` opens with: a quicker test first
_CODE_NAME = regex.compile(r"[A-Z]{1,5}-?\d[\d.]*(?:[A-Z]\d[\d.]*)*")  # ("H5N1", "COVID-19": a code, letters and figures)
_UNIT_BRACKET = regex.compile(r"\d[^\d\s(（]{0,8}\s*[(（]$")
# Segmenter names that are organisations by their form; other proper nouns it tags are too often things.
_ZH_ORG_SUFFIX = regex.compile(rf"(?:{ZH_TRADES}|大学|学院|协会|联合会|联盟|商会|基金会|公会|委员会|研究院|研究所|研究中心|机构|政府|部|局|署|厅|所|厂|集团公司)$")
_ZH_NAME_TAGS = {"nt", "nz", "ns"}
_FEATURE_NAME = regex.compile(r"\b(?:Sea|Ocean|Gulf|Straits?|Canal|River|Desert|Mountains|Lakes?|Reservoir|Glacier|Peninsula)$")
_EVENT_NAME = regex.compile(r"(?:Super\s+|Severe\s+|Tropical\s+)?(?:Typhoon|Hurricane|Cyclone|Storm|Tropical\s+Storm|Tropical\s+Depression)\s+[A-Z]"
                            # a game, a tournament or a fair: when and where figures are, not whose ("Super Bowl")
                            r"|.*\b(?:Bowl|Cup|Olympics|Olympic\s+Games|Paralympics|Grand\s+Prix|Championships?|World\s+Series|Worlds|Expo|Festival|Marathon)$")
# Offices that compile others' figures: named in a sentence, they are its source, never whose figure it is.
# A public body reports its country's figures (a statistics office, customs, a ministry, an agency): never its own.
_DATA_AGENCY = regex.compile(r"统计局|统计署|统计处|统计部门|海关|(?<!俱乐)部$|局$|署$|厅$|委员会$|^(?:中央银行|央行)$|"
                             r"(?i:\bstatistic(?:s|al)\b|\bcensus\b|\bcustoms\b)|"
                             # a central bank publishes its country's reserves and rates ("People's Bank of China")
                             r"(?i:\bcentral\s+bank\b|\breserve\s+bank\b|\bpeople['’]s\s+bank\b|\bfederal\s+reserve\b)|人民银行|中央银行|央行$|"
                             r"\b(?:Ministry|Administration|Department(?!\s+Stores?\b)|Bureau|Authority)\b|^Stats\s")


_KEPT = 200_000  # readings of names kept per index; beyond, they are read again


class HolderIndex:
    """Known spellings of a vocabulary, compiled once."""

    def __init__(self, vocab: Vocabulary, unit_words: frozenset[str] = frozenset()):
        """`unit_words`: the units' surface forms, case-folded (a run that is one is no name)."""
        self.vocab = vocab
        self.unit_words = unit_words
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
        # Cities are places too, read where a whole proper-noun run or a whole Chinese word names one (so that
        # "Shenzhen Inovance" stays a company); a country's own spelling stays the country's.
        # States and provinces are read the same way, as well known as the largest cities ("Alberta was the
        # hardest-hit province" opens a sentence); where a city has the name, it is the city.
        found, states = cities(), subdivisions()
        by_name = {**{n: (name, CITY_POPULATION_OPENING) for n, (name, _) in states.en.items()}, **found.en}
        self.cities_en = {n: v for n, v in by_name.items() if n not in en}
        # (a city a shipped region names, as "London" for the United Kingdom, is that region in Chinese too)
        self.cities_zh = {T.fold(n): en.get(v, v) for n, v in {**states.zh, **found.zh}.items() if T.fold(n) not in zh}
        for name, _ in self.cities_en.values():
            self.kind.setdefault(name, "region")
        self._common: dict[str, bool] = {}
        # What a proper-noun run reads as (`_clean_run`, `company_name`): the same runs recur in every article.
        self.run_names: dict[str, str | None] = {}
        self.run_readings: dict[str, tuple[str, int, bool] | None] = {}
        self.companies: dict[str, str] = {}
        self.name_readings: dict[str, tuple] = {}
        self.word_readings: dict[tuple[str, str], tuple[str, str, str | None] | None] = {}
        self._agencies: dict[str, bool] = {}
        # (no letter, digit or stop before a name: looked behind for after its first character, so the search
        # skips to the capitals names open with)
        self.en = _alternation(en, r"{}(?![\w])", r"(?<![\w.].)")
        # (the few spellings that open in lower case, "the Fed", "vivo", kept apart: a pattern that may open at
        # every "t" or "v" tries most of an English text's letters; `en` is searched only where one stands)
        self.en_small = [s for s in en if s[:1].islower()]
        self.en_capital = _alternation({s: n for s, n in en.items() if not s[:1].islower()},
                                       r"{}(?![\w])", r"(?<![\w.].)")
        self.zh = _alternation(zh, "(?:{})")
        T.add_words(zh)

    def is_common(self, word: str) -> bool:
        """A word the vocabularies know as something other than a name: an object, a measure, a generic noun."""
        known = self._common.get(word)
        if known is None:
            known = word in self.vocab.generic or any(
                cue.zh is not None and cue.zh.search(word) for cue in self.vocab.objects + self.vocab.measures)
            self._common[word] = known
        return known

    def run_name(self, run: str) -> str | None:
        """`_clean_run` of a proper-noun run, kept (the same runs recur in every article)."""
        if run not in self.run_names:
            if len(self.run_names) > _KEPT:
                self.run_names.clear()
            name = _clean_run(run)
            if name and " " in name and name.rpartition(" ")[2].lower() in _HEADLINE_VERBS:
                # "Jade Harbor Life Profit Rises": a title-case headline's verb, and the measure words before it
                name = name.rpartition(" ")[0]
                while " " in name and self._measure_word(name.rpartition(" ")[2]):
                    name = name.rpartition(" ")[0]
            last = name.rpartition(" ")[2] if name else ""
            if name and (self.is_object_abbreviation(last) or name.casefold() in self.unit_words
                         or (last.isupper() and self._measure_word(last))):  # ("EBITDA": a measure's acronym)
                name = None  # "DRAM", "LNG", "Average DRAM": an object's abbreviation names a thing, not a holder
            self.run_names[run] = name
        return self.run_names[run]

    def run_reading(self, run: str) -> tuple[str, int, bool] | None:
        """(name, where in the run it starts, whether it is in capitals) of a proper-noun run that may name
        a holder, kept; None for one that cannot, whatever stands around it."""
        reading = self.run_readings.get(run, False)
        if reading is False:
            if len(self.run_readings) > _KEPT:
                self.run_readings.clear()
            name = self.run_name(run)
            if not name or (name.isupper() and len(name) < 3):
                reading = None  # two capitals (PV, EV, GW) are abbreviations far more often than names
            elif " " not in name and name.lower().rstrip(".") in _NO_NAME_ALONE:
                reading = None  # "Dec. 5", "in the South": a month or a part of a country, written alone
            elif _CODE_NAME.fullmatch(name.rpartition(" ")[2]):
                reading = None  # "PM2.5", "CO2", "A320": a code with figures in it names a thing, not a holder
            else:
                reading = (name, run.find(name), name.isupper())
            self.run_readings[run] = reading
        return reading

    def name_reading(self, name: str) -> tuple[tuple[str, int] | None, tuple[str, str] | None, str]:
        """What a run's name reads as wherever it stands, kept: (the city it names, or None; (rule, kind) of
        the event or the feature it names, or None; its `company` name)."""
        reading = self.name_readings.get(name)
        if reading is None:
            if len(self.name_readings) > _KEPT:
                self.name_readings.clear()
            landmark = (("event name", "event") if _EVENT_NAME.match(name)
                        else ("feature name", "feature") if _FEATURE_NAME.search(name) else None)
            reading = self.name_readings[name] = (self.cities_en.get(name), landmark, self.company(name))
        return reading

    def word_reading(self, word: str, pos: str) -> tuple[str, str, str | None] | None:
        """(name, rule, kind) of the mention a Chinese word the segmenter tags `pos` makes by itself, or None;
        kept (the same words recur in every article)."""
        key = (word, pos)
        reading = self.word_readings.get(key, False)
        if reading is False:
            if len(self.word_readings) > _KEPT:
                self.word_readings.clear()
            if pos in _ZH_NAME_TAGS and len(word) >= 2 and not self.is_common(word) and _ZH_ORG_SUFFIX.search(word):
                reading = (word, "segmenter", None)
            elif word in self.cities_zh:
                reading = (self.cities_zh[word], "city", "region")
            elif (word[-1:] == "国" and len(word) >= 3 and (country := self.zh_names.get(word[:-1]))
                  and self.kind_of(country) == "region"):
                reading = (country, "alias", "region")  # 孟加拉国: a country's short name with 国 written after it
            elif pos == "ns" and len(word) >= 3 and ZH_SUBDIVISION.search(word):
                # "维多利亚州", "广东省": a state or province, a place of its own within its country
                reading = (word, "segmenter", "region")
            else:
                reading = None
            self.word_readings[key] = reading
        return reading

    def _measure_word(self, word: str) -> bool:
        low = word.lower()
        return any(m.en is not None and m.en.fullmatch(low) for m in self.vocab.measures)

    def ends_in_measure(self, words: str) -> bool:
        """Whether Chinese words end in a word a measure of the vocabularies is named by (…获利, …收入)."""
        tail = words[-2:]
        return any(m.zh is not None and m.zh.fullmatch(tail) for m in self.vocab.measures)

    def is_object_abbreviation(self, word: str) -> bool:
        return word.isupper() and any(cue.en is not None and cue.en.fullmatch(word) for cue in self.vocab.objects)

    def company(self, name: str) -> str:
        """`company_name` of a name, kept."""
        if name not in self.companies:
            if len(self.companies) > _KEPT:
                self.companies.clear()
            self.companies[name] = company_name(self, name)
        return self.companies[name]

    def is_agency(self, name: str) -> bool:
        """Whether a name is an office that compiles others' figures (`_DATA_AGENCY`), kept."""
        known = self._agencies.get(name)
        if known is None:
            if len(self._agencies) > _KEPT:
                self._agencies.clear()
            known = self._agencies[name] = _DATA_AGENCY.search(name) is not None
        return known

    def kind_of(self, name: str) -> str:
        return self.kind.get(name, "org")


def _alternation(names: dict[str, str], frame: str, after_first: str = "") -> re.Pattern | None:
    """Names as one trie-shaped pattern for the standard library's engine: on literal alternations of
    hundreds of names it runs several times quicker than `regex`. `after_first`: as `trie`'s."""
    if not names:
        return None
    return re.compile(frame.format(trie(names, after_first)))  # the longest spelling wins where several match


def declared_aliases(index: HolderIndex, text: str, already_folded: bool = False) -> dict[str, str]:
    """Spellings a text declares: `long (short)`; both map to a known name when either is known, else to the
    short form. `already_folded`: `text` is already `text.fold`ed."""
    out: dict[str, str] = {}
    folded = text if already_folded else T.fold(text)
    for bracket in _OPEN_BRACKET.finditer(folded):  # only where a bracket opens: cheap on any text
        inside = _DECLARED_SHORT.match(folded, bracket.end())
        shorts = [inside["short"]] if inside is not None else _bracket_names(folded, bracket.end())
        if not shorts:
            continue
        close = folded.find(")", bracket.end(), bracket.end() + 40)
        if close >= 0 and _ZH_CORPORATE_AFTER.match(folded, close + 1):
            continue  # "上海申迪（集团）有限公司", "腾讯科技（深圳）有限公司": inside the name, no short form
        before = _DECLARED_LONG.match(folded, max(0, bracket.start() - 120), bracket.start())
        if before is None or before.end() != bracket.start():
            continue
        long = before["long"]
        if not T.HAN.match(long) and index.kind_of(index.en_names.get(long, "")) == "region":
            # "Association of Avocado Exporting Producers and Packers of Mexico (APEAM)": the whole name, not
            # the country it ends with
            whole = _LONG_OF.search(folded, max(0, before.start("long") - 120), before.start("long"))
            if whole is not None:
                long = _LEADING_THE.sub("", folded[whole.start():before.end("long")].strip())
        # the acronym of several names is the one the other articles declare: "Northern Hydropower Corp (NHPC)"
        short = next((n for n in shorts if n.isupper()), shorts[0]) if inside is None else shorts[0]
        if inside is not None and " " in short and not T.HAN.match(long):
            continue  # (several English words in a bracket after English ones are an aside, no short form)
        if T.HAN.match(long):
            if _FIGURE_BEFORE.search(folded, max(0, before.start("long") - 1), before.start("long") + 1):
                continue  # "1650万修正总吨（CGT）", "9.1万吨（以锂金属当量计）": a figure's unit, not a name
            long = _name_words(folded, before.start("long"), before.end("long"))
        long = _CORPORATE.sub("", long).strip()
        if not T.HAN.match(long) and " " not in long and not (index.en_names.get(short) or index.en_names.get(long)):
            continue  # "Photovoltaic (PV)": one word and its abbreviation name a thing, not an organisation
        known = (index.en_names.get(short) or index.zh_names.get(short) or index.en_names.get(long)
                 or index.zh_names.get(long))
        if not known and not (short.isupper() or short[:1].isupper()) and not T.HAN.match(short):
            continue
        if not known and T.HAN.match(long) and T.HAN.match(short) and not abbreviates(short, long):
            continue  # "理赔总额（未计再保险摊回）": a note on the figure, not a short form of a name
        if index.is_object_abbreviation(short):
            continue  # "高频宽记忆体（HBM）": a thing and its abbreviation, no organisation
        if not known and T.HAN.match(long) and short.isupper() and len(short) <= 4 and _common_nouns(long):
            continue  # "人工智慧（AI）", "电动汽车（EV）": a term and its acronym, no organisation
        if not known and T.HAN.match(long) and index.ends_in_measure(long):
            continue  # "税息折旧及摊销前获利（EBITDA）": a measure and its acronym, no organisation
        # (an English name and its Chinese one, either way round, are the English name: "Jade Harbor Life
        # Insurance Co (玉港人寿)" and "玉港人寿（Jade Harbor Life）" name one insurer)
        latin = long if T.HAN.match(short) and not T.HAN.match(long) else short
        canonical = known or (index.company(latin) if " " in latin else latin)
        # "越南北方水电公司": headlines drop the corporate form ("越南北方水电上半年发电…")
        bare = ZH_CORPORATE.sub("", long) if T.HAN.match(long) else long
        leading = []
        if T.HAN.match(long) and not T.HAN.match(short):  # (a Chinese name declared with its English one)
            leading = leading_names(index, bare) + [n for n in (without_place(index, long),) if n]
        for s in (long, *shorts, *[index.company(n) for n in shorts if " " in n], *([bare] if len(bare) >= 3 else []),
                  *leading):
            if s and s.lower() not in _NOT_NAMES:
                out.setdefault(s, canonical)
    return out


def publisher_names(index: HolderIndex, source: str) -> set[str]:
    """The names a byline's publisher may be read as in its articles ("Pacific Commodities Report": also
    "Pacific Commodities", as a run loses its last word "Report", and that as a company's name reads): none of
    them holds the figures it reports."""
    words = source.split()
    while len(words) > 1 and words[-1].lower() in _NOT_NAMES:
        words.pop()
    short = " ".join(words)
    return {source, index.company(source), short, index.company(short)}


def _common_nouns(words: str) -> bool:
    """Whether the segmenter reads Chinese words as common nouns only (人工/智慧), with no name among them and
    no organisation's ending (局, 公司)."""
    tagged = T.tag_han_words(words, 0, len(words))
    # (an adjective before them too: 全光纤（FTTP） is a kind of line, no organisation)
    return (bool(tagged) and all(pos in ("n", "vn", "l", "i", "an", "a", "b") for _, _, pos in tagged)
            and tagged[-1][2] not in ("a", "b") and not _ZH_ORG_SUFFIX.search(words))


def public_bodies(declared: dict[str, str]) -> frozenset[str]:
    """The declared names that are a public body's under any of their declared spellings ("NEA" of
    "National Energy Administration (NEA)")."""
    return frozenset(c for s, c in declared.items() if _DATA_AGENCY.search(s))


def _bracket_names(folded: str, at: int) -> list[str]:
    """The names among the parts of a bracket opened at `at` that holds several (see `_DECLARED_PARTS`)."""
    whole = _DECLARED_PARTS.match(folded, at)
    if whole is None or not _PART_BREAK.search(folded, at, whole.end() - 1):
        return []
    names = []
    for part in _PART_BREAK.split(folded[at:whole.end() - 1]):
        m = _DECLARED_PART.fullmatch(part)
        if m is not None and len(m["short"]) >= 2 and not _not_name_word(m["short"].split()[0]):
            names.append(m["short"])
    # two names are a name and its acronym ("Northern Hydropower Corp，NHPC"), not a list ("Japan, Korea")
    if len(names) > 2 or (len(names) == 2 and not any(n.isupper() for n in names)):
        return []
    return names


# A digit right before a Chinese long form: "1650万修正总吨（CGT）" declares a unit of the figure, no name.
_FIGURE_BEFORE = regex.compile(r"[\d][\p{Han}]")
# Words a Chinese long form may open with that are no part of the name: 据 (according to), 向 (to), 通过 (by).
_LEADING_TAGS = ("p", "c", "d", "r", "u", "f", "m", "q")


def _name_words(folded: str, start: int, end: int) -> str:
    """A Chinese long form without the words before its name ("据美国地质调查局" -> "美国地质调查局")."""
    words = T.tag_han_words(folded, start, end)
    cuts = [n for n, w in enumerate(words[:-1]) if w[2] in ("p", "c")]  # "部分通过X", "集装箱船和X": after the last
    if cuts:
        words = words[cuts[-1] + 1:]
    while len(words) > 1 and words[0][2].startswith(_LEADING_TAGS):
        words = words[1:]
    # "记忆体大厂六合记忆体": a descriptor before the name ("memory maker") is no part of it
    described = [n for n, w in enumerate(words[:-1]) if DESCRIPTOR_ZH.search(folded, w[0], w[1])]
    if described:
        words = words[described[-1] + 1:]
    return folded[words[0][0]:end] if words else folded[start:end]


_CURRENCY_SIGNS = frozenset("$€£¥")
# ("won" and "real" are left out: "the Civic Alliance won 34.5%")
_CURRENCY_NAMES = ("dollars?", "cents", "pounds?", "euros?", "yuan", "renminbi", "yen", "rupees?", "pesos?", "francs?",
                   "kron[aeo]r?", "ringgit", "baht", "rupiah", "lira", "reais")  # (each opens with its letter)
_CURRENCY_WORD = regex.compile(rf"(?i)\s*(?:{'|'.join(_CURRENCY_NAMES)})\b|元|币")
# Printable ASCII that is no space and opens no currency name: after it `_CURRENCY_WORD` cannot match.
_OPENS_NO_CURRENCY = (frozenset(map(chr, range(0x21, 0x7f)))
                      - {case(n[0]) for n in _CURRENCY_NAMES for case in (str.lower, str.upper)})


def _currency_word_at(text: str, at: int) -> bool:
    """`_CURRENCY_WORD.match(text, at)`, the engine asked only where the next character (after a space) may
    open a currency word."""
    c = text[at:at + 1]
    if c == " ":
        c = text[at + 1:at + 2]
    return c not in _OPENS_NO_CURRENCY and _CURRENCY_WORD.match(text, at) is not None
_HEADLINE_VERBS = frozenset(
    "rises rise falls fall jumps jump surges surge slips slip drops drop climbs climb soars soar slumps slump "
    "tumbles tumble grows grow gains gain posts post reports report beats beat misses miss hits hit tops top "
    "lifts lift cuts cut raises raise sees see expects expect plans plan nears near reaches reach".split())
_ZH_CORPORATE_AFTER = regex.compile(r"(?:股份)?有限(?:责任)?公司|集团公司|股份公司")
# A person's title right before a name ("chief executive Lin", "Dr. Wu"): sought once per range, forward
# (case-blind: "[a-z]" is any letter)
# (written as a tree of letters, each word's `\b` checked once the word is read: the engine then skips to the
# letters words open with, and at each tries a branch or two instead of a look-behind)
def _began_word(length: int) -> str:
    r"""`\b` before the `length` letters just read: no word character before them."""
    return rf"(?<!\w.{{{length}}})"


_B = _began_word  # (short, for the pattern below)
_TITLE = CaseBlind(rf"(?:c(?:hief{_B(5)}\s+(?:executive|financial\s+officer|economist|analyst)|eo{_B(3)}|fo{_B(3)}|"
                   rf"hair{_B(5)}(?:man|woman)?)|p(?:resident{_B(9)}|rime{_B(5)}\s+minister|rofessor{_B(9)})|"
                   rf"m(?:inister{_B(8)}|ayor{_B(5)}|r{_B(2)}\.?|rs{_B(3)}\.?|s{_B(2)}\.?)|"
                   rf"s(?:ecretary{_B(9)}|pokes{_B(6)}(?:person|man|woman))|analyst{_B(7)}|economist{_B(9)}|"
                   rf"d(?:irector{_B(8)}|r{_B(2)}\.?)|governor{_B(8)}|founder{_B(7)})[ \t]+(?=[a-z])")


def declared_pattern(declared: dict[str, str]) -> re.Pattern | None:
    # (Latin letters and digits bound a name; a Chinese one is bounded by the segmenter's words instead:
    # "宁德时代上半年营收")
    # (a Latin spelling ends where a word does; a Chinese one may stand before a figure: 克雷斯特兰2025年)
    return _alternation(declared, r"{}(?:(?<=[\u3400-\u9fff])|(?![A-Za-z0-9_]))", r"(?<![A-Za-z0-9_].)")


def find_mentions(index: HolderIndex, text: str, folded: str, start: int, end: int,
                  declared: tuple[dict[str, str], regex.Pattern, frozenset[str]] | None,
                  sources: frozenset[str] = frozenset(),
                  places_scanned: list[tuple[int, int, int]] | None = None,
                  han_words: list[tuple[int, int, str]] | None = None,
                  grounded: set[str] | None = None, pending: list[tuple[int, str]] | None = None,
                  title_case_until: int = -1) -> list[Mention]:
    """Every holder or place named in text[start:end], sorted, without overlaps (the first found wins).
    `title_case_until`: the end of a headline written in title case, whose capitals name nothing by themselves
    (its runs count only where the article writes them mid-sentence too, as a sentence's opening word does).
    `places_scanned`: the place cues' scan of the range, `han_words` its `tag_han_words`, if already made.
    `grounded`, `pending`: shared by the windows of one article, so that a name the article writes
    mid-sentence anywhere also counts where it opens a sentence (`ground_pending` adds those)."""
    found: list[Mention] = []
    taken = bytearray(end - start + 1)  # 1 where a mention already stands: overlaps are refused in C

    kinds = index.kind

    def add(s: int, e: int, name: str, rule: str, kind: str | None = None) -> bool:
        kind = kind or kinds.get(name, "org")  # (`index.kind_of`)
        if (name in sources or taken.find(1, s - start, e - start) >= 0 or text[e:e + 1] in _CURRENCY_SIGNS
                or (kind != "org" and _currency_word_at(text, e)) or _UNIT_AFTER_PLACE.match(text, e)):
            # (a place right before a currency names the currency: "US$2.55 billion", "HK$136,800", "in US
            # dollars", "新台币"; before a unit, the unit: "British thermal units", "US gallons")
            return False
        if kind == "org" and index.is_agency(name):
            return False  # a statistics office or customs reports figures; they are never its own
        taken[s - start:e - start] = b"\x01" * (e - s)
        found.append(Mention(s, e, name, kind, text[s:e], rule))
        return True

    chinese = T.HAN.search(folded, start, end) is not None
    if han_words is None:
        han_words = T.tag_han_words(folded, start, end) if chinese else []
    en = index.en if any(text.find(s, start, end) >= 0 for s in index.en_small) else index.en_capital
    aliases = [(m.start(), m.end(), index.en_names[m.group()]) for m in en.finditer(text, start, end)] if en else []
    # A Chinese spelling counts where the segmenter reads it as a word (or words), not inside one:
    # "空客" (Airbus) is not in "航空客运" (air passenger transport), segmented 航空/客运.
    bounds = set(map(itemgetter(0), han_words)).union(map(itemgetter(1), han_words))
    if index.zh is not None and chinese:
        aliases += [(m.start(), m.end(), index.zh_names[m.group()]) for m in index.zh.finditer(folded, start, end)
                    if m.start() in bounds and m.end() in bounds]
    # A state or city whose name holds a country's word is that place, not the country: "British Columbia",
    # "Western Australia", "New Mexico".
    # A name with a place word amid its words is the name: "Nautilus Asia Cruises".
    places = index.vocab.places
    if places_scanned is None:
        places_scanned = cue_set(places).scan(folded, start, end)
    inner = sorted([(a, b, n) for a, b, n in aliases if index.kind_of(n) != "org"] + [
        (a, b, places[i].name) for a, b, i in places_scanned], key=itemgetter(0))
    inner_starts = [a for a, _, _ in inner]
    proper_runs = _runs(text, start, end)
    if inner:
        for at, run in proper_runs:
            if " " not in run:
                continue
            # (each test below asks for a place that starts within the run: where none does, none holds)
            within = inner[bisect_left(inner_starts, at):bisect_right(inner_starts, at + len(run))]
            if not within:
                continue
            if " and " in run and any((a == at or b == at + len(run)) and (a, b) != (at, at + len(run))
                                      for a, b, _ in within):
                continue  # "Zhambyl and Almaty", "Tsim Sha Tsui and Causeway Bay": places listed, no organisation
            place = index.cities_en.get(run)
            if place is not None and any(at <= a and b <= at + len(run) for a, b, _ in within):
                add(at, at + len(run), place[0], "city", "region")
            elif any(at < a and b < at + len(run) for a, b, _ in within):
                name = index.run_name(run)
                # (not an event or a feature: "Drought-hit Panama Canal" is the canal, read below)
                if name and name == run and index.kind_of(name) != "region" and index.name_reading(name)[1] is None:
                    add(at, at + len(run), index.company(name), "proper noun")
            elif _TRADE.search(run) and any(a == at and b < at + len(run) for a, b, _ in within):
                # "China Mobile", "Singapore Airlines": a company named after its country, by its trade
                add(at, at + len(run), index.company(run), "proper noun", "org")
    # A shipped organisation's name holds a place word ("European Central Bank", "欧洲央行"): the name wins.
    for s, e, name in aliases:
        if index.kind_of(name) == "org":
            add(s, e, name, "alias")
    for s, e, i in places_scanned:
        add(s, e, places[i].name, "place")
    for s, e, name in aliases:
        add(s, e, name, "alias")
    if declared:
        names, pattern, public = declared
        for m in pattern.finditer(folded, start, end):
            # (a Chinese spelling where the segmenter's words begin and end, or beside what is no Chinese: not
            # 空客 in 航空客运; a long one may be split otherwise in context: 克雷斯特兰2025年)
            if (T.HAN.match(folded, m.start()) and m.end() - m.start() < 4
                    and not ((m.start() in bounds or not T.HAN.match(folded, m.start() - 1))
                             and (m.end() in bounds or not T.HAN.match(folded, m.end())))):
                continue
            if names[m.group()] in public and index.kind_of(names[m.group()]) == "org":
                # "NEA" of "National Energy Administration (NEA)": a public body's figures are not its own
                taken[m.start() - start:m.end() - start] = b"\x01" * (m.end() - m.start())
                continue
            add(m.start(), m.end(), names[m.group()], "declared")
    # English proper-noun runs. One that opens a sentence or a line ("Core Insights", "Shipments rose")
    # counts only when the text also writes it mid-sentence.
    runs = []
    readings = index.run_readings
    for run_start, run in proper_runs:
        if " and " in run and (listed := _listed_places(index, run)):
            # "Hubei and Jiangxi", "Alberta, Ontario and Quebec": places listed, each its own, no organisation
            for offset, part, place in listed:
                add(run_start + offset, run_start + offset + len(part), place, "city", "region")
            continue
        reading = readings.get(run, False)
        if reading is False:
            reading = index.run_reading(run)
        if reading is None:
            continue
        name, offset, upper = reading
        at = run_start + offset
        after = at + len(name)
        if text[after:after + 1] in _BLANKS and _NUMBERED.match(text, after):
            continue  # "Group 1", "Phase 2", "Proposition 12": a numbered label, not a holder
        if upper and _UNIT_BRACKET.search(text, max(start, at - 12), at):
            continue  # "1650万修正总吨（CGT）", "17 million tonnes (LCE)": the figure's unit, spelt short
        # (most runs follow a space after a word or a comma: `_opens_sentence` says no to those, asked or not)
        if at - start >= 2 and text[at - 1] == " " and not text[at - 2].isspace() and text[at - 2] not in _OPENS_AFTER:
            initial = False
        else:
            initial = _opens_sentence(text, at, start)
        if initial and " " in name and not _HEADING_AFTER.match(text, after):
            initial = False  # "Northwind Traders reported ...": several capitalised words make a name
        elif initial and text[after:after + 1] == "," and _APPOSED_COMPANY.match(text, after):
            initial = False  # "NedPost, the Dutch national postal operator, reported …": a company, described
        elif initial and after < len(text) and T.HAN.match(text, after):
            initial = False  # "Vela的营收…", "Vela第三季度…": Chinese writes no capital that opens a sentence
        elif initial and text[after:after + 1] in _APOSTROPHES and _OWNS_A_NOUN.match(text, after) \
                and not index.is_common(name.lower()) and not _NO_OWNER_WORD.fullmatch(name):
            initial = False  # "Maersk's ocean division powered …": a word that owns something is a name
        if at < title_case_until and name not in index.cities_en:
            initial = True  # "Vietnam's Tourism Rebound Gathers Pace": capitals that name nothing
        runs.append((at, name, initial))
    # (with the names' short forms: "Lanxi opened…" once "China's Lanxi Coffee lifts…" stands in the article)
    here = {n for _, name, initial in runs if not initial for n in (name, index.company(name))}
    if grounded is not None:
        grounded |= here
        here = grounded
    titled = {m.end() for m in _TITLE.finditer(text, start, end)} if runs else ()
    for at, name, initial in runs:
        city, landmark, company = index.name_reading(name)
        # "Aurora's 17 airlines" in a story on the Aurora Alliance: the alliance, called short, not a town of
        # that name (a great city stays the city: "Taichung" beside "Taichung City Government")
        short = (" " not in name and city is not None and city[1] < CITY_POPULATION_OPENING
                 and any(n.startswith(name + " ") for n in here))
        if short:
            city = None
        if city is not None and (not initial or city[1] >= CITY_POPULATION_OPENING):
            add(at, at + len(name), city[0], "city", "region")
        elif at in titled:
            # "chief executive Lin Cheng-hao": a person, whom no "its" or "the company" means
            add(at, at + len(name), name, "proper noun", "person")
        elif landmark is not None:
            # "Typhoon Kong-rey", "Hurricane Milton": an event, whose losses are its places' (no holder);
            # "the Red Sea", "the Panama Canal": a sea, a strait or a river holds no figure and is no market
            add(at, at + len(name), name, *landmark)
        elif " " not in name and _SUBDIVISION_AFTER.match(text, at + len(name)):
            # "Fogang county", "Jaén province": a place within its country, however little known
            add(at, at + len(name), name, "subdivision", "region")
        elif not initial or name in here or short:
            add(at, at + len(name), company, "proper noun", "org" if short else None)
        elif pending is not None and taken.find(1, at - start, at + len(name) - start) < 0:
            pending.append((at, name))
    if chinese:
        chinese_mentions(index, folded, start, end, han_words, bounds, grounded, add)
    found.sort(key=lambda x: x.start)
    return found












# What a text calls the company it has named: "the company said", "the carmaker's margin"
COMPANY_NOUNS = (r"company|firm|group|carmaker|automaker|maker|brand|vendor|bank|lender|insurer|airline|retailer|"
                 r"miner|operator|publisher|chain|developer|producer|manufacturer|supplier|brewer|utility|conglomerate|"
                 r"club|team|franchise")
_APPOSED_COMPANY = regex.compile(rf",\s+(?:the|a|an|one\s+of\s+the)\s+[^,.;()]{{0,60}}?\b(?:{COMPANY_NOUNS}|carrier|"
                             rf"exporter|importer|packager)s?\b[^,.;()]{{0,40}},")
_APOSTROPHES = ("'", "’")
_OWNS_A_NOUN = regex.compile(r"['’]s\s+[a-z]")
# (words that open a sentence and own what follows, yet name no one: "Today's figures", "Group's revenue")
_NO_OWNER_WORD = regex.compile(rf"(?i)today|yesterday|tomorrow|tonight|(?:{COMPANY_NOUNS})|country|nation|world|"
                               r"industry|sector|market|government|city|state|region|province")
_UNIT_AFTER_PLACE = regex.compile(r"(?i)\s+(?:thermal\s+units?|gallons?|pints?|quarts?|fluid\s+ounces?|bushels?)\b")




def title_case(text: str, start: int, end: int) -> bool:
    """Whether a headline capitalises nearly every word of four or more letters ("Tourism Rebound Gathers Pace")."""
    words = _LONG_WORD.findall(text, start, end)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


_LONG_WORD = re.compile(r"\b[A-Za-z][a-z]{3,}\b")


def _listed_places(index: HolderIndex, run: str) -> list[tuple[int, str, str]] | None:
    """(offset, words, place) of each item of a run that lists places only, else None."""
    out, at = [], 0
    for cut in [*T.CONJUNCT_BREAK.finditer(run), None]:
        part = run[at:cut.start() if cut else len(run)]
        place = index.cities_en.get(part)
        name = place[0] if place else index.en_names.get(part)
        if name is None or index.kind_of(name) == "org":
            return None
        out.append((at, part, name))
        at = cut.end() if cut else at
    return out


def _runs(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Proper-noun runs as (start, run), each cut after a possessive: "Japan's Hoshimura Games" is Japan and
    Hoshimura Games."""
    # (`_CAPITAL_RUN` finds the same runs as `_PROPER_RUN` up to the first capital after a small letter outside
    # them: only there may a run open in lower case, and the range is read again with `_PROPER_RUN`)
    matches = []
    for m in _CAPITAL_RUN.finditer(text, start, end):
        if m.lastgroup is not None:
            matches = _PROPER_RUN.finditer(text, start, end)
            break
        matches.append(m)
    runs = []
    for m in matches:
        run, begin = m.group(), 0
        if "s " not in run:
            runs.append((m.start(), run))
            continue
        for cut in _POSSESSIVE_INSIDE.finditer(run):
            runs.append((m.start() + begin, run[begin:cut.end()]))
            begin = cut.end() + 1
        runs.append((m.start() + begin, run[begin:]))
    return runs


_POSSESSIVE_INSIDE = regex.compile(r"['’]s(?= )")


def ground_pending(index: HolderIndex, text: str, mentions: list[Mention], pending: list[tuple[int, str]],
                   grounded: set[str], sources: frozenset[str] = frozenset()) -> list[Mention]:
    """`mentions` with the sentence-opening runs of `pending` whose name the article writes mid-sentence
    somewhere (`grounded`): "Chengdu had 6.05 million …" once "… vehicles in Chengdu …" stands in it."""
    extra = []
    for at, name in pending:
        holder = index.company(name)
        if name not in grounded or holder in sources:
            continue
        kind = index.kind_of(holder)
        if kind == "org" and index.is_agency(holder):
            continue
        if any(m.start < at + len(name) and at < m.end for m in mentions):
            continue
        extra.append(Mention(at, at + len(name), holder, kind, text[at:at + len(name)], "proper noun"))
    return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions


def company_name(index: HolderIndex, name: str) -> str:
    """A proper-noun run as the name of whose figure it is: corporate forms and trade words left off
    ("Northstar Air Co." -> "Northstar"), unless that leaves a known name or a common word."""
    name = _CORPORATE.sub("", name).strip() or name
    short = _TRADE.sub("", name).strip()
    if (short and short != name and short[:1].isupper() and short.lower() not in _NOT_NAMES
            and not _not_name_word(short.split()[-1])  # ("TELD New Energy" is no "TELD New")
            and short not in index.en_names and short not in index.kind and len(short) >= 3):
        return short
    return name


def _not_name_word(word: str) -> bool:
    """A word no name starts or ends with: a function word, a month ("October-December" too), or a
    description of ownership or listing ("State-owned Codelco", "Hong Kong-listed")."""
    low = word.lower().strip(".,'’")
    return (low in _NOT_NAMES or _DESCRIPTOR.search(low) is not None
            or ("-" in low and all(part in _NOT_NAMES for part in low.split("-"))))


_DESCRIPTOR = regex.compile(r"-(?:owned|run|backed|controlled|held|listed|based|funded)$")


def _clean_run(run: str) -> str | None:
    words = run.split()
    while words and _not_name_word(words[0]):
        words.pop(0)
    while words and _not_name_word(words[-1]):
        words.pop()
    if not words:
        return None
    name = _POSSESSIVE.sub("", " ".join(words)).rstrip(".,")
    if len(name) < 2 or name.lower() in _NOT_NAMES or name.isdigit():
        return None
    return name


_SENTENCE_OPENS_AFTER = ".!?:\n\"“-–—•*#>"  # (and ")" after a wire service's dateline)
_OPENS_AFTER = frozenset(_SENTENCE_OPENS_AFTER + ")")  # what makes `_opens_sentence` look further


def _opens_sentence(text: str, at: int, floor: int) -> bool:
    before = text[max(floor, at - 4):at]
    return (at == floor or not before.strip() or before.rstrip()[-1:] in _SENTENCE_OPENS_AFTER or before.endswith("\n")
            or (before.rstrip()[-1:] == ")" and _WIRE_DATELINE.search(text, max(floor, at - 60), at) is not None))


# "Taichung, April 15 (CNA) Traffic accidents…": a wire service's bracket at a paragraph's opening ends its dateline
_WIRE_DATELINE = regex.compile(r"(?:^|\n)[^\n()]{2,45}\([A-Z][A-Za-z]{1,10}\)\s*$")
