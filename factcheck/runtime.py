"""Process settings for a whole run, made by the command line (and by the benchmarks, which time it)."""

from __future__ import annotations

import gc
import os


def tune_collector() -> None:
    """A run holds hundreds of thousands of claims, frames and findings, which live until it ends; the
    collector's default pace scans them again and again (a quarter of the comparison's time on 10k articles,
    measured). Collections stay on, at a pace for many long-lived objects. `FACTCHECK_GC=default` keeps
    Python's own pace."""
    if os.environ.get("FACTCHECK_GC") == "default":
        return
    gc.set_threshold(50_000, 20, 100)
