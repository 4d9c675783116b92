"""Cue patterns and small readers the framer applies around each figure: cause phrases, changes on the
period before, a flow's value, bases, appositions, gaps and the names a clause opens with. Plain functions of
the folded text (`frames.text.fold`), kept apart from the framer so that it reads at a sitting."""

from __future__ import annotations

import bisect

import regex

from ..model import Claim, Slot
from ..rulefile import OpenedScan
from .holders import Mention
from .measures import NAMED
from .periods import MONTH_WORDS
from . import text as T


# A cause phrase runs from its marker to the next clause break: what it names (strong exports, domestic
# demand) is why a figure is what it is, not what the figure measures or where.
_CAUSE = regex.compile(r"(?i)\b(?:thanks\s+to|helped\s+by|driven\s+by|because\s+of|due\s+to|boosted\s+by|buoyed\s+by|"
                       r"fu?ell?ed\s+by|on\s+the\s+back\s+of)\b"
                       # "record orders on US and German demand": what drove the figure, not its market
                       r"|\bon\s+(?:[\w-]+\s+){0,5}demand\b"
                       # "... to a record $5.48 billion as robusta prices soared": "as" and a clause of change
                       r"|\bas\s+(?:[a-z-]+\s+){1,3}(?:soared|surged|rose|fell|jumped|climbed|slumped|dropped|"
                       r"declined|increased|decreased|grew|weakened|strengthened|tumbled|plunged|rallied|slid)\b"
                       # "… reached 386.7 billion yuan, as trade-in subsidies pulled shoppers": any verb in -ed
                       r"|(?<!\b(?:such|well)\s+)\bas\s+(?!(?:much|many|high|low|far|well|long|soon|large|little|few|"
                       r"expected)\b)(?:[a-z-]+\s+){1,7}[a-z]+ed\b"
                       # "… as new vessels join the global fleet": a clause in the present
                       r"|\bas\s+(?:[\w.'’-]+\s+){1,4}(?:joins?|enters?|arrives?|comes?|weighs?|hits?|slows?|keeps?|"
                       r"push(?:es)?|pulls?|drives?|eases?|fades?|bites?|lingers?|persists?|spreads?|continues?|holds?|"
                       r"stays?|remains?|grows?|rises?|falls?|climbs?|slips?|softens?|improves?|recovers?|cools?|"
                       r"surges?|slumps?|lags?|wanes?|mounts?|deepens?|widens?|narrows?)\b"
                       # "受美国政治不确定性影响，…": under the influence of
                       r"|受惠于|得益于|受益于|由于|因为|受(?=[^，,。；;]{1,30}影响)")
# Where a cause phrase can open: the first words of `_CAUSE`'s alternatives, lower-cased, at a word's start
_CAUSE_SCAN = OpenedScan(_CAUSE, r"(?<![a-z0-9_])(?:thanks|helped|driven|because|due|boosted|buoyed|fu?el|on|as)"
                                 r"|受|由于|因为|得益于")
_CAUSE_END = regex.compile(r"[,;:，；。]")


GAP_BEFORE = regex.compile(r"(?i)\b(?:gap|difference|lead)\s+(?:of|to|at|was|is|narrowed\s+to|widened\s+to)\b|差距|相差|差额")
# Flows whose value and volume both change (not GDP, whose 国内生产总值 ends in 值 too).
VALUED = {"exports", "imports", "sales", "trade", "consumption", "production", "shipments"}
# Words that make a flow's figure its value: "出口额", "export value", "the value of exports", "export earnings".
_VALUE_AFTER = regex.compile(r"(?i)(?:额|金额|总额|值)|\s*(?:value|revenue|earnings|receipts)\b")
_VALUE_BEFORE = regex.compile(r"(?i)\bvalue\s+of\s+(?:its\s+|their\s+|the\s+)?$")
_VALUE_WRITTEN = regex.compile(r"(?:额|值)$")


# A change measured against the period just before, not the same period a year earlier.
_SEQUENTIAL_BEFORE = regex.compile(r"(?i)(?:环比|比上月|较上月|比上季度?|较上季度?|"
                                   # "较10月底增加": on a month named without its year, the one before
                                   r"(?:较|比)(?:上个月|(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月)(?:底|末|份)?|\b(?:month|quarter|week)[\s-]+(?:on|over)[\s-]+"
                                   r"(?:month|quarter|week)\b|\bsequential(?:ly)?\b|\bm/m\b|\bq/q\b|"
                                   r"\bon\s+a\s+(?:quarterly|monthly|weekly|sequential)\s+basis\b)[^;.。；]{0,40}$")
_SEQUENTIAL_AFTER = regex.compile(r"(?i)\s*(?:,?\s*in\s+[a-z]+(?:\s+\d{4})?)?\s*(?:(?:\(|,)?\s*)?(?:month[\s-]+(?:on|over)[\s-]+month|quarter[\s-]+(?:on|over)[\s-]+"
                                  r"quarter|m/m|q/q|on\s+the\s+(?:month|quarter)|from\s+(?:the\s+)?(?:previous|prior|"
                                  r"preceding)\s+(?:month|quarter)|from\s+a\s+(?:month|quarter)\s+(?:earlier|before)"
                                  # "rose 0.48% in September from August": a month without its year is the one before
                                  rf"|(?:from|over|on)\s+{MONTH_WORDS}\b\.?(?!\s*,?\s*\d{{4}}))")


def on_the_previous_period(folded: str, start: int, end: int, clause: tuple[int, int]) -> bool:
    return bool(_SEQUENTIAL_BEFORE.search(folded, max(clause[0], start - 60), start)
                or _SEQUENTIAL_AFTER.match(folded, end))


def names_value(folded: str, start: int, end: int) -> bool:
    return bool(_VALUE_WRITTEN.search(folded, start, end) or _VALUE_AFTER.match(folded, end)
                or _VALUE_BEFORE.search(folded, max(0, start - 20), start))


HOLDS_FIGURE = regex.compile(r"['’]?s?\s+(?:on|with|at|took|takes|had|has|got|won|polled|held|holds)\s+"
                              r"(?:(?:about|around|nearly|almost|just|some|roughly)\s+)?")
EPITHET = regex.compile(r"(?i)['’]s\s+(?:(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))[\s-]+)?"
                        r"(?:largest|biggest|busiest|top|leading|richest|most\s+populous|oldest|main|No\.?\s*\d)\b")
# "规模稳居全球第一", "世界最大的": a rank in the world or a region, no market of a figure
RANK_ZH = regex.compile(r"(?:的)?(?:第[一二三四五六七八九十\d]+|最大|最高|最多|首位|之最|前列|前[三五十]|领先)")
# "Coral Sea's closest regional rival, Nautilus, carried…": the possessor names whom the holder is related to
RELATION = regex.compile(r"(?i)['’]s\s+(?:[\w-]+\s+){0,2}(?:rivals?|competitors?|peers?|customers?|clients?|suppliers?|"
                         r"partners?|parent|units?|subsidiar(?:y|ies)|arm)\b")
AVERAGE = regex.compile(r"(?i)\b(?:average|averaged|averaging|mean)\b|平均|日均|月均|年均")
AGO = regex.compile(r"(?i)\s*(?:a|one|the\s+(?:previous|prior|preceding))\s+(?P<unit>day|week|month|quarter|year)"
                     r"(?:\s+(?:earlier|before|ago|previously))?\b")
SHIPPED = regex.compile(r"(?i)ship(?:s|ped)")  # the verb, its subject the country: not "shipments in China"
# (and "…on the same period of last year, when it earned €1.05 billion": that period's own figure)
OWN_BASE_BEFORE = regex.compile(r"\s*(?:的|度?(?:为|是|达|录得|则为))\s*|,?\s+when\s+(?:it|they|the\s+\w+)\s+(?:earned|made|had|posted|reported|recorded|sold|stood\s+at|was|were)\s+")  # "上年度为81.2%": that year's own
LONGEST_NAME = 200  # characters: no name or period a text writes is longer


def cause_spans(folded: str, sentence: tuple[int, int]) -> list[tuple[int, int]]:
    out = []
    for m in _CAUSE_SCAN.finditer(folded, *sentence):
        stop = _CAUSE_END.search(folded, m.end(), sentence[1])
        out.append((m.start(), stop.start() if stop else sentence[1]))
    return out


APPOSED_CHANGE_ZH = regex.compile(r"[^.;!?。]{0,20}[,，]\s*(?:同比|环比|比上年|较上年|比去年)?(?:增长|下降|上涨|下跌|增加|减少|上升)了?")
APPOSED_CHANGE = regex.compile(r"[^.;!?]{0,60},\s*(?:a|an|up|down)?\s*(?:\w+\s+){0,3}(?:of\s+)?")
ATTACHED = regex.compile(r"(?i)\s*(?:(?!(?:than|from|over|since|on|against|versus|vs)\b)[A-Za-z]+\s+){0,2}"
                          r"(?:of|in|for)\s+(?:the\s+)?")
BASE_FIGURE = regex.compile(
    r"(?i)(?:\b(?:compared\s+(?:with|to)|versus|vs\.?|against|(?:up|down)\s+(?:from|on)|from|than\s+(?=the|its|their))(?:\s+(?:a|an|the|just|about|around|"
    # ("fell 26.3% from last year's 35.0 million tonnes": the year before's figure)
    r"roughly|nearly|almost|some|its|their|(?:last|the\s+previous|the\s+prior)\s+(?:year|season|quarter|month)['’]s))*|\bwhen\b[^,;.]{0,40}\b(?:stood|was|were|had\s+been)(?:\s+at)?)\s*$"
    # "较上一产季的223万吨", "比2023年的53.3%": what it is compared with, written as 较/比 … 的 before the figure
    r"|(?:较|比|相比于?|相较于?|对比)[^，,。；;:：()]{0,12}?的\s*$"
    # "毛利率由上年度的20.6%改善至24.0%": the figure it changed from
    r"|由[^，,。；;:：()]{0,12}?的\s*$|由\s*$")
# (tried where its alternatives' first words stand)
BASE_FIGURE_SCAN = OpenedScan(BASE_FIGURE, r"(?<![a-z0-9_])(?:compared|versus|vs|against|up|down|from|than|when)"
                                           r"|[较比相对由]")


FRONT_MATTER = regex.compile(r"\s*---[ \t]*\n.*?\n---[ \t]*\n", regex.S)
CLASSIFIER = regex.compile(r"[\d一二三四五六七八九十两百千万亿]\s*[台辆部个家件只套座架艘枚名位人户所项款吨]")
JOINED = regex.compile(r"\s*(?:的|['’]s\s+|\s)?\s*")
_PARENTHESES = regex.compile(r"\([^()]*\)")
_BREAK = regex.compile(r"[,;:(]|\s(?:while|whereas|but|with)\s")


def coordinated(text: str, start: int, end: int) -> bool:
    """No clause break between a figure and a later period, parenthetical asides aside: "54.1 million units
    and a 17.8% share in the third quarter of 2023"."""
    between = _PARENTHESES.sub("", text[start:end])
    return not _BREAK.search(between)


def equivalent(vocab, key: str | None, obj: tuple[str, ...]) -> str | None:
    """A measure an extension reads as another for one object ("production" of rare earths is mining)."""
    if not key or not obj or not obj[0].startswith(NAMED):
        return key
    name = obj[0][1:].partition("=")[0]
    head, sep, base = key.partition(" of ")
    for measure, means, of in vocab.equivalents:
        if of == name:
            if key == measure:
                return means
            if sep and base == measure:
                return f"{head} of {means}"
    return key


def object_slot(words: tuple[str, ...]) -> Slot:
    if words and words[0].startswith(NAMED):
        name, _, written = words[0][1:].partition("=")
        # (a part named after it stays written: "咖啡业务", "coffee business")
        for extra in words[1:]:
            written += extra if T.HAN.match(extra) else " " + extra
        return Slot(NAMED + name, written, "object:vocabulary")
    return Slot(" ".join(words) or None, " ".join(words), "object:noun phrase" if words else "")


_FIGURE_PERIOD_GAP = regex.compile(r"[ \t]*(?:in|for|during|of|at\s+the\s+end\s+of)?[ \t]*$")


def after_figure(folded: str, at: int, ends: set[int]) -> bool:
    """A period right after a figure ("41% in 2020") is that figure's, not the article's."""
    gap = _FIGURE_PERIOD_GAP.search(folded, max(0, at - 24), at)
    return gap is not None and gap.start() in ends


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1] + 400:  # one scan over a short gap costs less than another call
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def span_gap(a0: int, a1: int, b0: int, b1: int) -> int:
    return b0 - a1 if a1 <= b0 else (a0 - b1 if a0 >= b1 else 0)


def pick(mentions: list[Mention], claim: Claim, usable, kinds: tuple[str, ...],
          before_only: bool = False) -> Mention | None:
    best = None
    for m in mentions:
        if m.kind not in kinds or not usable(m):
            continue
        before = m.end <= claim.start
        if before_only and not before:
            continue
        d = span_gap(m.start, m.end, claim.start, claim.end) + (0 if before else 30)
        if best is None or d < best[0]:
            best = (d, m)
    return None if best is None else best[1]


# (at word starts: "Tallow Coffee" tallies nothing, "accounts" counts nothing)
_SOURCE_ONLY = regex.compile(r"(?i)\baccording|\bdata\b|\bfigures|\bestimat|\bstatistics|\btracker|\bsurvey|\bcounts?\b|"
                            r"\btall(?:y|ies|ied)\b|\bthat$|\bcalculat|\bresearch|\banalys|据|数据|统计")


# A company's own report ("according to Halvorsen's annual report", "据比亚迪财报") gives its own figures: the
# company stays a holder though it is cited.
_OWN_REPORT = regex.compile(r"(?i)['’]s\s+(?:own\s+)?(?:annual|quarterly|half-year|interim|earnings|results|financial)\b|"
                            r"\b(?:its|their)\s+(?:annual|quarterly|results|statement|filing)|财报|年报|季报|业绩")


def cites_data(words: str) -> bool:
    """An attribution that cites someone's data (so the name is a source, never a holder in the article)."""
    return _SOURCE_ONLY.search(words) is not None and _OWN_REPORT.search(words) is None


_GLUED = frozenset("为约达是")  # characters the segmenter glues to the word before a figure
_GLUED_BEFORE = frozenset("年月")  # a date's last character, which it glues to the word after it (2025年营|收为)


def on_word_bounds(hits: list[tuple[int, int, int]], words: list[tuple[int, int, str]]) -> list[tuple[int, int, int]]:
    """Place cue hits that open and close where the segmenter's words do, or stand in a word it reads as a
    place (亚太 in 亚太地区): a place is no part of another word (世界 in 世界杯, the World Cup)."""
    if not words:
        return hits
    starts = [s for s, _, _ in words]
    kept = []
    for hit in hits:
        i = bisect.bisect_right(starts, hit[0]) - 1
        if i < 0 or (words[i][0] == hit[0] and words[i][1] == hit[1]) or words[i][2] == "ns" or words[i][1] < hit[1]:
            kept.append(hit)  # (a cue over several words, 中国/大陆, is read as before)
    return kept


def within_words(hits: list[tuple[int, int, int]], words: list[tuple[int, int, str]],
                 text: str) -> list[tuple[int, int, int]]:
    """Cue hits (start, end, cue) of `text` that no Chinese word straddles: 费用 (cost) is not read across
    付费/用户 (paying users), so 用户 stays free. A word may hold the whole cue (销量 in 总销量) or the cue
    several words (市场/份额). The segmenter's 价为 and 价约 are a cue's last character and a verb glued on:
    产地价 stands in 产地/价为; its 年营 a date's 年 glued to a cue's first: 营收 stands in 2025/年营/收为."""
    if not words:
        return hits
    starts = [s for s, _, _ in words]
    kept = []
    for hit in hits:
        s, e, _ = hit
        i = bisect.bisect_right(starts, s) - 1  # the word the cue opens in
        j = bisect.bisect_left(starts, e) - 1  # the word the cue closes in
        if (0 <= i and starts[i] < s < words[i][1] < e and not (starts[i] + 1 == s and text[starts[i]] in _GLUED_BEFORE)) \
                or (0 <= j and s < starts[j] < e < words[j][1]
                                                              and not (e + 1 == words[j][1] and text[e] in _GLUED)):
            continue
        kept.append(hit)
    return kept

