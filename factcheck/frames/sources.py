"""Basis (actual, forecast, past, proposed, hypothetical) and attribution (the source a figure cites)."""

from __future__ import annotations

import regex

from ..model import Slot
from ..vocabulary import Vocabulary

_TRAILING = regex.compile(r"(?:\s+(?:and|the|of|in|on|for|said|says|data|figures|report))+$")


def basis(vocab: Vocabulary, folded: str, start: int, end: int, clause: tuple[int, int],
          sentence: tuple[int, int], period_year: int | None, article_year: int | None) -> Slot:
    """A basis cue in the clause before the figure (or right after it), else a future period."""
    best = None
    for cue in vocab.basis:
        for m in cue.finditer(folded, clause[0], min(clause[1], end + 25)):
            if m.start() >= end + 25:
                continue
            d = start - m.end() if m.end() <= start else (m.start() - end if m.start() >= end else 0)
            if best is None or abs(d) < best[0]:
                best = (abs(d), cue.name, m.group())
    if best is None:
        # A lead-in such as "BNEF expects ..." governs the whole sentence.
        for cue in vocab.basis:
            if cue.name != "forecast":
                continue
            for m in cue.finditer(folded, sentence[0], clause[0]):
                best = (0, cue.name, m.group())
                break
    if best is not None:
        return Slot(best[1], best[2], f"basis:{best[1]}")
    if period_year is not None and article_year is not None and period_year > article_year:
        return Slot("forecast", str(period_year), "basis:future period")
    return Slot("actual", "", "default")


def attribution(vocab: Vocabulary, text: str, folded: str, sentence: tuple[int, int],
                fallback: Slot | None) -> Slot:
    """The source named in the sentence ("according to IDC", "TrendForce 称"), else the article's."""
    for lang, patterns in (("en", vocab.attribution_en), ("zh", vocab.attribution_zh)):
        source = text if lang == "en" else folded
        for pattern in patterns:
            m = pattern.search(source, sentence[0], sentence[1])
            if m and m["source"]:
                name = _TRAILING.sub("", m["source"].strip(" ,.'’s")).strip()
                if len(name) >= 2:
                    return Slot(name, m.group().strip(), f"attribution:{lang}")
    return fallback or Slot(None, "", "")


def article_source(vocab: Vocabulary, text: str, folded: str, title: tuple[int, int],
                   body: list[tuple[int, int]]) -> Slot | None:
    """A source the headline leads with ("IDC: ...") or the first one the body names."""
    m = regex.match(r"\s*([A-Z][\w&.-]{1,30}(?:\s[A-Z][\w&.-]*){0,2})\s*[:：]", text[title[0]:title[1]])
    if m:
        return Slot(m[1], m.group(), "attribution:headline")
    for span in body[:3]:
        slot = attribution(vocab, text, folded, span, None)
        if slot.value:
            return Slot(slot.value, slot.words, slot.rule + " (article)")
    return None
