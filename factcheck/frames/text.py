"""Text helpers for framing: traditional-to-simplified folding, sentences, clauses and Chinese tagging.

Every helper keeps offsets: the folded text has the same length as the original, so a span found in one is
the same span in the other.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import re

import regex

from ..hanzi import simplified_table

HAN = regex.compile(r"\p{Han}")
FIRST_HAN = "\u2e80"  # no character before it is Han (see HAN_RANGES): a comparison before a HAN.match
# The code points of the Han script (Unicode 15, what `regex`'s \p{Han} matches; a test holds them equal), for
# patterns the standard library's engine runs: it has no script classes, and on these patterns it is quicker.
HAN_RANGES = ("\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf"
              "\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9\U00016fe2-\U00016fe3\U00016ff0-\U00016ff6"
              "\U00020000-\U0002a6df\U0002a700-\U0002b81e\U0002b820-\U0002cead\U0002ceb0-\U0002ebe0"
              "\U0002ebf0-\U0002ee5d\U0002f800-\U0002fa1d\U00030000-\U0003134a\U00031350-\U00033479")


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, int]:
    """Traditional -> simplified, one character for one (`hanzi.simplified_table`), and full-width punctuation."""
    table = dict(simplified_table())
    for full, half in zip("，；：（）！？％", ",;:()!?%"):  # full-width punctuation reads as ASCII
        table[ord(full)] = ord(half)
    return table


def singular(word: str) -> str:
    """An English word (lower case) without a plural ending: "batteries" -> "battery", "sales" -> "sale"."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def fold(text: str) -> str:
    """Simplified characters and ASCII punctuation, same length as `text`."""
    if not HAN.search(text):
        return text
    # Only the runs outside ASCII can change: translating those alone is several times quicker on English.
    table = _fold_table()
    translated = lambda m: m.group().translate(table)  # noqa: E731
    if len(text) <= _FOLD_CHUNK:
        return _NOT_ASCII.sub(translated, text)
    # The engine's search for those runs reads every character; `isascii` of a slice, a quick scan, passes
    # over an English text's chunks without them first. Each character folds alone, so chunks fold alike.
    pieces = []
    for at in range(0, len(text), _FOLD_CHUNK):
        chunk = text[at:at + _FOLD_CHUNK]
        pieces.append(chunk if chunk.isascii() else _NOT_ASCII.sub(translated, chunk))
    return "".join(pieces)


_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")
_FOLD_CHUNK = 256


# A sentence ends at . ! ? followed by space and a capital or quote, at 。！？, or at a line break.
# Summaries also run sentences together as bullets (" - ") or after citation markers ("[3] Group 1: ...").
# The pattern opens with one character class, every mark a gap can open with, and each alternative after it
# looks behind for its own marks: the standard library's engine skips quickly only to a leading class (not to
# an alternation of classes), several times quicker than `[.!?]…|[。！？!?]|\n+|…`, which it reads the same.
# (The bullet's blank before it is looked behind for after it.) The named groups say where the gap between two
# sentences starts.
_SENTENCE_END = re.compile(rf"[.!?。！？\n\-–—•\]](?:(?<=[.!?])(?P<after_stop>[\"'”’)]?\s+)(?=[\"'“‘(\[]?[A-Z0-9{HAN_RANGES}])"
                           rf"|(?<=[。！？!?])|(?<=\n)\n*|(?<=[-–—•])(?<=\s.)(?P<bullet>\s+)(?=[A-Z{HAN_RANGES}])"
                           rf"|(?<=\])(?P<after_marker>\s+)(?=[A-Z]))")


_BULLET_AFTER = re.compile(rf"\s*[-–—•]\s+(?=[A-Z{HAN_RANGES}])")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end], blanks trimmed."""
    out = []
    at = start
    # a stop just before `start` still ends a sentence there (the gap after it is no sentence)
    for m in _SENTENCE_END.finditer(text, start - 1 if start and text[start - 1] in ".!?]" else start, end):
        kind, gap_end = m.lastgroup, m.end()  # (the pattern's only groups are the named ones)
        if kind == "after_stop" or kind == "after_marker":
            gap = m.start(kind)
        elif kind == "bullet":  # the gap opens with the blanks before the bullet
            gap = m.start()
            while gap > at and text[gap - 1].isspace():
                gap -= 1
            if gap == m.start():  # the blanks before it ended the sentence before: no bullet break here,
                newline = m.group().find("\n")  # though a line break in the blanks after it is one
                if newline < 0:
                    continue
                gap = m.start() + newline
                gap_end = gap + len(m.group()[newline:]) - len(m.group()[newline:].lstrip("\n"))
        elif text[m.start()] == "\n":
            gap = m.start()
            blanks = gap
            while blanks > at and text[blanks - 1].isspace():
                blanks -= 1
            bullet = _BULLET_AFTER.match(text, m.end(), end) if blanks < gap else None
            if bullet is not None:  # "rose \n— It": blanks, the line break and a bullet are one gap
                gap, gap_end = blanks, bullet.end()
        else:  # 。！？: the mark ends its sentence, the next starts right after it
            gap = gap_end
        if gap > at:
            out.append((at, gap))
        at = gap_end
    if at < end:
        out.append((at, end))
    # (a span that opens with a letter is not blank: most are, and need no copy to tell)
    return join_abbreviations(text, [(a, b) for a, b in out if not text[a].isspace() or text[a:b].strip()])


# Words whose stop ends no sentence: "HexaCore Memory Inc. (6688.TW) said", "on Sept. 30", "Dr. Lee", and
# initials: "A.P. Moller-Maersk", "the U.S. Department of Commerce" (one initial may end a name that ends its
# sentence: "Tseung Kwan O. Officials…").
_ABBREVIATION = re.compile(r"(?i)(?<![A-Za-z])(?:inc|corp|co|ltd|plc|llc|bhd|mr|mrs|ms|dr|prof|st|no|nos|vs|"
                           r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.$|(?<=(?-i:[A-Z])\.)(?-i:[A-Z])\.$")


def join_abbreviations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans with each one that ends in an abbreviation's stop joined to the next on its line."""
    out: list[tuple[int, int]] = []
    last_a = last_b = 0  # the span last kept
    for a, b in spans:
        # (the pattern ends in a stop, at the end or before a last line break: no search without one)
        if out and ((last := text[last_b - 1]) == "." or (last == "\n" and last_b >= 2 and text[last_b - 2] == ".")) \
                and _ABBREVIATION.search(text, max(last_a, last_b - 6), last_b) \
                and "\n" not in text[last_b:a]:
            out[-1] = (last_a, b)
        else:
            out.append((a, b))
            last_a = a
        last_b = b
    return out


_CLAUSE_BREAK = regex.compile(r"[,;:()、]|\s(?:and|while|whereas|but|with)\s|而|但|并且|同时|其中")
# In a headline a blank between Chinese words parts two statements ("上半年发电169亿千瓦时 风电装机目标700万千瓦");
# in a body it is more often a stray blank of a copied text ("90%的 精炼加工能力").
_HEADLINE_CLAUSE_BREAK = regex.compile(_CLAUSE_BREAK.pattern + r"|(?<=\p{Han})\s+(?=\p{Han})")


def clause(text: str, start: int, end: int, s_start: int, s_end: int, headline: bool = False) -> tuple[int, int]:
    """The clause around text[start:end] inside the sentence s_start..s_end (`text` folded); `headline`: the
    sentence is a headline."""
    breaks = _HEADLINE_CLAUSE_BREAK if headline else _CLAUSE_BREAK
    left = s_start
    marks = list(breaks.finditer(text, s_start, start))
    i = len(marks) - 1
    while i >= 1 and marks[i].group() == "," and marks[i - 1].group() == "," \
            and _COMMA_ASIDE.fullmatch(text, marks[i - 1].start(), marks[i].end()):
        i -= 2  # "revenue from services, which excludes handset sales, was…": the clause goes on past the aside
    if i >= 0:
        left = marks[i].end()
    m = breaks.search(text, end, s_end)
    while m is not None and m.group() == "(":
        # "the 50.0 million (17%) it shipped": a short aside after the figure does not end its clause
        aside = _ASIDE.match(text, m.start(), s_end)
        if aside is None:
            break
        m = breaks.search(text, aside.end(), s_end)
    return left, (m.start() if m else s_end)


_ASIDE = regex.compile(r"\([^()\n]{1,40}\)")
# What opens an aside that says what a figure leaves out or takes in ("…, which excludes handset sales, …")
ASIDE_OPENINGS = r"(?:which|that)\s+(?:excludes?|includes?)|including|excluding|not\s+including"
_COMMA_ASIDE = regex.compile(rf"(?i),\s*(?:{ASIDE_OPENINGS})\b[^,;.]*,")
# A relative clause set off by commas ("operating profit, which strips out one-off gains, came to"): it describes
# the words before it
RELATIVE_ASIDE = regex.compile(r"(?i),\s*(?:which|that)\b[^,;.]*,")


@lru_cache(maxsize=1)
def _tagger():
    import rjieba

    return rjieba




def tag_words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, part of speech) of the Chinese words in text[start:end] (rjieba's jieba tags)."""
    piece = text[start:end]
    out = []
    at = start
    for word, pos in _tagger().tag(piece):
        out.append((at, at + len(word), pos))
        at += len(word)
    return out


# What jieba segments as one block (its `re_han_default`): it cuts between blocks, so a block's words do not
# depend on the text around it.
_JIEBA_BLOCK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002a6df\U0002a700-\U0002ebef"
                          "\U0002f800-\U0002fa1fa-zA-Z0-9+#&._%-]+")
_JIEBA_BLOCK_CHAR = re.compile(_JIEBA_BLOCK.pattern[:-1]).fullmatch
_JIEBA_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002a6df\U0002a700-\U0002ebef"
                        "\U0002f800-\U0002fa1f]")


def tag_han_words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """`tag_words` of the blocks that hold a Chinese character only (the same words and tags there): an
    English sentence costs the segmenter nothing. Blocks are found from their Chinese characters, not by
    matching every English word."""
    out = []
    tag = _tagger().tag
    at = start
    while True:
        han = _JIEBA_HAN.search(text, at, end)
        if han is None:
            return out
        first = han.start()
        while first > at and _JIEBA_BLOCK_CHAR(text[first - 1]):  # "TSMC台积电": the block opens before
            first -= 1
        block = _JIEBA_BLOCK.match(text, first, end)
        at = block.start()
        for word, pos in tag(block.group()):
            out.append((at, at + len(word), pos))
            at += len(word)


def known_word(word: str) -> bool:
    """Whether the segmenter's dictionary holds a word (one it did not find in the text by itself)."""
    return _tagger().has_word(word)


def add_words(words) -> None:
    """Teach the segmenter names it must keep whole (holder aliases)."""
    tagger = _tagger()
    for w in words:
        if HAN.search(w) and len(w) >= 2:
            tagger.add_word(w, None, "nt")


# -- "respectively" lists ----------------------------------------------------------------------------------
_RESPECTIVE = regex.compile(r"\b(?i:respectively)\b|分别|各自")
_FIGURE_JOIN = regex.compile(r"\s*(?:,\s*(?:and\s+)?|\band\b|和|与|及|、|，)\s*")
# What joins the items of a list: "A, B and C", "A、B和C"
CONJUNCT_BREAK = regex.compile(r",\s*(?:and\s+)?|\s+and\s+|、|和|与|及")
_REGION_STOP = regex.compile(r"[()（）,，;；:：]")


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = list(CONJUNCT_BREAK.finditer(text, start, end))
    bounds = [start] + [c.end() for c in cuts]
    ends = [c.start() for c in cuts] + [end]
    return [(a, b) for a, b in zip(bounds, ends) if text[a:b].strip()]


def respectively(text: str, claims: list,
                  sentences: list[tuple[int, int]]) -> dict[int, tuple[tuple[int, int], tuple[int, int]]]:
    """`mining and refining … 70% and 90% respectively`, `开采和冶炼分别占70%和90%`: the k-th figure of a list
    belongs to the k-th item of the coordination it answers. Returns claim index -> (that item's span, used
    as the claim's clause; the whole coordination, whose shared words such as the material apply to all)."""
    out: dict[int, tuple[int, int]] = {}
    i = 0
    while i < len(claims):
        # A run of figures joined only by "and" / "," / 和 / 、 within one sentence.
        run = [i]
        while (run[-1] + 1 < len(claims) and sentences[run[-1] + 1] == sentences[i]
               and _FIGURE_JOIN.fullmatch(text, claims[run[-1]].end, claims[run[-1] + 1].start)):
            run.append(run[-1] + 1)
        i = run[-1] + 1
        if len(run) < 2:
            continue
        s_start, s_end = sentences[run[0]]
        marker = _RESPECTIVE.search(text, s_start, s_end)
        if marker is None:
            continue
        first, last = claims[run[0]].start, claims[run[-1]].end
        if marker.start() < first:  # 开采和冶炼分别占…: the items stand before the marker
            region = (s_start, marker.start())
        else:
            after_end = marker.start() if marker.start() > last else s_end
            stop = _REGION_STOP.search(text, last, after_end)
            after = (last, stop.start() if stop else after_end)
            region = after if len(_segments(text, *after)) >= len(run) else (s_start, first)
        lo, hi = region
        while hi > lo and text[hi - 1] in " \t(（":  # "markets (99% and 87% respectively)"
            hi -= 1
        # Keep to the clause nearest the figures: no commas or parentheses inside the region.
        stops = [m.end() for m in _REGION_STOP.finditer(text, lo, hi)]
        if region[1] <= first and stops:
            lo = stops[-1]
        elif region[0] >= last:
            stop = _REGION_STOP.search(text, lo, hi)
            hi = stop.start() if stop else hi
        items = _segments(text, lo, hi)
        if len(items) < len(run):
            continue
        items = items[:len(run)] if region[0] >= last else items[-len(run):]
        for j, item in zip(run, items):
            out[j] = (item, (items[0][0], items[-1][1]))
    return out


