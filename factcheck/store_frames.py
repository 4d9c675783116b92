"""How the claims store writes a claim's frame: compact JSON that names each slot by its number in the store's
`slots` table, `[dimension, date, change, slot number per slot in SLOTS order]`.

A corpus has few distinct slots (196 in the 43,735 frames of the 10k-article benchmark: "actual", "no period",
one holder per article, ...), where writing each slot's value, words and rule into every frame made frames
four fifths of the claims' bytes and their parsing most of a warm run's reading. Each distinct slot is one
row, numbered once and never renumbered, so a number read back always names the slot it was given for.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Sequence

from .errors import FactcheckError
from .model import Frame, Slot

SLOTS = ("measure", "holder", "object", "period", "basis", "attribution")
assert tuple(Frame.__dataclass_fields__)[:len(SLOTS)] == SLOTS  # frames are made with their slots by position

SLOTS_DDL = "CREATE TABLE IF NOT EXISTS slots (id INTEGER PRIMARY KEY, slot TEXT NOT NULL UNIQUE);"


class DamagedFrame(FactcheckError):
    """A stored frame that names no stored slot: the file's row is damaged (read as a miss)."""


class FrameCodec:
    """Frames to and from their stored text, for one connection; slots are numbered in the `slots` table."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self._numbers: dict[tuple, int] = {}
        self._slots: dict[int, Slot] = {}
        self._loaded = False

    def forget(self) -> None:
        """Drop the slots known in memory: a transaction that numbered new ones was rolled back."""
        self._numbers.clear()
        self._slots.clear()
        self._loaded = False

    def _load(self) -> None:
        for number, text in self.db.execute("SELECT id, slot FROM slots"):
            slot = Slot(*json.loads(text))
            self._slots[number] = slot
            self._numbers[(slot.value, slot.words, slot.rule)] = number
        self._loaded = True

    def _number(self, slot: Slot) -> int:
        """The slot's number, a new one numbered inside the caller's transaction."""
        key = (slot.value, slot.words, slot.rule)
        number = self._numbers.get(key)
        if number is None:
            if not self._loaded:
                self._load()
                return self._number(slot)
            text = json.dumps(list(key), ensure_ascii=False)
            self.db.execute("INSERT OR IGNORE INTO slots (slot) VALUES (?)", (text,))  # another writer may have it
            (number,) = self.db.execute("SELECT id FROM slots WHERE slot = ?", (text,)).fetchone()
            self._numbers[key] = number
            self._slots[number] = slot
        return number

    def encode(self, frame: Frame) -> str:
        """The frame's stored text; call inside the transaction that writes it."""
        numbers = [self._number(getattr(frame, name)) for name in SLOTS]
        return json.dumps([frame.dimension, frame.date, frame.change, *numbers], ensure_ascii=False)

    def decode_many(self, texts: Sequence[str | None]) -> list[Frame | None]:
        """The frame of each text (None stays None). Equal texts give one shared (frozen) frame, and a slot
        number one slot: claims of one sentence, or of articles written alike, often have the same frame.
        The distinct texts are parsed as one JSON document, since thousands of small parses cost more than
        the frames they make."""
        distinct = list(dict.fromkeys(t for t in texts if t))
        if not distinct:
            return [None] * len(texts)
        written = json.loads("[" + ",".join(distinct) + "]")
        made = {text: self._frame(frame) for text, frame in zip(distinct, written)}
        return [made[t] if t else None for t in texts]

    def _frame(self, written: list) -> Frame:
        dimension, date, change, *numbers = written
        try:
            slots = [self._slots[n] for n in numbers]
        except KeyError:  # numbered after this connection last read the table (another writer), or damaged
            self._load()
            missing = [n for n in numbers if n not in self._slots]
            if missing:
                raise DamagedFrame(f"a stored frame names slot {missing[0]}, which the store does not hold") from None
            slots = [self._slots[n] for n in numbers]
        return Frame(*slots, dimension=dimension, date=date, change=change)
