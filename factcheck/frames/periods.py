"""Periods: the time a figure is about, typed — year, half, quarter, month, month range, fiscal year.

`find_periods` reads every period a text names (in folded text, so traditional Chinese reads the same);
a period right after a comparison word ("than in 2023", "比上年", "from 2022") is the *base* of a change,
never the figure's own period. Periods missing their year ("the third quarter", "12月") take it from the
context when the frame is chosen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import re

import regex

from ..extract.vocabulary import trie
from ..rulefile import OpenedScan

CURRENT = "current"


@dataclass(frozen=True)
class PeriodMention:
    start: int
    end: int
    kind: str  # year | decade | half | quarter | month | months | span | day | fiscal | fiscal_quarter | season | anaphor | first
    year: int | None
    part: str  # "3" for Q3, "1" for H1, "12" for December, "1..5" for months, "" for a year
    base: bool  # the base of a comparison, not the figure's own period
    words: str

    def label(self, year: int | None = None) -> str | None:
        if self.kind == "first":  # "in its first 12 months", 开馆首年: of its holder's own life, no calendar's
            return f"its first {self.part} months"
        y = self.year if self.year is not None else year
        if y is None:
            return None
        if self.kind == "year":
            return str(y)
        if self.kind == "decade":
            return f"{y}s"
        if self.kind == "half":
            return f"{y}H{self.part}"
        if self.kind == "quarter":
            return f"{y}Q{self.part}"
        if self.kind == "month":
            return f"{y}-{int(self.part):02d}"
        if self.kind == "months":
            lo, hi = (int(x) for x in self.part.split(".."))
            if hi > 12:  # ("between October and March": into the next year, its months counted on past 12)
                return f"{y}-{lo:02d}..{y + 1}-{hi - 12:02d}"
            return _months_label(y, lo, hi)
        if self.kind == "fiscal":
            # A fiscal year is named by the calendar year it ends in (FY2025, "fiscal 2025", 2025财年: the
            # twelve months to a month of 2025), the year across two that "the year to June 2025" and
            # "2024/25财年" name. (A company naming its fiscal years by their first year is read a year late.)
            return f"{y - 1}/{y % 100:02d}"
        if self.kind == "season":  # a crop, school or sports year across two calendar years
            return f"{y}/{(y + 1) % 100:02d}"
        if self.kind == "day":
            return f"{y}-{self.part}"
        if self.kind == "week":
            return f"{y}-W{self.part}"
        if self.kind == "span":  # months across two years, not twelve of them
            return self.part
        if self.kind == "fiscal_quarter":
            return f"FY{y}Q{self.part}"
        return None


_CALENDAR_LABEL = regex.compile(r"(\d{4})(?:Q([1-4])|H([12]))?")


def at_period_end(label: str) -> str | None:
    """The month a year, quarter or half label ends in ("2025" -> "2025-12", "2025H1" -> "2025-06"), where a
    stock given for the period stands; None for other labels."""
    m = _CALENDAR_LABEL.fullmatch(label)
    if m is None:
        return None
    month = 3 * int(m[2]) if m[2] else 6 * int(m[3]) if m[3] else 12
    return f"{m[1]}-{month:02d}"


def fiscal_half(half: int, first_year: int, end_month: int) -> "PeriodMention":
    """The months of a half of a fiscal year that ends in `end_month` of `first_year` + 1: the first half of
    the year to March 2026 is April to September 2025."""
    lo = end_month + 1 + 6 * (half - 1)
    year = first_year + (lo - 1) // 12
    lo = (lo - 1) % 12 + 1
    hi = lo + 5
    if hi > 12:
        return PeriodMention(0, 0, "span", year, f"{year}-{lo:02d}..{year + 1}-{hi - 12:02d}", False, "")
    return PeriodMention(0, 0, "months", year, f"{lo}..{hi}", False, "")


def _months_label(year: int, lo: int, hi: int) -> str:
    """A month range that is a whole quarter, half or year is named as one."""
    if (lo, hi) == (1, 12):
        return str(year)
    if hi - lo == 2 and lo % 3 == 1:
        return f"{year}Q{(lo + 2) // 3}"
    if (lo, hi) in ((1, 6), (7, 12)):
        return f"{year}H{1 if lo == 1 else 2}"
    if lo == hi:
        return f"{year}-{lo:02d}"
    return f"{year}-{lo:02d}..{year}-{hi:02d}"


_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
# Weekdays by their stems before "day", Monday first (as `date.weekday` counts them), for other stages too
_WEEKDAYS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")
_WEEKDAY_STEMS = "|".join(_WEEKDAYS)
WEEKDAY_WORDS = rf"(?:{_WEEKDAY_STEMS})day"
# English month names and their short forms, for other stages' patterns too (as a group, no flags)
MONTH_WORDS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
# The same words at a word's start, for the triggers below (lower case): the start is looked behind for after a
# word's first letter, so that `re` skips to the letters a month opens with (a look-behind in front, or \b,
# would have it try every position)
_MONTH_AT_WORD_START = trie(["jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
                             "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
                             "november", "dec", "december"], after_first=r"(?<!\w.)")
# Where a month's name can open a match of a case-blind pattern (after a word boundary, so after no ASCII
# letter, digit or _), in the lower-cased text: the first three letters of each are enough
_MONTH_OPENINGS = trie([month[:3] for month in _MONTHS], after_first=r"(?<![a-z0-9_].)")
_ORDINAL = {"first": "1", "1st": "1", "second": "2", "2nd": "2", "third": "3", "3rd": "3", "fourth": "4",
            "4th": "4", "一": "1", "二": "2", "三": "3", "四": "4", "1": "1", "2": "2", "3": "3", "4": "4",
            "上": "1", "下": "2"}
_YEAR = r"(?:19|20)\d\d"
_ZH_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"


_TRIGGERS: dict[tuple[str, ...], tuple[str, ...]] = {}


def _any(*literals: str) -> tuple[str, ...]:
    """One trigger object per set of literals: patterns sharing a trigger share its test."""
    return _TRIGGERS.setdefault(literals, literals)


# (kind, trigger, pattern): every match of the pattern holds a match of its trigger in the case-folded text,
# so a text where the trigger finds nothing is not scanned with it (most texts hold few periods; sixteen
# scans of each cost more than the framing of it). The trigger is literals to look for, or a quick pattern of
# the standard library.
_PATTERNS: list[tuple[str, tuple[str, ...] | re.Pattern, regex.Pattern]] = [
    # "the year to June 30, 2024", "the fiscal year ended March 2025": the twelve months to that month, a
    # season across two years (or the calendar year, to December)
    # (without its year, "the fiscal year ended March 31", the latest such year: to the article's year's month)
    ("year_to", _any('year to', 'year end', 'year through', 'months to', 'months end', 'months through', 'that end', 'which end'), regex.compile(rf"(?i)\b(?:financial\s+|fiscal\s+)?(?:year|12\s+months|twelve\s+months)\s+(?:(?:that|which)\s+)?(?:to|ended|ending|ends|through)\s+(?:on\s+)?(?:the\s+end\s+of\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?({MONTH_WORDS})\.?(?:\s+\d{{1,2}})?(?:,?\s+({_YEAR})\b|(?![\w\s]*\d))")),
    # "截至2024年3月的上一财年", "截至2024年3月31日止的财政年度": the twelve months to that month
    # "截至6月30日的2025财年", "截至今年3月31日止年度": the same, its year written with the fiscal year or
    # counted from the article's; "截至2025年6月的12个月", as "the twelve months to June 2025"
    ("year_to_zh", _any('截至', '截止'), regex.compile(rf"截[至止](?:({_YEAR})\s*年|(今年|去年))?\s*({_ZH_MONTH})\s*月(?:\s*\d{{1,2}}\s*日)?[止底末]{{0,2}}的?(?:上一|上个|本|该)?(?:({_YEAR})\s*)?(?:财年|财政年度|会计年度|年度|(?:过去|前)?(?:12|十二)\s*个月|一年)(?!\s*第?[一二三四1-4]季)")),
    # "the three months through September", "six months to June 2024": those months, ending with that one
    ("months_ending", _any('months to', 'months end', 'months through'), regex.compile(rf"(?i)\b(two|three|four|five|six|seven|eight|nine|ten|eleven|\d{{1,2}})\s+months\s+(?:to|ended|ending|through)\s+(?:the\s+end\s+of\s+)?({MONTH_WORDS})\.?(?:\s+\d{{1,2}})?(?:,?\s+({_YEAR}))?\b")),
    # "截至2025年9月30日止六个月", "截至6月底止的中期": the months ending with that month (before "截至…年度" and
    # "9月" are read)
    ("months_ending_zh", _any('截至', '截止'), regex.compile(rf"截[至止](?:({_YEAR})\s*年|(今年|去年))?\s*({_ZH_MONTH})\s*月(?:\s*\d{{1,2}}\s*日)?[止底末]{{0,2}}的?\s*(?:([二三四五六七八九十]|十一|\d{{1,2}})\s*[个個]月|(中期|半年度?|上半年|下半年))")),
    # "in its first 12 months", "during its first year", 开馆首年, 开业首6个月: the holder's own first months
    ("first", _any('first', '首', '第一年'), regex.compile(r"(?i)\b(?:in|during|over|for)\s+(?:its|their)\s+(?:first|opening)\s+(?:(\d{1,2}|six|three|nine|twelve|eighteen)\s+months|(year|full\s+year))\b(?!\s+of\b)"
                                                  r"|(?:[开開][馆館]|[开開]业|[开開]通|通[车車]|上市|[运運][营營]|[营營][运運]|投産|投产|[开開]幕)(?:后|後|以来|以來)?(?:的)?(?:首|第一)(?:(年)|(半年)|[个個]?(\d{1,2}|[三六九])\s*[个個]?月)")),
    # "the first nine months of 2024", "前三季度", "前9个月": months 1 to that month
    # (首九個月, 首三季: Hong Kong's words for the same)
    # (前七月, as Taiwan writes the first seven months, without 个)
    ("months_to", re.compile(r"first|个月|個月|前[一二三四五六七八九十\d]{1,2}月|首[一二三四五六七八九十\d]{1,2}月|前[二两兩三]季|首[二两兩三]季"), regex.compile(rf"(?i)\bfirst\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|\d{{1,2}})\s+months(?:\s+of\s+(?:the\s+year|({_YEAR})))?\b"
                                                   rf"|(?:({_YEAR})\s*年\s*)?[前首]\s*([一二三四五六七八九十]{{1,2}}|\d{{1,2}})\s*[个個]?月"
                                                   rf"|(?:({_YEAR})\s*年\s*)?[前首]\s*([二两兩三])\s*季度?")),
    ("fiscal_quarter", _any('fy', 'fiscal', '财年'), regex.compile(rf"(?i)\b(?:Q([1-4])\s*(?:of\s+)?(?:FY|fiscal(?:\s+year)?)\s*'?(\d{{2}}|{_YEAR})|(?:FY|fiscal\s+)'?(\d{{2}}|{_YEAR})\s*Q([1-4]))\b")),
    # "the second quarter of fiscal 2025", "fiscal 2025's third quarter", "2025财年第二季度"
    ("fiscal_quarter", _any('fy', 'fiscal', '财年'), regex.compile(rf"(?i)\b(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?quarter\s+of\s+(?:fiscal(?:\s+year)?|FY)\s*'?(\d{{2}}|{_YEAR})\b"
                                     rf"|\bfiscal\s+(?:year\s+)?({_YEAR})['’]?s?\s+(first|second|third|fourth)\s+quarter\b"
                                     rf"|({_YEAR})\s*财年\s*第?([一二三四1-4])季度")),
    # "fiscal first-quarter revenue", "fiscal Q2": a fiscal quarter whose year the context gives
    ("fiscal_quarter_bare", _any('fy', 'fiscal', '财年'), regex.compile(r"(?i)\bfiscal[\s-]+(?:(first|second|third|fourth|1st|2nd|3rd|4th)"
                                                       r"[\s-]+quarter|Q([1-4]))\b")),
    ("quarter", _any('q1', 'q2', 'q3', 'q4', '1q', '2q', '3q', '4q', 'quarter'), regex.compile(rf"(?i)(?:\b(?:Q([1-4])|([1-4])Q)(?:\s*'?({_YEAR}|\d\d)\b)?|\b(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+(?:of\s+)?({_YEAR}))?|\b({_YEAR})\s+(first|second|third|fourth)[\s-]quarter)")),
    ("quarter", _any('季',), regex.compile(rf"(?:({_YEAR})\s*年\s*)?(?:第?([一二三四1-4])季度|第([一二三四1-4])季(?![节度]))")),
    ("half", _any('half', 'h1', 'h2', '1h', '2h'), regex.compile(rf"(?i)(?:\b(first|second)[\s-]+half(?:\s+of)?(?:\s+(?:the\s+year|({_YEAR})))?|\bH([12])\s*'?({_YEAR})?\b|\b([12])H\s*'?({_YEAR}|\d\d)?\b)")),
    ("half", _any('半年',), regex.compile(rf"(?:({_YEAR})\s*年\s*)?(上|下)半年")),
    ("fiscal", _any('fy', 'fiscal', 'financial', '财年'), regex.compile(rf"(?i)\b(?:FY\s?'?(\d{{2}}|{_YEAR})|(?:fiscal|financial)(?:\s+year)?\s+({_YEAR})|({_YEAR})\s+(?:fiscal|financial)\s+year)\b|({_YEAR})\s*财年|(?<![\d/／-])(\d{{2}}|{_YEAR})财年")),
    # "August 2024 to July 2025", "2024年8月至2025年7月": months across two years (twelve of them: a year
    # across two, as a season is)
    ("months_across", re.compile(rf"{_MONTH_AT_WORD_START}\.?\s+(?:19|20)\d\d\s*(?:to|through|-|–|—|until|and)\s*{MONTH_WORDS}"),
     regex.compile(rf"(?i)\b(?:from\s+|between\s+)?({MONTH_WORDS})\.?\s+({_YEAR})\s*(?:to|through|-|–|—|until|and)\s*({MONTH_WORDS})\.?\s+({_YEAR})\b")),
    ("months_across", _any('月',), regex.compile(rf"({_YEAR})\s*年\s*({_ZH_MONTH})\s*月(?:份)?\s*(?:-|–|—|~|至|到)\s*({_YEAR})\s*年\s*({_ZH_MONTH})\s*月")),
    ("months", re.compile(rf"{_MONTH_AT_WORD_START}\.?\s*(?:to|through|-|–|—|until|and)\s*{MONTH_WORDS}"), regex.compile(rf"(?i)\b(?:from\s+|between\s+)?({MONTH_WORDS})\.?\s*(?:to|through|-|–|—|until|(?<=between\s+\w+\.?\s*)and)\s*({MONTH_WORDS})\.?(?:\s+(?:of\s+)?({_YEAR}))?\b")),
    ("months", _any('月',), regex.compile(rf"(?:({_YEAR})\s*年\s*)?({_ZH_MONTH})\s*月?\s*(?:-|–|—|~|至|到)\s*({_ZH_MONTH})\s*月")),
    # "the week ending June 7", "last week", 上周, 最近一周: a week, named by its ISO number (a week's figure
    # is never the year's, nor the running total's; "this week" is the present, as a figure of no period is)
    ("week", _any('week', '周', '週'), regex.compile(
        rf"(?i)\b(?:the\s+)?(?:week|seven\s+days)\s+(?:ending|ended|to|through)\s+(?:(?:{_WEEKDAY_STEMS})day,?\s+)?(?:({MONTH_WORDS})\.?\s+(\d{{1,2}})|(\d{{1,2}})\s+({MONTH_WORDS}))\b"
        rf"|\b(last|previous|latest)\s+week\b|(上一?周|最近一周|过去一周)"
        # "截至11月9日的一周", "截至11月9日为止的一週"
        r"|(?:截至|截止)(\d{1,2})月(\d{1,2})日(?:为止)?的(?:这|那)?一周")),
    # "as of March 31", "by the end of March", "at end-June": a stock at a date is of its month
    # "at the end of 2025", "end-2024", "2025年底", "去年末": the year's last month, where a stock stands, as "at the
    # end of December" says it
    ("year_end", _any('end of', 'end-', 'year-end', '年底', '年末'), regex.compile(
        rf"(?i)\b(?:at|by)\s+the\s+end\s+of\s+({_YEAR})\b|\b(?:at\s+)?(?:year-)?end[-\s]({_YEAR})\b"
        rf"|(?:({_YEAR})\s*年|(今年|去年))\s*[底末](?!\s*[前后之以])")),
    ("month", re.compile(rf"a(?<!\w.)t\s+{MONTH_WORDS}\.?\s+\d"), regex.compile(rf"(?i)\bat\s+({MONTH_WORDS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+({_YEAR}))?")),
    # "On May 1, 16,420 vehicles used the bridge", "5月1日当天": what happened on one day, the sentence opening
    # on it, is that day's (not a day further on: "opened on August 15", "will open on September 19")
    ("event_day", _any('on ', '日'), regex.compile(
        rf"(?i)(?:(?<=^|[.!?;]\s{{1,3}}|\n\s{{0,3}})on\s+(?:(?:{_WEEKDAY_STEMS})day,?\s+)?(?:({MONTH_WORDS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})\s+({MONTH_WORDS}))\b(?:,?\s+({_YEAR})\b)?(?=\s*,))"
        rf"|(?<![\d年])(?:({_YEAR})\s*年\s*)?({_ZH_MONTH})\s*月\s*(\d{{1,2}})\s*日\s*(?:当天|当日|单日|这一天)")),
    # "as of Tuesday", "as of Sept 8", "截至8日": a running total at one day (at a month's last day, of that
    # month, as "at the end of September" is)
    ("as_of_day", _any('as of', 'as at', '截至', '截止'), regex.compile(
        rf"(?i)\bas\s+(?:of|at)\s+(?:(?:last\s+)?({_WEEKDAY_STEMS})day(?:,?\s+({MONTH_WORDS})\.?\s+(\d{{1,2}})\b|,?\s+(\d{{1,2}})\s+({MONTH_WORDS})\b)?"
        rf"|({MONTH_WORDS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+({_YEAR})\b)?|(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_WORDS})\b(?:,?\s+({_YEAR})\b)?)"
        rf"|截[至止](?:({_YEAR})\s*年)?(?:({_ZH_MONTH})\s*月)?(?:(\d{{1,2}})\s*日|(前日|昨日|昨天|今日|今天|前天)(?:\s*[（(]\s*(?:周|星期)[一二三四五六日天]\s*[)）])?)(?!\s*[止底]?\s*的?\s*(?:\d|[一二三四五六七八九十两]|财|年度|会计|过去|前))")),
    ("month", _any('as of', 'as at', 'end of', 'end-'), regex.compile(rf"(?i)\b(?:as\s+(?:of|at)|by\s+the\s+end\s+of|at\s+the\s+end\s+of|(?:at\s+)?end-)\s*({MONTH_WORDS})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+({_YEAR}))?\b")),
    ("month", re.compile(rf"{_MONTH_AT_WORD_START}\b"), OpenedScan(regex.compile(rf"(?i)(?<!\b(?:that|which)\s+(?:ended|ends|closed|closes|finished)\s+in\s+)\b({MONTH_WORDS})\.?(?:\s+({_YEAR}))?\b(?!\s+\d{{1,2}}\b)"),
                _MONTH_OPENINGS)),
    ("month", _any('月',), regex.compile(rf"(?:({_YEAR})\s*年\s*)?({_ZH_MONTH})月(?!\s*\d)")),
    ("decade", _any('0s', "0's", '0’s', '年代'), OpenedScan(regex.compile(r"(?i)(?:\b(?:early|mid|late)[\s-]+)?(?<!\d)((?:19|20)\d)0['’]?s\b|((?:19|20)\d)0\s*年代"),
                r"[eml](?<![a-z0-9_].)(?:arly|id|ate)|19|20")),
    # "the 2023/24 season", "2023-24学年", "2023/2024产季": a year across two (the second the next year), before
    # a comma or a full stop too ("from 2025-26 to 2029-30, including"), not inside a number ("2023-24.5")
    ("season", re.compile(r"(?:19|20)\d\d\s*[/／-]\s*\d\d"), regex.compile(rf"(?<![\d./]|\d,)({_YEAR})\s*[/／-]\s*((?:19|20)?\d\d)(?![\d%/-]|[.,]\d)")),
    ("year", _any('19', '20'), regex.compile(rf"(?<![\d.]|\d,)({_YEAR})(?:\s*年)?(?![\d%年s万亿千百]|\s*(?:年代|s\b))")),  # "2032万吨" is a figure
    # "上年同期为680万部": the period named before, a year earlier (before "上年" alone is read)
    ("anaphor", _any('同期', '同季'), regex.compile(r"(?:去年|上年|上一年|前一年)同(?:期|季)")),
    # "the same period of last year", "the same quarter a year earlier": the period named before, a year earlier
    ("anaphor", _any('same period', 'same quarter', 'same month', 'same half'), regex.compile(
        r"(?i)\bthe\s+same\s+(?:period|quarter|month|half)\s+(?:of\s+)?(?:last\s+year|the\s+(?:previous|prior)\s+year|a\s+year\s+(?:earlier|before|ago))")),
    # "so far this year", "year to date", 今年以来: January to the month before the article's (the figures a
    # report in October gives are September's)
    ("year_to_date", _any('so far this year', 'this year so far', 'to date', '今年以来', '年初至今', '年初以来', '今年迄今', '今年至今', '今年累计', '年内累计'),
     regex.compile(r"(?i)\bso\s+far\s+this\s+year\b|\bthis\s+year\s+so\s+far\b|\b(?:the\s+)?year[\s-]to[\s-]date\b|今年以来|年初至今|年初以来|今年迄今|今年至今|今年累计|年内累计")),
    # "its last financial year", 上一财年: the latest fiscal year ended before the article (see _read)
    ("latest_fiscal", _any('fiscal year', 'financial year', '财年', '财政年度', '会计年度'),
     regex.compile(r"(?i)\b(?:last|latest|most\s+recent|past|just[\s-]ended)\s+(?:fiscal|financial)\s+year\b"
                   r"|上一?个?(?:财年|财政年度|会计年度)")),
    # "sold 353,260 vehicles last month", 上月, 本月, "last quarter": counted from the article's date ("the last
    # month of the year" is a month of its own, "the past month" thirty days)
    ("relative_month", _any('last month', 'this month', 'last quarter', 'this quarter', '上月', '上个月', '本月', '上季', '上一季', '本季'),
     regex.compile(r"(?i)(?<!\bthe\s)\b(?:last|this)\s+(month|quarter)\b(?!\s+of\b)|(上一?个?|本)(月|季度?)(?!份?\s*\d|底|末|初|中|同期)")),
    ("year_word", _any('year', '年'), OpenedScan(regex.compile(r"(?i)\b(?:full[\s-]year|the\s+whole\s+year|for\s+the\s+year|(?:last|this|next)\s+year|the\s+(?:previous|prior|preceding)\s+year)\b|全年|今年|去年|上一?年|前年"),
                r"f(?<![a-z0-9_].)(?:ull[\s-]year|or\s+the\s+year)|t(?<![a-z0-9_].)h(?:e\s+(?:whole|previous|prior|preceding)\s+year|is\s+year)"
                r"|l(?<![a-z0-9_].)ast\s+year|n(?<![a-z0-9_].)ext\s+year|全年|今年|去年|上一?年|前年")),
    ("anaphor", _any('quarter', 'period', 'month', 'half', 'week', '季', '同期', '当月', '周', 'financial year', 'fiscal year'), OpenedScan(regex.compile(r"(?i)\b(?:in|during|for|over)\s+(?:the|that|the\s+same)\s+(?:quarter|period|month|half|week(?!\s+(?:ending|ended|to|through|before|earlier|ago)\b)|(?:financial|fiscal)\s+year|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+months)\b(?!\s+(?:of\s+)?(?:last|a|the\s+previous|the\s+prior)\s+year|\s+a\s+year\s+(?:earlier|before|ago))|该季度|当季|同期|当月|这一?周|该周|当周"),
                r"[idfo](?<![a-z0-9_].)(?:n|uring|or|ver)\s+th(?:e|at)\s+(?:same\s+)?(?:quarter|period|month|half|week|financial|fiscal|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                r"|该季度|当季|同期|当月|这一?周|该周|当周")),
]
# The triggers once each, and the patterns with their trigger's number (a tuple's hash is not kept)
_TRIGGER_LIST = list({id(trigger): trigger for _, trigger, _ in _PATTERNS}.values())
_NUMBERED_PATTERNS = [(kind, next(n for n, t in enumerate(_TRIGGER_LIST) if t is trigger), pattern)
                      for kind, trigger, pattern in _PATTERNS]
# Every literal of the triggers once, each tested with a substring test (several times quicker than a
# pattern's search for it), the shorter first: a literal that holds a shorter one ("fiscal year", "fiscal";
# 今年以来, 年) is tested only where that one was found, as it cannot stand where that one does not
_LITERALS = sorted({literal for trigger in _TRIGGER_LIST if isinstance(trigger, tuple) for literal in trigger},
                   key=lambda literal: (len(literal), literal))
_LITERAL_TESTS = [(literal, next((inner for inner in _LITERALS if len(inner) < len(literal) and inner in literal), None))
                  for literal in _LITERALS]
# A trigger of literals fires where the set of those found meets its own. A pattern trigger that opens with a
# month word at a word's start is tried only where one stands (one search for those serves all of them);
# any other is searched for.
_TRIGGER_TESTS = [("literals", frozenset(trigger)) if isinstance(trigger, tuple)
                  else ("at month", trigger) if trigger.pattern.startswith(_MONTH_AT_WORD_START)
                  else ("search", trigger) for trigger in _TRIGGER_LIST]
_MONTH_START = re.compile(_MONTH_AT_WORD_START)


def _triggers(low: str) -> list[bool]:
    """Per trigger of `_TRIGGER_LIST`, whether it finds something in the case-folded text `low`."""
    present = set()
    for literal, inner in _LITERAL_TESTS:
        if (inner is None or inner in present) and literal in low:
            present.add(literal)
    # (a month word holds no other's start, as it is all letters: these are every place one opens)
    month_starts = [m.start() for m in _MONTH_START.finditer(low)]
    fired = []
    for how, test in _TRIGGER_TESTS:
        if how == "literals":
            fired.append(not present.isdisjoint(test))
        elif how == "at month":
            fired.append(any(test.match(low, at) for at in month_starts))
        else:
            fired.append(test.search(low) is not None)
    return fired


_COUNT_EN = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
             "eleven": 11, "twelve": 12, "eighteen": 18}
_ZH_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
           "十一": 11, "十二": 12}
# A period right after these words is the base of a comparison ("lower than in 2023", "比上年").
_BASE_BEFORE = regex.compile(r"(?i)(?:\b(?:(?:founded|established|set\s+up|incorporated|formed)\s+in|than|from|(?<!(?:year|month|quarter|week)[\s-])on|(?<!(?:year|month|quarter|week)[\s-])over|versus|vs\.?|against|compared\s+(?:with|to)|comparisons?\s+(?:with|to)|relative\s+to|since"
                             # "tops its 2019 record", "beat the 2023 figure": the period of what was surpassed
                             r"|tops?|topped|topping|beat(?:s|ing)?|surpass\w*|exceed\w*|overtak\w*|outstrip\w*|eclips\w*)"
                             r"(?:\s+(?:the|a|its|in|at|end|close|start|beginning|same|period|time|year|of|levels?|figures?)){0,5}\s*"
                             r"|比|较|相比|相较|对比"
                             # "since the outbreak was declared in August 2024", "自2024年8月…以来": where a running
                             # total starts, not the period it is of
                             r"|\bsince\s+(?:[a-z]+\s+){1,6}(?:in|on)\s+|自\s*"
                             # "6.4% more than the 1.16 billion of 2023", "than the 479,000 tonnes it exported in
                             # the first six months of 2024": the period of a base figure
                             r"|\b(?:than|from|versus|vs\.?|against|compared\s+(?:with|to))\s+(?:the\s+|its\s+|their\s+)?"
                             r"(?:[A-Z]{0,3}[$€£¥₹₩₱฿]|Rs\.?\s?)?[\d.,]+\s*(?:%|[A-Za-z]+)?(?:\s+[A-Za-z]+){0,2}\s+(?:of|in|for|at)\s+(?:the\s+)?)$")
# "6月中旬世界杯开赛后，…": when something happened, after which the figures run, not their period
_EVENT_TIME_AFTER = regex.compile(r"(?:上旬|中旬|下旬|初|底|末)?[\p{Han}]{0,10}?(?:开赛|开幕|开始|启动|上市|推出|实施|落地|开通)?(?:后|後|之后|以后)(?=[，,])")
# (tried where its alternatives' first words stand)
_BASE_BEFORE_SCAN = OpenedScan(_BASE_BEFORE, r"(?<![a-z0-9_])(?:founded|established|set|incorporated|formed|than|from|"
                                             r"on|over|versus|vs|against|compared|comparison|relative|since|top|beat|surpass|"
                                             r"exceed|outstrip|eclips)|[比较相对自]")
_QUARTER_ENDED = regex.compile(rf"(?i)\s*[（(]\s*(?:截至|截止|至|ended|ending|to|through)\s*(?:(?:(\d{{4}})\s*年\s*(\d{{1,2}})\s*月)"
                               rf"|(?:the\s+end\s+of\s+)?(?:\d{{1,2}}\s+)?({MONTH_WORDS})\.?(?:\s+\d{{1,2}})?,?\s+(\d{{4}}))")
_THIS_FISCAL_NEAR = regex.compile(r"[本今](?:财年|财政年度|会计年度)")
_RELATIVE_YEAR = regex.compile(r"(?:the\s+)?(last|this|next|previous|prior|preceding)\s+year")
_MAY_MONTH_BEFORE = regex.compile(r"(?i)\b(?:in|during|for|since|of|until|till|through|from|to|last|next|this|early|"
                                   r"late|mid|end|between)[\s-]+$")
_MAY_VERB = regex.compile(r"(?i)\bmay\s+(?:be|have|not|reach|rise|fall|grow|also|well|still)\b")


def _month(word: str) -> int:
    if word.isdigit():
        return int(word)
    if word in _ZH_NUM:
        return _ZH_NUM[word]
    low = word.lower()[:3]
    return next(i + 1 for i, m in enumerate(_MONTHS) if m.startswith(low))


def _count(word: str | None) -> int | None:
    """A number of months as written: "9", "nine", "九"."""
    if not word:
        return None
    return int(word) if word.isdigit() else _COUNT_EN.get(word.lower()) or _ZH_NUM.get(word)


def _counted_year(relative: str | None, article_year: int | None) -> str | None:
    """The year 今年 or 去年 names, counted from the article's."""
    shift = {"今年": 0, "去年": -1}.get(relative or "")
    return str(article_year + shift) if shift is not None and article_year else None


def _year(s: str | None) -> int | None:
    if not s:
        return None
    y = int(s)
    return y + 2000 if y < 100 else y


def find_periods(folded: str, start: int, end: int, article_year: int | None,
                 article_month: int | None = None, article_day: int | None = None) -> list[PeriodMention]:
    """Every period named in folded[start:end], sorted, without overlaps (the more specific pattern wins).
    `article_month`: the month of the article's date, for "so far this year"."""
    found: list[PeriodMention] = []
    taken: list[tuple[int, int]] = []
    triggered = _triggers(folded[start:end].casefold())
    for kind, trigger, pattern in _NUMBERED_PATTERNS:
        if not triggered[trigger]:
            continue
        for m in pattern.finditer(folded, start, end):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            mention = _read(kind, m, article_year, article_month, article_day)
            if mention is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(mention)
    found.sort(key=lambda p: p.start)
    return _with_relative_years(folded, found)


_PART_KINDS = ("quarter", "half", "month", "months", "fiscal_quarter")


def _with_relative_years(folded: str, found: list[PeriodMention]) -> list[PeriodMention]:
    """"今年第二季度", "去年上半年", "this year's first half": one period, the part in the year named."""
    out: list[PeriodMention] = []
    for p in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "year" and prev.year is not None and p.year is None
                and p.kind in _PART_KINDS and _JOINED_YEAR.fullmatch(folded, prev.end, p.start)
                and _RELATIVE_WORD.fullmatch(prev.words.lower())):
            out[-1] = PeriodMention(prev.start, p.end, p.kind, prev.year, p.part, prev.base or p.base,
                                    folded[prev.start:p.end])
            continue
        out.append(p)
    return out


_JOINED_YEAR = regex.compile(r"\s*(?:的|['’]s\s+)?\s*")
_RELATIVE_WORD = regex.compile(r"今年|去年|明年|前年|(?:last|this|next)\s+year")


_DAYS_BACK = {"今日": 0, "今天": 0, "昨日": 1, "昨天": 1, "前日": 2, "前天": 2}


def _as_of_day(m: regex.Match, g: list, article_year: int | None, article_month: int | None,
               article_day: int | None, base: bool, words: str) -> PeriodMention | None:
    """A day a running total is given at; its year and month, when not written, the article's (a weekday:
    the latest such day on or before the article's date)."""
    weekday, wd_month, wd_day, wd_day2, wd_month2, month_a, day_a, year_a, day_b, month_b, year_b, zy, zm, zd, zrel = g
    if zrel:  # 截至前日, 截至昨日: counted back from the article's date
        if article_year is None or article_month is None or article_day is None:
            return None
        try:
            then = date(article_year, article_month, article_day) - timedelta(days=_DAYS_BACK[zrel])
        except ValueError:
            return None
        return PeriodMention(m.start(), m.end(), "day", then.year, f"{then.month:02d}-{then.day:02d}", base, words)
    year = int(year_a or year_b or zy) if (year_a or year_b or zy) else article_year
    if weekday:
        if wd_month or wd_month2:
            month, day = _month(wd_month or wd_month2), int(wd_day or wd_day2)
        else:
            if article_year is None or article_month is None or article_day is None:
                return None
            try:
                today = date(article_year, article_month, article_day)
            except ValueError:
                return None
            back = (today.weekday() - _WEEKDAYS.index(weekday.lower())) % 7
            then = today - timedelta(days=back)
            year, month, day = then.year, then.month, then.day
    elif month_a or month_b:
        month, day = _month(month_a or month_b), int(day_a or day_b)
    else:
        month = _month(zm) if zm else article_month
        day = int(zd)
        if month is None:
            return None
        if not zm and article_day is not None and day > article_day and year is not None:
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)  # (截至28日 on the 3rd: last month's)
    if year is None:
        return None
    try:
        then = date(year, month, day)
    except ValueError:
        return None
    if (then + timedelta(days=1)).day == 1:  # a month's last day: that month's stock
        return PeriodMention(m.start(), m.end(), "month", year, str(month), base, words)
    return PeriodMention(m.start(), m.end(), "day", year, f"{month:02d}-{day:02d}", base, words)


def _week(m: regex.Match, g: list, article_year: int | None, article_month: int | None,
          article_day: int | None, base: bool, words: str) -> PeriodMention | None:
    """The ISO week a week's figure is of: the one holding the day it ends on, or counted from the article's
    date ("last week", 上周, 最近一周: the week before the article's)."""
    month_a, day_a, day_b, month_b, _, _, zh_month, zh_day = g
    month_a, day_a = (zh_month, zh_day) if zh_month else (month_a, day_a)
    if article_year is None or article_month is None or article_day is None:
        return None
    try:
        today = date(article_year, article_month, article_day)
        if month_a or month_b:
            then = date(article_year, _month(month_a or month_b), int(day_a or day_b))
            if then > today:
                then = date(article_year - 1, then.month, then.day)  # (a week of December in January's news)
        else:
            then = today - timedelta(days=7)
    except ValueError:
        return None
    year, week, _ = then.isocalendar()
    return PeriodMention(m.start(), m.end(), "week", year, f"{week:02d}", base, words)


def _read(kind: str, m: regex.Match, article_year: int | None, article_month: int | None = None,
          article_day: int | None = None) -> PeriodMention | None:
    g = [x for x in m.groups()]
    base = bool(_BASE_BEFORE_SCAN.search(m.string, max(0, m.start() - 60), m.start())
                or _EVENT_TIME_AFTER.match(m.string, m.end()) is not None)
    words = m.group()
    if kind == "first":  # groups: English months, English year; 年, 半年, Chinese months
        months = g[0] or g[4]
        n = 6 if g[3] else 12 if g[1] or g[2] else _count(months)
        return PeriodMention(m.start(), m.end(), "first", None, str(n), base, words) if n else None
    if kind == "year_end":
        year = _year(g[0] or g[1] or g[2] or _counted_year(g[3], article_year))
        return PeriodMention(m.start(), m.end(), "month", year, "12", base, words) if year else None
    if kind == "year_to_date":
        if article_year is None or article_month is None or article_month < 2:
            return None
        if article_month == 2:
            return PeriodMention(m.start(), m.end(), "month", article_year, "1", base, words)
        return PeriodMention(m.start(), m.end(), "months", article_year, f"1..{article_month - 1}", base, words)
    if kind == "latest_fiscal":
        # A year that ends in another month than December (a fiscal year that is the calendar year is seldom
        # called one) and ended before the article: in its year when the article is of April or later,
        # as most such years end in March, June or September. 上一财年 beside 本财年 is the one before that,
        # which the date does not tell (本财年 may be the year just reported or the one under way).
        if article_year is None or article_month is None:
            return None
        if _THIS_FISCAL_NEAR.search(m.string, max(0, m.start() - 40), m.end() + 40):
            return None
        first = article_year - (1 if article_month >= 4 else 2)
        return PeriodMention(m.start(), m.end(), "season", first, "", base, words)
    if kind == "event_day":
        month_a, day_a, day_b, month_b, year_a, year_z, month_z, day_z = g
        year = int(year_a or year_z) if (year_a or year_z) else article_year
        month = _month(month_a or month_b) if (month_a or month_b) else _month(month_z)
        day = int(day_a or day_b or day_z)
        try:
            then = date(year, month, day) if year is not None and month is not None else None
        except ValueError:
            then = None
        return PeriodMention(m.start(), m.end(), "day", year, f"{month:02d}-{day:02d}", base, words) if then else None
    if kind == "as_of_day":
        if m.string[max(0, m.start() - 1):m.start()] in ("（", "("):
            return None  # "2023-24财年（截至2024年6月30日）": the end of the period just named
        return _as_of_day(m, g, article_year, article_month, article_day, base, words)
    if kind in ("fiscal_quarter", "fiscal_quarter_bare") and (ended := _QUARTER_ENDED.match(m.string, m.end())):
        # "2025财年第三季度（截至2025年3月31日）", "fiscal Q3 (ended March 31, 2025)": the calendar quarter
        # the text says it is, which figures of calendar quarters meet
        year, month = (ended[1], ended[2]) if ended[1] else (ended[4], ended[3])
        if _month(month) % 3 == 0:
            return PeriodMention(m.start(), ended.end(), "quarter", _year(year), str(_month(month) // 3), base, words)
    if kind == "fiscal_quarter" and len(g) == 6:
        if g[0]:
            q, y = _ORDINAL[g[0].lower()], g[1]
        elif g[2]:
            q, y = _ORDINAL[g[3].lower()], g[2]
        else:
            q, y = _ORDINAL[g[5]], g[4]
        return PeriodMention(m.start(), m.end(), kind, _year(y), q, base, words)
    if kind == "fiscal_quarter_bare":
        q = _ORDINAL[g[0].lower()] if g[0] else g[1]
        return PeriodMention(m.start(), m.end(), "fiscal_quarter", None, q, base, words)
    if kind == "fiscal_quarter":
        q, y = (g[0], g[1]) if g[0] else (g[3], g[2])
        return PeriodMention(m.start(), m.end(), kind, _year(y), q, base, words)
    if kind == "quarter":
        if len(g) == 3:  # Chinese: 第三季度, or 第三季 as Hong Kong and Taiwan write it
            return PeriodMention(m.start(), m.end(), kind, _year(g[0]), _ORDINAL[g[1] or g[2]], base, words)
        q = g[0] or g[1] or (g[3] and _ORDINAL[g[3].lower()]) or (g[6] and _ORDINAL[g[6].lower()])
        y = g[2] or g[4] or g[5]
        return PeriodMention(m.start(), m.end(), kind, _year(y), q, base, words)
    if kind == "half":
        if len(g) == 2:
            return PeriodMention(m.start(), m.end(), kind, _year(g[0]), _ORDINAL[g[1]], base, words)
        h = (g[0] and _ORDINAL[g[0].lower()]) or g[2] or g[4]
        return PeriodMention(m.start(), m.end(), kind, _year(g[1] or g[3] or g[5]), h, base, words)
    if kind == "fiscal":
        return PeriodMention(m.start(), m.end(), kind, _year(next(x for x in g if x)), "", base, words)
    if kind == "months":
        if len(g) == 3 and g[1] and not g[1][:1].isalpha():  # Chinese: year, lo, hi
            y, lo, hi = g[0], _month(g[1]), _month(g[2])
        elif len(g) == 3 and g[0] and g[0].isdigit() and len(g[0]) == 4:
            y, lo, hi = g[0], _month(g[1]), _month(g[2])
        else:
            y, lo, hi = g[2], _month(g[0]), _month(g[1])
        if 1 <= hi < lo <= 12 and not y:
            hi += 12  # "between October and March", "10月至次年3月": the months run on into the next year
        elif not 1 <= lo <= hi <= 12:
            return None
        return PeriodMention(m.start(), m.end(), kind, _year(y), f"{lo}..{hi}", base, words)
    if kind == "month":
        if g[0] and g[0].isdigit() and len(g[0]) == 4:
            y, mo = g[0], g[1]
        elif g[0] and g[0][:1].isalpha():
            y, mo = g[1], g[0]
            if g[0].lower() == "may" and (_MAY_VERB.match(m.string, m.start()) or not (
                    g[1] or (g[0] == "May" and _MAY_MONTH_BEFORE.search(m.string, max(0, m.start() - 12), m.start())))):
                return None  # the verb ("in May", "since May": the month)
            if len(g[0]) == 3 and g[0].lower() in ("mar", "jun", "jul", "aug", "dec", "jan", "oct", "nov", "feb", "apr", "sep") and not g[1]:
                return None  # bare abbreviations read as words too often
        else:
            y, mo = g[0], g[1]
        month = _month(mo)
        if not 1 <= month <= 12:
            return None
        return PeriodMention(m.start(), m.end(), kind, _year(y), str(month), base, words)
    if kind == "months_ending":
        n, hi = _count(g[0]), _month(g[1])
        if not 2 <= n <= 11 or not 1 <= hi - n + 1:
            return None  # (twelve months, or months across a year's end, are no range of one year)
        return PeriodMention(m.start(), m.end(), "months", _year(g[2]), f"{hi - n + 1}..{hi}", base, words)
    if kind == "months_ending_zh":
        year = _year(g[0] or _counted_year(g[1], article_year))
        # ("截至今年6月底止的中期业绩": the half, six months, that ends with the month)
        n, hi = _count(g[3]) if g[3] else 6, _month(g[2])
        if not 2 <= n <= 11 or not 1 <= hi - n + 1:
            return None
        return PeriodMention(m.start(), m.end(), "months", year, f"{hi - n + 1}..{hi}", base, words)
    if kind == "months_to":
        if g[0]:
            y, hi = g[1], _count(g[0])
        elif g[3]:
            y, hi = g[2], _count(g[3])
        else:
            y, hi = g[4], 3 * {"二": 2, "两": 2, "兩": 2, "三": 3}[g[5]]
        if not 2 <= hi <= 11:
            return None
        return PeriodMention(m.start(), m.end(), "months", _year(y), f"1..{hi}", base, words)
    if kind in ("year_to", "year_to_zh"):
        if kind == "year_to_zh":  # year, 今年/去年, month, the fiscal year's own year
            g = [g[2], g[0] or g[3] or _counted_year(g[1], article_year)]
        if g[1] is None and article_year is None:
            return None
        month, last = _month(g[0]), int(g[1]) if g[1] else article_year
        if month == 12:
            return PeriodMention(m.start(), m.end(), "year", last, "", base, words)
        # (the month it ends in kept as its part: the halves of such a year are read by it)
        return PeriodMention(m.start(), m.end(), "season", last - 1, str(month), base, words)
    if kind == "months_across":
        lo, first, hi, second = (_month(g[1]), int(g[0]), _month(g[3]), int(g[2])) if g[0].isdigit() else \
            (_month(g[0]), int(g[1]), _month(g[2]), int(g[3]))
        if first == second:
            return PeriodMention(m.start(), m.end(), "months", first, f"{lo}..{hi}", base, words) if lo <= hi else None
        if second != first + 1:
            return None
        if hi == lo - 1 or (lo, hi) == (1, 12):
            return PeriodMention(m.start(), m.end(), "season", first, "", base, words)
        return PeriodMention(m.start(), m.end(), "span", first, f"{first}-{lo:02d}..{second}-{hi:02d}", base, words)
    if kind == "season":
        first, second = int(g[0]), int(g[1])
        if second % 100 != (first + 1) % 100:
            return None  # "2023-25", "2019/20" aside: only a year and the next make one season
        return PeriodMention(m.start(), m.end(), "season", first, "", base, words)
    if kind == "decade":
        return PeriodMention(m.start(), m.end(), "decade", int((g[0] or g[1]) + "0"), "", base, words)
    if kind == "year":
        return PeriodMention(m.start(), m.end(), "year", int(g[0]), "", base, words)
    if kind == "week":
        return _week(m, g, article_year, article_month, article_day, base, words)
    if kind == "relative_month":
        if article_year is None or article_month is None:
            return None
        quarter = (g[0] or "").lower() == "quarter" or (g[2] or "").startswith("季")
        back = 0 if g[1] == "本" or words[:4].lower() == "this" else 1  # ("last month", 上月: the one before)
        if quarter:
            q = (article_month - 1) // 3 + 1 - back
            year, q = (article_year, q) if q >= 1 else (article_year - 1, 4)
            return PeriodMention(m.start(), m.end(), "quarter", year, str(q), base, words)
        month = article_month - back
        year, month = (article_year, month) if month >= 1 else (article_year - 1, 12)
        return PeriodMention(m.start(), m.end(), "month", year, str(month), base, words)
    if kind == "year_word":
        w = words.lower().replace("上一年", "上年")
        y = None
        if article_year is not None:
            y = {"今年": article_year, "去年": article_year - 1, "上年": article_year - 1,
                 "前年": article_year - 2}.get(w)
            relative = _RELATIVE_YEAR.fullmatch(w)
            if relative:  # "last year", "this year", "next year": counted from the article's date
                y = article_year + {"last": -1, "this": 0, "next": 1, "previous": -1, "prior": -1,
                                    "preceding": -1}[relative[1]]
        if w in ("上年", "去年", "前年"):
            base = True if w == "上年" else base
        return PeriodMention(m.start(), m.end(), "year", y, "", base, words)
    return PeriodMention(m.start(), m.end(), "anaphor", None, "", base, words)
