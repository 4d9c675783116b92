"""Literal gates (`rulefile.literal_clauses`, `LiteralGate`): a pattern is skipped only where it cannot match."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import rulefile
from factcheck.rulefile import LiteralGate, literal_clauses, lowered_range
from factcheck.rules import load_rules
from factcheck.vocabulary import cue_set

VOCAB = load_rules().vocabulary


def test_clauses_read_runs_groups_and_alternatives():
    assert literal_clauses(r"(?:data|figures)\s+from\s+(?P<source>[A-Z]\w*)", 0) == (
        frozenset({"data", "figures"}), frozenset({"from"}))
    assert literal_clauses(r"in\s+(?:shops|stores)\s+at", regex.I) == (
        frozenset({"in"}), frozenset({"shops", "stores"}), frozenset({"at"}))
    assert literal_clauses("ab?c", 0) == (frozenset({"a"}), frozenset({"c"}))
    assert literal_clauses("ab+c", 0) == (frozenset({"ab"}), frozenset({"c"}))
    assert literal_clauses("x{0,3}yz", 0) == (frozenset({"yz"}),)
    assert literal_clauses("(?:ab|cd)?ef", 0) == (frozenset({"ef"}),)
    assert literal_clauses("(?i:Foo)(?=bar)", 0) == (frozenset({"foo"}),)
    assert literal_clauses(r"\(x\)", 0) == (frozenset({"(x)"}),)
    assert literal_clauses("据|根据|按照", 0) == (frozenset({"据", "按照"}),)  # (根据 holds 据)
    # an alternative of no literal, and constructs not read: no gate
    for pattern in ("a|", "a|\\d", "a{e<=1}", "(?(1)a|b)", r"\p{Han}ab", r"(a)\1", "(?x)a b", "(?#c)a", "a{"):
        assert literal_clauses(pattern, 0) is None, pattern


PATTERNS = (list(VOCAB.attribution_en) + list(VOCAB.attribution_zh)
            + [compiled for cues in (VOCAB.measures, VOCAB.places, VOCAB.objects, VOCAB.basis)
               for _, compiled, _ in cue_set(cues)._always]
            + [regex.compile(r"(?i)in\s+(?:shops|supermarkets|stores)\s+at"), regex.compile(r"ab?c|x(?:yz)+")])
WORDS = ["According", "to", "IDC", "data", "from", "the", "Ministry", "said", "says", "that", "shows", "figures",
         "in", "shops", "stores", "at", "ex-factory", "EV", "PV", "world", "World's", "global", "(", ")", "Kpler",
         "据", "根据", "统计", "数据", "显示", "称", "发布", "报告", "今天", "中国汽车工业协会", "，", "。", "ab", "c",
         "xyz", "xyzyz", "K", "ſ", "ı", "İstanbul", "if", "by", "2030", "the 1990s", "rate", "fertility", "\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join), st.data())
def test_a_gate_never_rules_out_a_match(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for pattern in PATTERNS:
        gate = LiteralGate(pattern)
        matches = next(pattern.finditer(text, start, end), None) is not None
        if matches:
            assert gate.may_match(text, start, end), (pattern.pattern, text[start:end])
            lowered = lowered_range(text, start, end)
            assert lowered is None or gate.may_match_lowered(lowered), (pattern.pattern, text[start:end])
    rulefile._LOWERED.clear()
