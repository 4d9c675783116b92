"""Golden tests on a small hand-written corpus (English and Chinese): grouping, qualifier intervals,
year separation and the conversion check, end to end through `analyse`."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.compare import frame_label
from factcheck.pipeline import analyse

GOLDEN = Path(__file__).parent / "corpora" / "golden"


@pytest.fixture(scope="module")
def analysis():
    return analyse([GOLDEN])


def _by_subject(analysis, prefix: str):
    """Findings whose group label (measure|holder@place|object|period|basis|dimension) starts so."""
    return [f for f in analysis.findings if f.subject.startswith(prefix)]


def _quotes(finding) -> set[tuple[str, str]]:
    return {(c.file, c.quote) for c in finding.claims}


def test_refining_share_disagreement_across_languages_and_articles(analysis):
    (finding,) = _by_subject(analysis, "share of refining|China@World|=rare earths|current@")
    assert finding.rule == "FC100"
    assert _quotes(finding) == {("refining_en.md", "90%"), ("processing_en.md", "80%"),
                                ("processing_en.md", "85%")}
    # "over 85%" is compatible with 90%: the two sit in one cluster, 80% in the other.
    assert finding.extra["clusters"] == [1, 2]
    assert finding.severity == "high"  # a gap of 4.5 points is beyond 3x the written precision (1 point)
    assert finding.message.startswith("China's share of refining (rare earths), World, current (articles of ")
    assert "80% vs >85%, 90%" in finding.message


def test_mining_share_english_against_chinese(analysis):
    (finding,) = _by_subject(analysis, "share of mining|China@World|=rare earths|current@")
    assert _quotes(finding) == {("refining_en.md", "70%"), ("mining_zh.md", "60%")}
    assert finding.severity == "high"


def test_different_years_and_past_figures_never_conflict(analysis):
    cited = {(c.file, c.quote) for f in analysis.findings for c in f.claims}
    assert ("history_en.md", "95%") not in cited  # "In 2019" is its own period
    assert ("history_en.md", "79%") not in cited  # "once controlled": the past
    frames = {frame_label(p.frame) for p in analysis.placed if p.claim.file == "history_en.md"}
    assert "share of refining|China@World|=rare earths|2019|actual|percent" in frames
    assert any(f.endswith("|past|percent") for f in frames)


def test_heavy_rare_earths_are_a_scope_of_their_own(analysis):
    heavy = [p for p in analysis.placed if p.claim.file == "heavy_zh.md"]
    assert [p.frame.object.value for p in heavy] == ["=heavy rare earths"]
    assert not any(("heavy_zh.md", "99%") in _quotes(f) for f in analysis.findings)


def test_same_figure_in_other_words_and_language_is_not_flagged(analysis):
    weapon = [p for p in analysis.placed if p.claim.unit == "kg"]
    assert sorted(p.claim.file for p in weapon) == ["mining_zh.md", "processing_en.md", "refining_en.md"]
    assert not any(c.unit == "kg" for f in analysis.findings for c in f.claims)


def test_parenthetical_conversion_is_checked_against_declared_rates(analysis):
    (finding,) = [f for f in analysis.findings if f.rule == "FC200"]
    assert finding.subject == "conversion:RUB->CNY"
    assert [c.quote for c in finding.claims] == ["700 billion rubles", "20 billion yuan"]
    assert all(c.file == "processing_en.md" for c in finding.claims)
    # The plausible conversion (61.8 billion yuan) is no finding, and restated figures are not FC100.
    assert not any(c.quote == "61.8 billion yuan" for f in analysis.findings for c in f.claims)


def test_every_claim_cites_file_line_and_quote(analysis):
    for finding in analysis.findings:
        for ref in finding.claims:
            text = (GOLDEN / ref.file).read_text(encoding="utf-8")
            assert text[ref.start:ref.end] == ref.quote
            assert text.splitlines()[ref.line - 1][ref.col - 1:].startswith(ref.quote)
            assert ref.quote in ref.sentence


def test_finding_ids_are_stable_and_unique(analysis):
    again = analyse([GOLDEN])
    assert [f.id for f in again.findings] == [f.id for f in analysis.findings]
    assert len({f.id for f in analysis.findings}) == len(analysis.findings)


def test_another_topic_nobody_wrote_rules_for():
    """A city-budget story in two languages: the project's cost and its build time disagree across articles
    and languages; the budget agrees; unemployment in one month cannot be both 5.1% and 5.3%."""
    analysis = analyse([Path(__file__).parent / "corpora" / "other_topic"])
    found = {f.extra["shared"]["measure"]: {c.quote for c in f.claims} for f in analysis.findings}
    assert found == {"cost": {"$1.8 billion", "18亿美元", "$2.6 billion"},
                     "duration": {"six years", "6年", "nine years"},
                     "unemployment": {"5.1%", "5.3%"},
                     "share of population": {"40%", "60%"}}
    (riders,) = [f for f in analysis.findings if f.extra["shared"]["measure"] == "share of population"]
    assert {c.file for c in riders.claims} == {"a.md", "b.md", "c.md"}  # 约40% agrees with "About 40%"
    cited = {c.quote for f in analysis.findings for c in f.claims}
    assert "$4.2 billion" not in cited  # the same 2026 budget in two articles


def test_chinese_search_result_pages():
    """Two Chinese articles in the search-result format: shares of mining, refining and import dependence
    disagree; the 2024 quota (27万吨) agrees; the West's and the US's rebuild times are different subjects."""
    analysis = analyse([Path(__file__).parent / "corpora" / "chinese"])
    found = {f.subject: {c.quote for c in f.claims} for f in analysis.findings}
    assert found == {
        "share of mining|China@World|=rare earths|current@2025-10|actual|percent": {"60%", "70%"},
        "share of refining|China@World|=rare earths|current@2025-10|actual|percent": {"85%", "90%以上"},
    }
    quota = [p for p in analysis.placed if p.frame.measure.value == "quota" and not p.frame.change]
    assert {p.frame.period.value for p in quota} == {"2024"} and len(quota) == 2
    articles = {a.id: (a.source, a.date) for a in analysis.extraction.articles}
    assert articles == {"a#1": ("新华网", "2025-10-10"), "b#1": ("财经网", "2025-10-12")}


def test_a_news_mix_on_topics_no_rule_names():
    """Fifty-five articles on coffee, air travel, grain, tourism, measles, a company's quarter, an election,
    gas imports, wheat, jobs, house prices, football crowds, GDP, wildfires, a trade deficit, car exports,
    hospital waiting lists, rice prices, chip sales, coal, a bank's quarter, reservoirs and currency reserves (English, simplified and traditional Chinese),
    each topic with planted disagreements and traps: another year, a forecast or target, another country in
    one sentence, a flow's value beside its volume, a change on the month beside one on the year, the same
    figure in two languages."""
    analysis = analyse([Path(__file__).parent / "corpora" / "news_mix"])
    found = sorted(sorted({c.quote for c in f.claims}) for f in analysis.findings)
    assert found == sorted([
        ["104,850", "127,350", "127350例"],  # measles cases in Europe, 2024
        ["65.9 million tonnes", "6990万吨"],  # Japan's LNG imports, 2024
        ["7.25億噸", "70650万吨"],  # China's grain output, 2024
        ["34.5%", "36.1%"],  # the winning party's vote share
        ["10.4%", "8.9%"],  # growth of air passenger traffic (the Chinese 10.4% joins)
        ["35.1 million", "36.87 million"],  # foreign visitors to Japan, 2024
        ["91%", "93%"],  # first-dose coverage, 2023
        ["$4.8 billion", "$5.2 billion", "48億美元"],  # a shipping group's third-quarter revenue
        ["82.6 million tonnes", "8260万吨", "85.1 million tonnes"],  # Russia's wheat harvest, 2024
        ["38,600", "39,512"],  # the league's average crowd, 2023/24
        ["0.4%", "0.6%"],  # new-home prices on the month (环比), not -4.9% on the year (同比)
        ["4.95%", "5.12%"],  # Indonesia's GDP growth on the year, 2024Q3 (国内 of 国内生产总值 is no China)
        ["585.9万辆", "6.41 million"],  # China's car exports, 2024
        ["19.3%", "23%"],  # their growth: "6.41 million vehicles, up 23%" is a change of vehicles
        ["$627.6 billion", "$655.4 billion", "6276亿美元"],  # world chip sales in money are revenue (销售额)
        ["7.54 million", "7.62 million"],  # England's hospital waiting list in October
        ["2.1 billion euros", "2.4 billion euros"],  # a bank's third-quarter net profit, not the forecast 2.0
        ["63.1%", "68.4%"],  # Spain's reservoirs ("Spanish"), of capacity, in one week
        ["1.35 million tonnes", "1.46 million tonnes", "135万吨"],  # Vietnam's coffee exports ("shipped"), 2024
        ["$3.202 trillion", "$3.31 trillion", "32024亿美元"],  # China's currency reserves, end-December
        # the US deficit with China, 2023: "the resulting deficit" of an article of February 2024 is last year's
        ["$252.2 billion", "$279.4 billion", "2794亿美元"],
    ])
    # 6.8% and 6.9% may both round 6.85: as written, they can both be right
    cited = {c.quote for f in analysis.findings for c in f.claims}
    # traps: 2023's figures, forecasts and targets, a growth of value against one of volume, a threshold
    assert not cited & {"1.62 million tonnes", "58,000", "$4.3 billion", "1.5 million tonnes", "60 million",
                        "8%", "32.5%", "95%", "55.4%", "6.95億噸", "31.9 million", "92.8 million tonnes",
                        "80.1 million tonnes", "37,200", "-4.9%", "4.9%", "6.5%", "1.50%", "5.05%", "5.2%",
                        "4.91%", "18.4 million hectares", "45.7 million acres",
                        "7.57 million", "7.77 million", "6.7%", "128.4万辆", "1.28 million", "44.8%",
                        "2.0 billion euros", "8.3 billion euros", "58.2%", "57.9%", "1.2%", "1.3%",
                        "$3.266 trillion"}  # November's, the base "a month earlier"
