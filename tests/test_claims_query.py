"""`factcheck claims ARCHIVE...`: matching claims with date, file:line and quote, most recent first, from
the store; slot filters use stored frames when there are, else the sentence's words."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import parallel
from factcheck.archive import sync_archive
from factcheck.cache import open_cache
from factcheck.cli import main
from factcheck.model import Frame, Slot

ARTICLES = {
    "old.md": "---\ntitle: Old\ndate: 2024-03-01\n---\nChina refines 85% of the world's rare earths.\n",
    "new.md": "---\ntitle: New\ndate: 2025-06-01\n---\nIntro line.\n\nChina now refines 90% of rare-earth output.\n"
              "Japan imports 60% of its lithium.\n",
    "zh.md": "---\ntitle: 稀土\ndate: 2025-01-15\n---\n中国控制了全球90%的稀土精炼产能。\n",
    "undated.md": "# Undated\n\nChina exported 12% more rare earths.\n",
}


@pytest.fixture
def archive(tmp_path: Path, monkeypatch) -> Path:
    for name, text in ARTICLES.items():
        (tmp_path / "archive" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "archive" / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "archive"


def claims(*args: str) -> list[dict]:
    result = CliRunner().invoke(main, ["claims", "archive", "--format", "json", "-q", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_holder_matches_frames_in_both_languages_most_recent_first(archive: Path) -> None:
    found = claims("--holder", "china")
    assert [(r["date"], r["file"], r["line"], r["quote"]) for r in found] == [
        ("2025-06-01", "archive/new.md", 7, "90%"),
        ("2025-01-15", "archive/zh.md", 5, "90%"),  # 中国: the same holder, through its alias
        ("2024-03-01", "archive/old.md", 5, "85%"),
        (None, "archive/undated.md", 3, "12%"),  # undated: last
    ]
    assert {r["matched_by"] for r in found} == {"frame"}
    assert {r["holder"] for r in found} == {"China@World", "@China"}  # a share of the world; China's exports
    assert claims("--holder", "Chin") == []  # whole words only
    assert [r["quote"] for r in claims("--holder", "Japan")] == ["60%"]  # "its lithium" is Japan's, not China's


def test_filters_combine_and_phrases_stand_for_frame_values(archive: Path) -> None:
    everything_on_rare_earths = ["archive/new.md", "archive/zh.md", "archive/old.md", "archive/undated.md"]
    assert [r["file"] for r in claims("--holder", "中国", "--object", "稀土")] == everything_on_rare_earths
    assert [r["quote"] for r in claims("--object", "rare earths", "--since", "2024-06-01")] == ["90%", "90%"]
    assert [r["quote"] for r in claims("--object", "rare earth", "--since", "2025-01-01")] == ["90%", "90%"]
    assert [r["quote"] for r in claims("--measure", "份额", "--object", "lithium")] == ["60%"]
    assert [r["quote"] for r in claims("--measure", "exports")] == ["12%"]
    assert [r["quote"] for r in claims("--text", "lithium imports")] == ["60%"]
    assert [r["file"] for r in claims("--since", "2025-01-15")] == ["archive/new.md"] * 2 + ["archive/zh.md"]


def test_a_claim_without_a_frame_is_matched_on_its_sentence(archive: Path) -> None:
    store = open_cache(Path(".factcheck"), None)
    held = sync_archive(["archive"], store)
    new = next(f for f in held.files if f.path == "new.md")
    china, japan = store.claims(new)
    sinochem = Frame(measure=Slot("share"), holder=Slot("Sinochem"), object=Slot("rare earths"),
                     period=Slot("2025"), basis=Slot("actual"), attribution=Slot(None), dimension="percent")
    store.put_frames(new.path, new.sha256, {china: sinochem})  # Japan's claim is left without a frame
    store.close()
    assert [r["file"] for r in claims("--holder", "China")] == ["archive/zh.md", "archive/old.md",
                                                                "archive/undated.md"]
    assert [(r["quote"], r["holder"], r["matched_by"]) for r in claims("--holder", "sinochem", "--measure", "share")] \
        == [("90%", "Sinochem", "frame")]
    assert [(r["quote"], r["matched_by"]) for r in claims("--holder", "japan")] == [("60%", "sentence")]


def test_csv_and_table_formats(archive: Path) -> None:
    result = CliRunner().invoke(main, ["claims", "archive", "--holder", "Japan", "--format", "csv", "-q"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["file"], r["line"], r["quote"], r["date"]) for r in rows] == [("archive/new.md", "8", "60%",
                                                                             "2025-06-01")]
    table = CliRunner().invoke(main, ["claims", "archive", "--holder", "Japan", "-q"]).stdout
    assert "1 matching claims" in table and "archive/new.md:8" in table


def test_second_run_extracts_nothing(archive: Path, monkeypatch) -> None:
    seen: list[str] = []
    monkeypatch.setattr(parallel, "extraction_hooks", [lambda source: seen.append(source.path)])
    claims()
    assert sorted(seen) == sorted(ARTICLES)
    seen.clear()
    claims("--holder", "China")
    assert seen == []


@pytest.mark.parametrize("args, message", [
    (["claims", "archive", "--since", "2025-1-1"], "--since '2025-1-1' is not a date: use YYYY-MM-DD"),
    (["claims", "nowhere"], "factcheck: nowhere: no such file or folder"),
])
def test_bad_input_is_one_line_exit_2(archive: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


def test_no_cache_keeps_the_store_in_memory(archive: Path) -> None:
    assert [r["quote"] for r in claims("--holder", "Japan", "--no-cache")] == ["60%"]
    assert not Path(".factcheck").exists()
