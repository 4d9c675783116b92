"""The CI gate (issue 4): baseline, check, acknowledgements, inline ignores, config."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.normalise import DEFAULT_RULES
from factcheck.pipeline import analyse
from gate_texts import A, B

ROOT = Path(__file__).resolve().parent.parent

Z = "# 稀土\n\n中国控制了全球90%的稀土精炼产能。\n"
CONFLICT = "# Draft\n\nThe report adds that China refines 60% of the world's rare earths.\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A small English + Chinese corpus with one known contradiction, its own rules folder, cwd inside."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.md").write_text(A, encoding="utf-8")
    (tmp_path / "corpus" / "b.md").write_text(B, encoding="utf-8")
    (tmp_path / "corpus" / "z.md").write_text(Z, encoding="utf-8")
    shutil.copytree(DEFAULT_RULES, tmp_path / "rules")
    (tmp_path / "rules" / "acknowledgements.yaml").write_text(
        "kind: acknowledgement\nacknowledgements: []\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def gate(*args: str):
    return run("check", *args, "--rules", "rules")


def make_baseline(*args: str):
    return run("baseline", *args, "--rules", "rules")


def acknowledge(project: Path, entries: str) -> None:
    (project / "rules" / "acknowledgements.yaml").write_text(
        "kind: acknowledgement\nacknowledgements:\n" + entries, encoding="utf-8")


def new_ids(result) -> list[str]:
    return [f["id"] for f in json.loads(result.stdout)["new"]]


# --- Done when: a corpus and its baseline pass; a conflicting article fails; acknowledging passes ---------

def test_corpus_with_its_baseline_passes(project):
    first = gate("corpus")
    assert first.exit_code == 1, first.output  # no baseline yet: the known contradiction is new
    made = make_baseline("corpus")
    assert made.exit_code == 0, made.output
    data = json.loads((project / "reports" / "baseline.json").read_text(encoding="utf-8"))
    assert [f["rule"] for f in data["findings"]] == ["FC100"]
    result = gate("corpus")
    assert result.exit_code == 0, result.output
    assert "0 new, 1 known" in result.output


def test_conflicting_article_fails_naming_file_and_line_then_acknowledging_passes(project):
    assert make_baseline("corpus").exit_code == 0
    (project / "corpus" / "new.md").write_text(CONFLICT, encoding="utf-8")
    result = gate("corpus")
    assert result.exit_code == 1, result.output
    assert "corpus/new.md:3:" in result.stdout
    assert "60%" in result.stdout and "FAILED" in result.stdout

    # The 60% joins the known refining disagreement: the finding is the known one, grown by one claim.
    [finding_id] = [f["id"] for f in json.loads(gate("corpus", "--format", "json").stdout)["grown"]]
    acknowledge(project, f"  - id: {finding_id}\n    reason: the new report measures a different year\n"
                         "    date: 2025-11-20\n")
    result = gate("corpus")
    assert result.exit_code == 0, result.output
    assert "1 acknowledged" in result.stdout and "different year" in result.stdout


def test_a_new_claim_joining_a_known_finding_is_new_and_the_finding_is_not_fixed(project):
    assert make_baseline("corpus").exit_code == 0
    [known_id] = [e["id"] for e in json.loads((project / "reports" / "baseline.json").read_text())["findings"]]
    (project / "corpus" / "new.md").write_text(CONFLICT, encoding="utf-8")
    result = gate("corpus")
    assert result.exit_code == 1, result.output
    out = result.stdout
    assert "1 new claim(s) in 1 known finding(s):" in out
    assert f"joins known finding {known_id}" in out
    [new_line] = [ln for ln in out.splitlines() if ln.strip().startswith("new: ")]
    assert new_line.split()[1].startswith("corpus/new.md:3:") and new_line.split()[2] == "60%"
    assert "no longer occur" not in out
    assert out.rstrip().endswith("factcheck check FAILED: 0 new, 0 known, 1 known with new claims (1 claim(s)), "
                                 "0 acknowledged, 0 fixed")
    data = json.loads(gate("corpus", "--format", "json").stdout)
    assert data["passed"] is False and data["new"] == [] and data["fixed"] == []
    [grown] = data["grown"]
    assert grown["joins"] == known_id
    assert [(c["path"], c["quote"]) for c in grown["new_claims"]] == [("corpus/new.md", "60%")]
    github = gate("corpus", "--format", "github").stdout.splitlines()
    errors = [ln for ln in github if ln.startswith("::error ")]
    assert len(errors) == 1 and "file=corpus/new.md,line=3," in errors[0] and known_id in errors[0]
    sarif = json.loads(gate("corpus", "--format", "sarif").stdout)
    assert [r["baselineState"] for r in sarif["runs"][0]["results"]] == ["updated"]


def test_check_allow_growth_says_what_was_added_and_never_prints_failed(project):
    assert make_baseline("corpus").exit_code == 0
    (project / "corpus" / "new.md").write_text(CONFLICT, encoding="utf-8")
    (project / "corpus" / "other.md").write_text(CONFLICT.replace("rare earths", "rare earth magnets"),
                                                 encoding="utf-8")
    (project / "corpus" / "other2.md").write_text(B.replace("rare earths", "rare earth magnets"), encoding="utf-8")
    grown = gate("corpus", "--allow-growth")
    assert grown.exit_code == 0, grown.output
    assert "FAILED" not in grown.output
    assert "--allow-growth: 1 new finding(s) and 1 new claim(s) of 1 known finding(s) added" in grown.stdout
    assert "factcheck check passed" in grown.stdout
    data = json.loads((project / "reports" / "baseline.json").read_text(encoding="utf-8"))
    assert len(data["findings"]) == 2  # the grown finding replaced its entry; the new one was added
    again = gate("corpus")
    assert again.exit_code == 0 and "0 new, 2 known" in again.stdout and "0 fixed" in again.stdout


def test_a_known_finding_is_matched_by_its_claims_when_its_subject_key_changes(project):
    assert make_baseline("corpus").exit_code == 0
    path = project / "reports" / "baseline.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["findings"][0]["subject"] = "renamed|by|a|new|grouping"
    data["findings"][0]["id"] = "FC100-000000000000"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = gate("corpus")
    assert result.exit_code == 0, result.output
    assert "0 new, 1 known" in result.stdout and "0 fixed" in result.stdout


def test_acknowledging_by_subject_and_values(project):
    make_baseline("corpus")
    (project / "corpus" / "new.md").write_text(CONFLICT, encoding="utf-8")
    acknowledge(project, "  - subject: share of refining|China@World\n    values: [60, 80, 90]\n"
                         "    reason: sources differ\n    date: 2025-11-20\n")
    assert gate("corpus").exit_code == 0
    # A value outside those accepted is not covered.
    (project / "corpus" / "other.md").write_text(CONFLICT.replace("60%", "40%"), encoding="utf-8")
    assert gate("corpus").exit_code == 1


def test_acknowledged_findings_show_in_the_html_report(project):
    analysis = analyse(["corpus"], "rules")
    acknowledge(project, f"  - id: {analysis.findings[0].id}\n    reason: the sources differ\n"
                         "    date: 2025-11-20\n")
    result = run("report", "corpus", "--rules", "rules", "--format", "html", "--out", "out")
    assert result.exit_code == 0, result.output
    html = (project / "out" / "report.html").read_text(encoding="utf-8")
    assert "acknowledged" in html and "the sources differ" in html


# --- Done when: editing unrelated text changes no finding id ---------------------------------------------

def test_unrelated_edit_above_a_claim_changes_no_finding_id(project):
    (project / "corpus" / "new.md").write_text(CONFLICT, encoding="utf-8")
    before = analyse(["corpus"], "rules").findings
    make_baseline("corpus")
    path = project / "corpus" / "a.md"
    path.write_text(A.replace("\n\nChina", "\n\nMarkets were calm on Monday.\nPrices held steady.\n\nChina"),
                    encoding="utf-8")
    zh = project / "corpus" / "z.md"
    zh.write_text(Z.replace("\n\n中国", "\n\n市场周一表现平稳。\n\n中国"), encoding="utf-8")
    after = analyse(["corpus"], "rules").findings
    assert before and [f.id for f in before] == [f.id for f in after]
    assert [c.line for c in before[0].claims] != [c.line for c in after[0].claims]  # the claims did move
    assert gate("corpus").exit_code == 0


# --- Done when: a crash while writing the baseline leaves the previous one intact ------------------------

@pytest.mark.parametrize("where", ["replace", "fsync"])
def test_crash_while_writing_the_baseline_keeps_the_previous_one(project, monkeypatch, where):
    assert make_baseline("corpus").exit_code == 0
    path = project / "reports" / "baseline.json"
    previous = path.read_bytes()
    (project / "corpus" / "b.md").unlink()  # the baseline would now shrink to nothing

    def crash(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, where, crash)
    result = make_baseline("corpus")
    assert result.exit_code == 2
    assert "cannot write the baseline" in result.stderr and "Traceback" not in result.output
    assert path.read_bytes() == previous
    assert sorted(p.name for p in path.parent.iterdir()) == ["baseline.json"]  # no temporary file left


# --- Done when: the sample corpus's own baseline is committed and passes ---------------------------------

def test_seeds_pass_against_the_committed_baseline():
    baseline = ROOT / "reports" / "baseline.json"
    assert baseline.is_file(), "reports/baseline.json must be committed (`factcheck baseline seeds/`)"
    result = subprocess.run([sys.executable, "-m", "factcheck.cli", "check", "seeds/"], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "passed" in result.stdout


def test_committed_baseline_is_not_stale(monkeypatch):
    """reports/baseline.json is exactly what `factcheck baseline seeds/ --allow-growth` writes today: when the
    grouping or the messages change, regenerate it with that command and review the diff."""
    from factcheck.gate import baseline_findings, render_baseline, run_check

    monkeypatch.chdir(ROOT)
    result = run_check(["seeds"], "reports/baseline.json", "rules", warn=lambda line: None)
    committed = (ROOT / "reports" / "baseline.json").read_text(encoding="utf-8")
    assert render_baseline(baseline_findings(result)) == committed, \
        "reports/baseline.json is stale: run `factcheck baseline seeds/ --allow-growth` and commit it"


# --- the baseline: only shrinks, sorted, fixed findings, --prune, --allow-growth -------------------------

def test_baseline_is_sorted_pretty_and_reproducible(project):
    (project / "corpus" / "new.md").write_text(CONFLICT.replace("rare earths", "rare earth magnets"),
                                               encoding="utf-8")
    make_baseline("corpus")
    path = project / "reports" / "baseline.json"
    first = path.read_bytes()
    path.unlink()
    make_baseline("corpus")
    assert path.read_bytes() == first
    text = first.decode("utf-8")
    data = json.loads(text)
    ids = [f["id"] for f in data["findings"]]
    assert ids == sorted(ids) and text.startswith("{\n  ") and text.endswith("}\n")
    assert "90%" in text  # quotes are kept for review; offsets and lines are not
    assert '"line"' not in text and '"start"' not in text


def test_baseline_may_only_shrink_unless_allow_growth(project):
    make_baseline("corpus")
    path = project / "reports" / "baseline.json"
    previous = path.read_bytes()
    (project / "corpus" / "new.md").write_text(CONFLICT, encoding="utf-8")
    refused = make_baseline("corpus")
    assert refused.exit_code == 1
    assert "may only shrink" in refused.stderr and "corpus/new.md:3:" in refused.stderr
    assert path.read_bytes() == previous
    grown = make_baseline("corpus", "--allow-growth")
    assert grown.exit_code == 0, grown.output
    assert gate("corpus").exit_code == 0


def test_fixed_findings_are_listed_and_pruned(project):
    make_baseline("corpus")
    (project / "corpus" / "b.md").write_text(B.replace("80%", "90%"), encoding="utf-8")
    result = gate("corpus")
    assert result.exit_code == 0
    assert "1 fixed" in result.stdout and "no longer occur" in result.stdout
    pruned = gate("corpus", "--prune")
    assert pruned.exit_code == 0
    data = json.loads((project / "reports" / "baseline.json").read_text(encoding="utf-8"))
    assert data["findings"] == []
    assert "0 fixed" in gate("corpus").stdout


def test_check_allow_growth_records_new_findings(project):
    make_baseline("corpus")
    (project / "corpus" / "new.md").write_text(CONFLICT, encoding="utf-8")
    assert gate("corpus", "--allow-growth").exit_code == 0
    assert gate("corpus").exit_code == 0


def test_a_known_contradiction_that_loses_a_claim_stays_known(project):
    (project / "corpus" / "c.md").write_text(B.replace("80%", "75%"), encoding="utf-8")
    make_baseline("corpus")
    (project / "corpus" / "c.md").unlink()
    result = gate("corpus", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["summary"]["known"] == 1 and data["summary"]["new"] == 0


# --- inline ignores ---------------------------------------------------------------------------------------

def test_inline_ignore_on_the_line_before_a_claim(project):
    make_baseline("corpus")
    ignored = CONFLICT.replace("\n\nThe report", "\n\n<!-- factcheck-ignore FC100: the report covers 2019 -->\n"
                                                 "The report")
    (project / "corpus" / "new.md").write_text(ignored, encoding="utf-8")
    result = gate("corpus", "--format", "json")
    assert result.exit_code == 0, result.output
    [ack] = json.loads(result.stdout)["acknowledged"]
    assert "the report covers 2019" in ack["reason"] and "new.md:3" in ack["reason"]


def test_inline_ignore_in_html_comment_and_chinese(project):
    make_baseline("corpus")
    html = ("<html><body><h1>稀土</h1>\n<!-- factcheck-ignore FC100: 数据来源不同 -->\n"
            "<p>中国控制了全球60%的稀土精炼产能。</p></body></html>\n")
    (project / "corpus" / "new.html").write_text(html, encoding="utf-8")
    result = gate("corpus")
    assert result.exit_code == 0, result.output


def test_unused_inline_ignore_is_reported(project):
    make_baseline("corpus")
    text = "# Note\n\n<!-- factcheck-ignore FC100: nothing here -->\nThe weather was fine.\n"
    (project / "corpus" / "note.md").write_text(text, encoding="utf-8")
    result = gate("corpus")
    assert result.exit_code == 1
    assert "FC900" in result.stdout and "corpus/note.md:3:1" in result.stdout


@pytest.mark.parametrize("comment", ["<!-- factcheck-ignore FC100 -->", "<!-- factcheck-ignore FC100:   -->",
                                     "<!-- factcheck-ignore FC999: typo -->"])
def test_malformed_inline_ignore_is_reported(project, comment):
    make_baseline("corpus")
    text = CONFLICT.replace("\n\nThe report", f"\n\n{comment}\nThe report")
    (project / "corpus" / "new.md").write_text(text, encoding="utf-8")
    data = json.loads(gate("corpus", "--format", "json").stdout)
    rules = sorted(f["rule"] for f in data["new"] + data["grown"])
    assert rules == ["FC100", "FC901"]  # the finding stays failing (its new claim), and the comment is flagged


# --- --against: a draft against the published corpus -----------------------------------------------------

def test_against_reports_only_findings_involving_the_draft(project):
    (project / "draft.md").write_text(CONFLICT.replace("rare earths", "rare earth magnets"), encoding="utf-8")
    (project / "corpus" / "m.md").write_text(A.replace("90%", "92%").replace("rare earths", "rare earth magnets"),
                                             encoding="utf-8")
    # The corpus's own contradiction (90% vs 80%) is not the draft's business: not even a baseline is needed.
    result = gate("draft.md", "--against", "corpus", "--format", "json", "--baseline", "none.json")
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert len(data["new"]) == 1 and data["fixed"] == []
    assert {c["path"] for c in data["new"][0]["claims"]} == {"draft.md", "corpus/m.md"}
    (project / "draft.md").write_text("# Draft\n\nNothing numeric.\n", encoding="utf-8")
    assert gate("draft.md", "--against", "corpus", "--baseline", "none.json").exit_code == 0


def test_against_takes_several_corpora(project):
    (project / "archive").mkdir()
    shutil.move(project / "corpus" / "b.md", project / "archive" / "b.md")
    (project / "draft.md").write_text(CONFLICT, encoding="utf-8")
    result = gate("draft.md", "--against", "corpus", "archive", "--format", "json")
    assert result.exit_code == 1, result.output
    paths = {c["path"] for c in json.loads(result.stdout)["new"][0]["claims"]}
    assert {"draft.md", "corpus/a.md", "archive/b.md"} <= paths


# --- configuration ----------------------------------------------------------------------------------------

def test_pyproject_config_from_a_subfolder_and_cli_override(project, monkeypatch):
    (project / "pyproject.toml").write_text(
        '[tool.factcheck]\npaths = ["corpus"]\nbaseline = "gate/known.json"\nrules = "rules"\n', encoding="utf-8")
    (project / "sub" / "deeper").mkdir(parents=True)
    monkeypatch.chdir(project / "sub" / "deeper")
    made = run("baseline")
    assert made.exit_code == 0, made.output
    assert (project / "gate" / "known.json").is_file()
    assert run("check").exit_code == 0
    # The command line wins: another baseline (absent, so everything is new).
    overridden = run("check", "--baseline", "other.json")
    assert overridden.exit_code == 1 and "no baseline at other.json" in overridden.stdout


def test_bad_config_is_a_clean_error(project):
    (project / "pyproject.toml").write_text('[tool.factcheck]\npath = ["corpus"]\n', encoding="utf-8")
    result = run("check")
    assert result.exit_code == 2
    assert "unknown key 'path'" in result.stderr and "Traceback" not in result.output


# --- errors: exit 2 ---------------------------------------------------------------------------------------

def test_no_paths_and_no_config_is_exit_2(project):
    result = run("check")
    assert result.exit_code == 2 and "no PATH given" in result.stderr


def test_missing_path_is_exit_2(project):
    result = gate("nowhere")
    assert result.exit_code == 2 and "nowhere" in result.stderr


def test_corrupt_baseline_is_exit_2(project):
    (project / "reports").mkdir()
    (project / "reports" / "baseline.json").write_text("{not json", encoding="utf-8")
    result = gate("corpus")
    assert result.exit_code == 2 and "baseline is not valid JSON" in result.stderr


def test_unknown_format_is_exit_2(project):
    assert gate("corpus", "--format", "xml").exit_code == 2


def test_against_without_a_value_is_exit_2(project):
    assert gate("corpus", "--against").exit_code == 2
    assert gate("corpus", "--against", "--prune").exit_code == 2


def test_config_discovery_rules(tmp_path, monkeypatch):
    from factcheck.config import load_config

    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\npaths = "news"\nrules = "my-rules"\n',
                                             encoding="utf-8")
    inner = tmp_path / "pkg"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "other"\n', encoding="utf-8")  # no table: skipped
    monkeypatch.chdir(inner)
    config = load_config()
    assert config.source == tmp_path / "pyproject.toml"
    # Relative to the pyproject.toml's folder, not to the current one.
    assert [Path(p).resolve() for p in config.paths] == [tmp_path / "news"]
    assert Path(config.rules).resolve() == tmp_path / "my-rules" and config.baseline is None
    monkeypatch.chdir(tmp_path)
    assert load_config().paths == ("news",)  # below the current folder: kept short


def test_a_passing_run_in_github_format_has_no_errors(project):
    make_baseline("corpus")
    summary = project / "summary.md"
    result = CliRunner(env={"GITHUB_STEP_SUMMARY": str(summary)}).invoke(
        main, ["check", "corpus", "--rules", "rules", "--format", "github"])
    assert result.exit_code == 0
    assert "::error" not in result.stdout
    assert "✅ passed" in summary.read_text(encoding="utf-8")


def test_display_paths_resolve_symlinked_files_and_folders(tmp_path, monkeypatch):
    """Each file is shown where it really is, from the current folder (a link's target), else as found."""
    from factcheck.gate import _display_paths

    work = tmp_path / "work"
    (work / "elsewhere").mkdir(parents=True)
    (work / "elsewhere" / "far.md").write_text("x", encoding="utf-8")
    (tmp_path / "outside.md").write_text("x", encoding="utf-8")
    corpus = work / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "sub" / "near.md").write_text("x", encoding="utf-8")
    os.symlink(work / "elsewhere" / "far.md", corpus / "link.md")
    os.symlink(tmp_path / "outside.md", corpus / "out.md")
    os.symlink(work / "elsewhere", corpus / "linked")
    monkeypatch.chdir(work)
    assert _display_paths(["corpus"]) == {"link.md": "elsewhere/far.md", "linked/far.md": "elsewhere/far.md",
                                          "out.md": "corpus/out.md", "sub/near.md": "corpus/sub/near.md"}
