"""The scanned copy of a text: what the patterns read, with a map back to the file's offsets.

Full-width ASCII forms read as ASCII, the ideographic space as a space, and traditional numerals and unit
characters as simplified ones: one character for one, so offsets are kept. Spaces between Chinese
characters, or between a Chinese character and a digit, carry no meaning (百 分 之 2, 约 300 吨): the
scanned copy drops them, and `Gaps` maps its offsets back to the text's.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

import regex

from ..hanzi import simplified_table

_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if cp != 0xFF0C}  # "，" stays a clause mark
_WIDTH.update(str.maketrans("\u3000−￥\u2011\u2010", " -¥--"))
# (where a unit or numeral reads otherwise than OpenCC's table writes it: 參 the numeral three, 圓 the yen or yuan)
_WIDTH.update(str.maketrans("參叄圓", "叁叁元"))
# (and every other traditional character as its simplified one: 7.9分鐘, 2.5小時)
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")
_SQUEEZE = regex.compile(r"(?<=\p{Han})[ \t]+(?=[\p{Han}\d])|(?<=\d)[ \t]+(?=\p{Han})")
_FW_GROUP = regex.compile(r"(?<=[０-９])，(?=[０-９]{3}(?![０-９]))")
CJK = regex.compile(r"\p{Han}")


class Gaps:
    """Where `squeeze` dropped characters: maps offsets between the squeezed scan and the file text."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.text_starts = [a for a, _ in spans]  # where each dropped run starts in the text
        self.scan_at: list[int] = []  # where each dropped run was, in the scan
        self.removed: list[int] = []  # characters dropped up to and including each run
        total = 0
        for a, b in spans:
            self.scan_at.append(a - total)
            total += b - a
            self.removed.append(total)
        self.spans = spans

    def to_text(self, p: int, is_start: bool) -> int:
        # A start just after a dropped run lies after it in the text; an end just before one, before it.
        i = bisect.bisect_right(self.scan_at, p) if is_start else bisect.bisect_left(self.scan_at, p)
        return p + (self.removed[i - 1] if i else 0)

    def to_scan(self, t: int) -> int:
        i = bisect.bisect_right(self.text_starts, t)
        if not i:
            return t
        a, b = self.spans[i - 1]
        before = self.removed[i - 2] if i >= 2 else 0
        return t - before - (min(t, b) - a)


def _squeeze(scan: str) -> tuple[str, Gaps | None]:
    spans = [m.span() for m in _SQUEEZE.finditer(scan)]
    if not spans:
        return scan, None
    kept, prev = [], 0
    for a, b in spans:
        kept.append(scan[prev:a])
        prev = b
    kept.append(scan[prev:])
    return "".join(kept), Gaps(spans)


@lru_cache(maxsize=1)
def _scan_table() -> dict[int, int | str]:
    return {**simplified_table(), **_WIDTH}


def _scanned_run(m: re.Match) -> str:
    return m[0].translate(_scan_table())


def prepare(text: str) -> tuple[str, Gaps | None, str | None]:
    """The scanned copy, its gaps (None: offsets are the text's), and its lower-cased copy when that keeps
    every offset (None otherwise: İ lowers to two characters)."""
    if "，" in text:  # ９，９９９: a full-width comma between full-width digits groups thousands
        text = _FW_GROUP.sub(",", text)
    if text.isascii():  # nothing to translate, and no Chinese characters to squeeze spaces between
        scan, gaps = text, None
    else:
        # Only the runs outside ASCII can change: str.translate looks up every character it is given.
        # Only the runs outside ASCII can change: str.translate looks up every character it is given.
        scan = _NOT_ASCII.sub(_scanned_run, text)
        scan, gaps = _squeeze(scan) if CJK.search(scan) else (scan, None)
    lower = scan.lower()
    return scan, gaps, lower if len(lower) == len(scan) else None
