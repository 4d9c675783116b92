"""Stage 2: find every numeric assertion in an article's text.

One compiled pattern finds number tokens (digits, English number words, Chinese numerals, 百分之…); each
token is then read outwards with small anchored patterns: scale words and ranges and units to its right,
currency signs, qualifiers and change verbs to its left. Dates, times, list and citation markers, names
with digits and numerals inside words are rejected on the way.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable

import regex

from . import numerals as nm
from .model import Article, Claim
from .normalise import Units, canonical

# The scanned copy of the text: full-width ASCII forms read as ASCII, the ideographic space as a space, and
# traditional numerals and unit characters as simplified ones. One character each, so offsets are kept.
# Inline patterns are compiled once: the regex module's own cache lookup costs more than the match.
_rx = functools.lru_cache(maxsize=None)(regex.compile)
# Digits joined by commas that are not thousands groups: 1,1,1 or 2,15,7.
_DIGIT_LIST = regex.compile(r"\d+(?:\.\d+)?(?:,\d+(?:\.\d+)?)+")
_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if cp != 0xFF0C}  # "，" stays a clause mark
_WIDTH.update(str.maketrans("\u3000−￥", " -¥"))
_WIDTH.update(str.maketrans("個點兩萬億陸貳參叄噸圓幣歐韓盧鎊臺週裏釐對塊錢", "个点两万亿陆贰叁叁吨元币欧韩卢镑台周里厘对块钱"))

_WIDTH_STR = {chr(k): chr(v) if isinstance(v, int) else v for k, v in _WIDTH.items()}
# The standard library's `re` scans a class of literal characters several times faster than `regex`.
_WIDTH_CHARS = re.compile("[" + "".join(re.escape(ch) for ch in sorted(_WIDTH_STR)) + "]")


def _width_char(m: re.Match) -> str:
    return _WIDTH_STR[m[0]]


_CN = nm.CN_CHARS
# 兆 inside a numeral only before more numerals or a currency (四十九兆九千亿元, 1兆日元); not 兆瓦, 陆兆显.
_ZHAO = r"兆(?=[" + _CN + r"\d]|元|日元|美元|新台币|台币|韩元|港元|人民币)"
# Thousands groups, or Indian lakh groups (12,34,567.89)
_DIGITS = r"(?:\d{1,2}(?:,\d\d)+,\d{3}(?!\d)|\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_EN_WORD = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
            r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
            r"ninety|hundred|thousand|million|billion|trillion|dozen)")
_FRACTIONS = {"half": Decimal(50), "a half": Decimal(50), "one half": Decimal(50), "a third": Decimal("33.3"),
              "one third": Decimal("33.3"), "two thirds": Decimal("66.7"), "a quarter": Decimal(25),
              "one quarter": Decimal(25), "three quarters": Decimal(75)}
_MULTIPLIERS = {"doubled": 2, "double": 2, "tripled": 3, "trebled": 3, "triple": 3, "quadrupled": 4,
                "翻番": 2, "翻一番": 2, "翻了一番": 2, "翻倍": 2, "翻了一倍": 2}

_TOKEN_VF = (r"(?P<vf>(?<![\d./])(?:(?P<vfw>\d{1,3})[ \t])?(?P<vfn>\d{1,2})/(?P<vfd>\d{1,2})(?![\d/])"
             r"|(?:(?P<vfw2>(?<![\d.])\d{1,3})[ \t]?)?(?P<vfu>[½¼¾⅓⅔⅛]))")
_TOKEN_D = (r"(?P<neg>(?<![\p{L}\p{N}.,)\]-])-(?=\d))?(?P<d>(?<![\d.])" + _DIGITS + r")(?P<dapprox>[多余])?"
            r"(?P<dcn>(?:[千百万亿萬億]|" + _ZHAO + r")*(?:[万亿萬億千]|" + _ZHAO + r"))?")
_TOKEN_ALTERNATIVES = (
    r"(?P<pcn>百分之(?:[" + _CN + r"点]+|" + _DIGITS + r"))",
    r"(?P<frac>[" + _CN + r"]+)分之(?P<fracnum>[" + _CN + r"点]+|" + _DIGITS + r")",
    _TOKEN_VF,
    _TOKEN_D,
    r"(?P<c>[" + _CN + r"]+(?:" + _ZHAO + r"[" + _CN + r"]*)*(?:点[" + "".join(nm.CN_DIGITS) + r"]+)?)",
    r"(?P<zhe>[对半][折成])",
    r"(?i:\b(?P<mult>doubled|tripled|trebled|quadrupled)\b)",
    r"(?P<cmult>翻了?一?[番倍])",
    r"(?i:\b(?P<f>(?:(?:a|one|two|three)[\s-])?(?:half|thirds?|quarters?))"
    r"(?:(?:\s+a)?\s+(?P<fsw>thousand|million|billion|trillion))?\b)",
    r"(?i:\b(?P<w>(?:a\s+)?" + _EN_WORD + r"(?:(?:\s+and\s+|[\s-]+)" + _EN_WORD + r")*)\b)",
)
TOKEN = regex.compile("|".join(_TOKEN_ALTERNATIVES))
# TOKEN where only its digits alternative can match (the others fail at once), with the same groups: for
# a token that starts with an ASCII digit or a minus sign and has no fraction slash or sign close after it.
_TOKEN_DIGITS = regex.compile("|".join(a if a is _TOKEN_D else "(?!)" + a for a in _TOKEN_ALTERNATIVES))
assert _TOKEN_DIGITS.groupindex == TOKEN.groupindex
# TOKEN's groups by number: the regex module looks a group up by name several times slower.
(_T_PCN, _T_FRAC, _T_FRACNUM, _T_VF, _T_VFW, _T_VFN, _T_VFD, _T_VFW2, _T_VFU, _T_NEG, _T_D, _T_DAPPROX, _T_DCN,
 _T_C, _T_ZHE, _T_MULT, _T_CMULT, _T_F, _T_FSW, _T_W) = (TOKEN.groupindex[name] for name in (
    "pcn", "frac", "fracnum", "vf", "vfw", "vfn", "vfd", "vfw2", "vfu", "neg", "d", "dapprox", "dcn", "c", "zhe",
    "mult", "cmult", "f", "fsw", "w"))

# Where TOKEN can start a match: every alternative opens with a digit, a minus sign, a Chinese numeral,
# 对/半/翻, a vulgar fraction, or (case-insensitively, at a word boundary) one of the English words below,
# perhaps after "a". TOKEN's big alternation scans slowly; these patterns find its possible starts fast, and
# TOKEN is matched (anchored) only there, which gives the same leftmost matches as TOKEN.search. They may
# find more starts than TOKEN matches at, never fewer.
_TOKEN_CHAR = regex.compile(r"[\d½¼¾⅓⅔⅛对半翻" + _CN + r"]|-(?=\d)")
_NUMBER_WORDS = ("zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                 "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                 "hundred|thousand|million|billion|trillion|dozen|half|third|quarter|doubled|tripled|trebled|"
                 "quadrupled")
_TOKEN_WORD = regex.compile(r"(?i)\b(?:a[\s-]+)?(?:" + _NUMBER_WORDS + ")")
# The same over the lower-cased text with the standard library's `re`, which scans it about twice as fast.
# Sound when lower-casing keeps every offset (only U+0130 İ lowers to two characters): the regex module's
# case-insensitive match of a letter is that letter lower-cased, or ſ for s (U+017F, which lower() keeps);
# its \s is within re's \s; and a word boundary before a letter rules out a letter, digit or _ before it.
_TOKEN_WORD_LOWER = re.compile(r"(?<![a-z0-9_])(?:a[\s-]+)?(?:" + _NUMBER_WORDS.replace("s", "[sſ]") + ")")
_VULGAR_CHARS = frozenset("½¼¾⅓⅔⅛")
_ASCII_DIGITS = re.compile("[0-9]+")


def _in_spans(spans: list[tuple[int, int]], at: int, hi: int) -> bool:
    k = bisect.bisect_right(spans, (at, hi + 1)) - 1
    return k >= 0 and spans[k][0] <= at < spans[k][1]


class _TokenScan:
    """`TOKEN.search(scan, pos, hi)` for increasing `pos`, matching TOKEN only where a match can start."""

    __slots__ = ("scan", "lower", "hi", "urls", "char", "word")

    def __init__(self, scan: str, lower: str | None, lo: int, hi: int, urls: list[tuple[int, int]]):
        self.scan, self.lower, self.hi, self.urls = scan, lower, hi, urls
        self.char = self.word = lo - 1  # the next candidate of each kind at or after the last `pos`

    def search(self, pos: int, left: int) -> "regex.Match | None":
        """The next token at or after `pos`; `left` is where `_read` will read its left context from."""
        scan, hi = self.scan, self.hi
        while True:
            if self.char < pos:
                c = _TOKEN_CHAR.search(scan, pos, hi)
                self.char = hi if c is None else c.start()
            if self.word < pos:
                if self.lower is None:
                    w = _TOKEN_WORD.search(scan, pos, hi)
                else:
                    w = _TOKEN_WORD_LOWER.search(self.lower, pos, hi)
                self.word = hi if w is None else w.start()
            if self.char < self.word:
                q = self.char
                ch = scan[q]
                # Only TOKEN's digits alternative can start at an ASCII digit or "-" when no fraction
                # (1/2, 3 1/4, 2½) is written right after.
                if ch in "0123456789-":
                    if ch != "-" and scan[q - 1:q] == "[" and q > left:
                        # A citation marker [12]: TOKEN would take the digits, and `_rejected_digits` drop
                        # them (unless inside a web address, which `_article` skips whole).
                        e = _ASCII_DIGITS.match(scan, q, hi).end()
                        if scan[e:e + 1] == "]" and e < hi and not _in_spans(self.urls, q, hi):
                            pos = e
                            continue
                    after = scan[q:q + 7]
                    if ch == "-" or ("/" not in after and (after.isascii() or _VULGAR_CHARS.isdisjoint(after))):
                        m = _TOKEN_DIGITS.match(scan, q, hi)
                    else:
                        m = TOKEN.match(scan, q, hi)
                else:
                    m = TOKEN.match(scan, q, hi)
            else:
                q = self.word
                if q >= hi:
                    return None
                m = TOKEN.match(scan, q, hi)
            if m is not None:
                return m
            pos = q + 1


_SCALE_EN = regex.compile(r"(?|\s*(?i:(thousand|million|billion|trillion|bn|mn|mln|tn|lakh|lakhs|crore|crores)\b)|(?i:(k))(?![A-Za-z]))")
_SCALE_MONEY = regex.compile(r"\s?(?i:(m|mn|bn|b|k))\b")
_RANGE = regex.compile(r"\s*(?:-|–|—|~|〜|to|至|到|and|或)\s*(?P<cur>US\$|A\$|\$|€|£|¥)?(?=[\d" + _CN + r"a-z])",
                       regex.I)
_PERCENT = regex.compile(r"\s*(?:%|(?i:per\s?cents?|pct|percentage\s+points?|percentage)\b|个百分点)")
_MEASURE = regex.compile(r"(?P<m>[多余]?(?:个|家|项|件|名|位|架|艘|辆|台|座|条|种|次|人|批|所|枚|颗|套|只|招|部|份|处|款|轮|支|场|轮|例|户|万人))")
_AFTER_ZH = regex.compile(r"\s*(?P<q>以上|以下|左右|多|余|之多|上下)")
_PER = regex.compile(r"\s*(?:per|a|/|each)\s*(?P<per>ton|tonne|kg|kilogram|barrel|ounce|year|month|day|share|unit|person|capita)s?\b",
                     regex.I)
_TIMES = regex.compile(r"\s*(?:-\s*)?(?i:times|fold)\b")
# After a bare digit: a function word that starts no noun, unit or range ("of" may: "3 of the firms").
_BARE_NEXT = regex.compile(r"\s+(?P<w>and|or|to|in|on|at|by|for|the|with|from|as|is|was|were|are|but|if|than)\b\s*")
_MODEL_NAME = regex.compile(r"[A-Z][A-Z0-9]{2,}\b(?![-'’])")
_PERCENT_OF_LEFT = regex.compile(r"(?<![\d%]\s*)(?P<word>\b(?i:per\s?cents?|percents?)\s+of\s+)$")
_NOUN = regex.compile(r"(?:\s+|-)(?P<w1>[a-z][a-z-]*|[A-Z][a-z]+(?:-[a-z]+)*(?![\w-]))(?:\s+(?P<w2>[a-z][a-z-]*))?")
# Money written before the figure: symbols, prefixed dollar signs (HK$, C$, NT$) and ISO codes (USD 5).
_CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY",
                     "₱": "PHP", "₫": "VND", "₦": "NGN", "₿": "BTC", "₡": "CRC", "₾": "GEL", "₭": "LAK",
                     "ரூ": "LKR"}
_DOLLAR_PREFIXES = {"US": "USD", "A": "AUD", "AU": "AUD", "AUD": "AUD", "HK": "HKD", "HKD": "HKD", "C": "CAD",
                    "CA": "CAD", "CAD": "CAD", "NZ": "NZD", "NZD": "NZD", "S": "SGD", "SG": "SGD", "R": "BRL",
                    "MEX": "MXN", "MX": "MXN", "MXN": "MXN", "NT": "TWD", "USD": "USD"}
_CURRENCY_ISO = ("USD", "AUD", "EUR", "GBP", "JPY", "RMB", "CNY", "INR", "RUB", "CHF", "HKD", "CAD", "NZD",
                 "SGD", "KRW", "BTC", "MXN", "TRY", "TWD", "BRL", "ZAR", "NGN", "THB", "VND", "MYR", "IDR")
_CURRENCY_LEFT = regex.compile(
    # One-letter prefixes only as written in upper case and attached (A$5), so "a $5 bill" stays USD.
    r"(?<![A-Za-z])(?P<cur>(?i:(?:" + "|".join(sorted((k for k in _DOLLAR_PREFIXES if len(k) > 1), key=len,
                                                      reverse=True)) + r")\s?\$)"
    r"|(?-i:[ACSR])\$|(?-i:c)\s?\$"
    r"|(?-i:[MKk](?:" + "|".join(_CURRENCY_ISO) + r"))"  # MUSD, MEUR: millions; kUSD: thousands
    r"|[$€£¥" + "".join(k for k in _CURRENCY_SYMBOLS if len(k) == 1 and k != "$") + r"]|ரூ"
    r"|(?i:" + "|".join(_CURRENCY_ISO) + r"|Rs\.?))\s?$")
_CURRENCY_WORD_LEFT = regex.compile(r"(?i:\b(euros?|dollars?|yuan|yen|rubles?|roubles?|rupees?)[ \t]$)")
_ISO_ATTACHED = regex.compile(r"(?<![A-Za-z])(?:[MKk]?(?:" + "|".join(_CURRENCY_ISO) + r"))$")
_CURRENCY_SCALED = regex.compile(r"[ \t]?(?P<k>[MKk])(?P<iso>" + "|".join(_CURRENCY_ISO) + r")\b")
_CURRENCY_RIGHT = regex.compile(r"[ \t]?(?P<cur>[" + "".join(k for k in _CURRENCY_SYMBOLS if len(k) == 1)
                                + r"]|ரூ)(?![\p{N}\p{L}])")
_MILLION_NOUN = regex.compile(r"\s+(?:(?!(?:is|was|has|as|its|this|us|plus|across|thus|his|less|versus)\b)"
                           r"[a-z]{2,}s|people)\b")
_MINUS_LEFT = regex.compile(r"(?:负|(?i:\b(?:minus|negative))\s+)$")
_QUALIFIER_EN = regex.compile(
    r"(?i:(?P<q>about|approximately|approx\.|around|roughly|some|an\s+estimated|estimated|nearly|almost|"
    r"close\s+to|just\s+over|well\s+over|over|more\s+than|above|exceeding|exceeded|exceeds|exceed|"
    r"in\s+excess\s+of|upwards\s+of|at\s+least|no\s+less\s+than|no\s+fewer\s+than|up\s+to|"
    r"as\s+(?:much|many|high|low|little|few)\s+as|at\s+most|no\s+more\s+than|just\s+under|below|under|"
    r"less\s+than|fewer\s+than|between))\s+(?:the\s+)?$")
# How a qualifier before a figure can end (lower case, one space between words), so that the search of
# _QUALIFIER_EN, which tries every position of its window, runs only where one may match (`_qualifier_en`).
_QUALIFIER_EN_ENDS = (
    "about", "approximately", "approx.", "around", "roughly", "some", "estimated", "nearly", "almost",
    "close to", "over", "more than", "above", "exceeding", "exceeded", "exceeds", "exceed", "in excess of",
    "upwards of", "at least", "less than", "fewer than", "up to", "as much as", "as many as", "as high as",
    "as low as", "as little as", "as few as", "at most", "under", "below", "between")
_QUALIFIER_ZH = regex.compile(
    r"(?P<q>大约|大概|约|将近|接近|近|超过|超|逾|多达|高达|至少|不少于|不低于|不足|不到|不超过|最多|少于|低于|高于|大于|达到|达)(?:要|需要|需|得|有|将|会|可)?\s*$")
_QUALIFIER_KIND = {
    "about": "approx", "approximately": "approx", "approx.": "approx", "around": "approx", "roughly": "approx",
    "some": "approx", "an estimated": "approx", "estimated": "approx", "nearly": "at_most", "almost": "at_most",
    "close to": "at_most", "just over": "over", "well over": "over", "over": "over", "more than": "over",
    "above": "over", "exceeding": "over", "exceeded": "over", "exceeds": "over", "exceed": "over",
    "in excess of": "over", "upwards of": "over", "at least": "at_least", "no less than": "at_least",
    "no fewer than": "at_least", "up to": "at_most", "as much as": "at_most", "as many as": "at_most",
    "as high as": "exact", "as low as": "exact", "as little as": "exact", "as few as": "exact",
    "at most": "at_most", "no more than": "at_most", "just under": "under", "below": "under", "under": "under",
    "less than": "under", "fewer than": "under",
    "大约": "approx", "大概": "approx", "约": "approx", "将近": "at_most", "接近": "at_most", "近": "at_most",
    "超过": "over", "超": "over", "逾": "over", "多达": "at_most", "高达": "exact", "至少": "at_least",
    "不少于": "at_least", "不低于": "at_least", "不足": "under", "不到": "under", "不超过": "at_most",
    "最多": "at_most", "少于": "under", "低于": "under", "高于": "over", "大于": "over", "达到": "exact",
    "达": "exact", "以上": "over", "以下": "at_most", "左右": "approx", "上下": "approx", "多": "over",
    "余": "over", "之多": "exact",
}
_DOWN_LEFT = regex.compile(
    r"(?i:\b(?:down|fell|falls?|fallen|falling|dropp?(?:ed|s|ing)?|declin(?:ed|es|e|ing)|decreas(?:ed|es|e|ing)|"
    r"plung(?:ed|es|e|ing)|slump(?:ed|s)?|cut|reduc(?:ed|es|e|ing)|lower(?:ed)?|shr[ua]nk|shrinks?|"
    r"tumbl(?:ed|es)|slid|sank|contract(?:ed|s))(?:(?:\s+[\w-]+){0,3}?\s+by)?\s+(?:about\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?$)"
    r"|(?:下降|下跌|减少|降低|缩减|萎缩|下滑|回落|暴跌|跌|降|减)了?(?:约|近|超过)?$")
_UP_LEFT = regex.compile(
    r"(?i:\b(?:up|rose|rises?|risen|rising|increas(?:ed|es|e|ing)|gr[eo]w(?:n|s|ing)?|surg(?:ed|es|e|ing)|"
    r"jump(?:ed|s)?|climb(?:ed|s)?|soar(?:ed|s)?|gain(?:ed|s)?|rais(?:ed|es|e)|boost(?:ed|s)?|expand(?:ed|s)?)"
    r"(?:(?:\s+[\w-]+){0,3}?\s+by)?\s+(?:about\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?$)"
    r"|(?:增长|上升|上涨|提高|增加|提升|攀升|飙升|暴涨|涨|增)了?(?:约|近|超过)?$")
_CHANGE_RIGHT = regex.compile(
    r"\s*(?i:(?:(?:year|month|quarter|week)-on-(?:year|month|quarter|week)|annual|yearly|y/y|yoy)\s+)?"
    r"(?i:(?P<up>increase|rise|growth|gain|jump|hike|surge|boost)|(?P<down>drop|decline|decrease|fall|cut|"
    r"reduction|plunge|slump|contraction))\b")
_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
           r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_MONTH_LEFT = regex.compile(_MONTHS + r"\.?\s+$")
_MONTH_RIGHT = regex.compile(r"(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTHS + r"\b")
_MARKER_LEFT = regex.compile(
    r"(?:\b(?:Group|Section|Part|Phase|Chapter|Article|Item|Step|Stage|Round|Tier|Level|Class|Type|No|Number|"
    r"Figure|Fig|Table|Point|Option|Question|Case|Rule|Volume|Vol|Page|p|pp|Box|Annex|Appendix|Title|Division|"
    r"Schedule|Clause|Paragraph|Room|Line|Route|Highway|Flight|Gate|Model|Version|Series|Mark|Mk|Block|Unit|"
    r"Lot|Batch|Order|Term|Session|Episode|Season|Grade|Category|Cat|Zone|Region|Sector|Act|Plan|Sec|Art)\.?\s*$)"
    r"|(?:[#№第其])\s*$")
_YEAR = regex.compile(r"(?<![\d.]|\d,)(1[89]\d\d|20\d\d)(?:\s*年(?!代)|(?![\d%]))")
_DECADE = regex.compile(r"(?<![\d.]|\d,)(1[89]\d0|20\d0)(?:s\b|\s*年代)")
_URL = regex.compile(r"(?i:\b(?:https?://|www\.)[^\s<>\"，。）)]+)")
_CLAUSE_BREAK = regex.compile(r"[,;，；、:：()（）]")
# A full stop ends a sentence unless it closes an abbreviation (U.S., Mr., No.).
_SENTENCE_BREAK = regex.compile(
    r"(?<!\d|\b[A-Z]|\b(?:Mr|Ms|Mrs|Dr|St|No|vs|etc|Inc|Co|Corp|Ltd|Jr|Sr|Gov|Sen|Rep|Gen|approx))\.(?=\s|$)"
    r"|[!?。！？\n]|(?<=\d)\.(?=\s+[A-Z])|(?<=\s)-(?=\s+[A-Z])")
_CJK = regex.compile(r"\p{Han}")
_LATIN = regex.compile(r"[A-Za-z]")
# Function words: never the thing a figure counts (shared with subjects' automatic grouping).
FUNCTION_WORDS = _STOP_NOUNS = frozenset({
    "of", "the", "a", "an", "and", "or", "to", "in", "on", "at", "by", "for", "from", "with", "as", "is",
    "are", "was", "were", "be", "been", "that", "this", "these", "those", "it", "its", "their", "his",
    "her", "than", "more", "less", "per", "each", "which", "who", "while", "but", "has", "have", "had",
    "will", "would", "can", "could", "may", "might", "also", "only", "into", "over", "under", "about",
    "s", "not", "no", "up", "down", "out", "after", "before", "since", "until", "across", "among",
})
_ADJ_ENDINGS = ("al", "ic", "ive", "ous", "ful", "ary", "ern", "ese", "ian", "an", "ed", "ing", "major",
                "new", "big", "key", "top", "other", "main", "large", "small", "active", "further")
# Change verbs turn a share into a signed change ("fell 34%" -> -34).
_SIGNED_UNITS = {"percent", "percentage_point"}
_TIME_LIKE = {"year", "month", "week", "day", "hour"}


# Spaces between Chinese characters, or between a Chinese character and a digit, carry no meaning
# (百 分 之 2, 六 点 五 成, 约 300 吨): the scanned copy drops them, and `_Gaps` maps offsets back.
_SQUEEZE = regex.compile(r"(?<=\p{Han})[ \t]+(?=[\p{Han}\d])|(?<=\d)[ \t]+(?=\p{Han})")
_FW_GROUP = regex.compile(r"(?<=[０-９])，(?=[０-９]{3}(?![０-９]))")


class _Gaps:
    """Where `_squeeze` dropped characters: maps offsets between the squeezed scan and the file text."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.text_starts = [a for a, _ in spans]  # where each dropped run starts in the text
        self.scan_at: list[int] = []  # where each dropped run was, in the scan
        self.removed: list[int] = []  # characters dropped up to and including each run
        total = 0
        for a, b in spans:
            self.scan_at.append(a - total)
            total += b - a
            self.removed.append(total)
        self.spans = spans

    def to_text(self, p: int, is_start: bool) -> int:
        # A start just after a dropped run lies after it in the text; an end just before one, before it.
        i = bisect.bisect_right(self.scan_at, p) if is_start else bisect.bisect_left(self.scan_at, p)
        return p + (self.removed[i - 1] if i else 0)

    def to_scan(self, t: int) -> int:
        i = bisect.bisect_right(self.text_starts, t)
        if not i:
            return t
        a, b = self.spans[i - 1]
        before = self.removed[i - 2] if i >= 2 else 0
        return t - before - (min(t, b) - a)


def _squeeze(scan: str) -> tuple[str, _Gaps | None]:
    spans = [m.span() for m in _SQUEEZE.finditer(scan)]
    if not spans:
        return scan, None
    kept, prev = [], 0
    for a, b in spans:
        kept.append(scan[prev:a])
        prev = b
    kept.append(scan[prev:])
    return "".join(kept), _Gaps(spans)


@dataclass
class _Reading:
    start: int
    end: int
    value: Decimal
    high: Decimal | None
    precision: Decimal
    unit: str | None  # pint unit name, or None for a bare number
    qualifier: str = "exact"
    cue: str | None = None
    direction: str | None = None
    noun: str | None = None
    scaled: bool = False


def _scale_word(word: str) -> Decimal:
    return Decimal(nm.EN_SCALES[word.lower()])


def _read_number(m: regex.Match) -> nm.Number | None:
    """The value of a TOKEN match's number, or None when it is not a number we read."""
    try:
        if m[_T_D] is not None:
            number = nm.parse_digits(m[_T_D])
            if m[_T_DCN]:
                number = nm.apply_scale(number, nm.parse_chinese("一" + m[_T_DCN]).value)
            if m[_T_DAPPROX]:
                # 500余 is 500 to 600, 520余 520 to 530, 3.5余 3.5 to 3.6: one step of the last written digit
                whole = m[_T_D].replace(",", "")
                if "." in whole:
                    step = nm.digits_precision(whole)
                else:
                    step = Decimal(10) ** (len(whole) - len(whole.rstrip("0"))) if whole.strip("0") else Decimal(1)
                scale = nm.parse_chinese("一" + m[_T_DCN]).value if m[_T_DCN] else Decimal(1)
                base = nm.parse_digits(m[_T_D]).value
                return nm.Number(number.value, number.precision, (base + step) * scale)
            return number
        if m[_T_C] is not None:
            text = m[_T_C]
            approx = None
            if "多" in text or "余" in text:
                return None  # handled by the caller for 十多万-style forms
            return nm.parse_chinese(text) if approx is None else approx
        if m[_T_W] is not None:
            return nm.parse_english(m[_T_W])
    except (ValueError, ArithmeticError):
        return None
    return None


# The characters the regex module matches case-insensitively to an ASCII letter besides its two cases.
_FOLD_TO_ASCII = {"ſ": "s", "\u212a": "k", "\u0130": "i"}


class _UnitMatcher:
    """`units.pattern.match`, answered at once where no unit's surface form can start.

    The lexicon's pattern is a long alternation (hundreds of surface forms) tried one by one at every
    position asked; most positions (after "and", "of") start none. A form starts at `pos` only if the text
    there begins, case-insensitively, with its first three characters (up to a space, which the pattern
    reads as any run of spaces), or is the whole form (three characters or fewer) followed by no ASCII
    letter or digit; a non-ASCII form only where its first character is. The test applies when the pattern
    is the one `load_units` builds from the surface forms; another pattern is always run.
    """

    __slots__ = ("pattern", "exact", "heads", "whole", "first")

    def __init__(self, units: Units):
        self.pattern = units.pattern
        alternatives = sorted(units.surfaces, key=len, reverse=True)
        ascii_alts = [regex.escape(a).replace(r"\ ", r"\s+") for a in alternatives if a.isascii()]
        cjk_alts = [regex.escape(a) for a in alternatives if not a.isascii()]
        rebuilt = r"(?:(?i:" + "|".join(ascii_alts) + r")(?![\p{L}\p{N}])|" + "|".join(cjk_alts) + ")"
        self.exact = rebuilt == units.pattern.pattern and units.pattern.flags == regex.compile(rebuilt).flags
        self.whole = frozenset(a for a in alternatives if a.isascii() and len(a) <= 3 and " " not in a)
        self.heads = frozenset(a[:3].split(" ")[0] for a in alternatives if a.isascii() and a not in self.whole)
        self.first = frozenset(a[0] for a in alternatives if not a.isascii())
        self.exact = self.exact and all(a == a.lower() and a[:1].strip() for a in alternatives if a.isascii())

    def match(self, s: str, pos: int, endpos: int | None = None) -> regex.Match | None:
        if self.exact:
            end = len(s) if endpos is None else min(endpos, len(s))
            head = s[pos:min(pos + 3, end)]
            if head.isascii():
                head = head.lower()
            else:
                head = "".join(_FOLD_TO_ASCII.get(ch, ch) if not ch.isascii() else ch.lower() for ch in head)
            heads = self.heads
            if not (head[:1] in heads or head[:2] in heads or head[:3] in heads or s[pos:pos + 1] in self.first):
                whole = self.whole
                for k in (1, 2, 3):
                    if k <= len(head) and head[:k] in whole:
                        after = s[pos + k] if pos + k < end else ""
                        if not (after.isascii() and after.isalnum()):
                            break
                else:
                    return None
        return self.pattern.match(s, pos) if endpos is None else self.pattern.match(s, pos, endpos)


class Extractor:
    """Extracts claims from decoded text. Holds the compiled unit lexicon; reuse one per run."""

    def __init__(self, units: Units):
        self.units = units
        self._unit = _UnitMatcher(units).match

    # -- public --------------------------------------------------------------------------------------

    def extract(self, text: str, articles: Iterable[Article], file: str) -> list[Claim]:
        if "，" in text:  # ９，９９９: a full-width comma between full-width digits groups thousands
            text_ = _FW_GROUP.sub(",", text)
        else:
            text_ = text
        if text_.isascii():  # nothing to translate, and no Chinese characters to squeeze spaces between
            scan, gaps = text_, None
        else:
            # Only the few characters that change are replaced: str.translate looks up every character.
            scan = _WIDTH_CHARS.sub(_width_char, text_) if _WIDTH_CHARS.search(text_) else text_
            scan, gaps = _squeeze(scan) if _CJK.search(scan) else (scan, None)
        lower = scan.lower()
        if len(lower) != len(scan):
            lower = None  # offsets differ (İ): find English number words in `scan` itself
        claims: list[Claim] = []
        for article in articles:
            if gaps is None:
                claims.extend(self._article(scan, text, article, file, None, lower))
            else:
                moved = Article(article.id, article.file, article.title, article.source, article.date,
                                gaps.to_scan(article.start), gaps.to_scan(article.end))
                claims.extend(self._article(scan, text, moved, file, gaps, lower))
        return claims

    # -- per article ---------------------------------------------------------------------------------

    def _article(self, scan: str, original: str, article: Article, file: str,
                 gaps: "_Gaps | None" = None, lower: str | None = None) -> list[Claim]:
        lo, hi = article.start, article.end
        breaks = [m.end() for m in _SENTENCE_BREAK.finditer(scan, lo, hi)]
        years = [(m.start(), m.end(), int(m[1])) for m in _YEAR.finditer(scan, lo, hi)]
        years += [(m.start(), m.end(), int(m[1])) for m in _DECADE.finditer(scan, lo, hi)]
        years.sort()
        # A web address holds "://" or "www." (whose letters match no other character case-insensitively).
        if scan.find("://", lo, hi) >= 0 or (lower.find("www.", lo, hi) >= 0 if lower is not None
                                             else "www." in scan[lo:hi].lower()):
            urls = [(u.start(), u.end()) for u in _URL.finditer(scan, lo, hi)]
        else:
            urls = []
        out: list[Claim] = []
        pos = floor = lo
        tokens = _TokenScan(scan, lower, lo, hi, urls)
        while True:
            m = tokens.search(pos, max(lo, floor))
            if m is None:
                break
            k = bisect.bisect_right(urls, (m.start(), hi + 1)) - 1
            if k >= 0 and urls[k][0] <= m.start() < urls[k][1]:
                pos = urls[k][1]  # numbers inside a web address are not figures
                continue
            if m[_T_D] is not None and scan.startswith(",", m.end()) and scan[m.end() + 1:m.end() + 2].isdigit():
                run = _DIGIT_LIST.match(scan, m.start(), hi)
                if run is not None:  # 1,1,1 or 3,5,12: a list of numbers, not a figure; skip it whole
                    pos = run.end()
                    continue
            # Left context is read back only to the end of the previous claim (10 rmb 20 usd: "rmb" is taken).
            reading = self._read(scan, m, max(lo, floor), hi)
            if reading is None:
                pos = m.end()
                continue
            pos = max(reading.end, m.end())
            claim = self._claim(scan, original, article, file, reading, breaks, years, lo, hi, gaps)
            if claim is not None:
                out.append(claim)
                floor = reading.end
        return out

    def _claim(self, scan: str, original: str, article: Article, file: str, r: _Reading,
               breaks: list[int], years: list[tuple[int, int, int]], lo: int, hi: int,
               gaps: "_Gaps | None" = None) -> Claim | None:
        if r.unit is None:
            if r.noun is None and r.high is None and r.qualifier == "exact" and 0 <= r.value < 10:
                return None  # a bare single digit counts nothing: "1 and", lists such as 1,1,1
            unit_name = "count"
        else:
            unit_name = r.unit
        value, unit = canonical(self.units, r.value, unit_name)
        factor = value / r.value if r.value else Decimal(1)
        high = None if r.high is None else r.high * factor
        precision = r.precision * factor
        if r.direction == "down" and unit in _SIGNED_UNITS:
            value, high = (-high, -value) if high is not None else (-value, None)
        i = bisect.bisect_right(breaks, r.start)
        s_start = breaks[i - 1] if i > 0 else lo
        j = bisect.bisect_left(breaks, r.end)
        s_end = breaks[j] if j < len(breaks) else hi
        # At most 600 characters either side: text without breaks (1,1,1,…) must not make each claim copy
        # and scan the whole text (quadratic time and memory).
        s_start, s_end = max(s_start, r.start - 600), min(s_end, r.end + 600)
        year = _claim_year(scan, r, years, s_start, s_end)
        start, end = r.start, r.end
        if gaps is not None:  # back to offsets in the file text
            start, end = gaps.to_text(start, True), gaps.to_text(end, False)
            s_start, s_end = gaps.to_text(s_start, True), gaps.to_text(s_end, False)
        sentence = original[s_start:s_end].strip()
        qualifier = r.qualifier
        if high is not None and qualifier == "exact":
            qualifier = "range"
        if sentence.isascii() or _CJK.search(sentence) is None:  # no Chinese: "zh" only without Latin letters
            lang = "en" if _LATIN.search(sentence) else "zh"
        else:
            lang = "zh" if len(_CJK.findall(sentence)) * 2 >= len(_LATIN.findall(sentence)) else "en"
        return Claim(
            file=file, article=article.id, start=start, end=end, text=original[start:end],
            sentence=sentence, value=float(value), value_high=None if high is None else float(high),
            unit=unit, qualifier=qualifier, precision=float(precision), direction=r.direction, noun=r.noun,
            lang=lang, cue=r.cue, year=year,
        )

    # -- reading one token ---------------------------------------------------------------------------

    def _read(self, s: str, m: regex.Match, lo: int, hi: int) -> _Reading | None:
        if m[_T_D] is not None:  # the commonest token; TOKEN's alternatives exclude one another
            return self._read_digits(s, m, lo, hi)
        start, end = m.span()
        if m[_T_PCN] is not None:
            if s.startswith("分之", end):
                return None  # 百分之百分之…: the numeral opens another fraction, it is not this one's figure
            body = m[_T_PCN][3:]
            if body[0].isdigit():
                number = nm.parse_digits(body)
                sm = _SCALE_EN.match(s, end)  # 百分之3.2k
                if sm:
                    number = nm.apply_scale(number, _scale_word(sm[1]))
                    end = sm.end()
            else:
                number = _safe_chinese(body)
                while number is None and len(body) > 1:  # 百分之七十百分位: the numeral ends where it parses
                    body, end = body[:-1], end - 1
                    number = _safe_chinese(body) if body[-1] != "点" else None
            if number is None:
                return None
            r = _Reading(start, end, number.value, number.high, number.precision, "percent")
            return self._qualify(s, r, lo, hi)
        if m[_T_ZHE] is not None:  # 打对折, 半折 = 50%; 半成 = 5% (not 半成品, 对折扣)
            zhe, after = m[_T_ZHE], s[end:end + 1]
            if zhe == "对成" or (zhe == "对折" and s[start - 1:start] not in ("打", "享", "按")) \
                    or (zhe == "半折" and after == "扣") \
                    or (zhe == "半成" and _CJK.match(after) and after not in "的以左上多"):
                return None
            value = Decimal(5) if zhe == "半成" else Decimal(50)
            return self._qualify(s, _Reading(start, end, value, None, Decimal(5), "percent"), lo, hi)
        if m[_T_F] is not None and m[_T_FSW] is not None:  # half a million, a quarter billion, three quarters million
            words = m[_T_F].lower()
            if "third" in words or words.startswith("two"):
                return None
            part = Decimal("0.5") if "half" in words else Decimal("0.75") if "three" in words else Decimal("0.25")
            scale = _scale_word(m[_T_FSW])
            r = _Reading(start, end, part * scale, None, part * scale, None, scaled=True)
            return self._extend(s, m, r, lo, hi)
        if m[_T_FRAC] is not None:
            if all(ch in nm.CN_LARGE for ch in m[_T_FRAC]):  # 万分之三, 万万分之七
                den = nm.Number(Decimal(1), Decimal(1))
                for ch in m[_T_FRAC]:
                    den = nm.Number(den.value * nm.CN_LARGE[ch], Decimal(1))
            else:
                den = _safe_chinese(m[_T_FRAC])
            num = nm.parse_digits(m[_T_FRACNUM]) if m[_T_FRACNUM][0].isdigit() else _safe_chinese(m[_T_FRACNUM])
            if den is None or num is None or den.value == 0:
                return None
            pct = num.value / den.value * 100
            step = num.precision / den.value * 100
            if pct != pct.quantize(Decimal("1e-12")):  # 三分之一: a repeating fraction, read to 0.1
                pct, step = pct.quantize(Decimal("0.1")), Decimal("0.1")
            r = _Reading(start, end, pct.normalize(), None, step.normalize(), "percent")
            return self._qualify(s, r, lo, hi)
        if m[_T_MULT] is not None or m[_T_CMULT] is not None:
            word = (m[_T_MULT] or m[_T_CMULT]).lower()
            r = _Reading(start, end, Decimal(_MULTIPLIERS.get(word, 2)), None, Decimal(1), "ratio",
                         direction="up")
            return r
        if m[_T_F] is not None:
            if m[_T_F].lower() in ("third", "thirds", "quarter", "quarters"):
                return None  # "a quarter" and "one third" are shares; "third" alone is an ordinal
            after = s[end:end + 6].lower()
            if not _rx(r"\s+(?:of|the)\b").match(after):
                return None
            word = _rx(r"[\s-]+").sub(" ", m[_T_F].lower())
            value = _FRACTIONS.get(word)
            if value is None:
                return None
            return self._qualify(s, _Reading(start, end, value, None, Decimal(1), "percent", "approx",
                                             cue=m[_T_F].lower()), lo, hi)
        if m[_T_C] is not None:
            return self._read_chinese(s, m, lo, hi)
        if m[_T_VF] is not None:
            return self._read_fraction(s, m, lo, hi)
        number = _read_number(m)
        if number is None:
            return None
        return self._number(s, m, number, start, end, lo, hi)

    def _read_digits(self, s: str, m: regex.Match, lo: int, hi: int) -> _Reading | None:
        if len(m[_T_D]) > 40:
            return None  # a run of 40+ digits is an identifier or noise, never a figure
        if len(m[_T_D]) == 1 and self._bare_digit(s, m, lo, hi):
            return None
        if self._rejected_digits(s, m, lo, hi):  # before reading the value: most rejected tokens are cheap
            return None
        number = _read_number(m)
        if number is None:
            return None
        start, end = m.span()
        return self._number(s, m, number, start, end, lo, hi)

    def _bare_digit(self, s: str, m: regex.Match, lo: int, hi: int) -> bool:
        """A single digit that `_claim` would drop (no unit, noun, range or qualifier), told cheaply: "1 and
        between", "2 or". Keeps text full of such digits (`between 1 and` x 10k) as fast as prose."""
        if m[_T_NEG] or m[_T_DAPPROX] or m[_T_DCN]:
            return False
        nb = _BARE_NEXT.match(s, m.end(), hi)
        if nb is None or TOKEN.match(s, nb.end(), hi) is not None or self.units.unit_for(nb["w"]) is not None:
            return False
        start = m.start()
        if _currency_left(s[max(lo, start - 8):start]) or _PERCENT_OF_LEFT.search(s, max(lo, start - 20), start):
            return False
        left = s[max(lo, start - 40):start]
        if left.rstrip()[-7:].lower() == "between" and left[-1:].isspace():
            return True  # "between" qualifies only a range, and none follows
        qm = _qualifier_en(left) or (_QUALIFIER_ZH.search(left) if not left.isascii() else None)
        return qm is None or qm["q"].lower() == "between"

    def _number(self, s: str, m: regex.Match, number: nm.Number, start: int, end: int, lo: int,
                hi: int) -> _Reading | None:
        if m[_T_NEG]:  # -22.2%: a signed figure, not a hyphen (F-35 and 8-10 are read elsewhere)
            number = nm.Number(-number.value, number.precision, None)
        scaled = bool(m[_T_DCN])
        if m[_T_DCN] and m[_T_DCN][-1] == "千" and not m[_T_DAPPROX] and _thousand_unit(self.units, s, end - 1):
            # 323千卡, 100万千瓦: the 千 belongs to the unit
            dcn = m[_T_DCN][:-1]
            number = nm.parse_digits(m[_T_D])
            if dcn:
                number = nm.apply_scale(number, nm.parse_chinese("一" + dcn).value)
            end, scaled = end - 1, bool(dcn)
        r = _Reading(start, end, number.value, number.high, number.precision, None)
        if m[_T_DAPPROX]:
            r.qualifier, r.cue = "range", m[_T_DAPPROX]
        r.scaled = scaled
        if m[_T_W] is not None:
            word = m[_T_W].lower()
            if word in ("hundred", "thousand", "million", "billion", "trillion"):
                return None  # "USD million", "thousand of": a scale word alone is no figure
            if word in ("one", "a", "zero") or word.startswith("a ") and word not in (
                    "a dozen", "a hundred", "a thousand", "a million", "a billion", "a trillion"):
                if not self._unit_follows(s, end):
                    return None
            article = _rx(r"(?i:a\s+)(?!hundred|thousand|million|billion|trillion|dozen)").match(m[_T_W])
            if article:
                r.start += article.end()  # "a five-year tax": the article belongs to the tax
        return self._extend(s, m, r, lo, hi)

    def _read_fraction(self, s: str, m: regex.Match, lo: int, hi: int) -> _Reading | None:
        """1/4 mile, 10 1/2 miles, ½ cup: a written fraction, taken only when a unit follows (not 24/7, 9/11)."""
        if m[_T_VFU]:
            frac, whole = _VULGAR[m[_T_VFU]], m[_T_VFW2]
        else:
            if int(m[_T_VFD]) == 0 or int(m[_T_VFN]) >= int(m[_T_VFD]):
                return None
            frac, whole = Decimal(m[_T_VFN]) / Decimal(m[_T_VFD]), m[_T_VFW]
        value = Decimal(whole or 0) + frac
        r = _Reading(m.start(), m.end(), value, None, frac if frac < 1 else Decimal(1), None)
        ext = self._extend(s, m, r, lo, hi)
        if ext is None or ext.unit in (None, "count", "ratio"):
            return None
        return ext

    def _unit_follows(self, s: str, pos: int) -> bool:
        return bool(s[pos:pos + 1] in (" ", "-") and self._unit(s, pos + 1)) \
            or bool(_PERCENT.match(s, pos))

    def _rejected_digits(self, s: str, m: regex.Match, lo: int, hi: int) -> bool:
        """Digits that are not figures: names, dates, times, markers, citations."""
        start, end = m.start(_T_D), m.end()
        digits = m[_T_D]
        before = s[start - 1] if start > lo else " "
        after = s[end] if end < hi else " "
        if before.isascii() and before.isalpha() and not _ISO_ATTACHED.search(s, max(lo, start - 5), start):
            return True  # G7, H20, COVID-19 reads as "-19" below; not USD115
        if before in "-–" and _rx(r"[A-Za-z][A-Za-z0-9]*[-–]$").search(s[max(lo, start - 12):start]):
            return True  # F-35, Type-055, SCP2-173
        if before == "[" and after in "],":
            return True  # citation markers [3][5]
        if after == " " and len(digits) >= 3 and digits.isdigit():
            model = _MODEL_NAME.match(s, end + 1, hi)
            if model and not self.units.pattern.match(s, end + 1) and model[0][-3:] not in _CURRENCY_ISO:
                return True  # the 737 MAX, a 747 SP: a model number, not a figure
        if after == ":" and end + 1 < hi and s[end + 1].isdigit():
            return True  # clock time 06:38
        if before == ":" and start - 2 >= lo and s[start - 2].isdigit():
            return True
        if _rx(r"[-/.]\d").match(s[end:end + 2]) and _rx(r"(?:[-/]\d{1,2}[-/]\d{1,4}|\.\d+\.\d)").match(s[end:end + 10]):
            return True  # 2025-11-18, 11/18/2025, version 1.2.3
        if before in "-/." and _rx(r"(?<!\d)\d{4}[-/.](?:\d{1,2}[-/.])?$").search(s[max(lo, start - 8):start]):
            return True  # the month and day of 2025-11-18
        if after == "/" and _rx(r"/\d{1,2}/\d{2,4}").match(s[end:end + 11]):
            return True
        if after.isascii() and after.isalpha():
            tail = _rx(r"[A-Za-z]+").match(s[end:end + 12])[0]
            if tail.lower() in ("st", "nd", "rd", "th"):
                return True  # ordinals
            if not (self._unit(s, end) or _SCALE_EN.match(s, end) or
                    _SCALE_MONEY.match(s, end) or tail.lower() in ("s",)):
                return True  # 5G, 3D, model numbers
            if tail.lower() == "s":
                return True  # the 1990s
        if "," not in digits and "." not in digits and len(digits) == 4 and 1000 <= int(digits) <= 2199:
            if not self._unit_after_year(s, end):
                return True  # a year used as a date
        window = s[max(lo, start - 12):start]
        if _MONTH_LEFT.search(window) or _MONTH_RIGHT.match(s, end):
            if len(digits) <= 2:
                return True  # October 9, 9 October
        if _MARKER_LEFT.search(s[max(lo, start - 12):start]):
            return True
        # Only the last few characters matter: an unbounded look back is quadratic on one long line.
        window = max(lo, start - 16)
        line_start = s.rfind("\n", window, start) + 1 or (lo if window == lo else -1)
        if line_start >= 0 and (start == line_start or not s[line_start:start].strip()):
            if _rx(r"[.)、]\s").match(s[end:end + 2]):
                return True  # list item "1. " at line start
        if before == "(" and after == ")" and len(digits) <= 2:
            return True  # (1)
        if after in "月日号时点" and "." not in digits:
            if after == "月" and s[start - 1:start] != "个" and not s[end - 1:end + 2].endswith("个月"):
                return True  # 10月
            if after in "日号时" and s[end:end + 2] != "日元":
                return True
            if after == "点" and not s[end + 1:end + 2].isdigit():
                return True  # 3点 (o'clock)
        if after == "年" and len(digits) == 4:
            return True
        if after == "年" and s[end + 1:end + 2] == "代":
            return True
        return False

    def _unit_after_year(self, s: str, pos: int) -> bool:
        if s[pos:pos + 1] == "两" and not _CJK.match(s[pos + 1:pos + 2]):
            return True  # 1234两 (liang)
        um = self._unit(s, pos + 1) if s[pos:pos + 1] == " " else self._unit(s, pos)
        if um and self.units.unit_for(um[0]) not in ("year", None):
            return True
        return bool(_PERCENT.match(s, pos) or _SCALE_EN.match(s, pos))

    def _read_chinese(self, s: str, m: regex.Match, lo: int, hi: int) -> _Reading | None:
        start, end = m.span()
        text = m[_T_C]
        if len(text) > 1 and text[-1] == "千" and _thousand_unit(self.units, s, end - 1):
            text, end = text[:-1], end - 1  # 一百千瓦 is 100 kW
        before = s[start - 1] if start > lo else ""
        if (before and before in "第其数几上前后每") or text[0] in "万亿萬億兆":
            return None
        # 十多万, 三百余吨: the approximate marker splits the numeral.
        approx_high = None
        cut = _rx(r"([" + _CN + r"]+?)([多余])([万亿]*)$").match(text)
        number: nm.Number | None
        if cut is None and end < hi and s[end] in "多余":
            tail = _rx(r"[多余]([万亿]*)").match(s[end:end + 4])
            cut = _rx(r"(.+)()()$").match(text)
            if tail:
                base = _safe_chinese(text)
                if base is None:
                    return None
                scale = nm.parse_chinese("一" + tail[1]).value if tail[1] else Decimal(1)
                number = nm.Number(base.value * scale, base.precision * scale,
                                   (base.value + base.precision) * scale)
                end += len(tail[0])
                approx_high = number.high
                cut = None
            else:
                number = _safe_chinese(text)
        elif cut is not None:
            base = _safe_chinese(cut[1])
            if base is None:
                return None
            scale = nm.parse_chinese("一" + cut[3]).value if cut[3] else Decimal(1)
            number = nm.Number(base.value * scale, base.precision * scale, (base.value + base.precision) * scale)
            approx_high = number.high
        else:
            number = _safe_chinese(text)
        if number is None:
            return None
        r = _Reading(start, end, number.value, number.high, number.precision, None)
        if approx_high is not None:
            r.qualifier, r.cue = "range", "多"
        r.scaled = text[-1] in "万亿兆"
        # Chinese numerals count only with a unit or measure word after them (全国两会, 年过半百 are words).
        ext = self._extend(s, m, r, lo, hi, chinese=True)
        if (ext is None or (ext.unit is None and ext.noun is None)) and len(text) > 1 and text[-1] == "两" \
                and text[-2] != "一" and text != "两两" and before != "斤" and approx_high is None:
            # 二两, 三十两, 两万两: a trailing 两 that is no digit is the liang (50 g); 一两 is "one or two"
            number = _safe_chinese(text[:-1])
            if number is None or number.high is not None:
                return None
            return self._qualify(s, _Reading(start, end, number.value, None, number.precision, "liang"), lo, hi)
        if ext is None or (ext.unit is None and ext.noun is None):
            return None
        if ext.value == 1 and ext.high is None and ext.unit in (None, "count"):
            return None  # 一个, 一家: the indefinite article, not a count
        if ext.unit == "year" and len(text) == 4 and all(ch in nm.CN_DIGITS for ch in text):
            return None  # 二〇二五年
        if ext.unit == "month" and not s[ext.start:ext.end].endswith("个月"):
            return None  # 十月 is October
        return ext

    # -- right side: scale, range, unit; left side: currency, qualifier, direction --------------------

    def _extend(self, s: str, m: regex.Match, r: _Reading, lo: int, hi: int,
                chinese: bool = False) -> _Reading | None:
        pos = r.end
        currency = None
        left = s[max(lo, r.start - 8):r.start]
        cm = _currency_left(left)
        if cm:
            written = cm["cur"]
            if len(written) == 4 and written[0] in "MKk" and written[1:] in _CURRENCY_ISO and not r.scaled:
                k = _scale_word(written[0])  # MAUD 60 = 60 million Australian dollars
                r.value, r.precision, r.scaled = r.value * k, r.precision * k, True
                written = written[1:]
            currency = _currency_code(written, s, r.start, lo)
            r.start -= len(cm[0])
        mm = _MINUS_LEFT.search(s[max(lo, r.start - 9):r.start])
        if mm and r.value > 0:  # 负0.2千米, minus five percent
            r.value = -r.value
            r.start -= len(mm[0])
        # scale words
        sm = _SCALE_EN.match(s, pos)
        if sm and not r.scaled:
            r.value, r.precision = r.value * _scale_word(sm[1]), r.precision * _scale_word(sm[1])
            if r.high is not None:
                r.high *= _scale_word(sm[1])
            pos = sm.end()
            r.scaled = True
            if currency is None:  # "euro 5 million", "dollar 22.5 billion": the currency named first
                wm = _CURRENCY_WORD_LEFT.search(s, max(lo, r.start - 9), r.start)
                if wm:
                    currency = self.units.unit_for(wm[1])
                    r.start = wm.start()
        elif currency and not r.scaled:
            mm = _SCALE_MONEY.match(s, pos)
            if mm:
                r.value, r.precision = r.value * _scale_word(mm[1]), r.precision * _scale_word(mm[1])
                pos = mm.end()
                r.scaled = True
        # a range: 8-10 years, 5 to 10, 5至10年, $5-6 billion
        rm = _RANGE.match(s, pos)
        if rm and r.high is None:
            joiner = rm[0].strip().lower()
            ok = joiner not in ("and", "或") or _rx(r"(?i:between)\s+\S*$").search(s[max(lo, r.start - 12):r.start])
            m2 = _token_at(s, rm.end()) if ok else None
            if m2 is not None and (m2[_T_D] is not None or m2[_T_C] is not None or m2[_T_W] is not None):
                if m2[_T_D] is not None and (len(m2[_T_D]) == 4 and joiner in "-–" and "," not in m2[_T_D]
                                             and 1000 <= int(m2[_T_D].split(".")[0]) <= 2199):
                    m2 = None  # 2024-2025 is a period of years, not a range of numbers
            if m2 is not None and (m2[_T_D] is not None or m2[_T_C] is not None or m2[_T_W] is not None):
                second = _read_number(m2) if m2[_T_C] is None else _safe_chinese(m2[_T_C])
                if second is not None:
                    hi_end = m2.end()
                    high = second.value
                    scale = Decimal(1)
                    sm2 = _SCALE_EN.match(s, hi_end)
                    if sm2:
                        scale = _scale_word(sm2[1])
                        hi_end = sm2.end()
                    elif currency:
                        mm2 = _SCALE_MONEY.match(s, hi_end)
                        if mm2:
                            scale = _scale_word(mm2[1])
                            hi_end = mm2.end()
                    high *= scale
                    if not r.scaled and scale != 1:
                        r.value *= scale
                        r.precision *= scale
                    if m2[_T_C] is not None and m2[_T_C][-1] in "万亿" and not r.scaled:
                        big = nm.parse_chinese("一" + _rx(r"[万亿]+$").search(m2[_T_C])[0]).value
                        r.value *= big
                        r.precision *= big
                    if m2[_T_DCN] and not r.scaled:
                        big = nm.parse_chinese("一" + m2[_T_DCN]).value
                        r.value *= big
                        r.precision *= big
                    if high > r.value:
                        r.high = high
                        pos = hi_end
                        r.qualifier = "range"
        # percent, units, measure words
        pm = _PERCENT.match(s, pos)
        po = None if pm else _PERCENT_OF_LEFT.search(s, max(lo, r.start - 20), r.start)
        if po is not None:  # "percent of 10" with no figure before "percent": 10%
            r.unit, r.start = "percent", po.start("word")
        elif pm:
            word = pm[0].strip().lower()
            r.unit = "percentage_point" if ("point" in word or "百分点" in word) else "percent"
            pos = pm.end()
        elif currency:
            r.unit = currency
            um = self._unit(s, pos + 1) if s[pos:pos + 1] == " " else None
            if um and self.units.unit_for(um[0]) == currency:
                pos = um.end()  # "$5 dollars" style doubles, and "US$5 million dollars"
        else:
            gap = _rx(r"[ \t]?(?:-[ \t]?)?").match(s[pos:pos + 2])[0]
            um = self._unit(s, pos + len(gap))
            crm = _CURRENCY_RIGHT.match(s, pos)
            ksm = _CURRENCY_SCALED.match(s, pos) if not r.scaled else None
            if crm:  # 10 €, 100₾
                r.unit = _currency_code(crm["cur"], s, r.start, lo)
                pos = crm.end()
                um = None
            elif um is None and (bm := _BRACKET_OPEN.match(s, pos)):  # 20 (kg), 20 [kg]
                inner = self._unit(s, bm.end())
                close = inner and regex.compile(r"[ \t]?" + regex.escape(_BRACKET_CLOSE[bm["o"]])).match(s, inner.end())
                if close and (len(inner[0]) > 1 or inner[0].islower()) and self.units.unit_for(inner[0]):
                    r.unit = self.units.unit_for(inner[0])
                    pos = close.end()
            elif ksm:  # 30 MUSD, 120 MEUR
                k = _scale_word(ksm["k"])
                r.value, r.precision, r.scaled = r.value * k, r.precision * k, True
                if r.high is not None:
                    r.high *= k
                r.unit = _currency_code(ksm["iso"], s, r.start, lo)
                pos = ksm.end()
                um = None
            if um and len(um[0]) == 1 and um[0].isascii():
                # One-letter symbols (m, t) only in lower case; "5M" and "5m people" are millions.
                if um[0] == "M" or (um[0] == "m" and not r.scaled
                                    and _MILLION_NOUN.match(s, um.end())):
                    if not r.scaled:
                        r.value, r.precision = r.value * 10**6, r.precision * 10**6
                        r.scaled = True
                        pos = um.end()
                    um = None
                elif not um[0].islower():
                    um = None
            if um:
                name = self.units.unit_for(um[0])
                if name == "pound" and um[0][:1] in "pP" and not _rx(r"\s+of\b").match(s[um.end():um.end() + 4]) \
                        and _MONEY_CUE.search(s, max(lo, r.start - 80), r.start):
                    name = "GBP"  # "profit of 361 million pounds" is sterling; "5 pounds of beef" is weight
                if name == "degree" and _TEMPERATURE_CUE.search(s, max(lo, r.start - 60), r.start):
                    name, um = None, None  # "the temperature is 24 degrees": no scale given, not an angle
                if name is not None:
                    r.unit = name
                    pos = um.end()
                    pm_ = _PER_TIME.match(s, pos, hi)
                    if pm_ and _is_length(self.units, name):  # 50 km/ms, 120 kilometres per hour: a speed
                        t = pm_["t"].lower()
                        time = {"ms": "millisecond", "s": "second", "sec": "second", "secs": "second",
                                "min": "minute", "mins": "minute", "h": "hour", "hr": "hour",
                                "hrs": "hour"}.get(t) or t.rstrip("s")
                        r.unit = _SPEEDS.get((name, time), f"{name} / {time}")
                        pos = pm_.end()
                    if not r.scaled and _is_currency(name):
                        sm = _SCALE_EN.match(s, pos)  # 75 USD million
                        if sm:
                            k = _scale_word(sm[1])
                            r.value, r.precision, r.scaled = r.value * k, r.precision * k, True
                            pos = sm.end()
                    if s[pos:pos + 1] == "半" and not um[0].isascii() and r.high is None:
                        r.value += Decimal("0.5")  # 一吨半, 三成半: and a half
                        r.precision = min(r.precision, Decimal("0.5"))
                        pos += 1
                    elif um[0] == "成" and r.high is None and s[pos:pos + 1] in nm.CN_DIGITS \
                            and r.precision == 1 and not _rx(
                                r"[" + _CN + r"点个年天名人多余成]").match(s[pos + 1:pos + 2]):
                        r.value += Decimal(nm.CN_DIGITS[s[pos]]) / 10  # 七成六 = 76%
                        r.precision = Decimal("0.1")
                        pos += 1
            if r.unit is None and s[pos:pos + 1] == "折" and s[pos + 1:pos + 2] not in _ZHE_NOT:
                discount = _discount(s[m.start():r.end] if m[_T_C] is None else m[_T_C], r)
                if discount is not None:
                    r.value, r.high, r.precision = discount[0], None, discount[1]
                    r.qualifier = "exact" if r.qualifier == "range" and r.cue is None else r.qualifier
                    r.unit = "percent"
                    pos += 1
            if r.unit is None:
                tm = _TIMES.match(s, pos)
                if tm:
                    r.unit = "ratio"
                    pos = tm.end()
            if r.unit is None and s[pos:pos + 1] == "块" and _KUAI.match(s, pos):
                r.unit = "CNY"  # 三块五, 两块钱: 块 is a yuan when money follows it
                pos += 2 if s[pos + 1:pos + 2] == "钱" else 1
            if r.unit is None and chinese or (r.unit is None and s[pos:pos + 1] and _CJK.match(s[pos:pos + 1])):
                mm = _MEASURE.match(s, pos)
                if mm and mm["m"] == "个" and (um := self._unit(s, mm.end())) \
                        and self.units.unit_for(um[0]) not in (None, "count"):
                    r.unit = self.units.unit_for(um[0])  # 20个比特币
                    pos = um.end()
                    mm = None
                if mm:
                    if mm["m"][0] in "多余":
                        r.high = r.value + r.precision
                        r.qualifier, r.cue = "range", mm["m"][0]
                    noun_end = mm.end()
                    if noun_end < hi and _CJK.match(s[noun_end]) and not s[noun_end] in "的是在和与":
                        noun_end += 1
                    r.noun = s[mm.start():noun_end].lstrip("多余")
                    pos = mm.end()
        if r.unit == "year" and not chinese and 1000 <= r.value < 2200 and r.high is None \
                and "," not in (m[_T_D] or ""):
            return None
        if r.unit is None and s[pos:pos + 1] == "两" and not chinese and not _CJK.match(s[pos + 1:pos + 2]):
            r.unit, pos = "liang", pos + 1  # 1234两
        if r.unit is not None and r.high is None and (r.unit in _COMPOUND_MAINS or _is_currency(r.unit)):
            pos = self._compound(s, r, pos, hi, written_after=currency is None)
        # Chinese qualifiers after the unit: 5年以上, 100吨左右
        am = _AFTER_ZH.match(s, pos)
        if am and (r.unit is not None or r.noun is not None) and r.qualifier == "exact":
            q = am["q"]
            if q in ("多", "余") and r.unit is not None:
                r.high = r.value + r.precision
                r.qualifier, r.cue = "range", q
            elif q not in ("多", "余"):
                r.qualifier, r.cue = _QUALIFIER_KIND[q], q
            pos = am.end()
        r.end = max(pos, r.end)
        # nouns of English counts
        if r.unit is None and r.noun is None:
            r.noun = _english_noun(s, r.end, hi)
            if chinese:
                return r
            if m[_T_W] is not None and r.noun is None:
                return None  # "one", "ten" alone are words, not figures
        per = _PER.match(s, r.end)
        if per and r.unit is not None and (len(r.unit) == 3 and r.unit.isupper()):
            r.noun = "per " + per["per"].lower()
        # left side: qualifier and direction
        left = s[max(lo, r.start - 40):r.start]
        qm = _qualifier_en(left) or _QUALIFIER_ZH.search(left)
        if qm:
            word = _rx(r"\s+").sub(" ", qm["q"].lower())
            if word == "between":
                if r.high is None:
                    word = ""
            elif r.qualifier in ("exact",) or (r.qualifier == "range" and r.cue in ("多", "余")):
                kind = _QUALIFIER_KIND.get(word)
                if kind and r.high is None:
                    r.qualifier, r.cue = kind, word
                elif kind == "approx":
                    r.cue = word
        if r.unit is None and r.noun is None and r.high is None and r.qualifier == "exact" and 0 <= r.value < 10:
            return r  # `_claim` drops it (a bare single digit), whichever its direction
        return self._direction(s, r, lo, hi)

    def _compound(self, s: str, r: _Reading, pos: int, hi: int, written_after: bool) -> int:
        """5 feet 2 inches, 3 dollars 50 cents, 15 dollars 50, 五元三毛, 50元6角三分: one amount in two units."""
        money = _is_currency(r.unit)
        step = Decimal(1)  # the main unit's step; CNY goes on to 角 (0.1) and 分 (0.01)
        for _ in range(2):
            jm = _COMPOUND_JOIN.match(s, pos, hi)
            p = jm.end()
            nm_ = _COMPOUND_NUM.match(s, p, hi)
            if not nm_:
                break
            text = nm_[0]
            found = None
            # A Chinese numeral may run into its unit (二两): try shorter numerals too.
            for k in (range(len(text), 0, -1) if text[0] in nm.CN_DIGITS or text[0] == "十" else (len(text),)):
                part = text[:k]
                number = _small_number(part)
                if number is None:
                    continue
                q = p + k
                if money:
                    sm = _SUB_MONEY.match(s, q, hi)
                    if sm and _SUB_CURRENCY.get(_sub_key(sm["sub"])) in (r.unit, "*" if r.unit in _CENT_CURRENCIES else "") \
                            and _SUB_VALUE[_sub_key(sm["sub"])] < step:
                        found = (number * _SUB_VALUE[_sub_key(sm["sub"])], _SUB_VALUE[_sub_key(sm["sub"])], sm.end())
                        break
                    # a bare figure after the unit is the next sub-unit: 15 dollars 50, 三块五, five mao five
                    nxt = Decimal("0.1") if r.unit == "CNY" and step == 1 and not jm[0].strip() and k == 1 \
                        else Decimal("0.01")
                    if nxt < step and number == number.to_integral_value() and 0 < number < 1 / nxt and \
                            (written_after or step < 1) and _BARE_END.match(s, q, hi) \
                            and (text[0].isdigit() or k == len(text)):
                        found = (number * nxt, nxt, q)
                        break
                else:
                    um = self._unit(s, q + (1 if s[q:q + 1] == " " else 0), hi)
                    name = self.units.unit_for(um[0]) if um else None
                    if um is None and r.unit == "foot" and _INCH_IN.match(s, q, hi):
                        name, um = "inch", _INCH_IN.match(s, q, hi)
                    elif um is None and r.unit == "jin" and s[q:q + 1] == "两":
                        name, um = "liang", regex.compile("两").match(s, q)  # 三斤二两
                    ratio = _unit_ratio(self.units, name, r.unit) if name else None
                    if ratio is not None and ratio < step:
                        found = (number * ratio, ratio, um.end())
                        break
            if found is None:
                break
            value, sub_step, end = found
            r.value += value
            r.precision = min(r.precision, sub_step)
            step, pos = sub_step, end
            if not money:
                break
        return pos

    def _qualify(self, s: str, r: _Reading, lo: int, hi: int) -> _Reading:
        mm = _MINUS_LEFT.search(s[max(lo, r.start - 9):r.start])
        if mm and r.value > 0:
            r.value = -r.value
            r.start -= len(mm[0])
        am = _AFTER_ZH.match(s, r.end)
        if am and am["q"] not in ("多", "余"):
            r.qualifier, r.cue = _QUALIFIER_KIND[am["q"]], am["q"]
            r.end = am.end()
        left = s[max(lo, r.start - 40):r.start]
        qm = _QUALIFIER_ZH.search(left) or _qualifier_en(left)
        if qm and r.qualifier == "exact":
            word = _rx(r"\s+").sub(" ", qm["q"].lower())
            kind = _QUALIFIER_KIND.get(word)
            if kind:
                r.qualifier, r.cue = kind, word
        return self._direction(s, r, lo, hi)

    def _direction(self, s: str, r: _Reading, lo: int, hi: int) -> _Reading:
        if r.unit not in ("percent", "percentage_point", "cheng") and r.unit is not None and r.unit != "ratio":
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


_ZHE_NOT = set("合算旧扣射叠返价腾服中")


_VULGAR = {"½": Decimal("0.5"), "¼": Decimal("0.25"), "¾": Decimal("0.75"), "⅓": Decimal(1) / 3,
           "⅔": Decimal(2) / 3, "⅛": Decimal("0.125")}


def _discount(written: str, r: _Reading) -> tuple[Decimal, Decimal] | None:
    """八折 = 80%, 75折 = 75%, 9.9折 = 99%, 三八折 = 38%: a price as a share of the full price."""
    written = written.lstrip("-")
    if written and all(ch in nm.CN_DIGITS for ch in written) and len(written) == 2:
        return Decimal(nm.CN_DIGITS[written[0]] * 10 + nm.CN_DIGITS[written[1]]), Decimal(1)
    if r.high is not None or r.value <= 0 or r.value >= 100:
        return None
    if written and written[-1] in nm.CN_SMALL:
        return None  # 十折 is no discount
    if r.value < 10:
        return r.value * 10, r.precision * 10
    if r.value == r.value.to_integral_value():
        return r.value, Decimal(1)
    return None


_TEMPERATURE_CUE = regex.compile(r"(?i:\b(?:temperatures?|weather|warm\w*|hot|hotter|cold\w*|heat\w*|cool\w*|"
                                 r"freez\w*|thermometers?|fever|highs?|lows?)\b)")
_MONEY_CUE = regex.compile(
    r"(?i:\b(?:profits?|revenues?|sales|costs?|costing|prices?|priced|paid|pay|pays|paying|worth|fined?|fines|"
    r"loss(?:es)?|budgets?|fund(?:s|ing|ed)?|earn(?:s|ed|ings)?|spen[dt]|spending|charges?|debts?|salar(?:y|ies)|"
    r"wages?|income|tax(?:es)?|invest(?:s|ed|ing|ment)?|deal|contract|bid|sold|bought|raised?|valued|"
    r"valuation|bills?|fees?|compensation|turnover|dividends?|bonus|grants?|donat(?:ed|ion)|subsid(?:y|ies))\b)")
# Units whose amounts are written in two parts (5 feet 2 inches, 3 pounds 4 ounces, 三斤二两); metric
# amounts are not ("12 m 2 dm" reads as two figures).
_COMPOUND_MAINS = {"foot", "yard", "pound", "stone", "jin", "gallon"}
_EN_SMALL = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
             r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)")
_COMPOUND_JOIN = regex.compile(r"[ \t]+and[ \t]+|又|零|[ \t]*")
_COMPOUND_NUM = regex.compile(r"\d{1,3}(?:\.\d+)?(?![\d,])|(?i:\b" + _EN_SMALL + r"(?:[ -]" + _EN_SMALL
                              + r")?\b)|[一二两三四五六七八九十]{1,3}")
_SUB_MONEY = regex.compile(r"[ \t]?(?P<sub>(?i:cents?|pence|penny|paise|kopecks?|kopeks?|mao|jiao|fen)\b|p\b"
                           r"|美分|欧分|便士|分钱|角钱|毛钱|[角毛分](?!之))")
_SUB_VALUE = {"cent": Decimal("0.01"), "pence": Decimal("0.01"), "penny": Decimal("0.01"), "p": Decimal("0.01"),
              "paise": Decimal("0.01"), "kopeck": Decimal("0.01"), "kopek": Decimal("0.01"),
              "mao": Decimal("0.1"), "jiao": Decimal("0.1"), "fen": Decimal("0.01"), "美分": Decimal("0.01"),
              "欧分": Decimal("0.01"), "便士": Decimal("0.01"), "分钱": Decimal("0.01"), "角钱": Decimal("0.1"),
              "毛钱": Decimal("0.1"), "角": Decimal("0.1"), "毛": Decimal("0.1"), "分": Decimal("0.01")}
_SUB_CURRENCY = {"cent": "*", "pence": "GBP", "penny": "GBP", "p": "GBP", "paise": "INR", "kopeck": "RUB",
                 "kopek": "RUB", "mao": "CNY", "jiao": "CNY", "fen": "CNY", "美分": "USD", "欧分": "EUR",
                 "便士": "GBP", "分钱": "CNY", "角钱": "CNY", "毛钱": "CNY", "角": "CNY", "毛": "CNY", "分": "CNY"}
_CENT_CURRENCIES = {"USD", "EUR", "AUD", "CAD", "HKD", "NZD", "SGD", "TWD"}
_BARE_END = regex.compile(r"[ \t]*(?:[.,;!?)。，；！？）]|$)|(?=[的钱])")
_INCH_IN = regex.compile(r"[ \t]?in\b(?!\s+(?:the|a|an|his|her|their|its|this|that|which|order|total)\b)")
_KUAI = regex.compile(r"块(?:钱|[一二两三四五六七八九\d](?:[毛角]|[的钱]|(?![\p{Han}\d])))")


# The last character of every currency `_CURRENCY_LEFT` reads that is not an ISO code or Rs.
_CURRENCY_LAST = frozenset("$€£¥") | {k[-1] for k in _CURRENCY_SYMBOLS}
_CURRENCY_ISO_LOWER = frozenset(code.lower() for code in _CURRENCY_ISO)


def _currency_left(left: str) -> regex.Match | None:
    """`_CURRENCY_LEFT.search(left)`, answered at once when `left` cannot end with a currency."""
    # The pattern ends with \s?$, and $ matches at the end or before a newline that ends the text.
    for end in (left, left[:-1]) if left[-1:] == "\n" else (left,):
        for v in (end, end[:-1]) if end[-1:].isspace() else (end,):
            if v[-1:] in _CURRENCY_LAST:
                return _CURRENCY_LEFT.search(left)
            tail = v[-3:]
            if not tail.isascii():
                return _CURRENCY_LEFT.search(left)
            tail = tail.lower()  # an ISO code (MUSD, HK$ end alike) or Rs, Rs., in any case
            if tail in _CURRENCY_ISO_LOWER or tail[-2:] == "rs" or tail == "rs.":
                return _CURRENCY_LEFT.search(left)
    return None


def _token_at(s: str, at: int) -> regex.Match | None:
    """`TOKEN.match(s, at)`, answered at once where no token can start (see `_TOKEN_CHAR`)."""
    if _TOKEN_CHAR.match(s, at) is None and _TOKEN_WORD.match(s, at) is None:
        return None
    return TOKEN.match(s, at)


def _qualifier_en(left: str) -> regex.Match | None:
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


def _sub_key(word: str) -> str:
    w = word.lower()
    return w[:-1] if w.endswith("s") and w[:-1] in _SUB_VALUE else w


def _small_number(text: str) -> Decimal | None:
    try:
        if text[0].isdigit():
            return Decimal(text)
        if text[0].isascii():
            return nm.parse_english(text).value
        number = nm.parse_chinese(text)
        return None if number.high is not None else number.value
    except (ValueError, ArithmeticError):
        return None


_RATIOS: dict[tuple[str, str], Decimal | None] = {}


def _unit_ratio(units: Units, small: str, big: str) -> Decimal | None:
    """How many `big` one `small` is, when both measure the same thing and `small` is the smaller."""
    key = (small, big)
    if key not in _RATIOS:
        try:
            f = units.registry.Quantity(1, small).to(big).magnitude
            _RATIOS[key] = Decimal(repr(float(f))) if 0 < f < 1 else None
        except Exception:  # noqa: BLE001 - different dimensions do not combine
            _RATIOS[key] = None
    return _RATIOS[key]


_BRACKET_OPEN = regex.compile(r"[ \t]?(?P<o>[(\[{<])[ \t]?")
_BRACKET_CLOSE = {"(": ")", "[": "]", "{": "}", "<": ">"}
_PER_TIME = regex.compile(r"(?i:[ \t]*(?:/|per[ \t]+)[ \t]*(?P<t>milliseconds?|ms|seconds?|secs?|s|minutes?|mins?|"
                          r"hours?|hrs?|h)\b|[ \t]+an?[ \t]+(?P<t>hour|second|minute)\b)")
_SPEEDS = {("kilometer", "hour"): "kilometer_per_hour", ("mile", "hour"): "mile_per_hour"}
_LENGTHS: dict[str, bool] = {}


def _is_length(units: Units, name: str) -> bool:
    if name not in _LENGTHS:
        try:
            _LENGTHS[name] = str(units.registry.get_dimensionality(name)) == "[length]"
        except Exception:  # noqa: BLE001
            _LENGTHS[name] = False
    return _LENGTHS[name]


def _thousand_unit(units: Units, s: str, at: int) -> bool:
    """Whether a unit written with 千 starts at `at` (千瓦, 千克, 千米, 千卡)."""
    um = units.pattern.match(s, at)
    return bool(um and len(um[0]) > 1)


def _is_currency(unit: str | None) -> bool:
    return bool(unit) and len(unit) == 3 and unit.isupper()


def _currency_code(written: str, s: str, at: int, lo: int) -> str | None:
    """ISO code of a currency sign or prefix as written: $ -> USD, HK$ -> HKD, ¥ -> CNY near Chinese text."""
    w = _rx(r"\s+").sub("", written).upper()
    if w == "¥":
        return "CNY" if _CJK.search(s[max(0, at - 40):at + 40]) else "JPY"
    if w in _CURRENCY_SYMBOLS:
        return _CURRENCY_SYMBOLS[w]
    if w.endswith("$"):
        return _DOLLAR_PREFIXES.get(w[:-1], "USD")
    if w.startswith("RS"):
        return "INR"
    return {"RMB": "CNY"}.get(w, w)


def _safe_chinese(text: str) -> nm.Number | None:
    try:
        return nm.parse_chinese(text)
    except (ValueError, ArithmeticError):
        return None


def _english_noun(s: str, pos: int, hi: int) -> str | None:
    nm_ = _NOUN.match(s, pos, hi)
    if not nm_:
        return None
    w1, w2 = nm_["w1"].lower(), nm_["w2"]
    if nm_["w1"][0].isupper() and w2:
        w2 = None  # "1.1 million Americans died": a proper noun ends the phrase
    if w1 in _STOP_NOUNS:
        if w1 == "of" and w2 and w2 not in _STOP_NOUNS:
            return w2
        return None
    noun = w1
    if w2 and w2 not in _STOP_NOUNS and (w1.endswith(_ADJ_ENDINGS) or w1 in _ADJ_ENDINGS) and not w1.endswith("s"):
        noun = w2
    return noun


def _claim_year(s: str, r: _Reading, years: list[tuple[int, int, int]], s_start: int, s_end: int) -> int | None:
    """The year a figure is about: the nearest year written in the same clause, else None."""
    best, best_gap = None, 10**9
    i = bisect.bisect_left(years, (s_start, 0, 0))
    while i < len(years) and years[i][0] < s_end:
        ys, ye, year = years[i]
        i += 1
        if r.start <= ys < r.end:
            continue
        a, b = (ye, r.start) if ye <= r.start else (r.end, ys)
        if _CLAUSE_BREAK.search(s, a, b):
            continue
        gap = b - a
        if gap < best_gap and gap <= 60:
            best, best_gap = year, gap
    return best
