"""The pipeline's layering, checked like an import-linter contract: stages never import the command line
or the formatters, and each stage imports only the stages before it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "factcheck"
# Stage order: a module may import the ones listed before it, never after.
STAGES = ["errors", "numfmt", "model", "atomic", "user_cache", "hanzi", "numerals", "normalise", "corpus", "extract", "rulefile", "vocabulary", "rules",
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


def _stage_imports(stage: str) -> set[str]:
    """What a stage imports: a module, or every module of a package (its own modules excluded)."""
    if (PACKAGE / stage).is_dir():
        paths = list((PACKAGE / stage).glob("*.py"))
        own = {p.stem for p in paths}
        return set().union(*(_imports(p) for p in paths)) - own
    return _imports(PACKAGE / f"{stage}.py")


@pytest.mark.parametrize("stage", STAGES)
def test_stage_imports_only_earlier_stages(stage):
    imported = _stage_imports(stage)
    assert not imported & {"cli", "report", "gate", "pipeline"}, f"{stage} reaches into an outer layer"
    later = set(STAGES[STAGES.index(stage) + 1:])
    assert not imported & later, f"{stage} imports a later stage: {sorted(imported & later)}"


# The extract package's steps, in order: a step may import the ones before it, never after.
EXTRACT_STEPS = ["vocabulary", "scan", "context", "tokens", "reading", "units", "money", "qualifiers",
                 "compound", "exclusions", "nouns", "ranges", "right", "values", "extractor", "__init__"]


def test_extract_steps_import_only_earlier_steps():
    folder = PACKAGE / "extract"
    assert sorted(EXTRACT_STEPS) == sorted(p.stem for p in folder.glob("*.py")), "a step is missing from the order"
    for i, step in enumerate(EXTRACT_STEPS):
        tree = ast.parse((folder / f"{step}.py").read_text(encoding="utf-8"))
        own = {(n.module or "") for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level == 1}
        later = own & set(EXTRACT_STEPS[i + 1:])
        assert not later, f"extract/{step} imports a later step: {sorted(later)}"


def test_extract_modules_are_readable_at_a_sitting():
    for path in (PACKAGE / "extract").glob("*.py"):
        lines = path.read_text(encoding="utf-8").count("\n")
        assert lines <= 320, f"extract/{path.name} has {lines} lines"


def test_formatters_do_not_import_the_command_line():
    for path in (PACKAGE / "report").glob("*.py"):
        assert "cli" not in _imports(path), path.name


@pytest.mark.parametrize("module", ["store", "store_frames", "cache", "archive", "query"])
def test_claims_store_modules_stay_under_the_command_line_and_formatters(module):
    imported = _imports(PACKAGE / f"{module}.py")
    assert not imported & {"cli", "report", "gate"}, f"{module} reaches into an outer layer"
    if module in ("store", "store_frames"):
        assert imported <= {"model", "errors", "store_frames"}, "the store holds plain records and knows no stage"
