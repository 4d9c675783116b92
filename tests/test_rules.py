"""Rules are validated data: malformed files give one `FILE:LINE:COL: problem` line and exit 2."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.errors import RulesError
from factcheck.normalise import DEFAULT_RULES
from factcheck.rules import load_rules


@pytest.fixture()
def rules_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES, folder, ignore=shutil.ignore_patterns("acknowledgements*"))
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def _check(folder: Path):
    return CliRunner().invoke(main, ["rules", "check", "--rules", str(folder)])


def test_project_rules_are_valid():
    result = CliRunner().invoke(main, ["rules", "check"])
    assert result.exit_code == 0, result.output
    assert "measures" in result.output and "organisations" in result.output and result.output.rstrip().endswith("ok")


def test_yaml_syntax_error_names_file_line_and_column(rules_dir):
    _edit(rules_dir / "tolerance.yaml", "  percent: {absolute: 0}", "  percent: {absolute: 0")
    result = _check(rules_dir)
    assert result.exit_code == 2
    line = result.output.strip()
    assert line.startswith(f"factcheck: {rules_dir / 'tolerance.yaml'}:")
    assert "YAML syntax error" in line and len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_unknown_field_lists_the_valid_ones(rules_dir):
    path = rules_dir / "measures.yaml"
    _edit(path, "    description: Share of a market", "    descripton: Share of a market")
    with pytest.raises(RulesError) as err:
        load_rules(str(rules_dir))
    assert err.value.line == _line_of(path, "descripton:")
    assert "unknown field 'descripton'" in str(err.value) and "valid: cues, description" in str(err.value)


def test_bad_regular_expression_points_at_the_cue(rules_dir):
    path = rules_dir / "measures.yaml"
    _edit(path, "'smelt\\w*'", "'smelt(\\w*'")
    with pytest.raises(RulesError) as err:
        load_rules(str(rules_dir))
    assert err.value.line == _line_of(path, "smelt(")
    assert err.value.col > 1 and "bad regular expression" in err.value.what


def test_duplicate_measure_key(rules_dir):
    path = rules_dir / "measures.yaml"
    _edit(path, "  - key: mining\n", "  - key: refining\n")
    with pytest.raises(RulesError) as err:
        load_rules(str(rules_dir))
    assert "duplicate measure key 'refining'" in str(err.value)
    lines = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "- key: refining" in line]
    assert err.value.line == lines[-1]  # the second one is the duplicate


def test_tolerance_of_the_wrong_dimension(rules_dir):
    path = rules_dir / "tolerance.yaml"
    _edit(path, "  percent: {absolute: 0}", "  percent: {relative: 0.05}")
    with pytest.raises(RulesError) as err:
        load_rules(str(rules_dir))
    assert err.value.line == _line_of(path, "percent: {relative")
    assert "must be `absolute`" in err.value.what


def test_unknown_unit_in_definitions(rules_dir):
    path = rules_dir / "units.txt"
    path.write_text(path.read_text(encoding="utf-8") + "furlongs_per_fortnight = 3 * zorkmid\n", encoding="utf-8")
    result = _check(rules_dir)
    assert result.exit_code == 2
    assert f"units.txt:{len(path.read_text(encoding='utf-8').splitlines())}:1:" in result.output
    assert "zorkmid" in result.output


def test_unknown_unit_in_a_conversion_rate(rules_dir):
    _edit(rules_dir / "conversions.yaml", "{from: USD, to: CNY", "{from: USX, to: CNY")
    with pytest.raises(RulesError) as err:
        load_rules(str(rules_dir))
    assert "unknown unit 'USX'" in err.value.what


def test_unknown_kind(rules_dir):
    _edit(rules_dir / "tolerance.yaml", "\nkind: tolerance\n", "\nkind: tolerances\n")
    with pytest.raises(RulesError) as err:
        load_rules(str(rules_dir))
    assert "unknown kind 'tolerances'" in err.value.what


def test_report_refuses_to_start_on_bad_rules(rules_dir, tmp_path):
    _edit(rules_dir / "measures.yaml", "'smelt\\w*'", "'smelt(\\w*'")
    article = tmp_path / "a.txt"
    article.write_text("China refines 90% of rare earths.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["report", str(article), "--rules", str(rules_dir), "--out", str(out)])
    assert result.exit_code == 2
    assert not out.exists()


def test_valid_but_empty_rules_folder_is_reported_with_warnings(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    shutil.copy(DEFAULT_RULES / "units.txt", folder / "units.txt")
    (folder / "measures.yaml").write_text("kind: measure\nmeasures: []\n", encoding="utf-8")
    (folder / "holders.yaml").write_text("kind: holder\norganisations: {}\n", encoding="utf-8")
    result = _check(folder)
    assert result.exit_code == 0, result.output
    warnings = result.stderr.strip().splitlines()
    assert len(warnings) == 2
    assert warnings[0].startswith(f"{folder}: warning: no measures")
    assert warnings[1].startswith(f"{folder}: warning: no entities or holders")
    assert result.stdout.rstrip().endswith("ok, 2 warning(s)")


def test_project_rules_have_no_warnings():
    result = CliRunner().invoke(main, ["rules", "check"])
    assert result.exit_code == 0 and result.stderr == ""


@pytest.mark.parametrize("args", [[], ["report"], ["check"], ["rules", "check"]])
def test_dash_h_is_help(args):
    short = CliRunner().invoke(main, [*args, "-h"])
    long = CliRunner().invoke(main, [*args, "--help"])
    assert short.exit_code == long.exit_code == 0
    assert short.output == long.output and "Usage:" in short.output


def test_a_counter_is_one_character_with_nouns(rules_dir):
    path = rules_dir / "frames.yaml"
    _edit(path, "counters: {辆: vehicle,", "counters: {车辆: vehicle,")
    with pytest.raises(RulesError) as err:
        load_rules(str(rules_dir))
    assert err.value.line == _line_of(path, "counters: {") and "'车辆'" in str(err.value)
