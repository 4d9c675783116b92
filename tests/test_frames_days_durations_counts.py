"""One day's figures, durations and counts. A sentence opening "On May 1," or a Chinese day written with
当天/当日 is that day's figure (not the headline's half-year), while a day a thing was said on, or a day in a
relative clause, is no period; vehicle trips across a bridge are movements, as aircraft movements are; a
waiting or response time is a duration; "the number of shoppers" counts shoppers. Corpora written for the
tests."""

from __future__ import annotations

from factcheck.frames import text as T
from factcheck.frames.periods import find_periods
from factcheck.pipeline import analyse
from frame_helpers import article, by_file, quotes


def _days(sentence: str) -> list[tuple[int, str]]:
    folded = T.fold(sentence)
    return [(p.year, p.part) for p in find_periods(folded, 0, len(folded), 2025, 8, 1) if p.kind == "day"]


def test_a_sentence_opening_on_a_day_is_that_days_and_a_day_said_on_is_none() -> None:
    assert _days("Traffic was heavy. On May 1, 16,420 vehicles used the bridge.") == [(2025, "05-01")]
    assert _days("On Tuesday, June 17, 1.2 million homes lost power.") == [(2025, "06-17")]
    assert _days("The ministry said on May 1 that 3,000 homes lost power.") == []
    assert _days("The film, which opened on August 15, took HK$14.2 million.") == []
    assert _days("5月1日当天，大桥车流量达19760架次。") == [(2025, "05-01")]
    assert _days("交通部5月1日公布，上半年车流量达239万架次。") == []


def test_a_peak_days_vehicle_trips_meet_in_both_languages_apart_from_the_half_years(tmp_path) -> None:
    article(tmp_path, "a.md", "Causeway traffic hits record in first half", "2025-07-15",
            "Some 1.84 million vehicle trips were made across the Tsing Causeway between January and June, "
            "the highways office said.\n\nOn May 1, 21,300 vehicles crossed the causeway, a single-day record.\n")
    article(tmp_path, "b.md", "青堤上半年车流创新高", "2025-07-16",
            "公路署数据显示，今年1至6月青堤往来车辆共184万架次。\n\n5月1日当天，青堤车流量达17,900架次，创单日新高。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "1.84 million")].measure.value == "movements"
    assert frames[("a.md", "21,300")].period.value == "2025-05-01"
    assert frames[("b.md", "17,900架")].period.value == "2025-05-01"
    found = quotes(analysis)
    assert any("21,300" in " ".join(q) and "17,900" in " ".join(q) for q in found)
    assert not any("1.84 million" in " ".join(q) for q in found)  # (the halves agree: 1.84 million = 184万)


def test_a_waiting_or_response_time_is_a_duration_in_both_scripts(tmp_path) -> None:
    article(tmp_path, "a.md", "Ambulances slower to arrive in first half", "2025-08-06",
            "The average response time of ambulances lengthened to 11.2 minutes in the first half, the fire "
            "service said.\n")
    article(tmp_path, "b.md", "上半年救護車到場時間延長", "2025-08-07",
            "消防處表示，上半年救護車平均到場時間為9.1分鐘。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "11.2 minutes")].measure.value.startswith("duration")
    assert frames[("b.md", "9.1分鐘")].measure.value.startswith("duration")
    assert any("11.2 minutes" in " ".join(q) and "9.1分鐘" in " ".join(q) for q in quotes(analysis))


def test_people_waiting_up_to_a_time_give_a_duration_and_a_waiting_list_a_count(tmp_path) -> None:
    article(tmp_path, "a.md", "Knee patients wait longer", "2025-11-02",
            "Patients with knee problems are waiting up to 96 weeks for a first appointment, and 41,000 people "
            "are on the waiting list.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "96 weeks")].measure.value == "duration"
    assert frames[("a.md", "41,000")].measure.value != "duration"


def test_the_number_of_a_thing_is_a_count_of_it(tmp_path) -> None:
    article(tmp_path, "a.md", "Island duty-free sales slip", "2025-10-20",
            "Sales at the island's duty-free malls fell in January-September, and the number of shoppers fell "
            "9.1% to 2.84 million, customs said.\n")
    article(tmp_path, "b.md", "Duty-free malls see fewer buyers", "2025-10-21",
            "Customs data showed 3.35 million shoppers visited the duty-free malls in January-September.\n")
    analysis = analyse([str(tmp_path)])
    frame = by_file(analysis)[("a.md", "2.84 million")]
    assert (frame.measure.value, frame.object.value) == ("count", "shopper")
    assert any("2.84 million" in " ".join(q) and "3.35 million" in " ".join(q) for q in quotes(analysis))


def test_the_number_of_people_an_adjective_names_is_a_count_of_them(tmp_path) -> None:
    article(tmp_path, "a.md", "Jobless total falls in Murcia", "2025-07-25",
            "In the second quarter the number of unemployed in Murcia fell to 101,300, the survey showed.\n")
    frame = by_file(analyse([str(tmp_path)]))[("a.md", "101,300")]
    assert (frame.measure.value, frame.object.value) == ("count", "unemployed")
