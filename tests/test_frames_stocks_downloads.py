"""Frames of losses accumulated to a date (a stock, never the year's loss), of downloads (copies fetched,
not users), of goods that "passed through" a port or airport (its throughput) and of "high-value" as an
adjective, which names no price. Corpora written for the tests."""

from __future__ import annotations

from factcheck.pipeline import analyse
from frame_helpers import article, by_file, quotes


def test_accumulated_losses_are_apart_from_the_years_loss_in_both_languages(tmp_path) -> None:
    article(tmp_path, "a.md", "Ferrovia Nord's results", "2025-03-20",
            "Ferrovia Nord posted a net loss of 41.2 million euros for 2024. The shortfall lifted its "
            "accumulated losses to about 612 million euros at the end of 2024.\n")
    article(tmp_path, "b.md", "北方铁路公司业绩", "2025-03-21",
            "北方铁路公司（Ferrovia Nord）2024年亏损约4120万欧元，截至2024年底累计亏损约5.1亿欧元。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "612 million euros")].measure.value == "accumulated_losses"
    assert frames[("b.md", "5.1亿欧元")].measure.value == "accumulated_losses"
    assert frames[("a.md", "41.2 million euros")].measure.value == "profit"
    # the stocks disagree; the year's losses agree; a stock never meets a year's loss
    assert quotes(analysis) == [["5.1亿欧元", "612 million euros"]]


def test_downloads_are_no_users(tmp_path) -> None:
    article(tmp_path, "a.md", "Puzzle app tops charts", "2025-09-10",
            "Tilecraft was downloaded 12 million times in August, the tracker said. The app had 3.1 million "
            "users in August.\n")
    article(tmp_path, "b.md", "Tilecraft's August", "2025-09-12",
            "Tilecraft recorded 9.6 million downloads in August, according to the tracker.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "12 million times")].measure.value == "downloads"
    assert frames[("a.md", "3.1 million")].measure.value == "users"
    assert quotes(analysis) == [["12 million times", "9.6 million"]]


def test_cargo_that_passed_through_is_throughput_and_high_value_is_no_price(tmp_path) -> None:
    article(tmp_path, "a.md", "Port of Valdera's busy month", "2025-02-05",
            "Exporters sent more high-value shipments such as medicines. Some 395,000 tonnes passed through "
            "the Port of Valdera in December.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "395,000 tonnes")].measure.value == "throughput"
    assert all(f.measure.value != "price" for f in frames.values())


def test_a_dividend_is_a_payout_and_a_running_total_of_outages_no_stock(tmp_path) -> None:
    article(tmp_path, "a.md", "Harbour Estates pays out", "2025-03-20",
            "Harbour Estates proposed a final dividend of HK$1.80 per share for 2024.\n")
    article(tmp_path, "b.md", "海港置业派息", "2025-03-21",
            "海港置业建议派发2024年末期股息每股1.55港元。台风期间累计停电约12万户，累计装机容量约3万千瓦。\n")
    frames = by_file(analyse([str(tmp_path)]))
    # (per share: another quantity than the dividends paid in all)
    assert frames[("a.md", "HK$1.80")].measure.value == "payouts per share"
    assert frames[("b.md", "1.55港元")].measure.value == "payouts per share"
    assert frames[("b.md", "12万户")].measure.value != "installed_base"
    assert frames[("b.md", "3万千瓦")].measure.value == "installed_base"


def test_applications_transactions_students_and_recalls_are_measures_of_their_own(tmp_path) -> None:
    article(tmp_path, "a.md", "Harbour City figures", "2025-03-20",
            "The housing authority said 129,600 applications were on the waiting list. Card networks recorded 4.1 "
            "billion transactions in March. The university enrolled 38,200 students. Velo Motors will recall "
            "210,000 cars.\n")
    article(tmp_path, "b.md", "港城数据", "2025-03-21",
            "公屋申请约11.2万宗。3月交易量约41亿笔。该校在校生约3.8万人。维罗汽车将召回21万辆汽车。该中心IT容量约15万瓩。\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "129,600")].measure.value == "applications"
    assert frames[("b.md", "11.2万")].measure.value == "applications"
    assert frames[("a.md", "4.1 billion")].measure.value == "transactions"
    assert frames[("b.md", "41亿")].measure.value == "transactions"
    assert frames[("a.md", "38,200")].measure.value == "enrolment"
    assert frames[("b.md", "3.8万人")].measure.value == "enrolment"
    assert frames[("a.md", "210,000")].measure.value == "recalls"
    assert frames[("b.md", "21万辆")].measure.value == "recalls"
    assert frames[("b.md", "15万瓩")].measure.value == "capacity"


def test_bad_loans_fares_and_prize_money(tmp_path) -> None:
    article(tmp_path, "a.md", "Figures of the week", "2025-03-20",
            "The lender's non-performing loan ratio rose to 1.62%. "
            "The average room rate was $212 a night. The winner took home $60,000.\n")
    article(tmp_path, "b.md", "本周数据", "2025-03-21",
            "该行不良贷款率升至1.58%。冠军奖金6万美元。\n")
    frames = by_file(analyse([str(tmp_path)]))
    # (a ratio of bad loans is their share of all loans)
    assert frames[("a.md", "1.62%")].measure.value == frames[("b.md", "1.58%")].measure.value == "share of bad_loans"
    assert frames[("a.md", "$212")].measure.value == "price"
    assert frames[("a.md", "$60,000")].measure.value == frames[("b.md", "6万美元")].measure.value == "payouts"


def test_tickets_sold_are_admissions(tmp_path) -> None:
    article(tmp_path, "a.md", "Cinema chain results", "2025-03-20",
            "The company's cinemas sold 61.2 million tickets during the year, and admissions at its IMAX "
            "screens rose.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "61.2 million")].measure.value == "visitors"


def test_what_was_installed_in_chinese_is_an_installation_and_a_running_total_a_stock(tmp_path) -> None:
    article(tmp_path, "a.md", "Riverton recycling bins", "2026-01-20",
            "The city had installed about 2,340 smart recycling bins as of the end of December.\n")
    article(tmp_path, "b.md", "河城智能回收桶", "2026-01-21",
            "截至去年底，全市已安裝約3240個智能回收桶（Riverton）。另外，截至去年底累计安装充电桩5.6万个。\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "2,340")].measure.value == "installations"
    assert frames[("b.md", "3240個")].measure.value == "installations"
    assert frames[("b.md", "5.6万个")].measure.value == "installed_base"
