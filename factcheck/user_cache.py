"""The user's cache folder: small JSON files of what a run works out from installed libraries and the project's
own files (unit facts, the gazetteer's derived tables), each named by a digest of everything it is derived
from, so a file that no longer fits is never read, only left behind.

`FACTCHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/factcheck`, else `~/.cache/factcheck`. Every use is best
effort: a file missing, damaged or unwritable means the facts are worked out again.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path


def cache_folder() -> Path:
    given = os.environ.get("FACTCHECK_CACHE_DIR")
    if given:
        return Path(given)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "factcheck"


def cache_file(name: str, *sources: bytes) -> Path:
    """`<name>-<digest of sources>.json` in the cache folder."""
    digest = hashlib.sha256(b"\0".join(sources)).hexdigest()[:20]
    return cache_folder() / f"{name}-{digest}.json"


def package_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


def read_json(path: Path) -> object | None:
    """The file's JSON, or None when it is missing, unreadable or not JSON."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_json(path: Path, data: object) -> None:
    """Written atomically (a reader sees the old file or the new, never half of one); not at all where the
    folder cannot be written (a read-only home: every run works the facts out)."""
    from .atomic import write_text

    try:
        write_text(path, json.dumps(data, ensure_ascii=False), durable=False)
    except OSError:
        pass
