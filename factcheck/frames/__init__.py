"""Stage 4: claim frames — what each figure measures, whose it is, of what, when, on what basis, per whom.

Reads the extractor's `Claim` records and the article text (never the extractor's internals) and gives
every claim a `model.Frame` whose slots each record the words that set them and the rule that read them.
Vocabularies are topic-neutral (`rules/measures.yaml`, `rules/frames.yaml`, `rules/holders.yaml`); holders
and objects are open: any name or noun phrase in the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

import regex

from ..model import Article, Claim, Frame, Slot
from ..normalise import Units, dimension, is_money
from ..rules import Rules
from ..rulefile import CueSets, OpenedScan, WindowScan
from ..vocabulary import cue_set
from . import text as T
from . import cues
from .chinese_names import ZH_COMPANY_KINDS, with_full_chinese_names
from .holders import (COMPANY_NOUNS, WORLD, HolderIndex, Mention, declared_aliases, declared_pattern, find_mentions,
                      ground_pending, public_bodies, publisher_names, title_case)
from .measures import FLOWS, NAMED, choose, find_measures, inherited, number_of, object_words, objects_affinity, objects_compatible
from .neighbours import NAMES_A_SEGMENT, read_with_figures_before
from .periods import CURRENT, PeriodMention, at_period_end, find_periods, fiscal_half
from .sources import article_source, attribution, basis, sentence_sources

__all__ = ["Framer", "objects_affinity", "objects_compatible", "slot_values", "uses_foreign_aliases", "declared_pattern", "CURRENT", "WORLD"]

_CHANGE_VERB = (r"grow\w*|ris(?:e|es|en|ing)|rose|increas\w*|jump\w*|climb\w*|gain\w*|surg\w*|fall\w*|fell|"
                r"drop\w*|declin\w*|decreas\w*|slip\w*|shr[ai]nk\w*|expand\w*|contract\w*|plung\w*|soar\w*|"
                r"slump\w*|tumbl\w*|cut|boost\w*|lift\w*|rais\w*|edg\w*|dipp?\w*|sank|sink\w*|shed\w*|"
                r"trimm?\w*|doubl\w*|tripl\w*|widen\w*|narrow\w*")
_CHANGE_BEFORE = regex.compile(
    # "rose 5%", "a rise of 4.0%", "同比增长5.6%" (not "made up 58% of revenue": a part of a whole)
    rf"(?i)(?:(?:\b(?:{_CHANGE_VERB}|growth|(?<!\bmade\s|\bmakes?\s|\bmaking\s)up|down)\b(?:\s+(?:of|by|some|about|around|nearly|almost|roughly|"
    r"approximately|an?|further|another|just|only|over|more\s+than|estimated)){0,3}\s*|增长|增加|下降|减少|下滑|"
    r"上升|提高|提升|降低|增幅|降幅|同比|环比|大增|大跌|增|降|减|涨|跌)(?:了|为|达|约|近|超)?\s*"
    # "lifted production by 3.7%"
    rf"|\b(?:{_CHANGE_VERB})\b[^.,;]{{0,40}}\bby\s*"
    # "growth eased to just under 28%"
    r"|\b(?:growth|increase|rise|decline|drop|fall|gain|change)\b[^.,;%]{0,30}\b(?:eased|slowed|accelerated|"
    r"quickened|picked\s+up|reached|hit|stood|was|came|to|at)\b[^.,;%\d]{0,20})$")


def _leading_letters(alternative: str) -> str:
    """The letters every match of a pattern's alternative opens with ("dipp?\\w*" -> "dip")."""
    letters = re.match(r"[a-z]*", alternative).group()
    return letters[:-1] if alternative[len(letters):len(letters) + 1] in ("?", "*", "{") else letters


# Where a change word can open (the letters each piece of _CHANGE_VERB opens with: pieces of its groups
# add openings, which cost a try and change nothing), for a search tried at those only
_CHANGE_OPENINGS = sorted({_leading_letters(verb) for verb in _CHANGE_VERB.split("|")}
                          | {"growth", "up", "down", "increase", "rise", "decline", "drop", "fall", "gain", "change"})
_CHANGE_BEFORE_SCAN = OpenedScan(_CHANGE_BEFORE, rf"(?<![a-z0-9_])(?:{'|'.join(_CHANGE_OPENINGS)})"
                                                 r"|[增减下上提降同环大涨跌]")
_RAISED_AMOUNT = regex.compile(r"(?i)\b(?:raised|raising|raises|raise)\s+(?:(?:about|around|nearly|almost|some|roughly|"
                                r"over|more\s+than|an?\s+(?:further|additional|extra))\s+)*$")
_LEVEL_REACHED = regex.compile(r"(?i)\bto\s+(?:(?:about|around|nearly|almost|some|roughly|over|more\s+than|just\s+(?:over|under)|"
                               r"a\s+record|an?\s+(?:high|low)\s+of)\s+)*$")
_CHANGE_AFTER = regex.compile(r"(?i)\s*(?:(?:more|higher|lower|less|fewer|up|down|above|below)\s+(?:than|from|on)|"
                              r"(?:year[\s-]on[\s-]year|year[\s-]over[\s-]year|y/y|yoy)\b|(?:growth|increase|rise|"
                              r"decline|drop|gain|jump|fall)\b)")
_PARAGRAPH = regex.compile(r"\n[ \t]*\n")
_COMMENT = regex.compile(r"<!--.*?-->", regex.S)
_DATELINE = regex.compile(r"\s*[^\n]{0,80}?(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d\d)?\s*")
_DATE = re.compile(r"(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d")  # what a dateline holds: a quick search first
_POSSESSED = regex.compile(r"['’]s\s+$")
_A_YEAR_EARLIER_OPENING = regex.compile(r"(?i)\s*(?:(?:a|one)\s+year\s+(?:earlier|ago|before)|(?:in\s+)?the\s+same\s+"
                                     r"(?:period|quarter|half|months?)\s+(?:a|one)\s+year\s+(?:earlier|ago|before)|"
                                     r"twelve\s+months\s+(?:earlier|ago|before))\s*,|\s*(?:去年|上年)同期\s*[,，]")
_SEGMENT_AFTER = regex.compile(r"(?i)[\s-]*(?:[a-z]+[\s-]+)?(?:bracket|segment|price\s+band|band|tier|price\s+range|"
                            r"age\s+group|category)\b|的?(?:[中高低]端|入门)?(?:价位段|价格段|价格带|区间|档次|年龄段)")
_VIEWPOINT_AFTER = regex.compile(r"(?:范围|市场|层面|范围内)?(?:来|上)?看")
_YEAR_BACK_TAIL = regex.compile(r"\s+(?:of\s+)?(?:last|the\s+previous|the\s+prior|a)\s+year.*$")
_A_YEAR_BEFORE = regex.compile(r"去年|上年|上一年|前一年|(?i:the\s+same\s+\w+\s+(?:of\s+)?(?:last|the\s+previous|the\s+prior|a)\s+year)")
# The other party of a flow, written right before its name: "exports to China", "imports from Russia", "trade
# with Japan", 对美国出口, 出口到日本, 自俄罗斯进口. Exports to one country are not a country's exports.
_COUNTERPART = {  # flow -> (the word that names the other party, the words written right before its name)
    "exports": ("to", regex.compile(r"(?i)(?:\b(?:to|into)\s+(?:the\s+)?|对|向|往|至|到)$")),
    "imports": ("from", regex.compile(r"(?i)(?:\bfrom\s+(?:the\s+)?|自|从)$")),
    "trade": ("with", regex.compile(r"(?i)(?:\b(?:with|and)\s+(?:the\s+)?|与|同)$")),
    # "orders from the United States", 来自美国的订单: one customer's orders, not all of them
    "orders": ("from", regex.compile(r"(?i)(?:\bfrom\s+(?:the\s+)?|来自|自)$")),
    # "3.36 million came from mainland China", 来自内地的旅客: one market's visitors, not all of them
    "visitors": ("from", regex.compile(r"(?i)(?:\bfrom\s+(?:the\s+)?(?:mainland\s+)?|来自)$")),
}
_POSSESSIVE = regex.compile(r"['’]s\b")
_APOSTROPHES = ("'", "’")  # what a possessive opens with (a test before the patterns that read one)
_WHOLE = regex.compile(r"(?i)\b(?:total|overall|group|company-wide|group-wide|consolidated)\b|总营收|总收入|集团")
_OF_THIS_YEAR = regex.compile(r"(?i)\b(?:of|in)\s+(?:the|this)\s+year$|\bthis\s+year$")
_RELATIVE_YEAR_WORD = regex.compile(r"(?i)(?:last|previous|prior)\s+year|去年|上年")
# A place named before, pointed at ("sales there", "当地销量"); not "there is", "there were"
_THERE = regex.compile(r"(?i)\bthere\b(?!\s+(?:is|are|was|were|has|have|had|will|would|may|might|could|should|seems?|appears?)\b)"
                       r"|\bin\s+that\s+(?:market|country|region|state|province)\b|当地|该地区|该国|该市场|该[州省市县区岛]|全[州省市县区岛](?=[^，。；]{0,12}\d)")
_THERE_AFTER = regex.compile(r"(?i)(?:\s+[a-z]+){0,2}?\s+there\b(?!\s+(?:is|are|was|were)\b)")
# A figure its parts follow ("营收1.24万亿韩元，其中中国市场销售额约2650亿韩元", "4.86 million, of which…"): the whole
_PARTS_FOLLOW = regex.compile(r"(?i)[^，,。；;\n]{0,12}?[，,]\s*(?:其中|包括|of\s+which|including)"
                              # (or past the figure's change: "销量达214.6万辆，同比增长约33%；其中海外销量…")
                              r"|(?:[^，,。；;\n]{0,16}?[，,；;]){1,2}\s*其中")
# A wire story's dateline, split off as a sentence of its own: "LOS ANGELES, Oct 21 (TMW)", "SINGAPORE".
_WIRE_CITY = r"[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s*\([^()\n]{1,30}\))?"
_WIRE_DATELINE = regex.compile(rf"\s*{_WIRE_CITY}\s*")  # a line that is only "BEIJING, Aug 12 (Reuters)"
# ... and one that opens a sentence: "TAIPEI, Aug 22 (Reuters) -", "【记者陈怡君／台北报导】", "新华社利马10月8日电"
_DATELINE_PREFIX = regex.compile(rf"\s*(?:{_WIRE_CITY}\s*[-–—]\s|[【\[〔]记者[^】\]〕\n]{{0,20}}报[道导][】\]〕]|[\p{{Han}}]{{2,6}}\d{{1,2}}月\d{{1,2}}日电)")
# Flows and levels whose figure is a total or a peak unless written as an average
_PER_PHYSICAL_UNIT = regex.compile(r"(?i)per\s+(?:ton|tonne|kg|kilogram|barrel|ounce|pound|lb|gallon|litre|liter|"
                                   r"kwh|mwh|mmbtu|million\s+btu|million\s+british\s+thermal\s+unit|bushel)s?$")
_PER_SHARE_BEFORE = regex.compile(r"(?i)\b(?:per|a)\s+share\b(?:\s+(?:of|was|were|came\s+to|rose\s+to|fell\s+to|to|at)){0,2}"
                                 r"\s*(?:(?:about|around|nearly|some)\s+)?$|每股[^\d，。；,;]{0,6}$|(?i:\beps\b)[^.;\d]{0,20}$")
_PER_SHARE_AFTER = regex.compile(r"(?i)\s*(?:(?:a|per|each)\s+share\b|/\s*share\b)")
_PER_DAY_AFTER = regex.compile(r"(?i)\s+[a-z-]+(?:\s+[a-z-]+)?\s+(?:a|per|each)\s+(?:day|week|night)\b|[^，,。；]{0,6}?每[日天周]")
_AVERAGED = frozenset({"demand", "consumption", "production", "sales", "throughput", "visitors", "exports",
                       "imports", "installations", "orders", "trade"})
# Measures only an organisation has figures of (a country's "revenue" is its government's, written so)
_COMPANY_MEASURES = frozenset({"revenue", "profit", "adjusted_profit", "ebitda", "contracted_sales", "margin", "users",
                               "backlog", "orders"})
# Words that name a company other than the story's: its parent, a unit, a rival
_ANOTHER_COMPANY = regex.compile(r"(?i)\b(?:parent|subsidiary|subsidiaries|unit|rivals?|competitors?|peers?)\b"
                                 r"|母公司|子公司|旗下|对手|同业|同行")
_POSSESSED_WORD = regex.compile(r"['’]s\s+([A-Z][\w&-]+)")
_POSSESSIVE_BEFORE_NAME = regex.compile(r"['’]s\s+|")
_HEADLINE_BREAK = regex.compile(r"[;；|]|(?<=\p{Han})\s+(?=\p{Han})")
# Parts of a year a headline or lede may name without the year, for the whole article's period
# (not a month: "3月消费者价格…" in a lede is the month of its own figure, not of the whole article)
_PART_OF_YEAR = ("quarter", "half", "fiscal_quarter", "months")
# what "the quarter", "该季度", "the month", "the half" go back to
_ANAPHOR_KINDS = {"quarter": ("quarter", "fiscal_quarter"), "季": ("quarter", "fiscal_quarter"), "month": ("month",),
                  "月": ("month",),  # 当月: the month named before, not "今年以来" between
                  "half": ("half",), "week": ("week",), "周": ("week",)}
_BRACKET_AFTER = regex.compile(r"\s*[(（]\s*")
# A sentence opening with "The" and a noun of its own ("The resort,", "The park drew"), not a company word
# (`_PRONOUN` reads those) nor a compound ("the resort operator")
_DEFINITE_SUBJECT = regex.compile(rf"\s*[Tt]he\s+(?!(?:{COMPANY_NOUNS})\b)([a-z][a-z-]{{2,}})(?=,|\s+(?!(?:{COMPANY_NOUNS}|of)\b)[a-z])")
# A name that says who owns, backs or leads what it describes: "Andrew Forrest-controlled", "Tencent-backed"
_OWNER_AFTER = regex.compile(r"(?:\s+[A-Z][\w'’]*){0,3}-(?:controlled|owned|backed|led|run|funded|financed)\b")
_SHIPMENTS = regex.compile(r"(?i)ship(?:ments?|ped)\b|出货")
_OFFICE_HEADS = frozenset({"office", "agency", "bureau", "ministry", "department", "administration", "commission",
                           "institute", "survey", "service", "council", "board", "centre", "center"})
# What a description calls a company by its trade: "salmon farmer", "auction house", "cruise line"
_TRADE_NOUNS = (r"giant|house|carrier|start-?up|platform|co-?operative|farmer|grower|exporter|importer|shipper|"
                r"builder|line|owner|refiner|smelter|distributor|trader|processor|provider|broadcaster|studio|"
                r"fund|investor|label|outfit|specialist|contractor|exchange")
# A place that describes a company rather than a market: "Danish wind-turbine maker Nordvind", "Malaysia's
# Port of Tanjung Merah", "the London-based auction house", "丹麦风机制造商诺德". Its figures are the
# company's, wherever they were earned.
_HOME_OF = regex.compile(r"\s*-?\s*(?:based|headquartered|listed)\b")
_HOME_OF_ZH = regex.compile(r"总部(?:设|位)?(?:于|在)$")
_DESCRIPTOR_BEFORE_NAME = regex.compile(
    rf"['’]s\s+|(?:['’]s)?\s+(?:[a-z][\w-]*\s+){{0,3}}(?:{COMPANY_NOUNS}|{_TRADE_NOUNS})s?\s+"
    # (the Chinese name may stand between, when the English one in its bracket is the mention: "峡湾鲑（Fjordlax）")
    rf"|的?\p{{Han}}{{0,6}}?(?:\p{{Han}}商|{ZH_COMPANY_KINDS})(?:\p{{Han}}{{1,8}}[（(])?")
_MARKET_AFTER = regex.compile(r"(?:['’]s)?[\s-]+(?:[\w-]+\s+){0,3}?(?:markets?|sales|shipments|deliveries|demand|"
                               r"business|operations|revenue|unit|division)\b"
                               r"|的?\p{Han}{0,6}?(?:市场|地区|区|业务|销量|销售|营收|出货)")
# words that name a home market by themselves: "国内智能手机报告", "domestic sales"
_HOME_MARKET = frozenset({"国内", "境内", "本土", "domestic", "domestically"})
_MARKET_BEFORE = regex.compile(r"(?i)\b(?:in|across|within|throughout|into|outside)\s+(?:the\s+)?$|在$")
# ", the Indian company behind…": a nationality in an apposition describes the company named before it
_APPOSITION_BEFORE = regex.compile(r",\s*(?:the|an?)\s+(?:[\w-]+\s+){0,2}$")
_ONE_COMPANY_BEFORE = regex.compile(r"(?i)\b(?:the|an?)\s+$")
_ONE_COMPANY_AFTER = regex.compile(rf"\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{COMPANY_NOUNS}|{_TRADE_NOUNS})\b(?!s)")
_COMPANY_NOUN_AFTER = regex.compile(rf"\s+(?:[a-z][\w-]*\s+){{0,3}}(?:{COMPANY_NOUNS}|{_TRADE_NOUNS})\b")
_PRONOUN = regex.compile(rf"(?i)\b(?:its|their|the\s+(?:{COMPANY_NOUNS}|country|nation|state|city|government)"
                         # "The Edinburgh company has raised…": a company described by its home
                         rf"|the\s+(?-i:[A-Z][\w-]*\s+){{1,2}}(?:{COMPANY_NOUNS}))\b"
                         r"|该公司|该集团|其|该国|该企业"
                         # "报告显示，公司全年实现净利润…", "根据公司公布的资料", "根据捷运公司统计": the company
                         # ("今年上半年公司光伏组件出货…": after a time, the company)
                         r"|(?:(?<![\p{Han}])|(?<=[据據]\p{Han}{0,4})|(?<=[年月日]|季度|半年|期间|同期))(?:公司|集团)(?=[\p{Han}])")
# "…, the company said": the figure is the company's, as "its" figure would be ("their first dose" after a
# figure is not: its subject is whoever the figure counts)
# ("the Osaka-based company said", "the Hong Kong-listed company said": a description between)
_SAID_BY_IT = regex.compile(rf"(?i)\bthe\s+(?:[\w-]+\s+){{0,2}}(?:{COMPANY_NOUNS}|club|party)\s+(?:said|says|reported|"
                            r"reports|added|announced|disclosed)\b|(?:该公司|该集团|公司|集团)(?:表示|称|公布|披露)")
_OBJECT_OF = regex.compile(r"(?i)\b(?:above|below|behind|ahead\s+of|than|from|to|on|over|against|versus|"
                           r"vs\.?|outpac\w*|overtak\w*|beat\w*|after|compared\s+(?:with|to)|along\s+with|"
                           # "the US trade deficit with China": the other party of a balance or a trade
                           r"(?:deficits?|surplus(?:es)?|trade|balance|gap)\s+with|"
                           # "Jade Harbor Life Insurance Co., a unit of Jade Harbor Financial": the parent is
                           # another company
                           r"(?:unit|subsidiary|division|arm|affiliate|parent)\s+of)\s+(?:the\s+)?$|"
                           r"(?:超过|超越|落后于|领先于?|对|从|向|自|来自|与|和|继)$")
# (tried where its alternatives' first words stand)
_OBJECT_OF_SCAN = OpenedScan(_OBJECT_OF, r"(?<![a-z0-9_])(?:above|below|behind|ahead|than|from|to|on|over|against|"
                                         r"versus|vs|outpac|beat|after|compared|along|deficit|surplus|trade|balance|"
                                         r"gap|unit|subsidiary|division|arm|affiliate|parent)|[超落领对从向自来与和继]")


class Framer:
    """Frames claims, one article or one file at a time.

    Aliases a text declares (`台积电（TSMC）`) hold in every article that uses them: `frame_file` frames a file
    with its own declared aliases and returns them; `analyse` merges every file's into the corpus's and
    frames again only the files that use a spelling another file declared (`uses_foreign_aliases`)."""

    def __init__(self, rules: Rules, units: Units):
        self.vocab = rules.vocabulary
        self.units = units
        # (a unit's symbol written in capitals, "TEUs", "GW", is no name)
        self.index = HolderIndex(self.vocab, frozenset(w for w in units.surfaces if w[:1].isalpha()))
        self.declared: dict[str, str] = {}
        self._pattern: tuple | None = None
        self._sources: dict = {}
        self._traditional = False  # the file being framed writes traditional characters (`frame_file`)
        self._fiscal: tuple[int, int] | None = None  # the article's fiscal year: (its first year, its last month)
        self._measure = {m.name: m for m in reversed(self.vocab.measures)}.get  # (the first of a name, as vocab.measure)
        self._taking: dict[str, frozenset[int]] = {}  # dimension -> the measures (ids) that take it
        self._cue_sets = CueSets(tuple(cue_set(cues) for cues in (self.vocab.measures, self.vocab.places,
                                                                  self.vocab.objects, self.vocab.basis)))

    @staticmethod
    def prepare(text: str) -> str:
        """The text frames read: simplified characters, ASCII punctuation, markup comments (inline ignores,
        editors' notes) blanked; the same length as `text`, so offsets hold. Once per file."""
        return _blank_comments(T.fold(text))

    def learn(self, text: str) -> None:
        """Add the aliases `text` declares to those every later frame uses."""
        self.use_aliases({**self.declared, **declared_aliases(self.index, text)})

    def use_aliases(self, declared: dict[str, str]) -> None:
        if declared != self.declared:
            self.declared = dict(declared)
            self._pattern = None

    def _declared_pattern(self):
        """The declared spellings as one compiled pattern, with the public bodies among them (made once per
        set of aliases)."""
        if self._pattern is None and self.declared:
            self._pattern = (self.declared, declared_pattern(self.declared), public_bodies(self.declared))
        return self._pattern

    def frame_file(self, text: str, articles: list[Article], claims: list[Claim],
                   declared: dict[str, str] | None = None) -> tuple[list[Frame], dict[str, str]]:
        """Frames of one file's claims, in the order given, and the aliases the file itself declares.
        `declared`: the aliases to frame with (default: the file's own)."""
        folded = T.fold(text)
        # (traditional characters: 我國 and 國內 are Taiwan, where most such text is written)
        self._traditional = folded is not text and _TRADITIONAL_OWN.search(text) is not None
        own = declared_aliases(self.index, folded, already_folded=True)
        self.use_aliases(own if declared is None else declared)
        folded = _blank_comments(folded)
        positions: dict[str, list[int]] = {}
        for n, claim in enumerate(claims):
            positions.setdefault(claim.article, []).append(n)
        frames: list[Frame | None] = [None] * len(claims)
        for article in articles:
            chosen = positions.get(article.id)
            if chosen:
                for n, frame in zip(chosen, self.frame_article(text, folded, article, [claims[n] for n in chosen])):
                    frames[n] = frame
        missing = [claims[n] for n, f in enumerate(frames) if f is None]
        if missing:
            raise ValueError(f"{missing[0].file}: a claim of article {missing[0].article!r}, which the file lacks")
        return frames, own  # type: ignore[return-value]

    def frame_article(self, text: str, folded: str, article: Article, claims: list[Claim]) -> list[Frame]:
        """Frames of one article's claims; `folded` is `prepare(text)` of the article's file."""
        vocab = self.vocab
        year = int(article.date[:4]) if article.date else None
        front = cues.FRONT_MATTER.match(text, article.start, article.end)  # YAML front matter is metadata, not prose
        body_start = front.end() if front else article.start
        # The front matter's title (as the corpus read it) is the headline; the body's first line is its lede.
        at = text.find(article.title, front.start(), front.end()) if front and article.title else -1
        if at >= 0:
            title, title_end = (at, at + len(article.title)), body_start
        else:
            title_end = text.find("\n", body_start, article.end)
            title_end = article.end if title_end < 0 else title_end
            title = (body_start, title_end)
        spans = [title] + [sp for sp in T.sentences(folded, title_end, article.end) if not _dateline_only(folded, sp)]
        starts = [s for s, _ in spans]
        paragraph_breaks = [m.start() for m in _PARAGRAPH.finditer(text, article.start, article.end)]
        body = spans[1:]
        # Only the sentences that hold figures, the one before each (for "its"), the headline and the lede
        # are read: the rest of a long article frames nothing.
        wanted = {0, 1, 2}
        for claim in claims:
            i = max(0, bisect.bisect_right(starts, claim.start) - 1)
            wanted.update((i - 1, i))
        windows = cues.merge([spans[i] for i in sorted(wanted) if 0 <= i < len(spans)])
        read = [spans[i] for i in sorted(wanted) if 0 <= i < len(spans)]
        self._sources = {sp: sentence_sources(vocab, text, folded, sp) for sp in read}
        own_source = article_source(vocab, text, folded, title, body, self._sources)
        # Names an article cites as sources of data ("according to IDC", "CPIA data") are never holders in
        # it; a company that merely "said" something stays a possible holder.
        sources = frozenset({slot.value for slot, _ in self._sources.values()
                             if slot is not None and cues.cites_data(slot.words)}
                            | ({own_source.value} if own_source and own_source.value
                               and cues.cites_data(own_source.words) else set()))
        excluded = (frozenset(self.declared.get(s, s) for s in sources) | sources
                    | (publisher_names(self.index, article.source) if article.source else set()))
        # measures, places, objects and basis cues: one scan of each window for all four
        chinese = [T.HAN.search(folded, lo, hi) is not None for lo, hi in windows]
        scans = [self._cue_sets.scan(folded, lo, hi, han) for (lo, hi), han in zip(windows, chinese)]
        words = [T.tag_han_words(folded, lo, hi) if han else [] for (lo, hi), han in zip(windows, chinese)]
        grounded: set[str] = set()
        pending: list[tuple[int, str]] = []
        title_case_until = title[1] if title_case(text, *title) else -1
        mentions = [m for (lo, hi), scan, han in zip(windows, scans, words)
                    for m in find_mentions(self.index, text, folded, lo, hi, self._declared_pattern(), excluded,
                                           cues.on_word_bounds(scan[1], han), han, grounded, pending, title_case_until)]
        if pending:
            mentions = ground_pending(self.index, text, mentions, pending, grounded, excluded)
        mentions = with_full_chinese_names(_with_full_names(mentions))
        if self._traditional:
            mentions = [_own_country_in_taiwan(m) for m in mentions]
        month = int(article.date[5:7]) if article.date and len(article.date) >= 7 else None
        day = int(article.date[8:10]) if article.date and len(article.date) >= 10 and article.date[8:10].isdigit() else None
        periods = [p for lo, hi in windows for p in find_periods(folded, lo, hi, year, month, day)]
        hits = [h for (lo, hi), scan, han in zip(windows, scans, words)
                for h in find_measures(vocab, folded, lo, hi, cues.within_words(scan[0], han, folded))]
        # "TAIPEI, Aug 22 (Reuters) -", "【记者陈怡君／台北报导】": where the reporter files from is no place of a figure
        datelines = [(sp[0], m.end()) for sp in body[:1] for m in [_DATELINE_PREFIX.match(folded, sp[0], sp[1])] if m]
        if datelines:
            mentions = [m for m in mentions if not any(a <= m.start < b for a, b in datelines)]
        # a name inside a Chinese measure word is no holder: 国内 of 国内生产总值 (GDP) is not China
        inside = [(h.start, h.end) for h in hits if h.end - h.start > 2 and folded[h.start] >= T.FIRST_HAN
                  and T.HAN.match(folded, h.start)]
        if inside:
            mentions = [m for m in mentions if not any(a <= m.start and m.end <= b and (a, b) != (m.start, m.end)
                                                       for a, b in inside)]
        self._mentions, self._mention_starts = mentions, [m.start for m in mentions]
        self._causes: dict[tuple[int, int], list[tuple[int, int]]] = {}  # sentence -> its cause phrases
        # Per mention, what `_usable` reads of the text around it: the same for every claim near it
        self._figureless: dict[int, bool] = {}
        self._hits_of_dimension: dict[str, list] = {}
        self._sentence_hits: dict[tuple[str, tuple[int, int]], list] = {}  # (dimension, sentence) -> its hits
        self._names_near: dict[tuple[int, int], list[tuple[int, int]]] = {}  # sentence -> names and periods near it
        self._compared: dict[tuple[int, int], bool] = {}
        self._periods, self._period_starts = periods, [p.start for p in periods]
        self._objects = WindowScan(cue_set(vocab.objects), folded, windows, [h for scan in scans for h in scan[2]])
        self._basis_cues = WindowScan(cue_set(vocab.basis), folded, windows, [h for scan in scans for h in scan[3]])
        # (a headline of several statements, "去年住宅买卖5.32万宗 新界楼价跌幅较深", sets its first one's place only)
        first_statement = _HEADLINE_BREAK.search(folded, *title)
        title_causes = cues.cause_spans(folded, title)
        title_place = next((m for m in mentions if title[0] <= m.start < (first_statement.start() if first_statement
                                                                            else title[1])
                            and m.kind in ("world", "region")
                            and not any(a <= m.start < b for a, b in title_causes)
                            and not _OBJECT_OF_SCAN.search(folded, max(title[0], m.start - 14), m.start)
                            # "Japan's Hoshimura Games posts record profit": the company's country, no market
                            and not self._names_a_company(folded, m, mentions)), None)
        # (a quarter, half or month without its year, "Cinevo第三季度…", takes the year of the article's date)
        title_period = next((p for p in periods if title[0] <= p.start < title[1] and not p.base
                             and (p.year or p.kind in _PART_OF_YEAR)), None)
        lede_end = next((b for b in paragraph_breaks if b > (body[0][0] if body else title[1])), article.end)
        lede = [sp for sp in body if sp[1] <= lede_end] or body[:1]
        if title_period is None:  # the lede sets the period of an article whose headline names none
            ends = {c.end for c in claims}
            title_period = next((p for p in periods if lede and lede[0][0] <= p.start < lede[0][1]
                                 and not p.base and (p.year or p.kind in _PART_OF_YEAR) and p.kind != "anaphor"
                                 and not cues.after_figure(folded, p.start, ends)
                                 and (year is None or p.year is None or p.year <= year)), None)  # a plan "for 2026" is no story's period
        # A fiscal year that ends in another month than December, named in the headline or the lede ("its
        # forecasts for the fiscal year through March 2026"): the article's halves are that year's
        self._fiscal = next(((p.year, int(p.part)) for p in periods if p.kind == "season" and p.part
                             and p.part != "12" and not p.base
                             and title[0] <= p.start < (lede[-1][1] if lede else title[1])), None)
        if title_place is None:  # "shipped worldwide" in the lede sets the market of the whole article
            # ("…, as … fresh capacity in Asia weighed on prices": a place in a cause is no market)
            lede_causes = [c for sp in lede for c in cues.cause_spans(folded, sp)]
            # A market word ("worldwide", "global", "in Europe"), not a country the lede names: "Brazil
            # produced 55.7 million bags" is Brazil's figure, not the market of every figure after it.
            title_place = next((m for m in mentions if lede and lede[0][0] <= m.start < lede[-1][1]
                                and (m.kind == "world" or (m.kind == "region" and m.rule == "place"))
                                and not _ranks_in(folded, m)
                                and not any(a <= m.start < b for a, b in lede_causes)
                                # ("customers in Europe and China held back": places listed are no one market)
                                and not _listed_with_place(folded, m, mentions)
                                # ("ships forced to sail around Africa": a route, no market)
                                # (not "sold around the world", "across Europe": markets)
                                and not (m.kind == "region"
                                         and _ROUTE_BEFORE.search(folded, max(lede[0][0], m.start - 12), m.start))
                                # "imports from China": the other party of a trade sets no article's market
                                and not _OBJECT_OF_SCAN.search(folded, max(lede[0][0], m.start - 14), m.start)
                                # "Cinevo's Asia-Pacific business": one part of a company, not the article's market
                                and not _POSSESSED.search(folded, max(lede[0][0], m.start - 3), m.start)), None)
        # Names inside a data source's attribution ("according to IDC", "Canalys counts") are not holders;
        # a company that reports or says its own figures stays one.
        self._context = (lede, title, [se for slot, where in self._sources.values()
                                       if slot is not None and cues.cites_data(slot.words) for se in where])
        self._date = article.date
        self._starts = [c.start for c in claims]
        self._sorted_starts = sorted(self._starts)
        self._unit_at = {c.start: c.unit for c in claims}
        # "graphite and magnet markets (99% and 87% respectively)": each figure reads its own item
        claim_spans = [spans[max(0, bisect.bisect_right(starts, c.start) - 1)] for c in claims]
        paired = T.respectively(folded, claims, claim_spans)
        frames = []
        last_org: Mention | None = None
        last_sentence = -1
        for claim in claims:
            i = max(0, bisect.bisect_right(starts, claim.start) - 1)
            sentence = spans[i]
            if i != last_sentence and last_sentence >= 0:
                prev = spans[last_sentence]
                orgs = [m for m in self._mentions_in(*prev) if m.kind in ("org", "region")]
                last_org = orgs[0] if orgs else last_org
            last_sentence = i
            clause = T.clause(folded, claim.start, claim.end, *sentence, headline=i == 0)
            if len(frames) in paired:
                item, _ = paired[len(frames)]
                clause = item
            self._previous_sentence = spans[i - 1] if i > 1 else (0, 0)
            frame = self._frame(text, folded, article, claim, sentence, clause, mentions, periods, hits,
                                title_place, title_period, last_org, spans, i, year,
                                own_source)
            frame = read_with_figures_before(frame, frames, claims, claim, spans[i], folded,
                                             lambda unit: is_money(self.units, unit), vocab.counters)
            who, _, where = (frame.holder.value or "").partition("@")
            if who or where not in ("", WORLD):
                last_org = next((m for m in mentions if m.name == (who or where)), last_org)
            frames.append(frame)
        return frames

    @staticmethod
    def _names_a_company(folded: str, place: Mention, mentions: list[Mention]) -> bool:
        """A place written as the possessor of the organisation named right after it ("Japan's Hoshimura")."""
        after = next((m for m in mentions if m.start >= place.end), None)
        if (after is not None and after.kind == "org"
                and _POSSESSIVE_BEFORE_NAME.fullmatch(folded, place.end, after.start) is not None):
            return True
        # (in a title-case headline, "Taiwan's Jade Peak Bank Posts…": a word the article's companies open with)
        word = _POSSESSED_WORD.match(folded, place.end)
        return word is not None and any(m.kind == "org" and m.words.startswith(word[1]) for m in mentions)

    @staticmethod
    def _market(folded: str, place: Mention) -> bool:
        """A place written as a market: worldwide, "the China smartphone market", "sales in Europe", "欧洲市场"."""
        return (place.kind == "world" or place.words.lower() in _HOME_MARKET
                or _MARKET_AFTER.match(folded, place.end) is not None
                or _MARKET_BEFORE.search(folded, max(0, place.start - 12), place.start) is not None)

    def _describes_company(self, folded: str, place: Mention) -> bool:
        """A place in the description of the organisation named right after it ("Danish wind-turbine maker
        Nordvind Energy")."""
        at = bisect.bisect_right(self._mention_starts, place.start)
        after = self._mentions[at] if at < len(self._mentions) else None
        if (after is not None and after.kind == "org"
                and _DESCRIPTOR_BEFORE_NAME.fullmatch(folded, place.end, after.start) is not None):
            return True
        # ("Aravalli Biologics, the Indian company behind the shot": after the name, in apposition)
        before = self._mentions[at - 2] if at >= 2 else None
        return (before is not None and before.kind == "org"
                and _APPOSITION_BEFORE.search(folded, before.end, place.start) is not None
                and _COMPANY_NOUN_AFTER.match(folded, place.end) is not None)

    def _counterpart(self, folded: str, flow: str, clause: tuple[int, int], holder: Slot, place: Slot) -> Mention | None:
        """The country or region a flow in the clause goes to or comes from ("logs to China"), if one is named."""
        before = _COUNTERPART[flow][1]
        for m in self._mentions_in(*clause):
            if (m.kind == "region" and m.name not in (holder.value, place.value)
                    and before.search(folded, max(clause[0], m.start - 9), m.start)):
                return m
        return None

    def _measures_taking(self, dim: str) -> frozenset[int]:
        """The vocabulary's measures (by id: measure hits hold them) a figure of this dimension can be of:
        `Measure.takes`, asked once per dimension rather than once per hit in every article."""
        taking = self._taking.get(dim)
        if taking is None:
            taking = self._taking[dim] = frozenset(id(m) for m in self.vocab.measures if m.takes(dim))
        return taking

    def _mentions_in(self, lo: int, hi: int) -> list[Mention]:
        """The article's mentions that start in lo..hi (they are sorted by start)."""
        starts = self._mention_starts
        return self._mentions[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]

    def _periods_in(self, lo: int, hi: int) -> list[PeriodMention]:
        starts = self._period_starts
        return self._periods[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]

    def _frame(self, text, folded, article, claim, sentence, clause, mentions, periods, hits, title_place,
               title_period, last_org, spans, index, year, own_source) -> Frame:
        vocab = self.vocab
        dim = dimension(self.units, claim.unit)
        percent = claim.unit in ("percent", "percentage_point")
        change = bool(claim.direction) or bool(
            _CHANGE_BEFORE_SCAN.search(folded, max(clause[0], claim.start - 40), claim.start)
            or _CHANGE_AFTER.match(folded, claim.end))
        if change and not percent and (_RAISED_AMOUNT.search(folded, max(clause[0], claim.start - 30), claim.start)
                                       or _LEVEL_REACHED.search(folded, max(clause[0], claim.start - 40), claim.start)):
            # "has raised £186 million from investors": the money raised, not a rise; "a 12.8% rise in revenue
            # to NT$31.8 billion": the level the rise reached
            change = False
        spans_of_causes = self._causes.get(sentence)
        if spans_of_causes is None:
            spans_of_causes = self._causes[sentence] = cues.cause_spans(folded, sentence)
        causes = [span for span in spans_of_causes if not span[0] <= claim.start < span[1]]
        # a measure never of this figure's dimension is not its measure (the article's hits read once per dimension)
        of_dimension = self._hits_of_dimension.get(dim)
        if of_dimension is None:
            taking = self._measures_taking(dim)
            of_dimension = self._hits_of_dimension[dim] = [h for h in hits if id(h.measure) in taking]
        # `choose` reads the hits inside the sentence only: those, once per sentence and dimension
        in_sentence = self._sentence_hits.get((dim, sentence))
        if in_sentence is None:
            in_sentence = self._sentence_hits[(dim, sentence)] = [h for h in of_dimension if sentence[0] <= h.start
                                                                  and h.end <= sentence[1]]
        hits = of_dimension
        if causes:  # "helped by strong exports, BYD took 18%": a cause names no measure of the figure
            hits = [h for h in hits if not any(a <= h.start < b for a, b in causes)]
            in_sentence = [h for h in in_sentence if not any(a <= h.start < b for a, b in causes)]
        own_count = bool(dim == "count" and claim.noun and T.HAN.match(claim.noun[-1:]))  # (184万户: households)
        if own_count and in_sentence:
            # "跳脱机组容量合计约320万瓩，…共184万户停电": a count that names what it counts takes no measure word
            # another figure of an earlier clause stands after (that figure's measure)
            # (of another unit: "全球汽车销量为9060万台,新能源汽车为1603万台" counts the sales of both)
            i = bisect.bisect_left(self._sorted_starts, claim.start)
            previous = self._sorted_starts[i - 1] if i else -1
            if previous >= 0 and self._unit_at[previous] != claim.unit:
                in_sentence = [h for h in in_sentence if not (h.end <= previous and h.end <= clause[0])]
        key, hit = choose(in_sentence, folded, claim.start, claim.end, clause, sentence, percent, change, dim == "time")
        if key is None and not percent and dim not in ("time", "count"):
            # (not a count: "export restrictions on seven elements" counts no exports)
            # "Exports of all palm oil products, including refined oils, …, came to 28.9 million tonnes": the
            # first measure the sentence names before the figure, far as it is, when no figure stands between
            hit = next((h for h in in_sentence if h.end <= claim.start  # the subject: the first
                        and h.measure.type == "level"), None)
            if hit is not None and not any(hit.end <= st < claim.start for st in self._starts):
                key = hit.measure.name
            else:
                hit = None
        if key is None and (change or not percent) and dim != "time":
            # The sentence before, the lede, the headline: a figure that names no measure counts what they count.
            lede, title, _ = self._context
            # (for a count that names what it counts, not its own sentence, whose words `choose` has weighed:
            # the lede may be it)
            hit = inherited(hits, [sp for sp in ([spans[index - 1]] if index > 1 else []) + lede[:1] + [title]
                                   if sp != sentence or not own_count], ("level",))
            key = hit.measure.name if hit else None
        if key in ("revenue", "profit") and hit is not None:
            # "出口收入", "export earnings": the value of a trade flow, not a company's revenue
            flow = next((h for h in hits if h.measure.name in FLOWS and 0 <= hit.start - h.end <= 1), None)
            if flow is not None:
                key, hit = flow.measure.name, flow
        if key == "revenue" and hit is not None and is_money(self.units, claim.unit):
            # "Exports totalled 3.1 million tonnes …, and generated 148 billion baht in revenue", "Coal
            # shipments brought in US$30.5 billion" (after "Export earnings shrank"): what a trade flow the
            # sentence opens with earned is that flow's value, unless a company is named before
            flow = self._subject_flow(folded, hit, sentence, hits)
            if flow is not None:
                key = flow
        if key and cues.GAP_BEFORE.search(folded, max(clause[0], claim.start - 16), claim.start):
            # "与Cinevo的差距缩小至不足1000万", "narrowed the gap to 10 million": a difference, not a level
            key = f"{key} gap"
        if key in _AVERAGED and (cues.AVERAGE.search(folded, clause[0], claim.start)
                                 # ("caps entries at 41,000 visitors a day": a count per day, no total)
                                 or (claim.noun and _PER_DAY_AFTER.match(folded, claim.end, clause[1]))):
            # "average demand across May was 11,900 MW" beside "a record 14,208 MW": a mean is another quantity
            # than a total or a peak
            key = f"{key} average"
        if ((key or "").removesuffix(" average") in FLOWS and is_money(self.units, claim.unit)
                and _PER_PHYSICAL_UNIT.match(claim.noun or "")):
            # "the average landed cost of the imports was $11.40 per million British thermal units": a sum per
            # unit of a trade flow is its price (an average one too)
            key = f"price of {key.removesuffix(' average')}"
        if key and is_money(self.units, claim.unit) and (
                _PER_SHARE_BEFORE.search(folded, max(clause[0], claim.start - 40), claim.start)
                or _PER_SHARE_AFTER.match(folded, claim.end)):
            # "earnings per share of NT$5.12", "每股纯益5.12元", "paid 45 cents a share": a figure per share is
            # another quantity than the company's total
            key = f"{key} per share"
        if key == "sales":
            money = is_money(self.units, claim.unit)
            if money:
                key = "revenue"  # sales in money are revenue: "semiconductor sales reached $627.6 billion" = 销售额
            # "Mexico exported 1.2 million tons…, and the shipments were worth US$3.1 billion": the exports' value;
            # "…as beef exports hit a record. Shipments in the first half totalled 742,000 tonnes": the exports
            # (not "made up 7,350 tonnes of the shipments": a part of them)
            if ((money or (hit is not None and hit.end <= claim.start))
                    and (trade := self._shipped_trade(folded, hit, sentence, hits)) is not None):
                key = trade
        if change and key in cues.VALUED and hit is not None and cues.names_value(folded, hit.start, hit.end):
            # "出口额增长32.5%" is the value of exports, "出口量下降17.1%" their volume: two changes of one flow
            key = f"{key} value"
        if change and key and cues.on_the_previous_period(folded, claim.start, claim.end, clause):
            # "环比上涨0.4%, 同比下降4.9%": a change on the month before is not one on the year before
            key = f"{key} on the previous period"
        measure = Slot(key, folded[hit.start:hit.end] if hit else "", "measure:" + (hit.measure.name if hit else
                                                                                   "of-phrase" if key else ""))
        stated = self._measure(key.partition(" of ")[0]) if key else None
        if stated is not None and stated.is_change and claim.unit == "percent":
            change = False  # "consumer prices rose 2.2%": the inflation rate itself, as "inflation was 2.1%"
        if (dim == "count" and key and not claim.noun and not cues.CLASSIFIER.search(claim.text)
                and not (hit is not None and clause[0] <= hit.start and hit.end <= clause[1])):
            # "a shortage of over 5,000": a count of nothing named is not compared with anything
            measure = Slot(None, measure.words, "count names nothing counted: not compared")
        elif (dim == "count" and key and claim.noun and T.HAN.match(claim.noun[-1:]) and hit is not None
              and hit.start >= claim.end and not (clause[0] <= hit.start and hit.end <= clause[1])):
            # "覆盖全国63个省市，有关…人口迁移…": a count that names what it counts takes no measure from a
            # later clause
            measure = Slot(None, measure.words, "measure:not of a count naming its own thing")
        if key and _SEGMENT_AFTER.match(folded, claim.end):
            # "the 15,000-30,000 rupee bracket", "1.5万至3万卢比的中端价位段": a range that names a segment
            measure = Slot(None, measure.words, NAMES_A_SEGMENT)
        holder, place = self._holder_place(text, folded, claim, clause, sentence, mentions, title_place,
                                           last_org, key, causes)
        # "compared with 54.1 million", "up from 58.6 million", "when its share stood at 20%": the figure is the
        # base of a comparison, of an earlier time than the sentence's own figure
        # ... unless its clause names another party: "42.3% of the vote, against 31.9% for Chen" sets two
        # holders side by side, not two times.
        base = cues.BASE_FIGURE_SCAN.search(folded, max(sentence[0], claim.start - 60), claim.start)
        # (a party named from the comparison word on: the sentence's own subject before it is no other party)
        if base and any(m.kind in ("org", "region") for m in self._mentions_in(max(clause[0], base.start()), clause[1])):
            base = None
        base_figure = base is not None
        period, period_year = self._period(folded, claim, clause, sentence, periods, title_period, year, base_figure)
        # names and periods are no part of what is measured ("fiscal first-quarter revenue")
        # (what is measured is read inside the sentence: names from before it cannot overlap those words)
        names = self._names_near.get(sentence)
        if names is None:
            near = (sentence[0] - cues.LONGEST_NAME, sentence[1])
            names = self._names_near[sentence] = ([(m.start, m.end) for m in self._mentions_in(*near)]
                                                  + [(p.start, p.end) for p in self._periods_in(*near)])
        # (a noun that is the figure's unit, "1.23 million hectares", names no object)
        noun = None if claim.noun and self.units.unit_for(claim.noun.strip()) else claim.noun
        obj = object_words(vocab, text, folded, noun, claim.lang, claim.start, claim.end, clause, hit,
                           names, sentence, self._objects)
        if (obj and hit is not None and not obj[0].startswith(cues.NAMED)
                and all(w in folded[hit.start:hit.end].lower() for w in obj)):
            # "drew about 1.46 million spectators", "1.2 million fans": the measure's own word names no object
            obj = ()
        if (measure.value is None and dim == "count" and not claim.noun and not change and claim.lang != "zh"
                and (counted := number_of(folded, clause[0], claim.start))):
            # "the number of shoppers fell 17.2% to 3.62 million": a count of what "number of" names
            obj = counted[0]
            measure = Slot("count", counted[1], "measure:the number of what it names")
        read_as = cues.equivalent(vocab, measure.value, obj)
        if read_as != measure.value:
            measure = Slot(read_as, measure.words, f"{measure.rule} (read as {read_as} for this object)")
        if (measure.value in ("sales", "revenue") and not holder.value and place.value and place.value != WORLD
                and hit is not None
                and cues.SHIPPED.fullmatch(measure.words) and place.words
                and folded[max(0, hit.start - len(place.words) - 3):hit.start].rstrip().endswith(place.words)):
            # "Vietnam shipped 1.46 million tonnes of coffee", "Peru shipped fishmeal worth US$1.86 billion": what
            # a country ships is what it exports
            measure = Slot("exports", measure.words, f"{measure.rule} (read as exports: a country ships)")
        if (measure.value is None and dim == "count" and claim.noun and not change
                and (obj or folded[claim.end - 1] in vocab.counters)  # (184万户: households, by the counter)
                and not measure.rule.startswith("count names nothing")):
            # "853,000 international students", "52万辆": a count of the thing it names, compared with counts
            # of the same thing only (the object must agree)
            measure = Slot("count", claim.noun, "measure:a count of what it names")
        # (from the measure word on, where it stands before the clause: "Orders from the United States, Taiwan's
        # biggest customer, climbed to…")
        flow_span = (min(clause[0], hit.start) if hit is not None and sentence[0] <= hit.start else clause[0], clause[1])
        if measure.value in _COUNTERPART and (partner := self._counterpart(folded, measure.value, flow_span, holder, place)):
            measure = Slot(f"{measure.value} {_COUNTERPART[measure.value][0]} {partner.name}", measure.words,
                           f"{measure.rule} (with its other party, {partner.words!r})")
        # One slot for whose figure and where: "Apple@World", "@China" (a country's own output), "Samsung@".
        holder_text = f"{holder.value or ''}@{place.value or ''}" if holder.value or place.value else None
        if measure.value == "share" and not holder_text and not obj:
            # "Only 56.8% of those on the list": a share of nothing named, of no one, anywhere: not compared
            measure = Slot(None, measure.words, "share names no whole, holder or place: not compared")
        if (not change and (stock := self._measure(measure.value or "")) is not None and stock.stock
                and (period.rule in ("period:clause", "period:headline") or sentence == self._context[1])
                and (end_month := at_period_end(period.value or ""))):
            # "capacity reaches 186 MW" under a first-half headline, "reserves in 2024": where the stock stood at
            # the period's end ("截至6月底", "at the end of 2024"); not a period a body sentence names elsewhere
            # ("started the year with €65.1 billion … and returned 2.4% in the first half")
            period = Slot(end_month, period.words, f"{period.rule} (a stock: at the period's end)")
        if measure.value == "capacity" and claim.unit.endswith(" / year"):
            # a capacity is a year's: "300,000 tonnes a year" and "a capacity of 250,000 tons" are one quantity
            dim = dimension(self.units, claim.unit[:-len(" / year")])
        return Frame(
            measure=measure,
            holder=Slot(holder_text, holder.words, holder.rule),
            object=cues.object_slot(obj),
            period=period,
            basis=self._basis(folded, claim, clause, sentence, period, period_year, year, base),
            attribution=self._attribution(text, folded, sentence, own_source),
            dimension=dim, date=article.date, change=change)

    def _basis(self, folded, claim, clause, sentence, period, period_year, year, base) -> Slot:
        # (from the last figure before this one in the sentence: the claims' starts, sorted, bisected)
        before = bisect.bisect_left(self._sorted_starts, claim.start) - 1
        after_figure = self._sorted_starts[before] if before >= 0 and self._sorted_starts[before] >= sentence[0] else sentence[0]
        found = basis(self.vocab, folded, claim.start, claim.end, clause, (after_figure, sentence[1]),
                      period_year, year, self._basis_cues)
        if base and found.value == "actual" and period.rule not in ("period:clause", "period:after the base figure"):
            # A base whose own period the text leaves unsaid: an earlier time than the sentence's, so compared
            # only with other such bases of the same period, never with the sentence's own figures.
            ago = cues.AGO.match(folded, claim.end)
            if ago:  # "up from 58.2% a week earlier" and "against 57.9% a year earlier" are two other times
                return Slot(f"past, a {ago['unit'].lower()} earlier", base.group().strip() + " … " + ago.group().strip(),
                            "basis:base of a comparison")
            return Slot("past", base.group().strip(), "basis:base of a comparison")
        if (found.value == "actual" and period.rule != "period:clause"
                and (opening := _A_YEAR_EARLIER_OPENING.match(folded, sentence[0]))):
            # "A year earlier, the company had reported revenue of HK$39.52 billion for the same half"
            return Slot("past, a year earlier", opening.group().strip(" ,，"), "basis:a sentence set a year earlier")
        return found

    def _attribution(self, text: str, folded: str, sentence: tuple[int, int], own_source: Slot | None) -> Slot:
        found = self._sources.get(sentence)
        slot = found[0] if found is not None else attribution(self.vocab, text, folded, sentence, None)
        return slot or own_source or Slot(None, "", "")

    def _holder_place(self, text, folded, claim, clause, sentence, mentions, title_place, last_org,
                      measure, causes=()) -> tuple[Slot, Slot]:
        blocked = self._context[2]
        seen: dict[int, bool] = {}  # id of a mention -> usable (the picks below ask of the same mentions)

        def usable(m: Mention) -> bool:
            known = seen.get(id(m))
            if known is None:
                known = seen[id(m)] = self._usable(folded, m, claim, sentence, blocked, causes)
            return known

        in_clause = [m for m in self._mentions_in(*clause) if m.end <= clause[1]]
        in_sentence = [m for m in self._mentions_in(*sentence) if m.end <= sentence[1]]
        if (more := _PLACES_AND_MORE.search(folded, max(sentence[0], clause[0] - 40), claim.start)) is not None:
            # "高雄、台南、屏东及嘉义等地共184万户停电": a total over the places listed, none of them its place
            listed, end = set(), more.start()
            for m in reversed([m for m in in_sentence if m.kind in ("region", "world") and m.end <= more.start()]):
                if m.end != end and not _PLACE_LIST_JOIN.fullmatch(folded, m.end, end):
                    break
                listed.add(id(m))
                end = m.start
            in_clause = [m for m in in_clause if id(m) not in listed]
            in_sentence = [m for m in in_sentence if id(m) not in listed]
        described = self._described_subject(folded, sentence, claim)
        # The clause first, then the sentence before the figure; in each, an organisation before a country.
        # (a country whose figure the clause opens with outranks a company named after the figure: "Chile's
        # copper output climbs to 5.51 million tonnes as Codelco steadies")
        holder = (described
                  or cues.pick(in_clause, claim, usable, ("org",), before_only=True)
                  or cues.pick([m for m in in_clause if folded[m.end:m.end + 1] in _APOSTROPHES
                                and _POSSESSIVE.match(folded, m.end)], claim, usable, ("region",),
                           before_only=True)
                  or cues.pick(in_clause, claim, usable, ("org",)) or cues.pick(in_clause, claim, usable, ("region",))
                  or self._apposed_subject(folded, sentence, claim, usable)
                  or cues.pick(in_sentence, claim, usable, ("org",), before_only=True)
                  or cues.pick(in_sentence, claim, usable, ("region",), before_only=True))
        rule_suffix = " (the subject)" if described is not None else ""
        # "its revenue", and "…, the company said" after the figure: the holder the text named before
        if holder is None and (_PRONOUN.search(folded, sentence[0], claim.start)
                               or _SAID_BY_IT.search(folded, claim.end, sentence[1])):
            before = self._previous_sentence
            # an organisation first: "…weighed by US import tariffs. Its operating margin was 6.8%" is the
            # company's margin, not the country's
            named = [m for m in self._mentions_in(*before) if m.kind == "org"]
            # else the organisation the headline names (the story's company), else the latest one before
            lede, title, _ = self._context
            earlier = ([m for m in self._mentions_in(*title) if m.kind == "org"][:1]
                       or [m for m in self._mentions_in(0, sentence[0]) if m.kind == "org" and m.end <= sentence[0]][-1:])
            regions = [m for m in self._mentions_in(*before) if m.kind == "region"]
            # ("China's appetite has not faded. Its imports…": a country the sentence before is about, over a
            # company named further back)
            subjects = [m for m in regions if _POSSESSIVE.match(folded, m.end) or not folded[before[0]:m.start].strip()]
            holder = (named[0] if named else subjects[0] if subjects
                      else last_org if last_org is not None and last_org.kind == "org"
                      else earlier[-1] if earlier else regions[0] if regions else last_org)
            rule_suffix = " (pronoun)"
        if (holder is None and (measure or "").removesuffix(" per share") in _COMPANY_MEASURES
                and not any(m.kind in ("region", "world") for m in in_clause if m.end <= claim.start)
                and not _ANOTHER_COMPANY.search(folded, sentence[0], claim.start)):
            # A company's figure the sentence names no one for ("Sales rose to 4.05 billion yuan", "第二季毛利率为
            # 33.2%") is the story's company's: the one its headline, else its lede, names first.
            lede, title, _ = self._context
            story = ([m for m in self._mentions_in(*title) if m.kind == "org"][:1]
                     or [m for sp in lede for m in self._mentions_in(*sp) if m.kind == "org"][:1])
            if story:
                holder, rule_suffix = story[0], " (the story's company)"
        # "exports from the US to China": the other party is no place of the figure
        # outside its clause, only a place named before the figure: "沙特日产900万桶,伊拉克…" is not Iraq's
        place = cues.pick([m for m in in_clause if m is not holder], claim, usable, ("world", "region")) or cues.pick(
            [m for m in in_sentence if m is not holder], claim, usable, ("world", "region"), before_only=True)
        if place is None and ((there := _THERE.search(folded, clause[0], claim.start)) is not None
                              # ("Cinevo had 91.6 million members there at the end of September")
                              or (there := _THERE_AFTER.match(folded, claim.end, clause[1])) is not None):
            # "China continued to shrink. Sales there fell 9.7%": the place the sentence before is about
            named = [m for m in self._mentions_in(*self._previous_sentence) + self._mentions_in(sentence[0], there.start())
                     if m.kind in ("region", "world") and m is not holder]
            place = named[-1] if named else None
        share = bool(measure and measure.startswith("share"))
        if holder is not None and holder.kind == "region":
            if share:
                place = place if place is not None and place.name != holder.name else None
                return (Slot(holder.name, holder.words, holder.rule + rule_suffix),
                        Slot(place.name if place else WORLD, place.words if place else "", "place" if place else "share of the world"))
            return Slot(None, "", ""), Slot(holder.name, holder.words, holder.rule)
        if (place is None and title_place is not None and not _WHOLE.search(folded, clause[0], claim.start)
                and not _PARTS_FOLLOW.match(folded, claim.end)
                and (holder is None or holder.kind != "org" or self._market(folded, title_place))):
            # ("total revenue", "group revenue": the whole company's figure, not the headline's market)
            # A company's figure takes the headline's place only where the headline names it as a market
            # ("Huawei tops China smartphone market", "sales in Europe"), not as the nationality of people or
            # of a cause ("as Asian holidaymakers return", "but a China slowdown looms").
            place = title_place
        h = Slot(holder.name, holder.words, holder.rule + rule_suffix) if holder else Slot(None, "", "")
        p = Slot(place.name, place.words, "place" if place is not title_place else "headline") if place else Slot(None, "", "")
        return h, p

    def _subject_flow(self, folded: str, hit, sentence: tuple[int, int], hits) -> str | None:
        """The trade flow a sentence names before a figure's earnings word, itself or by its shipments, where
        no organisation is named before it (else the company's revenue)."""
        if any(m.kind == "org" for m in self._mentions_in(sentence[0], hit.start)):
            return None
        before = [h for h in hits if sentence[0] <= h.start and h.end <= hit.start]
        flow = next((h for h in before if h.measure.name in FLOWS), None)
        if flow is not None:
            return flow.measure.name
        shipped = next((h for h in before if _SHIPMENTS.match(folded, h.start)), None)
        return self._shipped_trade(folded, shipped, sentence, hits) if shipped is not None else None

    def _shipped_trade(self, folded: str, hit, sentence: tuple[int, int], hits) -> str | None:
        """The trade flow (exports, imports) that a figure's "shipments" refer back to: the one named before it
        in its sentence or the sentence before, else None."""
        if hit is None or not _SHIPMENTS.match(folded, hit.start):
            return None
        # (the sentence before only where this one names no company first: "Lakeshore Foods said its shipments…")
        named_first = any(m.kind == "org" for m in self._mentions_in(sentence[0], hit.start))
        lo = sentence[0] if named_first else min(sentence[0], self._previous_sentence[0] or sentence[0])
        named = [h for h in hits if h.measure.name in FLOWS and lo <= h.start < hit.start]
        return named[-1].measure.name if named else None

    def _apposed_subject(self, folded: str, sentence: tuple[int, int], claim: Claim, usable) -> Mention | None:
        """The organisation a sentence opens with, set off by an apposition before its verb ("Vandermeer Group,
        the Amsterdam-based brewer behind Kroonberg pilsner, said its margin…"): the subject, not a name
        inside the apposition."""
        named = self._mentions_in(sentence[0], claim.start)
        first = named[0] if named else None
        opening = _DATELINE_PREFIX.match(folded, sentence[0], first.start) if first is not None else None
        if (first is None or first.kind != "org" or folded[opening.end() if opening else sentence[0]:first.start].strip()
                or len(named) < 2 or not usable(first)):
            return None
        return first if _APPOSITION_BEFORE_VERB.match(folded, first.end, claim.start) else None

    def _described_subject(self, folded: str, sentence: tuple[int, int], claim: Claim) -> Mention | None:
        """The name a sentence's subject refers to by the last word of it: "The resort, a joint venture in which
        Walt Disney holds 43%, generated…" after "Shanghai Disney Resort" (the latest such name before)."""
        subject = _DEFINITE_SUBJECT.match(folded, sentence[0], claim.start)
        if subject is None:
            return None
        head = subject[1]
        if head in _OFFICE_HEADS:
            return None  # ("The office counted 4,960 fires": an office that compiles figures is their source)
        named = [m for m in self._mentions_in(0, sentence[0]) if m.kind == "org" and m.end <= sentence[0]
                 and m.words.rsplit(None, 1)[-1].lower() == head]
        return named[-1] if named else None

    def _describes_no_figure(self, folded: str, m: Mention) -> bool:
        """A name that frames an epithet or a relation ("Southeast Asia's largest economy", "Coral Sea's
        closest rival"), or a place that is a company's home ("Danish maker Nordvind", "the London-based
        house", "the Edinburgh company"): whatever the claim, no holder or place of it."""
        # (a mention may hold its possessive: "the world's biggest soybean buyer"; each pattern is tried only
        # where the apostrophe it opens with stands: most names have none)
        end = m.end - 2 if m.words.endswith(("'s", "’s")) else m.end
        if folded[end:end + 1] in _APOSTROPHES and (cues.EPITHET.match(folded, end) or cues.RELATION.match(folded, end)):
            return True
        if _ranks_in(folded, m):
            return True
        if _OWNER_AFTER.match(folded, m.end):
            return True  # "The Andrew Forrest-controlled miner said…": the owner describes the company
        return m.kind == "region" and bool(
            _HOME_OF.match(folded, m.end)
            or ("总部" in folded[max(0, m.start - 6):m.start] and _HOME_OF_ZH.search(folded, max(0, m.start - 6), m.start))
            or self._describes_company(folded, m)
            or (folded[m.start - 1:m.start].isspace() and _ONE_COMPANY_BEFORE.search(folded, max(0, m.start - 4), m.start)
                and _ONE_COMPANY_AFTER.match(folded, m.end)))

    def _usable(self, folded, m: Mention, claim, sentence, blocked, causes) -> bool:
        """Whether a mention may be the holder or place of a claim in the sentence."""
        figureless = self._figureless.get(id(m))
        if figureless is None:
            figureless = self._figureless[id(m)] = self._describes_no_figure(folded, m)
        if figureless:
            return False  # "Southeast Asia's largest economy grew": the region frames an epithet
        # (whether a comparison word stands before the name depends on its sentence only: asked once)
        compared = self._compared.get((id(m), sentence[0]))
        if compared is None:
            compared = self._compared[(id(m), sentence[0])] = (
                _OBJECT_OF_SCAN.search(folded, max(sentence[0], m.start - 14), m.start) is not None
                and not _VIEWPOINT_AFTER.match(folded, m.end))  # "从全球看": the scope the figure is seen in
        # "ahead of the Social Democrats on 27.9%": a name the figure is attached to is its holder,
        # whatever comparison word stands before the name
        return ((not compared or cues.HOLDS_FIGURE.fullmatch(folded, m.end, claim.start) is not None)
                and not any(a <= m.start < b for a, b in blocked)
                and not any(a <= m.start < b for a, b in causes))

    def _period(self, folded, claim, clause, sentence, periods, title_period, year, base_figure=False):
        article_date = (year, int(self._date[5:7])) if year and self._date and len(self._date) >= 7 else None

        def ahead() -> bool:
            """A forecast cue before the figure in its sentence: its period is one still to come."""
            return any(self.vocab.basis[i].name == "forecast" for _, _, i in self._basis_cues.scan(sentence[0], claim.end))

        def own(p: PeriodMention) -> bool:
            """Not a comparison base, and not the period of another figure it is joined to ("2024年的53.3%")."""
            if p.base:  # unless it is this figure's own, written right after it ("the 1.16 billion of 2023")
                # or joined to it before ("较2023年的902万人": 2023's 9.02 million, the base of the change)
                return bool(cues.ATTACHED.fullmatch(folded, claim.end, p.start)
                            or cues.OWN_BASE_BEFORE.fullmatch(folded, p.end, claim.start))
            joined = cues.JOINED.match(folded, p.end)
            return not (joined and joined.end() in self._starts and joined.end() != claim.start)

        def context_year(p: PeriodMention) -> int | None:
            """The year of a month, quarter or half written without one: a year the sentence names before it
            or in the figure's clause, else the latest such period not after the article's date, else the
            article's own period. ("…at 14.25% in September, … a cycle that began last year": not last year's.)"""
            this_year = _OF_THIS_YEAR.search(p.words) is not None
            # (a period an anaphor names from an earlier sentence takes no year of this one: "…over the nine
            # months from 9.6% in the same period of 2024")
            for q in self._periods_in(*sentence) if p.start >= sentence[0] else ():
                if q.kind == "year" and q.year and not q.base and (q.end <= p.start or clause[0] <= q.start < clause[1]):
                    if this_year and q.start >= p.end and _RELATIVE_YEAR_WORD.match(q.words):
                        # "in the first eight months of the year as … following last year's El Niño": the
                        # article's year, not the year a later clause looks back to
                        continue
                    return q.year
            if p.kind == "year":  # "full-year", "全年": the year the article is about
                return title_period.year if title_period and title_period.year else year
            if article_date is not None:
                y, month = article_date
                last_month = {"month": lambda: int(p.part), "quarter": lambda: 3 * int(p.part),
                              "half": lambda: 6 * int(p.part),
                              "months": lambda: int(p.part.split("..")[1])}.get(p.kind, lambda: 0)()
                if ahead():
                    # "expects third-quarter gross margin of 41%" in July: the coming quarter, not last year's
                    # (one that ended a month or two ago may still be unreported: "second-quarter revenue")
                    return y if last_month >= month - 2 else y + 1
                return y if last_month <= month else y - 1
            return title_period.year if title_period and title_period.year else year

        def resolve(p: PeriodMention, rule: str):
            back = 0  # years before the period an anaphor names ("上年同期": the same quarter, a year earlier)
            if p.kind == "anaphor":
                words = p.words.lower()
                back = 1 if _A_YEAR_BEFORE.match(words) else 0
                words = _YEAR_BACK_TAIL.sub("", words)  # ("the same period of last year": a period, not a year)
                # ("for the nine months": the months range named before; "该季度": the quarter named before,
                # fiscal or calendar)
                wanted = ("months",) if "months" in words else ("season", "fiscal") if "year" in words else next(
                    (_ANAPHOR_KINDS[k] for k in ("quarter", "month", "half", "week", "季", "月", "周") if k in words), None)
                prior = [q for q in periods if q.end <= p.start and q.kind not in ("anaphor", "year") and not q.base
                         and (wanted is None or q.kind in wanted)]
                if not prior:
                    # "去年同期…8800韩元" with no period named before: a year ago, of a period not known (so it
                    # meets only figures of the same words, never a current figure or a whole year's)
                    if back and year:
                        return Slot(f"{year - back}, the same period", p.words, "period:a year before, the period not named"), year - back
                    return None
                p = prior[-1]
            if p.kind == "year" and p.year is None:
                # "全年", "full-year" after a fiscal year the sentence names, or in a report on one: that year
                fiscal = [q for q in self._periods_in(sentence[0], p.start) if q.kind in ("season", "fiscal") and not q.base]
                # (or in the sentence just before: "…for the year ended June 30. Revenue for the year came to…")
                fiscal = fiscal or [q for q in self._periods_in(*self._previous_sentence)
                                    if q.kind in ("season", "fiscal") and not q.base]
                if fiscal:
                    p = fiscal[-1]
                elif title_period is not None and title_period.kind in ("season", "fiscal"):
                    p = title_period
            if p.kind == "fiscal_quarter":
                # "2025财年第二季度（7月至9月）", "fiscal second quarter (July-September)": the months it names
                months = next((q for q in periods if q.kind == "months" and _BRACKET_AFTER.fullmatch(folded, p.end, q.start)), None)
                if months is None and p.year is None and title_period is not None and title_period.kind in ("quarter", "months"):
                    # "the fiscal second quarter" in a report on "the July-September quarter": that quarter
                    months = title_period
                p = months or p
            if p.kind == "half" and p.year is None and self._fiscal is not None and not _CALENDAR_HALF.search(p.words):
                # "first-half revenue" in a report on the year to March: April to September
                p = fiscal_half(int(p.part), *self._fiscal)
            y = p.year if p.year is not None else context_year(p)
            if back and y is not None:
                p, y = replace(p, year=y - back), y - back
            label = p.label(y)
            if label is None:
                return None
            return Slot(label, p.words, rule), y

        in_clause = [p for p in self._periods_in(*clause) if p.end <= clause[1] and own(p)
                     and not (base_figure and p.start < claim.start)]  # a base's period follows it, if written
        if in_clause:
            best = min(in_clause, key=lambda p: cues.span_gap(p.start, p.end, claim.start, claim.end))
            got = resolve(best, "period:clause")
            if got:
                return got
        in_sentence = [p for p in self._periods_in(*sentence) if p.end <= sentence[1] and own(p)]
        if in_sentence:
            before = [p for p in in_sentence if p.end <= claim.start]
            after = [p for p in in_sentence if p.start >= claim.end and cues.coordinated(folded, claim.end, p.start)]
            if base_figure and after:  # "compared with 54.1 million ... in the third quarter of 2023"
                got = resolve(after[0], "period:after the base figure")
                if got:
                    return got
            best = before[-1] if before else (after[0] if after else None)
            got = resolve(best, "period:sentence") if best else None
            if got:
                return got
        # No period in the sentence: the headline's or the lede's, else none of its own ("current"). Earlier
        # sentences are not read: measured on real articles, inheriting their periods dated more figures
        # wrongly than rightly.
        if title_period is not None:
            got = resolve(title_period, "period:headline")
            if got:
                return got
        return Slot(CURRENT, "", "no period: the article's date"), year


def slot_values(vocab_framer: "Framer", slot: str, phrase: str, declared: dict[str, str] | None = None) -> set[str]:
    """Frame slot values a reader's phrase stands for, besides its own words: for a holder, the name its
    spelling resolves to (shipped aliases, country names, `declared` aliases; "中国" -> "China"); for a
    measure or an object, the vocabulary entry whose cue the whole phrase is ("稀土" -> "=rare earths")."""
    phrase = phrase.strip()
    folded = T.fold(phrase)
    vocab = vocab_framer.vocab
    if slot == "holder":
        index = vocab_framer.index
        lower = {k.lower(): v for k, v in index.en_names.items()}
        found = {index.en_names.get(phrase) or lower.get(phrase.lower()), index.zh_names.get(folded),
                 (declared or {}).get(phrase), (declared or {}).get(folded)}
        return {name for name in found if name}
    cues = {"measure": vocab.measures, "object": vocab.objects}.get(slot, ())
    out = set()
    for cue in cues:
        if any(p is not None and p.fullmatch(folded) for p in (cue.en, cue.zh)):
            out.add(NAMED + cue.name if slot == "object" else cue.name)
    return out


_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_WIRE_CITY_CHARS = _CAPITALS | frozenset(".'’ -")  # what a wire dateline's second character is


def _ranks_in(folded: str, m: Mention) -> bool:
    """A world or a region written as where something ranks ("规模稳居全球第一"), not as a figure's market."""
    return m.kind in ("world", "region") and folded[m.end:m.end + 1] >= T.FIRST_HAN and bool(cues.RANK_ZH.match(folded, m.end))


_CALENDAR_HALF = regex.compile(r"(?i)calendar|of\s+the\s+year|今年|去年")
_TRADITIONAL_OWN = regex.compile(r"我國|國內|本國")


def _own_country_in_taiwan(m: Mention) -> Mention:
    """我國 written in traditional characters: the writer's country, Taiwan, not China."""
    if m.kind == "region" and _TRADITIONAL_OWN.fullmatch(m.words):
        return replace(m, name="Taiwan", rule=f"{m.rule} (traditional characters: Taiwan)")
    return m


_NOT_ONE_NAME = regex.compile(r"[.,;:!?]\s")  # ("Strandvejen. Halvorsen": two names a run read as one)


_APPOSITION_BEFORE_VERB = regex.compile(r",\s+(?:the|a|an|one\s+of|[A-Z][\w.&-]*['’]s)\s[^,;.]{0,120},\s+(?:[a-z]+\s+){0,2}"
                                        r"(?:said|says|reported|reports|posted|posts|announced|disclosed)\b")
_ROUTE_BEFORE = regex.compile(r"(?i)\b(?:around|round|via|through|past|bypass\w*)\s+(?:the\s+)?$")
_PLACES_AND_MORE = regex.compile(r"\s*(?:等(?:地|地区|县市|省市|省|市|县|国)|and\s+other\s+(?:places|cities|regions|countries|provinces))")
_PLACE_LIST_JOIN = regex.compile(rf"\s*(?:{T.CONJUNCT_BREAK.pattern}|\s+or\s+|\s*&\s*|或)\s*")


def _listed_with_place(folded: str, place: Mention, mentions: list[Mention]) -> bool:
    """Whether a place is listed with another ("Europe and China", "欧洲与中国大陆", "Japan, Korea")."""
    at = bisect.bisect_right([m.start for m in mentions], place.start)
    after = mentions[at] if at < len(mentions) else None
    before = mentions[at - 2] if at >= 2 else None
    return ((after is not None and after.kind in ("region", "world")
             and _PLACE_LIST_JOIN.fullmatch(folded, place.end, after.start) is not None)
            or (before is not None and before.kind in ("region", "world")
                and _PLACE_LIST_JOIN.fullmatch(folded, before.end, place.start) is not None))


def _with_full_names(mentions: list[Mention]) -> list[Mention]:
    """A one-word organisation name read as the one longer name of the article it opens or ends: "Rovers"
    after "Blackwater Rovers" (a name of another story, "Rovers Nations", does not count)."""
    longer = {m.name for m in mentions if m.kind == "org" and " " in m.name and not _NOT_ONE_NAME.search(m.name)}
    if not longer:
        return mentions
    out = []
    for m in mentions:
        # (as written: "Haneul Holdings", read "Haneul", is the parent, not a short form of "Haneul Beauty")
        if m.kind == "org" and " " not in m.name and m.words.startswith(m.name) and " " not in m.words.strip():
            full = [n for n in longer if n.startswith(m.name + " ") or n.endswith(" " + m.name)]
            if len(full) == 1:
                m = replace(m, name=full[0], rule=f"{m.rule} (the short form of {full[0]})")
        elif m.kind == "org" and " " in m.name and m.words.strip() == m.name:
            # ("Kangyuan Pharmacy" in the headline, "Kangyuan Pharmacy Chain" in the lede: a name and its
            # longer form, both written whole)
            full = [n for n in longer if n.startswith(m.name + " ")]
            if len(full) == 1:
                m = replace(m, name=full[0], rule=f"{m.rule} (the short form of {full[0]})")
        out.append(m)
    return out


def _dateline_only(folded: str, sentence: tuple[int, int]) -> bool:
    """A sentence that is only a dateline: a date ("新浪财经· 2024-07-02 08:32"), or a wire story's city
    ("BEIJING, Aug 12 (Reuters)"). (Quick tests first: a date's digits, a city's two capitals.)"""
    start, end = sentence
    if _DATE.search(folded, start, end) and _DATELINE.fullmatch(folded, start, end):
        return True
    first, second = folded[start:start + 1], folded[start + 1:start + 2]
    return ((first.isspace() or (first in _CAPITALS and second in _WIRE_CITY_CHARS))
            and _WIRE_DATELINE.fullmatch(folded, start, end) is not None)


def _blank_comments(folded: str) -> str:
    return _COMMENT.sub(lambda m: " " * len(m.group()), folded) if "<!--" in folded else folded


def uses_foreign_aliases(folded: str, own: dict[str, str], corpus: dict[str, str],
                         corpus_pattern: regex.Pattern | None, frames: list[Frame]) -> bool:
    """Whether a file framed with its `own` declared aliases would frame otherwise with the `corpus`'s: it
    writes a spelling the corpus maps to another name (`corpus_pattern` is `holders.declared_pattern` of
    `corpus`), or cites a source by such a spelling."""
    if corpus_pattern is None or all(own.get(s) == c for s, c in corpus.items()):
        return False
    if any(own.get(m.group()) != corpus[m.group()] for m in corpus_pattern.finditer(folded)):
        return True
    cited = {f.attribution.value for f in frames} | {(f.holder.value or "").partition("@")[0] for f in frames}
    return any(name in corpus and own.get(name) != corpus[name] for name in cited)
