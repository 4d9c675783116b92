"""`[tool.factcheck]` in `pyproject.toml`, found from the current folder upwards.

Keys: `paths` (corpus files or folders), `baseline` (the baseline file), `rules` (the rules folder).
Relative paths are relative to the folder holding that `pyproject.toml`. Command-line options override
every key; a missing key falls back to the built-in default.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError

DEFAULT_BASELINE = "reports/baseline.json"
KEYS = ("paths", "baseline", "rules")


@dataclass(frozen=True)
class Config:
    root: Path  # the folder of the pyproject.toml it came from (the current folder when there is none)
    source: Path | None  # the pyproject.toml, or None
    paths: tuple[str, ...] = ()
    baseline: str | None = None
    rules: str | None = None


def find_pyproject(start: str | os.PathLike[str] | None = None) -> Path | None:
    """The nearest `pyproject.toml` with a `[tool.factcheck]` table, from `start` (default: cwd) upwards."""
    folder = Path(start or os.getcwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / "pyproject.toml"
        if path.is_file() and "factcheck" in _read(path).get("tool", {}):
            return path
    return None


def _read(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: {exc.strerror or exc}") from None


def load_config(start: str | os.PathLike[str] | None = None) -> Config:
    """The configuration in force for `start` (default: the current folder); empty when none is found."""
    source = find_pyproject(start)
    if source is None:
        return Config(root=Path(start or os.getcwd()).resolve(), source=None)
    table = _read(source)["tool"]["factcheck"]
    if not isinstance(table, dict):
        raise ConfigError(f"{source}: [tool.factcheck] must be a table")
    for key in table:
        if key not in KEYS:
            raise ConfigError(f"{source}: unknown key {key!r} in [tool.factcheck]; valid: {', '.join(KEYS)}")
    root = source.parent
    paths = table.get("paths", [])
    if isinstance(paths, str):
        paths = [paths]
    if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
        raise ConfigError(f"{source}: [tool.factcheck] paths must be a list of strings")
    for key in ("baseline", "rules"):
        if key in table and not isinstance(table[key], str):
            raise ConfigError(f"{source}: [tool.factcheck] {key} must be a string")
    return Config(root=root, source=source,
                  paths=tuple(_resolve(root, p) for p in paths),
                  baseline=_resolve(root, table["baseline"]) if "baseline" in table else None,
                  rules=_resolve(root, table["rules"]) if "rules" in table else None)


def _resolve(root: Path, value: str) -> str:
    """A config path, relative to the current folder when it lies below it (so messages stay short)."""
    path = (root / value).resolve() if not Path(value).is_absolute() else Path(value)
    try:
        return os.path.relpath(path) if path.is_relative_to(Path.cwd()) else str(path)
    except ValueError:  # another drive on Windows
        return str(path)
