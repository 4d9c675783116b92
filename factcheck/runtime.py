"""Process settings for a whole run, made by the command line (and by the benchmarks, which time it)."""

from __future__ import annotations

import atexit
import gc
import os


def tune_collector() -> None:
    """A run holds hundreds of thousands of claims, frames and findings, which live until it ends; the
    collector's default pace scans them again and again (a quarter of the comparison's time on 10k articles,
    measured). Collections stay on, at a pace for many long-lived objects. At exit, what is still alive is
    frozen (`gc.freeze`) before the interpreter's last collection, which would otherwise walk every claim
    and frame once more only to find them all reachable (a third of a second on a 100k-article archive).
    `FACTCHECK_GC=default` keeps Python's own pace and that last collection."""
    if os.environ.get("FACTCHECK_GC") == "default":
        return
    gc.set_threshold(50_000, 20, 100)
    atexit.unregister(gc.freeze)  # registered once however often a process tunes
    atexit.register(gc.freeze)
