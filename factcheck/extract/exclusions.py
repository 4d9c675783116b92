"""What is not a claim: digits that are names, dates, times, list and citation markers, and bare digits that
count nothing. Each test is told cheaply before any value is read."""

from __future__ import annotations

import regex

from .money import ISO_ATTACHED, PENCE, currency_left
from .qualifiers import qualifier_left
from .tokens import T_D, T_DAPPROX, T_DCN, T_NEG, TOKEN
from .units import MEASURE, PERCENT, PERCENT_OF_LEFT, SCALE, SCALE_MONEY, Lexicon, temperature_letter
from .vocabulary import (CLOCK_AFTER, CURRENCY_ISO, DOLLAR_PREFIXES, MARKER_CHARS, MARKER_WORDS, MONTHS, NUMBERED_NAMES, TALLY_NOUNS,
                         TALLY_VERBS, alternation)
from .scan import CJK

# Digits joined by commas that are not thousands groups: 1,1,1 or 2,15,7.
DIGIT_LIST = regex.compile(r"\d+(?:\.\d+)?(?:,\d+(?:\.\d+)?)+")
# After a bare digit: a function word that starts no noun, unit or range ("of" may: "3 of the firms").
_BARE_NEXT = regex.compile(r"\s+(?P<w>and|or|to|in|on|at|by|for|the|with|from|as|is|was|were|are|but|if|than)\b\s*")
_MODEL_NAME = regex.compile(r"[A-Z][A-Z0-9]{2,}\b(?![-'’])")
_MONTH_LEFT = regex.compile(r"(?:" + MONTHS + r")\.?\s+$")
_MONTH_RIGHT = regex.compile(r"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + MONTHS + r")\b")
_MARKER_LEFT = regex.compile(r"(?:\b(?:" + "|".join(MARKER_WORDS) + r")\.?\s*$)|(?:[" + MARKER_CHARS + r"])\s*$")
_NAME_HYPHEN = regex.compile(r"[A-Za-z][A-Za-z0-9]*[-–]$")  # F-35, Type-055, SCP2-173
_DATE_AFTER = regex.compile(r"[-/.]\d")
_DATE_REST = regex.compile(r"(?:[-/]\d{1,2}[-/]\d{1,4}|\.\d+\.\d)")
_DATE_BEFORE = regex.compile(r"(?<!\d)\d{4}[-/.](?:\d{1,2}[-/.])?$")
_DATE_SLASH = regex.compile(r"/\d{1,2}/\d{2,4}")
_LETTERS = regex.compile(r"[A-Za-z]+")
_LIST_ITEM = regex.compile(r"[.)、]\s")
_ORDINALS = ("st", "nd", "rd", "th")
_TALLY = regex.compile(r"[-–]\d{1,3}(?![\d%]|[.,]\d|[-–]\d)")
_TALLY_LEFT = regex.compile(r"(?i:\b(?:" + alternation(TALLY_VERBS) + r")\b)[^.;\n]{0,25}$")
_TALLY_RIGHT = regex.compile(r"(?i:[ \t]+(?:[a-z]+[ \t]+)?(?:" + alternation(TALLY_NOUNS) + r")\b)")
_CLOCK = regex.compile(r"(?:[ \t]?(?:" + alternation(CLOCK_AFTER) + r"))(?![A-Za-z])")
_CLAUSE_START = regex.compile(r"(?:^|[，。；：、,.;:!?！？\n（(])$")
_BOTH_AFTER = regex.compile(r"(?:的|\p{Han}{0,4}(?:都|均|皆))")
_CAPITALS = regex.compile(r"(?<![\w&.-])([A-Z]{2,}[0-9]*)[ \t]$")
_MODEL_AFTER_ZH = regex.compile(r"[A-Z][A-Za-z]*\d[A-Za-z0-9]*")
_NAME_COMMA = regex.compile(r"\b[A-Z][\w'’.-]+,[ \t]$")
_AGE_END = regex.compile(r"[ \t]*(?:[,)]|\.(?:\s|$)|\s+(?:said|says|told|who|is|was|has|had|and)\b)")
_ZH_DATE_RANGE = regex.compile(r"(?:至|到|-|–|~|〜|—)\d{1,2}(?:[月日号](?<!个月))")
_NAMED = regex.compile(r"\b(?:" + alternation(NUMBERED_NAMES) + r")[ \t]$")


def bare_digit(lex: Lexicon, s: str, m: regex.Match, lo: int, hi: int) -> bool:
    """A single digit the extractor would drop (no unit, noun, range or qualifier), told cheaply: "1 and
    between", "2 or". Keeps text full of such digits (`between 1 and` x 10k) as fast as prose."""
    if m[T_NEG] or m[T_DAPPROX] or m[T_DCN]:
        return False
    nb = _BARE_NEXT.match(s, m.end(), hi)
    if nb is None or TOKEN.match(s, nb.end(), hi) is not None or lex.unit_for(nb["w"]) is not None:
        return False
    start = m.start()
    if currency_left(s[max(lo, start - 8):start]) or PERCENT_OF_LEFT.search(s, max(lo, start - 20), start):
        return False
    left = s[max(lo, start - 40):start]
    if left.rstrip()[-7:].lower() == "between" and left[-1:].isspace():
        return True  # "between" qualifies only a range, and none follows
    qm = qualifier_left(left)
    return qm is None or qm["q"].lower() == "between"


def age_after_name(s: str, r, lo: int, hi: int) -> bool:
    """"Ana Ruiz, 54, a nurse": a bare number between commas after a name is an age, not a claim."""
    if r.unit is not None or r.noun is not None or r.high is not None or r.qualifier != "exact" \
            or not 0 < r.value < 120 or r.value != int(r.value):
        return False
    return bool(_NAME_COMMA.search(s, max(lo, r.start - 30), r.start) and _AGE_END.match(s, r.end, hi))


# People named by an age bound: "children under five", "adults over 65", "those aged 12 to 17", "ages 5-11".
_AGE_GROUP = regex.compile(
    r"(?i)(?:\b(?:children|kids|babies|infants|toddlers|people|adults|persons|those|men|women|girls|boys|pupils|"
    r"students|teens|teenagers|residents|patients|workers|drivers|voters|everyone|anyone|individuals)\s+"
    r"(?:(?:aged|age)\s+)?(?:under|over|below|above|younger\s+than|older\s+than)|\baged|\bages?"
    r"|\b(?:aged|ages?)\s+\d{1,3}\s*(?:to|-|–|and)|\bunder-)\s*$")


# ... and in Chinese: "65岁或以上长者", "16至22岁的青年", "年满18岁" (not "平均年龄38岁", an age measured)
_AGE_GROUP_ZH_AFTER = regex.compile(r"\s*(?:或|及)?\s*(?:以上|以下|以内|之间|的|者)")
_AGE_GROUP_ZH_BEFORE = regex.compile(r"(?:年满|未满|满|年龄在|年龄介于)\s*$")


def age_bound(s: str, r, start: int, lo: int) -> bool:
    """"Children under five accounted for 40% of cases", "65岁以上长者占57%": the age names a group, no claim."""
    if not 0 < r.value < 120 or r.value != int(r.value):
        return False
    if r.unit == "year" and (age := s.find("岁", r.start, r.end)) >= 0:  # ("65岁以上" may read 以上 as a bound)
        return bool(_AGE_GROUP_ZH_AFTER.match(s, age + 1) or _AGE_GROUP_ZH_BEFORE.search(s, max(lo, start - 6), start))
    return r.unit is None and bool(_AGE_GROUP.search(s, max(lo, start - 40), start))


def capitals_name(s: str, r, m: regex.Match, lo: int) -> bool:
    """"the MAX 9 was grounded", "the FTSE 250 fell": a small whole number after a word in capitals, counting
    nothing, is part of a name ("BYD 427 units" still counts units)."""
    if r.unit is not None or r.noun is not None or r.scaled or r.high is not None or r.qualifier != "exact" or not m[T_D].isdigit() \
            or len(m[T_D]) > 3:
        return False
    cm = _CAPITALS.search(s, max(lo, r.start - 12), r.start)
    return bool(cm) and cm[1] not in CURRENCY_ISO and cm[1] not in DOLLAR_PREFIXES


def refers_back_zh(s: str, start: int, end: int, lo: int, hi: int) -> bool:
    """两家的市占率, 两项数据都…: at a clause's start, "the two", "both" refer back; they count nothing new."""
    return bool(_CLAUSE_START.search(s, max(lo, start - 1), start) and _BOTH_AFTER.match(s, end, hi))


def spec_label(s: str, r, hi: int) -> bool:
    """12层HBM3E, 8核A17: digits and one Chinese character that name a version of a product, not a count."""
    # Only a character that is no measure word: 4颗H100芯片 counts chips.
    return r.unit is None and r.noun is None and r.high is None and bool(CJK.match(s[r.end:r.end + 1])) \
        and bool(_MODEL_AFTER_ZH.match(s, r.end + 1, hi))


def tally_end(lex: Lexicon, s: str, m: regex.Match, lo: int, hi: int) -> int | None:
    """Where a tally or score such as "a 7-2 vote", "won 3-1" or "finished 45-37" ends, when token `m` starts
    one: a tally word around it, or a falling pair of whole numbers with no unit (never a range)."""
    if m[T_DCN] or len(m[T_D]) > 3 or not m[T_D].isdigit():
        return None
    t = _TALLY.match(s, m.end(), hi)
    if t is None:
        return None
    if _TALLY_RIGHT.match(s, t.end(), hi) or _TALLY_LEFT.search(s, max(lo, m.start() - 40), m.start()):
        return t.end()
    if int(m[T_D]) > int(t[0][1:]) and not lex.follows(s, t.end()) and not SCALE.match(s, t.end()):
        return t.end()
    return None


def rejected_digits(lex: Lexicon, s: str, m: regex.Match, lo: int, hi: int) -> bool:
    """Digits that are not figures: names, dates, times, markers, citations."""
    start, end = m.start(T_D), m.end()
    digits = m[T_D]
    before = s[start - 1] if start > lo else " "
    after = s[end] if end < hi else " "
    if before.isascii() and before.isalpha() and not ISO_ATTACHED.search(s, max(lo, start - 5), start):
        return True  # G7, H20, COVID-19 reads as "-19" below; not USD115
    if before in "-–" and _NAME_HYPHEN.search(s[max(lo, start - 12):start]):
        return True  # F-35, Type-055, SCP2-173
    if before == "[" and after in "],":
        return True  # citation markers [3][5]
    if after == " " and len(digits) >= 3 and digits.isdigit():
        model = _MODEL_NAME.match(s, end + 1, hi)
        if model and not lex.pattern.match(s, end + 1) and model[0][-3:] not in CURRENCY_ISO:
            return True  # the 737 MAX, a 747 SP: a model number, not a figure
    if after == ":" and end + 1 < hi and s[end + 1].isdigit():
        return True  # clock time 06:38
    if before == ":" and start - 2 >= lo and s[start - 2].isdigit():
        return True
    if _DATE_AFTER.match(s[end:end + 2]) and _DATE_REST.match(s[end:end + 10]):
        return True  # 2025-11-18, 11/18/2025, version 1.2.3
    if before in "-/." and _DATE_BEFORE.search(s[max(lo, start - 8):start]):
        return True  # the month and day of 2025-11-18
    if after == "/" and _DATE_SLASH.match(s[end:end + 11]):
        return True
    if after.isascii() and after.isalpha():
        tail = _LETTERS.match(s[end:end + 12])[0].lower()
        if tail in _ORDINALS or tail == "s":
            return True  # ordinals, the 1990s
        if not (lex.match(s, end) or SCALE.match(s, end) or SCALE_MONEY.match(s, end) or PENCE.match(s, end)
                or temperature_letter(s, start, end, lo)):
            return True  # 5G, 3D, model numbers
    if "," not in digits and "." not in digits and len(digits) == 4 and 1000 <= int(digits) <= 2199 \
            and not m[T_DCN]:
        if not _unit_after_year(lex, s, end):
            return True  # a year used as a date
    window = s[max(lo, start - 12):start]
    if len(digits) <= 2 and (_MONTH_LEFT.search(window) or _MONTH_RIGHT.match(s, end)):
        return True  # October 9, 9 October
    if _MARKER_LEFT.search(window) or _NAMED.search(s, max(lo, start - 16), start):
        return True
    if _CLOCK.match(s, end, hi) and "," not in digits and float(digits) <= 24:
        return True  # 3 p.m., 10am
    # Only the last few characters matter: an unbounded look back is quadratic on one long line.
    back = max(lo, start - 16)
    line_start = s.rfind("\n", back, start) + 1 or (lo if back == lo else -1)
    if line_start >= 0 and (start == line_start or not s[line_start:start].strip()):
        if _LIST_ITEM.match(s[end:end + 2]):
            return True  # list item "1. " at line start
    if before == "(" and after == ")" and len(digits) <= 2:
        return True  # (1)
    return _chinese_date(s, start, end, digits, after)


def _chinese_date(s: str, start: int, end: int, digits: str, after: str) -> bool:
    """10月, 3日, 5号, 8时, 3点 (o'clock), 2025年, the 1990年代: dates and times, not figures."""
    if after == "岁" and s[start - 1:start] in ("（", "(") and s[end + 1:end + 2] in ("）", ")"):
        return True  # 李明（45岁）: an age after a name
    if after in "至到-–~〜—" and "." not in digits and len(digits) <= 2 and _ZH_DATE_RANGE.match(s, end):
        return True  # 1至12月, 3-5日
    if after in "月日号时点" and "." not in digits:
        if after == "月" and s[start - 1:start] != "个" and not s[end - 1:end + 2].endswith("个月"):
            return True
        if after in "日号时" and s[end:end + 2] != "日元":
            return True
        if after == "点" and not s[end + 1:end + 2].isdigit() and "," not in digits and int(digits) <= 24:
            return True  # 3点 (o'clock), not 17000点 (index points)
    if after == "年" and (len(digits) == 4 or s[end + 1:end + 2] == "代"):
        return True
    return False


def _unit_after_year(lex: Lexicon, s: str, pos: int) -> bool:
    if s[pos:pos + 1] == "两" and not CJK.match(s[pos + 1:pos + 2]):
        return True  # 1234两 (liang)
    um = lex.match(s, pos + 1) if s[pos:pos + 1] == " " else lex.match(s, pos)
    if um and lex.unit_for(um[0]) not in ("year", None):
        return True
    if MEASURE.match(s, pos):
        return True  # 2000家, 1500名: a count, not a year
    return bool(PERCENT.match(s, pos) or SCALE.match(s, pos))
