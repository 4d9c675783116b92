"""Frames of crowds and markets: the measure's own word ("spectators", "fans") names no object, so an
English crowd meets a Chinese one of no object; visitors "from" a country are that market's, not all; "there"
after a figure is the place the sentence before named; a count "a day" is no total. Corpora written for the
tests."""

from __future__ import annotations

from factcheck.pipeline import analyse
from frame_helpers import article, by_file, quotes


def test_a_crowd_in_spectators_meets_one_in_person_visits(tmp_path) -> None:
    article(tmp_path, "a.md", "Riverside Arena draws record crowds in 2025", "2025-12-02",
            "League matches at Riverside Arena drew about 1.21 million spectators in 2025, the league said.\n")
    article(tmp_path, "b.md", "河畔體育館2025年觀眾創新高", "2025-12-03",
            "聯盟表示，河畔體育館（Riverside Arena）今年聯賽累計吸引約138萬人次進場。\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "1.21 million")].object.value is None
    assert any("1.21 million" in " ".join(q) and "138萬" in " ".join(q) for q in quotes(analysis))


def test_visitors_from_one_country_are_not_all_visitors(tmp_path) -> None:
    article(tmp_path, "a.md", "Lakeport visitor arrivals climb in May", "2025-06-10",
            "Lakeport welcomed 2.64 million visitors in May, up 9% from a year earlier. Of the total, 1.92 million "
            "came from Japan, the tourism board said.\n")
    article(tmp_path, "b.md", "Lakeport tourism", "2025-06-11",
            "Lakeport received 2.64 million visitors in May, official data showed.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "1.92 million")].measure.value == "visitors from Japan"
    assert not any("1.92 million" in " ".join(q) for q in quotes(analysis))


def test_there_after_a_figure_is_the_place_the_sentence_before_named(tmp_path) -> None:
    article(tmp_path, "a.md", "Lumio tops 200 million members", "2025-10-22",
            "Streaming service Lumio ended the quarter with 204.5 million paid members worldwide. Brazil is its second-biggest "
            "market. Lumio had 31.2 million members there at the end of September.\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "31.2 million")].holder.value == "Lumio@Brazil"


def test_a_count_a_day_is_no_total(tmp_path) -> None:
    article(tmp_path, "a.md", "Greyrock park caps entries", "2025-10-12",
            "To protect its lakes, Greyrock National Park caps entries at 32,000 visitors a day. The park drew "
            "5.3 million visitors in 2025.\n")
    article(tmp_path, "b.md", "Greyrock's record year", "2025-10-13",
            "Greyrock National Park had 32,000 visitors in 2025, its busiest year.\n")
    analysis = analyse([str(tmp_path)])
    frames = by_file(analysis)
    assert frames[("a.md", "32,000")].measure.value == "visitors average"
    assert not any("32,000" in q[0] and len(q) == 2 and "32,000" in q[1] for q in quotes(analysis))
