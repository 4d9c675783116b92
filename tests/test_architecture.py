"""The pipeline's layering, checked like an import-linter contract: stages never import the command line
or the formatters, and each stage imports only the stages before it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "factcheck"
# Stage order: a module may import the ones listed before it, never after.
STAGES = ["errors", "numfmt", "model", "atomic", "numerals", "normalise", "corpus", "extract", "rulefile", "vocabulary", "rules",
          "frames", "compare"]


def _imports(path: Path) -> set[str]:
    """Sibling modules of the package that a stage (a module, or a package of modules) imports."""
    if path.with_suffix("").is_dir():
        path = path.with_suffix("")
    if path.is_dir():  # a stage that is a package: its files' imports from outside it
        return set().union(*(_imports_of(f, depth=2) for f in path.glob("*.py")))
    return _imports_of(path, depth=1)


def _imports_of(path: Path, depth: int) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level >= 1:
            if node.level < depth:
                continue  # within the stage's own package
            found.add((node.module or "").split(".")[0])
            found.update(alias.name for alias in node.names if not node.module)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("factcheck."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("factcheck."))
    return found


@pytest.mark.parametrize("stage", STAGES)
def test_stage_imports_only_earlier_stages(stage):
    imported = _imports(PACKAGE / f"{stage}.py")
    assert not imported & {"cli", "report", "gate", "pipeline"}, f"{stage} reaches into an outer layer"
    later = set(STAGES[STAGES.index(stage) + 1:])
    assert not imported & later, f"{stage} imports a later stage: {sorted(imported & later)}"


def test_formatters_do_not_import_the_command_line():
    for path in (PACKAGE / "report").glob("*.py"):
        assert "cli" not in _imports(path), path.name
