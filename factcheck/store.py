"""The claims store: every file's articles, claims and claim frames in one SQLite database,
`.factcheck/claims.db`.

Why SQLite rather than DuckDB: the store's work is many small writes (one file's rows replaced in one
transaction, thousands of times in a cold run) and look-ups by file or by comparison block; that is an
OLTP load, where SQLite's row store and cheap transactions fit and DuckDB's columnar engine, built for scans
of millions of rows, gains nothing at our sizes (a 100k-article archive is ~430k claims). SQLite ships with
Python, so CI gains no dependency, and in WAL mode readers (an editor's `factcheck claims`) never block the
writer (a gate run), where a DuckDB file admits one read-write process at a time.

Crash safety: WAL journal, `synchronous=NORMAL` (a killed process loses nothing committed; after a power
loss the last transactions may be missing, never half-applied), one transaction per batch of files a worker
returns (`put_many`: a file's rows are never half-replaced, and a cold run commits per batch). A store
that cannot be opened or read as a database is deleted and rebuilt: it only ever costs extraction time.

Schema (version `SCHEMA`; another version is dropped and rebuilt):

- `files`: one row per corpus file, by `path` (the corpus-relative name claims cite): content `sha256`,
  `rules_digest`, `extractor` (`cache.code_digest()`), `encoding`, the decoded `text` (zlib), and the stat
  seen when it was last read (`disk_path`, `size`, `mtime_ns`, `ctime_ns`, `inode`; NULL when untrusted),
  plus `frames_digest` (what produced its frames, NULL before any) and `declared` (the aliases the file
  declares, JSON, NULL when it was stored unframed). The text is the row's last column, so that reading
  every file's other columns (`preload`) never reads the texts.
- `articles`: `Article` fields per file, in order.
- `claims`: every `Claim` field per file (`file` is the file's path) plus its `line` and `col`, and the
  frame columns, NULL when stored unframed: `measure`, `holder`, `object`, `period`, `basis`, `attribution`
  (slot values), `dimension`, `block` (`Frame.block` as JSON: what a comparison blocks on), and `frame` (the
  whole `Frame`, each slot named by its number in `slots`: `store_frames`). Indexed by block only: `factcheck
  claims` matches slots by substring (no index serves that), and each index costs every cold run's inserts.
  Frames are those the file's own declared aliases give; `pipeline.frame_corpus` frames again a file the
  corpus's aliases would frame otherwise.
- `slots`: each distinct frame slot (value, words and rule, as JSON) once, by number.
- `comparisons`: a whole corpus's comparison result (`findings_cache`), by a key that digests every file's
  path and content hash, the rules and the code; the latest `KEPT_COMPARISONS` are kept. Added without a new
  schema version: a store of version 5 simply gains the table.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import json
import os
import sqlite3
import time
import weakref
import zlib
from dataclasses import dataclass, fields
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Collection, Iterable, Mapping, NamedTuple, Sequence

from .errors import FactcheckError
from .model import Article, Claim, Frame, SourceFile
from .store_frames import SLOTS, SLOTS_DDL, DamagedFrame, FrameCodec

SCHEMA = 6
DB_NAME = "claims.db"
# Stat fields recorded less than this long after the file's mtime or ctime are not trusted: the file may still be
# written to within the same timestamp tick (git's "racily clean" index entries).
RACY_NS = 2_000_000_000

_CLAIM_FIELDS = [f.name for f in fields(Claim) if f.name != "file"]
_ARTICLE_FIELDS = [f.name for f in fields(Article) if f.name != "file"]
_claim_values = attrgetter(*_CLAIM_FIELDS)
assert [f.name for f in fields(Claim)][0] == "file" and [f.name for f in fields(Article)][1] == "file"

_DDL = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    rules_digest TEXT NOT NULL,
    extractor TEXT NOT NULL,
    encoding TEXT NOT NULL,
    disk_path TEXT, size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER, inode INTEGER,
    frames_digest TEXT, declared TEXT,
    stored_at REAL NOT NULL,
    text BLOB NOT NULL  -- last: reading the columns before it never walks the blob's overflow pages
);
CREATE TABLE IF NOT EXISTS articles (
    file_id INTEGER NOT NULL, ordinal INTEGER NOT NULL,
    id TEXT NOT NULL, title TEXT NOT NULL, source TEXT, date TEXT, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    PRIMARY KEY (file_id, ordinal)
);
CREATE TABLE IF NOT EXISTS claims (
    file_id INTEGER NOT NULL, ordinal INTEGER NOT NULL,
    article TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    sentence TEXT NOT NULL, value REAL NOT NULL, value_high REAL, unit TEXT NOT NULL, qualifier TEXT NOT NULL,
    precision REAL NOT NULL, direction TEXT, noun TEXT, lang TEXT NOT NULL, cue TEXT, year INTEGER,
    line INTEGER NOT NULL, col INTEGER NOT NULL,
    {", ".join(f"{s} TEXT" for s in SLOTS)}, dimension TEXT, block TEXT, frame TEXT,
    PRIMARY KEY (file_id, ordinal)
);
CREATE INDEX IF NOT EXISTS claims_block ON claims(block);
CREATE INDEX IF NOT EXISTS claims_unframed ON claims(file_id, ordinal) WHERE frame IS NULL;
{SLOTS_DDL}
CREATE TABLE IF NOT EXISTS comparisons (key TEXT PRIMARY KEY, result BLOB NOT NULL, stored_at REAL NOT NULL);
"""
# Comparison results kept (`put_comparison`): the latest few corpora compared, e.g. a branch and its base.
KEPT_COMPARISONS = 4
# From this many files `get_many` reads the store in a few queries, not file by file.
BULK_FILES = 32


class StoreError(FactcheckError):
    """A frames write the store cannot take, or a store damaged while in use."""


def _database_errors_named(method):  # noqa: ANN001, ANN201
    """An SQLite error while reading or writing becomes one line naming the store (the CLI's exit 2)."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):  # noqa: ANN001, ANN202
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path or 'claims store'}: cannot use the claims store ({exc}); "
                             "delete it to rebuild it") from None
    return wrapper


@dataclass(frozen=True)
class FileStat:
    """What `os.stat` says of a file, enough to tell it has not changed without reading it."""

    disk_path: str
    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int

    @classmethod
    def of(cls, path: str | os.PathLike[str]) -> "FileStat":
        st = os.stat(path)
        return cls(os.path.abspath(path), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


@dataclass(frozen=True)
class StoredFile:
    id: int
    path: str
    sha256: str
    encoding: str
    framed: bool = False  # its claims' frames and declared aliases are stored too


@dataclass(frozen=True)
class StoredClaim:
    """A claim as the store holds it: the claim, where it is, its article's date and its frame if any."""

    claim: Claim
    line: int
    col: int
    date: str | None
    title: str
    frame: Frame | None


class StoredSource(SourceFile):
    """A stored file as a `SourceFile` whose text is read from the store when first asked for: a draft
    checked against an archive compares claims of thousands of archive files and quotes only a few of them,
    and decompressing every text cost more than the comparison. Sent to another process it is a plain
    `SourceFile` (the store's connection stays here)."""

    def __init__(self, store: "ClaimsStore", file: StoredFile):
        for name, value in (("path", file.path), ("encoding", file.encoding), ("sha256", file.sha256)):
            object.__setattr__(self, name, value)  # SourceFile is frozen
        object.__setattr__(self, "_stored", (store, file))

    @functools.cached_property
    def text(self) -> str:  # type: ignore[override]
        store, file = self._stored
        return store.text(file)

    def __reduce__(self):  # noqa: ANN204
        return SourceFile, (self.path, self.text, self.encoding, self.sha256)


class ChosenClaim(NamedTuple):
    """A claim `ClaimsStore.claims_in_groups` chose: its stored frame (None: unframed) and the line and column
    stored with it, so that citing it needs no text."""

    claim: Claim
    frame: Frame | None
    line: int
    col: int


def line_starts(text: str) -> list[int]:
    """Offsets at which each line starts, for `bisect`: one pass over the text, not one per claim."""
    starts = [0]
    find = text.find
    i = find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


def _line_col(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


class ClaimsStore:
    """Articles, claims and frames of corpus files, valid for one rules digest and extractor version."""

    def __init__(self, root: str | os.PathLike[str], rules_digest: str, extractor: str):
        self.root = Path(root)
        self.rules_digest = rules_digest
        self.extractor = extractor
        self.hits = 0
        self.misses = 0
        self.write_failed = False
        self.path = self.root / DB_NAME if str(root) != ":memory:" else None
        self._rows: dict[str, tuple] | None = None  # `preload`
        self.db = self._open()
        self.frame_codec = FrameCodec(self.db)
        # Closed at exit as well as when dropped: closing the last connection checkpoints the WAL into the
        # database file and removes it, and a store held in a reference cycle lives until exit, where what is
        # still alive is left uncollected (`runtime.tune_collector`).
        weakref.finalize(self, self.db.close)

    # -- opening ---------------------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            return self._prepare(sqlite3.connect(":memory:"))
        self.root.mkdir(parents=True, exist_ok=True)
        try:
            return self._prepare(sqlite3.connect(self.path, timeout=30))
        except sqlite3.DatabaseError:  # not a database, or damaged: it is only a cache of extraction
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            return self._prepare(sqlite3.connect(self.path, timeout=30))

    def _prepare(self, db: sqlite3.Connection) -> sqlite3.Connection:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        version = None
        if db.execute("SELECT 1 FROM sqlite_master WHERE name='meta'").fetchone():
            row = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            version = int(row[0]) if row else None
        if version != SCHEMA:
            with db:
                for table in ("comparisons", "slots", "claims", "articles", "files", "meta"):
                    db.execute(f"DROP TABLE IF EXISTS {table}")
        with db:
            db.executescript(_DDL)
            db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA),))
        return db

    def close(self) -> None:
        self.db.close()

    # -- files -----------------------------------------------------------------------------------------

    def preload(self) -> None:
        """Read every file's row at once: an archive of thousands of files is then looked up in memory, not
        one query per file (dropped again by any write)."""
        self._rows = {row[0]: row[1:] for row in self.db.execute(
            "SELECT path, id, sha256, rules_digest, extractor, encoding, disk_path, size, mtime_ns, ctime_ns, "
            "inode, declared IS NOT NULL FROM files")}

    def _row(self, path: str) -> tuple | None:
        if self._rows is not None:
            return self._rows.get(path)
        return self.db.execute(
            "SELECT id, sha256, rules_digest, extractor, encoding, disk_path, size, mtime_ns, ctime_ns, inode, "
            "declared IS NOT NULL FROM files WHERE path = ?", (path,)).fetchone()

    def _current(self, row: tuple | None) -> bool:
        return row is not None and row[2] == self.rules_digest and row[3] == self.extractor

    @_database_errors_named
    def lookup(self, path: str, sha256: str) -> StoredFile | None:
        """The stored file at `path` with this content, extracted by these rules and this extractor."""
        row = self._row(path)
        if not self._current(row) or row[1] != sha256:
            return None
        return StoredFile(row[0], path, row[1], row[4], bool(row[10]))

    @_database_errors_named
    def unchanged(self, path: str, stat: FileStat) -> StoredFile | None:
        """The stored file when `stat` proves the file on disk is the one stored: no need to read or hash it."""
        row = self._row(path)
        if not self._current(row) or row[7] is None:
            return None
        if (row[5], row[6], row[7], row[8], row[9]) != (stat.disk_path, stat.size, stat.mtime_ns,
                                                        stat.ctime_ns, stat.inode):
            return None
        return StoredFile(row[0], path, row[1], row[4], bool(row[10]))

    @_database_errors_named
    def record_stats(self, seen: Iterable[tuple[str, str, FileStat]]) -> None:
        """Remember (path, sha256, stat) of files just read, so the next run can skip reading them.
        A stat taken within `RACY_NS` of the file's last change (mtime or ctime) is not trusted: the file
        may still change within the same timestamp tick."""
        now = time.time_ns()
        rows = [(s.disk_path, s.size, s.mtime_ns if now - max(s.mtime_ns, s.ctime_ns) > RACY_NS else None,
                 s.ctime_ns, s.inode, path, sha) for path, sha, s in seen]
        self._rows = None
        with self.db:
            self.db.executemany("UPDATE files SET disk_path=?, size=?, mtime_ns=?, ctime_ns=?, inode=? "
                                "WHERE path=? AND sha256=?", rows)

    @_database_errors_named
    def text(self, file: StoredFile) -> str:
        (blob,) = self.db.execute("SELECT text FROM files WHERE id = ?", (file.id,)).fetchone()
        return zlib.decompress(blob).decode("utf-8")

    def source(self, file: StoredFile) -> SourceFile:
        """The file as `corpus.read_file` decoded it, from the store, without touching the disk."""
        return SourceFile(path=file.path, text=self.text(file), encoding=file.encoding, sha256=file.sha256)

    def lazy_source(self, file: StoredFile) -> SourceFile:
        """`source`, its text decompressed only when first read (`StoredSource`)."""
        return StoredSource(self, file)

    # -- the cache interface `parallel.extract_sources` uses -----------------------------------------------

    def get(self, source: SourceFile, framed: bool = False) -> tuple | None:
        """(articles, claims, frames, declared) of the stored file with this content, or None; frames and
        declared are None when it was stored unframed, and with `framed` such a file is a miss."""
        try:
            stored = self.lookup(source.path, source.sha256) if source.sha256 else None
            found = None if stored is None else self.contents(stored, framed)
        except (StoreError, DamagedFrame):  # a damaged row is only a miss: the file is extracted again
            found = None
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
        return found

    def get_many(self, sources: Sequence[SourceFile], framed: bool = False) -> list[tuple | None]:
        """`get` of each source, in order, read in a few queries rather than three per file: a warm run of
        a 10k-article corpus asked 3,000 queries of the store, and decoded each file's frames apart (one
        frame text is one frame for the whole corpus here). The same results and counts as `get`; a damaged
        row is read file by file, where it is only that file's miss."""
        if len(sources) < BULK_FILES:
            return [self.get(source, framed) for source in sources]
        try:
            found = self._contents_many(sources, framed)
        except (StoreError, DamagedFrame):
            return [self.get(source, framed) for source in sources]
        for hit in found:
            if hit is None:
                self.misses += 1
            else:
                self.hits += 1
        return found

    @_database_errors_named
    def _contents_many(self, sources: Sequence[SourceFile], framed: bool) -> list[tuple | None]:
        if self._rows is None:
            self.preload()
        stored = [self.lookup(s.path, s.sha256) if s.sha256 else None for s in sources]
        wanted = {f.id: f for f in stored if f is not None}
        if not wanted:
            return [None] * len(sources)
        declared = {i: d for i, d in self.db.execute("SELECT id, declared FROM files") if i in wanted}
        if framed:
            wanted = {i: f for i, f in wanted.items() if declared.get(i) is not None}
        rows: dict[int, list[tuple]] = {i: [] for i in wanted}
        columns = ", ".join(map(_quoted, _CLAIM_FIELDS))
        if 2 * len(wanted) >= len(self._rows or ()):  # most of the store: one pass over the table
            for row in self.db.execute(f"SELECT file_id, ordinal, {columns}, frame FROM claims"):
                held = rows.get(row[0])
                if held is not None:
                    held.append(row)
        else:
            for i in wanted:
                rows[i] = self.db.execute(f"SELECT file_id, ordinal, {columns}, frame FROM claims "
                                          "WHERE file_id = ? ORDER BY ordinal", (i,)).fetchall()
        for held in rows.values():  # in table order, each file's rows come in ordinal order: made sure of here
            if any(a[1] > b[1] for a, b in zip(held, held[1:])):
                held.sort(key=itemgetter(1))
        texts = [row[-1] for i in wanted for row in rows[i] if declared.get(i) is not None]
        decoded = iter(self.frame_codec.decode_many(texts))
        articles = self.articles_of(list(wanted.values()))
        by_file: dict[str, list[Article]] = {}
        for article in articles:
            by_file.setdefault(article.file, []).append(article)
        contents: dict[int, tuple | None] = {}
        for i, file in wanted.items():
            path = file.path
            claims = [Claim(path, *row[2:-1]) for row in rows[i]]
            if declared.get(i) is None:
                contents[i] = by_file.get(path, []), claims, None, None
                continue
            frames = [next(decoded) for _ in claims]
            if any(f is None for f in frames):
                contents[i] = None if framed else (by_file.get(path, []), claims, None, None)
            else:
                contents[i] = by_file.get(path, []), claims, frames, json.loads(declared[i])
        return [None if f is None else contents.get(f.id) for f in stored]

    @_database_errors_named
    def contents(self, stored: StoredFile, framed: bool = False) -> tuple | None:
        """(articles, claims, frames, declared) of a stored file (frames and declared None when it was
        stored unframed; with `framed`, None instead)."""
        (declared,) = self.db.execute("SELECT declared FROM files WHERE id = ?", (stored.id,)).fetchone()
        if framed and declared is None:
            return None
        if declared is None:
            return self.articles(stored), self.claims(stored), None, None
        rows = self.db.execute(f"SELECT {', '.join(map(_quoted, _CLAIM_FIELDS))}, frame FROM claims "
                               "WHERE file_id = ? ORDER BY ordinal", (stored.id,)).fetchall()
        claims = [Claim(stored.path, *row[:-1]) for row in rows]
        frames = self.frame_codec.decode_many([row[-1] for row in rows])
        if any(f is None for f in frames):
            return None if framed else (self.articles(stored), claims, None, None)
        return self.articles(stored), claims, frames, json.loads(declared)

    def put(self, source: SourceFile, articles: Sequence[Article], claims: Iterable[Claim],
            frames: Sequence[Frame] | None = None, declared: Mapping[str, str] | None = None) -> None:
        """Replace the file's rows in one transaction: readers see the old rows or the new, never a mix.
        `claims` is read once, inside the transaction; `frames` (one per claim) and `declared` go with them."""
        self.put_many([(source, articles, claims, frames, declared)])

    def put_many(self, entries: Sequence[tuple]) -> None:
        """`put` for each (source, articles, claims, frames, declared), all in one transaction: a worker's
        batch of files lands whole or not at all, and a cold run commits once per batch, not per file."""
        entries = [e for e in entries if e[0].sha256]
        if not entries:
            return
        try:
            self._rows = None
            with self._writing():
                for entry in entries:
                    self._replace(*entry)
        except sqlite3.DatabaseError:
            self.write_failed = True  # a full disk or a store locked too long: run on without storing

    def _replace(self, source: SourceFile, articles: Sequence[Article], claims: Iterable[Claim],
                 frames: Sequence[Frame] | None = None, declared: Mapping[str, str] | None = None) -> None:
        """One file's rows replaced, inside the caller's transaction."""
        starts = line_starts(source.text)
        text = zlib.compress(source.text.encode("utf-8"), 1)
        framed = frames is not None and declared is not None
        old = self.db.execute("SELECT id FROM files WHERE path = ?", (source.path,)).fetchone()
        if old:
            for table, key in (("claims", "file_id"), ("articles", "file_id"), ("files", "id")):
                self.db.execute(f"DELETE FROM {table} WHERE {key} = ?", old)
        file_id = self.db.execute(
            "INSERT INTO files (path, sha256, rules_digest, extractor, encoding, text, frames_digest, declared, "
            "stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (source.path, source.sha256, self.rules_digest, self.extractor, source.encoding, text,
             "" if framed else None, json.dumps(dict(declared), ensure_ascii=False) if framed else None,
             time.time()),
        ).lastrowid
        self.db.executemany(
            f"INSERT INTO articles VALUES (?, ?, {', '.join('?' * len(_ARTICLE_FIELDS))})",
            [(file_id, n, *(getattr(a, name) for name in _ARTICLE_FIELDS)) for n, a in enumerate(articles)])
        claims = list(claims)
        if framed and len(frames) != len(claims):
            raise StoreError(f"{source.path}: {len(frames)} frames for {len(claims)} claims")
        unframed = self._frame_columns(None)
        # A list, not a generator: encoding a frame may number a new slot, a statement of its own.
        rows = [_claim_row(file_id, n, source.path, c, starts)
                + (self._frame_columns(frames[n]) if framed else unframed) for n, c in enumerate(claims)]
        self.db.executemany(
            f"INSERT INTO claims (file_id, ordinal, {', '.join(map(_quoted, _CLAIM_FIELDS))}, line, col, "
            f"{', '.join(SLOTS)}, dimension, block, frame) "
            f"VALUES ({', '.join('?' * (len(_CLAIM_FIELDS) + 4 + len(unframed)))})", rows)

    @contextlib.contextmanager
    def _writing(self):  # noqa: ANN202
        """A transaction; slots numbered in one that rolls back are forgotten with it."""
        try:
            with self.db:
                yield
        except BaseException:
            self.frame_codec.forget()
            raise

    def _frame_columns(self, frame: Frame | None) -> tuple:
        """The claims columns a frame fills: the six slot values, the dimension, the block and the frame's
        stored text (inside the transaction that writes them: new slots are numbered in it)."""
        if frame is None:
            return (None,) * (len(SLOTS) + 3)
        return (*(getattr(frame, s).value for s in SLOTS), frame.dimension, _block_text(frame.block),
                self.frame_codec.encode(frame))

    # -- reading ---------------------------------------------------------------------------------------

    @_database_errors_named
    def articles(self, file: StoredFile) -> list[Article]:
        rows = self.db.execute(f"SELECT {', '.join(map(_quoted, _ARTICLE_FIELDS))} FROM articles "
                               "WHERE file_id = ? ORDER BY ordinal", (file.id,))
        return [Article(row[0], file.path, *row[1:]) for row in rows]  # fields in order; `file` is second

    @_database_errors_named
    def claims(self, file: StoredFile) -> list[Claim]:
        rows = self.db.execute(f"SELECT {', '.join(map(_quoted, _CLAIM_FIELDS))} FROM claims "
                               "WHERE file_id = ? ORDER BY ordinal", (file.id,))
        return [Claim(file.path, *row) for row in rows]  # fields in order; `file` is first

    @_database_errors_named
    def claims_in_blocks(self, files: Sequence[StoredFile], blocks: Collection[tuple]) -> list[Claim]:
        """Claims of `files` whose frame falls in one of `blocks` (`Frame.block` values), and those with no
        frame (they cannot be placed in a block), in file and then claim order. Found through the block
        index, so the cost follows the claims chosen, not the archive's size."""
        return [chosen.claim for chosen in self.claims_in_groups(files, [(b, None, None) for b in blocks])]

    @_database_errors_named
    def claims_in_groups(self, files: Sequence[StoredFile],
                         groups: Collection[tuple[tuple, str | None, str | None]]) -> list[ChosenClaim]:
        """Like `claims_in_blocks`, with each claim's stored frame (None: unframed) and line and column, for
        (block, basis, period) triples: a frame's basis and period as comparison groups read them (no basis:
        "actual"; no period: "current"); None in a triple takes any."""
        paths = {f.id: f.path for f in files}
        columns = ", ".join(f"c.{_quoted(n)}" for n in _CLAIM_FIELDS)
        with self.db:
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted_groups (block TEXT, basis TEXT, period TEXT, "
                            "UNIQUE (block, basis, period))")
            self.db.execute("DELETE FROM wanted_groups")
            self.db.executemany("INSERT OR IGNORE INTO wanted_groups VALUES (?, ?, ?)",
                                [(_block_text(tuple(b)), basis, period) for b, basis, period in groups])
        # Sorted here, not by the query: SQLite would copy every wide row into a sorter first.
        rows = self.db.execute(
            f"SELECT c.file_id, c.ordinal, {columns}, c.line, c.col, c.frame FROM wanted_groups w JOIN claims c "
            "INDEXED BY claims_block ON c.block = w.block AND (w.basis IS NULL OR COALESCE(c.basis, 'actual') = "
            "w.basis) AND (w.period IS NULL OR COALESCE(c.period, 'current') = w.period) "
            f"UNION ALL SELECT c.file_id, c.ordinal, {columns}, c.line, c.col, c.frame "
            "FROM claims c INDEXED BY claims_unframed WHERE c.frame IS NULL").fetchall()
        rows = [row for row in rows if row[0] in paths]
        rows.sort(key=itemgetter(0, 1))
        frames = self.frame_codec.decode_many([row[-1] for row in rows])
        return [ChosenClaim(Claim(paths[row[0]], *row[2:-3]), frame, row[-3], row[-2])
                for row, frame in zip(rows, frames)]

    @_database_errors_named
    def articles_of(self, files: Sequence[StoredFile]) -> list[Article]:
        """`articles` of each of `files`, in that order, in one query: an archive has thousands of files."""
        paths = {f.id: f.path for f in files}
        by_file: dict[int, list[tuple[int, Article]]] = {}
        # In table order, each file's put in ordinal order here: ordered by the query, SQLite walks the primary
        # key's index and looks up every row from it (a third slower on a 100k-article archive).
        rows = self.db.execute(f"SELECT file_id, ordinal, {', '.join(map(_quoted, _ARTICLE_FIELDS))} FROM articles")
        for row in rows:
            path = paths.get(row[0])
            if path is not None:
                by_file.setdefault(row[0], []).append((row[1], Article(row[2], path, *row[3:])))
        return [a for f in files for _, a in sorted(by_file.get(f.id, ()), key=itemgetter(0))]

    @_database_errors_named
    def declared(self, files: Sequence[StoredFile]) -> dict[str, dict[str, str]]:
        """The aliases each of `files` declares, by path, for those stored framed."""
        out: dict[str, dict[str, str]] = {}
        stored = dict(self.db.execute("SELECT id, declared FROM files"))  # one query: an archive has thousands
        for file in files:
            declared = stored.get(file.id)
            if declared is not None:
                out[file.path] = json.loads(declared)
        return out

    @_database_errors_named
    def stored_claims(self, files: Sequence[StoredFile], where: str = "", params: Sequence = ()) -> list[StoredClaim]:
        """Claims of `files` with line, column, article date and title and frame; `where` narrows them
        (an SQL condition on `claims` columns, with `params`)."""
        out: list[StoredClaim] = []
        condition = f" AND ({where})" if where else ""
        for file in files:
            rows = self.db.execute(
                f"SELECT {', '.join('c.' + _quoted(n) for n in _CLAIM_FIELDS)}, c.line, c.col, a.date, a.title, "
                "c.frame FROM claims c LEFT JOIN articles a ON a.file_id = c.file_id AND a.id = c.article "
                f"WHERE c.file_id = ?{condition} ORDER BY c.ordinal", (file.id, *params)).fetchall()
            k = len(_CLAIM_FIELDS)
            for row, frame in zip(rows, self.frame_codec.decode_many([row[-1] for row in rows])):
                line, col, date, title = row[k:-1]
                out.append(StoredClaim(Claim(file.path, *row[:k]), line, col, date, title or "", frame))
        return out

    # -- comparison results ----------------------------------------------------------------------------

    @_database_errors_named
    def comparison(self, key: str) -> str | None:
        """The comparison result stored under `key` (`put_comparison`), or None."""
        row = self.db.execute("SELECT result FROM comparisons WHERE key = ?", (key,)).fetchone()
        return None if row is None else zlib.decompress(row[0]).decode("utf-8")

    def put_comparison(self, key: str, result: str) -> None:
        """Store a comparison result under `key`, dropping all but the latest `KEPT_COMPARISONS`. A store that
        cannot take it (full, locked too long) only means the next run compares again."""
        try:
            with self.db:
                self.db.execute("INSERT OR REPLACE INTO comparisons VALUES (?, ?, ?)",
                                (key, zlib.compress(result.encode("utf-8"), 1), time.time()))
                self.db.execute("DELETE FROM comparisons WHERE key NOT IN (SELECT key FROM comparisons "
                                "ORDER BY stored_at DESC LIMIT ?)", (KEPT_COMPARISONS,))
        except sqlite3.DatabaseError:
            self.write_failed = True

    # -- frames ------------------------------------------------------------------------------------------

    @_database_errors_named
    def put_frames(self, path: str, sha256: str, frames: Sequence[Frame | None] | Mapping[Claim, Frame],
                   digest: str = "") -> None:
        """Store the frames of a file's claims, replacing any it had, in one transaction: either one per claim
        in `claims()` order (None: no frame), or a mapping claim -> frame (claims left out get none).
        `digest` names what produced them (the frames stage's code and rules); `frames()` returns them only
        for the same digest. Raises `StoreError` when the store does not hold `path` at `sha256`, or the
        frames do not fit its claims."""
        stored = self.lookup(path, sha256)
        if stored is None:
            raise StoreError(f"{path}: not in the store at {sha256[:12]}; store its claims first")
        if isinstance(frames, Mapping):
            claims = self.claims(stored)
            unknown = len(set(frames) - set(claims))
            if unknown:
                raise StoreError(f"{path}: {unknown} of the frames are for claims the store does not hold")
            frames = [frames.get(claim) for claim in claims]
        else:
            (count,) = self.db.execute("SELECT COUNT(*) FROM claims WHERE file_id = ?", (stored.id,)).fetchone()
            if count != len(frames):
                raise StoreError(f"{path}: {len(frames)} frames for {count} claims")
        self._rows = None
        with self._writing():
            rows = [(*self._frame_columns(f), stored.id, n) for n, f in enumerate(frames)]
            self.db.executemany(f"UPDATE claims SET {', '.join(s + '=?' for s in SLOTS)}, dimension=?, block=?, frame=? "
                                "WHERE file_id=? AND ordinal=?", rows)
            self.db.execute("UPDATE files SET frames_digest=? WHERE id=?", (digest, stored.id))

    @_database_errors_named
    def frames(self, path: str, sha256: str, digest: str = "") -> list[Frame | None] | None:
        """The frames stored for the file's claims (in `claims()` order), or None when there are none for
        this content and `digest`."""
        stored = self.lookup(path, sha256)
        if stored is None:
            return None
        (have,) = self.db.execute("SELECT frames_digest FROM files WHERE id=?", (stored.id,)).fetchone()
        if have is None or have != digest:
            return None
        rows = self.db.execute("SELECT frame FROM claims WHERE file_id=? ORDER BY ordinal", (stored.id,))
        return self.frame_codec.decode_many([f for (f,) in rows])


def _claim_row(file_id: int, ordinal: int, path: str, claim: Claim, starts: list[int]) -> tuple:
    if claim.file != path:
        raise ValueError(f"a claim of {claim.file} stored under {path}")
    return (file_id, ordinal, *_claim_values(claim), *_line_col(starts, claim.start))


def _quoted(name: str) -> str:
    return f'"{name}"'


def frame_block(frame: Frame) -> tuple | None:
    """The comparison block a frame falls in (`Frame.block`)."""
    return frame.block


def _block_text(block: tuple | None) -> str | None:
    return None if block is None else json.dumps(list(block), ensure_ascii=False)
