"""factcheck: find numeric claims that disagree across articles (English and Chinese)."""

from .pipeline import extract, run_extraction

__all__ = ["extract", "run_extraction"]
__version__ = "0.1.0"
