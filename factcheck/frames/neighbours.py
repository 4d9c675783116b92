"""A figure read with the figures before it in its sentence: what a frame of its own cannot know.

"TSMC held 64.9% of the market, while Samsung had 9.3%" (the second figure names no measure: the first's);
"revenue rose 18.4% from a month earlier and 31.2% from a year earlier" (the second change is revenue's too);
"NT$1.14 billion ($38 million), or NT$4.37 per share" (the bracket converts the profit; the sum per share is
the profit per share); "exported 6.41 million vehicles, up 23%" (the change is of what the level counts)."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

import regex

from ..model import COUNTED, Claim, Frame, Slot
from . import cues

NAMES_A_SEGMENT = "measure:names a segment, no figure of it"
# Two statements in one sentence ("inflation edges up to 5.17%; Selic held at 15%"): the second figure is
# not of the first one's measure.
STATEMENT_BREAK = regex.compile(r"[;；]")
# What joins a second change to the first ("… from a month earlier and 31.2 percent …")
_SECOND_CHANGE = regex.compile(r"(?i)[^.;:，。；]{0,50}?(?:,\s*|\s+)and\s+(?:by\s+|up\s+|down\s+)?(?:about\s+|some\s+|nearly\s+)?")
# A bracket that opens on the same sum in another currency ("NT$1.14 billion ($38 million)")
_CONVERSION_BRACKET = regex.compile(r"\s*[(（]\s*(?:about\s+|around\s+|roughly\s+|some\s+|约|約|合)?")
# What joins a sum per share to the sum before it ("…($38 million), or NT$4.37 per share")
_OR_PER_SHARE = regex.compile(r"\s*[)）]?\s*(?:[(（][^()（）]{0,40}[)）])?\s*,?\s*or\s+(?:about\s+|some\s+)?")
# A figure that is a part of the one before it: "including 14", "of which 3.2 million", "其中"
_PART_BEFORE = regex.compile(r"(?i)\b(?:including|of\s+which|among\s+them|among\s+whom)\s+(?:about\s+|some\s+|nearly\s+)?$|(?:其中|包括)\s*(?:约|近)?$")


# ... one said to be a part, between the figure before and itself ("，其中全光纤用户约160万户") or after it
# ("1.92 million of them were on full fibre")
_PART_BETWEEN = regex.compile(r"(?i)\b(?:including|of\s+which|among\s+them|among\s+whom)\b|其中|包括")
_PART_AFTER = regex.compile(r"(?i)\s+of\s+(?:them|those|these|which|whom)\b")


def _level_before(frames: list[Frame], claims: list[Claim], sentence_start: int) -> int | None:
    """The index of the last level (not a change) framed before in the same sentence, if any."""
    for n in range(len(frames) - 1, -1, -1):
        if claims[n].start < sentence_start:
            return None
        if not frames[n].change:
            return n
    return None


def read_with_figures_before(frame: Frame, frames: list[Frame], claims: list[Claim], claim: Claim,
                             sentence: tuple[int, int], folded: str, money: Callable[[str], bool],
                             counters: dict[str, tuple[str, ...]]) -> Frame:
    """`frame` of `claim` as the frames before it in the article (`frames`, of `claims` in order) complete it."""
    if (frame.measure.value is None and frames and frames[-1].measure.value and not frame.change
            and frame.measure.rule != NAMES_A_SEGMENT
            and claim.unit == claims[len(frames) - 1].unit and not frames[-1].change
            and sentence[0] <= claims[len(frames) - 1].start
            and not STATEMENT_BREAK.search(folded, claims[len(frames) - 1].end, claim.start)
            and not cues.GAP_BEFORE.search(folded, max(sentence[0], claim.start - 16), claim.start)
            # ("187 were hospitalized, including 14 in intensive care": a part, not another holder's)
            and not _PART_BEFORE.search(folded, max(sentence[0], claim.start - 16), claim.start)):
        # "TSMC held 64.9% of the market, while Samsung had 9.3%": the same measure, another holder
        frame = replace(frame, measure=Slot(frames[-1].measure.value, frames[-1].measure.words,
                                            "measure:as the figure before it"))
    if (frame.measure.value is None and frames and frames[-1].change
            and frames[-1].measure.value and claim.unit == claims[len(frames) - 1].unit
            and sentence[0] <= claims[len(frames) - 1].start
            and _SECOND_CHANGE.fullmatch(folded, claims[len(frames) - 1].end, claim.start)):
        # "revenue rose 18.4 percent from a month earlier and 31.2 percent from the same month last
        # year": the second change is of the first one's measure (on its own base)
        key = frames[-1].measure.value.removesuffix(" on the previous period")
        if cues.on_the_previous_period(folded, claim.start, claim.end, (claims[len(frames) - 1].end, sentence[1])):
            key += " on the previous period"
        frame = replace(frame, measure=Slot(key, frames[-1].measure.words, "measure:as the change before it"),
                        change=True)
    if (frames and frames[-1].measure.value and frame.dimension != frames[-1].dimension
            and money(claim.unit) and money(claims[len(frames) - 1].unit)
            and _CONVERSION_BRACKET.fullmatch(folded, claims[len(frames) - 1].end, claim.start)):
        # "NT$1.14 billion ($38 million)": the same sum in another currency, of what the figure before is
        before = frames[-1]
        frame = replace(frame, measure=before.measure, holder=before.holder, object=before.object,
                        period=before.period, basis=before.basis, change=before.change)
    # (the figure before it, past one in brackets that converts it: "NT$1.14 billion ($38 million)")
    j = len(frames) - 1
    if j > 0 and folded[max(0, claims[j].start - 2):claims[j].start].strip()[-1:] in ("(", "（"):
        j -= 1
    if (frame.measure.value and frame.measure.value.endswith(" per share") and j >= 0
            and frame.measure.words.lower().startswith("per ") and frames[j].measure.value
            and not frames[j].measure.value.endswith(" per share") and not frames[j].change
            and sentence[0] <= claims[j].start
            and _OR_PER_SHARE.fullmatch(folded, claims[len(frames) - 1].end, claim.start)):
        # "net profit came to NT$1.14 billion ($38 million), or NT$4.37 per share": the profit per share
        frame = replace(frame, measure=Slot(f"{frames[j].measure.value} per share", frames[j].measure.words,
                                            "measure:the figure before it, per share"),
                        holder=frame.holder if frame.holder.value else frames[j].holder)
    if (frame.change and frames and frame.basis.value == "actual" and not frames[-1].change
            and frames[-1].basis.value not in (None, "actual") and sentence[0] <= claims[len(frames) - 1].start
            and cues.APPOSED_CHANGE.fullmatch(folded, claims[len(frames) - 1].end, claim.start)):
        # "expects 592 GW this year, a rise of 33% on 2023": the change is the forecast figure's
        frame = replace(frame, basis=Slot(frames[-1].basis.value, frames[-1].basis.words,
                                          "basis:as the figure it changes"))
    if (frame.change and frame.object.value is None and frames and not frames[-1].change
            and frames[-1].object.value and frames[-1].measure.value == frame.measure.value
            and sentence[0] <= claims[len(frames) - 1].start
            and (cues.APPOSED_CHANGE.fullmatch(folded, claims[len(frames) - 1].end, claim.start)
                 or cues.APPOSED_CHANGE_ZH.fullmatch(folded, claims[len(frames) - 1].end, claim.start))):
        # "exported 6.41 million vehicles in 2024, up 23%", "出口585.9万辆,同比增长19.3%": the change
        # is of what the figure before it counts
        frame = replace(frame, object=Slot(frames[-1].object.value, frames[-1].object.words,
                                           "object:as the figure it changes"))
    level_at = _level_before(frames, claims, sentence[0])
    level_before = frames[level_at] if level_at is not None else None
    if (frame.object.value is None and not frame.change and level_before is not None
            and level_before.object.value and frame.measure.value and level_before.measure.value
            and frame.measure.value.partition(" ")[0] == level_before.measure.value.partition(" ")[0]
            and frame.holder.value == level_before.holder.value
            and not _PART_AFTER.match(folded, claim.end)
            and not _PART_BETWEEN.search(folded, claims[level_at].end, claim.start)):
        # "三文鱼出口量达56.1万吨…；出口额为520亿挪威克朗": the same flow of the same thing, by value
        frame = replace(frame, object=Slot(level_before.object.value, level_before.object.words,
                                           "object:as the figure before it"))
    if frame.object.value is None and (counted := counters.get(folded[claim.end - 1])):
        frame = replace(frame, object=Slot(COUNTED + " ".join(counted), folded[claim.end - 1], "object:counter"))
    return frame
