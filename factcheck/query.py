"""`factcheck claims`: what have we already said about this? Matching claims of an archive, from the store.

`holder`, `measure` and `object` match a claim's stored frame slot (a claim stored unframed, by
`factcheck extract`, is matched on the words of its sentence instead): the filter's words, whole,
case-insensitive, in order, with spaces or hyphens between them (Chinese terms match as written, inside any
text), or any of the slot values the phrase stands for (`ClaimQuery.means`: "中国" also finds "China",
"稀土" the named object "rare earths"). `text` needs every one of its words in the sentence. `since` keeps claims whose article is dated that day or
later (undated articles are left out). Results: most recent article first, then file and position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Sequence

from .store import ClaimsStore, StoredClaim, StoredFile

SLOT_FILTERS = ("holder", "measure", "object")
# Columns of a result record, in order (`records`).
RECORD_COLUMNS = ["date", "file", "line", "col", "quote", "sentence", "value", "value_high", "unit", "qualifier",
                  "article", "title", "holder", "measure", "object", "period", "matched_by"]


@dataclass(frozen=True)
class ClaimQuery:
    holder: str | None = None
    measure: str | None = None
    object: str | None = None
    since: str | None = None  # YYYY-MM-DD
    text: str | None = None  # words that must all be in the sentence
    # slot -> further slot values the slot's phrase stands for (`frames.slot_values`)
    means: dict[str, frozenset[str]] = field(default_factory=dict, hash=False, compare=False)

    def __post_init__(self) -> None:
        if self.since is not None:
            try:
                date.fromisoformat(self.since)
            except ValueError:
                raise ValueError(f"--since {self.since!r} is not a date: use YYYY-MM-DD") from None
            if len(self.since) != 10:
                raise ValueError(f"--since {self.since!r} is not a date: use YYYY-MM-DD")


def words_pattern(phrase: str) -> re.Pattern[str]:
    """The phrase's words, whole, case-insensitive, separated by spaces or hyphens; no word boundary on a
    side that is not a Latin letter or digit (Chinese is written without spaces)."""
    words = phrase.split()
    body = r"[\s\-]+".join(re.escape(w) for w in words)
    left = r"(?<![A-Za-z0-9])" if re.match(r"[A-Za-z0-9]", words[0]) else ""
    right = r"(?![A-Za-z0-9])" if re.search(r"[A-Za-z0-9]$", words[-1]) else ""
    return re.compile(left + body + right, re.IGNORECASE)


def _like(phrase: str) -> str:
    """A LIKE pattern every match of `words_pattern(phrase)` also matches (a cheap SQL pre-filter)."""
    longest = max(phrase.split(), key=len)
    return "%" + longest.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def find_claims(store: ClaimsStore, files: Sequence[StoredFile], query: ClaimQuery) -> list[StoredClaim]:
    """Every claim of `files` the query matches, most recent first."""
    where, params, checks = [], [], []
    for slot in SLOT_FILTERS:
        phrase = getattr(query, slot)
        if phrase and phrase.split():
            phrases = [phrase, *sorted(query.means.get(slot, ()))]
            where.append("(c.frame IS NOT NULL AND (" + " OR ".join(f"c.{slot} LIKE ? ESCAPE '\\'" for _ in phrases)
                         + ")) OR (c.frame IS NULL AND c.sentence LIKE ? ESCAPE '\\')")
            params += [*map(_like, phrases), _like(phrase)]
            checks.append((slot, _any_of([words_pattern(p) for p in phrases])))
    for word in (query.text or "").split():
        where.append("c.sentence LIKE ? ESCAPE '\\'")
        params.append(_like(word))
        checks.append(("sentence", words_pattern(word).search))
    if query.since:
        where.append("a.date >= ?")
        params.append(query.since)
    rows = store.stored_claims(files, " AND ".join(f"({w})" for w in where), params)
    found = [row for row in rows if all(matches(_field(row, name)) for name, matches in checks)]
    found.sort(key=lambda r: (r.claim.file, r.claim.start))
    found.sort(key=lambda r: r.date or "", reverse=True)  # stable: undated last, ties by file and position
    return found


def _any_of(patterns: Sequence[re.Pattern[str]]):
    return lambda text: any(p.search(text) for p in patterns)


def _field(row: StoredClaim, name: str) -> str:
    if name == "sentence" or row.frame is None:
        return row.claim.sentence
    return getattr(row.frame, name).value or ""


def records(rows: Sequence[StoredClaim], display: dict[str, str] | None = None) -> list[dict]:
    """Result rows as plain records with `RECORD_COLUMNS`; `display` maps corpus names to paths as given."""
    display = display or {}
    out = []
    for row in rows:
        c, frame = row.claim, row.frame
        slots = {s: getattr(frame, s).value if frame else None for s in ("holder", "measure", "object", "period")}
        out.append({"date": row.date, "file": display.get(c.file, c.file), "line": row.line, "col": row.col,
                    "quote": c.text, "sentence": c.sentence, "value": c.value, "value_high": c.value_high,
                    "unit": c.unit, "qualifier": c.qualifier, "article": c.article, "title": row.title, **slots,
                    "matched_by": "frame" if frame else "sentence"})
    return out
