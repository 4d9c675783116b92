"""Atomic file writes: a temporary file in the same folder, flushed, then renamed over the target.

A crash or a signal mid-write leaves the previous file intact (rename is atomic on POSIX and Windows).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


# Read once: os.umask can only be read by setting it, which is not safe while other threads create files.
_UMASK = os.umask(0)
os.umask(_UMASK)


def write_text(path: str | os.PathLike[str], text: str, durable: bool = True) -> None:
    """Write `text` to `path` atomically; `durable` also flushes it to disk before the rename (reports,
    baselines). A cache may skip that: after a power loss an entry may be empty, which it treats as a miss."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        # mkstemp creates the file 0600; a report or baseline should be readable like any other file.
        os.chmod(tmp, 0o666 & ~_UMASK)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
