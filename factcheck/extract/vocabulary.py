"""The extractor's vocabularies: one list per kind of word, and nothing else.

Patterns elsewhere are built from these lists, so a word is added in one place. English entries are lower
case; a space stands for any run of white space. Chinese entries are written in simplified characters
(the scanned copy reads traditional ones as simplified, see `scan.py`).
"""

from __future__ import annotations

from decimal import Decimal

import regex

from .. import numerals as nm

# -- numbers --------------------------------------------------------------------------------------------

# English number words, smallest first: the numerals module reads them, the token pattern finds them.
SMALL_NUMBER_WORDS = tuple(nm.EN_UNITS) + tuple(nm.EN_TENS)  # zero .. nineteen, twenty .. ninety
SCALE_WORDS = ("hundred", "thousand", "million", "billion", "trillion")
NUMBER_WORDS = SMALL_NUMBER_WORDS + SCALE_WORDS + ("dozen",)
# Scale words after digits: 3.4 million, 2.6bn, 12 lakh. After money only: $45m, €3bn, 5k.
SCALE_AFTER = ("thousand", "million", "billion", "trillion", "bn", "mn", "mln", "tn", "lakh", "lakhs",
               "crore", "crores", "lakh crore", "lakh crores")  # (₹27.28 lakh crore: 27.28 × 10¹²)
SCALE_AFTER_MONEY = ("m", "mn", "bn", "b", "k", "tn")  # and T, in upper case only: $2.1T

# Shares written as words: "half of", "two thirds of".
FRACTION_WORDS = {"half": Decimal(50), "a half": Decimal(50), "one half": Decimal(50), "a third": Decimal("33.3"),
                  "one third": Decimal("33.3"), "two thirds": Decimal("66.7"), "a quarter": Decimal(25),
                  "one quarter": Decimal(25), "three quarters": Decimal(75)}
VULGAR_FRACTIONS = {"½": Decimal("0.5"), "¼": Decimal("0.25"), "¾": Decimal("0.75"), "⅓": Decimal(1) / 3,
                    "⅔": Decimal(2) / 3, "⅛": Decimal("0.125")}
# Multipliers written as one word: "exports doubled", 翻了一番.
MULTIPLIER_WORDS = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "doubling": 2, "tripling": 3,
                    "quadrupling": 4, "doubles": 2, "triples": 3, "quadruples": 4}
# Multipliers that are also other words (a double room, twice a week): read only where `values` says so.
MULTIPLIER_BARE = {"double": 2, "triple": 3, "treble": 3, "quadruple": 4, "twice": 2, "thrice": 3}
MULTIPLIER_ZH = {"翻番": 2, "翻一番": 2, "翻了一番": 2, "翻倍": 2, "翻了一倍": 2}
# Characters that open a word after 零 (零件 parts, 零部件, 零售 retail, 零食, 零点 midnight): no count of nothing
ZERO_WORDS = frozenset("件部售食钱錢星散碎头頭点點用工")

# -- qualifiers -----------------------------------------------------------------------------------------

# Words before a figure and the interval shape they give it (model.QUALIFIERS).
QUALIFIERS_EN = {
    "about": "approx", "approximately": "approx", "approx.": "approx", "around": "approx", "roughly": "approx",
    "some": "approx", "an estimated": "approx", "estimated": "approx", "nearly": "at_most", "almost": "at_most",
    "close to": "at_most", "just over": "over", "well over": "over", "over": "over", "more than": "over",
    "above": "over", "exceeding": "over", "exceeded": "over", "exceeds": "over", "exceed": "over",
    "in excess of": "over", "upwards of": "over", "topped": "over", "surpassed": "over", "surpassing": "over", "at least": "at_least", "no less than": "at_least",
    "no fewer than": "at_least", "up to": "at_most", "as much as": "at_most", "as many as": "at_most",
    "as high as": "exact", "as low as": "exact", "as little as": "exact", "as few as": "exact",
    "at most": "at_most", "no more than": "at_most", "just under": "under", "below": "under", "under": "under",
    "less than": "under", "fewer than": "under", "between": "",  # "between" only opens a range
}
QUALIFIERS_ZH = {
    "大约": "approx", "大概": "approx", "约": "approx", "将近": "at_most", "接近": "at_most", "近": "at_most",
    "超过": "over", "超": "over", "逾": "over", "多达": "at_most", "高达": "exact", "至少": "at_least",
    "不少于": "at_least", "不低于": "at_least", "不足": "under", "不到": "under", "不超过": "at_most",
    "最多": "at_most", "少于": "under", "低于": "under", "高于": "over", "大于": "over", "达到": "exact",
    "达": "exact", "突破": "over", "超出": "over", "多于": "over", "不止": "over",
}
# Chinese qualifiers written after the figure and its unit: 5年以上, 100吨左右.
QUALIFIERS_ZH_AFTER = {"以上": "over", "以下": "at_most", "左右": "approx", "上下": "approx", "多": "over",
                       "余": "over", "之多": "exact"}
# Modal words between a Chinese qualifier and its figure: 超过要100天.
QUALIFIER_ZH_LINKS = ("要", "需要", "需", "得", "有", "将", "会", "可")
QUALIFIER_KIND = {**QUALIFIERS_EN, **QUALIFIERS_ZH, **QUALIFIERS_ZH_AFTER}

# -- direction of change --------------------------------------------------------------------------------

# Verbs of change before a figure, as patterns of their inflections ("fell 34%", "rose by 4%").
DOWN_VERBS_EN = (
    r"down|fell|falls?|fallen|falling|dropp?(?:ed|s|ing)?|declin(?:ed|es|e|ing)|decreas(?:ed|es|e|ing)|"
    r"plung(?:ed|es|e|ing)|slump(?:ed|s|ing)?|cut|cuts|cutting|reduc(?:ed|es|e|ing)|lower(?:ed|s|ing)?|"
    r"shr[ua]nk|shrinks?|shrinking|tumbl(?:ed|es|e|ing)|slid|slides?|sliding|sank|sinks?|sinking|"
    r"contract(?:ed|s|ing)?|slipp?(?:ed|s|ing)?|dipp?(?:ed|s|ing)?|eas(?:ed|es|ing)|retreat(?:ed|s|ing)?|"
    r"lost|los(?:es|ing)|shed(?:s|ding)?|weaken(?:ed|s|ing)?|plummet(?:ed|s|ing)?|sagg?(?:ed|s|ing)?|"
    r"tank(?:ed|s|ing)?|crash(?:ed|es|ing)?|dived?|dove|edged\s+down|edging\s+down|trimm?(?:ed|s|ing)|"
    r"narrow(?:ed|s|ing)|off")
UP_VERBS_EN = (
    r"up|rose|rises?|risen|rising|increas(?:ed|es|e|ing)|gr[eo]w(?:n|s|ing)?|surg(?:ed|es|e|ing)|"
    r"jump(?:ed|s|ing)?|climb(?:ed|s|ing)?|soar(?:ed|s|ing)?|gain(?:ed|s|ing)?|rais(?:ed|es|e|ing)|"
    r"boost(?:ed|s|ing)?|expand(?:ed|s|ing)?|widen(?:ed|s|ing)?|add(?:ed|s|ing)?|advanc(?:ed|es|e|ing)|"
    r"edged\s+up|edging\s+up|rebound(?:ed|s|ing)?|spik(?:ed|es|e|ing)|accelerat(?:ed|es|e|ing)")
DOWN_VERBS_ZH = ("下降", "下跌", "减少", "降低", "缩减", "萎缩", "下滑", "回落", "暴跌", "跌", "降", "减", "回调",
                 "下调", "下挫", "走低", "缩水", "收窄", "缩小", "减产", "下行", "负增长")
UP_VERBS_ZH = ("增长", "上升", "上涨", "提高", "增加", "提升", "攀升", "飙升", "暴涨", "涨", "增", "上调", "扩大",
               "走高", "增产", "反弹", "上扬", "成长")
# Chinese nouns of the size of a change, before the figure: 降幅为3%, 增幅达5%.
DOWN_SIZE_ZH = ("降幅", "跌幅", "减幅", "降低幅度", "下降幅度", "下滑幅度")
UP_SIZE_ZH = ("增幅", "涨幅", "增速", "增长率", "增长幅度", "上涨幅度")
# Comparatives after a figure: "9.2% lower than in May", "3% below 2023", "20% more than".
DOWN_COMPARATIVES_EN = ("lower", "less", "fewer", "below", "down", "smaller", "weaker", "cheaper")
UP_COMPARATIVES_EN = ("higher", "more", "above", "up", "greater", "larger", "bigger", "stronger")
# Nouns of change after a figure: "a 9% increase", "a 3% year-on-year decline".
UP_NOUNS_EN = ("increase", "rise", "growth", "gain", "jump", "hike", "surge", "boost")
DOWN_NOUNS_EN = ("drop", "decline", "decrease", "fall", "cut", "reduction", "plunge", "slump", "contraction")

# -- units ----------------------------------------------------------------------------------------------

# Unit symbols whose case decides what they are (the lexicon matches in any case): MT is metric tons, Mt
# megatonnes; other casings of these are no unit.
CASED_SYMBOLS = {"mt": {"Mt": "megatonne", "MT": "ton"}, "kt": {"kt": "kilotonne"}, "gt": {"Gt": "gigatonne"}}
# Periods a rate is written per, after a unit: "barrels per day", "t/yr", "a year", "per annum", "/年".
RATE_PERIODS = {"day": "day", "d": "day", "year": "year", "yr": "year", "y": "year", "annum": "year",
                "a": "year", "month": "month", "mo": "month", "week": "week", "wk": "week", "hour": "hour",
                "h": "hour", "hr": "hour"}
RATE_ADVERBS = {"daily": "day", "annually": "year", "yearly": "year", "monthly": "month", "weekly": "week",
                "hourly": "hour"}
RATE_ZH = {"年": "year", "天": "day", "日": "day", "月": "month", "周": "week", "小时": "hour"}
# Chinese words before a figure that make it a rate: 日均进口1104万桶, 每年出口500万吨.
# Chinese words before a figure that make it a yield per an area: 亩产约287公斤, 每公顷产量4.3吨.
AREA_BEFORE_ZH = {"亩产": "mu", "亩均": "mu", "每亩": "mu", "每公顷": "hectare", "公顷产": "hectare"}
RATE_BEFORE_ZH = {"日均": "day", "每日": "day", "每天": "day", "日产": "day", "日产量": "day", "年均": "year", "每年": "year"}

# -- money ----------------------------------------------------------------------------------------------

CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY",
                    "₱": "PHP", "₫": "VND", "₦": "NGN", "₿": "BTC", "₡": "CRC", "₾": "GEL", "₭": "LAK",
                    "ரூ": "LKR"}
# Letters written before a dollar sign: HK$, C$, NT$.
DOLLAR_PREFIXES = {"US": "USD", "A": "AUD", "AU": "AUD", "AUD": "AUD", "HK": "HKD", "HKD": "HKD", "C": "CAD",
                   "CA": "CAD", "CAD": "CAD", "NZ": "NZD", "NZD": "NZD", "S": "SGD", "SG": "SGD", "R": "BRL",
                   "MEX": "MXN", "MX": "MXN", "MXN": "MXN", "NT": "TWD", "USD": "USD"}
# Letters written before an amount, with their case: RM5 billion (ringgit), Rp 10,000 (rupiah).
CURRENCY_LETTERS = {"RM": "MYR", "Rp": "IDR"}
# (not every code of rules/units.txt: COP30 is a climate conference, PHP 8 a language, Hong Kong SAR a region)
CURRENCY_ISO = ("USD", "AUD", "EUR", "GBP", "JPY", "RMB", "CNY", "INR", "RUB", "CHF", "HKD", "CAD", "NZD",
                "SGD", "KRW", "BTC", "MXN", "TRY", "TWD", "BRL", "ZAR", "NGN", "THB", "VND", "MYR", "IDR",
                "NOK", "SEK", "DKK", "PLN", "CZK", "HUF", "UAH", "ILS", "AED", "EGP", "KES", "GHS", "PKR", "BDT",
                "LKR", "CLP", "ARS", "PEN", "MOP", "KZT", "QAR", "KWD", "ETB", "MMK")
# Currency names written before a scaled figure: "euro 5 million".
CURRENCY_WORDS_BEFORE = ("euros?", "dollars?", "yuan", "yen", "rubles?", "roubles?", "rupees?")
# Sub-units written after a main amount: 3 dollars 50 cents, 五元三毛. Value in the main unit, and whose.
SUB_MONEY = {  # written form -> (value, currency; "*" any currency of CENT_CURRENCIES)
    "cent": (Decimal("0.01"), "*"), "pence": (Decimal("0.01"), "GBP"), "penny": (Decimal("0.01"), "GBP"),
    "p": (Decimal("0.01"), "GBP"), "paise": (Decimal("0.01"), "INR"), "kopeck": (Decimal("0.01"), "RUB"),
    "kopek": (Decimal("0.01"), "RUB"), "mao": (Decimal("0.1"), "CNY"), "jiao": (Decimal("0.1"), "CNY"),
    "fen": (Decimal("0.01"), "CNY"), "美分": (Decimal("0.01"), "USD"), "欧分": (Decimal("0.01"), "EUR"),
    "便士": (Decimal("0.01"), "GBP"), "分钱": (Decimal("0.01"), "CNY"), "角钱": (Decimal("0.1"), "CNY"),
    "毛钱": (Decimal("0.1"), "CNY"), "角": (Decimal("0.1"), "CNY"), "毛": (Decimal("0.1"), "CNY"),
    "分": (Decimal("0.01"), "CNY"), "日本銭": (Decimal("0.01"), "JPY"), "銭": (Decimal("0.01"), "JPY"),
}
CENT_CURRENCIES = {"USD", "EUR", "AUD", "CAD", "HKD", "NZD", "SGD", "TWD"}
# Words before a bare 块 that make it a yuan (花了三块, 卖五块): spending, prices, money.
KUAI_CUES_ZH = ("花", "费", "价", "付", "赚", "卖", "买", "值", "收", "给", "要", "共", "赔", "罚", "捐", "借", "欠")
# Words near "pounds" that make them sterling ("profit of 361 million pounds"), not weight.
MONEY_CUES = (r"profits?|revenues?|sales|costs?|costing|prices?|priced|paid|pay|pays|paying|worth|fined?|fines|"
              r"loss(?:es)?|budgets?|fund(?:s|ing|ed)?|earn(?:s|ed|ings)?|spen[dt]|spending|charges?|debts?|"
              r"salar(?:y|ies)|wages?|income|tax(?:es)?|invest(?:s|ed|ing|ment)?|deal|contract|bid|sold|bought|"
              r"raised?|valued|valuation|bills?|fees?|compensation|turnover|dividends?|bonus|grants?|"
              r"donat(?:ed|ion)|subsid(?:y|ies)")
# Words near "degrees" that make them a temperature without a scale (not an angle).
TEMPERATURE_CUES = (r"temperatures?|weather|warm\w*|hot|hotter|cold\w*|heat\w*|cool\w*|freez\w*|thermometers?|"
                    r"fever|highs?|lows?")

# -- counted things -------------------------------------------------------------------------------------

# Chinese measure words: what a bare Chinese figure counts (三家, 两千名).
MEASURE_WORDS_ZH = ("个", "家", "项", "件", "名", "位", "架", "艘", "辆", "台", "座", "条", "种", "次", "人", "批",
                    "所", "枚", "颗", "套", "只", "招", "部", "份", "处", "款", "轮", "支", "场", "例", "户", "万人",
                    "栋", "间", "张", "本", "头", "棵", "篇", "首")
# Function words: never the thing a figure counts (shared with subjects' automatic grouping).
FUNCTION_WORDS = frozenset({
    "of", "the", "a", "an", "and", "or", "to", "in", "on", "at", "by", "for", "from", "with", "as", "is",
    "are", "was", "were", "be", "been", "that", "this", "these", "those", "it", "its", "their", "his",
    "her", "than", "more", "less", "per", "each", "which", "who", "while", "but", "has", "have", "had",
    "will", "would", "can", "could", "may", "might", "also", "only", "into", "over", "under", "about",
    "s", "not", "no", "up", "down", "out", "after", "before", "since", "until", "across", "among",
})
# A first word with these endings describes the second: "12 new plants" counts plants.
ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ful", "ary", "ern", "ese", "ian", "an", "ed", "ing", "major",
                     "new", "big", "key", "top", "other", "main", "large", "small", "active", "further")

# -- what is not a claim --------------------------------------------------------------------------------

# Tallies and scores are no ranges: "a 7-2 vote", "won 3-1", "lost 2–3 to Leeds".
TALLY_VERBS = ("won", "win", "wins", "winning", "lost", "lose", "loses", "losing", "beat", "beats", "beaten",
               "defeated", "defeat", "drew", "draw", "tied", "voted", "vote", "votes", "ruled", "score", "scored",
               "scoring", "led", "leads", "trailed", "trail", "trails", "split", "passed", "rejected", "edged")
TALLY_NOUNS = ("vote", "votes", "voting", "win", "victory", "loss", "defeat", "draw", "decision", "ruling", "majority",
               "margin", "lead", "scoreline", "score", "record", "tie", "split", "verdict", "result", "count",
               "tally", "triumph", "thrashing", "rout", "home", "away", "aggregate", "final")
# Clock times: "3 p.m.", "10am", "at 9 o'clock".
CLOCK_AFTER = ("a.m.", "p.m.", "am", "pm", "a.m", "p.m", "o'clock", "o’clock", "hrs", "GMT", "UTC", "BST", "EST",
               "ET", "PT", "CET")
MONTHS = (r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?")
# Words that number the thing after them: "Phase 3", "Group 2", "Route 66".
MARKER_WORDS = (
    "Group", "Section", "Part", "Phase", "Chapter", "Article", "Item", "Step", "Stage", "Round", "Tier", "Level",
    "Class", "Type", "No", "Number", "Figure", "Fig", "Table", "Point", "Option", "Question", "Case", "Rule",
    "Volume", "Vol", "Page", "p", "pp", "Box", "Annex", "Appendix", "Title", "Division", "Schedule", "Clause",
    "Paragraph", "Room", "Line", "Route", "Highway", "Flight", "Gate", "Model", "Version", "Series", "Mark",
    "Mk", "Block", "Unit", "Lot", "Batch", "Order", "Term", "Session", "Episode", "Season", "Grade", "Category",
    "Cat", "Zone", "Region", "Sector", "Act", "Plan", "Sec", "Art", "Proposition", "Prop", "Measure", "Amendment",
    "Bill", "Resolution", "District", "Ward", "Precinct", "Terminal", "Pier", "Platform", "Channel", "Interstate",
    "Top", "Formula", "Apollo", "Windows", "Android", "iOS", "Galaxy", "iPhone", "Pixel", "Covid", "COVID")
# Index and list names a number is part of: "the Nasdaq 100", "the FTSE 250", "Fortune 500".
NUMBERED_NAMES = ("Nasdaq", "FTSE", "S&P", "Dow", "Russell", "Nikkei", "Stoxx", "STOXX", "DAX", "CAC", "Hang Seng",
                  "ASX", "Sensex", "Nifty", "Fortune", "Forbes", "Global", "Inc.", "Euro Stoxx", "MSCI", "KOSPI",
                  "IBEX", "TSX", "Kospi", "G", "Top", "Hot", "Billboard", "Fortune Global", "Section", "Article")
MARKER_CHARS = "#№第其"
# Abbreviations whose full stop ends no sentence.
ABBREVIATIONS = ("Mr", "Ms", "Mrs", "Dr", "St", "No", "vs", "etc", "Inc", "Co", "Corp", "Ltd", "Jr", "Sr", "Gov",
                 "Sen", "Rep", "Gen", "approx")


def alternation(words) -> str:
    """A regular-expression alternation of `words`, longest first; a space matches any white space."""
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def trie(words, after_first: str = "") -> str:
    """The same words as `alternation`, as a prefix tree ("t(?:en|hree)"): the standard library's `re` tries
    an alternation's branches one by one at every position, a prefix tree only the branches that fit.

    `after_first`: a pattern written right after each word's first character, such as a look-behind at the
    word's start (`(?<![a-z].)`, "no letter before it"): one in front of the tree would keep `re` from
    skipping ahead to the characters a word can open with."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not after_first:
        return _trie_pattern(tree)
    return "(?:" + "|".join(regex.escape(ch) + after_first + _trie_pattern(child)
                            for ch, child in sorted(tree.items()) if ch) + ")"


def _trie_pattern(node: dict) -> str:
    ends = "" in node
    branches = [regex.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:  # a word ends here and longer ones go on: the longer first, as `alternation` orders them
        body = "(?:" + body + ")?" if len(branches) == 1 or body.startswith("(?:") else body + "?"
    return body
