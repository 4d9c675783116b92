"""Stage 2: find every numeric assertion in an article's text.

The steps, one module each, in the order a figure is read:

    scan        the scanned copy of a text (full-width and traditional forms read as plain ones)
    tokens      number tokens: digits, English number words, Chinese numerals, 百分之…
    values      the value each kind of token writes (digits, 百分之…, one in ten, half a mile, doubled)
    right       outwards from a token: money before it, scale, range and unit after it
    ranges      8-10 years, $5-6 billion, 5至8年, between 215 GW and 255 GW
    units       the unit lexicon (case-aware: MT, Mt), scale words, percent signs, rates (per day, t/yr)
    money       currency signs and codes (US$, RM, 85p); compound: two-part amounts (5 ft 2 in, 三斤二两)
    nouns       what a count counts: the noun after it, the Chinese measure word
    qualifiers  qualifier words (about, 超过, 以上) and direction of change (fell, a drop of, 9.2% lower, 下降)
    exclusions  what is not a claim: dates, clock times, scores, ages, names with digits, markers, bare digits
    context     a figure's sentence, year and language
    extractor   ties them together into `Claim` records

`vocabulary` holds every word list the steps use, one list per kind.
"""

from .vocabulary import FUNCTION_WORDS

__all__ = ["Extractor", "FUNCTION_WORDS", "number_tokens"]


def __getattr__(name: str):  # noqa: ANN202
    """The steps are imported when first asked for: their patterns compile at import, and a run whose files
    all come from the claims store (the framing stage only needs the word lists) never extracts."""
    if name == "Extractor":
        from .extractor import Extractor

        return Extractor
    if name == "number_tokens":
        from .tokens import number_tokens

        return number_tokens
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
