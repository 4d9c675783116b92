"""Stage 5: qualifier intervals, tolerance, clustering, severity and finding ids."""

from __future__ import annotations

import math
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.compare import Comparer, Placed, finding_id, interval
from factcheck.model import Article, Claim
from factcheck.rules import load_rules
from factcheck.model import Frame, Slot

RULES = load_rules()


def claim(value, qualifier="exact", unit="percent", precision=1.0, high=None, cue=None, file="a.txt",
          article="a#1", start=0, direction=None) -> Claim:
    text = "x" * 10
    return Claim(file=file, article=article, start=start, end=start + 3, text="90%", sentence=text,
                 value=value, value_high=high, unit=unit, qualifier=qualifier, precision=precision,
                 direction=direction, noun=None, lang="en", cue=cue)


def test_exact_figure_spans_its_written_precision():
    assert interval(claim(90), RULES) == (89.5, 90.5)
    assert interval(claim(92.5, precision=0.1), RULES) == (92.45, 92.55)


def test_over_and_at_least_reach_the_ceiling_of_a_share():
    assert interval(claim(85, "over"), RULES) == (85, 100)
    assert interval(claim(85, "at_least"), RULES) == (85, 100)
    assert interval(claim(3500, "at_least", unit="count"), RULES) == (3500, math.inf)


def test_under_and_up_to_reach_down_to_zero():
    assert interval(claim(23, "under"), RULES) == (0, 23)
    assert interval(claim(60, "at_most", cue="up to"), RULES) == (0, 60)


def test_nearly_is_just_below_the_figure():
    low, high = interval(claim(40, "at_most", cue="nearly"), RULES)
    assert (round(low, 6), high) == (36, 40)
    low, high = interval(claim(40, "at_most", cue="将近"), RULES)
    assert (round(low, 6), high) == (36, 40)


def test_about_widens_both_ways_and_ranges_are_their_interval():
    low, high = interval(claim(90, "approx"), RULES)
    assert low < 89 and high > 91 and (low + high) / 2 == 90
    assert interval(claim(8, "range", unit="year", high=10), RULES) == (8, 10)


TOLERANCE = RULES.tolerance("share", "percent").amount(1.0)


def _group(values: list[tuple], dim: str = "percent"):
    """A finding for claims (value, qualifier[, file]) of one group; files alternate unless given."""
    texts = {"a.txt": "x" * 100, "b.txt": "x" * 100}
    articles = {f"{f[0]}#1": Article(f"{f[0]}#1", f, "T", None, "2025-01-01", 0, 100) for f in texts}
    comparer = Comparer(RULES, texts, articles)
    members = []
    for i, (value, qualifier, *given_file) in enumerate(values):
        file = given_file[0] if given_file else ("a.txt" if i % 2 == 0 else "b.txt")
        c = claim(value, qualifier, file=file, article=f"{file[0]}#1", start=i)
        low, high = interval(c, RULES)
        frame = Frame(Slot("share of refining"), Slot("China@World"), Slot("rare earth"), Slot("2025"),
                      Slot("actual"), Slot(None), dim, "2025-01-01")
        members.append(Placed(c, frame, low, high, c.value, c.unit))
    return comparer._group_finding("share of refining|China@World|rare earth|2025|actual|percent", members)


def test_bounds_compatible_with_the_figure_are_no_finding():
    assert _group([(85, "over"), (90, "exact")]) is None
    assert _group([(90, "approx"), (92, "exact")]) is None  # "about 90%" vs 92%


def test_gap_beyond_tolerance_is_a_finding_and_severity_follows_the_gap():
    medium = _group([(90, "exact"), (88, "exact")])
    assert medium is not None and medium.severity == "medium"
    high = _group([(90, "exact"), (60, "exact")])
    assert high is not None and high.severity == "high"
    assert high.rule == "FC100" and high.extra["tolerance"] == TOLERANCE
    assert high.message.startswith("China's share of refining (rare earth), World, 2025: ")


@settings(max_examples=150, deadline=None)
@given(st.floats(0, 100), st.floats(0, 100), st.sampled_from(["exact", "over", "under", "approx"]),
       st.sampled_from(["exact", "over", "under", "approx"]))
def test_comparison_is_symmetric(a, b, qa, qb):
    one = _group([(a, qa, "a.txt"), (b, qb, "b.txt")])
    other = _group([(b, qb, "b.txt"), (a, qa, "a.txt")])
    assert (one is None) == (other is None)
    if one is not None:
        assert one.id == other.id and one.severity == other.severity


@settings(max_examples=150, deadline=None)
@given(st.floats(0, 100), st.floats(0, 100))
def test_exact_figures_conflict_exactly_when_their_gap_exceeds_the_tolerance(a, b):
    gap = abs(a - b) - 1.0  # each exact figure spans ±0.5 (precision 1)
    finding = _group([(a, "exact"), (b, "exact")])
    if gap > TOLERANCE + 1e-6:
        assert finding is not None
    elif gap < TOLERANCE - 1e-6:
        assert finding is None


def test_finding_id_ignores_offsets_but_not_values_or_files():
    c1, c2 = claim(90, file="a.txt"), claim(80, file="b.txt")
    base = finding_id("FC100", "s", [c1, c2])
    assert finding_id("FC100", "s", [replace(c1, start=500, end=503), c2]) == base
    assert finding_id("FC100", "s", [c2, c1]) == base
    assert finding_id("FC100", "s", [replace(c1, value=91), c2]) != base
    assert finding_id("FC100", "s", [replace(c1, file="c.txt"), c2]) != base
    assert base.startswith("FC100-")


def test_plain_tons_allow_short_tons_but_tonnes_do_not():
    tons = replace(claim(100, unit="t"), text="100 tons")
    low, high = interval(tons, RULES)
    assert round(low, 3) == round(99.5 * 0.90718474, 3) and high == 100.5
    assert interval(replace(claim(100, unit="t"), text="100 tonnes"), RULES) == (99.5, 100.5)
    assert interval(replace(claim(100, unit="t"), text="100 metric tons"), RULES) == (99.5, 100.5)


def test_power_energy_area_and_volume_compare_in_one_unit(tmp_path) -> None:
    from factcheck.pipeline import analyse

    (tmp_path / "a.md").write_text("# Wind\n\nChina added 79.8 GW of wind power in 2024.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Wind\n\nChina added 79,800 MW of wind power in 2024.\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("# Wind\n\nChina added 87 GW of wind power in 2024.\n", encoding="utf-8")
    analysis = analyse([str(tmp_path)])
    assert {p.frame.dimension for p in analysis.placed} == {"power"}
    [finding] = analysis.findings  # 79.8 GW and 79,800 MW agree; 87 GW does not
    assert sorted(c.quote for c in finding.claims) == ["79,800 MW", "79.8 GW", "87 GW"]
    assert all(79 < c.low <= c.high < 81 for c in finding.claims if c.quote != "87 GW")  # both in GW


def test_a_source_written_short_and_long_is_one_source():
    from factcheck.compare import distinct_sources

    assert distinct_sources({"JNTO", "Japan National Tourism Organization"}) == ["Japan National Tourism Organization"]
    assert distinct_sources({"IEA", "Japan National Tourism Organization"}) == ["IEA", "Japan National Tourism Organization"]
    assert distinct_sources({"Agência Nacional de Aviação Civil", "ANAC"}) == ["Agência Nacional de Aviação Civil"]


def test_findings_involving_some_files_are_those_of_all_findings_with_a_claim_there() -> None:
    from pathlib import Path

    from factcheck.pipeline import analyse

    everything = analyse([Path(__file__).resolve().parent.parent / "seeds"])
    texts = everything.extraction.corpus.texts
    comparer = Comparer(RULES, texts, {a.id: a for a in everything.extraction.articles})
    placed = everything.placed
    all_findings = comparer.contradictions(placed)
    files = sorted({c.file for f in all_findings for c in f.claims})
    assert len(all_findings) >= 3 and len(files) >= 3
    for involving in ({files[0]}, set(files[1:3]), set()):
        assert comparer.contradictions(placed, involving) == [
            f for f in all_findings if any(c.file in involving for c in f.claims)]


def test_the_current_period_is_the_frames_stages():
    from factcheck import compare, frames

    assert compare.CURRENT == frames.CURRENT


def _placed_amount(value: float, period: str, date: str, file: str) -> Placed:
    c = claim(value, unit="t", file=file, article=f"{file}#1")
    frame = Frame(Slot("production"), Slot("@Chile"), Slot("copper"), Slot(period), Slot("actual"), Slot(None),
                  "mass", date)
    return Placed(c, frame, value, value, value, "t")


def _periods_grouped(*members: Placed) -> list[list[str]]:
    from factcheck.compare import groups

    return sorted(sorted(p.claim.file for p in g) for _, g in groups(list(members), 366))


def test_a_current_amount_joins_the_one_period_under_way_or_just_ended_at_its_date():
    dated = _placed_amount(5.3e6, "2025", "2025-11-01", "a")
    # a figure with no period of its own, in November: this year's, under way
    assert _periods_grouped(dated, _placed_amount(5.6e6, "current", "2025-11-20", "b")) == [["a", "b"]]
    # in February: too early in the year to be this year's; the year just ended (2024) if a figure gives it
    assert _periods_grouped(dated, _placed_amount(5.6e6, "current", "2025-02-10", "b")) == [["a"], ["b"]]
    just_ended = _placed_amount(5.1e6, "2024", "2025-02-01", "c")
    assert _periods_grouped(dated, just_ended, _placed_amount(5.6e6, "current", "2025-02-10", "b")) == [
        ["a"], ["b", "c"]]
    # two periods under way (the year and its second half): which one is not known, so neither
    half = _placed_amount(2.7e6, "2025H2", "2025-11-15", "d")
    assert _periods_grouped(dated, half, _placed_amount(5.6e6, "current", "2025-11-20", "b")) == [
        ["a"], ["b"], ["d"]]



def test_a_headline_may_round_a_whole_step(tmp_path):
    from factcheck.pipeline import analyse

    def article(name, title, body):
        (tmp_path / name).write_text(f"---\ntitle: {title}\ndate: 2025-07-10\n---\n{body}\n", encoding="utf-8")

    article("a.md", "Lisbon's foreign arrivals jump 40% in first half as flights return",
            "Lisbon welcomed 3.1 million foreign visitors in the first half of 2025, up 40.6% on a year earlier.")
    article("b.md", "Lisbon tourism", "Foreign arrivals in Lisbon rose 40.6% in the first half of 2025.")
    assert analyse([str(tmp_path)]).findings == []  # the headline's 40% is the story's 40.6%, rounded
    article("c.md", "Lisbon's half", "Foreign arrivals in Lisbon rose 40% in the first half of 2025.")
    found = [sorted(c.quote for c in f.claims) for f in analyse([str(tmp_path)]).findings]
    assert found and all("40%" in q and "40.6%" in q for q in found)  # a body's 40% is not rounded so
