"""What `load_units` works out with pint is kept in the cache folder, so that a run whose claims all come
from the claims store never imports pint or builds its registry, with the same answers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck import normalise
from factcheck.errors import RulesError
from factcheck.normalise import DEFAULT_RULES, conversion_factor, convert, load_units


@pytest.fixture()
def facts_dir(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(folder))
    load_units.cache_clear()
    yield folder
    load_units.cache_clear()


def test_kept_facts_give_the_same_units_without_a_registry(facts_dir):
    built = load_units(None)
    assert len(list(facts_dir.glob("units-*.json"))) == 1
    load_units.cache_clear()
    kept = load_units(None)
    assert "registry" not in kept.__dict__
    assert kept.surfaces == built.surfaces and kept.pattern.pattern == built.pattern.pattern
    assert kept.factors == built.factors and kept.defined == built.defined
    assert conversion_factor(kept, "kg", "t") == convert(built, 1.0, "kg", "t") == 0.001
    assert kept.knows("USD") and "registry" not in kept.__dict__
    with pytest.raises(ValueError):
        conversion_factor(kept, "kg", "year")  # pint cannot: what `compare.place` catches
    assert not kept.knows("zorkmid")  # not defined: asked of the registry, built now
    assert "registry" in kept.__dict__
    for (unit, to), factor in kept.factors.items():
        try:
            expected = convert(kept, 1.0, unit, to)
        except Exception:  # noqa: BLE001
            expected = None
        assert factor == expected, (unit, to)


def test_bad_definitions_are_never_kept(facts_dir, tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "units.txt").write_text((DEFAULT_RULES / "units.txt").read_text(encoding="utf-8")
                                      + "furlongs_per_fortnight = 3 * zorkmid\n", encoding="utf-8")
    for _ in range(2):
        load_units.cache_clear()
        with pytest.raises(RulesError, match="zorkmid"):
            load_units(str(folder))
    assert not list(facts_dir.glob("units-*.json"))


def test_damaged_or_unwritable_facts_are_worked_out_again(facts_dir, tmp_path, monkeypatch):
    load_units(None)
    (kept,) = facts_dir.glob("units-*.json")
    kept.write_text("{not json", encoding="utf-8")
    load_units.cache_clear()
    assert load_units(None).factors[("kg", "t")] == 0.001
    shutil.rmtree(facts_dir)
    facts_dir.write_text("a file where the folder should be", encoding="utf-8")
    load_units.cache_clear()
    assert load_units(None).factors[("kg", "t")] == 0.001


def test_the_facts_file_is_named_by_units_txt(facts_dir):
    assert normalise._facts_file(b"a = 1") != normalise._facts_file(b"a = 2")
