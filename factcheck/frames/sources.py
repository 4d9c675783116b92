"""Basis (actual, forecast, past, proposed, hypothetical) and attribution (the source a figure cites)."""

from __future__ import annotations

import regex

from ..model import Slot
from ..rulefile import OpenedScan, WindowScan
from ..rulefile import literal_gate, lowered_range, words_search
from ..vocabulary import Vocabulary, cue_set
from .periods import MONTH_WORDS, WEEKDAY_WORDS

# Words without one of which (case-folded) no attribution pattern of a language can match: a cheap test before
# the costly patterns, as substring tests rather than a pattern (it runs on every sentence that holds a figure).
# The Chinese patterns also read Latin letters ("TrendForce称"), so without this test they would be tried at
# every letter of an English sentence.
_TRIGGERS_EN = ("accord", "said", "says", "report", "estimat", "calculat", "count", "tall", "put", "found", "finds",
                "expect", "forecast", "project", "note", "show", "reckon", "sees", "data", "figures", "statistic",
                "(")
_TRIGGERS_ZH = ("据", "按照", "显示", "称", "表示", "指出", "发布", "公布")
_FORECAST_VERB = regex.compile(r"(?i)\b(?:expects?|expected|forecasts?|forecasted|projects?|projected|predicts?|"
                                r"predicted|anticipates?|estimates?\s+that)\b|预计|预测|预期|预估|有望")
_FORECAST_VERB_SCAN = OpenedScan(_FORECAST_VERB, r"(?<![a-z0-9_])(?:expect|forecast|project|predict|anticipat|estimat)"
                                                 r"|预|有望")
_HEADLINE_SOURCE = regex.compile(r"\s*([A-Z][\w&.-]{1,30}(?:\s[A-Z][\w&.-]*){0,2})\s*[:：]")
_SHORT_FORM = regex.compile(r"\s*\([^()]{1,30}\)")
_POSSESSIVE = regex.compile(r"['’]s?$")  # "IDC's": the name, not its possessive (nor a plural's s)
_NAMED_AFTER_KIND = regex.compile(r"(?:机构|公司|平台|网站|咨询公司|研究机构|数据商|服务商)(?P<name>[A-Za-z][A-Za-z0-9&.\- ]{1,30}?)\s*"
                                   r"(?:的)?(?:统计|数据|测算|估计|显示|报告|称)")
_A_DAY = regex.compile(rf"(?i){WEEKDAY_WORDS}|today|yesterday|tonight|{MONTH_WORDS}\.?(?:\s+\d{{1,2}})?"
                   r"|[昨今前当]日|[昨今前]天|日前|近日|\d{1,2}日")
_DASH_ASIDE = regex.compile(r"[—–]\s*[^—–\n]{3,160}?\s*[—–]")
_TRAILING = regex.compile(r"(?:\s+(?:and|the|of|in|on|for|said|says|data|figures|report))+$")


def basis(vocab: Vocabulary, folded: str, start: int, end: int, clause: tuple[int, int],
          sentence: tuple[int, int], period_year: int | None, article_year: int | None,
          cues: WindowScan | None = None) -> Slot:
    """A basis cue in the clause before the figure (or right after it), else a future period. `cues`: the
    basis cues already scanned over the windows read."""
    best = None
    lo, hi = clause[0], min(clause[1], end + 25)
    # (an aside between dashes describes, it does not forecast: "the rate — the children a woman is expected
    # to have — at 0.87")
    asides = [m.span() for m in _DASH_ASIDE.finditer(folded, lo, hi) if not m.start() <= start < m.end()] \
        if "—" in folded[lo:hi] or "–" in folded[lo:hi] else []
    for s, e, i in (cues.scan(lo, hi) if cues is not None else cue_set(vocab.basis).scan(folded, lo, hi)):
        if asides and any(a <= s < b for a, b in asides):
            continue
        d = start - e if e <= start else (s - end if s >= end else 0)
        if best is None or abs(d) < best[0]:
            best = (abs(d), vocab.basis[i].name, folded[s:e])
    if best is None:
        # A forecasting verb leading the sentence ("BNEF expects ...", "预计") governs what follows it.
        lead = _FORECAST_VERB_SCAN.search(folded, sentence[0], clause[0])
        if lead is not None:
            best = (0, "forecast", lead.group())
    if best is not None:
        return Slot(best[1], best[2], f"basis:{best[1]}")
    if period_year is not None and article_year is not None and period_year > article_year:
        return Slot("forecast", str(period_year), "basis:future period")
    return Slot("actual", "", "default")


def sentence_sources(vocab: Vocabulary, text: str, folded: str,
                     sentence: tuple[int, int]) -> tuple[Slot | None, list[tuple[int, int]]]:
    """The first source a sentence names ("according to IDC", "TrendForce 称") and where every named source
    stands (names there are attributions, not holders). Each pattern runs once per sentence."""
    low = folded[sentence[0]:sentence[1]].casefold()
    english, chinese = words_search(_TRIGGERS_EN).search(low) is not None, _holds_any(low, _TRIGGERS_ZH)
    if not english and not chinese:
        return None, []
    first: Slot | None = None
    where: list[tuple[int, int]] = []
    for lang, patterns in (("en", vocab.attribution_en if english else ()),
                           ("zh", vocab.attribution_zh if chinese else ())):
        source = text if lang == "en" else folded
        lowered = lowered_range(source, *sentence) if patterns else None
        for pattern in patterns:
            if lowered is not None and not literal_gate(pattern).may_match_lowered(lowered):
                continue  # (it lacks a word every match holds: most sentences, for most patterns)
            for m in pattern.finditer(source, sentence[0], sentence[1]):
                if not m["source"]:
                    continue
                # "the International Data Corporation (IDC)": the short form in brackets names the source too
                short = _SHORT_FORM.match(source, m.end("source"), sentence[1])
                where.append((m.start("source"), short.end() if short else m.end("source")))
                name = _TRAILING.sub("", _POSSESSIVE.sub("", m["source"].strip(" ,."))).strip()
                if lang == "zh" and (named := _NAMED_AFTER_KIND.match(source, m.end(), sentence[1])):
                    # "据船运数据机构Kpler统计": the kind of source first, then its name
                    where.append((named.start("name"), named.end("name")))
                    name = named["name"]
                if _A_DAY.fullmatch(name):
                    continue  # "data released on Saturday showed": when, not whose
                if first is None and len(name) >= 2:
                    first = Slot(name, m.group().strip(), f"attribution:{lang}")
    return first, where


def _holds_any(text: str, words: tuple[str, ...]) -> bool:
    for word in words:  # (a loop, not any(): it runs for every sentence read)
        if word in text:
            return True
    return False


def attribution(vocab: Vocabulary, text: str, folded: str, sentence: tuple[int, int],
                fallback: Slot | None) -> Slot:
    """The source named in the sentence, else the article's."""
    return sentence_sources(vocab, text, folded, sentence)[0] or fallback or Slot(None, "", "")


def article_source(vocab: Vocabulary, text: str, folded: str, title: tuple[int, int],
                   body: list[tuple[int, int]], known: dict | None = None) -> Slot | None:
    """A source the headline leads with ("IDC: ...") or the first one the body names. `known`: the
    `sentence_sources` of sentences already read, by span."""
    m = _HEADLINE_SOURCE.match(text, title[0], title[1])
    if m:
        return Slot(m[1], m.group(), "attribution:headline")
    for span in body[:3]:
        found = known.get(span) if known is not None else None
        slot = (found[0] or Slot(None, "", "")) if found is not None else attribution(vocab, text, folded, span, None)
        if slot.value:
            return Slot(slot.value, slot.words, slot.rule + " (article)")
    return None
