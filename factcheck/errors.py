"""Typed errors. Each carries one line a user can act on; the CLI prints it and exits 2."""

from __future__ import annotations

import os


def _display_path(path: str) -> str:
    """A path relative to the working folder when it lies below it (`rules/units.txt`), else as given."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if rel.startswith("..") else rel


class FactcheckError(Exception):
    """Base for every error factcheck reports to users (exit code 2)."""


class CorpusError(FactcheckError):
    """A corpus file or folder cannot be read."""


class RulesError(FactcheckError):
    """A rules file is malformed: the message starts with `path:line:col:`."""

    def __init__(self, path: str, line: int, col: int, what: str):
        path = _display_path(path)
        self.path, self.line, self.col, self.what = path, line, col, what
        super().__init__(f"{path}:{line}:{col}: {what}")


class ConfigError(FactcheckError):
    """Bad configuration or command-line usage."""
