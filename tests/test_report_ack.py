"""Acknowledged findings, from rules/ or an inline ignore, show in report.html and report.json with their
reason, end to end through `factcheck report`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import main
from factcheck.normalise import DEFAULT_RULES


def _corpus(root: Path, ignore: bool) -> None:
    root.mkdir()
    (root / "a.md").write_text("China controls 90% of global rare earth refining.\n", encoding="utf-8")
    marker = "<!-- factcheck-ignore FC100: the survey counts separation plants only -->\n" if ignore else ""
    (root / "b.md").write_text(f"Rare earth refining.\n\n{marker}China controls 75% of global rare earth "
                               "refining.\n", encoding="utf-8")


def _report(corpus: Path, out: Path, *extra: str) -> tuple[dict, str]:
    result = CliRunner().invoke(main, ["report", str(corpus), "--out", str(out), "--format", "all", *extra])
    assert result.exit_code == 0, result.output
    return (json.loads((out / "report.json").read_text(encoding="utf-8")),
            (out / "report.html").read_text(encoding="utf-8"))


def test_inline_ignore_marks_the_finding_acknowledged(tmp_path):
    _corpus(tmp_path / "c", ignore=True)
    data, html = _report(tmp_path / "c", tmp_path / "out")
    (finding,) = data["findings"]
    assert finding["acknowledged"] == "the survey counts separation plants only (inline, b.md:3)"
    assert "the survey counts separation plants only" in html


def test_acknowledgement_in_rules_marks_the_finding_acknowledged(tmp_path):
    _corpus(tmp_path / "c", ignore=False)
    data, _ = _report(tmp_path / "c", tmp_path / "out1")
    (finding,) = data["findings"]
    assert "acknowledged" not in finding
    rules = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES, rules)
    (rules / "acknowledgements.yaml").write_text(
        "kind: acknowledgement\nacknowledgements:\n"
        f"  - id: {finding['id']}\n    reason: both figures are attributed to their sources\n    date: 2025-11-20\n",
        encoding="utf-8")
    data, html = _report(tmp_path / "c", tmp_path / "out2", "--rules", str(rules))
    assert data["findings"][0]["acknowledged"] == ("both figures are attributed to their sources "
                                                   "(acknowledged 2025-11-20)")
    assert "both figures are attributed to their sources" in html
