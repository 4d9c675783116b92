"""Text helpers for framing: traditional-to-simplified folding, sentences, clauses and Chinese tagging.

Every helper keeps offsets: the folded text has the same length as the original, so a span found in one is
the same span in the other.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import regex

_HAN = regex.compile(r"\p{Han}")


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, int]:
    """Traditional -> simplified, one character for one, from OpenCC's character table."""
    import opencc

    table: dict[int, int] = {}
    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and len(parts[0]) == 1:
            target = parts[1].split(" ")[0]
            if len(target) == 1 and target != parts[0]:
                table[ord(parts[0])] = ord(target)
    for full, half in zip("，；：（）！？％", ",;:()!?%"):  # full-width punctuation reads as ASCII
        table[ord(full)] = ord(half)
    return table


def fold(text: str) -> str:
    """Simplified characters and ASCII punctuation, same length as `text`."""
    return text.translate(_fold_table()) if _HAN.search(text) else text


# A sentence ends at . ! ? followed by space and a capital or quote, at 。！？, or at a line break.
_SENTENCE_END = regex.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"'“‘(\[]?[A-Z0-9\p{Han}])|(?<=[。！？!?])|\n+")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end], blanks trimmed."""
    out = []
    at = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.start() > at:
            out.append((at, m.start()))
        at = m.end()
    if at < end:
        out.append((at, end))
    return [(a, b) for a, b in out if text[a:b].strip()]


_CLAUSE_BREAK = regex.compile(r"[,;:()、]|\s(?:and|while|whereas|but|with)\s|而|但|并且|同时|其中")


def clause(text: str, start: int, end: int, s_start: int, s_end: int) -> tuple[int, int]:
    """The clause around text[start:end] inside the sentence s_start..s_end (`text` folded)."""
    left = s_start
    for m in _CLAUSE_BREAK.finditer(text, s_start, start):
        left = m.end()
    m = _CLAUSE_BREAK.search(text, end, s_end)
    return left, (m.start() if m else s_end)


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


def add_words(words) -> None:
    """Teach the segmenter names it must keep whole (holder aliases)."""
    tagger = _tagger()
    for w in words:
        if _HAN.search(w) and len(w) >= 2:
            tagger.add_word(w, None, "nt")
