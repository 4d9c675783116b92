"""Stage 2: find every numeric assertion in an article's text.

The steps, one module each, in the order a figure is read:

    scan        the scanned copy of a text (full-width and traditional forms read as plain ones)
    tokens      number tokens: digits, English number words, Chinese numerals, 百分之…
    values      the value each kind of token writes
    right       outwards from a token: money before it, scale, range and unit after it
    units       the unit lexicon, scale words, percent signs, rates; money, compound: money and two-part amounts
    qualifiers  qualifier words (about, 超过, 以上) and direction of change (fell, a 9% increase, 下降)
    exclusions  what is not a claim: dates, times, names with digits, markers, bare digits
    context     a figure's sentence, year and language
    extractor   ties them together into `Claim` records

`vocabulary` holds every word list the steps use, one list per kind.
"""

from .extractor import Extractor
from .tokens import number_tokens
from .vocabulary import FUNCTION_WORDS

__all__ = ["Extractor", "FUNCTION_WORDS", "number_tokens"]
