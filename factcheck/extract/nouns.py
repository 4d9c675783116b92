"""What a figure counts: the noun after an English count, the measure word after a Chinese one."""

from __future__ import annotations

import regex

from .reading import Reading
from .scan import CJK
from .units import MEASURE, Lexicon
from .vocabulary import ADJECTIVE_ENDINGS, FUNCTION_WORDS

_NOUN = regex.compile(r"(?:\s+|-)(?P<w1>[a-z][a-z-]*(?![A-Za-z])|[A-Z][a-z]+(?:-[a-z]+)*(?![\w-]))"
                   r"(?:\s+(?P<w2>[a-z][a-z-]*))?")


def measure_word(lex: Lexicon, s: str, r: Reading, pos: int, hi: int) -> int:
    """三家, 两千名, 500余万户: a Chinese measure word says what a figure counts."""
    mm = MEASURE.match(s, pos)
    if mm and mm["m"] == "个" and (um := lex.match(s, mm.end())) and lex.unit_for(um[0]) not in (None, "count"):
        r.unit = lex.unit_for(um[0])  # 20个比特币
        return um.end()
    if not mm:
        return pos
    if mm["m"][0] in "多余":
        r.high = r.value + r.precision
        r.qualifier, r.cue = "range", mm["m"][0]
    noun_end = mm.end()
    if noun_end < hi and CJK.match(s[noun_end]) and s[noun_end] not in "的是在和与":
        noun_end += 1
    r.noun = s[mm.start():noun_end].lstrip("多余")
    return mm.end()


def english_noun(s: str, pos: int, hi: int) -> str | None:
    """The thing an English count counts: "315,000 containers", "12 new plants", "3 of the firms"."""
    nm_ = _NOUN.match(s, pos, hi)
    if not nm_:
        return None
    w1, w2 = nm_["w1"].lower(), nm_["w2"]
    if nm_["w1"][0].isupper() and w2:
        w2 = None  # "1.1 million Americans died": a proper noun ends the phrase
    if w1 in FUNCTION_WORDS:
        if w1 == "of" and w2 and w2 not in FUNCTION_WORDS:
            return w2
        return None
    noun = w1
    if w2 and w2 not in FUNCTION_WORDS and (w1.endswith(ADJECTIVE_ENDINGS) or w1 in ADJECTIVE_ENDINGS) \
            and not w1.endswith("s"):
        noun = w2
    return noun
