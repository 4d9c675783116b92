"""Rule files as data: YAML loaded with the position of every value, and cue patterns compiled per
language. Shared by every rule kind (`rules`, `vocabulary`), so errors name `path:line:col` alike."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import bisect
import re

import regex
import yaml

from .errors import RulesError
from .extract.vocabulary import trie


# --- YAML with positions -------------------------------------------------------------------------------

# libyaml's loader where PyYAML has it (several times quicker; the same nodes and marks), else Python's.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _scalar(node: yaml.ScalarNode) -> Any:
    """A plain scalar's value as `yaml.safe_load` reads it (int, float, bool, null, date)."""
    constructor = yaml.constructor.SafeConstructor()
    return constructor.construct_object(node, deep=True)


class Located:
    """A loaded YAML value with the position of every mapping key and sequence item."""

    def __init__(self, path: str):
        self.path = path
        self.marks: dict[int, tuple[int, int]] = {}

    def load(self, text: str) -> Any:
        try:
            node = yaml.compose(text, Loader=_LOADER)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            raise RulesError(self.path, line, col, f"YAML syntax error: {exc.problem or exc}") from None
        except yaml.YAMLError as exc:
            raise RulesError(self.path, 1, 1, f"YAML error: {exc}") from None
        return self._value(node) if node is not None else None

    def _value(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.MappingNode):
            out: dict = {}
            for key_node, value_node in node.value:
                key = self._value(key_node)
                if key in out:
                    raise RulesError(self.path, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                                     f"duplicate key {key!r}")
                out[key] = self._value(value_node)
                self.marks[id(out[key])] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result: Any = out
        elif isinstance(node, yaml.SequenceNode):
            result = [self._value(item) for item in node.value]
        else:
            result = _scalar(node) if node.tag != "tag:yaml.org,2002:str" else node.value
            result = _Str(result) if isinstance(result, str) else result
        if isinstance(result, (dict, list, _Str)):
            self.marks[id(result)] = (node.start_mark.line + 1, node.start_mark.column + 1)
        return result

    def error(self, obj: Any, what: str) -> RulesError:
        line, col = self.marks.get(id(obj), (1, 1))
        return RulesError(self.path, line, col, what)


class _Str(str):
    """A str with an identity of its own, so its position can be looked up."""


def check_keys(doc: Located, obj: Any, allowed: set[str], required: set[str], what: str) -> dict:
    if not isinstance(obj, dict):
        raise doc.error(obj, f"{what} must be a mapping")
    for key in obj:
        if key not in allowed:
            raise doc.error(obj[key], f"unknown field {key!r} in {what}; valid: {', '.join(sorted(allowed))}")
    for key in sorted(required - set(obj)):
        raise doc.error(obj, f"missing field {key!r} in {what}")
    return obj


def compile_cues(doc: Located, cues: Any, what: str,
                  ignore_case: bool = True) -> tuple[regex.Pattern | None, regex.Pattern | None]:
    check_keys(doc, cues, {"en", "zh"}, set(), f"cues of {what}")
    compiled = []
    for lang in ("en", "zh"):
        patterns = cues.get(lang) or []
        if not isinstance(patterns, list):
            raise doc.error(patterns, f"cues.{lang} of {what} must be a list of patterns")
        for p in patterns:
            try:
                regex.compile(str(p))
            except regex.error as exc:
                raise doc.error(p, f"bad regular expression {str(p)!r} in {what}: {exc}") from None
        if patterns:
            flags = regex.I if lang == "en" and ignore_case else 0
            compiled.append(regex.compile("|".join(f"(?:{p})" for p in patterns), flags))
        else:
            compiled.append(None)
    return compiled[0], compiled[1]


@dataclass(frozen=True)
class Cue:
    name: str
    en: regex.Pattern | None
    zh: regex.Pattern | None

    def finditer(self, text: str, start: int, end: int):
        for pattern in (self.en, self.zh):
            if pattern is not None:
                yield from pattern.finditer(text, start, end)




class CueSet:
    """Many cues scanned at once. Each cue pattern is split into its alternatives; an alternative that opens
    with a literal is tried only where a cheap scan for literal openings finds one (its leading English
    letters, three or more, case-folded, or one Chinese character); the few without a literal opening are scanned as they
    are. `scan` yields (start, end, cue index) per position where a cue matches, the longest match there,
    ties to the cue listed first: one quick pass instead of one pass per cue."""

    def __init__(self, cues: tuple[Cue, ...] | list[Cue]):
        self.cues = tuple(cues)
        self._by_opening: dict[str, list[tuple[int, regex.Pattern]]] = {}
        # (cue, pattern, literals every match holds, lower-cased, or None): scanned where they all stand
        self._always: list[tuple[int, regex.Pattern, tuple[str, ...] | None]] = []
        for i, cue in enumerate(self.cues):
            for pattern in (cue.en, cue.zh):
                if pattern is None:
                    continue
                for item in (x for alt in alternatives(pattern.pattern) for x in _expanded(alt)):
                    compiled = regex.compile(item, pattern.flags)
                    opening = _opening(item, bool(pattern.flags & regex.I))
                    if opening is None:
                        self._always.append((i, compiled, _required_literals(item, compiled.flags)))
                    else:
                        self._by_opening.setdefault(opening, []).append((i, compiled))
        latin = sorted(k for k in self._by_opening if not _HAN_CHAR.match(k))
        han = sorted(k for k in self._by_opening if _HAN_CHAR.match(k))
        # The openings trie finds the longest literal opening at a position; every shorter opening that is
        # its prefix also opens there, so each opening stands for its prefixes' candidates too.
        for word in sorted(latin, key=len, reverse=True):
            shorter = [self._by_opening[word[:n]] for n in range(3, len(word)) if word[:n] in self._by_opening]
            if shorter:
                self._by_opening[word] = sorted(set(self._by_opening[word]).union(*shorter),
                                                key=lambda c: (c[0], c[1].pattern))
        # Openings are plain literals, so the standard library's engine finds them, through a trie-shaped
        # pattern: several times quicker than `regex` over an alternation of hundreds of words. English cues
        # open words: tried where a word starts, not inside one ("ship" in "leadership").
        # They are sought in the lower-cased text: a case-insensitive search is several times slower.
        self._latin = re.compile("(?<![a-z])(?:" + trie(latin) + ")") if latin else None
        self._latin_any_case = re.compile("(?<![A-Za-z])(?i:" + trie(latin) + ")") if latin else None
        self._han = re.compile("[" + "".join(han) + "]") if han else None

    def scan(self, text: str, start: int, end: int):
        best: dict[int, tuple[int, int]] = {}  # start -> (end, cue)
        lowered = _lowered(text)
        latin = self._latin if lowered is not None else self._latin_any_case
        for openings, key, where in ((latin, str.lower, lowered or text), (self._han, None, text)):
            if openings is None:
                continue
            for m in openings.finditer(where, start, end):
                at = m.start()
                # .get: an opening matched case-insensitively may not lower-case back ("ſ", "K")
                for cue, compiled in self._by_opening.get(key(m.group()) if key else m.group(), ()):
                    hit = compiled.match(text, at, end)
                    if hit:
                        _keep(best, hit.start(), hit.end(), cue)
        for cue, compiled in _present(self._always, text, start, end):
            for hit in compiled.finditer(text, start, end):
                _keep(best, hit.start(), hit.end(), cue)
        for s in sorted(best):
            yield s, best[s][0], best[s][1]


class CueSets:
    """Several cue sets scanned in one pass over their joint openings: `scan` returns, per set, what that
    set's own `CueSet.scan` yields. Framing reads measures, places, objects and basis cues in the same
    windows; one search for openings costs about what one set's did."""

    def __init__(self, sets: tuple[CueSet, ...]):
        self.sets = sets
        latin = sorted({w for cs in sets for w in cs._by_opening if not _HAN_CHAR.match(w)})
        han = sorted({w for cs in sets for w in cs._by_opening if _HAN_CHAR.match(w)})
        # The longest joint opening at a position starts with each set's longest opening there: a set's
        # candidates for a joint opening are those of its longest opening that is a prefix of it (which
        # already stand for that opening's own prefixes).
        self._table: dict[str, tuple[tuple[int, int, regex.Pattern], ...]] = {}
        for word in latin + han:
            found = []
            for k, cs in enumerate(sets):
                prefix = next((word[:n] for n in range(len(word), 0 if len(word) == 1 else 2, -1)
                               if word[:n] in cs._by_opening), None)
                found += [(k, cue, compiled) for cue, compiled in cs._by_opening.get(prefix, ())]
            self._table[word] = tuple(found)
        self._latin = re.compile("(?<![a-z])(?:" + trie(latin) + ")") if latin else None
        self._latin_any_case = re.compile("(?<![A-Za-z])(?i:" + trie(latin) + ")") if latin else None
        self._han = re.compile("[" + "".join(han) + "]") if han else None
        # The sets' cues without a literal opening, (set, cue, pattern, the literals every match holds or None),
        # and those literals once each: a range is searched for each literal once, not once per cue
        self._always = [(k, cue, compiled, frozenset(literals) if literals else None)
                        for k, cs in enumerate(sets) for cue, compiled, literals in cs._always]
        self._always_literals = tuple(sorted({literal for *_, literals in self._always if literals
                                              for literal in literals}))
        # Per such pattern, its other `literal_clauses` (a group of words: "in\\s+(?:shops|stores)\\s+at" holds
        # "shops" or "stores"), tried only where its literals all stand: a few searches where a `regex` search
        # for a pattern that opens with a short word ("in", "to") tries every place that word stands
        self._always_clauses = [_ordered(c for c in literal_clauses(compiled.pattern, compiled.flags) or ()
                                         if not (literals and len(c) == 1 and next(iter(c)) in literals))
                                for _, _, compiled, literals in self._always]
        # A Chinese opening is one character, and most cues it opens hold more Chinese ones ("中国以外", "中游"):
        # per opening, its candidates by the two characters there (those whose second character is another,
        # which cannot match there, left out; those that open with one literal character only kept in each),
        # and those kept where the second character opens none
        self._han_pairs: dict[str, tuple[dict[str, tuple], tuple]] = {}
        for word in han:
            found = self._table[word]
            prefixes = [_han_prefix(compiled.pattern) for _, _, compiled in found]
            seconds = {prefix[:2] for prefix in prefixes if len(prefix) >= 2 and prefix[0] == word}
            if not seconds:
                continue
            anywhere = tuple(c for c, prefix in zip(found, prefixes) if len(prefix) < 2 or prefix[0] != word)
            self._han_pairs[word] = ({pair: tuple(c for c, prefix in zip(found, prefixes)
                                                  if len(prefix) < 2 or prefix[0] != word or prefix[:2] == pair)
                                      for pair in seconds}, anywhere)

    def scan(self, text: str, start: int, end: int, han: bool = True) -> list[list[tuple[int, int, int]]]:
        """`han`: False where the caller knows the range holds no Chinese character (no Chinese opening
        stands there, so none is sought)."""
        best: list[dict[int, tuple[int, int]]] = [{} for _ in self.sets]
        lowered = _lowered(text)
        table = self._table
        # (openings, the text they are sought in, whether a found opening must be lower-cased to look it up)
        passes = ((self._latin, lowered, False) if lowered is not None else (self._latin_any_case, text, True),
                  (self._han if han else None, text, False))
        pairs = self._han_pairs
        for openings, where, lower in passes:
            if openings is None:
                continue
            chinese = openings is self._han
            for m in openings.finditer(where, start, end):
                at = m.start()
                if chinese and (by_pair := pairs.get(m.group())) is not None:
                    candidates = by_pair[0].get(text[at:at + 2], by_pair[1])
                else:
                    candidates = table.get(m.group().lower() if lower else m.group())
                    if candidates is None:
                        continue
                for k, cue, compiled in candidates:
                    hit = compiled.match(text, at, end)
                    if hit:  # (`_keep`, written out: this loop runs at every opening)
                        e = hit.end()
                        if e > at:
                            here = best[k].get(at)
                            if here is None or e > here[0] or (e == here[0] and cue < here[1]):
                                best[k][at] = (e, cue)
        # (as `_present`: every pattern where the lower-cased text cannot be read for its literals)
        low, same = _lower_cased(text)
        present = {literal for literal in self._always_literals if low.find(literal, start, end) >= 0} if same else None
        for (k, cue, compiled, literals), clauses in zip(self._always, self._always_clauses):
            if present is None or ((literals is None or literals <= present)
                                   and (not clauses or _holds_clauses(low, start, end, clauses))):
                for hit in compiled.finditer(text, start, end):
                    _keep(best[k], hit.start(), hit.end(), cue)
        return [[(s, here[s][0], here[s][1]) for s in sorted(here)] for here in best]


def _present(always: list[tuple[int, regex.Pattern, tuple[str, ...] | None]], text: str, start: int, end: int):
    """The (cue, pattern) of `always` that may match in text[start:end]: those whose literals the lower-cased
    text holds there (all of them where it cannot be read so: lower-casing moves offsets, or an ı or ſ, which
    a case-blind pattern reads as i and s, stands in the text)."""
    low, same = _lower_cased(text)
    for cue, compiled, literals in always:
        if literals is None or not same or all(low.find(literal, start, end) >= 0 for literal in literals):
            yield cue, compiled


def _required_literal(item: str, flags: int) -> str | None:
    """The longest run of plain characters (ASCII letters and digits, blanks, hyphens) that every match of an
    alternative holds, lower-cased: "on\\s+the\\s+roads?" -> "road", "[Ww]orld(?:'s)?" -> "orld". Groups,
    classes, escapes and optional characters are passed over; None where no run is found or the pattern
    is of a kind this reading does not know (verbose, full case-folding, escapes with arguments)."""
    runs = _required_literals(item, flags)
    return max(runs, key=len) if runs else None


def _required_literals(item: str, flags: int) -> tuple[str, ...] | None:
    """Every such run (`_required_literal`), each of which every match holds: "in\\s+the\\s+\\d0s" -> ("in",
    "the", "0s"). A text that lacks any of them holds no match ("the" alone rules out little)."""
    if flags & (regex.VERBOSE | regex.FULLCASE | regex.V1) or "(?x" in item or "(?f" in item or "(?V1" in item:
        return None
    runs, run, i = [], "", 0
    while i < len(item):
        ch = item[i]
        if ch.isascii() and ch.isalnum() or ch in " -":
            run += ch
            i += 1
            continue
        if ch in "?*{":  # the character before may be left out
            run = run[:-1]
        runs.append(run)
        run = ""
        if ch == "|":
            return None
        if ch == "\\":  # an escape ends a run; one with an argument ("\x41", "\p{Han}", "\1") is not read
            if item[i + 1:i + 2].isalnum() and item[i + 1:i + 2] not in _PLAIN_ESCAPES:
                return None
            i += 2
        elif ch in "([":
            end = _skipped(item, i)
            if end < 0:
                return None
            # a group of one alternative that must match ("(?:\\bEVs?\\b)") holds its own literal
            inner = item[i + 3 if item.startswith("(?:", i) else i + 1:end - 1]
            if (ch == "(" and (item.startswith("(?:", i) or item[i + 1:i + 2] != "?")
                    and item[end:end + 1] not in ("?", "*", "{") and len(alternatives(inner)) == 1):
                runs.extend(_required_literals(inner, flags) or ())
            i = end
        elif ch == "{":
            i = item.find("}", i) + 1
            if i <= 0:
                return None
        else:
            i += 1
    runs.append(run)
    found = tuple(dict.fromkeys(run.lower() for run in runs if run.strip()))
    return found or None


_PLAIN_ESCAPES = frozenset("sSdDwWbBAZ")  # escapes of one letter, no argument


def literal_clauses(pattern: str, flags: int) -> tuple[frozenset[str], ...] | None:
    """Literals every match of a pattern holds, lower-cased, as clauses: a match holds at least one literal of
    each ("(?:data|figures)\\s+from\\s+(?P<source>[A-Z]\\w*)" -> ({"data", "figures"}, {"from"})). Runs of plain
    characters (ASCII letters and digits, Chinese characters, caseless punctuation) are read as
    `_required_literals` reads them, and through any group that must match: a group of several alternatives
    gives one clause, a literal of each. None where none is found or the pattern is of a kind this reading does
    not know. A text (lower-cased where that keeps its offsets and reads as a case-blind pattern reads it) that
    lacks every literal of a clause holds no match: the pattern need not be tried there."""
    if flags & (regex.VERBOSE | regex.FULLCASE | regex.V1):
        return None
    try:
        clauses = _alternatives_clauses(pattern)
    except _Unread:
        return None
    # (a literal that holds another of its clause adds nothing: "根据" holds "据")
    clauses = [frozenset(a for a in clause if not any(b != a and b in a for b in clause)) for clause in clauses]
    return tuple(dict.fromkeys(clauses)) or None


class _Unread(Exception):
    """A construct `literal_clauses` does not read."""


# characters that match only themselves, in any case: besides ASCII letters and digits (lower-cased, see
# `_present`) and Chinese characters, punctuation with no case
_CASELESS = frozenset(" -'\",:;/&%@!=<>~_，。：；、（）《》【】“”‘’—–")
_QUANTIFIER = regex.compile(r"(?:[?*+]|\{(\d*)(?:,\d*)?\})[?+]?")
_GROUP_FLAGS = regex.compile(r"\(\?([aimsuL]*(?:-[aimsuL]+)?)(:|\))")


def _alternatives_clauses(pattern: str) -> list[frozenset[str]]:
    """The clauses every match of one of `pattern`'s top-level alternatives holds."""
    alternatives, depth, at, i = [], 0, 0, 0
    while i <= len(pattern):
        if i == len(pattern) or pattern[i] == "|":
            alternatives.append(pattern[at:i])
            at, i = i + 1, i + 1
        elif pattern[i] == "\\":
            i += 2
        elif pattern[i] in "([":
            end = _skipped(pattern, i)
            if end < 0:
                raise _Unread
            i = end
        else:
            i += 1
    each = [_sequence_clauses(alternative) for alternative in alternatives]
    if len(each) == 1:
        return each[0]
    if not all(each):  # an alternative of no literal (or the empty one) may match anywhere
        return []
    # one literal of each alternative's most telling clause: the one whose shortest literal is longest
    return [frozenset().union(*(max(clauses, key=lambda c: min(map(len, c))) for clauses in each))]


def _sequence_clauses(item: str) -> list[frozenset[str]]:
    """The clauses of one alternative: its runs of plain characters, and those of the groups it must match."""
    clauses: list[frozenset[str]] = []
    run = ""

    def close() -> None:
        nonlocal run
        if run.strip():
            clauses.append(frozenset({run.lower()}))
        run = ""

    i = 0
    while i < len(item):
        ch = item[i]
        group: list[frozenset[str]] = []
        literal = ""
        if ch.isascii() and ch.isalnum() or ch in _CASELESS or _HAN_CHAR.match(ch):
            literal, i = ch, i + 1
        elif ch == "\\":
            escaped = item[i + 1:i + 2]
            if not escaped or (escaped.isalnum() and escaped not in _PLAIN_ESCAPES) or not escaped.isascii():
                raise _Unread
            if not escaped.isalnum():  # "\(": the character itself
                literal = escaped
            i += 2
        elif ch == "[":
            end = _skipped(item, i)
            if end < 0:
                raise _Unread
            i = end
        elif ch == "(":
            end = _skipped(item, i)
            if end < 0:
                raise _Unread
            group = _group_clauses(item[i:end])
            i = end
        elif ch in ".^$":
            i += 1
        else:  # a quantifier with nothing before it, a brace or bracket out of place
            raise _Unread
        quantifier = _QUANTIFIER.match(item, i)
        optional = quantifier is not None and (quantifier.group()[0] in "?*" or quantifier.group(1) in ("", "0"))
        if quantifier is not None:
            i = quantifier.end()
        elif item[i:i + 1] == "{":
            raise _Unread  # a brace that is no count: fuzzy matching, or a literal this reading leaves alone
        if literal and not optional:
            run += literal
        if not literal or quantifier is not None:
            close()  # (a repeated character ends its run: "ab+c" holds "ab" and "c", not "abc")
        if group and not optional:
            clauses.extend(group)
    close()
    return clauses


def _group_clauses(group: str) -> list[frozenset[str]]:
    """The clauses of a group that matches where it stands: none for a look-around, a comment or flags."""
    if not group.startswith("(?"):
        return _alternatives_clauses(group[1:-1])
    if group.startswith(("(?=", "(?!", "(?<=", "(?<!")):
        return []
    if group.startswith("(?:") or group.startswith("(?>"):
        return _alternatives_clauses(group[3:-1])
    named = regex.match(r"\(\?P?<\w+>", group)
    if named:
        return _alternatives_clauses(group[named.end():-1])
    flags = _GROUP_FLAGS.match(group)
    if flags and flags.group(2) == ":":  # "(?i:...)": case is read in the lower-cased text anyway
        return _alternatives_clauses(group[flags.end():-1])
    if flags and flags.end() == len(group):  # "(?i)"
        return []
    raise _Unread  # a comment, a conditional, a recursion, a back-reference, flags this reading does not know


class LiteralGate:
    """A pattern tried only where its `literal_clauses` stand: `may_match` is False where a range of a text
    lacks every literal of a clause, so the pattern cannot match there."""

    def __init__(self, pattern: regex.Pattern):
        clauses = literal_clauses(pattern.pattern, pattern.flags)
        # (the clause of the longest literals first: the rarest, most often the one that rules the pattern out)
        self.clauses = _ordered(clauses) if clauses else None

    def may_match(self, text: str, start: int, end: int) -> bool:
        if self.clauses is None:
            return True
        low, same = _lower_cased(text)
        # (as `_present`: where the lower-cased text cannot be read for the literals, the pattern is tried)
        return not same or _holds_clauses(low, start, end, self.clauses)

    def may_match_lowered(self, low: str) -> bool:
        """`may_match` for a short range already lower-cased (`lowered_range`, not None): a test per literal
        of a short copy is quicker than a search of the text's range."""
        if self.clauses is None:
            return True
        for clause in self.clauses:
            for literal in clause:
                if literal in low:
                    break
            else:
                return False
        return True


def lowered_range(text: str, start: int, end: int) -> str | None:
    """text[start:end] lower-cased, for `LiteralGate.may_match_lowered`, or None where the lower-cased text
    cannot be read for literals (`_present`). (A copy lower-cased on its own differs from the same range of the
    lower-cased text in a final sigma at most, which no literal holds.)"""
    return text[start:end].lower() if _lower_cased(text)[1] else None


def _ordered(clauses) -> tuple[tuple[str, ...], ...]:
    """Clauses as tuples, the clause of the longest literals first: the rarest, most often the one that rules
    a pattern out."""
    return tuple(tuple(sorted(c)) for c in sorted(clauses, key=lambda c: (-min(map(len, c)), sorted(c))))


def _holds_clauses(low: str, start: int, end: int, clauses: tuple[tuple[str, ...], ...]) -> bool:
    """Whether low[start:end] holds a literal of each clause. (A search per literal: one search for a clause,
    through an alternation, is several times slower.)"""
    for clause in clauses:
        for literal in clause:
            if low.find(literal, start, end) >= 0:
                break
        else:
            return False
    return True


_GATES: dict[regex.Pattern, LiteralGate] = {}
_WORDS_SEARCH: dict[tuple[str, ...], re.Pattern] = {}


def words_search(words: tuple[str, ...]) -> re.Pattern:
    """A search for any of `words` as written, through a prefix tree (`trie`): quicker than a test per word
    where most texts hold none of them."""
    found = _WORDS_SEARCH.get(words)
    if found is None:
        found = _WORDS_SEARCH[words] = re.compile(trie(words))
    return found


def literal_gate(pattern: regex.Pattern) -> LiteralGate:
    """The pattern's `LiteralGate`, made once."""
    gate = _GATES.get(pattern)
    if gate is None:
        gate = _GATES[pattern] = LiteralGate(pattern)
    return gate


def _skipped(item: str, at: int) -> int:
    """The offset past the group or character class opening at `at` (classes and escapes inside read as
    such), or -1 where it does not close."""
    depth, i = 0, at
    while i < len(item):
        ch = item[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i += 1
            if item[i:i + 1] == "^":
                i += 1
            if item[i:i + 1] == "]":
                i += 1
            while i < len(item) and item[i] != "]":
                i += 2 if item[i] == "\\" else 1
            if i >= len(item):
                return -1
            if depth == 0:
                return i + 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


def _keep(best: dict[int, tuple[int, int]], s: int, e: int, cue: int) -> None:
    """The longest match at a start, ties to the cue listed first."""
    here = best.get(s)
    if e > s and (here is None or e > here[0] or (e == here[0] and cue < here[1])):
        best[s] = (e, cue)


class WindowScan:
    """A cue set's hits over a few windows of one text, scanned once. `scan(lo, hi)` answers for a range
    inside one window as `CueSet.scan` over that range would (a hit that runs past `hi` is looked for again
    within it), except that a word the range's end cuts is not read as a shorter cue ("need" of "needed"),
    and a cue whose look-ahead reads past the range's end is read as the window's text has it ("global" is no
    place before "Capacity").
    Framing asks for many overlapping ranges of the same sentences (each figure's clause)."""

    def __init__(self, cues: CueSet, text: str, windows: list[tuple[int, int]],
                 hits: list[tuple[int, int, int]] | None = None):
        """`hits`: the set's hits in the windows, already scanned (by `CueSets`)."""
        self.cues, self.text, self.windows = cues, text, windows
        self.hits = hits if hits is not None else [hit for lo, hi in windows for hit in cues.scan(text, lo, hi)]
        self.starts = [hit[0] for hit in self.hits]
        self._window_starts = [lo for lo, _ in windows]

    def scan(self, lo: int, hi: int) -> list[tuple[int, int, int]]:
        w = bisect.bisect_right(self._window_starts, lo) - 1
        if w < 0 or hi > self.windows[w][1]:
            return list(self.cues.scan(self.text, lo, hi))
        out = []
        hits = self.hits
        i = bisect.bisect_left(self.starts, lo)
        while i < len(hits) and hits[i][0] < hi:
            s, e, _ = hit = hits[i]
            if e <= hi:
                out.append(hit)
            else:
                again = next((h for h in self.cues.scan(self.text, s, hi) if h[0] == s), None)
                if again is not None:
                    out.append(again)
            i += 1
        return out


_HAN_CHAR = regex.compile(r"\p{Han}")
# The last two texts read, each as (text, its lower-cased copy or None, whether a case-blind pattern reads that
# copy as the text): a file's framing reads its text and its folded text by turns.
_LOWERED: list[tuple[str, str | None, bool]] = []


def _lower_cased(text: str) -> tuple[str | None, bool]:
    for entry in _LOWERED:
        if entry[0] is text:
            return entry[1], entry[2]
    low = text.lower()
    kept = len(low) == len(text)
    # (the dotless ı and the long ſ match i and s case-blind, but lower-case to themselves)
    entry = (text, low if kept else None, kept and "ı" not in text and "ſ" not in text)
    _LOWERED[:] = [entry, *_LOWERED[:1]]
    return entry[1], entry[2]


def _lowered(text: str) -> str | None:
    """`text.lower()`, kept for the next scans of the same text (a file's framing scans it many times), or
    None where lower-casing changes the length ("İ"), so offsets would not hold."""
    return _lower_cased(text)[0]


class CaseBlind:
    """A case-insensitive pattern of the standard library's engine, searched in the lower-cased text as a
    case-sensitive one where that finds the same: several times quicker (under IGNORECASE the engine skips to
    no literal). `source` is written in lower case; matches give offsets, their text may be lower-cased."""

    def __init__(self, source: str):
        self.blind = re.compile(source, re.I)
        self.lower = re.compile(source)

    def finditer(self, text: str, start: int, end: int):
        low, same = _lower_cased(text)
        return self.lower.finditer(low, start, end) if same else self.blind.finditer(text, start, end)


class OpenedScan:
    """A `regex` pattern's `finditer`, tried only where a match can open: `openings`, a pattern of the standard
    library's engine written in lower case, finds (in the lower-cased text) every position where one can, and
    more. The same matches, where the pattern tries most positions in vain (alternatives that open with a word
    boundary keep `regex` from skipping ahead)."""

    def __init__(self, pattern: regex.Pattern, openings: str):
        self.pattern = pattern
        self.openings = re.compile(openings)

    def finditer(self, text: str, start: int, end: int):
        low, same = _lower_cased(text)
        if not same:  # (lower-casing moves offsets, or an ı or ſ reads as i or s)
            yield from self.pattern.finditer(text, start, end)
            return
        after = start  # (as `finditer`: the next match starts where the last one ended)
        for opening in self.openings.finditer(low, start, end):
            at = opening.start()
            if at < after:
                continue
            hit = self.pattern.match(text, at, end)
            if hit is not None:
                yield hit
                after = max(hit.end(), at + 1)

    def search(self, text: str, start: int, end: int):
        return next(self.finditer(text, start, end), None)


def _expanded(item: str) -> list[str]:
    """An alternative that opens with a group of alternatives, as one alternative per member
    ("(?:policy|key)\\s+rates?" -> "policy\\s+rates?", "key\\s+rates?"): each then opens with a literal, so it
    is tried only where that literal occurs instead of being searched for everywhere."""
    lead = ""
    while item.startswith("(?<"):  # a look-behind stays in front of every member
        end = _group_end(item)
        lead, item = lead + item[:end], item[end:]
    if not item.startswith("(?:"):
        return [lead + item]
    end = _group_end(item)
    members = alternatives(item[3:end - 1])
    if len(members) < 2 or len(members) > 40 or item[end:end + 1] in ("?", "*", "+", "{"):
        return [lead + item]
    return [lead + member + item[end:] for member in members]
_PLAIN = regex.compile(r"[A-Za-z0-9\p{Han}' -]")


def alternatives(pattern: str) -> list[str]:
    """Top-level alternatives of a pattern ("a|(?:b|c)" -> ["a", "(?:b|c)"]), brackets and escapes kept."""
    out, depth, at, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[at:i])
            at = i + 1
        i += 1
    out.append(pattern[at:])
    # "(?:a)|(?:b)" as compile_cues writes it: unwrap each group that is the whole alternative
    return [_unwrap(p) for p in out if p]


def _unwrap(item: str) -> str:
    if item.startswith("(?:") and item.endswith(")") and len(alternatives(item[3:-1])) >= 1:
        depth = 0
        for j, ch in enumerate(item):
            depth += ch == "("
            depth -= ch == ")"
            if depth == 0 and j < len(item) - 1:
                return item
        inner = item[3:-1]
        return inner if len(alternatives(inner)) == 1 else item
    return item


def _group_end(item: str) -> int:
    """Index just past the group that opens `item`."""
    depth, i = 0, 0
    while i < len(item):
        ch = item[i]
        if ch == "\\":
            i += 2
            continue
        depth += ch == "("
        depth -= ch == ")"
        i += 1
        if depth == 0:
            return i
    return len(item)


def _strip_openers(item: str) -> str:
    """Drop what cannot consume text before an alternative's literal: a look-behind, and non-capturing
    groups holding a single alternative."""
    for _ in range(8):
        if item.startswith("(?<"):
            item = item[_group_end(item):]
        elif item.startswith("(?:"):
            end = _group_end(item)
            inner = item[3:end - 1]
            if len(alternatives(inner)) != 1 or item[end:end + 1] in ("?", "*", "{"):
                break
            item = inner + item[end:]
        else:
            break
    return item


def _han_prefix(item: str) -> str:
    """The Chinese characters every match of an alternative opens with ("中国以外" -> "中国以外", "出口量?" ->
    "出口"), or "" where it opens with anything else."""
    item = _strip_openers(item)
    if item.startswith("\\b"):
        item = item[2:]
    n = 0
    while n < len(item) and _HAN_CHAR.match(item[n]):
        n += 1
    if item[n:n + 1] in ("?", "*", "{"):  # (a quantified last character may be left out)
        n -= 1
    return item[:max(n, 0)]


def _opening(item: str, ignore_case: bool) -> str | None:
    """The literal an alternative must open with: its leading English letters, at least three
    (case-folded), or one Chinese character; None when it opens with anything else. A letter a quantifier
    makes optional ("shares?") is left out."""
    item = _strip_openers(item)
    if item.startswith("\\b"):  # a word boundary before the opening: still tried where the word starts
        item = item[2:]
    if item[:1] and _HAN_CHAR.match(item[0]):
        return item[0]
    letters = ""
    for ch in item:
        if not ch.isalpha() or ord(ch) > 127:
            break
        letters += ch
    if item[len(letters):len(letters) + 1] in ("?", "*", "{") and letters:
        letters = letters[:-1]
    if len(letters) < 3:
        return None
    return letters.lower()  # case-sensitive cues are still matched as written by their own pattern
