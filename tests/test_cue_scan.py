"""Cue scanning shortcuts: a joint scan of several cue sets, a window scan read back by range, the
lower-cased openings search and the non-ASCII-only fold each give what the plain scan or fold gives."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import rulefile
from factcheck.frames import text as T
from factcheck.rulefile import CueSets, WindowScan
from factcheck.rules import load_rules
from factcheck.vocabulary import cue_set

VOCAB = load_rules().vocabulary
SETS = tuple(cue_set(cues) for cues in (VOCAB.measures, VOCAB.places, VOCAB.objects, VOCAB.basis))
# Words the cue sets know, words that merely start like them, and filler, in both scripts.
WORDS = ["shipments", "shipped", "leadership", "capacity", "Capacity", "CAPACITY", "output", "global", "Global",
         "worldwide", "forecast", "expected", "policy", "rate", "rates", "benchmark", "needed", "to", "the", "in",
         "1990s", "by", "2030", "if", "set", "rare", "earths", "steel", "revenue", "exports", "imports", "prices",
         "market", "share", "of", "İstanbul", "Kelvin", "预计", "全球", "产能", "出口", "销量", "市场份额", "曾经",
         "稀土", "钢铁", "，", "。", "(", ")", ",", ".", "-", "\n", "42%", "1.5", "million"]

texts = st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(texts, st.integers(0, 400), st.integers(0, 400))
def test_joint_scan_is_each_sets_own_scan(text, a, b):
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    joint = CueSets(SETS).scan(text, lo, hi)
    assert joint == [list(cs.scan(text, lo, hi)) for cs in SETS]


@settings(max_examples=150, deadline=None)
@given(texts, st.data())
def test_window_scan_answers_as_a_scan_of_the_range(text, data):
    cut = data.draw(st.integers(0, len(text)))
    windows = [w for w in ((0, cut), (cut, len(text))) if w[0] < w[1]]
    for cs in SETS:
        scan = WindowScan(cs, text, windows)
        for lo_w, hi_w in windows:
            lo = data.draw(st.integers(lo_w, hi_w))
            hi = data.draw(st.integers(lo, hi_w))
            if 0 < hi < len(text) and text[hi - 1].isalnum() and text[hi].isalnum():
                continue  # a word cut by the range's end is no cue in the window, though a scan of the range may read one
            # (a cue whose look-ahead fails on the text after the range, "global" before "Capacity", is read by
            # a scan that stops at the range's end, not by the window's, which sees on)
            seen = {h[:2] for h in cs.scan(text, lo_w, hi_w)}
            expected = [h for h in cs.scan(text, lo, hi)
                        if h[:2] in seen or any(a == h[0] and b > hi for a, b in seen)]
            assert scan.scan(lo, hi) == expected


@settings(max_examples=100, deadline=None)
@given(texts)
def test_lower_cased_openings_find_what_a_case_blind_search_finds(text):
    plain = [list(cs.scan(text, 0, len(text))) for cs in SETS]
    saved = rulefile._lowered
    rulefile._lowered = lambda _text: None  # as where lower-casing would move offsets
    try:
        blind = [list(cs.scan(text, 0, len(text))) for cs in SETS]
    finally:
        rulefile._lowered = saved
    assert plain == blind


def test_a_cue_opening_with_a_group_of_words_is_found_by_each():
    measures = cue_set(VOCAB.measures)
    found = [(s, e) for s, e, _ in measures.scan("the policy rate and the key rate", 0, 32)]
    assert (4, 15) in found and (24, 32) in found


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc 台灣經濟，；：（）！？％éß\n")), max_size=60))
def test_fold_of_non_ascii_runs_is_the_whole_translation(text):
    folded = T.fold(text)
    assert len(folded) == len(text)
    assert folded == (text.translate(T._fold_table()) if T.HAN.search(text) else text)


# Sentence ends as first defined, one zero-width or look-behind alternative each: `T.sentences` finds them
# through a pattern whose every alternative opens with a character, and must give the same sentences.
_REFERENCE_END = re.compile(rf"(?<=[.!?])[\"'”’)]?\s+(?=[\"'“‘(\[]?[A-Z0-9{T.HAN_RANGES}])|(?<=[。！？!?])|\n+"
                            rf"|\s+[-–—•]\s+(?=[A-Z{T.HAN_RANGES}])|(?<=\])\s+(?=[A-Z])")


def _reference_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, at = [], start
    for m in _REFERENCE_END.finditer(text, start, end):
        if m.start() > at:
            out.append((at, m.start()))
        at = m.end()
    if at < end:
        out.append((at, end))
    return T.join_abbreviations(text, [(a, b) for a, b in out if text[a:b].strip()])


_SENTENCE_BITS = ["It rose", "9%", ".", "Inc.", "Sept. 30", "(6688.TW)", "!", "?", "?!", "。", "！", "？", " ", "  ", "\n", "\n\n", " - ", "— ", "•",
                  "-", "[3]", "]", "\"", "”", "’", "(", "Next", "next", "2024", "中国", "增长", "‘Quote", "(A"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_BITS), max_size=30).map("".join), st.data())
def test_sentences_split_as_the_reference_definition(text, data):
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    assert _trimmed(text, T.sentences(text, lo, hi)) == _trimmed(text, _reference_sentences(text, lo, hi))


def _trimmed(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans without the blanks at their ends: where a run of blanks holds both a line break and a bullet
    ("rose - \n - It"), the two definitions leave a blank at the end of the sentence before, or not."""
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        out.append((a, b))
    return out


def _case_blind_relatives(alphabet: str) -> list[str]:
    """Every character a case-blind pattern may match to one of `alphabet`'s or lower-case to one of them."""
    upper = alphabet.upper()
    return [c for c in map(chr, range(0x110000)) if not 0xD800 <= ord(c) < 0xE000
            and (c.lower() in alphabet or c.upper() in upper or c.casefold() in alphabet)]


def test_lower_cased_text_reads_as_the_text_to_a_case_blind_pattern():
    # What `CaseBlind` relies on: a lower-case character of a pattern matches, case-blind, exactly the characters
    # that lower-case to it, and "[a-z]" too (but for ı and ſ, whose texts it reads as they are).
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 \t.'’-&_"
    for c in _case_blind_relatives(alphabet):
        if c in "ıſ" or len(c.lower()) != 1:
            continue
        for x in alphabet:
            assert bool(re.fullmatch(re.escape(x), c, re.I)) == (c.lower() == x), (c, x)
        assert bool(re.fullmatch("[a-z]", c, re.I)) == bool(re.fullmatch("[a-z]", c.lower())), c
        for atom in (r"\s", r"\w", r"\d"):
            assert bool(re.fullmatch(atom, c)) == bool(re.fullmatch(atom, c.lower())), (c, atom)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["chief", "Chief", "CHIEF", "executive", "CEO", "ceo", "Mr.", "MR", "Dr", "Lin",
                                 "lin", "ıan", "ſecretary", "İstanbul", "Kelvin", "president", "Prime", "minister",
                                 "\t", "\n", "  ", ",", "1"]), max_size=30).map(" ".join), st.data())
def test_a_case_blind_pattern_finds_in_the_lower_cased_text_what_it_finds_in_the_text(text, data):
    from factcheck.frames.holders import _TITLE

    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    assert ([m.span() for m in _TITLE.finditer(text, lo, hi)]
            == [m.span() for m in _TITLE.blind.finditer(text, lo, hi)])


ALWAYS_WORDS = WORDS + ["on the road", "in operation at", "to build", "Eurozone", "euro area", "ex-China", "palm oil",
                        "crude palm kernel oil", "EV", "EVs", "PV", "EV batteries", "magnetic materials", "is set to",
                        "on track to", "by 2035", "at its peak", "in the past", "in the 1990s", "in the event", "world's"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(ALWAYS_WORDS), max_size=40).map(" ".join))
def test_every_match_of_a_cue_without_an_opening_holds_its_literal(text):
    # (a cue tried everywhere is scanned only where the lower-cased text holds its literals)
    for cs in SETS:
        for _, compiled, literals in cs._always:
            for m in compiled.finditer(text):
                assert literals is None or all(literal in m.group().lower() for literal in literals), (
                    compiled.pattern, m.group())


def test_the_literal_of_a_pattern_is_one_every_match_must_hold():
    cases = {r"on\s+the\s+roads?": "road", r"(?<!-)[Ww]orld(?:'s)?\b": "orld", r"ab{2,3}cde": "cde",
             r"(?:a|b)xyz?": "xy", r"a[)(]bcd(?:x)": "bcd", r"(?:[)]x)yy": "yy", r"(?:abcd)?x": "x",
             r"(?=abcde)x": "x", r"(?:(?:crude\s+)?palm(?:\s+kernel)?\s+oil)": "palm", r"(abcde)x": "abcde",
             r"ab\x41cd": None, r"\p{Han}abc": None, r"a|b": None, r"(?x)a b c": None}
    for pattern, literal in cases.items():
        assert rulefile._required_literal(pattern, 0) == literal, pattern
    # ... and every run, each of which a match holds
    assert rulefile._required_literals(r"in\s+the\s+(?:(?:early|mid|late)[\s-]+)?(?:19|20)\d0s", 0) == ("in", "the", "0s")
    assert rulefile._required_literals(r"(?:(?:crude\s+)?palm(?:\s+kernel)?\s+oil)", 0) == ("palm", "oil")


# Patterns tried only where a match can open (`rulefile.OpenedScan`), with words their alternatives open with
# and words that merely contain them ("has", "upon", "Asia"), in both scripts and cases.
_OPENED_WORDS = ["as", "As", "AS", "has", "was", "such", "well", "on", "the", "back", "of", "demand", "due", "to",
                 "thanks", "helped", "by", "fuelled", "fueled", "prices", "soared", "exports", "climbed", "rose",
                 "rise", "up", "down", "upon", "from", "than", "its", "compared", "with", "versus", "vs.", "when",
                 "it", "stood", "at", "growth", "eased", "increased", "dips", "trims", "expects", "estimates",
                 "that", "founded", "in", "over", "year-on-year", "month-over", "topped", "2023", "5.2%", "Asia",
                 "受", "影响", "由于", "得益于", "同比", "增长", "较", "上年", "的", "比", "由", "预计", "有望", "，",
                 ",", ".", "\n", "ſ", "İ",
                 # whole phrases, so that every alternative is met
                 "on the back of", "on strong US demand", "as prices soared", "such as margins improved",
                 "as exports recovered", "driven by", "because of", "compared with", "up from", "down on",
                 "when it stood at", "founded in", "set up in", "than in", "against the", "lifted output by",
                 "growth slowed to", "rose by about", "受美国政策影响", "较上年的", "比2023年的", "由上年度的",
                 "ahead of the", "trade deficit with", "a unit of", "outpacing", "along with", "超过", "来自", "与"]


def _opened_scans():
    from factcheck import frames as F
    from factcheck.frames import cues, periods, sources
    return [cues._CAUSE_SCAN, cues.BASE_FIGURE_SCAN, F._CHANGE_BEFORE_SCAN, periods._BASE_BEFORE_SCAN,
            sources._FORECAST_VERB_SCAN, F._OBJECT_OF_SCAN]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_OPENED_WORDS), max_size=30).map(" ".join), st.data())
def test_an_opened_scan_finds_what_its_pattern_finds(text, data):
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    for scan in _opened_scans():
        for a, b in ((0, len(text)), (lo, hi)):
            assert [m.span() for m in scan.finditer(text, a, b)] == [m.span() for m in scan.pattern.finditer(text, a, b)]
            found, expected = scan.search(text, a, b), scan.pattern.search(text, a, b)
            assert (found and found.span()) == (expected and expected.span())


_MONTH_TEXT_WORDS = ["jan", "January", "Mar", "march", "market", "may", "Maybe", "june", "jun.", "sept", "Sep.", "dec",
                     "decline", "at", "that", "to", "through", "-", "and", "3", "2024", "x", "in", "the", ",", "\n"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_MONTH_TEXT_WORDS), max_size=20).map(" ".join))
def test_month_triggers_find_what_a_word_boundary_search_finds(text):
    from factcheck.frames import periods as P
    month = P.MONTH_WORDS
    reference = [re.compile(rf"\b{month}\.?\s+(?:19|20)\d\d\s*(?:to|through|-|–|—|until|and)\s*{month}"),
                 re.compile(rf"\b{month}\.?\s*(?:to|through|-|–|—|until|and)\s*{month}"),
                 re.compile(rf"\bat\s+{month}\.?\s+\d"), re.compile(rf"\b{month}\b")]
    triggers = [trigger for _, trigger, _ in P._PATTERNS if isinstance(trigger, re.Pattern) and "(?<!" in trigger.pattern]
    low = text.casefold()
    assert [bool(t.search(low)) for t in triggers] == [bool(r.search(low)) for r in reference]


def test_a_cue_the_segmenter_splits_after_a_dates_last_character_is_kept() -> None:
    from factcheck.frames.cues import within_words

    text = "玉山2025年营收为548亿元，付费用户"
    at = text.index("营收")
    words = [(0, 2, "玉山"), (2, 6, "2025"), (6, 8, "年营"), (8, 10, "收为"), (10, 13, "548"),
             (13, 15, "亿元"), (15, 16, "，"), (16, 18, "付费"), (18, 20, "用户")]
    fee = text.index("费用")
    hits = [(at, at + 2, 0), (fee, fee + 2, 1)]
    # (营收 across 年营/收为 stays; 费用 across 付费/用户 does not)
    assert within_words(hits, words, text) == [(at, at + 2, 0)]
