"""Scale features: parallel extraction, the claims cache and the Dask engine never change the output."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import parallel
from factcheck.cache import open_cache
from factcheck.cli import main
from factcheck.pipeline import run_extraction

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """The sample corpus twice over (two folders), so a pool has several batches to order."""
    root = tmp_path / "corpus"
    for sub in ("a", "b"):
        shutil.copytree(SEEDS, root / sub)
    return root


@pytest.fixture()
def counted(monkeypatch):
    """Counts files extracted in this process; forces the pool even for a small corpus."""
    seen: list[str] = []
    monkeypatch.setattr(parallel, "extraction_hooks", [lambda source: seen.append(source.path)])
    monkeypatch.setattr(parallel, "POOL_MIN_CHARS", 0)
    return seen


def _report(corpus: Path, out: Path, *options: str) -> bytes:
    result = CliRunner().invoke(main, ["report", str(corpus), "--format", "json", "--out", str(out), "--quiet",
                                       *options])
    assert result.exit_code == 0, result.output
    return (out / "report.json").read_bytes()


def test_jobs_give_identical_reports(corpus: Path, tmp_path: Path, counted) -> None:
    one = _report(corpus, tmp_path / "j1", "--jobs", "1", "--no-cache")
    two = _report(corpus, tmp_path / "j2", "--jobs", "2", "--no-cache")
    assert one == two
    assert json.loads(one)  # a real report, not an empty file


def test_pool_really_runs_and_orders_results(corpus: Path, counted) -> None:
    serial = run_extraction([corpus], jobs=1)
    pooled = run_extraction([corpus], jobs=2)
    assert pooled.stats.workers == 2 and serial.stats.workers == 1
    assert pooled.claims == serial.claims
    assert pooled.articles == serial.articles
    assert pooled.claims


def test_frames_sent_back_from_workers_are_the_frames_made(corpus: Path, counted) -> None:
    serial = run_extraction([corpus], jobs=1, frame=True)
    pooled = run_extraction([corpus], jobs=2, frame=True)
    assert pooled.stats.workers == 2
    assert pooled.frames and pooled.frames == serial.frames
    assert [repr(pooled.frames[c]) for c in pooled.claims] == [repr(serial.frames[c]) for c in serial.claims]
    assert pooled.declared == serial.declared


def test_a_large_file_is_read_in_parts_by_the_workers_with_the_same_result(tmp_path: Path, monkeypatch) -> None:
    # (one file, the sample articles over and over: read whole in one process, and in parts by two workers)
    big = tmp_path / "big" / "archive.txt"
    big.parent.mkdir()
    big.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))) * 3,
                   encoding="utf-8")
    serial = run_extraction([big.parent], jobs=1, frame=True)
    monkeypatch.setattr(parallel, "POOL_MIN_CHARS", 0)
    monkeypatch.setattr(parallel, "SPLIT_CHARS", 10_000)
    parts = []
    monkeypatch.setattr(parallel, "_parts", lambda articles, count, real=parallel._parts: parts.append(
        real(articles, count)) or parts[-1])
    pooled = run_extraction([big.parent], jobs=2, frame=True)
    assert pooled.stats.workers == 2 and len(parts) == 1 and len(parts[0]) == 2
    assert pooled.articles == serial.articles and pooled.claims == serial.claims and pooled.claims
    assert [repr(pooled.frames[c]) for c in pooled.claims] == [repr(serial.frames[c]) for c in serial.claims]
    assert pooled.declared == serial.declared


def test_packed_results_round_trip() -> None:
    import dataclasses
    import pickle

    from factcheck.model import Frame, Slot

    none = Slot(None)
    frames = [Frame(Slot("revenue", "revenue", "measure:revenue"), Slot("Apple@", "Apple", "holder"), none,
                    Slot("2024Q3", "third quarter", "period:clause"), Slot("actual"), none, "USD", "2024-10-01"),
              Frame(Slot("share"), Slot(None, "", ""), none, none, Slot("actual"), Slot("IDC", "IDC", "source"),
                    "percent", None, True)]
    results = [([], [], frames, {"台积电": "TSMC"}), ([], [], None, None)]
    back = parallel.unpack_results(pickle.loads(pickle.dumps(parallel.pack_results(results))))
    assert back == results and repr(back) == repr(results)
    assert [hash(f) for f in back[0][2]] == [hash(f) for f in frames]
    assert back[0][2][1].holder is back[0][2][0].object  # equal slots are sent, and made, once
    with pytest.raises(dataclasses.FrozenInstanceError):
        back[0][2][0].dimension = "EUR"


def test_small_corpus_stays_in_process(corpus: Path) -> None:
    assert run_extraction([corpus], jobs=2).stats.workers == 1  # below POOL_MIN_CHARS: no pool start-up


def test_second_run_with_cache_extracts_nothing(corpus: Path, tmp_path: Path, counted) -> None:
    store = tmp_path / "cache"
    first = run_extraction([corpus], jobs=1, cache=store)
    files = len(first.corpus.files)
    assert first.stats.extracted == files and first.stats.cached == 0 and len(counted) == files
    counted.clear()
    second = run_extraction([corpus], jobs=2, cache=store)
    assert counted == [] and second.stats.extracted == 0 and second.stats.cached == files
    assert second.claims == first.claims and second.articles == first.articles


def test_cli_second_run_uses_cache(corpus: Path, tmp_path: Path, counted, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    first = _report(corpus, tmp_path / "r1", "--jobs", "1")
    assert (tmp_path / ".factcheck" / "claims.db").is_file()
    counted.clear()
    second = _report(corpus, tmp_path / "r2", "--jobs", "1")
    assert counted == [] and first == second
    _report(corpus, tmp_path / "r3", "--jobs", "1", "--no-cache")
    assert len(counted) == 10


def test_cache_misses_on_changed_file_only(corpus: Path, tmp_path: Path, counted) -> None:
    store = tmp_path / "cache"
    run_extraction([corpus], cache=store)
    changed = sorted((corpus / "a").iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nExports rose 12% in 2024.\n", encoding="utf-8")
    counted.clear()
    again = run_extraction([corpus], cache=store)
    assert counted == [f"a/{changed.name}"] and again.stats.extracted == 1
    assert again.claims == run_extraction([corpus]).claims


def test_damaged_store_is_rebuilt(corpus: Path, tmp_path: Path, counted) -> None:
    store = tmp_path / "cache"
    first = run_extraction([corpus], cache=store)
    open_cache(store, None).close()
    (store / "claims.db").write_bytes(b"not a database" * 100)
    for suffix in ("-wal", "-shm"):
        (store / f"claims.db{suffix}").unlink(missing_ok=True)
    counted.clear()
    again = run_extraction([corpus], cache=store)
    assert again.stats.extracted == len(first.corpus.files) and again.claims == first.claims
    assert run_extraction([corpus], cache=store).stats.extracted == 0


def test_cache_covers_rules(corpus: Path, tmp_path: Path, counted) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(Path(__file__).resolve().parent.parent / "rules", rules)
    run_extraction([corpus], str(rules), cache=tmp_path / "c")
    with (rules / "units.txt").open("a", encoding="utf-8") as handle:
        handle.write("\n# a comment changes the digest\n")
    from factcheck.rules import load_rules

    load_rules.cache_clear()
    counted.clear()
    again = run_extraction([corpus], str(rules), cache=tmp_path / "c")
    assert again.stats.extracted == len(again.corpus.files) == len(counted)


@pytest.mark.parametrize("scheduler", ["sync", "processes"])
def test_dask_engine_gives_identical_report(corpus: Path, tmp_path: Path, scheduler: str, monkeypatch) -> None:
    pytest.importorskip("dask.bag")
    monkeypatch.setattr(parallel, "POOL_MIN_CHARS", 0)
    local = _report(corpus, tmp_path / "local", "--jobs", "1", "--no-cache")
    dask = _report(corpus, tmp_path / "dask", "--engine", "dask", "--scheduler", scheduler, "--jobs", "2",
                   "--no-cache")
    assert local == dask


def test_dask_missing_is_one_clear_line(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_dask(name, *args, **kwargs):
        if name == "dask" or name.startswith("dask."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    result = CliRunner().invoke(main, ["extract", str(corpus), "--engine", "dask", "--no-cache", "--quiet"])
    assert result.exit_code == 2
    assert "pip install 'factcheck[dask]'" in result.output
