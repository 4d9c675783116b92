"""The claims store: rows round-trip exactly, a file replace is one transaction (a killed writer loses
nothing already stored), frames are stored and read back, and the stat shortcut trusts only settled files."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from factcheck.corpus import line_col, read_corpus
from factcheck.model import Claim, Frame, Slot, SourceFile
from factcheck.pipeline import extract_file
from factcheck.store import ClaimsStore, FileStat, StoreError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seeds():
    return [(source, *extract_file(source, frame=True)) for source in read_corpus([SEEDS]).files]


def _store(root: Path) -> ClaimsStore:
    return ClaimsStore(root, "rules-1", "extractor-1")


def _claim(file: str, n: int, value: float = 1.0) -> Claim:
    return Claim(file=file, article="big#1", start=n, end=n + 1, text="1%", sentence="It rose 1%.", value=value,
                 value_high=None, unit="%", qualifier="exact", precision=1.0, direction=None, noun=None, lang="en")


def test_articles_and_claims_round_trip_exactly(tmp_path: Path, seeds) -> None:
    store = _store(tmp_path)
    for source, articles, claims, frames, declared in seeds:
        store.put(source, articles, claims, frames, declared)
    reopened = _store(tmp_path)
    for source, articles, claims, frames, declared in seeds:
        assert reopened.get(source) == (articles, claims, frames, declared)
        assert reopened.get(source, framed=True) == (articles, claims, frames, declared)
        stored = reopened.lookup(source.path, source.sha256)
        assert reopened.source(stored) == source  # the text too: the archive is compared without the disk
        for row in reopened.stored_claims([stored]):
            assert (row.line, row.col) == line_col(source.text, row.claim.start)
    assert reopened.hits == 2 * len(seeds) and sum(len(s[2]) for s in seeds) > 100


def test_declared_aliases_round_trip(tmp_path: Path) -> None:
    text = "# Batteries\n\nContemporary Amperex Technology Co. (CATL) held 37.9% of the market in 2024.\n"
    source = SourceFile("catl.md", text, "utf-8", "1" * 64)
    articles, claims, frames, declared = extract_file(source, frame=True)
    assert declared["CATL"] == "CATL" and frames[0].holder.value.startswith("CATL")
    _store(tmp_path).put(source, articles, claims, frames, declared)
    assert _store(tmp_path).get(source, framed=True) == (articles, claims, frames, declared)


def test_a_file_stored_unframed_is_a_miss_for_a_framed_run(tmp_path: Path, seeds) -> None:
    source, articles, claims = seeds[0][:3][:3]
    _store(tmp_path).put(source, articles, claims)
    assert _store(tmp_path).get(source) == (articles, claims, None, None)
    assert _store(tmp_path).get(source, framed=True) is None
    assert not _store(tmp_path).lookup(source.path, source.sha256).framed


def test_other_rules_or_extractor_or_content_is_a_miss(tmp_path: Path, seeds) -> None:
    source, articles, claims = seeds[0][:3]
    _store(tmp_path).put(source, articles, claims)
    assert ClaimsStore(tmp_path, "rules-2", "extractor-1").get(source) is None
    assert ClaimsStore(tmp_path, "rules-1", "extractor-2").get(source) is None
    changed = SourceFile(source.path, source.text + "\nMore.\n", source.encoding, "0" * 64)
    assert _store(tmp_path).get(changed) is None


def test_changed_file_replaces_its_rows(tmp_path: Path) -> None:
    store = _store(tmp_path)
    old = SourceFile("big.txt", "x\n" * 50, "utf-8", "a" * 64)
    store.put(old, [], [_claim("big.txt", n) for n in range(30)])
    new = SourceFile("big.txt", "y\n" * 50, "utf-8", "b" * 64)
    store.put(new, [], [_claim("big.txt", n, 2.0) for n in range(5)])
    assert store.get(old) is None
    assert [c.value for c in store.get(new)[1]] == [2.0] * 5
    assert store.db.execute("SELECT COUNT(*) FROM claims").fetchone() == (5,)
    assert store.db.execute("SELECT COUNT(*) FROM files").fetchone() == (1,)


def test_a_claim_of_another_file_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    store = _store(tmp_path)
    source = SourceFile("a.txt", "x", "utf-8", "a" * 64)
    store.put(source, [], [_claim("a.txt", 0)])
    with pytest.raises(ValueError, match="a claim of b.txt stored under a.txt"):
        store.put(SourceFile("a.txt", "y", "utf-8", "c" * 64), [], [_claim("a.txt", 0), _claim("b.txt", 1)])
    assert store.get(source)[1] == [_claim("a.txt", 0)]  # the failed replace was rolled back whole


def test_a_batch_of_files_lands_whole_or_not_at_all(tmp_path: Path) -> None:
    store = _store(tmp_path)
    first, second = (SourceFile(name, "x", "utf-8", name[0] * 64) for name in ("a.txt", "b.txt"))
    with pytest.raises(ValueError):
        store.put_many([(first, [], [_claim("a.txt", 0)], None, None),
                        (second, [], [_claim("a.txt", 1)], None, None)])  # the second entry is refused
    assert store.get(first) is None and store.get(second) is None  # so the first was not kept either
    store.put_many([(first, [], [_claim("a.txt", 0)], None, None), (second, [], [_claim("b.txt", 1)], None, None)])
    assert _store(tmp_path).get(second)[1] == [_claim("b.txt", 1)]
    assert _store(tmp_path).get(first)[1] == [_claim("a.txt", 0)]


_KILLED_WRITER = r"""
import sys
from factcheck.model import Claim, SourceFile
from factcheck.store import ClaimsStore

def claims():
    for n in range(3_000_000):
        if n == 20_000:
            print("writing", flush=True)
        yield Claim(file="big.txt", article="big#1", start=n, end=n + 1, text="9%", sentence="It rose 9%.",
                    value=9.0, value_high=None, unit="%", qualifier="exact", precision=1.0, direction=None,
                    noun=None, lang="en")

store = ClaimsStore(sys.argv[1], "rules-1", "extractor-1")
store.put(SourceFile("big.txt", "z\n" * 1000, "utf-8", "f" * 64), [], claims())
print("finished", flush=True)
"""


def test_writer_killed_mid_write_loses_nothing_stored(tmp_path: Path) -> None:
    store = _store(tmp_path)
    old = SourceFile("big.txt", "x\n" * 50, "utf-8", "a" * 64)
    other = SourceFile("other.txt", "o\n", "utf-8", "e" * 64)
    store.put(old, [], [_claim("big.txt", n) for n in range(30)])
    store.put(other, [], [_claim("other.txt", 0, 7.0)])
    store.close()
    child = subprocess.Popen([sys.executable, "-c", _KILLED_WRITER, str(tmp_path)], stdout=subprocess.PIPE,
                             text=True)
    assert child.stdout.readline() == "writing\n"
    time.sleep(0.2)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL  # killed mid-write, not finished
    reopened = _store(tmp_path)
    assert reopened.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert reopened.get(old)[1] == [_claim("big.txt", n) for n in range(30)]
    assert reopened.get(other)[1] == [_claim("other.txt", 0, 7.0)]
    assert reopened.lookup("big.txt", "f" * 64) is None


def _frame(holder: str | None, measure: str = "share") -> Frame:
    return Frame(measure=Slot(measure, "share", "measure:share"), holder=Slot(holder, holder or "", "alias:declared"),
                 object=Slot("rare earths", "rare-earth", "object:lexicon"), period=Slot("2025", "2025", "period:year"),
                 basis=Slot("actual"), attribution=Slot(None), dimension="percent", date="2025-03-01")


def test_frames_are_stored_and_read_back(tmp_path: Path, seeds) -> None:
    store = _store(tmp_path)
    source, articles, claims = seeds[0][:3]
    store.put(source, articles, claims)
    frames = [_frame("China") if n % 2 == 0 else None for n in range(len(claims))]
    store.put_frames(source.path, source.sha256, frames, digest="frames-1")
    assert store.frames(source.path, source.sha256, "frames-1") == frames
    assert store.frames(source.path, source.sha256, "frames-2") is None  # other frame rules: stale
    stored = store.lookup(source.path, source.sha256)
    china = store.stored_claims([stored], "holder = ? COLLATE NOCASE", ("china",))
    assert [r.claim for r in china] == claims[::2] and china[0].frame == _frame("China")
    assert store.db.execute("SELECT measure, object, period, basis, attribution, dimension FROM claims "
                            "WHERE holder IS NOT NULL LIMIT 1").fetchone() == (
        "share", "rare earths", "2025", "actual", None, "percent")
    # Re-extraction (a changed file) drops the frames with the claims they described.
    store.put(SourceFile(source.path, source.text, source.encoding, "0" * 64), articles, claims)
    assert store.frames(source.path, "0" * 64, "frames-1") is None


def test_frames_may_be_given_by_claim(tmp_path: Path, seeds) -> None:
    store = _store(tmp_path)
    source, articles, claims = seeds[0][:3]
    store.put(source, articles, claims)
    store.put_frames(source.path, source.sha256, {claims[1]: _frame("Japan")})
    assert store.frames(source.path, source.sha256) == [None, _frame("Japan")] + [None] * (len(claims) - 2)
    stranger = _claim(source.path, 10**6)
    with pytest.raises(StoreError, match=f"{source.path}: 1 of the frames are for claims the store does not hold"):
        store.put_frames(source.path, source.sha256, {stranger: _frame("Japan")})


def test_frames_for_unknown_content_or_wrong_count_are_refused(tmp_path: Path, seeds) -> None:
    store = _store(tmp_path)
    source, articles, claims = seeds[0][:3]
    store.put(source, articles, claims)
    with pytest.raises(StoreError, match=f"{source.path}: not in the store"):
        store.put_frames(source.path, "0" * 64, [None] * len(claims))
    with pytest.raises(StoreError, match=f"{source.path}: 1 frames for {len(claims)} claims"):
        store.put_frames(source.path, source.sha256, [_frame("China")])


def test_stat_shortcut_trusts_only_settled_unchanged_files(tmp_path: Path, monkeypatch) -> None:
    from factcheck import store as store_module

    store = _store(tmp_path / "store")
    path = tmp_path / "a.txt"
    path.write_text("Exports rose 5%.\n", encoding="utf-8")
    source = SourceFile("a.txt", "Exports rose 5%.\n", "utf-8", "a" * 64)
    store.put(source, [], [])
    store.record_stats([("a.txt", source.sha256, FileStat.of(path))])
    assert store.unchanged("a.txt", FileStat.of(path)) is None  # just written: racily clean, must be hashed
    monkeypatch.setattr(store_module, "RACY_NS", 50_000_000)
    time.sleep(0.1)
    store.record_stats([("a.txt", source.sha256, FileStat.of(path))])
    assert store.unchanged("a.txt", FileStat.of(path)).sha256 == source.sha256
    before = os.stat(path)
    time.sleep(0.05)
    path.write_text("Exports rose 6%.\n", encoding="utf-8")  # same size, new content
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # even with the old mtime put back: ctime moved
    assert store.unchanged("a.txt", FileStat.of(path)) is None
    assert store.unchanged("b.txt", FileStat.of(path)) is None


def test_a_folder_that_cannot_hold_the_store_runs_without_it(tmp_path: Path, seeds) -> None:
    from factcheck.cache import open_cache

    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    store = open_cache(blocker / "store", None)  # a folder under a file: cannot be created
    source, articles, claims = seeds[0][:3]
    store.put(source, articles, claims)
    assert store.path is None and store.get(source) == (articles, claims, None, None)
    assert isinstance(store.db, sqlite3.Connection)


def test_claims_in_blocks_finds_a_block_and_keeps_unframed_claims(tmp_path: Path, seeds) -> None:
    store = _store(tmp_path)
    (first, a1, c1), (second, a2, c2) = seeds[0][:3], seeds[1][:3]
    store.put(first, a1, c1)
    store.put(second, a2, c2)
    store.put_frames(first.path, first.sha256, [_frame(None) if n < 3 else _frame("China") for n in range(len(c1))])
    files = [store.lookup(first.path, first.sha256), store.lookup(second.path, second.sha256)]
    unknown_holder = _frame(None).block
    assert unknown_holder == ("percent", "share", "", False)
    assert store.claims_in_blocks(files, [unknown_holder]) == c1[:3] + c2  # second file: no frames yet
    assert store.claims_in_blocks(files[:1], [unknown_holder]) == c1[:3]
    assert store.claims_in_blocks(files[:1], [_frame("China").block]) == c1[3:]
    assert store.claims_in_blocks(files[:1], []) == []


def test_claims_chosen_by_group_carry_their_stored_line_and_column(tmp_path: Path, seeds) -> None:
    store = _store(tmp_path)
    for source, articles, claims, frames, declared in seeds:
        store.put(source, articles, claims, frames, declared)
    files = [store.lookup(s.path, s.sha256) for s, *_ in seeds]
    texts = {s.path: s.text for s, *_ in seeds}
    blocks = {f.block for *_, frames, _ in seeds for f in frames if f.block is not None}
    chosen = store.claims_in_groups(files, [(b, None, None) for b in blocks])
    assert len(chosen) > 50
    for claim, frame, line, col in chosen:
        assert (line, col) == line_col(texts[claim.file], claim.start)
        assert frame is not None and frame.block in blocks


def test_articles_of_many_files_are_each_files_articles_in_order(tmp_path: Path, seeds) -> None:
    store = _store(tmp_path)
    for source, articles, claims, frames, declared in seeds:
        store.put(source, articles, claims, frames, declared)
    files = [store.lookup(s.path, s.sha256) for s, *_ in seeds][::-1]
    assert store.articles_of(files) == [a for f in files for a in store.articles(f)]
    assert store.articles_of(files[:1]) == store.articles(files[0]) and store.articles_of([]) == []


def test_a_lazy_source_reads_its_text_from_the_store_only_when_asked(tmp_path: Path, seeds, monkeypatch) -> None:
    import pickle

    store = _store(tmp_path)
    source, articles, claims, frames, declared = seeds[0]
    store.put(source, articles, claims, frames, declared)
    stored = store.lookup(source.path, source.sha256)
    reads: list[int] = []
    real_text = store.text
    monkeypatch.setattr(store, "text", lambda file: reads.append(file.id) or real_text(file))
    lazy = store.lazy_source(stored)
    assert (lazy.path, lazy.encoding, lazy.sha256) == (source.path, source.encoding, source.sha256) and reads == []
    assert lazy.text == source.text and lazy.text == source.text and reads == [stored.id]  # read once
    assert pickle.loads(pickle.dumps(lazy)) == source  # another process gets a plain SourceFile


def test_frames_are_read_many_at_once_sharing_equal_slots(tmp_path: Path) -> None:
    store = _store(tmp_path)
    china, japan = _frame("China"), _frame("Japan")
    with store.db:
        texts = [store.frame_codec.encode(china), None, store.frame_codec.encode(japan)]
    reader = _store(tmp_path)  # another connection: the slots come from the table
    read = reader.frame_codec.decode_many(texts)
    assert read == [china, None, japan] and read[0].measure is read[2].measure
    assert store.frame_codec.decode_many([]) == [] and store.frame_codec.decode_many([None]) == [None]


def test_equal_frame_texts_give_one_frame(tmp_path: Path) -> None:
    store = _store(tmp_path)
    with store.db:
        china, japan = store.frame_codec.encode(_frame("China")), store.frame_codec.encode(_frame("Japan"))
    first, second, other = store.frame_codec.decode_many([china, china, japan])
    assert first is second and first == _frame("China") and other == _frame("Japan")


def test_slots_numbered_in_a_rolled_back_write_are_forgotten(tmp_path: Path, seeds) -> None:
    store = _store(tmp_path)
    source, articles, claims, frames, declared = seeds[0]
    stray = claims[:-1] + [replace(claims[-1], file="other.txt")]
    with pytest.raises(ValueError):  # the last claim is refused after the others' slots were numbered: rolled back
        store.put(source, articles, stray, frames, declared)
    store.put(source, articles, claims, frames, declared)
    assert _store(tmp_path).get(source, framed=True) == (articles, claims, frames, declared)


def test_a_frame_naming_no_stored_slot_is_a_miss(tmp_path: Path, seeds) -> None:
    source, articles, claims, frames, declared = seeds[0]
    _store(tmp_path).put(source, articles, claims, frames, declared)
    damaged = _store(tmp_path)
    with damaged.db:
        damaged.db.execute("DELETE FROM slots")
    assert damaged.get(source, framed=True) is None



def test_many_files_at_once_are_what_each_file_alone_gives(tmp_path: Path, seeds, monkeypatch) -> None:
    """`get_many` (a warm run's reads, a few queries for the whole corpus) gives what `get` gives file by file:
    framed, unframed (a miss for a framed run), changed and unknown files, and a damaged frame (only that
    file's miss), with the same hit and miss counts; for most of the store's files (one pass over the table)
    and for a few of them (their rows by file)."""
    import factcheck.store as store_module

    monkeypatch.setattr(store_module, "BULK_FILES", 2)
    many = [(replace(source, path=f"{n}/{source.path}"), articles, [replace(c, file=f"{n}/{c.file}") for c in claims],
             frames, declared) for n in range(3) for source, articles, claims, frames, declared in seeds]
    store = _store(tmp_path)
    for n, (source, articles, claims, frames, declared) in enumerate(many):
        store.put(source, articles, claims, *((frames, declared) if n % 4 else ()))  # every 4th unframed
    unknown = SourceFile("unknown.txt", "No figure.", "utf-8", "9" * 64)
    changed = replace(many[1][0], sha256="0" * 64)
    everything = [s for s, *_ in many] + [unknown, changed]
    for sources in (everything, everything[:3] + [unknown]):
        for framed in (False, True):
            alone, together = _store(tmp_path), _store(tmp_path)
            assert together.get_many(sources, framed) == [alone.get(s, framed) for s in sources]
            assert (together.hits, together.misses) == (alone.hits, alone.misses) and alone.hits >= 2
    damaged = _store(tmp_path)
    with damaged.db:
        damaged.db.execute("DELETE FROM slots WHERE id = (SELECT MAX(id) FROM slots)")
    expected = [_store(tmp_path).get(s, True) for s in everything]
    assert None in expected[1:len(many)] and any(expected)
    assert _store(tmp_path).get_many(everything, True) == expected
