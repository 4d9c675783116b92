"""Traditional characters read as simplified ones (OpenCC's table, one character for one): units written
only in traditional characters (分鐘, 小時, 棟) are units, an address number (告士打道38號) is no figure, and
a Taiwanese article's bare 元 is still NT$ though its scanned copy is simplified. Texts written for the tests."""

from __future__ import annotations

from factcheck.hanzi import simplified_table

from helpers import claims_of


def test_the_table_maps_one_character_to_one() -> None:
    table = simplified_table()
    assert chr(table[ord("鐘")]) == "钟" and chr(table[ord("時")]) == "时"
    assert ord("中") not in table  # (only characters that change)


def test_durations_and_counts_in_traditional_characters_are_read_as_in_simplified() -> None:
    traditional = {(c.text, c.unit, c.value) for c in claims_of("上半年救護車平均到場時間為7.9分鐘，平均等候2.5小時，共有1240棟建物受損。")}
    assert ("7.9分鐘", "minute", 7.9) in traditional
    assert ("2.5小時", "hour", 2.5) in traditional
    assert ("1240棟", "count", 1240.0) in traditional
    simplified = {(c.unit, c.value) for c in claims_of("上半年救护车平均到场时间为7.9分钟，平均等候2.5小时，共有1240栋建物受损。")}
    assert {(u, v) for _, u, v in traditional} == simplified


def test_an_address_number_in_traditional_characters_is_no_figure() -> None:
    assert [c.text for c in claims_of("位於灣仔告士打道38號的升學中心，學費上漲12%。")] == ["12%"]


def test_bare_yuan_in_a_taiwanese_article_stays_new_taiwan_dollars() -> None:
    text = ("台灣經濟研究院今天公布，這家公司上半年營收為190.5億元，較去年同期成長12%。"
            "國內業者表示，臺北市的門市業績與去年相當，來自海外的營收也發生變化，說明經營環境穩定。")
    assert {c.unit for c in claims_of(text) if c.text.endswith("元")} == {"TWD"}


def test_an_age_that_names_a_group_is_no_figure_in_either_script_and_a_measured_age_is() -> None:
    for text in ("65岁或以上长者占57%，平均年龄38岁。", "65歲以上長者佔57%，平均年齡38歲。"):
        assert [c.text[:3] for c in claims_of(text)] == ["57%", "38岁" if "岁" in text else "38歲"]
    assert [c.text for c in claims_of("16至22岁的青年有3.2万人，年满18岁的选民踊跃投票。")] == ["3.2万人"]
