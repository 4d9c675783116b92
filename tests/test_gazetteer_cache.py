"""The cities and subdivisions tables are kept in the cache folder: the same tables, worked out again when the
file is damaged, of other library versions, or cannot be written."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import user_cache, vocabulary


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(folder))
    vocabulary._gazetteer.cache_clear()
    yield folder
    vocabulary._gazetteer.cache_clear()


def _derived() -> tuple:
    return vocabulary._cities(), vocabulary._subdivisions()


def _fresh() -> tuple:
    vocabulary._gazetteer.cache_clear()
    return vocabulary.cities(), vocabulary.subdivisions()


def _never(monkeypatch) -> None:
    def fail():
        raise AssertionError("worked out again")

    monkeypatch.setattr(vocabulary, "_cities", fail)
    monkeypatch.setattr(vocabulary, "_subdivisions", fail)


def test_kept_tables_are_the_derived_ones(cache_dir, monkeypatch):
    derived = _derived()
    assert _fresh() == derived
    assert len(list(cache_dir.glob("gazetteer-*.json"))) == 1
    _never(monkeypatch)
    kept = _fresh()
    assert kept == derived
    assert [list(t.en) for t in kept] == [list(t.en) for t in derived]  # in the same order (largest city first)
    assert kept[0].en["Tokyo"] == derived[0].en["Tokyo"] and isinstance(kept[0].en["Tokyo"], tuple)


@pytest.mark.parametrize("damage", ["", "{not json", "[]", '[[{"Paris": "Paris"}, {}], [{}, {}]]',
                                    '[[{"Paris": ["Paris", "2138551"]}, {}], [{}, {}]]', '{"cities": 1}'])
def test_damaged_file_is_worked_out_again(cache_dir, damage):
    derived = _fresh()
    (kept,) = cache_dir.glob("gazetteer-*.json")
    kept.write_text(damage, encoding="utf-8")
    assert _fresh() == derived
    assert kept.read_text(encoding="utf-8") != damage  # written again


def test_other_library_versions_use_another_file(cache_dir, monkeypatch):
    derived = _fresh()
    monkeypatch.setattr(user_cache, "package_version", lambda name: "0.0-other")
    assert _fresh() == derived
    assert len(list(cache_dir.glob("gazetteer-*.json"))) == 2


def test_unwritable_folder_still_gives_the_tables(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(blocked / "cache"))  # under a file: never a folder
    vocabulary._gazetteer.cache_clear()
    try:
        assert _fresh() == _derived()
    finally:
        vocabulary._gazetteer.cache_clear()
