"""The stored comparison result: a run whose files, rules and code are unchanged reads its findings back, equal
to comparing again; a changed file, changed rules or another code version compares again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck import findings_cache, pipeline
from factcheck.rules import load_rules
from factcheck.store import KEPT_COMPARISONS, ClaimsStore

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RULES = ROOT / "rules"


@pytest.fixture
def compared(monkeypatch):
    """How many times the corpus was compared (rather than read back from the store)."""
    calls = []
    real = pipeline.compare_placed

    def counted(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "compare_placed", counted)
    return calls


def _findings(corpus: Path, rules: Path | None = None, store: Path | None = None) -> list:
    rules_dir = str(rules) if rules else None
    return pipeline.analyse([str(corpus)], rules_dir, cache=str(store) if store else None).findings


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def test_a_warm_run_reads_back_the_findings_it_would_compare(corpus: Path, tmp_path: Path, compared) -> None:
    fresh = _findings(corpus)
    assert len(compared) == 1 and len(fresh) == 7
    first = _findings(corpus, store=tmp_path / "store")
    warm = _findings(corpus, store=tmp_path / "store")
    assert len(compared) == 2, "the warm run compared again"
    assert warm == first == fresh
    assert [list(f.extra) for f in warm] == [list(f.extra) for f in fresh]  # report.json keeps their order


def test_a_changed_file_changes_the_findings_on_the_next_warm_run(corpus: Path, tmp_path: Path, compared) -> None:
    store = tmp_path / "store"
    before = _findings(corpus, store=store)
    assert any("Dependence (rare earths), United States" in f.message for f in before)
    edited = corpus / "004_5daa9991a6f03c11.txt"
    # The ~80% that contradicts another article's 90% now agrees with it.
    edited.write_text(edited.read_text(encoding="utf-8").replace("Approximately 80% of the U.S.",
                                                                 "Approximately 90% of the U.S."), encoding="utf-8")
    after = _findings(corpus, store=store)
    assert len(compared) == 2, "the changed corpus was not compared again"
    assert after == _findings(corpus) and after != before
    assert not any("Dependence (rare earths), United States" in f.message for f in after)


def test_changed_rules_compare_again(corpus: Path, tmp_path: Path, compared) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    store = tmp_path / "store"
    before = _findings(corpus, rules, store)
    tolerance = rules / "tolerance.yaml"
    tolerance.write_text(tolerance.read_text(encoding="utf-8").replace("percent: {absolute: 0}",
                                                                       "percent: {absolute: 30}"), encoding="utf-8")
    load_rules.cache_clear()  # as a new process would load them
    after = _findings(corpus, rules, store)
    assert len(compared) == 2
    assert after == _findings(corpus, rules) and len(after) < len(before)


def test_another_code_version_compares_again(corpus: Path, tmp_path: Path, compared, monkeypatch) -> None:
    store = tmp_path / "store"
    before = _findings(corpus, store=store)
    monkeypatch.setattr(findings_cache, "source_digest", lambda: "another version")
    assert _findings(corpus, store=store) == before
    assert len(compared) == 2


def test_a_damaged_result_is_only_a_miss(corpus: Path, tmp_path: Path, compared) -> None:
    store = tmp_path / "store"
    before = _findings(corpus, store=store)
    db = ClaimsStore(store, "", "")
    with db.db:
        db.db.execute("UPDATE comparisons SET result = ?", (b"not zlib",))
    db.close()
    assert _findings(corpus, store=store) == before
    assert len(compared) == 2


def test_the_store_keeps_the_latest_few_results(tmp_path: Path) -> None:
    store = ClaimsStore(tmp_path, "rules", "code")
    for n in range(KEPT_COMPARISONS + 2):
        store.put_comparison(f"key-{n}", f"[{n}]")
    assert store.comparison("key-0") is None and store.comparison("key-1") is None
    assert store.comparison(f"key-{KEPT_COMPARISONS + 1}") == f"[{KEPT_COMPARISONS + 1}]"


def test_the_key_names_every_file_and_its_content() -> None:
    from factcheck.model import SourceFile

    a, b = SourceFile("a.txt", "", "utf-8", "1" * 64), SourceFile("b.txt", "", "utf-8", "2" * 64)
    key = findings_cache.comparison_key([a, b], "rules")
    assert key == findings_cache.comparison_key([b, a], "rules")  # the order files are read in does not matter
    assert key != findings_cache.comparison_key([a], "rules")
    assert key != findings_cache.comparison_key([a, SourceFile("b.txt", "", "utf-8", "3" * 64)], "rules")
    assert key != findings_cache.comparison_key([a, b], "other rules")
    assert findings_cache.comparison_key([SourceFile("c.txt", "", "utf-8", "")], "rules") is None


def test_a_warm_run_that_reads_its_findings_back_never_imports_the_frames_stage(tmp_path: Path) -> None:
    import subprocess
    import sys

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text("# Mining\n\nChina mined 60% of the world's rare earths in 2024.\n", encoding="utf-8")
    (corpus / "b.md").write_text("# Mining\n\nChina mined 70% of the world's rare earths in 2024.\n", encoding="utf-8")
    program = ("import sys; from factcheck.pipeline import analyse; "
               f"found = analyse([{str(corpus)!r}], cache={str(tmp_path / 'store')!r}).findings; "
               "print(len(found), 'factcheck.frames' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True).stdout.split()
            for _ in range(2)]
    assert runs[0] == ["1", "True"]  # the first run frames and compares
    assert runs[1] == ["1", "False"]  # the second reads claims, frames and findings from the store
