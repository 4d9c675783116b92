"""The claims cache: an unchanged file is never extracted twice.

The claims live in the claims store (`store.py`, `.factcheck/claims.db`); this module says when a stored
file is still valid: the same path and content hash (SHA-256 of its bytes), the same rules' digest
(`load_rules().digest`, which covers `units.txt`) and the same `code_digest()` (the package version and the
extraction and framing code itself), so editing the extractor, the frames stage or the rules re-extracts every
file.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from functools import lru_cache
from pathlib import Path

from .store import ClaimsStore

DEFAULT_DIR = ".factcheck"
FORMAT = 2
# The modules whose code decides what a file's claims and frames are (a package stands for all its modules).
_CODE = ("corpus.py", "extract", "frames", "hanzi.py", "model.py", "normalise.py", "numerals.py", "pipeline.py",
         "rulefile.py", "vocabulary.py")


@lru_cache(maxsize=1)
def code_digest() -> str:
    """Package version plus a hash of the extraction and framing modules' source."""
    from . import __version__

    digest = hashlib.sha256(f"{__version__}\0{FORMAT}".encode())
    here = Path(__file__).resolve().parent
    for name in _CODE:
        package = here / name.removesuffix(".py")  # a stage that became a package: all its modules
        for path in sorted(package.rglob("*.py")) if package.is_dir() else [here / name]:
            try:
                digest.update(path.relative_to(here).as_posix().encode() + b"\0" + path.read_bytes())
            except OSError:
                digest.update(name.encode() + b"\0missing")
    return digest.hexdigest()[:16]


def rules_digest(rules_dir: str | None) -> str:
    from .rules import load_rules

    return load_rules(rules_dir).digest


def open_cache(cache: "ClaimsStore | str | os.PathLike[str] | bool | None",
               rules_dir: str | None) -> ClaimsStore | None:
    """`run_extraction`'s cache argument: None/False (no store), True (`.factcheck/`), a folder, or a store.

    A folder that cannot hold the database (read-only, full) gives a store in memory: the run goes on,
    extracting every file, as it would without a store."""
    if cache is None or cache is False:
        return None
    if isinstance(cache, ClaimsStore):
        return cache
    digest = rules_digest(rules_dir)
    try:
        return ClaimsStore(DEFAULT_DIR if cache is True else cache, digest, code_digest())
    except (OSError, sqlite3.Error):
        return ClaimsStore(":memory:", digest, code_digest())
