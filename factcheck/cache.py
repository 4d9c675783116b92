"""The claims cache: an unchanged file is never extracted twice.

One JSON entry per file under `.factcheck/claims/`, keyed by the file's content hash (SHA-256 of its bytes),
its path in the corpus (claims carry it), the rules' digest (`load_rules().digest`, which covers
`units.txt`), the package version and a digest of the extraction code itself, so editing the extractor or the
rules invalidates every entry. Entries are written atomically (temporary file, then rename); an entry that
cannot be read or parsed is treated as a miss and rewritten, so a damaged cache costs time, never output.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from .atomic import write_text
from .model import Article, Claim, SourceFile

DEFAULT_DIR = ".factcheck"
FORMAT = 1
# The modules whose code decides what a file's claims are.
_CODE = ("corpus.py", *sorted(f"extract/{p.name}" for p in (Path(__file__).resolve().parent / "extract").glob("*.py")),
         "model.py", "normalise.py", "numerals.py", "pipeline.py")


@lru_cache(maxsize=1)
def code_digest() -> str:
    """Package version plus a hash of the extraction modules' source."""
    from . import __version__

    digest = hashlib.sha256(f"{__version__}\0{FORMAT}".encode())
    here = Path(__file__).resolve().parent
    for name in _CODE:
        try:
            digest.update(name.encode() + b"\0" + (here / name).read_bytes())
        except OSError:
            digest.update(name.encode() + b"\0missing")
    return digest.hexdigest()[:16]


def rules_digest(rules_dir: str | None) -> str:
    from .rules import load_rules

    return load_rules(rules_dir).digest


class ClaimsCache:
    """Claims of whole files, stored under `root/claims/`."""

    def __init__(self, root: str | os.PathLike[str] = DEFAULT_DIR, rules_dir: str | None = None):
        self.root = Path(root)
        self.folder = self.root / "claims"
        self._salt = f"{code_digest()}\0{rules_digest(rules_dir)}"
        self.hits = 0
        self.misses = 0

    def key(self, source: SourceFile) -> str:
        return hashlib.sha256(f"{self._salt}\0{source.path}\0{source.sha256}".encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, source: SourceFile) -> tuple[list[Article], list[Claim]] | None:
        if not source.sha256:
            self.misses += 1
            return None
        try:
            data = json.loads(self._path(self.key(source)).read_text(encoding="utf-8"))
            if data.get("path") != source.path or data.get("sha256") != source.sha256:
                raise ValueError("stale entry")
            articles = [Article(**a) for a in data["articles"]]
            claims = [Claim(**c) for c in data["claims"]]
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            self.misses += 1
            return None
        self.hits += 1
        return articles, claims

    def put(self, source: SourceFile, articles: list[Article], claims: list[Claim]) -> None:
        if not source.sha256:
            return
        entry = {"path": source.path, "sha256": source.sha256,
                 "articles": [asdict(a) for a in articles], "claims": [asdict(c) for c in claims]}
        try:
            write_text(self._path(self.key(source)), json.dumps(entry, ensure_ascii=False), durable=False)
        except OSError:
            pass  # a read-only or full disk: run without caching rather than fail


def open_cache(cache: "ClaimsCache | str | os.PathLike[str] | bool | None",
               rules_dir: str | None) -> ClaimsCache | None:
    """`run_extraction`'s cache argument: None/False (no cache), True (`.factcheck/`), a folder, or a cache."""
    if cache is None or cache is False:
        return None
    if isinstance(cache, ClaimsCache):
        return cache
    return ClaimsCache(DEFAULT_DIR if cache is True else cache, rules_dir)
