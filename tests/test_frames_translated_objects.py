"""Objects in two scripts: CC-CEDICT's glosses tell 外籍 is "foreign" and 橙汁 "orange juice", so a figure
named in Chinese meets the English figure it surely is before one it only may be; a part of the figure
before it ("1.92 million of them", "其中…160万户") takes no object of that whole. Corpora written for the tests."""

from __future__ import annotations

from factcheck.frames.glossary import glosses, translation_agrees
from factcheck.frames.measures import objects_affinity, objects_compatible
from factcheck.pipeline import analyse
from frame_helpers import article, by_file, quotes


def test_glosses_are_the_content_words_of_every_sense() -> None:
    assert {"hospital", "bed"} <= glosses("病床")
    assert {"ox", "cow"} <= glosses("牛")  # (the senses of every entry of one headword)
    assert "cl" not in glosses("牛") and "tiao2" not in glosses("牛")  # (a measure word cites no meaning)
    assert glosses("不是一个词语") == frozenset()


def test_translation_agrees_knows_yes_no_and_cannot_tell() -> None:
    assert translation_agrees(("foreign",), ("外籍",)) is True
    assert translation_agrees(("orange", "juice"), ("橙汁",)) is True
    assert translation_agrees(("smartphone",), ("手机",)) is True  # (a word that ends the English one)
    assert translation_agrees(("steel",), ("橙汁",)) is False
    assert translation_agrees(("steel",), ("不是一个词语",)) is None


def test_a_translation_makes_two_scripts_surely_one_and_no_gloss_leaves_them_possible() -> None:
    assert objects_affinity(("foreign",), ("外籍",)) == 2
    assert objects_affinity(("steel",), ("橙汁",)) == 1
    # a gloss that differs is no proof the objects do (Chinese object words are noisy): still compatible
    assert objects_compatible(("steel",), ("橙汁",))


def test_a_chinese_figure_meets_the_english_one_it_translates_not_the_total(tmp_path) -> None:
    article(tmp_path, "a.md", "Harbour Museum draws record crowds", "2026-01-10",
            "The Harbour Maritime Museum in Busan had 2.9 million visitors in 2025, its busiest year. "
            "Foreign visitors numbered 1.1 million in 2025, led by travellers from Japan.\n")
    article(tmp_path, "b.md", "釜山海港博物馆去年参观人次创新高", "2026-01-11",
            "据统计，去年参观人次达290万，创历史新高。\n\n馆方指出，去年外籍旅客共74万人次，以日本旅客为主。\n")
    analysis = analyse([str(tmp_path)])
    found = quotes(analysis)
    assert any("1.1 million" in " ".join(q) and "74万" in " ".join(q) for q in found)
    assert not any("2.9 million" in " ".join(q) and "1.1 million" in " ".join(q) for q in found)


def test_a_part_of_the_figure_before_it_takes_no_object_of_that_whole(tmp_path) -> None:
    article(tmp_path, "a.md", "Cobalt Telecom adds fibre users", "2025-11-12",
            "Cobalt Telecom ended September with 3.8 million broadband subscribers, and 1.4 million of them "
            "were on fibre, the company said.\n")
    article(tmp_path, "b.md", "钴电信宽带用户增长", "2025-11-13",
            "钴电信（Cobalt Telecom）公布，截至9月30日，公司宽带用户总数达380万户，其中光纤用户约110万户。\n")
    frames = by_file(analyse([str(tmp_path)]))
    assert frames[("a.md", "3.8 million")].object.value == "broadband"
    assert frames[("a.md", "1.4 million")].object.value != "broadband"
    assert frames[("b.md", "110万户")].object.rule != "object:as the figure before it"
