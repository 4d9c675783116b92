"""Claim frames: each slot read from text written for these tests, on topics no rule file mentions, and a
golden corpus (chip foundries, quarterly results, an election, a sports season; English and Chinese)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.compare import frame_label
from factcheck.frames import Framer
from factcheck.frames.holders import HolderIndex, declared_aliases
from factcheck.frames.periods import find_periods
from factcheck.model import Article
from factcheck.normalise import DEFAULT_RULES, load_units
from factcheck.pipeline import analyse, run_extraction
from factcheck.rules import load_rules
from frame_helpers import article as _article, by_figure as _by_figure, by_file as _by_file, quotes as _quotes

FRAMES = Path(__file__).parent / "corpora" / "frames"
RULES = load_rules()


def _labels(text: str, year: int = 2025) -> list[str | None]:
    return [p.label(p.year if p.year is not None else year) for p in find_periods(text, 0, len(text), year)
            if not p.base]


@pytest.mark.parametrize("text,expected", [
    ("in the third quarter of 2024", ["2024Q3"]),
    ("Q3 2024", ["2024Q3"]),
    ("2024年第三季度", ["2024Q3"]),
    ("the second quarter of fiscal 2025", ["FY2025Q2"]),
    ("Q2 of fiscal 2025", ["FY2025Q2"]),
    ("FY2026", ["2025/26"]),  # a fiscal year is named by the year it ends in
    ("the 2025 financial year", ["2024/25"]),
    ("截至6月30日的2025财年", ["2024/25"]),
    ("截至今年3月31日止年度", ["2024/25"]),
    ("2025财年第二季度（7月至9月）", ["FY2025Q2", "2025Q3"]),
    ("in the first half of 2024", ["2024H1"]),
    ("2024年上半年", ["2024H1"]),
    ("1-5月", ["2025-01..2025-05"]),
    ("10至12月", ["2025Q4"]),
    ("January to June 2023", ["2023H1"]),
    ("in December 2024", ["2024-12"]),
    ("2023年12月", ["2023-12"]),
    ("in the 1990s", ["1990s"]),
])
def test_periods_are_typed(text, expected):
    assert _labels(text) == expected


def test_a_period_after_a_comparison_word_is_a_base_not_the_figures_own():
    text = "Sales fell 3% from 2023, and output was 4% lower than in 2022; 比上年增长5%"
    assert [p.base for p in find_periods(text, 0, len(text), 2025)] == [True, True, True]


def test_may_the_verb_is_no_month():
    assert _labels("Prices may rise by 5%.") == []


def test_aliases_join_languages_and_text_declared_spellings():
    index = HolderIndex(RULES.vocabulary)
    declared = declared_aliases(index, "Contemporary Amperex Technology Co. (CATL) and Harbor Robotics (HRB)")
    assert declared["Contemporary Amperex"] == "CATL"
    assert declared["Harbor Robotics"] == "HRB"  # an organisation no list knows, named by the text itself
    assert declared_aliases(index, "台积电（TSMC）")["台积电"] == "TSMC"
    # a bracket of an English name and the short one ("简称"): both are the short one
    both = declared_aliases(index, "北原电动巴士公司（Northfield Electric Bus，简称NEB）")
    assert both["北原电动巴士公司"] == both["Northfield Electric Bus"] == "NEB"
    assert declared_aliases(index, "a rise (of 5%) in the market (GW)") == {}
    assert declared_aliases(index, "其中全光纤（FTTP）用户约160万户") == {}  # a kind of line and its acronym


class _Frames:
    """Frames of every claim of one article written here, looked up by the words a figure starts."""

    def __init__(self, pairs, text):
        self.pairs, self.text = pairs, text

    def __getitem__(self, words: str):
        for claim, frame in self.pairs:
            if self.text.startswith(words, claim.start):
                return frame
        raise KeyError(words)


def _frames(text: str, date: str = "2025-03-01") -> _Frames:
    folder = Path(_frames.tmp) / f"a{len(list(Path(_frames.tmp).iterdir()))}"
    folder.mkdir()
    (folder / "a.md").write_text(f"---\ntitle: T\ndate: {date}\n---\nT\n\n{text}\n", encoding="utf-8")
    extraction = run_extraction([folder])
    framer = Framer(RULES, load_units())
    source = extraction.corpus.files[0]
    frames = framer.frame_article(source.text, framer.prepare(source.text), extraction.articles[0],
                                  extraction.claims)
    return _Frames(list(zip(extraction.claims, frames)), source.text)


@pytest.fixture(autouse=True)
def _tmp(tmp_path):
    _frames.tmp = tmp_path


def test_two_holders_in_one_sentence_keep_their_own_figures():
    frames = _frames("Harbor Robotics held 41.2% of the warehouse robot market in 2024, while Kestrel Automation "
                     "had 17.5%.")
    assert frames["41.2%"].holder.value.startswith("Harbor Robotics@")
    assert frames["17.5%"].holder.value.startswith("Kestrel Automation@")
    assert frames["17.5%"].measure.value == frames["41.2%"].measure.value == "share"
    assert frames["17.5%"].period.value == "2024"


def test_possessive_pronoun_takes_the_holder_of_the_sentence_before():
    frames = _frames("Kestrel Automation had a strong year. Its revenue rose to $812 million in 2024.")
    assert frames["$812 million"].holder.value.startswith("Kestrel Automation")
    assert "pronoun" in frames["$812 million"].holder.rule


def test_a_country_is_the_place_of_its_own_output_and_the_holder_of_its_share():
    frames = _frames("Brazil produced 58 million tonnes of soybeans in 2023, or 38% of world output.")
    assert frames["58 million tonnes"].holder.value == "@Brazil"
    assert frames["38%"].holder.value == "Brazil@World"
    assert frames["58 million tonnes"].object.value == "=soybeans"


def test_forecasts_past_and_proposals_are_not_actuals():
    frames = _frames("Analysts expect exports to reach 90 million tonnes in 2026. The mill once produced 3 million "
                     "tonnes a year. Officials threatened a 25% tariff on imported cement.", date="2025-06-01")
    assert frames["90 million tonnes"].basis.value == "forecast"
    assert frames["3 million tonnes"].basis.value == "past"
    assert frames["25%"].basis.value == "proposed"


def test_a_figure_without_a_period_is_current_and_a_month_takes_the_articles_year():
    frames = _frames("Unemployment stood at 6.1% in November. About 300 buses serve the city.",
                     date="2026-01-10")
    assert frames["6.1%"].period.value == "2025-11"  # the latest November before the article
    assert frames["300 buses"].period.value == "current"


def test_a_source_named_for_the_data_is_attribution_not_holder():
    frames = _frames("According to Lumen Research, Harbor Robotics shipped 12,400 robots in 2024.")
    assert frames["12,400 robots"].attribution.value == "Lumen Research"
    assert frames["12,400 robots"].holder.value.startswith("Harbor Robotics")


@pytest.fixture(scope="module")
def golden():
    return analyse([FRAMES])


def _found(analysis) -> dict[str, set[tuple[str, str]]]:
    return {f.extra["title"]: {(c.file, c.quote) for c in f.claims} for f in analysis.findings}


def test_golden_findings_on_topics_no_rule_mentions(golden):
    assert _found(golden) == {
        # cross-language alias: 台积电(TSMC) is TSMC; Samsung's 9.3% agrees in both and is no finding
        "TSMC's share (wafers), 2024Q3": {("foundry_zh.md", "62.3%"), ("foundry_en.md", "64.9%")},
        # "second quarter of fiscal 2025" and "Q2 of fiscal 2025" are one fiscal quarter; net profit agrees
        "Northwind Traders' revenue, FY2025Q2": {("results_a.md", "$4.2 billion"),
                                                  ("results_b.md", "$4.5 billion")},
        # current figures of articles a day apart; 41% is 2020's and stays out
        "Turnout (市长), current (articles of 2024-11)": {("election_a.md", "48%"), ("election_b.md", "52%")},
    }


def test_golden_traps_stay_quiet(golden):
    cited = {(c.file, c.quote) for f in golden.findings for c in f.claims}
    assert ("results_a.md", "$4.8 billion") not in cited  # a forecast for the next quarter
    assert ("election_a.md", "41%") not in cited  # 2020's turnout
    assert not any(f == "season_a.md" for f, _ in cited)  # current figures four years apart
    assert ("foundry_en.md", "12%") not in cited  # another holder's forecast


def test_every_finding_says_why_its_claims_were_compared(golden):
    for finding in golden.findings:
        assert finding.message.startswith(finding.extra["title"])
        shared = finding.extra["shared"]
        assert shared["measure"] and shared["period"] and shared["dimension"]
        for frame in finding.extra["frames"]:
            assert frame["measure"]["rule"] and frame["period"]["rule"]


def test_no_topic_extension_is_needed(tmp_path):
    """The topic-neutral vocabularies alone give the same findings on topics no extension covers."""
    rules = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES, rules)
    (rules / "rare_earths.yaml").unlink()
    assert _found(analyse([FRAMES], str(rules))) == _found(analyse([FRAMES]))


def test_frames_are_the_same_whatever_the_number_of_processes(golden, monkeypatch):
    from factcheck import parallel

    monkeypatch.setattr(parallel, "POOL_MIN_CLAIMS", 1)
    again = analyse([FRAMES], jobs=2)
    assert [frame_label(p.frame) for p in again.placed] == [frame_label(p.frame) for p in golden.placed]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Apple TSMC 中国 台积电 份额 shipped 12% 3.5 million in Q3 2024 of the "
                                              "(CATL) ，。.\n年月季度")), max_size=300))
def test_framing_never_raises_and_keeps_every_claim(text):
    framer = Framer(RULES, load_units())
    article = Article("x#1", "x.md", "T", None, "2025-01-01", 0, len(text))
    from factcheck.extract import Extractor

    claims = Extractor(load_units()).extract(text, [article], "x.md") if text else []
    frames = framer.frame_article(text, framer.prepare(text), article, claims)
    assert len(frames) == len(claims)


def test_respectively_pairs_each_figure_with_its_item():
    frames = _frames("Valdora supplies most of the world's lithium and cobalt (72% and 64% respectively).")
    assert frames["72%"].object.value == "=lithium"
    assert frames["64%"].object.value == "=cobalt"


def test_han_ranges_are_the_han_script() -> None:
    import re

    import regex

    from factcheck.frames.text import HAN_RANGES

    ours, script = re.compile(f"[{HAN_RANGES}]"), regex.compile(r"\p{Han}")
    assert [cp for cp in range(0x2E00, 0x33500) if bool(ours.match(chr(cp))) != bool(script.match(chr(cp)))] == []
    assert not any(ours.match(chr(cp)) for cp in range(0x2E00))


def test_trie_pattern_matches_what_the_longest_first_alternation_matches() -> None:
    import re

    from factcheck.extract.vocabulary import trie as trie_pattern

    words = ["Apple", "Apple Inc", "App", "Samsung", "Samsung Electronics", "SK Hynix", "中国", "中国石化", "中"]
    longest_first = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    trie = re.compile(trie_pattern(words))
    text = "Apple Inc and Apples, App Store, Samsung Electronics' rival SK Hynix; 中国石化 与 中国 和 中"
    assert [m.group() for m in trie.finditer(text)] == [m.group() for m in longest_first.finditer(text)]
    assert trie_pattern([]) == ""


def test_tagging_han_blocks_alone_gives_the_words_tagging_everything_gives() -> None:
    from factcheck.frames.text import HAN, tag_han_words, tag_words

    text = ("据IDC数据，2024年第三季度苹果公司(Apple)出货量为5,420万台, up 3.5% year on year; 比亚迪汽车和"
            "宁德时代新能源科技股份有限公司的份额分别为17%和37.9%。Samsung 三星电子 shipped 57.5 million.")
    everything = [w for w in tag_words(text, 0, len(text)) if HAN.search(text[w[0]:w[1]])]
    assert [w for w in tag_han_words(text, 0, len(text)) if HAN.search(text[w[0]:w[1]])] == everything
    assert len(everything) > 10 and tag_han_words("Apple shipped 57.5 million.", 0, 27) == []


def test_the_other_party_of_a_trade_in_a_headline_sets_no_market(tmp_path) -> None:
    (tmp_path / "a.md").write_text("# Shipments to China fell 4% in 2024\n\n"
                                   "Acme Robotics said its revenue rose 10% in 2024.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# 对美国出口下降4%\n\n海川机器人公司营收增长10%。\n", encoding="utf-8")
    by_file: dict[str, list] = {}
    for p in analyse([str(tmp_path)]).placed:
        by_file.setdefault(p.claim.file, []).append(p.frame.holder.value)
    assert by_file["a.md"] == [None, "Acme Robotics@"]  # not "Acme Robotics@China"
    assert "United States" not in str(by_file["b.md"][1])  # 对美国: the buyer is no market of the company's revenue


def test_the_base_of_a_comparison_is_not_the_sentences_own_figure(tmp_path) -> None:
    # Airline traffic, a topic no rule names: base figures stated with their own period, or left unsaid.
    _article(tmp_path, "a.md", "Harbor Air traffic", "2025-07-20",
             "Harbor Air carried 12.4 million passengers in the second quarter of 2025, compared with 11.1 million "
             "in the second quarter of 2024.\n\n"
             "Its load factor rose to 86% in the second quarter of 2025 from 83%, when its fleet stood at 140 jets.\n")
    _article(tmp_path, "b.md", "Harbor Air results", "2025-07-22",
             "Harbor Air flew 12.4 million passengers in the second quarter of 2025, up from 11.8 million.\n\n"
             "Its load factor was 86% in the second quarter of 2025.\n")
    analysis = analyse([str(tmp_path)])
    frames = _by_file(analysis)
    assert frames[("a.md", "11.1 million")].period.value == "2024Q2"  # its own period, after it
    assert frames[("a.md", "12.4 million")].period.value == "2025Q2"
    assert frames[("a.md", "83%")].basis.value == "past"  # "from 83%": the earlier level, period unsaid
    assert frames[("b.md", "11.8 million")].basis.value == "past"
    assert frames[("a.md", "86%")].basis.value == frames[("b.md", "86%")].basis.value == "actual"
    # 11.1 million (2024Q2) and 11.8 million (an unsaid earlier period) are never set against 12.4 million
    assert not any({"12.4 million"} < {c.quote for c in f.claims} for f in analysis.findings)


def test_a_base_figures_own_period_and_a_sources_short_form(tmp_path) -> None:
    _article(tmp_path, "a.md", "Coffee", "2025-03-01",
             "According to the Global Coffee Organisation (GCO), Brazil exported 40.1 million bags in 2024.\n")
    _article(tmp_path, "b.md", "Harbor Air", "2025-03-01",
             "Harbor Air's revenue was $5.2 billion in 2024, 8.3% more than the $4.8 billion of 2023.\n")
    frames = _by_figure(analyse([str(tmp_path)]))
    assert frames["40.1 million"].holder.value == "@Brazil"  # the source (GCO) is not whose figure it is
    assert frames["8.3%"].period.value == "2024" and frames["8.3%"].change
    assert frames["$4.8 billion"].period.value == "2023"  # "the $4.8 billion of 2023": its own period
    assert frames["$5.2 billion"].period.value == "2024"


def test_a_short_aside_after_a_figure_keeps_its_clause() -> None:
    from factcheck.frames.text import clause

    text = "a 9% gain over the 50.0 million (17%) it shipped in Q3 2023, while rivals (see below) fell"
    start = text.index("50.0")
    assert text[slice(*clause(text, start, start + 12, 0, len(text)))].endswith("it shipped in Q3 2023")


def test_a_cause_phrase_names_neither_the_measure_nor_the_place(tmp_path) -> None:
    _article(tmp_path, "a.md", "Trucks", "2025-03-01",
             "Helped by strong exports to Europe, Harbor Motors took 12% of the world truck market in 2024.\n")
    _article(tmp_path, "b.md", "卡车", "2025-03-02",
             "全球卡车市场方面,受惠于国内需求强劲与出口增长,海川汽车公司拿下15%的份额。\n")
    frames = _by_figure(analyse([str(tmp_path)]))
    english, chinese = frames["12%"], next(f for t, f in frames.items() if t.startswith("15%"))
    assert english.measure.value == "share" and "Europe" not in english.holder.value
    assert chinese.measure.value == "share" and "China" not in (chinese.holder.value or "")


def test_chinese_source_with_short_form_and_a_measure_past_a_semicolon(tmp_path) -> None:
    _article(tmp_path, "a.md", "铝", "2025-08-01",
             "海川有色金属协会(HNMA)发布的数据显示,2025年上半年海川铝出口量同比增加12%,达到210万吨;同期进口量减少3%,为45万吨。\n")
    frames = _by_figure(analyse([str(tmp_path)]))
    exported = next(f for t, f in frames.items() if "210万吨" in t)
    imported = next(f for t, f in frames.items() if "45万吨" in t)
    assert exported.measure.value == "exports" and imported.measure.value == "imports"
    assert "HNMA" not in (exported.holder.value or "") and exported.attribution.value


def test_the_front_matter_title_is_the_headline_and_a_ledes_country_no_market(tmp_path) -> None:
    _article(tmp_path, "a.md", "Cocoa squeeze in 2024", "2025-02-20",
             "Ghana produced 0.6 million tonnes of cocoa in the 2023/24 season.\n\n"
             "Cocoa prices climbed 170% over the year.\n")
    frames = _by_figure(analyse([str(tmp_path)]))
    assert frames["170%"].holder.value in (None, "@World")  # not "@Ghana": the lede's country is Ghana's figure
    assert frames["170%"].period.value == "2024"  # the headline's period
    assert frames["0.6 million tonnes"].holder.value == "@Ghana"


def test_a_companys_trade_word_and_its_own_outlook_keep_it_the_holder(tmp_path) -> None:
    _article(tmp_path, "a.md", "Airlines carry record passengers", "2025-01-30",
             "SkyBridge Airlines carried 48.2 million passengers in 2024, the company said.\n\n"
             "SkyBridge expects to carry 52 million passengers in 2025.\n")
    _article(tmp_path, "b.md", "Results", "2025-02-12",
             "Northstar Air flew 29.8 million passengers in 2024, while "
             "SkyBridge carried 49.5 million.\n")
    analysis = analyse([str(tmp_path)])
    holders = {(p.claim.file, p.claim.text): p.frame.holder.value for p in analysis.placed}
    assert holders[("a.md", "48.2 million")] == holders[("b.md", "49.5 million")] == "SkyBridge@"
    assert holders[("b.md", "29.8 million")] == "Northstar@"
    assert any({c.quote for c in f.claims} == {"48.2 million", "49.5 million"} for f in analysis.findings)
    # a trade word is kept where leaving it off would leave a country's name
    from factcheck.frames.holders import company_name
    from factcheck.pipeline import framer_for

    assert company_name(framer_for(None).index, "China Airlines") == "China Airlines"


def test_an_election_in_traditional_chinese_and_english(tmp_path) -> None:
    _article(tmp_path, "a.md", "台北市長選舉投票率", "2022-11-27",
             "中選會公布,2022年台北市長選舉投票率為59.7%,蔣萬安得票率42.3%,陳時中得票率31.9%。\n")
    _article(tmp_path, "b.md", "Taipei mayoral vote", "2022-11-28",
             "Turnout in the 2022 Taipei mayoral election was 61.2%, the Central Election Commission said. "
             "Chiang Wan-an won 42.3% of the vote, against 31.9% for Chen Shih-chung.\n")
    analysis = analyse([str(tmp_path)])
    frames = _by_file(analysis)
    assert frames[("a.md", "59.7%")].period.value == "2022"  # a year right after a Chinese comma
    assert frames[("a.md", "31.9%")].measure.value != "turnout"  # 得票率: a share of the votes
    assert frames[("b.md", "31.9%")].basis.value == "actual"  # "against 31.9% for Chen": another holder
    assert _quotes(analysis) == [["59.7%", "61.2%"]]


def test_a_threshold_or_target_is_no_actual_figure(tmp_path) -> None:
    _article(tmp_path, "a.md", "Measles", "2025-04-10",
             "Coverage of the second measles dose was 91% in 2023, below the 95% needed to stop outbreaks.\n")
    _article(tmp_path, "b.md", "麻疹", "2025-04-15",
             "2023年第二剂麻疹疫苗接种率为91%,低于95%的门槛。\n")
    analysis = analyse([str(tmp_path)])
    bases = {(p.claim.file, p.claim.text[:3]): p.frame.basis.value for p in analysis.placed}
    assert bases[("a.md", "91%")] == bases[("b.md", "91%")] == "actual"
    assert bases[("a.md", "95%")] == bases[("b.md", "95%")] == "forecast"  # a target, not a measured figure
    assert analysis.findings == []


def test_a_fiscal_quarter_without_its_year_and_a_rival_named(tmp_path) -> None:
    _article(tmp_path, "a.md", "Lumen Foods beats estimates", "2025-05-02",
             "Lumen Foods reported revenue of $4.21 billion for the first quarter of fiscal 2025. "
             "Rival Crestway Brands posted revenue of $3.9 billion.\n")
    _article(tmp_path, "b.md", "Lumen results", "2025-05-03",
             "Lumen Foods' fiscal first-quarter revenue rose 6% to $4.12 billion.\n")
    analysis = analyse([str(tmp_path)])
    frames = _by_figure(analysis)
    assert frames["$4.12 billion"].period.value == frames["$4.21 billion"].period.value == "FY2025Q1"
    assert frames["$4.12 billion"].object.value is None  # "fiscal first-quarter" is the period, not the object
    assert frames["$3.9 billion"].holder.value == "Crestway Brands@"
    assert _quotes(analysis) == [["$4.12 billion", "$4.21 billion"]]


def test_relative_years_and_a_change_apposed_to_a_forecast(tmp_path) -> None:
    _article(tmp_path, "a.md", "Wind", "2025-04-01",
             "China installed about 87 GW of wind turbines last year. "
             "The council expects 140 GW of additions this year, a rise of 20% on 2024. Next year it sees 150 GW.\n")
    frames = _by_figure(analyse([str(tmp_path)]))
    assert frames["87 GW"].period.value == "2024"
    assert frames["140 GW"].period.value == "2025" and frames["140 GW"].basis.value == "forecast"
    assert frames["20%"].change and frames["20%"].basis.value == "forecast"  # the forecast figure's change
    assert frames["150 GW"].period.value == "2026"


def test_a_central_banks_rate_and_inflation_in_both_languages(tmp_path) -> None:
    _article(tmp_path, "a.md", "Inflation eases", "2025-04-10",
             "Consumer prices in the eurozone rose 2.2% in March from a year earlier, Eurostat said. The European "
             "Central Bank cut its deposit rate by 25 basis points to 2.5%.\n\nCore inflation slowed to 2.4% in March.\n")
    _article(tmp_path, "b.md", "欧元区通胀", "2025-04-11",
             "欧盟统计局数据显示,欧元区3月消费者价格同比上涨2.2%。欧洲央行将存款利率下调25个基点至2.75%。\n")
    analysis = analyse([str(tmp_path)])
    frames = _by_file(analysis)
    for key in (("a.md", "2.2%"), ("b.md", "2.2%")):  # "prices rose 2.2%" is the inflation rate, not a change of it
        assert (frames[key].measure.value, frames[key].holder.value, frames[key].change) == (
            "inflation", "@Euro area", False)
    assert frames[("a.md", "2.5%")].holder.value.startswith("ECB") and frames[("a.md", "2.5%")].measure.value == "interest_rate"
    assert frames[("b.md", "2.75%")].basis.value == "actual"  # 将 marks what was done to the rate here, not a forecast
    assert frames[("a.md", "2.4%")].measure.value == "core_inflation"
    assert _quotes(analysis) == [["2.5%", "2.75%"]]


def test_daily_output_in_chinese_and_each_countrys_own_figure(tmp_path) -> None:
    _article(tmp_path, "a.md", "欧佩克产量", "2025-02-15",
             "路透社调查显示,1月沙特日产原油约900万桶,伊拉克日产量为440万桶。伊朗伊斯兰共和国以外,伊朗的产量未变。\n")
    _article(tmp_path, "b.md", "OPEC", "2025-02-20",
             "Iraq produced 4.2 million barrels per day in January.\n")
    analysis = analyse([str(tmp_path)])
    frames = {p.claim.text: p for p in analysis.placed}
    saudi = next(p for t, p in frames.items() if t.startswith("900万桶") or "900万桶" in t)
    assert saudi.frame.holder.value == "@Saudi Arabia" and saudi.claim.unit == "oil_barrel / day"  # 沙特, 日产
    assert _quotes(analysis) == [["4.2 million barrels per day", "440万桶"]]


def test_a_chinese_name_counts_only_as_whole_words_and_a_statistics_office_holds_no_figure(tmp_path) -> None:
    # 空客 (Airbus) inside 航空客运 (air passenger transport); a statistics bureau and customs only report
    _article(tmp_path, "a.md", "铁路与航空", "2025-03-05",
             "国家统计局5日发布数据显示,2024年全国航空客运量增长18.6%。海关总署称,2024年大豆进口量为1.05亿吨。\n")
    _article(tmp_path, "b.md", "Rail", "2025-03-06",
             "The Statistics Office said rail freight rose 3.1% in 2024.\n")
    frames = _by_figure(analyse([str(tmp_path)]))
    assert "Airbus" not in str(frames["18.6%"].holder.value)
    assert frames["18.6%"].measure.value == "visitors"  # 客运量: passengers carried
    assert frames["18.6%"].attribution.value == "国家统计局"  # the day it spoke stands before its verb
    assert "统计" not in str(frames["18.6%"].holder.value) and "海关" not in str(frames["1.05亿吨"].holder.value)
    assert "Statistics" not in str(frames["3.1%"].holder.value)


def test_a_measure_takes_only_figures_of_its_dimensions(tmp_path) -> None:
    # tourists are counted, never paid: the money is spending; seats are not votes
    _frames_here = _frames(
        "Spending by foreign tourists reached 2.3 billion euros in 2024. The museum counted 1.2 million visitors. "
        "The Greens won 42 seats, with 18.4% of the votes.")
    assert _frames_here["2.3 billion"].measure.value == "budget"
    assert _frames_here["1.2 million"].measure.value == "visitors"
    assert _frames_here["42"].measure.value == "seats" and _frames_here["18.4%"].measure.value.startswith("share")


def test_the_value_and_the_volume_of_a_flow_change_apart(tmp_path) -> None:
    _article(tmp_path, "a.md", "茶叶出口", "2025-02-10", "2024年茶叶出口量下降4.2%,出口额增长6.8%。\n")
    _article(tmp_path, "b.md", "Tea", "2025-02-12", "Tea exports fell 4.2% in 2024, while the value of exports rose 6.8%.\n")
    analysis = analyse([str(tmp_path)])
    frames = {(p.claim.file, p.claim.text): p.frame.measure.value for p in analysis.placed}
    assert frames[("a.md", "4.2%")] == frames[("b.md", "4.2%")] == "exports"
    assert frames[("a.md", "6.8%")] == frames[("b.md", "6.8%")] == "exports value"
    assert analysis.findings == []  # -4.2% of volume is never set against +6.8% of value


def test_a_headline_year_that_was_surpassed_is_no_period_of_the_article(tmp_path) -> None:
    _article(tmp_path, "a.md", "Ferry traffic tops its 2019 record", "2025-01-20",
             "Ferries carried 12.4 million passengers, the operator said.\n")
    frames = _by_figure(analyse([str(tmp_path)]))
    assert frames["12.4 million"].period.value != "2019"  # the record it beat is 2019's, not this figure's


def test_a_clause_of_change_after_as_names_no_measure(tmp_path) -> None:
    frames = _frames("Cocoa export earnings rose to 3.1 billion dollars in 2024 as bean prices surged.")
    assert frames["3.1 billion"].measure.value != "price" and "price" not in frames["3.1 billion"].measure.value


def test_a_figure_without_an_object_joins_the_object_named_in_its_own_place(tmp_path) -> None:
    # Portugal's first figure names no object and Spain's another: it still meets Portugal's other figure
    _article(tmp_path, "a.md", "Tourism", "2025-02-01", "Arrivals in Portugal rose 9.5% in 2024.\n")
    _article(tmp_path, "b.md", "Tourism", "2025-02-02", "Hotel arrivals in Portugal grew 7.1% in 2024.\n")
    _article(tmp_path, "c.md", "Tourism", "2025-02-03", "Cruise arrivals in Spain rose 12% in 2024.\n")
    analysis = analyse([str(tmp_path)])
    assert _quotes(analysis) == [["7.1%", "9.5%"]]


def test_a_name_the_figure_is_attached_to_holds_it_after_a_comparison_word(tmp_path) -> None:
    frames = _frames("The Green Party came first with 31.4% of the vote, ahead of the Farmers' Union on 22.8%.")
    assert frames["31.4%"].holder.value.startswith("Green Party")
    assert frames["22.8%"].holder.value.startswith("Farmers")


def test_a_quarter_written_without_du_and_a_share_of_people_given_a_dose(tmp_path) -> None:
    _article(tmp_path, "a.md", "季績", "2024-11-20", "宏遠電子公布,第三季營收為12億美元。四季度展望保守。\n")
    _article(tmp_path, "b.md", "Polio", "2025-01-10",
             "Only 84% of infants received their third dose of polio vaccine in 2023.\n")
    frames = _by_figure(analyse([str(tmp_path)]))
    assert frames["12億美元"].period.value == "2024Q3"  # 第三季, as Hong Kong and Taiwan write a quarter
    assert frames["84%"].measure.value == "coverage"


def test_a_harvest_is_output_and_a_change_on_the_month_is_not_one_on_the_year(tmp_path) -> None:
    _article(tmp_path, "a.md", "Maize", "2024-11-20", "Brazil harvested 115.7 million tonnes of maize this season.\n")
    _article(tmp_path, "b.md", "CPI", "2024-11-21",
             "Home prices rose 0.3% month-on-month in October and 2.1% year-on-year. 10月份房价环比上涨0.5%,同比上涨2.1%。\n")
    frames = _by_figure(analyse([str(tmp_path)]))
    assert frames["115.7 million tonnes"].measure.value == "production"
    assert frames["0.3%"].measure.value.endswith("on the previous period")
    assert frames["0.5%"].measure.value == frames["0.3%"].measure.value
    assert frames["2.1%"].measure.value == frames["0.3%"].measure.value.removesuffix(" on the previous period")


def test_a_figure_of_unknown_place_joins_the_one_place_whose_object_it_shares(tmp_path) -> None:
    # "全国" names no country; its grain meets China's grain, not Russia's wheat or India's rice
    _article(tmp_path, "a.md", "粮食", "2024-12-13", "2024年全国粮食总产量为7.07亿吨。\n")
    _article(tmp_path, "b.md", "Grain", "2024-12-14",
             "Russia harvested 82 million tonnes of wheat in 2024 and India 137 million tonnes of rice.\n")
    _article(tmp_path, "c.md", "粮食", "2024-12-15", "2024年俄罗斯小麦产量为8300万吨。中国粮食产量达到7.12亿吨。\n")
    analysis = analyse([str(tmp_path)])
    assert sorted(_quotes(analysis)) == [
        ["7.07亿吨", "7.12亿吨"], ["82 million tonnes", "8300万吨"]]


def test_births_are_their_own_count_and_a_chinese_base_takes_the_year_joined_to_it(tmp_path) -> None:
    _article(tmp_path, "a.md", "人口", "2025-01-20",
             "2024年全市出生人口8.1万人,较2023年的7.6万人有所增加;死亡人口9.3万人,常住人口1204万人。\n")
    frames = _by_figure(analyse([str(tmp_path)]))
    assert frames["8.1万人"].measure.value == "births" and frames["8.1万人"].period.value == "2024"
    assert frames["7.6万人"].measure.value == "births" and frames["7.6万人"].period.value == "2023"
    assert frames["9.3万人"].measure.value == "deaths"
    assert frames["1204万人"].measure.value == "population"


def test_gdp_growth_on_the_year_and_on_the_quarter_in_both_languages(tmp_path) -> None:
    # 国内 inside 国内生产总值 names no country; "year on year in the third quarter" is no base period
    _article(tmp_path, "a.md", "Chile", "2024-11-18",
             "Chile's economy grew 2.3% year on year in the third quarter of 2024. On a quarterly basis the "
             "economy expanded 0.7%. Latin America's largest copper producer expects growth of 2.5% in 2025.\n")
    _article(tmp_path, "b.md", "智利经济", "2024-11-19", "智利2024年第三季度国内生产总值同比增长2.6%,环比增长0.7%。\n")
    analysis = analyse([str(tmp_path)])
    frames = _by_file(analysis)
    assert frames[("a.md", "2.3%")].measure.value == frames[("b.md", "2.6%")].measure.value == "gdp"
    assert frames[("a.md", "2.3%")].period.value == "2024Q3"
    assert "China" not in str(frames[("b.md", "2.6%")].holder.value)
    assert frames[("a.md", "0.7%")].measure.value == "gdp on the previous period"
    assert _quotes(analysis) == [["2.3%", "2.6%"]]


def test_a_trade_deficit_is_a_balance_and_its_partner_no_place(tmp_path) -> None:
    frames = _frames("The EU's trade deficit with China widened to 304.5 billion euros in 2024. "
                     "The state's budget deficit reached 4.1 billion euros in 2024.")
    assert frames["304.5 billion"].measure.value == "balance"
    assert "China" not in str(frames["304.5 billion"].holder.value)
    assert frames["4.1 billion"].measure.value == "balance" and frames["4.1 billion"].object.value == "budget"
    assert frames["304.5 billion"].object.value != "budget"


def test_a_change_apposed_to_a_figure_counts_what_it_counts_and_sales_in_money_are_revenue(tmp_path) -> None:
    _article(tmp_path, "a.md", "Bikes", "2025-01-20",
             "Vietnam exported 4.2 million motorcycles in 2024, up 12% on the year, according to the Vietnam "
             "Association of Motorcycle Manufacturers. Shoe sales reached $24.1 billion.\n")
    _article(tmp_path, "b.md", "摩托车", "2025-01-21", "2024年越南摩托车出口420万辆,同比增长15%。鞋类销售额达241亿美元。\n")
    analysis = analyse([str(tmp_path)])
    frames = _by_file(analysis)
    assert frames[("a.md", "12%")].object.value == frames[("a.md", "4.2 million")].object.value
    assert frames[("a.md", "12%")].attribution.value == "Vietnam Association of Motorcycle Manufacturers"
    assert frames[("a.md", "$24.1 billion")].measure.value == frames[("b.md", "241亿美元")].measure.value == "revenue"
    assert _quotes(analysis) == [["12%", "15%"]]


def test_a_waiting_list_is_a_backlog_and_england_a_place(tmp_path) -> None:
    frames = _frames("Scotland's waiting list for planned operations stood at 149,000 in March, "
                     "down from 151,000 in February.")
    assert frames["149,000"].measure.value == "backlog" and frames["149,000"].holder.value.endswith("Scotland")


def test_a_nationality_names_its_country_and_a_bare_capacity_is_the_holders_own(tmp_path) -> None:
    # "Dutch" is the Netherlands; "of capacity" is the reservoirs' own; a week and a year earlier are two times
    _article(tmp_path, "a.md", "Water", "2025-04-02",
             "The Netherlands' reservoirs were at 71.0% of capacity, up from 66.5% a week earlier.\n")
    _article(tmp_path, "b.md", "Water", "2025-04-03",
             "Dutch reservoirs held 74.2% of their capacity, against 62.0% a year earlier.\n")
    analysis = analyse([str(tmp_path)])
    frames = _by_figure(analysis)
    assert "Netherlands" in frames["74.2%"].holder.value
    assert frames["71.0%"].measure.value == frames["74.2%"].measure.value
    assert frames["66.5%"].basis.value != frames["62.0%"].basis.value
    assert _quotes(analysis) == [["71.0%", "74.2%"]]


def test_what_a_country_ships_it_exports_but_shipments_in_a_country_are_sales(tmp_path) -> None:
    frames = _frames("Kenya shipped 610,000 tonnes of tea in 2024. Smartphone shipments in Kenya rose 12% in 2024.")
    assert frames["610,000 tonnes"].measure.value == "exports"
    assert frames["12%"].measure.value == "sales"


def test_a_base_figure_stays_a_base_though_the_sentence_names_its_subject(tmp_path) -> None:
    # "Chile's" is the sentence's subject, before the comparison word: no other party is named from "from" on
    frames = _frames("Chile's copper output fell to 5.3 million tonnes in 2024 from 5.6 million tonnes a year earlier.")
    assert frames["5.6 million tonnes"].basis.value.startswith("past")
    assert frames["5.3 million tonnes"].basis.value == "actual"


def _names_read(sentence: str, rule: str, grounded: set[str] | None = None) -> list[str]:
    """The names `find_mentions` reads in one sentence by one rule."""
    from factcheck.frames import text as frame_text
    from factcheck.frames.holders import find_mentions

    mentions = find_mentions(HolderIndex(RULES.vocabulary), sentence, frame_text.fold(sentence), 0, len(sentence),
                             None, grounded=grounded)
    return [m.name for m in mentions if m.rule == rule]


class _ShortestFirst(set):
    """A set of names that iterates its shortest first, as some hash seeds happen to."""

    def __iter__(self):
        return iter(sorted(super().__iter__(), key=len))


def test_a_name_announced_before_is_read_whole_whatever_the_set_order():
    # (a name no trade word ends: "海澜控股" is read by its trade, before any name announced before)
    assert _names_read("海澜之家营收约215亿元。", "announced before", _ShortestFirst({"海澜", "海澜之家"})) == ["海澜之家"]
    assert _names_read("海澜控股营收约215亿元。", "named by its trade", _ShortestFirst({"海澜", "海澜控股"})) == ["海澜控股"]


@pytest.mark.parametrize("sentence, names", [
    # a day word between the name and its verb ("日前", "昨日") is no part of the name
    ("绿洲乳业日前发布的经营快报显示，10月公司销售鲜奶3.2万吨。", ["绿洲乳业"]),
    ("蓝湾航运昨日公布的初步结算显示，去年亏损12亿元。", ["蓝湾航运"]),
    # a side ("馆方") or a word that points at a name is no publisher's name
    ("馆方昨日公布，开馆首年入场人次约155万。", []),
    ("该公司日前发布公告称，上半年营收约8亿元。", []),
    # (an adverb before the verb is no part of the name: "农业部已公布" names no "农业部已")
    ("海湾物流已公布经营数据，上半年营收约8亿元。", ["海湾物流"]),
])
def test_a_chinese_publisher_is_named_up_to_its_day(sentence, names):
    assert _names_read(sentence, "announcer") == names


@pytest.mark.parametrize("sentence, names", [
    # a company named after what it makes: the words between its description and its period or figure
    ("面板大厂友达10月营收约230亿元。", ["友达"]),
    ("金矿商红桉资源上半年营收约64.8亿澳元。", ["红桉资源"]),
    # a trade that is no maker (电商), a generic noun, a person: no name
    ("电商平台销售额增长20%。", []),
    ("券商分析师表示，营收约5亿元。", []),
])
def test_a_chinese_company_named_after_its_description(sentence, names):
    assert _names_read(sentence, "described") == names


def test_a_year_across_two_ends_before_a_comma_or_a_full_stop_but_not_inside_a_number():
    assert _labels("Output will reach 71,000 units in 2029-30, the bureau said.") == ["2029/30"]
    assert _labels("Exports fell in 2024-25.") == ["2024/25"]
    assert "2023/24" not in _labels("The index ranged over 2023-24.5 points in 2025.")


def test_a_period_after_a_base_figure_with_its_verb_is_the_bases(tmp_path):
    _article(tmp_path, "a.md", "Oat exports hit a record in the first half of 2025", "2025-07-20",
             "Finland shipped far more oats than the 410,000 tonnes it exported in the first six months of 2024. "
             "Sales to Germany climbed to 1.2 billion euros over the six months.\n")
    frames = _by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "1.2 billion euros")].period.value == "2025H1"
    assert frames[("a.md", "410,000 tonnes")].period.value == "2024H1"


@pytest.mark.parametrize("sentence, names", [
    # a name that opens a clause before its period and its figure's verb is the figure's holder
    ("华兴重卡10月销量1.86万辆，同比增长37%。", ["华兴重卡"]),
    ("港線渡輪去年共錄得約1,780萬人次載客量。", ["港线渡轮"]),
    # generic words, a company pointed at, a verb run into the name: none
    ("行业去年营收增长5%。", []),
    ("公司上半年营收约8亿元。", []),
    ("该公司今年销量约3万辆。", []),
])
def test_a_chinese_clause_subject_before_its_period_holds_the_figure(sentence, names):
    assert _names_read(sentence, "clause subject") == names


def test_the_publisher_of_a_byline_holds_none_of_its_figures(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Vireo says output rebounded\nNorthern Metals Report· 2025-02-05 14:20\n\n"
        "Vireo produced 1.61 million tonnes of copper in 2024, the state miner said.\n", encoding="utf-8")
    frames = _by_file(analyse([str(tmp_path)]))
    assert not (frames[("a.txt", "1.61 million tonnes")].holder.value or "").startswith("Northern")


def test_the_end_of_a_year_is_its_last_month_where_a_stock_stands():
    assert _labels("Reserves stood at 28.1 trillion won at the end of 2025.") == ["2025-12"]
    assert _labels("Reserves stood at 28.1 trillion won at the end of December.") == ["2025-12"]
    assert _labels("截至2025年底，基金累计准备金约24.3兆韩元。") == ["2025-12"]
    assert _labels("截至去年底，申请约11.2万宗。") == ["2024-12"]
    assert _labels("Revenue for 2025 rose 4%.") == ["2025"]


def test_the_same_period_a_year_before_with_no_period_named_is_no_current_figure(tmp_path):
    _article(tmp_path, "a.md", "氢价走高", "2025-06-10",
             "加氢站平均售价约为每公斤9900韩元。去年同期加氢站平均售价约为每公斤8800韩元。\n")
    frames = _by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "9900韩元")].period.value == "current"
    assert frames[("a.md", "8800韩元")].period.value == "2024, the same period"


def test_sales_there_are_of_the_place_before_and_a_whole_its_parts_follow_takes_no_headlines_place(tmp_path):
    _article(tmp_path, "a.md", "Lumen Skincare's quarter", "2025-11-06",
             "Lumen Skincare's revenue rose to ₩980 billion in the third quarter. Japan, once its fastest-growing "
             "market, slowed. Sales there fell 4% to ₩210 billion.\n")
    _article(tmp_path, "b.md", "卢门护肤三季度中国市场销售额下滑", "2025-11-07",
             "卢门护肤（Lumen Skincare）三季度实现营收9800亿韩元，其中中国市场销售额约1900亿韩元。\n")
    frames = _by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "₩210 billion")].holder.value == "Lumen Skincare@Japan"
    assert frames[("b.md", "9800亿韩元")].holder.value == "Lumen Skincare@"  # the whole, not the headline's China
    assert frames[("b.md", "1900亿韩元")].holder.value.endswith("@China")


def test_a_capacity_a_year_is_one_quantity_with_a_capacity(tmp_path):
    _article(tmp_path, "a.md", "Plant capacity", "2025-03-01",
             "The Ostrava plant has a capacity of 300,000 tonnes a year.\n")
    _article(tmp_path, "b.md", "Plant capacity", "2025-03-02",
             "The Ostrava plant has a capacity of 250,000 tonnes.\n")
    analysis = analyse([str(tmp_path)])
    frames = _by_file(analysis)
    assert frames[("a.md", "300,000 tonnes a year")].dimension == frames[("b.md", "250,000 tonnes")].dimension == "mass"
    assert _quotes(analysis) == [["250,000 tonnes", "300,000 tonnes a year"]]


def test_a_countrys_shipments_worth_a_sum_its_year_and_a_partner_by_one_character(tmp_path):
    _article(tmp_path, "a.md", "Chile's salmon trade", "2024-10-09",
             "Chile shipped salmon worth US$4.1 billion in January-August, the exporters' association said.\n")
    _article(tmp_path, "b.md", "Chile salmon exports", "2024-10-10",
             "Chile's salmon exports rose to $3.7 billion in the first eight months of the year as fish farms "
             "recovered from last year's algal bloom.\n")
    _article(tmp_path, "c.md", "智利三文鱼", "2024-10-11", "今年1-8月，智利对华出口三文鱼约9.2亿美元。\n")
    frames = _by_file(analyse([str(tmp_path)]))
    a, b, c = frames[("a.md", "US$4.1 billion")], frames[("b.md", "$3.7 billion")], frames[("c.md", "9.2亿美元")]
    assert a.measure.value == b.measure.value == "exports"
    assert a.period.value == b.period.value == c.period.value == "2024-01..2024-08"
    assert c.measure.value == "exports to China"  # 对华: to China, another quantity than all exports


def test_that_province_is_the_one_named_before(tmp_path):
    _article(tmp_path, "a.md", "加拿大麻疹", "2025-06-10",
             "疫情重灾区仍是安大略省。根据当地公共卫生局统计，该省今年累计2,083例。\n")
    frames = _by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "2,083例")].holder.value == "@Ontario"


def test_places_listed_with_and_are_no_organisation(tmp_path):
    _article(tmp_path, "a.md", "Scooter sales", "2025-06-12",
             "Orvelle said sales in North America and India rose to 2.1 million units.\n")
    frames = _by_file(analyse([str(tmp_path)]))
    holder = frames[("a.md", "2.1 million")].holder.value or ""
    assert "North America and India" not in holder


def test_the_same_period_of_last_year_and_the_figure_it_earned_then(tmp_path):
    _article(tmp_path, "a.md", "Skyline Air's summer", "2025-10-28",
             "Skyline Air said profit for the three months to Sept. 30 rose to €1.34 billion. Profit after tax was "
             "up 28 per cent on the same period of last year, when it earned €1.05 billion.\n")
    frames = _by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "€1.34 billion")].period.value == "2025Q3"
    assert frames[("a.md", "€1.05 billion")].period.value == "2024Q3"
