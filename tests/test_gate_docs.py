"""Every registered rule code has its page in docs/rules/, with the sections a reader needs."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.gate import rule_help

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"
SECTIONS = ("## What it flags", "## Why", "## Flagged", "## Accepted", "## Options")


def test_the_registry_holds_the_known_codes():
    assert {"FC100", "FC200", "FC900", "FC901"} <= set(rule_help())


@pytest.mark.parametrize("code", sorted(rule_help()))
def test_every_registered_code_has_a_page(code):
    page = DOCS / f"{code}.md"
    assert page.is_file(), f"rule {code} is registered but docs/rules/{code}.md is missing"
    text = page.read_text(encoding="utf-8")
    assert text.startswith(f"# {code}"), f"docs/rules/{code}.md must start with '# {code}'"
    missing = [s for s in SECTIONS if s not in text]
    assert not missing, f"docs/rules/{code}.md lacks {missing}"
    assert code in (DOCS / "README.md").read_text(encoding="utf-8"), f"docs/rules/README.md lacks {code}"


def test_no_page_without_a_code():
    pages = {p.stem for p in DOCS.glob("FC*.md")}
    assert pages <= set(rule_help()), f"pages for unregistered codes: {sorted(pages - set(rule_help()))}"
